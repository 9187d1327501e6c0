import { odata, type TableClient, type TableEntity, type TransactionAction } from '@azure/data-tables';
import { z } from 'zod';
import type {
  RescheduleCounts,
  ReminderCompletion,
  ReminderRow,
  ReminderStore,
  ScheduleResult,
  StoredReminder,
} from '../app/reminder-ports';
import { DEADLINE_KINDS } from '../domain/deadlines';
import { caseIdOfReminder, REMINDER_KINDS, type CancelReason, type PlannedReminder } from '../domain/reminders';
import { DocumentTable } from './document-table';
import { bucketStart, dueBucket, DUE_PREFIX } from './due-buckets';
import { AlreadyExistsError, ConcurrencyError, CorruptDocumentError, statusCodeOf, StorageError } from './errors';

/**
 * Reminder rows in Table Storage (issue 6, conventions habit 4).
 *
 * - Reminder rows: PartitionKey `due-yyyyMMddHHmm` (UTC bucket of sendAt), RowKey = reminder id. Flat
 *   columns (status, nextAttemptAt, …) so a sweep filters on the server. A sweep reads one PartitionKey
 *   range, from the watermark to now: rows due later are never read.
 * - Locators: PartitionKey `case-<caseId>`, RowKey = reminder id → the bucket of its row. They make
 *   re-planning idempotent and cancellation by id possible without scanning.
 * - Watermark: PartitionKey `sweep`, RowKey `watermark` → the oldest bucket that may hold unfinished rows.
 */

const CASE_PREFIX = 'case-';
const SWEEP_PARTITION = 'sweep';
const WATERMARK_ROW = 'watermark';
const MINUTE_MS = 60_000;

/** Tuning of the repository; the defaults suit one bot with a few instances. */
export interface ReminderRepositoryOptions {
  /** Width of a due-time bucket in minutes (1, 5, 10, 15, 30 or 60). */
  bucketMinutes?: number;
  /** Every sweep also reads this far back, for rows written by an instance whose clock is a little behind. */
  lookBackMs?: number;
  /** Without a watermark (first start), read this far back. */
  initialLookBackMs?: number;
}

const instant = z.union([z.date(), z.string().datetime({ offset: true })]).transform((v) => (v instanceof Date ? v : new Date(v)));
const optionalInstant = instant.optional();

/** The flat columns of a reminder row, validated on every read. */
const rowSchema = z.object({
  partitionKey: z.string().startsWith(DUE_PREFIX),
  rowKey: z.string().min(1),
  etag: z.string().min(1),
  caseId: z.string().min(1),
  caseNumber: z.string().min(1),
  organisationId: z.string().min(1),
  topic: z.enum([...DEADLINE_KINDS, 'aftercare']),
  topics: z.string(),
  kind: z.enum(REMINDER_KINDS),
  recipient: z.enum(['handlerDesk', 'escalation', 'officeHolder']),
  dueAt: instant,
  sendAt: instant,
  catchUp: z.boolean(),
  deadlineAt: optionalInstant,
  status: z.enum(['pending', 'leased', 'sent', 'failed', 'cancelled', 'superseded']),
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: instant,
  plannedAt: instant,
  leaseUntil: optionalInstant,
  leaseOwner: z.string().optional(),
  sentAt: optionalInstant,
  late: z.boolean().optional(),
  failedAt: optionalInstant,
  failureReason: z.enum(['permanent', 'transient', 'noRecipient', 'attemptsExhausted']).optional(),
  cancelledAt: optionalInstant,
  cancelReason: z.enum(['goalReached', 'caseClosed', 'switchedOff', 'replaced', 'caseMissing', 'deadlineDropped']).optional(),
  supersededBy: z.string().optional(),
});
const topicsSchema = z.array(z.enum(DEADLINE_KINDS));

const locatorSchema = z.object({ partitionKey: z.string().startsWith(DUE_PREFIX), dueAt: z.string().datetime() });
type Locator = z.infer<typeof locatorSchema>;
const watermarkSchema = z.object({ bucket: z.string().startsWith(DUE_PREFIX) });
type Watermark = z.infer<typeof watermarkSchema>;

export { dueBucket } from './due-buckets';

