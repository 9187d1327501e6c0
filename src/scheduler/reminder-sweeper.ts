import { setTimeout as delay } from 'node:timers/promises';
import type { Clock } from '../domain/clock';
import type { Logger } from '../app/logger';
import type { DeliveryClaim, DeliveryOutcome, ReminderDelivery, ReminderMessage, ReminderSender, SendResult } from '../app/reminder-ports';
import type { SweepReport } from '../app/reminder.service';

/** Waits; injected so tests run on a fake clock. Resolves early (without error) when the signal aborts. */
export interface Timer {
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The real timer. */
export const realTimer: Timer = {
  sleep: async (ms, signal) => {
    try {
      await delay(Math.max(0, ms), undefined, signal ? { signal } : {});
    } catch (error) {
      if (!(error instanceof Error && error.name === 'AbortError')) throw error;
    }
  },
};

/**
 * How fast this process may send. Microsoft documents (Teams platform docs, "Optimize your bot with
 * rate limiting"): per bot per conversation at most 7 sends per 1 s, 8 per 2 s, 60 per 30 s and 1800
 * per hour; per app per tenant 30 requests per second; 429 otherwise. The defaults stay well below:
 * one message per second per conversation, and 15 per second in all, because the bot's replies to
 * users and other instances share the tenant budget. A long burst to one conversation (more than
 * 1800 an hour) would still meet a 429, which is honoured.
 */
export interface PacingLimits {
  /** Minimum spacing between two messages to one conversation (default 1000 ms). */
  readonly perConversationIntervalMs: number;
  /** Minimum spacing between any two messages of this process (default 67 ms, i.e. 15 per second). */
  readonly globalIntervalMs: number;
}

export const DEFAULT_PACING: PacingLimits = { perConversationIntervalMs: 1000, globalIntervalMs: Math.ceil(1000 / 15) };

/**
 * Hands out send slots: one conversation gets one every `perConversationIntervalMs`, the process one
 * every `globalIntervalMs`. Slots are reserved when asked for, so concurrent senders never share one,
 * and a conversation that must wait does not hold up the others.
 */
export class ConversationPacer {
  private readonly nextFree = new Map<string, number>();
  private readonly pausedUntil = new Map<string, number>();
  /** Reserved global slots, ascending. */
  private globalSlots: number[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly limits: PacingLimits = DEFAULT_PACING,
  ) {}

  /** Reserves the earliest free slot for a conversation and returns it (epoch ms; may be now). */
  reserve(conversationKey: string): number {
    const now = this.clock.now().getTime();
    this.prune(now);
    let slot = Math.max(now, this.nextFree.get(conversationKey) ?? now, this.pausedUntil.get(conversationKey) ?? now);
    const gap = this.limits.globalIntervalMs;
    if (gap > 0) {
      for (const taken of this.globalSlots) {
        if (taken <= slot - gap) continue;
        if (taken >= slot + gap) break;
        slot = taken + gap;
      }
      const at = this.globalSlots.findIndex((taken) => taken > slot);
      this.globalSlots.splice(at === -1 ? this.globalSlots.length : at, 0, slot);
    }
    this.nextFree.set(conversationKey, slot + this.limits.perConversationIntervalMs);
    return slot;
  }

  /** After a 429: nothing more to this conversation before `until` (epoch ms). */
  pause(conversationKey: string, until: number): void {
    this.pausedUntil.set(conversationKey, Math.max(until, this.pausedUntil.get(conversationKey) ?? 0));
  }

