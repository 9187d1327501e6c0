import type { Logger } from '../app/logger';
import { ROUTING_GRACE_MS } from '../app/case-handling.service';
import type { Timer } from './reminder-sweeper';

/**
 * Every few minutes, routes cases whose card never reached the handler desk, so a report is never
 * stored without anyone knowing. Runs in every bot instance; routing itself is idempotent.
 */
export class RoutingRepairJob {
  private running: Promise<void> | undefined;
  private readonly abort = new AbortController();

  constructor(
    private readonly deps: { repair: (graceMs: number) => Promise<number>; timer: Timer; logger: Logger },
    private readonly intervalMs = 5 * 60 * 1000,
  ) {}

  /** One pass; returns how many cases it routed. */
  async runOnce(): Promise<number> {
    try {
      return await this.deps.repair(ROUTING_GRACE_MS);
    } catch (error) {
      this.deps.logger.error('case.routing_repair_failed', { code: (error as Error).name });
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