/** The table entity of a reminder row (also used to seed rows in bulk, e.g. by the benchmark). */
export function reminderEntity(reminder: StoredReminder, partitionKey: string): TableEntity<Record<string, unknown>> {
  const entity: TableEntity<Record<string, unknown>> = {
    partitionKey,
    rowKey: reminder.id,
    caseId: reminder.caseId,
    caseNumber: reminder.caseNumber,
    organisationId: reminder.organisationId,
    topic: reminder.topic,
    topics: JSON.stringify(reminder.topics),
    kind: reminder.kind,
    recipient: reminder.recipient.kind,
    dueAt: reminder.dueAt,
    sendAt: reminder.sendAt,
    catchUp: reminder.catchUp,
    status: reminder.status,
    attempts: reminder.attempts,
    nextAttemptAt: reminder.nextAttemptAt,
    plannedAt: reminder.plannedAt,
  };
  const optional: Record<string, unknown> = {
    deadlineAt: reminder.deadlineAt,
    leaseUntil: reminder.leaseUntil,
    leaseOwner: reminder.leaseOwner,
    sentAt: reminder.sentAt,
    late: reminder.late,
    failedAt: reminder.failedAt,
    failureReason: reminder.failureReason,
    cancelledAt: reminder.cancelledAt,
    cancelReason: reminder.cancelReason,
    supersededBy: reminder.supersededBy,
  };
  for (const [name, value] of Object.entries(optional)) if (value !== undefined) entity[name] = value;
  return entity;
}

/** A fresh pending row for a planned reminder. */
export function pendingReminder(planned: PlannedReminder, now: Date): StoredReminder {
  return { ...planned, status: 'pending', attempts: 0, nextAttemptAt: planned.sendAt, plannedAt: now };
}

function toRow(entity: unknown, table: string): ReminderRow {
  const parsed = rowSchema.safeParse(entity);
  const where = { table, partitionKey: (entity as { partitionKey?: string }).partitionKey, rowKey: (entity as { rowKey?: string }).rowKey };
  if (!parsed.success) {
    throw new CorruptDocumentError(where, parsed.error.issues.slice(0, 10).map((i) => `${i.path.join('.')}: ${i.code}`));
  }
  const r = parsed.data;
  let topicsRaw: unknown;
  try {
    topicsRaw = JSON.parse(r.topics);
  } catch {
    topicsRaw = undefined;
  }
  const topics = topicsSchema.safeParse(topicsRaw);
  if (!topics.success) throw new CorruptDocumentError(where, ['topics: invalid']);
  const reminder: StoredReminder = {
    id: r.rowKey,
    caseId: r.caseId,
    caseNumber: r.caseNumber,
    organisationId: r.organisationId,
    topic: r.topic,
    topics: topics.data,
    kind: r.kind,
    recipient: { kind: r.recipient },
    dueAt: r.dueAt,
    sendAt: r.sendAt,
    catchUp: r.catchUp,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.nextAttemptAt,
    plannedAt: r.plannedAt,
    ...(r.deadlineAt ? { deadlineAt: r.deadlineAt } : {}),
    ...(r.leaseUntil ? { leaseUntil: r.leaseUntil } : {}),
    ...(r.leaseOwner ? { leaseOwner: r.leaseOwner } : {}),
    ...(r.sentAt ? { sentAt: r.sentAt } : {}),
    ...(r.late !== undefined ? { late: r.late } : {}),
    ...(r.failedAt ? { failedAt: r.failedAt } : {}),
    ...(r.failureReason ? { failureReason: r.failureReason } : {}),
    ...(r.cancelledAt ? { cancelledAt: r.cancelledAt } : {}),
    ...(r.cancelReason ? { cancelReason: r.cancelReason } : {}),
    ...(r.supersededBy ? { supersededBy: r.supersededBy } : {}),
  };
  return { reminder, bucketStart: bucketStart(r.partitionKey), position: r.partitionKey, version: r.etag };
}

/** Strips lease and outcome fields, so a row never carries stale ones into its next state. */
function baseOf(r: StoredReminder): StoredReminder {
  return {
    id: r.id,
    caseId: r.caseId,
    caseNumber: r.caseNumber,
    organisationId: r.organisationId,
    topic: r.topic,
    topics: r.topics,
    kind: r.kind,
    recipient: r.recipient,
    dueAt: r.dueAt,
    sendAt: r.sendAt,
    catchUp: r.catchUp,
    ...(r.deadlineAt ? { deadlineAt: r.deadlineAt } : {}),
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.nextAttemptAt,
    plannedAt: r.plannedAt,
  };
}