  private prune(now: number): void {
    const horizon = now - this.limits.globalIntervalMs;
    if (this.globalSlots.length > 0 && (this.globalSlots[0] as number) <= horizon) {
      this.globalSlots = this.globalSlots.filter((slot) => slot > horizon);
    }
    // Keep the maps small: entries in the past say nothing any more.
    if (this.nextFree.size > 1000) for (const [key, t] of this.nextFree) if (t <= now) this.nextFree.delete(key);
    if (this.pausedUntil.size > 1000) for (const [key, t] of this.pausedUntil) if (t <= now) this.pausedUntil.delete(key);
  }
}

/** Retry behaviour of the delivery; all have defaults. */
export interface RetrySettings {
  /** First wait after a transient error (default 2 s); doubles per attempt. */
  readonly baseBackoffMs: number;
  /** Longest wait after a transient error (default 60 s). */
  readonly maxBackoffMs: number;
  /** Wait after a 429 that names no usable Retry-After (default 5 s). */
  readonly defaultRetryAfterMs: number;
  /** 429s one reminder waits out in-process before it is handed back to a later sweep (default 5). */
  readonly maxThrottleWaits: number;
  /** Retries stop this long before the lease ends, so the row is never sent by two sweepers (default 15 s). */
  readonly leaseMarginMs: number;
  /** Jitter source in [0, 1) (default Math.random); spreads retries of many instances apart. */
  readonly random: () => number;
}

export const DEFAULT_RETRY: RetrySettings = {
  baseBackoffMs: 2000,
  maxBackoffMs: 60_000,
  defaultRetryAfterMs: 5000,
  maxThrottleWaits: 5,
  leaseMarginMs: 15_000,
  random: Math.random,
};

/** Backoff before retry number `attempt` (1-based): base · 2^(attempt-1), capped, ±20 % jitter. */
export function backoffMs(attempt: number, settings: Pick<RetrySettings, 'baseBackoffMs' | 'maxBackoffMs' | 'random'> = DEFAULT_RETRY): number {
  const plain = Math.min(settings.maxBackoffMs, settings.baseBackoffMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(plain * (0.8 + 0.4 * settings.random()));
}

/**
 * Delivers a claimed reminder politely: waits for a pacing slot, honours a 429's Retry-After and
 * retries the same item, retries transient errors with backoff up to the attempt cap, and stops at
 * once on a permanent refusal. Whatever does not fit in the lease is handed back (retryLater).
 */
export class PacedDelivery implements ReminderDelivery {
  private readonly settings: RetrySettings;

  constructor(
    private readonly deps: { sender: ReminderSender; pacer: ConversationPacer; clock: Clock; timer: Timer; logger?: Logger },
    settings: Partial<RetrySettings> = {},
  ) {
    this.settings = { ...DEFAULT_RETRY, ...settings };
  }

  async deliver(message: ReminderMessage, claim: DeliveryClaim): Promise<DeliveryOutcome> {
    const { sender, pacer, clock, timer, logger } = this.deps;
    const limit = claim.leaseUntil.getTime() - this.settings.leaseMarginMs;
    let attempts = claim.attempts;
    let throttles = 0;
    for (;;) {
      const slot = pacer.reserve(message.conversationKey);
      // Not tried: this attempt does not count.
      if (slot > limit) return { kind: 'retryLater', at: new Date(slot), attempts: attempts - 1 };
      const wait = slot - clock.now().getTime();
      if (wait > 0) await timer.sleep(wait);

      const result = await this.sendOnce(sender, message);
      if (result === 'sent') return { kind: 'sent', attempts };
      if (result === 'permanent') return { kind: 'failed', reason: 'permanent', attempts };
      const now = clock.now().getTime();
      if (typeof result === 'object') {
        throttles++;
        const retryAfter = Number.isFinite(result.retryAfterMs) && result.retryAfterMs > 0 ? result.retryAfterMs : this.settings.defaultRetryAfterMs;
        const retryAt = now + retryAfter;
        pacer.pause(message.conversationKey, retryAt);
        logger?.warn('reminders.throttled', { caseId: message.caseId, status: 429, durationMs: retryAfter });
        // Throttling is Teams' state, not the reminder's fault: it does not use up an attempt.
        if (throttles > this.settings.maxThrottleWaits || retryAt > limit) return { kind: 'retryLater', at: new Date(retryAt), attempts: attempts - 1 };
        continue;
      }
      if (attempts >= claim.maxAttempts) return { kind: 'failed', reason: 'transient', attempts };
      const backoff = backoffMs(attempts, this.settings);
      logger?.warn('reminders.transient_error', { caseId: message.caseId, count: attempts, durationMs: backoff });
      if (now + backoff > limit) return { kind: 'retryLater', at: new Date(now + backoff), attempts };
      await timer.sleep(backoff);
      attempts++;
    }
  }

  private async sendOnce(sender: ReminderSender, message: ReminderMessage): Promise<SendResult> {
    try {
      return await sender.send(message);
    } catch (error) {
      // The port asks senders to classify; an escaped error is treated as transient (network, timeout).
      this.deps.logger?.warn('reminders.sender_threw', { caseId: message.caseId, detail: error instanceof Error ? error.name : 'unknown' });
      return 'transient';
    }
  }
}

/** Settings of the sweep loop. */
export interface ReminderSweeperOptions {
  /** Time between sweeps (default 30 s). */
  readonly intervalMs?: number;
  /** Shortest time between sweeps, also when a retry is due sooner (default 1 s). */
  readonly minIntervalMs?: number;
}

/**
 * The loop in the bot process that sweeps due reminders: one sweep at start (what fell due during
 * downtime goes out then, marked late), then every `intervalMs`, sooner when a retry is due.
 */
export class ReminderSweeper {
  private running: Promise<void> | undefined;
  private abort: AbortController | undefined;
  private readonly intervalMs: number;
  private readonly minIntervalMs: number;

  constructor(
    private readonly deps: { service: { sweep(now?: Date): Promise<SweepReport> }; clock: Clock; timer: Timer; logger: Logger },
    options: ReminderSweeperOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 30_000;
    this.minIntervalMs = Math.min(options.minIntervalMs ?? 1000, this.intervalMs);
  }

  /** Starts the loop; a second call while running does nothing. */
  start(): void {
    if (this.running) return;
    const abort = new AbortController();
    this.abort = abort;
    this.running = this.loop(abort.signal);
  }

  /** Stops the loop after the sweep in progress (if any) finishes. */
  async stop(): Promise<void> {
    this.abort?.abort();
    await this.running;
    this.running = undefined;
    this.abort = undefined;
  }

  /** One sweep now; errors are logged, not thrown (the loop must survive a storage outage). */
  async runOnce(): Promise<SweepReport | undefined> {
    try {
      return await this.deps.service.sweep(this.deps.clock.now());
    } catch (error) {
      this.deps.logger.error('reminders.sweep_failed', { detail: error instanceof Error ? error.name : 'unknown' });
      return undefined;
    }
  }

  private async loop(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      const report = await this.runOnce();
      if (signal.aborted) break;
      let wait = this.intervalMs;
      if (report?.nextAttemptAt) {
        const untilRetry = report.nextAttemptAt.getTime() - this.deps.clock.now().getTime();
        wait = Math.min(wait, Math.max(this.minIntervalMs, untilRetry));
      }
      await this.deps.timer.sleep(wait, signal);
    }
  }
}
