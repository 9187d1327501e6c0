import type { Logger } from '../app/logger';
import type { PurgeReport } from '../app/retention.service';
import type { Timer } from './reminder-sweeper';
import { PeriodicLoop } from './periodic-loop';

/**
 * The daily purge (retention). Every instance wakes each hour and asks for the day's run; the first to
 * claim the UTC day carries it out (RetentionService.runDaily), the others do nothing that day. A run
 * that dies halfway is finished the next day: each case's purge is claimed and repeatable.
 */
export class RetentionJob {
  private readonly loop: PeriodicLoop;

  constructor(
    private readonly deps: { runDaily: () => Promise<PurgeReport>; timer: Timer; logger: Logger },
    intervalMs = 60 * 60 * 1000,
  ) {
    this.loop = new PeriodicLoop(deps.timer, intervalMs, () => this.runOnce());
  }

  /** One wake-up; undefined when it failed (logged by code only). */
  async runOnce(): Promise<PurgeReport | undefined> {
    try {
      return await this.deps.runDaily();
    } catch (error) {
      this.deps.logger.error('retention.run_failed', { code: (error as Error).name });
      return undefined;
    }
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }
}