/** Reminder rows, their locators and the sweep watermark, all in one table. */
export class TableReminderRepository implements ReminderStore {
  private readonly locators: DocumentTable<Locator>;
  private readonly watermark: DocumentTable<Watermark>;
  private readonly bucketMinutes: number;
  private readonly lookBackMs: number;
  private readonly initialLookBackMs: number;

  constructor(
    private readonly client: TableClient,
    options: ReminderRepositoryOptions = {},
  ) {
    this.locators = new DocumentTable(client, locatorSchema);
    this.watermark = new DocumentTable(client, watermarkSchema);
    this.bucketMinutes = options.bucketMinutes ?? 1;
    if (![1, 5, 10, 15, 30, 60].includes(this.bucketMinutes)) throw new RangeError('bucketMinutes must divide an hour');
    this.lookBackMs = options.lookBackMs ?? 15 * MINUTE_MS;
    this.initialLookBackMs = options.initialLookBackMs ?? 7 * 24 * 60 * MINUTE_MS;
  }

  /** The partition key a reminder sent at `at` lives in. */
  bucketOf(at: Date): string {
    return dueBucket(at, this.bucketMinutes);
  }

  async listForCase(caseId: string): Promise<StoredReminder[]> {
    const locators: { rowKey: string; value: Locator }[] = [];
    for await (const locator of this.locators.listPartition(casePartition(caseId))) locators.push(locator);
    const rows = await Promise.all(locators.map((locator) => this.readRow(locator.value.partitionKey, locator.rowKey)));
    return rows.flatMap((row) => (row ? [row.reminder] : []));
  }

  async schedule(planned: PlannedReminder, now: Date): Promise<ScheduleResult> {
    const locatorPk = casePartition(planned.caseId);
    const locator = await this.locators.get(locatorPk, planned.id);
    let result: ScheduleResult = 'created';
    if (locator) {
      const existing = await this.readRow(locator.value.partitionKey, planned.id);
      if (existing && existing.reminder.dueAt.getTime() === planned.dueAt.getTime()) {
        if (existing.reminder.status !== 'cancelled') return 'unchanged';
        result = 'reactivated';
        if (locator.value.partitionKey === this.bucketOf(planned.sendAt)) {
          return (await this.replace(existing, pendingReminder(planned, now))) ? 'reactivated' : 'unchanged';
        }
      } else if (existing) {
        // The moment moved (e.g. a new end date of restrictive measures): the old row must not go out.
        result = 'rescheduled';
        if (existing.reminder.status === 'pending') await this.cancelRow(existing, now, 'replaced');
      }
    }
    const partitionKey = this.bucketOf(planned.sendAt);
    // Locator first: a crash before the row is written leaves a locator the next schedule repairs.
    await this.upsertLocator(locatorPk, planned.id, { partitionKey, dueAt: planned.dueAt.toISOString() });
    return (await this.createRow(planned, partitionKey, now)) ? result : 'unchanged';
  }

