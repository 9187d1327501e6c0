import { setTimeout as sleep } from 'node:timers/promises';
import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { z } from 'zod';
import type { CounterScope, FiguresStore, RegistrationChange } from '../app/figures-ports';
import { registrationDelta, type Counters } from '../domain/registration/counters';
import type { DueBucket } from '../domain/registration/figures';
import { registrationMonth, registrationRowSchema, type RegistrationRow } from '../domain/registration/registration-row';
import { ConcurrencyError, CorruptDocumentError, statusCodeOf, type StorageLocation } from './errors';

/**
 * The figures' summary table. One partition per scope ('province' and each organisation id), so
 * a change of a case is one entity-group transaction per scope, all or nothing:
 *   month|2026-11                  counters of the reports registered in that month
 *   due|2026-11|2026-12-02         open deadlines of that month's reports falling due that UTC day
 *   reg|2026-11|<case id>          the registration row last counted for the case, and its sequence
 * Every write is conditional (ETag, or create-only), so several bot instances can count at once:
 * the loser of a race reads again and retries. The counters move from the stored row to the new one,
 * which makes a change idempotent and order-proof (see RegistrationChange).
 */

const SCOPE_KEY = /^[a-z0-9-]{1,100}$/;
const MONTH = /^\d{4}-\d{2}$/;
const CASE_ID = /^[A-Za-z0-9_-]{1,200}$/;
const COUNTER = /^[A-Za-z][A-Za-z0-9_]{0,200}$/;
const SYSTEM_PROPERTIES = new Set(['partitionKey', 'rowKey', 'timestamp', 'etag', 'odata.etag', 'odata.metadata']);
const MAX_ATTEMPTS = 50;
/** The marker of the one-time count of existing cases (no scope is called 'meta'). */
const META_PARTITION = 'meta';
const BACKFILL_ROW = 'backfill-v1';

const storedRegistrationSchema = z.object({ Sequence: z.number().int().nonnegative(), Row: z.string().optional() });

type Entity = Record<string, unknown> & { partitionKey: string; rowKey: string; etag?: string };

function partitionOf(scope: CounterScope): string {
  const key = scope === 'province' ? 'province' : scope.organisationId;
  if (!SCOPE_KEY.test(key)) throw new Error(`invalid figures scope "${key}"`);
  return key;
}

const monthKey = (month: string) => `month|${month}`;
const dueKey = (monthAndDay: string) => `due|${monthAndDay}`;
const registrationKey = (month: string, caseId: string) => `reg|${month}|${caseId}`;

/** The counters in an entity: integer columns with counter names. */
function countersOf(entity: Record<string, unknown>, where: StorageLocation): Record<string, number> {
  const counters: Record<string, number> = {};
  for (const [name, value] of Object.entries(entity)) {
    if (SYSTEM_PROPERTIES.has(name)) continue;
    if (!COUNTER.test(name) || typeof value !== 'number' || !Number.isSafeInteger(value)) {
      throw new CorruptDocumentError(where, [`${name}: not a counter`]);
    }
    counters[name] = value;
  }
  return counters;
}

function plus(counters: Readonly<Record<string, number>>, delta: Counters): Record<string, number> {
  const next = { ...counters };
  for (const [name, value] of Object.entries(delta)) {
    const sum = (next[name] ?? 0) + value;
    if (sum === 0) delete next[name];
    else next[name] = sum;
  }
  return next;
}

function backoffMs(attempt: number): number {
  return Math.random() * Math.min(200, 5 * 2 ** Math.min(attempt, 6));
}

/** How many registration rows this instance remembers as it last wrote them. */
const REMEMBERED_REGISTRATIONS = 1000;

export class TableFiguresRepository implements FiguresStore {
  /**
   * The registration rows this instance wrote last, with their ETags: a case's next change starts
   * from them instead of a read. Safe because every write is conditional: a row someone changed
   * since fails with 412, and the retry reads it.
   */
  private readonly lastWritten = new Map<string, Entity>();

  constructor(private readonly client: TableClient) {}

  async applyChange(change: RegistrationChange): Promise<'applied' | 'skipped'> {
    const { before, after } = change;
    const located = after ?? before;
    if (located === undefined) return 'skipped';
    if (!CASE_ID.test(change.caseId)) throw new Error('invalid case id for the figures');
    if (before !== undefined && after !== undefined && (registrationMonth(before) !== registrationMonth(after) || before.organisationId !== after.organisationId)) {
      // Both are fixed at registration: a change here is a bug upstream, and would split the case in two.
      throw new Error('a registration cannot change month or organisation');
    }
    if (after !== undefined) registrationRowSchema.parse(after);
    const results = await Promise.all(
      (['province', { organisationId: located.organisationId }] as const).map((scope) => this.applyInScope(partitionOf(scope), registrationMonth(located), change)),
    );
    return results.includes('applied') ? 'applied' : 'skipped';
  }

