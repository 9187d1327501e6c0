import type { Logger } from '../app/logger';
import type { OutboxLease, OutboxWake, WrittenChange } from '../app/outbox-ports';
import type { DrainResult } from '../app/outbox.service';
import type { Timer } from './reminder-sweeper';

/** What the worker drives: OutboxService. */
export interface OutboxDrainer {
  lease(now: Date): OutboxLease;
  drain(caseId: string, written?: WrittenChange): Promise<DrainResult>;
  recover(): Promise<number>;
}

export interface OutboxWorkerOptions {
  /** Cases drained at the same time (default 4); one case is never drained twice at once here. */
  concurrency?: number;
  /** Time between recovery passes (default 30 s). */
  recoveryIntervalMs?: number;
  /** False: wake() does nothing (a test stands in for an instance that dies right after its write). */
  drainOnWake?: boolean;
}

/**
 * The outbox worker of this process: drains a case's outbox right after a change is written (woken by
 * the use case, so the actor's answer never waits for it), one case at a time per case, a few cases at
 * once; and every `recoveryIntervalMs` runs the recovery pass, which picks up retries and the effects
 * of instances that died.
 */
export class OutboxWorker implements OutboxWake {
  private readonly queued = new Map<string, WrittenChange | undefined>();
  private readonly active = new Set<string>();
  private idleWaiters: (() => void)[] = [];
  private loop: Promise<void> | undefined;
  private abort: AbortController | undefined;
  private readonly concurrency: number;
  private readonly recoveryIntervalMs: number;
  private readonly drainOnWake: boolean;

  constructor(
    private readonly deps: { drainer: OutboxDrainer; timer: Timer; logger: Logger },
    options: OutboxWorkerOptions = {},
  ) {
    this.concurrency = options.concurrency ?? 4;
    this.recoveryIntervalMs = options.recoveryIntervalMs ?? 30_000;
    this.drainOnWake = options.drainOnWake ?? true;
  }

  lease(now: Date): OutboxLease {
    return this.deps.drainer.lease(now);
  }

  wake(caseId: string, written?: WrittenChange): void {
    if (!this.drainOnWake) return;
    // Already waiting: drain from storage then, which covers both changes.
    this.queued.set(caseId, this.queued.has(caseId) ? undefined : written);
    this.pump();
  }

  /** Resolves once nothing is queued or being drained (tests: "other people's cards have been updated"). */
  idle(): Promise<void> {
    if (this.queued.size === 0 && this.active.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** One recovery pass now; errors are logged, not thrown. */
  async recoverNow(): Promise<number> {
    try {
      return await this.deps.drainer.recover();
    } catch (error) {
      this.deps.logger.error('outbox.recovery_failed', { detail: error instanceof Error ? error.name : 'unknown' });
      return 0;
    }
  }

  /** Starts the recovery loop (the first pass at once: what an earlier run left behind). */
  start(): void {
    if (this.loop) return;
    const abort = new AbortController();
    this.abort = abort;
    this.loop = (async () => {
      while (!abort.signal.aborted) {
        await this.recoverNow();
        await this.deps.timer.sleep(this.recoveryIntervalMs, abort.signal);
      }
    })();
  }

  /** Stops the loop and waits for the drains in progress. */
  async stop(): Promise<void> {
    this.abort?.abort();
    await this.loop;
    this.loop = undefined;
    await this.idle();
  }

  private pump(): void {
    for (const [caseId, written] of this.queued) {
      if (this.active.size >= this.concurrency) return;
      if (this.active.has(caseId)) continue; // after the running drain, this one runs again
      this.queued.delete(caseId);
      this.active.add(caseId);
      void this.run(caseId, written);
    }
  }

  private async run(caseId: string, written: WrittenChange | undefined): Promise<void> {
    try {
      await this.deps.drainer.drain(caseId, written);
    } catch (error) {
      // Left in storage with its due mark: the recovery pass tries again.
      this.deps.logger.error('outbox.drain_failed', { caseId, detail: error instanceof Error ? error.name : 'unknown' });
    } finally {
      this.active.delete(caseId);
      this.pump();
      if (this.queued.size === 0 && this.active.size === 0) {
        const waiters = this.idleWaiters;
        this.idleWaiters = [];
        for (const resolve of waiters) resolve();
      }
    }
  }
}
