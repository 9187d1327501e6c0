import { odata, type TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { caseEffectSchema, type CaseEffect } from '../app/case-effects';
import { caseHistoryRecordSchema, type CaseHistoryRecord } from '../app/case-history';
import type { OutboxLease, OutboxRow } from '../app/outbox-ports';
import type { Case } from '../domain/case';
import { caseIndexColumns, caseRecordSchema } from './case.mapper';
import { DocumentTable } from './document-table';

/**
 * The rows of one case's partition in table Cases (PartitionKey = case id). Keeping them together lets
 * one entity-group transaction write a change with its history and its outbox, all or nothing:
 *
 *   case                        the case document (column `revision`: how many changes it had)
 *   history-<revision>-<seq>    one per event, append-only (app/case-history.ts)
 *   outbox-<revision>-<seq>     one per effect still to be carried out; removed once done (app/outbox-ports.ts)
 */

export const CASE_ROW = 'case';
const HISTORY_PREFIX = 'history-';
const OUTBOX_PREFIX = 'outbox-';
/** The character after '-': the end of a prefix range. */
const AFTER_PREFIX = (prefix: string) => `${prefix.slice(0, -1)}.`;

const instant = z.union([z.string().datetime({ offset: true }), z.date()]).transform((value) => (value instanceof Date ? value : new Date(value)));

/** An outbox row as stored (the ETag is the row's own). */
const outboxRecordSchema = z.object({
  caseId: z.string().min(1),
  effect: caseEffectSchema,
  status: z.enum(['pending', 'leased']),
  attempts: z.number().int().min(0),
  nextAttemptAt: instant,
  createdAt: instant,
  leaseUntil: instant.optional(),
  leaseOwner: z.string().max(100).optional(),
});
export type OutboxRecord = z.infer<typeof outboxRecordSchema>;

function padded(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Row key of an event of change `revision`, sorted by revision then sequence. */
export function historyRowKey(revision: number, sequence: number): string {
  return `${HISTORY_PREFIX}${padded(revision, 10)}-${padded(sequence, 3)}`;
}

/** Row key of an effect; `origin` is the change's revision, or another tag for effects added outside a change. */
export function outboxRowKey(origin: number | string, sequence: number): string {
  return `${OUTBOX_PREFIX}${typeof origin === 'number' ? padded(origin, 10) : origin}-${padded(sequence, 3)}`;
}

/** The document tables of the case partition, all on one table client. */
export class CasePartition {
  readonly cases: DocumentTable<Case>;
  readonly history: DocumentTable<CaseHistoryRecord>;
  readonly outbox: DocumentTable<OutboxRecord>;

  constructor(readonly client: TableClient) {
    // Card refreshes read the same case again and again: an unchanged row is not parsed twice.
    this.cases = new DocumentTable(client, caseRecordSchema, { index: caseIndexColumns, keepParsed: 500 });
    // Flat columns for queries across cases (e.g. all closings of a year); the record is the document.
    this.history = new DocumentTable(client, caseHistoryRecordSchema, {
      index: (record) => ({ eventType: record.type, at: record.at }),
    });
    this.outbox = new DocumentTable(client, outboxRecordSchema);
  }

  /** A fresh outbox record for an effect, due at `at`. */
  static pendingEffect(caseId: string, effect: CaseEffect, at: Date): OutboxRecord {
    return { caseId, effect, status: 'pending', attempts: 0, nextAttemptAt: at, createdAt: at };
  }

  /** A fresh outbox record already leased to the instance that writes it (its first attempt). */
  static leasedEffect(caseId: string, effect: CaseEffect, at: Date, lease: OutboxLease): OutboxRecord {
    return { caseId, effect, status: 'leased', attempts: 1, nextAttemptAt: at, createdAt: at, leaseUntil: lease.until, leaseOwner: lease.owner };
  }

  /** The app's view of a stored outbox row. */
  static toOutboxRow(rowKey: string, record: OutboxRecord, etag: string): OutboxRow {
    return {
      caseId: record.caseId,
      id: rowKey,
      effect: record.effect,
      status: record.status,
      attempts: record.attempts,
      nextAttemptAt: record.nextAttemptAt,
      createdAt: record.createdAt,
      ...(record.leaseUntil ? { leaseUntil: record.leaseUntil } : {}),
      ...(record.leaseOwner ? { leaseOwner: record.leaseOwner } : {}),
      version: etag,
    };
  }

  /** The stored form of an outbox row. */
  static toOutboxRecord(row: OutboxRow): OutboxRecord {
    return {
      caseId: row.caseId,
      effect: row.effect,
      status: row.status,
      attempts: row.attempts,
      nextAttemptAt: row.nextAttemptAt,
      createdAt: row.createdAt,
      ...(row.leaseUntil ? { leaseUntil: row.leaseUntil } : {}),
      ...(row.leaseOwner ? { leaseOwner: row.leaseOwner } : {}),
    };
  }

  /** Filter: the case row and its outbox rows (one partition query, no history). */
  static caseAndOutboxFilter(caseId: string): string {
    return `${odata`PartitionKey eq ${caseId}`} and (${odata`RowKey eq ${CASE_ROW}`} or (${odata`RowKey ge ${OUTBOX_PREFIX} and RowKey lt ${AFTER_PREFIX(OUTBOX_PREFIX)}`}))`;
  }

  /** Filter: a case's history rows. */
  static historyFilter(caseId: string): string {
    return odata`PartitionKey eq ${caseId} and RowKey ge ${HISTORY_PREFIX} and RowKey lt ${AFTER_PREFIX(HISTORY_PREFIX)}`;
  }

  static isOutboxRow(rowKey: string): boolean {
    return rowKey.startsWith(OUTBOX_PREFIX);
  }
}
