import type { Case } from '../domain/case';
import type { Clock } from '../domain/clock';
import type { Directory } from '../domain/directory';
import {
  planReminders,
  reasonNotToSend,
  supersededReminders,
  type CancelReason,
} from '../domain/reminders';
import { reminderText } from '../copy/reminders.copy';
import type { WorkingDayCalendar } from '../domain/working-days';
import type { Logger } from './logger';
import type { CaseReader } from './ports';
import type {
  DeliveryFailureReason,
  DeliveryFailureRecorder,
  ReminderDelivery,
  ReminderMessage,
  ReminderRow,
  ReminderStore,
  ReminderTarget,
  StoredReminder,
} from './reminder-ports';

/** Settings of the reminder use cases; every one has a default. */
export interface ReminderServiceOptions {
  /** The aftercare check-in a week after the report (default on). */
  aftercareCheckIn?: boolean;
  /** How long a claimed reminder is reserved for one sweeper (default 2 minutes). */
  leaseMs?: number;
  /** Send attempts before a reminder is given up (default 5). */
  maxAttempts?: number;
  /** Sent this much after its planned time, a reminder counts as late and says so (default 10 minutes). */
  lateAfterMs?: number;
  /** Reminders handled at the same time within one sweep (default 4). */
  concurrency?: number;
  /** Names this process in leases (diagnostics only). */
  instanceId?: string;
}

export interface ReminderServiceDependencies {
  store: ReminderStore;
  cases: CaseReader;
  directory: Pick<Directory, 'desk' | 'escalationContact'>;
  delivery: ReminderDelivery;
  failures: DeliveryFailureRecorder;
  clock: Clock;
  /** Working days with the configured decree days (reminders of the police deadline count office hours). */
  workingDays: WorkingDayCalendar;
  logger: Logger;
  options?: ReminderServiceOptions;
}

/** What scheduleFor did. */
export interface ScheduleSummary {
  planned: number;
  created: number;
  rescheduled: number;
  cancelled: number;
}

/** What one sweep did. */
export interface SweepReport {
  /** Unfinished rows the sweep read. */
  read: number;
  sent: number;
  /** Of `sent`, how many went out late (after downtime). */
  late: number;
  failed: number;
  cancelled: number;
  superseded: number;
  /** Put back to be tried again (429 or transient error). */
  retryLater: number;
  /** Not ours to handle: not due yet, or leased by another sweeper. */
  skipped: number;
  /** The earliest moment a row read by this sweep may be tried again, so the loop can wake up for it. */
  nextAttemptAt?: Date;
}

const DEFAULTS = {
  aftercareCheckIn: true,
  leaseMs: 2 * 60_000,
  maxAttempts: 5,
  lateAfterMs: 10 * 60_000,
  concurrency: 4,
  instanceId: 'bot',
} as const;

type Resolved = Required<ReminderServiceOptions>;
type RowResult = 'sent' | 'late' | 'failed' | 'cancelled' | 'superseded' | 'retryLater' | 'skipped';
type Handled = { result: RowResult; retryAt?: Date };

/**
 * Reminder use cases: plan a case's reminders after every change, and send what is due. Every step
 * on a row is conditional on its ETag, so several bot instances can share one storage: a reminder is
 * claimed by one of them, sent, and marked, and never sent twice by a retry.
 */
export class ReminderService {
  private readonly options: Resolved;

  constructor(private readonly deps: ReminderServiceDependencies) {
    this.options = { ...DEFAULTS, ...deps.options };
  }

  /** After submission or any change of a case: creates the rows it now calls for, cancels pending ones it no longer does. */
  async scheduleFor(c: Case): Promise<ScheduleSummary> {
    const { store, clock, logger } = this.deps;
    const now = clock.now();
    const plan = planReminders(c, now, this.planOptions());
    const counts = await store.reschedule(c.id, plan, now, (reminder) => reasonNotToSend(reminder, c, this.options) ?? 'replaced');
    const summary: ScheduleSummary = { planned: plan.length, ...counts };
    logger.info('reminders.scheduled', { caseId: c.id, count: summary.created, detail: `cancelled ${summary.cancelled}, rescheduled ${summary.rescheduled}` });
    return summary;
  }

