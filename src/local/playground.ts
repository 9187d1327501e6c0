import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';
import { REPO_ROOT } from '../config/load-directory';

/** The Playground's mock tenant; it mirrors the sample directory. */
export const PLAYGROUND_CONFIG_PATH = path.join(REPO_ROOT, 'src', 'local', 'm365agentsplayground.yml');

/** The bot's id in the Playground's mock tenant (m365agentsplayground.yml). */
export const LOCAL_BOT_ID = '28:weerbaar-bestuur-bot';

/** A running Microsoft 365 Agents Playground. */
export interface PlaygroundHandle {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts the Playground against the bot. Both switches are needed to keep it on this machine:
 * --disable-telemetry alone still lets Application Insights probe a cloud metadata address.
 */
/** `configPath`: another mock tenant (see playground-user.ts, `npm start -- --as peter`); the shipped one by default. */
export function startPlayground(options: { botPort: number; port: number; logFile?: string; configPath?: string }): PlaygroundHandle {
  const binary = path.join(REPO_ROOT, 'node_modules', '.bin', 'agentsplayground');
  const child = spawn(
    binary,
    ['-e', `http://127.0.0.1:${options.botPort}/api/messages`, '-c', 'msteams', '--disable-telemetry', '-p', String(options.port)],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: options.configPath ?? PLAYGROUND_CONFIG_PATH,
        ...(options.logFile ? { M365_AGENTS_PLAYGROUND_LOGFILE: options.logFile } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    });
  return { url: `http://localhost:${options.port}`, process: child, stop };
}

/** Resolves when the Playground's web server answers (it waits for the bot first). */
export async function waitForPlayground(url: string, timeoutMs = 30000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/_internal/v1/config`);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The Playground did not answer at ${url} within ${timeoutMs / 1000} s.`);
}
