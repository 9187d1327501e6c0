import type { Case } from '../domain/case';
import type { Clock } from '../domain/clock';
import type { CaseEffect } from './case-effects';
import type { Logger } from './logger';
import type { DueMark, OutboxRow, OutboxStore, WrittenChange } from './outbox-ports';

/** Carries out one effect for a case; throws when it could not (see failureKind for how a throw is read). */
export interface EffectRunner {
  run(effect: CaseEffect, c: Case): Promise<void>;
}

export interface OutboxServiceOptions {
  /** How long a claimed effect is reserved for this instance (default 2 minutes). */
  leaseMs?: number;
  /** Attempts before an effect is given up (default 10); the desk card is never given up. */
  maxAttempts?: number;
  /** Names this process in leases (diagnostics only). */
  instanceId?: string;
}

export interface OutboxServiceDependencies {
  store: OutboxStore;
  runner: EffectRunner;
  clock: Clock;
  logger: Logger;
  options?: OutboxServiceOptions;
}

/** What one drain of a case did, and when the case needs a look again (effects left). */
export interface DrainResult {
  done: number;
  /** The earliest moment a row left behind may be tried (a retry, or another instance's lease running out). */
  nextLookAt?: Date;
}

/** After a change is written, another instance looks at its effects this long after, in case this one died. */
export const OUTBOX_RECOVERY_DELAY_MS = 60_000;

const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;

/**
 * The outbox worker's logic: carries out the effects written with a change, each exactly once across
 * instances. Every row is leased with its ETag before its effect runs, and removed (with that lease)
 * after, so two instances never both run one; a crash after the write leaves the rows for another
 * instance, which finds them through the due-time index. A crash in the middle of a send can repeat
 * that one send after the lease runs out (the send happened, its bookkeeping did not) — a posted desk
 * card is recognised and not posted again.
 */
export class OutboxService {
  private readonly leaseMs: number;
  private readonly maxAttempts: number;
  private readonly owner: string;

  constructor(private readonly deps: OutboxServiceDependencies) {
    this.leaseMs = deps.options?.leaseMs ?? 2 * MINUTE_MS;
    this.maxAttempts = deps.options?.maxAttempts ?? 10;
    this.owner = deps.options?.instanceId ?? 'bot';
  }

  /**
   * Carries out what is due in the case's outbox. With `written` (the change this instance just
   * wrote) it starts from that, without reading the case back.
   */
  async drain(caseId: string, written?: WrittenChange): Promise<DrainResult> {
    const { store, clock, logger } = this.deps;
    const loaded = written ?? (await store.load(caseId));
    const now = clock.now();
    const due = loaded.rows.filter((row) => claimable(row, now));
    const later: number[] = loaded.rows.filter((row) => !claimable(row, now)).map((row) => waitsUntil(row).getTime());
    if (due.length === 0) return finish(0, later, written, store);
    const claimed = await store.claim(due, new Date(now.getTime() + this.leaseMs), this.owner);
    // Rows someone else claimed first are theirs now; we look again when their lease runs out.
    for (const row of due) if (!claimed.some((c) => c.id === row.id)) later.push(now.getTime() + this.leaseMs);
    const c = loaded.case;
    if (c === undefined) {
      logger.error('outbox.case_missing', { caseId, count: claimed.length });
      await store.complete(claimed);
      return finish(0, later, written, store);
    }
    const finished: OutboxRow[] = [];
    let done = 0;
    for (const row of claimed) {
      try {
        await this.deps.runner.run(row.effect, c);
        finished.push(row);
        done += 1;
      } catch (error) {
        const retryAt = this.retryAt(row, error, clock.now());
        if (retryAt === undefined) {
          finished.push(row);
          logger.warn('outbox.effect_given_up', { caseId, code: row.effect.kind, detail: failureDetail(error), count: row.attempts });
        } else {
          logger.warn('outbox.effect_failed', { caseId, code: row.effect.kind, detail: failureDetail(error), count: row.attempts });
          if (await store.release(row, retryAt, row.attempts)) later.push(retryAt.getTime());
        }
      }
    }
    await store.complete(finished);
    return finish(done, later, written, store);
  }