  /** Sends every reminder that is due at `now` and not yet handled; returns what happened. */
  async sweep(now: Date = this.deps.clock.now()): Promise<SweepReport> {
    const { store, logger } = this.deps;
    const rows = await store.findDue(now);
    const report: SweepReport = { read: rows.length, sent: 0, late: 0, failed: 0, cancelled: 0, superseded: 0, retryLater: 0, skipped: 0 };
    const actionable = rows.filter((row) => isActionable(row.reminder, now));
    // Not due yet (a retry), or leased by a live sweeper: left alone, but they hold the watermark.
    const waiting = rows.filter((row) => !isActionable(row.reminder, now));
    const superseded = supersededReminders(actionable.map((row) => row.reminder));
    const cases = new Map<string, Promise<Case | undefined>>();
    const unfinished: ReminderRow[] = [...waiting];
    report.skipped = waiting.length;
    const retryTimes: number[] = waiting.map(
      (row) => (row.reminder.status === 'leased' ? row.reminder.leaseUntil : row.reminder.nextAttemptAt)?.getTime() ?? now.getTime(),
    );

    // Superseded rows are only marked, so they go first and never take a turn from a real message.
    const order = [...actionable.filter((row) => superseded.has(row.reminder.id)), ...interleave(actionable.filter((row) => !superseded.has(row.reminder.id)))];
    await runPool(order, this.options.concurrency, async (row) => {
      let handled: Handled;
      try {
        handled = await this.handle(row, superseded, cases);
      } catch (error) {
        // A storage hiccup on one row must not stop the others; the row stays unfinished and comes back.
        logger.error('reminders.row_failed', { caseId: row.reminder.caseId, detail: `${row.reminder.id}: ${errorName(error)}` });
        handled = { result: 'skipped' };
      }
      if (handled.result === 'late') {
        report.sent++;
        report.late++;
      } else {
        report[handled.result]++;
      }
      if (handled.result === 'retryLater' || handled.result === 'skipped') unfinished.push(row);
      if (handled.retryAt !== undefined) retryTimes.push(handled.retryAt.getTime());
    });

    // The next sweep starts at the oldest bucket that may still hold unfinished rows.
    const oldest = unfinished.reduce<Date>((min, row) => (row.bucketStart < min ? row.bucketStart : min), now);
    try {
      await store.saveWatermark(oldest);
    } catch (error) {
      logger.warn('reminders.watermark_not_saved', { detail: errorName(error) });
    }
    const later = retryTimes.filter((t) => t > now.getTime());
    if (later.length > 0) report.nextAttemptAt = new Date(Math.min(...later));
    if (report.read > 0) {
      logger.info('reminders.swept', { count: report.sent, detail: `read ${report.read}, late ${report.late}, failed ${report.failed}, cancelled ${report.cancelled}, superseded ${report.superseded}, retry ${report.retryLater}, skipped ${report.skipped}` });
    }
    return report;
  }

  private async handle(row: ReminderRow, superseded: Map<string, string>, cases: Map<string, Promise<Case | undefined>>): Promise<Handled> {
    const { store, clock, delivery, logger } = this.deps;
    const claimed = await store.claim(row, clock.now(), { ms: this.options.leaseMs, owner: this.options.instanceId });
    if (!claimed) return { result: 'skipped' };
    const r = claimed.reminder;
    const by = superseded.get(r.id);
    if (by !== undefined) {
      await store.complete(claimed, { status: 'superseded', by }, clock.now());
      return { result: 'superseded' };
    }
    const c = await this.loadCase(r.caseId, cases);
    const reason: CancelReason | undefined = c === undefined ? 'caseMissing' : reasonNotToSend(r, c, this.options);
    if (reason !== undefined || c === undefined) {
      await store.complete(claimed, { status: 'cancelled', reason: reason ?? 'caseMissing' }, clock.now());
      return { result: 'cancelled' };
    }
    if (r.attempts > this.options.maxAttempts) return { result: await this.fail(claimed, 'attemptsExhausted', r.attempts - 1) };
    const target = this.targetOf(r, c);
    if (target === undefined) return { result: await this.fail(claimed, 'noRecipient', r.attempts) };

    const sendAt = clock.now();
    const late = sendAt.getTime() - r.sendAt.getTime() > this.options.lateAfterMs;
    const escalationContactName = r.kind === 'overdue' ? this.deps.directory.escalationContact(c.organisationId).name : undefined;
    const message: ReminderMessage = {
      reminderId: r.id,
      caseId: r.caseId,
      caseNumber: r.caseNumber,
      kind: r.kind,
      topic: r.topic,
      recipient: r.recipient.kind,
      target: target.target,
      conversationKey: target.key,
      text: reminderText(r, c, sendAt, { late, ...(escalationContactName ? { escalationContactName } : {}) }),
      late,
    };
    const outcome = await delivery.deliver(message, { attempts: r.attempts, maxAttempts: this.options.maxAttempts, leaseUntil: r.leaseUntil ?? sendAt });
    switch (outcome.kind) {
      case 'sent': {
        const marked = await store.complete(claimed, { status: 'sent', late, attempts: outcome.attempts }, clock.now());
        // The send happened; only the bookkeeping lost its lease (it outlived it). Worth a look, not a retry.
        if (!marked) logger.warn('reminders.lease_lost_after_send', { caseId: r.caseId, detail: r.id });
        return { result: late ? 'late' : 'sent' };
      }
      case 'failed':
        return { result: await this.fail(claimed, outcome.reason, outcome.attempts) };
      case 'retryLater':
        await store.release(claimed, outcome.at, outcome.attempts);
        return { result: 'retryLater', retryAt: outcome.at };
    }
  }

