import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AzuriteHandle, AzuriteOptions } from './azurite';

/**
 * The embedded Azurite of local mode, in its own process: it keeps its own event loop (the bot's
 * work does not slow storage down) and outlives a crash of the bot long enough to flush what the
 * bot wrote (see azurite-child.ts). It stops when the bot stops or dies.
 */

/** From the bot to Azurite. */
export type AzuriteParentMessage = { type: 'stop' };
/** From Azurite to the bot. */
export type AzuriteChildMessage =
  | { type: 'ready'; tableEndpoint: string; blobEndpoint: string; tablePort: number; blobPort: number; connectionString: string; startMs: number }
  | { type: 'failed'; code: string; detail: string };

const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;

/** Azurite in its own process, persisting to `location` (or in memory without one). */
export interface AzuriteProcessHandle extends AzuriteHandle {
  pid: number;
}

/**
 * Starts Azurite in a child process; resolves once it listens. Also the way to run Azurite beside
 * restify: restify patches Node's http module for its whole process (see startAzurite).
 */
export async function startAzuriteProcess(options: AzuriteOptions = {}): Promise<AzuriteProcessHandle> {
  const location = options.location === undefined ? undefined : resolve(options.location);
  if (location !== undefined) mkdirSync(location, { recursive: true });
  const child = fork(childEntry(), [JSON.stringify({ ...options, location })], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: [],
    serialization: 'json',
  });
  const ready = await new Promise<Extract<AzuriteChildMessage, { type: 'ready' }>>((done, reject) => {
    const timer = setTimeout(() => reject(new Error(`Azurite did not start within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
    child.once('message', (message: AzuriteChildMessage) => {
      clearTimeout(timer);
      if (message.type === 'ready') done(message);
      else reject(new Error(`Azurite could not start (${message.code}): ${message.detail}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Azurite exited during start-up (code ${code})`));
    });
  });
  child.removeAllListeners('exit');
  // Azurite's process must not keep the bot alive, nor the bot wait for it except in stop().
  child.unref();
  child.channel?.unref();

  let stopping: Promise<void> | undefined;
  return {
    ...ready,
    location,
    pid: child.pid ?? 0,
    stop: () => (stopping ??= stopChild(child)),
  };
}

/** Asks Azurite to flush and exit; kills it only if it does not within the timeout. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  child.ref();
  return new Promise((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    if (child.connected) child.send({ type: 'stop' } satisfies AzuriteParentMessage);
    else child.kill('SIGTERM');
  });
}

/** The compiled child script; from sources (ts-jest) the build output is used, so run `npm run build` first. */
function childEntry(): string {
  if (!__filename.endsWith('.ts')) return join(__dirname, 'azurite-child.js');
  const compiledFolder = join(__dirname, '..', '..', 'dist', 'src', 'storage');
  for (const name of ['azurite-child', 'azurite']) {
    const compiled = join(compiledFolder, `${name}.js`);
    if (!existsSync(compiled) || statSync(compiled).mtimeMs < statSync(join(__dirname, `${name}.ts`)).mtimeMs) {
      throw new Error(`${compiled} is missing or older than src/storage/${name}.ts: run \`npm run build\` first (Azurite runs compiled, in its own process).`);
    }
  }
  return join(compiledFolder, 'azurite-child.js');
}