  /**
   * schedule() for a whole plan in few round trips: one query for the case's locators and their rows
   * read at once; then the changed locators in one transaction (they share the case's partition) —
   * first, so a crash leaves locators the next schedule repairs — and the rows at once.
   */
  async reschedule(caseId: string, plan: readonly PlannedReminder[], now: Date, reasonToCancel: (r: StoredReminder) => CancelReason): Promise<RescheduleCounts> {
    const locatorPk = casePartition(caseId);
    const locators: { rowKey: string; value: Locator }[] = [];
    for await (const locator of this.locators.listPartition(locatorPk)) locators.push(locator);
    const rows = new Map<string, ReminderRow>();
    for (const row of await Promise.all(locators.map((l) => this.readRow(l.value.partitionKey, l.rowKey)))) if (row) rows.set(row.reminder.id, row);

    const counts: RescheduleCounts = { created: 0, rescheduled: 0, cancelled: 0 };
    const newLocators: TransactionAction[] = [];
    const rowWrites: (() => Promise<void>)[] = [];
    const count = (what: keyof RescheduleCounts) => async (done: Promise<unknown>) => {
      if (await done) counts[what] += 1;
    };
    for (const planned of plan) {
      const existing = rows.get(planned.id);
      const target = this.bucketOf(planned.sendAt);
      const sameMoment = existing !== undefined && existing.reminder.dueAt.getTime() === planned.dueAt.getTime();
      if (sameMoment && existing.reminder.status !== 'cancelled') continue;
      if (existing !== undefined && existing.position === target) {
        // Same bucket: the row itself becomes the new pending reminder (reactivated, or moved within the minute).
        if (existing.reminder.status === 'pending' || existing.reminder.status === 'cancelled') {
          rowWrites.push(() => count(sameMoment ? 'created' : 'rescheduled')(this.replace(existing, pendingReminder(planned, now))));
        }
        continue;
      }
      // The moment moved to another bucket: the old row must not go out.
      if (existing !== undefined && !sameMoment && existing.reminder.status === 'pending') rowWrites.push(() => this.cancelRow(existing, now, 'replaced').then(() => undefined));
      newLocators.push(['upsert', this.locators.entityOf(locatorPk, planned.id, { partitionKey: target, dueAt: planned.dueAt.toISOString() }), 'Replace']);
      const result = existing === undefined ? 'created' : sameMoment ? 'created' : 'rescheduled';
      rowWrites.push(() => count(result)(this.createRow(planned, target, now)));
    }
    const wanted = new Set(plan.map((p) => p.id));
    for (const row of rows.values()) {
      if (wanted.has(row.reminder.id) || row.reminder.status !== 'pending') continue;
      rowWrites.push(() => count('cancelled')(this.cancelRow(row, now, reasonToCancel(row.reminder))));
    }
    if (newLocators.length > 0) await this.client.submitTransaction(newLocators);
    await Promise.all(rowWrites.map((write) => write()));
    return counts;
  }

  /**
   * A new pending row in `partitionKey`; false when one is there already (a concurrent schedule). An
   * old cancelled row of this id in that bucket is taken over.
   */
  private async createRow(planned: PlannedReminder, partitionKey: string, now: Date): Promise<boolean> {
    try {
      await this.client.createEntity(reminderEntity(pendingReminder(planned, now), partitionKey));
      return true;
    } catch (err) {
      if (statusCodeOf(err) !== 409) throw err;
    }
    const clash = await this.readRow(partitionKey, planned.id);
    return clash !== undefined && clash.reminder.status === 'cancelled' && (await this.replace(clash, pendingReminder(planned, now))) !== undefined;
  }

  async cancel(id: string, now: Date, reason: CancelReason): Promise<boolean> {
    const locator = await this.locators.get(casePartition(caseIdOfReminder(id)), id);
    if (!locator) return false;
    for (let attempt = 0; attempt < 5; attempt++) {
      const row = await this.readRow(locator.value.partitionKey, id);
      if (!row || row.reminder.status !== 'pending') return false;
      if (await this.cancelRow(row, now, reason)) return true;
    }
    return false;
  }

  async findDue(now: Date): Promise<ReminderRow[]> {
    const saved = await this.watermark.get(SWEEP_PARTITION, WATERMARK_ROW);
    const lookBack = this.bucketOf(new Date(now.getTime() - this.lookBackMs));
    const watermark = saved?.value.bucket ?? this.bucketOf(new Date(now.getTime() - this.initialLookBackMs));
    const from = watermark < lookBack ? watermark : lookBack;
    const to = this.bucketOf(now);
    const filter = odata`PartitionKey ge ${from} and PartitionKey le ${to} and (status eq ${'pending'} or status eq ${'leased'})`;
    const rows: ReminderRow[] = [];
    for await (const entity of this.client.listEntities({ queryOptions: { filter } })) {
      rows.push(toRow(entity, this.client.tableName));
    }
    return rows;
  }

