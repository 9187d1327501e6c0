import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startAzurite, type AzuriteHandle, type AzuriteOptions } from './azurite';
import type { AzuriteChildMessage, AzuriteParentMessage } from './azurite-process';

/**
 * Entry point of the embedded Azurite's own process (forked by azurite-process.ts). It holds the
 * data in memory and on disk for the bot, so a crash of the bot — even `kill -9` — loses nothing
 * the bot already wrote: the IPC channel closes, this process flushes to disk and exits. Without
 * a location it keeps everything in memory (the tests' Azurite, test/support/global-setup.ts).
 */

const PREVIOUS_INSTANCE_WAIT_MS = 15_000;

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as AzuriteOptions;
  // Ctrl+C in a terminal reaches the whole process group: the bot decides when this process stops.
  process.on('SIGINT', () => undefined);
  // In memory (the tests' Azurite) there is no folder to share, so no pid file either.
  const pidFile = options.location === undefined ? undefined : await claimFolder(options.location);

  let azurite: AzuriteHandle;
  try {
    azurite = await startAzurite(options);
  } catch (error) {
    if (pidFile) rmSync(pidFile, { force: true });
    fail(error);
  }

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await azurite.stop().catch(() => undefined); // flushes every table and blob to disk
    if (pidFile) rmSync(pidFile, { force: true });
    process.exit(0);
  };
  process.on('message', (message: AzuriteParentMessage) => {
    if (message?.type === 'stop') void stop();
  });
  // The bot went away without a word (crash, kill -9): its IPC channel closes.
  process.on('disconnect', () => void stop());
  process.on('SIGTERM', () => void stop());
  send({
    type: 'ready',
    tableEndpoint: azurite.tableEndpoint,
    blobEndpoint: azurite.blobEndpoint,
    tablePort: azurite.tablePort,
    blobPort: azurite.blobPort,
    connectionString: azurite.connectionString,
    startMs: azurite.startMs,
  });
}

/** Waits for a previous Azurite on the folder to exit, then marks the folder as this process's. */
async function claimFolder(location: string): Promise<string> {
  await waitForPreviousInstance(location);
  const pidFile = join(location, 'azurite.pid');
  writeFileSync(pidFile, String(process.pid));
  return pidFile;
}

/** A previous Azurite on the same folder may still be writing its last flush: wait for it to exit. */
async function waitForPreviousInstance(location: string): Promise<void> {
  const deadline = Date.now() + PREVIOUS_INSTANCE_WAIT_MS;
  for (;;) {
    const pid = previousPid(location);
    if (pid === undefined || pid === process.pid || !alive(pid)) return;
    if (Date.now() > deadline) throw new Error(`Azurite (pid ${pid}) still holds ${location}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function previousPid(location: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(location, 'azurite.pid'), 'utf8'));
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function send(message: AzuriteChildMessage): void {
  process.send?.(message);
}

/** Tells the bot why (a port in use, a folder held by another Azurite) and exits. */
function fail(error: unknown): never {
  const code = (error as NodeJS.ErrnoException).code ?? (error as Error).name ?? 'unknown';
  send({ type: 'failed', code, detail: (error as Error).message ?? String(error) });
  process.exit(1);
}

main().catch(fail);
