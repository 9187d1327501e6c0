import { DateTime } from 'luxon';
import type { Case } from './case-model';
import { restorationKeptAfterClosing } from './restrictions';
import { DEADLINE_KINDS, type DeadlineKind } from './deadlines';
import { AMSTERDAM, amsterdamDate, type LocalDate, type WorkingDayCalendar } from './working-days';

/**
 * Reminder policy (issue 6): which messages a case's deadlines call for, when and to whom; what they
 * say is src/copy/reminders.copy.ts. Pure: storage, sending and timers live in src/storage, src/app and src/scheduler.
 */

/** Kinds of reminder, in the order they fall due for one deadline. */
export const REMINDER_KINDS = ['halfway', 'threeQuarters', 'oneHourBefore', 'overdue', 'escalation', 'aftercareCheckIn'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** Kinds that go to the handler desk about one deadline; a later one makes an earlier unsent one pointless. */
export const HANDLER_REMINDER_KINDS: readonly ReminderKind[] = ['halfway', 'threeQuarters', 'oneHourBefore', 'overdue'];

/** Who receives a reminder; resolved to a Teams conversation only when it is sent (the directory may change). */
export type ReminderRecipient = { readonly kind: 'handlerDesk' } | { readonly kind: 'escalation' } | { readonly kind: 'officeHolder' };
export type RecipientKind = ReminderRecipient['kind'];

/** What a reminder is about: a deadline (the lead kind of its group), or the aftercare check-in. */
export type ReminderTopic = DeadlineKind | 'aftercare';

/** Why a planned reminder will not (or no longer) be sent; 'deadlineDropped': a new proposal removed its deadline. */
export type CancelReason = 'goalReached' | 'caseClosed' | 'switchedOff' | 'replaced' | 'caseMissing' | 'deadlineDropped';

/** One message the policy wants sent. */
export interface PlannedReminder {
  /** `${caseId}:${topic}:${kind}`: planning again yields the same id, so rows are never doubled. */
  readonly id: string;
  readonly caseId: string;
  readonly caseNumber: string;
  readonly organisationId: string;
  readonly topic: ReminderTopic;
  /** Every deadline this reminder covers (deadlines due at the same moment share one message); empty for aftercare. */
  readonly topics: readonly DeadlineKind[];
  readonly kind: ReminderKind;
  readonly recipient: ReminderRecipient;
  /** The moment the policy meant it for (UTC). */
  readonly dueAt: Date;
  /** When to send it: `dueAt`, or the planning moment for a catch-up notice whose moment had passed. */
  readonly sendAt: Date;
  /** Planned after its moment had passed: it stands in for every earlier moment of its deadline. */
  readonly catchUp: boolean;
  /** The deadline it is about; absent for the aftercare check-in. */
  readonly deadlineAt?: Date;
}

/** Switches of the policy that an organisation may configure. */
export interface ReminderPlanOptions {
  /** Send the office holder a "hoe gaat het?" message a week after the report. */
  readonly aftercareCheckIn: boolean;
  readonly calendar: WorkingDayCalendar;
}

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** The check-in goes out a week after the report. */
export const AFTERCARE_DELAY_MS = 7 * DAY_MS;
/** After this, a missed check-in is not planned any more: "how are you" weeks later would be odd. */
export const AFTERCARE_LATEST_MS = 14 * DAY_MS;
/** Office hours in which working-day deadlines are counted (the police deadline ends at 17:00). */
export const OFFICE_HOURS = { start: 9, end: 17 } as const;

/** The deterministic id of a reminder. */
export function reminderId(caseId: string, topic: ReminderTopic, kind: ReminderKind): string {
  return `${caseId}:${topic}:${kind}`;
}

/** The case id inside a reminder id (case ids contain no colon). */
export function caseIdOfReminder(id: string): string {
  const end = id.indexOf(':');
  return end <= 0 ? id : id.slice(0, end);
}

/** The deadlines whose goal has been recorded as reached. */
export function reachedGoals(c: Case): DeadlineKind[] {
  // Tolerates a case stored before the field existed.
  const goals: Partial<Record<DeadlineKind, Date>> = c.goalReachedAt ?? {};
  return DEADLINE_KINDS.filter((kind) => goals[kind] !== undefined);
}

/** One deadline as the policy sees it. */
export interface ReminderDeadline {
  readonly kind: DeadlineKind;
  readonly dueAt: Date;
  readonly setAt: Date;
  readonly overdueWhenSet: boolean;
  readonly decreeDaysUnknownFor?: readonly number[];
}

/**
 * The case's deadlines: those of the registration, plus the incidentgesprek and herstelgesprek that a
 * proposal of measures brings (and a later proposal may take away again).
 */
export function caseDeadlines(c: Case): ReminderDeadline[] {
  return c.deadlines.map((d) => ({ ...d }));
}

/** Deadlines due at the same moment with the same clock; they share one set of reminders. */
export interface DeadlineGroup {
  /** The first of `topics` in DEADLINE_KINDS order; names the group's reminder ids. */
  readonly lead: DeadlineKind;
  readonly topics: readonly DeadlineKind[];
  readonly dueAt: Date;
  /** When the clock of the deadline started (the incident, or the registration). */
  readonly start: Date;
  /** Fractions are counted in office hours on working days rather than elapsed time. */
  readonly workingTime: boolean;
  readonly overdueWhenSet: boolean;
}

function clockOf(c: Case, kind: DeadlineKind): { start: Date; workingTime: boolean } {
  switch (kind) {
    case 'labourInspectorate':
    case 'measures':
    case 'incidentMeeting':
      return { start: new Date(c.report.incidentAt), workingTime: false };
    case 'policeAppointment':
      // "2 werkdagen": half and three quarters of the office time, so no reminder lands on a Sunday night.
      return { start: c.registeredAt, workingTime: true };
    case 'restorationMeeting':
      // The case does not record when restrictions began; the registration is the earliest safe start.
      return { start: c.registeredAt, workingTime: false };
    case 'secondOpinion':
      return { start: c.deadlines.find((d) => d.kind === 'secondOpinion')?.setAt ?? c.registeredAt, workingTime: true };
  }
}

/** The case's deadlines grouped by moment and clock (measures and the incidentgesprek share "72 uur"). Goals are ignored here. */
export function deadlineGroups(c: Case): DeadlineGroup[] {
  const groups = new Map<string, { topics: DeadlineKind[]; dueAt: Date; start: Date; workingTime: boolean; overdue: boolean }>();
  for (const deadline of caseDeadlines(c)) {
    const clock = clockOf(c, deadline.kind);
    const key = `${deadline.dueAt.getTime()}|${clock.start.getTime()}|${clock.workingTime}`;
    const group = groups.get(key);
    if (group === undefined) {
      groups.set(key, { topics: [deadline.kind], dueAt: deadline.dueAt, ...clock, overdue: deadline.overdueWhenSet });
    } else if (!group.topics.includes(deadline.kind)) {
      group.topics.push(deadline.kind);
    }
  }
  return [...groups.values()]
    .map((g): DeadlineGroup => {
      const topics = DEADLINE_KINDS.filter((kind) => g.topics.includes(kind));
      return { lead: topics[0] as DeadlineKind, topics, dueAt: g.dueAt, start: g.start, workingTime: g.workingTime, overdueWhenSet: g.overdue };
    })
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || DEADLINE_KINDS.indexOf(a.lead) - DEADLINE_KINDS.indexOf(b.lead));
}

