import type { Case } from '../domain/case';
import type { CaseEffect } from './case-effects';

/**
 * Ports of the outbox: the effects of a change, stored beside the case in its own partition (written
 * in one transaction with the change), and a due-time index through which any instance finds the
 * cases whose effects are waiting — after a retry delay, or because the instance that wrote them died.
 */

/** One effect waiting to be carried out, with its delivery state. */
export interface OutboxRow {
  readonly caseId: string;
  /** Unique within the case; sorts in the order the effects were written. */
  readonly id: string;
  readonly effect: CaseEffect;
  readonly status: 'pending' | 'leased';
  /** Attempts so far (a claim counts as one). */
  readonly attempts: number;
  /** Not to be tried before this (after a failure, a back-off). */
  readonly nextAttemptAt: Date;
  readonly createdAt: Date;
  readonly leaseUntil?: Date;
  readonly leaseOwner?: string;
  /** Opaque concurrency token (the ETag). */
  readonly version: string;
}

/** "Look at this case's outbox at `at`": a row of the due-time index. */
export interface DueMark {
  readonly caseId: string;
  readonly at: Date;
  /** Opaque position and version (partition, row key, ETag) for removing exactly this mark. */
  readonly position: string;
  readonly key: string;
  readonly version: string;
}

/** The case with its waiting effects, read together (one partition query). */
export interface CaseOutbox {
  readonly case?: Case;
  readonly rows: readonly OutboxRow[];
}

export interface OutboxStore {
  /** The case and its outbox rows. */
  load(caseId: string): Promise<CaseOutbox>;
  /** Leases the rows until `until` (one transaction when it can); returns the rows now leased to `owner`. */
  claim(rows: readonly OutboxRow[], until: Date, owner: string): Promise<OutboxRow[]>;
  /** Removes rows whose effect is done (or given up). */
  complete(rows: readonly OutboxRow[]): Promise<void>;
  /** Puts a leased row back, to be tried again from `at`; false when the lease was lost. */
  release(row: OutboxRow, at: Date, attempts: number): Promise<boolean>;
  /** Adds effects to a case's outbox outside a change (the routing repair), due at `at`, with a due mark. */
  add(caseId: string, effects: readonly CaseEffect[], at: Date): Promise<void>;
  /** Records that the case's outbox needs a look at `at` (`tag` tells marks of one case apart). */
  mark(caseId: string, tag: string, at: Date): Promise<DueMark>;
  /** Marks due at `now` (or earlier), oldest first. */
  due(now: Date): Promise<DueMark[]>;
  /** Removes a mark, unless it was rewritten since it was read. */
  unmark(mark: DueMark): Promise<void>;
}

/** Who may carry out a row until when; a change's rows are written leased to the instance that wrote them. */
export interface OutboxLease {
  readonly until: Date;
  readonly owner: string;
}

/** The outbox worker of this process, as the use cases see it. */
export interface OutboxWake {
  /** The lease under which this instance writes a change's effects (it drains them right after). */
  lease(now: Date): OutboxLease;
  /** Starts draining a case's outbox in this process right away (after a change, or a repeated submit). */
  wake(caseId: string, written?: WrittenChange): void;
}

/** What a committed change wrote: enough to carry it out without reading it back. */
export interface WrittenChange {
  readonly case: Case;
  readonly rows: readonly OutboxRow[];
}