  /** One scope: read the stored row and the counters it touches, write them back in one conditional transaction. */
  private async applyInScope(partition: string, month: string, change: RegistrationChange): Promise<'applied' | 'skipped'> {
    const regKey = registrationKey(month, change.caseId);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (attempt > 0) await sleep(backoffMs(attempt));
      const remembered = attempt === 0 ? this.lastWritten.get(`${partition}\n${regKey}`) : undefined;
      const stored = remembered ?? (await this.getEntity(partition, regKey));
      const storedRegistration = stored && this.parseRegistration(stored);
      if (storedRegistration !== undefined && storedRegistration.sequence >= change.sequence) return 'skipped';
      const delta = registrationDelta(storedRegistration?.row, change.after);
      const actions: TransactionAction[] = [];
      const registrationEntity = { partitionKey: partition, rowKey: regKey, Sequence: change.sequence, ...(change.after ? { Row: JSON.stringify(change.after) } : {}) };
      // Removed cases keep a row with the sequence only, so a late older change cannot bring them back.
      actions.push(stored ? ['update', registrationEntity, 'Replace', { etag: stored.etag }] : ['create', registrationEntity]);
      const targets = [...[...delta.months].map(([m, counters]) => ({ rowKey: monthKey(m), counters, removeWhenEmpty: false })),
        ...[...delta.due].map(([key, counters]) => ({ rowKey: dueKey(key), counters, removeWhenEmpty: true }))];
      const existing = await Promise.all(targets.map((t) => this.getEntity(partition, t.rowKey)));
      // Action index → row key of due rows left empty; sub-responses come back in action order.
      const emptied = new Map<number, string>();
      targets.forEach((target, i) => {
        const current = existing[i];
        const next = plus(current ? countersOf(current, { table: this.client.tableName, partitionKey: partition, rowKey: target.rowKey }) : {}, target.counters);
        const entity = { partitionKey: partition, rowKey: target.rowKey, ...next };
        if (current === undefined) actions.push(['create', entity]);
        else actions.push(['update', entity, 'Replace', { etag: current.etag }]);
        if (target.removeWhenEmpty && Object.keys(next).length === 0) emptied.set(actions.length - 1, target.rowKey);
      });
      try {
        const response = await this.client.submitTransaction(actions);
        // The registration is the transaction's first action: remember it with the ETag it got.
        this.remember({ ...registrationEntity, etag: response.subResponses[0]?.etag });
        await this.removeEmptied(partition, emptied, response.subResponses);
        return 'applied';
      } catch (error) {
        this.lastWritten.delete(`${partition}\n${regKey}`);
        // 412: someone changed a row since we read it; 409: someone created one first; 404: someone
        // removed an emptied due row we read. Read again.
        const status = statusCodeOf(error);
        if (status !== 412 && status !== 409 && status !== 404) throw error;
      }
    }
    throw new ConcurrencyError({ table: this.client.tableName, partitionKey: partition, rowKey: regKey });
  }

  /**
   * Deletes due rows the transaction left empty, each only if unchanged since (a delete inside a
   * transaction cannot carry an ETag, and an unconditional one could drop a concurrent increment).
   * A row someone filled again in between stays; an empty row left behind costs a read, nothing more.
   */
  private async removeEmptied(partition: string, emptied: ReadonlyMap<number, string>, written: readonly { etag?: string }[]): Promise<void> {
    for (const [index, rowKey] of emptied) {
      const etag = written[index]?.etag;
      if (etag === undefined) continue;
      try {
        await this.client.deleteEntity(partition, rowKey, { etag });
      } catch (error) {
        const status = statusCodeOf(error);
        if (status !== 412 && status !== 404) throw error;
      }
    }
  }

  /**
   * Fills an empty table from many registrations at once (a backfill from existing cases, or the
   * bench): counts in memory, then writes whole partitions in transactions of 100. Not for a table
   * in use: it overwrites without ETags.
   */
  async bulkLoad(registrations: readonly { caseId: string; sequence: number; row: RegistrationRow }[]): Promise<number> {
    const partitions = new Map<string, Map<string, Record<string, unknown>>>();
    const put = (partition: string, rowKey: string, entity: Record<string, unknown>) => {
      const rows = partitions.get(partition) ?? new Map<string, Record<string, unknown>>();
      rows.set(rowKey, entity);
      partitions.set(partition, rows);
    };
    const counters = new Map<string, Record<string, number>>();
    for (const { caseId, sequence, row } of registrations) {
      const month = registrationMonth(row);
      const delta = registrationDelta(undefined, row);
      for (const partition of ['province', partitionOf({ organisationId: row.organisationId })]) {
        put(partition, registrationKey(month, caseId), { Sequence: sequence, Row: JSON.stringify(row) });
        const changes = [...[...delta.months].map(([m, c]) => [monthKey(m), c] as const), ...[...delta.due].map(([k, c]) => [dueKey(k), c] as const)];
        for (const [rowKey, delta] of changes) {
          const key = `${partition}\n${rowKey}`;
          counters.set(key, plus(counters.get(key) ?? {}, delta));
        }
      }
    }
    for (const [key, values] of counters) {
      const [partition, rowKey] = key.split('\n');
      put(partition, rowKey, values);
    }
    let written = 0;
    for (const [partition, rows] of partitions) {
      const entities = [...rows].map(([rowKey, entity]): TransactionAction => ['upsert', { partitionKey: partition, rowKey, ...entity }, 'Replace']);
      for (let i = 0; i < entities.length; i += 100) {
        await this.client.submitTransaction(entities.slice(i, i + 100));
        written += Math.min(100, entities.length - i);
      }
    }
    return written;
  }

  async readMonths(scope: CounterScope, from: string, to: string): Promise<Map<string, Counters>> {
    const partition = partitionOf(scope);
    if (!MONTH.test(from) || !MONTH.test(to)) throw new Error('months must be yyyy-MM');
    const months = new Map<string, Counters>();
    const filter = odata`PartitionKey eq ${partition} and RowKey ge ${monthKey(from)} and RowKey le ${monthKey(to)}`;
    for await (const entity of this.client.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
      months.set(String(entity.rowKey).slice('month|'.length), countersOf(entity, { table: this.client.tableName, partitionKey: partition, rowKey: entity.rowKey }));
    }
    return months;
  }

  async readDue(scope: CounterScope, months?: { from: string; to: string }): Promise<DueBucket[]> {
    const partition = partitionOf(scope);
    const [low, high] = months === undefined ? ['due|', 'due|~'] : [`due|${months.from}|`, `due|${months.to}|~`];
    const buckets: DueBucket[] = [];
    const filter = odata`PartitionKey eq ${partition} and RowKey ge ${low} and RowKey lt ${high}`;
    for await (const entity of this.client.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
      const [, month, day] = String(entity.rowKey).split('|');
      buckets.push({ month, day, counters: countersOf(entity, { table: this.client.tableName, partitionKey: partition, rowKey: entity.rowKey }) });
    }
    return buckets;
  }

  async listRegistrations(scope: CounterScope, from: string, to: string): Promise<RegistrationRow[]> {
    const partition = partitionOf(scope);
    const rows: RegistrationRow[] = [];
    const filter = odata`PartitionKey eq ${partition} and RowKey ge ${`reg|${from}|`} and RowKey lt ${`reg|${to}|~`}`;
    for await (const entity of this.client.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
      const parsed = this.parseRegistration(entity as Entity);
      if (parsed.row !== undefined) rows.push(parsed.row);
    }
    return rows;
  }

  async isBackfilled(): Promise<boolean> {
    return (await this.getEntity(META_PARTITION, BACKFILL_ROW)) !== undefined;
  }

  async markBackfilled(at: Date): Promise<void> {
    await this.client.upsertEntity({ partitionKey: META_PARTITION, rowKey: BACKFILL_ROW, doneAt: at.toISOString() }, 'Replace');
  }

  private parseRegistration(entity: Entity): { sequence: number; row?: RegistrationRow } {
    const where = { table: this.client.tableName, partitionKey: entity.partitionKey, rowKey: entity.rowKey };
    const stored = storedRegistrationSchema.safeParse(entity);
    if (!stored.success) throw new CorruptDocumentError(where, stored.error.issues.map((i) => `${i.path.join('.')}: ${i.code}`));
    if (stored.data.Row === undefined) return { sequence: stored.data.Sequence };
    let json: unknown;
    try {
      json = JSON.parse(stored.data.Row);
    } catch {
      throw new CorruptDocumentError(where, ['Row: not JSON']);
    }
    const row = registrationRowSchema.safeParse(json);
    if (!row.success) throw new CorruptDocumentError(where, row.error.issues.map((i) => `${i.path.join('.')}: ${i.code}`));
    return { sequence: stored.data.Sequence, row: row.data };
  }

  private remember(entity: Entity): void {
    const key = `${entity.partitionKey}\n${entity.rowKey}`;
    this.lastWritten.delete(key);
    if (entity.etag === undefined) return;
    if (this.lastWritten.size >= REMEMBERED_REGISTRATIONS) this.lastWritten.delete(this.lastWritten.keys().next().value as string);
    this.lastWritten.set(key, entity);
  }

  private async getEntity(partitionKey: string, rowKey: string): Promise<Entity | undefined> {
    try {
      return (await this.client.getEntity<Record<string, unknown>>(partitionKey, rowKey)) as Entity;
    } catch (error) {
      if (statusCodeOf(error) === 404) return undefined;
      throw error;
    }
  }
}
