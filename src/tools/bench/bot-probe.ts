/**
 * Preloaded into the real bot by `npm run bench -- --profile` (`node --require …/bot-probe.js`).
 * Each SIGUSR2 opens or closes a window. In a window the V8 CPU profiler runs and the bot's
 * outgoing HTTP requests (Table Storage, Blob Storage, the Bot Connector) are traced; closing
 * window n writes `cpu-<n>.cpuprofile` and `requests-<n>.json` to BENCH_PROBE_DIR, the profile
 * last. (`--cpu-prof` is refused in NODE_OPTIONS and would profile start-up too.)
 */
import { renameSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** One outgoing request: when it started and when its response headers came (epoch milliseconds). */
export interface TracedRequest {
  start: number;
  end: number;
  method: string;
  port: number;
  path: string;
}

/** The files window `n` (from 1) is written to. */
export function probeFiles(directory: string, n: number): { cpuProfile: string; requestTrace: string } {
  return { cpuProfile: join(directory, `cpu-${n}.cpuprofile`), requestTrace: join(directory, `requests-${n}.json`) };
}

const directory = process.env.BENCH_PROBE_DIR;
const now = () => performance.timeOrigin + performance.now();

/** Written whole or not at all, so the bench never reads half a file. */
function writeAtomically(file: string, text: string): void {
  writeFileSync(`${file}.partial`, text);
  renameSync(`${file}.partial`, file);
}

function portOf(target: unknown): number {
  if (typeof target === 'string' || target instanceof URL) return Number(new URL(target).port);
  return Number((target as { port?: number | string } | undefined)?.port ?? 0);
}

if (directory) {
  const session = new Session();
  session.connect();
  let trace: TracedRequest[] | undefined;
  let windows = 0;

  // The Azure SDK and the Bot Framework connector both call http.request through the module object.
  const original = http.request.bind(http) as (...args: unknown[]) => http.ClientRequest;
  (http as { request: unknown }).request = (...args: unknown[]): http.ClientRequest => {
    const request = original(...args);
    const into = trace;
    if (into) {
      const start = now();
      request.once('response', () => into.push({ start, end: now(), method: request.method, port: portOf(args[0]), path: request.path }));
    }
    return request;
  };

  process.on('SIGUSR2', () => {
    if (!trace) {
      trace = [];
      session.post('Profiler.enable', () => session.post('Profiler.setSamplingInterval', { interval: 250 }, () => session.post('Profiler.start')));
      return;
    }
    const traced = trace;
    trace = undefined;
    windows += 1;
    const files = probeFiles(directory, windows);
    session.post('Profiler.stop', (error, result) => {
      if (error) console.error(`cpu profile: ${error.message}`);
      writeAtomically(files.requestTrace, JSON.stringify(traced));
      writeAtomically(files.cpuProfile, JSON.stringify(error ? { nodes: [], samples: [], timeDeltas: [] } : result.profile));
    });
  });
}
