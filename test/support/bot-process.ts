import { spawn, spawnSync, type ChildProcess } from 'child_process';
import { existsSync, readdirSync, statSync } from 'fs';
import * as path from 'path';
import { REPO_ROOT } from '../../src/config/load-directory';
import { freePort } from './playground-session';

const ENTRY = path.join(REPO_ROOT, 'dist', 'src', 'main.js');

/** The compiled bot (`npm run build`), rebuilt here when it is missing or older than the sources. */
export function ensureBuilt(): void {
  if (existsSync(ENTRY) && statSync(ENTRY).mtimeMs >= newestSource(path.join(REPO_ROOT, 'src'))) return;
  const result = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run build failed');
}

function newestSource(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const full = path.join(dir, entry.name);
    return Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }, 0);
}

/** The bot as its own operating-system process, exactly as `node dist/src/main.js` runs in production. */
export class BotProcess {
  private child: ChildProcess | undefined;
  port = 0;

  constructor(private readonly env: Record<string, string>) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.port = await freePort();
    this.child = spawn(process.execPath, [ENTRY], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', ...this.env, PORT: String(this.port) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const deadline = Date.now() + 20000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`the bot process exited with ${this.child.exitCode}`);
      try {
        if ((await fetch(`${this.baseUrl}/healthz`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the bot process did not become healthy');
  }

  /** Kills the process without warning, as a crash or a redeploy would. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }
}
