import type { Logger } from '../app/logger';
import type { Timer } from './reminder-sweeper';
import { PeriodicLoop } from './periodic-loop';

/**
 * Every minute, deletes the files whose download link expired (bytes and row), so an export or a
 * police form does not outlive its link. Runs in every bot instance; deleting twice is harmless.
 */
export class ExpiredFilesJob {
  private readonly loop: PeriodicLoop;

  constructor(
    private readonly deps: { removeExpired: () => Promise<number>; timer: Timer; logger: Logger },
    intervalMs = 60 * 1000,
  ) {
    this.loop = new PeriodicLoop(deps.timer, intervalMs, () => this.runOnce());
  }

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
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }
}