  private async fail(claimed: ReminderRow, reason: DeliveryFailureReason, attempts: number): Promise<RowResult> {
    const { store, clock, failures, logger } = this.deps;
    const r = claimed.reminder;
    const at = clock.now();
    await store.complete(claimed, { status: 'failed', reason, attempts }, at);
    logger.warn('reminders.delivery_failed', { caseId: r.caseId, caseNumber: r.caseNumber, code: reason, detail: r.id });
    try {
      await failures.record({ reminderId: r.id, caseId: r.caseId, caseNumber: r.caseNumber, kind: r.kind, topic: r.topic, recipient: r.recipient.kind, reason, attempts, at });
    } catch (error) {
      logger.error('reminders.failure_not_recorded', { caseId: r.caseId, detail: errorName(error) });
    }
    return 'failed';
  }

  private targetOf(r: StoredReminder, c: Case): { target: ReminderTarget; key: string } | undefined {
    switch (r.recipient.kind) {
      case 'handlerDesk': {
        const desk = this.deps.directory.desk(c.route.handler.organisationId, c.route.handler.role);
        if (desk === undefined) return undefined;
        const mention = c.handler?.aadObjectId;
        return {
          target: { kind: 'channel', teamId: desk.channel.teamId, channelId: desk.channel.channelId, ...(mention ? { mentionAadObjectId: mention } : {}) },
          key: `channel:${desk.channel.channelId}`,
        };
      }
      case 'escalation': {
        const contact = this.deps.directory.escalationContact(c.organisationId);
        return { target: { kind: 'user', aadObjectId: contact.aadObjectId }, key: `user:${contact.aadObjectId}` };
      }
      case 'officeHolder':
        return { target: { kind: 'user', aadObjectId: c.officeHolder.aadObjectId }, key: `user:${c.officeHolder.aadObjectId}` };
    }
  }

  private loadCase(caseId: string, cache: Map<string, Promise<Case | undefined>>): Promise<Case | undefined> {
    let pending = cache.get(caseId);
    if (pending === undefined) {
      pending = this.deps.cases.get(caseId).then((stored) => stored?.case);
      cache.set(caseId, pending);
    }
    return pending;
  }

  private planOptions() {
    return { aftercareCheckIn: this.options.aftercareCheckIn, calendar: this.deps.workingDays };
  }
}

/** Pending and due, or leased by a sweeper whose lease ran out (it died mid-send). */
function isActionable(r: StoredReminder, now: Date): boolean {
  if (r.status === 'pending') return r.nextAttemptAt.getTime() <= now.getTime();
  return r.status === 'leased' && (r.leaseUntil?.getTime() ?? 0) <= now.getTime();
}

/** Oldest first, but taking turns between recipients, so one busy conversation does not hold up the rest. */
function interleave(rows: readonly ReminderRow[]): ReminderRow[] {
  const groups = new Map<string, ReminderRow[]>();
  const sorted = [...rows].sort((a, b) => a.reminder.sendAt.getTime() - b.reminder.sendAt.getTime());
  for (const row of sorted) {
    const r = row.reminder;
    const key = r.recipient.kind === 'officeHolder' ? `officeHolder:${r.caseId}` : `${r.recipient.kind}:${r.organisationId}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const queues = [...groups.values()];
  const result: ReminderRow[] = [];
  for (let i = 0; result.length < sorted.length; i++) {
    for (const queue of queues) if (i < queue.length) result.push(queue[i] as ReminderRow);
  }
  return result;
}

async function runPool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(size, items.length)) }, worker));
}

function errorName(error: unknown): string {
  if (error instanceof Error) return (error as { code?: unknown }).code ? `${error.name} ${String((error as { code?: unknown }).code)}` : error.name;
  return 'unknown error';
}
