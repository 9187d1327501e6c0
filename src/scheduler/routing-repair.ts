import type { Logger } from '../app/logger';
import { ROUTING_GRACE_MS } from '../app/case-handling.service';
import type { Timer } from './reminder-sweeper';
import { PeriodicLoop } from './periodic-loop';

/**
 * Every few minutes, routes cases whose card never reached the handler desk, so a report is never
 * stored without anyone knowing. Runs in every bot instance; routing itself is idempotent.
 */
export class RoutingRepairJob {
  private readonly loop: PeriodicLoop;

  constructor(
    private readonly deps: { repair: (graceMs: number) => Promise<number>; timer: Timer; logger: Logger },
    intervalMs = 5 * 60 * 1000,
  ) {
    this.loop = new PeriodicLoop(deps.timer, intervalMs, () => this.runOnce());
  }

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
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }
}
