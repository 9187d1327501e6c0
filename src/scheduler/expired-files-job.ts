import type { Logger } from '../app/logger';
import type { Timer } from './reminder-sweeper';

/**
 * Every minute, deletes the files whose download link expired (bytes and row), so an export or a
 * police form does not outlive its link. Runs in every bot instance; deleting twice is harmless.
 */
export class ExpiredFilesJob {
  private running: Promise<void> | undefined;
  private readonly abort = new AbortController();

  constructor(
    private readonly deps: { removeExpired: () => Promise<number>; timer: Timer; logger: Logger },
    private readonly intervalMs = 60 * 1000,
  ) {}

  /** One pass; returns how many files it deleted. */
  async runOnce(): Promise<number> {
    try {
      return await this.deps.removeExpired();
    } catch (error) {
      this.deps.logger.error('file.expiry_failed', { code: (error as Error).name });
      return 0;
    }
  }

  start(): void {
    if (this.running) return;
    this.running = (async () => {
      while (!this.abort.signal.aborted) {
        await this.deps.timer.sleep(this.intervalMs, this.abort.signal);
        if (!this.abort.signal.aborted) await this.runOnce();
      }
    })();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.running;
  }
}
