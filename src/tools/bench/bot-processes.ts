import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../local/headless-browser';

/** A bot running as its own operating-system process, as in production: its own event loop. */
export interface BotProcess {
  baseUrl: string;
  pid: number;
  /** Sends a signal to the bot process (the probe listens for SIGUSR2). */
  signal(name: NodeJS.Signals): void;
  stop(): Promise<void>;
}

/** The compiled entry points, beside this file in dist/. */
const DIST_SRC = join(__dirname, '..', '..');
export const FLOOR_BOT_ENTRY = join(DIST_SRC, 'tools', 'bench', 'floor-bot.js');
export const REAL_BOT_ENTRY = join(DIST_SRC, 'main.js');
export const BOT_PROBE = join(DIST_SRC, 'tools', 'bench', 'bot-probe.js');

export { freePort };

/** The floor bot (src/tools/bench/floor-bot.ts). */
export async function startFloorBot(): Promise<BotProcess> {
  // restify 11 (12 needs Node 22) still reaches for process.binding('http_parser'): Node's warning about it is noise here.
  return startProcess(['--no-deprecation', FLOOR_BOT_ENTRY], {});
}

/**
 * The real bot, `node dist/src/main.js`, in local mode (no app id) with its own embedded Azurite in
 * a fresh folder, replying to `connectorUrl`. With `probeDirectory`, bot-probe.ts is preloaded and
 * writes its profiles and request traces there.
 */
export async function startRealBot(connectorUrl: string, probeDirectory?: string): Promise<BotProcess> {
  const azuriteFolder = mkdtempSync(join(tmpdir(), 'bench-azurite-'));
  const bot = await startProcess(probeDirectory ? ['--require', BOT_PROBE, REAL_BOT_ENTRY] : [REAL_BOT_ENTRY], {
    LOCAL_MODE: 'true',
    CONNECTOR_SERVICE_URL: connectorUrl,
    AZURITE_LOCATION: azuriteFolder,
    AZURITE_TABLE_PORT: '0',
    AZURITE_BLOB_PORT: '0',
    TABLE_PREFIX: 'bench',
    ...(probeDirectory ? { BENCH_PROBE_DIR: probeDirectory } : {}),
  });
  return {
    ...bot,
    stop: async () => {
      await bot.stop();
      rmSync(azuriteFolder, { recursive: true, force: true });
    },
  };
}

async function startProcess(args: string[], env: Record<string, string>): Promise<BotProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port) },
    // Logs go nowhere (their cost stays in the figures); errors are shown.
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${args.at(-1)} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) return handle(child, baseUrl);
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`${args.at(-1)} did not become healthy`);
}

function handle(child: ChildProcess, baseUrl: string): BotProcess {
  return {
    baseUrl,
    pid: child.pid ?? 0,
    signal: (name) => child.kill(name),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
