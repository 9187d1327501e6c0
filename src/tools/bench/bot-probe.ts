/**
 * Preloaded into the real bot by `npm run bench -- --profile` (`node --require …/bot-probe.js`).
 * The first SIGUSR2 starts the V8 CPU profiler and a trace of the bot's outgoing HTTP requests
 * (Table Storage, Blob Storage, the Bot Connector); the second writes the profile to
 * BENCH_CPU_PROFILE and the trace to BENCH_REQUEST_TRACE. (`--cpu-prof` is refused in NODE_OPTIONS
 * and would profile start-up too.)
 */
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import { Session } from 'node:inspector';
import { performance } from 'node:perf_hooks';

/** One outgoing request: when it started and when its response headers came (epoch milliseconds). */
export interface TracedRequest {
  start: number;
  end: number;
  method: string;
  port: number;
  path: string;
}

const profileFile = process.env.BENCH_CPU_PROFILE;
const traceFile = process.env.BENCH_REQUEST_TRACE;
const now = () => performance.timeOrigin + performance.now();

if (profileFile && traceFile) {
  const session = new Session();
  session.connect();
  const trace: TracedRequest[] = [];
  let tracing = false;

  // The Azure SDK and the Bot Framework connector both call http.request through the module object.
  const original = http.request.bind(http) as (...args: unknown[]) => http.ClientRequest;
  (http as { request: unknown }).request = (...args: unknown[]): http.ClientRequest => {
    const request = original(...args);
    if (tracing) {
      const start = now();
      request.once('response', () => {
        trace.push({ start, end: now(), method: request.method, port: portOf(args[0]), path: request.path });
      });
    }
    return request;
  };

  const portOf = (target: unknown): number => {
    if (typeof target === 'string' || target instanceof URL) return Number(new URL(target).port);
    return Number((target as { port?: number | string } | undefined)?.port ?? 0);
  };

  process.on('SIGUSR2', () => {
    if (!tracing) {
      tracing = true;
      session.post('Profiler.enable', () => session.post('Profiler.setSamplingInterval', { interval: 250 }, () => session.post('Profiler.start')));
      return;
    }
    tracing = false;
    session.post('Profiler.stop', (error, result) => {
      if (error) console.error(`cpu profile: ${error.message}`);
      writeFileSync(traceFile, JSON.stringify(trace));
      writeFileSync(profileFile, JSON.stringify(error ? {} : result.profile));
    });
  });
}