  async claim(row: ReminderRow, now: Date, lease: { readonly ms: number; readonly owner: string }): Promise<ReminderRow | undefined> {
    const r = row.reminder;
    const claimable =
      (r.status === 'pending' && r.nextAttemptAt.getTime() <= now.getTime()) ||
      (r.status === 'leased' && (r.leaseUntil?.getTime() ?? 0) <= now.getTime());
    if (!claimable) return undefined;
    const leased: StoredReminder = {
      ...baseOf(r),
      status: 'leased',
      attempts: r.attempts + 1,
      leaseUntil: new Date(now.getTime() + lease.ms),
      leaseOwner: lease.owner,
    };
    const version = await this.replace(row, leased);
    return version === undefined ? undefined : { ...row, reminder: leased, version };
  }

  async complete(row: ReminderRow, completion: ReminderCompletion, now: Date): Promise<boolean> {
    const base = baseOf(row.reminder);
    let next: StoredReminder;
    switch (completion.status) {
      case 'sent':
        next = { ...base, status: 'sent', attempts: completion.attempts, sentAt: now, late: completion.late };
        break;
      case 'failed':
        next = { ...base, status: 'failed', attempts: completion.attempts, failedAt: now, failureReason: completion.reason };
        break;
      case 'cancelled':
        next = { ...base, status: 'cancelled', cancelledAt: now, cancelReason: completion.reason };
        break;
      case 'superseded':
        next = { ...base, status: 'superseded', supersededBy: completion.by };
        break;
    }
    return (await this.replace(row, next)) !== undefined;
  }

  async release(row: ReminderRow, nextAttemptAt: Date, attempts: number): Promise<boolean> {
    const next: StoredReminder = { ...baseOf(row.reminder), status: 'pending', attempts, nextAttemptAt };
    return (await this.replace(row, next)) !== undefined;
  }

  async saveWatermark(upTo: Date): Promise<void> {
    const value: Watermark = { bucket: this.bucketOf(upTo) };
    const current = await this.watermark.get(SWEEP_PARTITION, WATERMARK_ROW);
    if (current?.value.bucket === value.bucket) return;
    // A conflict means another sweeper just wrote its own: equally valid, since every sweeper only
    // moves it to a bucket before which it saw nothing unfinished, and the look-back covers the rest.
    try {
      if (current === undefined) await this.watermark.create(SWEEP_PARTITION, WATERMARK_ROW, value);
      else await this.watermark.replace(SWEEP_PARTITION, WATERMARK_ROW, value, current.etag);
    } catch (err) {
      if (!(err instanceof AlreadyExistsError) && !(err instanceof ConcurrencyError)) throw err;
    }
  }

  /** The stored watermark bucket, if any (for tests and diagnostics). */
  async readWatermark(): Promise<string | undefined> {
    return (await this.watermark.get(SWEEP_PARTITION, WATERMARK_ROW))?.value.bucket;
  }

  private async readRow(partitionKey: string, rowKey: string): Promise<ReminderRow | undefined> {
    try {
      return toRow(await this.client.getEntity(partitionKey, rowKey), this.client.tableName);
    } catch (err) {
      if (statusCodeOf(err) === 404) return undefined;
      throw err;
    }
  }

  /** Replaces a row if it still has the version read; the new version, or undefined if it changed or vanished. */
  private async replace(row: ReminderRow, next: StoredReminder): Promise<string | undefined> {
    try {
      const response = await this.client.updateEntity(reminderEntity(next, row.position), 'Replace', { etag: row.version });
      if (response.etag === undefined) {
        throw new StorageError('STORAGE.NO_ETAG', 'The service returned no ETag', { table: this.client.tableName, partitionKey: row.position, rowKey: next.id });
      }
      return response.etag;
    } catch (err) {
      const status = statusCodeOf(err);
      if (status === 412 || status === 404) return undefined;
      throw err;
    }
  }

  private async cancelRow(row: ReminderRow, now: Date, reason: CancelReason): Promise<boolean> {
    const next: StoredReminder = { ...baseOf(row.reminder), status: 'cancelled', cancelledAt: now, cancelReason: reason };
    return (await this.replace(row, next)) !== undefined;
  }

  private async upsertLocator(partitionKey: string, rowKey: string, value: Locator): Promise<void> {
    try {
      await this.locators.create(partitionKey, rowKey, value);
    } catch (err) {
      if (!(err instanceof AlreadyExistsError)) throw err;
      await this.locators.update(partitionKey, rowKey, () => value);
    }
  }
}

function casePartition(caseId: string): string {
  return `${CASE_PREFIX}${caseId}`;
}