/** Office-hour intervals on working days between two instants, in Europe/Amsterdam. */
function officeIntervals(from: Date, to: Date, calendar: WorkingDayCalendar): [number, number][] {
  const intervals: [number, number][] = [];
  let day = DateTime.fromISO(amsterdamDate(from), { zone: AMSTERDAM });
  const lastDay = amsterdamDate(to);
  for (let guard = 0; guard < 400 && (day.toISODate() as LocalDate) <= lastDay; guard++) {
    if (calendar.isWorkingDay(day.toISODate() as LocalDate)) {
      const open = Math.max(day.set({ hour: OFFICE_HOURS.start }).toMillis(), from.getTime());
      const close = Math.min(day.set({ hour: OFFICE_HOURS.end }).toMillis(), to.getTime());
      if (close > open) intervals.push([open, close]);
    }
    day = day.plus({ days: 1 });
  }
  return intervals;
}

/** The instant at `fraction` of the way from start to end, counting elapsed time or office time. */
function pointInWindow(group: DeadlineGroup, fraction: number, calendar: WorkingDayCalendar): Date {
  const start = group.start.getTime();
  const end = group.dueAt.getTime();
  if (group.workingTime) {
    const intervals = officeIntervals(group.start, group.dueAt, calendar);
    const total = intervals.reduce((sum, [open, close]) => sum + (close - open), 0);
    let left = total * fraction;
    for (const [open, close] of intervals) {
      if (left <= close - open) return new Date(Math.round((open + left) / MINUTE_MS) * MINUTE_MS);
      left -= close - open;
    }
    // No office time at all in the window: fall back to elapsed time.
  }
  return new Date(Math.round((start + (end - start) * fraction) / MINUTE_MS) * MINUTE_MS);
}

