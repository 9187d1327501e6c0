import { odata, type TableClient, type TableEntityResult, type TransactionAction } from '@azure/data-tables';
import { z } from 'zod';
import type { CaseEffect } from '../app/case-effects';
import type { CaseOutbox, DueMark, OutboxRow, OutboxStore } from '../app/outbox-ports';
import { CASE_ROW, CasePartition, outboxRowKey } from './case-partition';
import { DocumentTable } from './document-table';
import { bucketStart, dueBucket, DUE_PREFIX } from './due-buckets';
import { statusCodeOf, StorageError } from './errors';

const markSchema = z.object({ caseId: z.string().min(1) });
type MarkRecord = z.infer<typeof markSchema>;

type Row = Record<string, unknown>;

/** When the due marks fall due. */
export interface OutboxMarkOptions {
  /** A new mark falls due this long after the change (default 90 s): long after its writer normally finished. */
  delayMs?: number;
  /** A mark this instance made for a case is used again while it falls due at least this much later (default 30 s). */
  reuseMarginMs?: number;
}

/**
 * The outbox in Table Storage. Its rows live in the case's partition of table Cases (case-partition.ts),
 * so they are written in the same transaction as the change; claims and removals of several rows of a
 * case are one transaction too. Table Outbox holds the due marks: PartitionKey `due-yyyyMMddHHmm` (when
 * to look), RowKey `<case id>_<tag>` — the recovery pass reads the buckets up to now, never the cases.
 *
 * A change needs a mark that falls due after it. The marks this instance wrote and that are not yet due
 * are kept in memory, so a burst of changes to one case writes one mark: a mark is only removed by the
 * recovery pass, after it fell due and the case was drained — which then sees every change written before.
 */
export class TableOutboxRepository implements OutboxStore {
  private readonly partition: CasePartition;
  private readonly marks: DocumentTable<MarkRecord>;
  private readonly ownMarks = new Map<string, number>();
  private readonly delayMs: number;
  private readonly reuseMarginMs: number;

  constructor(
    casesClient: TableClient,
    private readonly marksClient: TableClient,
    options: OutboxMarkOptions = {},
  ) {
    this.partition = new CasePartition(casesClient);
    this.marks = new DocumentTable(marksClient, markSchema);
    this.delayMs = options.delayMs ?? 90_000;
    this.reuseMarginMs = options.reuseMarginMs ?? 30_000;
  }

  /** Makes sure a due mark for the case falls due after a change made at `at` (written once per case and bucket). */
  async ensureMark(caseId: string, at: Date): Promise<void> {
    const known = this.ownMarks.get(caseId);
    if (known !== undefined && known - at.getTime() >= this.reuseMarginMs) return;
    const due = new Date(at.getTime() + this.delayMs);
    await this.mark(caseId, 'w', due);
    // The bucket's first instant: the recovery pass reads a bucket as soon as it begins.
    this.ownMarks.set(caseId, bucketStart(dueBucket(due)).getTime());
    if (this.ownMarks.size > 10_000) this.forgetDue(at.getTime());
  }

  private forgetDue(now: number): void {
    for (const [caseId, due] of this.ownMarks) if (due <= now) this.ownMarks.delete(caseId);
  }

  async load(caseId: string): Promise<CaseOutbox> {
    const rows: OutboxRow[] = [];
    let found: CaseOutbox['case'];
    const entities = this.partition.client.listEntities<Row>({ queryOptions: { filter: CasePartition.caseAndOutboxFilter(caseId) } });
    for await (const entity of entities) {
      if (entity.rowKey === CASE_ROW) found = this.partition.cases.fromTableEntity(entity).value;
      else if (CasePartition.isOutboxRow(entity.rowKey ?? '')) rows.push(this.readOutboxRow(entity));
    }
    return { ...(found ? { case: found } : {}), rows: rows.sort((a, b) => (a.id < b.id ? -1 : 1)) };
  }

  async claim(rows: readonly OutboxRow[], until: Date, owner: string): Promise<OutboxRow[]> {
    if (rows.length === 0) return [];
    const leased = rows.map((row): OutboxRow => ({ ...row, status: 'leased', attempts: row.attempts + 1, leaseUntil: until, leaseOwner: owner }));
    // All at once when nobody else touched them (the usual case); otherwise one by one, keeping what we get.
    const together = await this.replaceAll(leased, rows);
    if (together !== undefined) return together;
    const claimed: OutboxRow[] = [];
    for (const [index, row] of leased.entries()) {
      const version = await this.replaceOne(row, (rows[index] as OutboxRow).version);
      if (version !== undefined) claimed.push({ ...row, version });
    }
    return claimed;
  }

  /**
   * Removes rows whose effect is done, one transaction per case. Unconditional (a transaction cannot
   * delete with If-Match): the effect happened, so the row must go even if our lease ran out meanwhile.
   */
  async complete(rows: readonly OutboxRow[]): Promise<void> {
    for (const caseRows of groupByCase(rows).values()) {
      try {
        await this.partition.client.submitTransaction(caseRows.map((row): TransactionAction => ['delete', { partitionKey: row.caseId, rowKey: row.id }]));
      } catch (error) {
        // One of them is gone already (removed by an instance that reclaimed it): remove the rest one by one.
        if (!lostRace(error)) throw error;
        for (const row of caseRows) await this.deleteOne(row);
      }
    }
  }

