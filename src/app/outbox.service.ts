import { randomUUID } from 'node:crypto';
import type { Case } from '../domain/case';
import type { Clock } from '../domain/clock';
import type { CaseEffect } from './case-effects';
import type { Logger } from './logger';
import type { DueMark, OutboxLease, OutboxRow, OutboxStore, WrittenChange } from './outbox-ports';

/** Carries out one effect for a case; throws when it could not (see failureKind for how a throw is read). */
export interface EffectRunner {
  run(effect: CaseEffect, c: Case): Promise<void>;
}

export interface OutboxServiceOptions {
  /** How long a claimed effect is reserved for this instance (default 2 minutes). */
  leaseMs?: number;
  /** Attempts before an effect is given up (default 10); the desk card is never given up. */
  maxAttempts?: number;
  /** Names this process in leases; must differ between instances (default: a random id). */
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

const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;

/**
 * The outbox worker's logic: carries out the effects written with a change, each exactly once across
 * instances. A row is leased before its effect runs — written leased to the instance that made the
 * change, or claimed with its ETag by any other once that lease ran out — and removed after, so two
 * instances never both run one. A crash after the write leaves the rows for another instance, which
 * finds them through the due marks. A crash in the middle of a send can repeat that one send after the
 * lease runs out (the send happened, its bookkeeping did not) — a posted desk card is recognised and
 * not posted again.
 */
export class OutboxService {
  private readonly leaseMs: number;
  private readonly maxAttempts: number;
  private readonly owner: string;
  /** Rows of this instance whose effect is running now (its own leases that are not free to take again). */
  private readonly running = new Set<string>();

  constructor(private readonly deps: OutboxServiceDependencies) {
    this.leaseMs = deps.options?.leaseMs ?? 2 * MINUTE_MS;
    this.maxAttempts = deps.options?.maxAttempts ?? 10;
    this.owner = deps.options?.instanceId ?? randomUUID();
  }

  /** The lease a change's effects are written under by this instance (see CaseCommit). */
  lease(now: Date): OutboxLease {
    return { until: new Date(now.getTime() + this.leaseMs), owner: this.owner };
  }

  /**
   * Carries out what is due in the case's outbox. With `written` (the change this instance just wrote,
   * its rows leased to this instance already) it starts from that, without reading or claiming again.
   */
  async drain(caseId: string, written?: WrittenChange): Promise<DrainResult> {
    const { store, clock } = this.deps;
    const now = clock.now();
    const later: number[] = [];
    if (written !== undefined) return this.runHeld(caseId, written.case, this.take(written.rows, now), later);
    const loaded = await store.load(caseId);
    // Rows this instance wrote (leased to it) and is not running yet are its to run; others' valid leases are theirs.
    const held = this.take(loaded.rows, now);
    const due = loaded.rows.filter((row) => !held.includes(row) && claimable(row, now));
    // Left for later: others' leases, retries not yet due, and this instance's effects running in another drain.
    later.push(...loaded.rows.filter((row) => !held.includes(row) && !due.includes(row)).map((row) => waitsUntil(row).getTime()));
    let taken: OutboxRow[] = [];
    try {
      taken = due.length === 0 ? [] : this.take(await store.claim(due, new Date(now.getTime() + this.leaseMs), this.owner), now);
    } catch (error) {
      for (const row of held) this.running.delete(key(row));
      throw error;
    }
    // Rows someone else claimed first are theirs now; we look again when their lease runs out.
    for (const row of due) if (!taken.some((mine) => mine.id === row.id)) later.push(now.getTime() + this.leaseMs);
    return this.runHeld(caseId, loaded.case, [...held, ...taken].sort((a, b) => (a.id < b.id ? -1 : 1)), later);
  }

  /** The rows this instance holds and nobody here runs yet, marked as running (at once: no other drain here can take them). */
  private take(rows: readonly OutboxRow[], now: Date): OutboxRow[] {
    const mine = rows.filter((row) => this.holds(row, now));
    for (const row of mine) this.running.add(key(row));
    return mine;
  }

  private async runHeld(caseId: string, c: Case | undefined, claimed: OutboxRow[], later: number[]): Promise<DrainResult> {
    try {
      return await this.run(caseId, c, claimed, later);
    } finally {
      for (const row of claimed) this.running.delete(key(row));
    }
  }

  /** Runs the effects of rows this instance holds, in order; removes the done ones, puts failed ones back for later. */
  private async run(caseId: string, c: Case | undefined, claimed: readonly OutboxRow[], later: number[]): Promise<DrainResult> {
    const { store, clock, logger } = this.deps;
    if (claimed.length === 0) return result(0, later);
    if (c === undefined) {
      logger.error('outbox.case_missing', { caseId, count: claimed.length });
      await store.complete(claimed);
      return result(0, later);
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
    return result(done, later);
  }

  /**
   * The recovery pass: every case whose outbox mark is due gets drained; its marks are then removed,
   * or replaced by one at the moment something is left to do (a retry, or another instance's lease).
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

  /** A row leased to this instance, still valid, whose effect is not running now. */
  private holds(row: OutboxRow, now: Date): boolean {
    return row.status === 'leased' && row.leaseOwner === this.owner && (row.leaseUntil?.getTime() ?? 0) > now.getTime() && !this.running.has(key(row));
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

function key(row: OutboxRow): string {
  return `${row.caseId}/${row.id}`;
}

/** Pending and due, or leased by an instance whose lease ran out (it died mid-effect). */
function claimable(row: OutboxRow, now: Date): boolean {
  return row.status === 'pending' ? row.nextAttemptAt.getTime() <= now.getTime() : (row.leaseUntil?.getTime() ?? 0) <= now.getTime();
}

function waitsUntil(row: OutboxRow): Date {
  return row.status === 'leased' ? (row.leaseUntil ?? row.nextAttemptAt) : row.nextAttemptAt;
}

function result(done: number, later: readonly number[]): DrainResult {
  return later.length === 0 ? { done } : { done, nextLookAt: new Date(Math.min(...later)) };
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
