import type { Logger } from '../app/logger';
import type { PurgeReport } from '../app/retention.service';
import type { Timer } from './reminder-sweeper';

/**
 * The daily purge (retention). Every instance wakes each hour and asks for the day's run; the first to
 * claim the UTC day carries it out (RetentionService.runDaily), the others do nothing that day. A run
 * that dies halfway is finished the next day: each case's purge is claimed and repeatable.
 */
export class RetentionJob {
  private running: Promise<void> | undefined;
  private readonly abort = new AbortController();

  constructor(
    private readonly deps: { runDaily: () => Promise<PurgeReport>; timer: Timer; logger: Logger },
    private readonly intervalMs = 60 * 60 * 1000,
  ) {}

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