/** The moments before the deadline at which the handler is reminded, in time order. */
function reminderMoments(group: DeadlineGroup, calendar: WorkingDayCalendar): { kind: ReminderKind; at: Date }[] {
  const start = group.start.getTime();
  const due = group.dueAt.getTime();
  if (due <= start) return [];
  const oneHourBefore = due - HOUR_MS;
  const moments: { kind: ReminderKind; at: Date }[] = [
    { kind: 'halfway', at: pointInWindow(group, 0.5, calendar) },
    { kind: 'threeQuarters', at: pointInWindow(group, 0.75, calendar) },
  ];
  const last = oneHourBefore > start ? oneHourBefore : undefined;
  return [
    // The one-hour reminder is the last before the deadline; a fraction that falls after it adds nothing.
    ...moments.filter((m) => m.at.getTime() > start && m.at.getTime() < due && (last === undefined || m.at.getTime() < last)),
    ...(last === undefined ? [] : [{ kind: 'oneHourBefore' as const, at: new Date(last) }]),
  ];
}

/**
 * The reminders a case calls for at `now`. Moments already passed collapse into ONE catch-up notice per
 * deadline (the latest passed moment, sent at once); a deadline already past gives the overdue notice and
 * the escalation at once. Deadlines whose goal is reached, and every deadline of a closed case, get none.
 */
export function planReminders(c: Case, now: Date, options: ReminderPlanOptions): PlannedReminder[] {
  const calendar = options.calendar;
  const reached = new Set(reachedGoals(c));
  const planned: PlannedReminder[] = [];
  const base = { caseId: c.id, caseNumber: c.caseNumber, organisationId: c.organisationId };
  const nowMs = now.getTime();

  // A closed case keeps only the herstelgesprek of restrictions it kept running (restrictions.ts).
  const keptAfterClosing = restorationKeptAfterClosing(c);
  if (c.status !== 'closed' || keptAfterClosing) {
    for (const group of deadlineGroups(c)) {
      if (group.topics.every((kind) => reached.has(kind))) continue;
      if (c.status === 'closed' && !group.topics.includes('restorationMeeting')) continue;
      const make = (kind: ReminderKind, recipient: ReminderRecipient, at: Date): PlannedReminder => {
        const catchUp = at.getTime() <= nowMs;
        return {
          ...base,
          id: reminderId(c.id, group.lead, kind),
          topic: group.lead,
          topics: group.topics,
          kind,
          recipient,
          dueAt: at,
          sendAt: catchUp ? now : at,
          catchUp,
          deadlineAt: group.dueAt,
        };
      };
      const overdue = [make('overdue', { kind: 'handlerDesk' }, group.dueAt), make('escalation', { kind: 'escalation' }, group.dueAt)];
      if (group.dueAt.getTime() <= nowMs) {
        planned.push(...overdue);
        continue;
      }
      const moments = reminderMoments(group, calendar);
      const passed = moments.filter((m) => m.at.getTime() <= nowMs);
      const latestPassed = passed[passed.length - 1];
      if (latestPassed !== undefined) planned.push(make(latestPassed.kind, { kind: 'handlerDesk' }, latestPassed.at));
      for (const m of moments) {
        if (m.at.getTime() > nowMs) planned.push(make(m.kind, { kind: 'handlerDesk' }, m.at));
      }
      planned.push(...overdue);
    }
  }

  if (options.aftercareCheckIn) {
    const dueAt = new Date(c.registeredAt.getTime() + AFTERCARE_DELAY_MS);
    if (nowMs < c.registeredAt.getTime() + AFTERCARE_LATEST_MS) {
      const catchUp = dueAt.getTime() <= nowMs;
      planned.push({
        ...base,
        id: reminderId(c.id, 'aftercare', 'aftercareCheckIn'),
        topic: 'aftercare',
        topics: [],
        kind: 'aftercareCheckIn',
        recipient: { kind: 'officeHolder' },
        dueAt,
        sendAt: catchUp ? now : dueAt,
        catchUp,
      });
    }
  }
  return planned.sort((a, b) => a.sendAt.getTime() - b.sendAt.getTime() || REMINDER_KINDS.indexOf(a.kind) - REMINDER_KINDS.indexOf(b.kind));
}