  async release(row: OutboxRow, at: Date, attempts: number): Promise<boolean> {
    const next: OutboxRow = { caseId: row.caseId, id: row.id, effect: row.effect, status: 'pending', attempts, nextAttemptAt: at, createdAt: row.createdAt, version: row.version };
    return (await this.replaceOne(next, row.version)) !== undefined;
  }

  async add(caseId: string, effects: readonly CaseEffect[], at: Date): Promise<void> {
    const tag = `x${at.getTime()}`;
    await this.mark(caseId, tag, at);
    await this.partition.client.submitTransaction(
      effects.map((effect, index): TransactionAction => ['create', this.partition.outbox.entityOf(caseId, outboxRowKey(tag, index + 1), CasePartition.pendingEffect(caseId, effect, at))]),
    );
  }

  async mark(caseId: string, tag: string, at: Date): Promise<DueMark> {
    const position = dueBucket(at);
    const key = `${caseId}_${tag}`;
    const response = await this.marksClient.upsertEntity(this.marks.entityOf(position, key, { caseId }), 'Replace');
    return { caseId, at, position, key, version: response.etag ?? '*' };
  }

  async due(now: Date): Promise<DueMark[]> {
    const filter = odata`PartitionKey ge ${DUE_PREFIX} and PartitionKey le ${dueBucket(now)}`;
    const marks: DueMark[] = [];
    for await (const entity of this.marksClient.listEntities<Row>({ queryOptions: { filter } })) {
      const mark = this.marks.fromTableEntity(entity);
      marks.push({ caseId: mark.value.caseId, at: now, position: mark.partitionKey, key: mark.rowKey, version: mark.etag });
    }
    return marks;
  }

  async unmark(mark: DueMark): Promise<void> {
    try {
      await this.marks.delete(mark.position, mark.key, mark.version);
    } catch (error) {
      // Rewritten since it was read (a newer look is due): it stays.
      if (!lostRace(error) && (error as { code?: string }).code !== 'STORAGE.CONFLICT') throw error;
    }
  }

  private readOutboxRow(entity: TableEntityResult<Row>): OutboxRow {
    const stored = this.partition.outbox.fromTableEntity(entity);
    return CasePartition.toOutboxRow(stored.rowKey, stored.value, stored.etag);
  }

  /** Replaces rows of one case in one transaction; undefined when any of them changed since it was read. */
  private async replaceAll(next: readonly OutboxRow[], read: readonly OutboxRow[]): Promise<OutboxRow[] | undefined> {
    if (groupByCase(next).size !== 1) return undefined;
    const actions = next.map((row, index): TransactionAction => [
      'update',
      this.partition.outbox.entityOf(row.caseId, row.id, CasePartition.toOutboxRecord(row)),
      'Replace',
      { etag: (read[index] as OutboxRow).version },
    ]);
    try {
      const response = await this.partition.client.submitTransaction(actions);
      // Sub-responses come in the order of the actions (an update's names no row key).
      return next.map((row, index) => {
        const etag = response.subResponses[index]?.etag;
        if (etag === undefined) throw new StorageError('STORAGE.NO_ETAG', 'The service returned no ETag', { table: this.partition.client.tableName, partitionKey: row.caseId, rowKey: row.id });
        return { ...row, version: etag };
      });
    } catch (error) {
      if (lostRace(error)) return undefined;
      throw error;
    }
  }

  private async replaceOne(row: OutboxRow, etag: string): Promise<string | undefined> {
    try {
      const response = await this.partition.client.updateEntity(this.partition.outbox.entityOf(row.caseId, row.id, CasePartition.toOutboxRecord(row)), 'Replace', { etag });
      if (response.etag === undefined) throw new StorageError('STORAGE.NO_ETAG', 'The service returned no ETag', { table: this.partition.client.tableName, partitionKey: row.caseId, rowKey: row.id });
      return response.etag;
    } catch (error) {
      if (lostRace(error)) return undefined;
      throw error;
    }
  }

  private async deleteOne(row: OutboxRow): Promise<boolean> {
    try {
      await this.partition.client.deleteEntity(row.caseId, row.id);
      return true;
    } catch (error) {
      if (lostRace(error)) return false;
      throw error;
    }
  }
}

/** 412 (changed since read) or 404 (gone): another instance got there first. */
function lostRace(error: unknown): boolean {
  const status = statusCodeOf(error);
  return status === 412 || status === 404;
}

function groupByCase(rows: readonly OutboxRow[]): Map<string, OutboxRow[]> {
  const groups = new Map<string, OutboxRow[]>();
  for (const row of rows) groups.set(row.caseId, [...(groups.get(row.caseId) ?? []), row]);
  return groups;
}