  /**
   * The recovery pass: every case whose outbox mark is due gets drained; its marks are then removed,
   * or replaced by one at the moment something is left to do.
   */
  async recover(now: Date = this.deps.clock.now()): Promise<number> {
    const { store, logger } = this.deps;
    const marks = await store.due(now);
    const byCase = new Map<string, DueMark[]>();
    for (const mark of marks) byCase.set(mark.caseId, [...(byCase.get(mark.caseId) ?? []), mark]);
    let done = 0;
    for (const [caseId, caseMarks] of byCase) {
      try {
        const result = await this.drain(caseId);
        done += result.done;
        const again = result.nextLookAt === undefined ? undefined : await store.mark(caseId, 'retry', result.nextLookAt);
        for (const mark of caseMarks) {
          if (again !== undefined && again.position === mark.position && again.key === mark.key) continue;
          await store.unmark(mark);
        }
      } catch (error) {
        // One case's storage trouble must not stop the others; its marks stay and come back.
        logger.error('outbox.recovery_failed', { caseId, detail: failureDetail(error) });
      }
    }
    if (marks.length > 0) logger.info('outbox.recovered', { count: done, detail: `cases ${byCase.size}` });
    return done;
  }

  /** When to try a failed effect again; undefined to give it up. A report must reach its desk, so that one never gives up. */
  private retryAt(row: OutboxRow, error: unknown, now: Date): Date | undefined {
    const kind = failureKind(error);
    const essential = row.effect.kind === 'postDeskCard';
    if (!essential && (kind.kind === 'permanent' || row.attempts >= this.maxAttempts)) return undefined;
    if (kind.kind === 'throttled') return new Date(now.getTime() + Math.max(SECOND_MS, kind.retryAfterMs));
    // 30 s, 1, 2, 4 … minutes; the desk card at least every 5 minutes (the bot may just have been added to the team).
    const cap = essential ? 5 * MINUTE_MS : 30 * MINUTE_MS;
    return new Date(now.getTime() + Math.min(cap, 30 * SECOND_MS * 2 ** Math.max(0, row.attempts - 1)));
  }
}

/** Pending and due, or leased by an instance whose lease ran out (it died mid-effect). */
function claimable(row: OutboxRow, now: Date): boolean {
  return row.status === 'pending' ? row.nextAttemptAt.getTime() <= now.getTime() : (row.leaseUntil?.getTime() ?? 0) <= now.getTime();
}

function waitsUntil(row: OutboxRow): Date {
  return row.status === 'leased' ? (row.leaseUntil ?? row.nextAttemptAt) : row.nextAttemptAt;
}

/** With nothing left of the change just written, its mark can go at once (no later look needed). */
async function finish(done: number, later: readonly number[], written: WrittenChange | undefined, store: OutboxStore): Promise<DrainResult> {
  if (later.length === 0) {
    if (written?.mark) await store.unmark(written.mark);
    return { done };
  }
  return { done, nextLookAt: new Date(Math.min(...later)) };
}

/**
 * How a failed effect is read: adapters mark delivery failures with `delivery.kind` ('throttled' with
 * `retryAfterMs`, 'transient', 'permanent'); anything else counts as transient.
 */
export function failureKind(error: unknown): { kind: 'throttled'; retryAfterMs: number } | { kind: 'transient' } | { kind: 'permanent' } {
  const delivery = (error as { delivery?: { kind?: unknown; retryAfterMs?: unknown } } | undefined)?.delivery;
  if (delivery?.kind === 'throttled') return { kind: 'throttled', retryAfterMs: typeof delivery.retryAfterMs === 'number' ? delivery.retryAfterMs : SECOND_MS };
  if (delivery?.kind === 'permanent') return { kind: 'permanent' };
  return { kind: 'transient' };
}

/** Name and HTTP status only: an error message may quote what it failed to send. */
function failureDetail(error: unknown): string {
  const status = (error as { status?: unknown } | undefined)?.status;
  const name = error instanceof Error ? error.name : 'unknown';
  return typeof status === 'number' ? `${name} ${status}` : name;
}
