import { odata, type TableClient, type TableEntityResult, type TransactionAction } from '@azure/data-tables';
import { z } from 'zod';
import type { CaseEffect } from '../app/case-effects';
import type { CaseOutbox, DueMark, OutboxRow, OutboxStore } from '../app/outbox-ports';
import { CASE_ROW, CasePartition, outboxRowKey } from './case-partition';
import { DocumentTable } from './document-table';
import { dueBucket, DUE_PREFIX } from './due-buckets';
import { statusCodeOf } from './errors';

const markSchema = z.object({ caseId: z.string().min(1) });
type MarkRecord = z.infer<typeof markSchema>;

type Row = Record<string, unknown>;

/**
 * The outbox in Table Storage. Its rows live in the case's partition of table Cases (case-partition.ts),
 * so they are written in the same transaction as the change; claims and removals of several rows of a
 * case are one transaction too. Table Outbox holds the due marks: PartitionKey `due-yyyyMMddHHmm` (when
 * to look), RowKey `<case id>_<tag>` — the recovery pass reads the buckets up to now, never the cases.
 */
export class TableOutboxRepository implements OutboxStore {
  private readonly partition: CasePartition;
  private readonly marks: DocumentTable<MarkRecord>;

  constructor(
    casesClient: TableClient,
    private readonly marksClient: TableClient,
  ) {
    this.partition = new CasePartition(casesClient);
    this.marks = new DocumentTable(marksClient, markSchema);
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

  async add(caseId: string, effects: readonly CaseEffect[], recoverAt: Date): Promise<void> {
    const now = new Date();
    const tag = `x${now.getTime()}`;
    await this.mark(caseId, tag, recoverAt);
    await this.partition.client.submitTransaction(
      effects.map((effect, index): TransactionAction => ['create', this.partition.outbox.entityOf(caseId, outboxRowKey(tag, index + 1), CasePartition.pendingEffect(caseId, effect, now))]),
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
      return next.map((row) => ({ ...row, version: response.getResponseForEntity(row.id)?.etag ?? '*' }));
    } catch (error) {
      if (lostRace(error)) return undefined;
      throw error;
    }
  }

  private async replaceOne(row: OutboxRow, etag: string): Promise<string | undefined> {
    try {
      const response = await this.partition.client.updateEntity(this.partition.outbox.entityOf(row.caseId, row.id, CasePartition.toOutboxRecord(row)), 'Replace', { etag });
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