/** What a stored or planned reminder must carry for the checks and texts below. */
export type ReminderSubject = Pick<PlannedReminder, 'topic' | 'topics' | 'kind' | 'sendAt'> & { readonly deadlineAt?: Date };

/**
 * The deadlines a reminder is about as the case stands now: its group's current topics. A stored row
 * keeps the topics it was planned with, but a proposal can add the incidentgesprek to the "72 uur"
 * group or take it away again; the case decides.
 */
export function currentTopics(reminder: ReminderSubject, c: Case): DeadlineKind[] {
  const group = deadlineGroups(c).find((g) => g.lead === reminder.topic);
  if (group !== undefined) return [...group.topics];
  const present = new Set(c.deadlines.map((d) => d.kind));
  return reminder.topics.filter((kind) => present.has(kind));
}

/** The deadlines of the reminder that the case still has and whose goal is not reached yet. */
export function openTopics(reminder: ReminderSubject, c: Case): DeadlineKind[] {
  const reached = new Set(reachedGoals(c));
  return currentTopics(reminder, c).filter((kind) => !reached.has(kind));
}

/** Checked again just before sending: why this reminder should not go out now, or undefined when it should. */
export function reasonNotToSend(reminder: ReminderSubject, c: Case, options: Pick<ReminderPlanOptions, 'aftercareCheckIn'>): CancelReason | undefined {
  if (reminder.kind === 'aftercareCheckIn') return options.aftercareCheckIn ? undefined : 'switchedOff';
  if (c.status === 'closed' && !(restorationKeptAfterClosing(c) && currentTopics(reminder, c).includes('restorationMeeting'))) return 'caseClosed';
  if (currentTopics(reminder, c).length === 0) return 'deadlineDropped';
  return openTopics(reminder, c).length === 0 ? 'goalReached' : undefined;
}

/** A reminder read back by a sweep, as far as superseding needs it. */
export interface DueReminderRef {
  readonly id: string;
  readonly caseId: string;
  readonly topic: ReminderTopic;
  readonly kind: ReminderKind;
  readonly dueAt: Date;
}

/**
 * After downtime several handler reminders of one deadline can be due at once; only the latest says
 * something useful. Returns superseded id → the id that replaces it (escalations are never superseded).
 */
export function supersededReminders(due: readonly DueReminderRef[]): Map<string, string> {
  const latest = new Map<string, DueReminderRef>();
  const handler = due.filter((r) => HANDLER_REMINDER_KINDS.includes(r.kind));
  const rank = (r: DueReminderRef) => [r.dueAt.getTime(), REMINDER_KINDS.indexOf(r.kind)] as const;
  for (const r of handler) {
    const key = `${r.caseId}|${r.topic}`;
    const current = latest.get(key);
    const [t, k] = rank(r);
    if (current === undefined || t > rank(current)[0] || (t === rank(current)[0] && k > rank(current)[1])) latest.set(key, r);
  }
  const superseded = new Map<string, string>();
  for (const r of handler) {
    const winner = latest.get(`${r.caseId}|${r.topic}`);
    if (winner !== undefined && winner.id !== r.id) superseded.set(r.id, winner.id);
  }
  return superseded;
}
