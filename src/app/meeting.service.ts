import { assertHandlerMayWork, type Case } from '../domain/case';
import { accessOf } from '../domain/case-access';
import type { Clock } from '../domain/clock';
import type { Deadline } from '../domain/deadlines';
import type { Directory } from '../domain/directory';
import { isDomainError } from '../domain/errors';
import {
  cancelMeeting,
  ICS_TOKEN_PATTERN,
  MEETING_LIMITS,
  meetingDeadline,
  OFFICE_HOLDER_INVITED_BY_DEFAULT,
  meetingEnd,
  planMeeting,
  proposeSlots,
  rescheduleMeeting,
  type MeetingAttendee,
  type MeetingKind,
  type MeetingPlan,
  type TimeInterval,
} from '../domain/meetings';
import { afterDeadlineWarning, AVAILABILITY_PROBLEMS, MEETING_MESSAGES, meetingIssueMessage, overlapMessage, type MeetingIssueMessage } from '../copy/meetings.copy';
import type { InformedRole } from '../domain/roles';
import type { WorkingDayCalendar } from '../domain/working-days';
import { isCalendarError, type CalendarErrorCode, type CalendarGateway } from './calendar-ports';
import type { Logger } from './logger';
import { CalendarBusyElsewhereError, MeetingCalendarSync, pendingFor } from './meeting-calendar-sync';
import { findOverlap, overlapKey } from './meeting-overlap';
import { isConflict, type CaseStore } from './ports';
import { userMessageOf } from '../copy/errors.copy';

/**
 * Planning the incidentgesprek and herstelgesprek (issue 5): free slots, the meeting row, and the
 * calendar event that mirrors it. The row is written before any calendar call (sync 'pending'),
 * the event id after, so a retry always knows what is left to do and never books twice (Graph's
 * transactionId is derived from the meeting id). Without a calendar gateway the meeting is still
 * planned and recorded; the handler sends the invitation from an .ics file.
 */

export { CALENDAR_CLAIM_MS, CalendarBusyElsewhereError } from './meeting-calendar-sync';

// ---------------------------------------------------------------------------------------------
// Records and the store port
// ---------------------------------------------------------------------------------------------

/** What the calendar still needs for a meeting: nothing ('done'), a call in flight, or a failed call to retry. */
export type CalendarSyncState = 'pending' | 'done' | 'failed';
export type CalendarSyncOperation = 'create' | 'update' | 'cancel';
export type CalendarFailureCode = CalendarErrorCode | 'CALENDAR.OFF' | 'CALENDAR.UNEXPECTED';

export interface CalendarFailure {
  readonly code: CalendarFailureCode;
  /** Dutch, shown to the handler on the card. */
  readonly message: string;
}

export interface CalendarSync {
  readonly state: CalendarSyncState;
  /** The last change asked of the calendar. */
  readonly operation: CalendarSyncOperation;
  readonly failure?: CalendarFailure;
  /**
   * Someone is calling the calendar for this meeting until then (claimed with the row's ETag before
   * any Graph call): a second press meanwhile is told so instead of calling Graph again.
   */
  readonly claimedUntil?: Date;
}

/** The handler in whose calendar the event lives; it stays the organiser when a colleague changes the meeting. */
export interface MeetingOrganiser {
  readonly aadObjectId: string;
  readonly email: string;
  readonly name?: string;
}

/** One planned meeting of a case, as stored. */
export interface MeetingRecord {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly plan: MeetingPlan;
  readonly organiser: MeetingOrganiser;
  /** Random and unguessable: the only key of the meeting's .ics link. */
  readonly icsToken: string;
  readonly sync: CalendarSync;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** Meeting rows per case, with ETag concurrency (src/storage/meeting-plan.repository.ts). */
export interface MeetingStore {
  /** Inserts a new row; false when a row with this meeting id exists already (a repeated press). */
  create(record: MeetingRecord): Promise<boolean>;
  get(caseId: string, meetingId: string): Promise<{ record: MeetingRecord; etag: string } | undefined>;
  /** Replaces the row if it still has `etag`; throws an error with code STORAGE.CONFLICT otherwise. */
  replace(record: MeetingRecord, etag: string): Promise<string>;
  /** Read-modify-write, retried on ETag conflicts; `mutate` may run more than once. */
  update(caseId: string, meetingId: string, mutate: (current: MeetingRecord) => MeetingRecord): Promise<MeetingRecord>;
  /** The case's meetings, earliest first. */
  listByCase(caseId: string): Promise<MeetingRecord[]>;
  /** Meetings this handler organises that are not cancelled (any case). */
  listPlannedByOrganiser(aadObjectId: string): Promise<MeetingRecord[]>;
  findByIcsToken(token: string): Promise<MeetingRecord | undefined>;
}

// ---------------------------------------------------------------------------------------------
// Inputs and outcomes
// ---------------------------------------------------------------------------------------------

/** How slots are proposed. */
export const MEETING_PLANNING = {
  /** The earliest proposal is this far from now, so people can still make it. */
  leadMinutes: 60,
  /** Without a deadline (or after it), proposals reach this many days ahead. */
  searchDays: 14,
  /** A herstelgesprek is proposed in the days before the restrictions end, not right away. */
  restorationLeadDays: 14,
  defaultDurationMinutes: 60,
  maxSlots: 5,
  /** Spread the proposals over more than one day. */
  maxPerDay: 3,
} as const;

/** Who can be invited besides the handler, as the planning form shows them. */
export interface PlanningPerson {
  readonly name: string;
  /** Undefined when the directory has no e-mail address: the person cannot be invited by a toggle. */
  readonly email?: string;
}

/** Everything the planning form shows. */
export interface PlanningForm {
  readonly case: Case;
  /** A fresh id for the meeting this form books: pressing "inplannen" twice books it once. */
  readonly meetingId: string;
  readonly kind: MeetingKind;
  /** The case has a herstelgesprek deadline (restrictive measures with an end date). */
  readonly restorationDue: boolean;
  readonly calendar: 'graph' | 'ics';
  readonly deadline?: Deadline;
  readonly durationMinutes: number;
  readonly slots: readonly TimeInterval[];
  /** No free slot before the deadline, so these fall after it. */
  readonly slotsAfterDeadline: boolean;
  /** Whose calendars the proposals respect. */
  readonly checked: readonly ('handler' | 'officeHolder')[];
  /** Dutch: why the proposals are missing or partial. */
  readonly availabilityProblem?: string;
  readonly organiser: PlanningPerson;
  readonly officeHolder: PlanningPerson;
  readonly coordinator: PlanningPerson;
  /** The office holder is invited (and their calendar consulted); by default only to a herstelgesprek, and only when their address is known. */
  readonly officeHolderInvited: boolean;
}

/** Which form to show: the kind of meeting, and whether the office holder joins (default: OFFICE_HOLDER_INVITED_BY_DEFAULT). */
export interface PlanningOptions {
  readonly kind?: MeetingKind;
  readonly withOfficeHolder?: boolean;
}

/** What the handler filled in, not yet validated (planMeeting validates); attendees are resolved from the directory here. */
export interface MeetingRequest {
  readonly kind?: unknown;
  readonly date?: unknown;
  readonly time?: unknown;
  readonly durationMinutes?: unknown;
  readonly online?: unknown;
  readonly location?: unknown;
  readonly inviteOfficeHolder?: boolean;
  readonly inviteCoordinator?: boolean;
  /** Other people, such as the perpetrator, by e-mail address. */
  readonly otherEmails?: readonly string[];
  /** The overlapKey the handler was warned of: the same time and duration again books it anyway. */
  readonly acceptOverlap?: string;
}

/** The case could not be found, or this person may not do this now. */
export type MeetingRefusal =
  | { readonly outcome: 'notFound' }
  /** `case` is set when the person is a handler of the case (they may see it); a notice explains the refusal. */
  | { readonly outcome: 'refused'; readonly message: string; readonly case?: Case };

export type PlanningOutcome = { readonly outcome: 'form'; readonly form: PlanningForm } | MeetingRefusal;

export type MeetingChange = 'booked' | 'rescheduled' | 'cancelled' | 'retried' | 'unchanged' | 'shown';

export type MeetingOutcome =
  | {
      readonly outcome: 'done';
      readonly change: MeetingChange;
      readonly case: Case;
      readonly record: MeetingRecord;
      /** Every meeting of the case, for the case card. */
      readonly meetings: readonly MeetingRecord[];
      /** Dutch: the meeting falls after its deadline. */
      readonly warning?: string;
    }
  /**
   * The input was refused: the issues, plus the form (booking) or the meeting (rescheduling) to show
   * them on; `overlapKey` when the time overlaps busy time (pressing again with it books anyway).
   */
  | { readonly outcome: 'invalid'; readonly case: Case; readonly issues: readonly MeetingIssueMessage[]; readonly form?: PlanningForm; readonly record?: MeetingRecord; readonly overlapKey?: string }
  /** Another press (or instance) is calling the calendar for this meeting right now. */
  | { readonly outcome: 'inProgress'; readonly case: Case; readonly record: MeetingRecord; readonly meetings: readonly MeetingRecord[] }
  | { readonly outcome: 'conflict'; readonly case: Case; readonly record: MeetingRecord; readonly meetings: readonly MeetingRecord[] }
  | MeetingRefusal;

/** What an .ics file needs. */
export interface IcsSource {
  readonly plan: MeetingPlan;
  readonly caseNumber: string;
  readonly organiser: { readonly name?: string; readonly email: string };
}

export interface MeetingServiceDependencies {
  cases: Pick<CaseStore, 'get'>;
  meetings: MeetingStore;
  directory: Directory;
  /** Microsoft Graph; absent when calendar integration is off (the .ics fallback). */
  calendar?: CalendarGateway;
  clock: Clock;
  /** Meeting ids (UUIDs). */
  newId: () => string;
  /** .ics tokens, matching ICS_TOKEN_PATTERN. */
  newToken: () => string;
  logger: Logger;
  /** Working days with the configured decree days: slots are proposed on working days only. */
  workingDays: WorkingDayCalendar;
  /**
   * Asks for the calendar to be brought up to date in the background (the outbox: effect
   * syncMeetingCalendar) after Graph stayed busy or unreachable within the card action.
   */
  retryInBackground?: (caseId: string, meetingId: string) => Promise<void>;
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

type HandlerCase = { readonly ok: true; readonly case: Case } | { readonly ok: false; readonly refusal: MeetingRefusal };

/** The plan-meeting use cases; every one reloads the case and authorises the caller against the directory. */
export class MeetingService {
  private readonly workingDays: WorkingDayCalendar;

  private readonly calendarSync: MeetingCalendarSync;

  constructor(private readonly deps: MeetingServiceDependencies) {
    this.workingDays = deps.workingDays;
    this.calendarSync = new MeetingCalendarSync(deps);
  }

  /** 'graph' when meetings go into Outlook calendars, 'ics' when calendar integration is off. */
  get calendarMode(): 'graph' | 'ics' {
    return this.deps.calendar === undefined ? 'ics' : 'graph';
  }

  /** The planning form: deadline, free slots (Graph getSchedule, or the handler's other meetings in .ics mode) and invitees. */
  async planningForm(caseId: string, actorAadObjectId: string, options: PlanningOptions = {}): Promise<PlanningOutcome> {
    const loaded = await this.handlerCase(caseId, actorAadObjectId, 'work');
    if (!loaded.ok) return loaded.refusal;
    const kind = options.kind ?? defaultKind(loaded.case, await this.deps.meetings.listByCase(caseId));
    const withOfficeHolder = options.withOfficeHolder ?? OFFICE_HOLDER_INVITED_BY_DEFAULT[kind];
    return { outcome: 'form', form: await this.buildForm(loaded.case, actorAadObjectId, kind, this.deps.newId(), withOfficeHolder) };
  }

  /** Books a meeting from the form. A repeated press (same meeting id) continues the first booking instead of making another. */
  async book(caseId: string, actorAadObjectId: string, meetingId: string, request: MeetingRequest): Promise<MeetingOutcome> {
    const loaded = await this.handlerCase(caseId, actorAadObjectId, 'work');
    if (!loaded.ok) return loaded.refusal;
    const c = loaded.case;
    const existing = await this.deps.meetings.get(caseId, meetingId);
    if (existing !== undefined) return this.continueCalendar(c, existing, 'unchanged');

    const organiser = this.handlerPerson(c, actorAadObjectId);
    if (organiser?.email === undefined) return { outcome: 'refused', message: MEETING_MESSAGES.noOrganiserEmail, case: c };
    const invitees = this.attendees(c, { aadObjectId: actorAadObjectId, email: organiser.email, name: organiser.name }, request);
    const kind = typeof request.kind === 'string' ? request.kind : undefined;
    const now = this.deps.clock.now();
    const result = planMeeting(
      { kind: request.kind, date: request.date, time: request.time, durationMinutes: request.durationMinutes, online: request.online, location: request.location, attendees: invitees.attendees },
      { id: meetingId, now, calendar: this.calendarMode },
    );
    if (!result.ok || invitees.issues.length > 0) {
      // Name the address a complaint is about: the handler typed several.
      const named = (issue: MeetingIssueMessage): MeetingIssueMessage => {
        const index = /^attendees\.(\d+)\.email$/.exec(issue.field)?.[1];
        const attendee = index === undefined ? undefined : invitees.attendees[Number(index)];
        return attendee === undefined ? issue : { ...issue, message: `${issue.message} (${attendee.email})` };
      };
      const issues = [...invitees.issues, ...(result.ok ? [] : result.issues.map(meetingIssueMessage).map(named))];
      this.deps.logger.info('meeting.input_refused', { caseId, count: issues.length });
      const formKind = isMeetingKind(kind) ? kind : defaultKind(c, await this.deps.meetings.listByCase(caseId));
      return { outcome: 'invalid', case: c, issues, form: await this.buildForm(c, actorAadObjectId, formKind, meetingId, request.inviteOfficeHolder === true) };
    }
    const organiserRef = { aadObjectId: actorAadObjectId, email: organiser.email };
    const key = overlapKey(result.plan);
    if (request.acceptOverlap !== key) {
      const officeHolderEmail = result.plan.attendees.find((a) => a.role === 'officeHolder')?.email;
      const overlap = await findOverlap(this.deps, { caseId, plan: result.plan, organiser: organiserRef, ...(officeHolderEmail === undefined ? {} : { officeHolderEmail }) });
      if (overlap !== undefined) {
        this.deps.logger.info('meeting.overlap_warned', { caseId, detail: overlap.officeHolder ? 'officeHolder' : 'handler' });
        const form = await this.buildForm(c, actorAadObjectId, result.plan.kind, meetingId, request.inviteOfficeHolder === true);
        return { outcome: 'invalid', case: c, issues: [{ field: 'date', message: overlapMessage(result.plan, overlap) }], form, overlapKey: key };
      }
    }
    const record: MeetingRecord = {
      caseId,
      caseNumber: c.caseNumber,
      plan: result.plan,
      organiser: { aadObjectId: actorAadObjectId, email: organiser.email, ...(organiser.name === undefined ? {} : { name: organiser.name }) },
      icsToken: this.deps.newToken(),
      // Written before the calendar call: a crash or lost answer leaves a row that says what is left to do.
      // Creating the row is the claim on the Graph call: a second press finds it claimed.
      sync: pendingFor(result.plan, 'create', now),
      createdAt: now,
      updatedAt: now,
    };
    if (!(await this.deps.meetings.create(record))) {
      // Two presses at once: the other one wrote the row; continue from it.
      const raced = await this.deps.meetings.get(caseId, meetingId);
      if (raced === undefined) throw new Error('meeting row vanished after a create conflict');
      return this.continueCalendar(c, raced, 'unchanged');
    }
    this.deps.logger.info('meeting.planned', { caseId, detail: `${record.plan.kind} ${record.plan.calendar}` });
    return this.finish(c, await this.calendarSync.sync(record), 'booked');
  }

  /** Moves a meeting to another time or place; the attendees stay. Graph sends the update to everyone. */
  async reschedule(caseId: string, actorAadObjectId: string, meetingId: string, request: MeetingRequest): Promise<MeetingOutcome> {
    const loaded = await this.handlerCase(caseId, actorAadObjectId, 'work');
    if (!loaded.ok) return loaded.refusal;
    const c = loaded.case;
    const stored = await this.deps.meetings.get(caseId, meetingId);
    if (stored === undefined) return { outcome: 'refused', message: MEETING_MESSAGES.meetingNotFound, case: c };
    const current = stored.record;
    const result = rescheduleMeeting(
      current.plan,
      { kind: current.plan.kind, date: request.date, time: request.time, durationMinutes: request.durationMinutes, online: request.online, location: request.location, attendees: current.plan.attendees },
      this.deps.clock.now(),
    );
    if (!result.ok) return { outcome: 'invalid', case: c, issues: result.issues.map(meetingIssueMessage), record: current };
    const now = this.deps.clock.now();
    return this.change(c, stored, { ...current, plan: result.plan, sync: pendingFor(result.plan, 'update', now), updatedAt: now }, 'rescheduled');
  }

  /** Cancels a meeting; Graph sends the cancellation, or the .ics link now serves a cancellation. Cancelling twice changes nothing. */
  async cancel(caseId: string, actorAadObjectId: string, meetingId: string): Promise<MeetingOutcome> {
    const loaded = await this.handlerCase(caseId, actorAadObjectId, 'handler');
    if (!loaded.ok) return loaded.refusal;
    const c = loaded.case;
    const stored = await this.deps.meetings.get(caseId, meetingId);
    if (stored === undefined) return { outcome: 'refused', message: MEETING_MESSAGES.meetingNotFound, case: c };
    if (stored.record.plan.status === 'cancelled') return this.continueCalendar(c, stored, 'unchanged');
    const plan = cancelMeeting(stored.record.plan);
    const now = this.deps.clock.now();
    return this.change(c, stored, { ...stored.record, plan, sync: pendingFor(plan, 'cancel', now), updatedAt: now }, 'cancelled');
  }

  /** Finishes what the calendar still needs (after a failure or a lost answer); creates no second event. */
  async retry(caseId: string, actorAadObjectId: string, meetingId: string): Promise<MeetingOutcome> {
    const loaded = await this.handlerCase(caseId, actorAadObjectId, 'handler');
    if (!loaded.ok) return loaded.refusal;
    const stored = await this.deps.meetings.get(caseId, meetingId);
    if (stored === undefined) return { outcome: 'refused', message: MEETING_MESSAGES.meetingNotFound, case: loaded.case };
    return this.continueCalendar(loaded.case, stored, stored.record.sync.state === 'done' ? 'unchanged' : 'retried');
  }

  /**
   * The background retry (outbox effect syncMeetingCalendar): brings the calendar up to date without
   * anyone pressing a button. 'booked' when it got through now (the desk card then shows it),
   * 'nothing' when nothing was left to do or the failure needs a person (e.g. a 403), and it throws
   * while Graph is still busy or another call holds the meeting, so the outbox tries again later.
   */
  async syncInBackground(caseId: string, meetingId: string): Promise<'booked' | 'nothing'> {
    const stored = await this.deps.meetings.get(caseId, meetingId);
    if (stored === undefined || stored.record.plan.calendar !== 'graph' || stored.record.sync.state === 'done') return 'nothing';
    const claimed = await this.calendarSync.claim(stored);
    if (claimed === undefined) throw new CalendarBusyElsewhereError();
    const synced = await this.calendarSync.sync(claimed, { background: true });
    if (synced.sync.state === 'done') {
      this.deps.logger.info('meeting.calendar_caught_up', { caseId, detail: synced.sync.operation });
      return 'booked';
    }
    if (synced.sync.failure?.code === 'CALENDAR.UNAVAILABLE') throw new CalendarBusyElsewhereError();
    return 'nothing';
  }

  /** One meeting with what can be done with it. */
  async show(caseId: string, actorAadObjectId: string, meetingId: string): Promise<MeetingOutcome> {
    const loaded = await this.handlerCase(caseId, actorAadObjectId, 'handler');
    if (!loaded.ok) return loaded.refusal;
    const stored = await this.deps.meetings.get(caseId, meetingId);
    if (stored === undefined) return { outcome: 'refused', message: MEETING_MESSAGES.meetingNotFound, case: loaded.case };
    return this.finish(loaded.case, stored.record, 'shown');
  }

  /** The case's meetings, for the case card. */
  listForCase(caseId: string): Promise<MeetingRecord[]> {
    return this.deps.meetings.listByCase(caseId);
  }

  /** What the .ics link of a meeting serves; undefined for an unknown token or a meeting in a Graph calendar. */
  async icsSource(token: string): Promise<IcsSource | undefined> {
    if (!ICS_TOKEN_PATTERN.test(token)) return undefined;
    const record = await this.deps.meetings.findByIcsToken(token);
    if (record === undefined || record.plan.calendar !== 'ics') return undefined;
    return { plan: record.plan, caseNumber: record.caseNumber, organiser: { email: record.organiser.email, ...(record.organiser.name === undefined ? {} : { name: record.organiser.name }) } };
  }

  // -------------------------------------------------------------------------------------------

  private async change(c: Case, stored: { record: MeetingRecord; etag: string }, next: MeetingRecord, change: MeetingChange): Promise<MeetingOutcome> {
    try {
      await this.deps.meetings.replace(next, stored.etag);
    } catch (error) {
      if (!isConflict(error)) throw error;
      // A colleague changed the meeting at the same moment: theirs stands; show the fresh state.
      const fresh = await this.deps.meetings.get(c.id, next.plan.id);
      if (fresh === undefined) return { outcome: 'refused', message: MEETING_MESSAGES.meetingNotFound, case: c };
      return { outcome: 'conflict', case: c, record: fresh.record, meetings: await this.deps.meetings.listByCase(c.id) };
    }
    this.deps.logger.info(`meeting.${change}`, { caseId: c.id, detail: next.plan.calendar });
    return this.finish(c, await this.calendarSync.sync(next), change);
  }

  /**
   * A meeting whose row exists already (a repeated press, a retry): nothing to do when the calendar is
   * up to date; told "wordt al ingepland" while another call holds it; otherwise claimed and synced.
   */
  private async continueCalendar(c: Case, stored: { record: MeetingRecord; etag: string }, change: MeetingChange): Promise<MeetingOutcome> {
    if (stored.record.plan.calendar !== 'graph' || stored.record.sync.state === 'done') return this.finish(c, stored.record, change);
    const claimed = await this.calendarSync.claim(stored);
    if (claimed === undefined) {
      this.deps.logger.info('meeting.calendar_in_progress', { caseId: c.id });
      const fresh = (await this.deps.meetings.get(c.id, stored.record.plan.id))?.record ?? stored.record;
      return { outcome: 'inProgress', case: c, record: fresh, meetings: await this.deps.meetings.listByCase(c.id) };
    }
    return this.finish(c, await this.calendarSync.sync(claimed), change);
  }

  private async finish(c: Case, record: MeetingRecord, change: MeetingChange): Promise<MeetingOutcome> {
    const warning = record.plan.status === 'planned' ? afterDeadlineWarning(record.plan, meetingDeadline(record.plan.kind, c.deadlines)) : undefined;
    return { outcome: 'done', change, case: c, record, meetings: await this.deps.meetings.listByCase(c.id), ...(warning === undefined ? {} : { warning }) };
  }

  private async buildForm(c: Case, actorAadObjectId: string, kind: MeetingKind, meetingId: string, withOfficeHolder: boolean): Promise<PlanningForm> {
    const now = this.deps.clock.now();
    const handler = this.handlerPerson(c, actorAadObjectId);
    const organiser: PlanningPerson = { name: handler?.name ?? 'Afhandelaar', ...(handler?.email === undefined ? {} : { email: handler.email }) };
    const officeHolderMail = this.officeHolderEmail(c);
    const officeHolder: PlanningPerson = { name: c.officeHolder.name, ...(officeHolderMail === undefined ? {} : { email: officeHolderMail }) };
    const vpt = this.deps.directory.coordinatorVpt;
    const coordinator: PlanningPerson = { name: vpt.name, ...(vpt.email === undefined ? {} : { email: vpt.email }) };
    const deadline = meetingDeadline(kind, c.deadlines);
    const durationMinutes = MEETING_PLANNING.defaultDurationMinutes;
    const base = {
      case: c,
      meetingId,
      kind,
      restorationDue: c.deadlines.some((d) => d.kind === 'restorationMeeting'),
      calendar: this.calendarMode,
      ...(deadline === undefined ? {} : { deadline }),
      durationMinutes,
      organiser,
      officeHolder,
      coordinator,
      officeHolderInvited: withOfficeHolder && officeHolder.email !== undefined,
    };
    if (organiser.email === undefined) {
      return { ...base, slots: [], slotsAfterDeadline: false, checked: [], availabilityProblem: MEETING_MESSAGES.noOrganiserEmail };
    }
    const windows = slotWindows(now, deadline, kind);
    const own = (await this.deps.meetings.listPlannedByOrganiser(actorAadObjectId))
      .filter((r) => r.plan.id !== meetingId)
      .map((r): TimeInterval => ({ start: r.plan.startsAt, end: meetingEnd(r.plan) }));
    const busy: (readonly TimeInterval[])[] = [own];
    const checked: ('handler' | 'officeHolder')[] = ['handler'];
    let problem: string | undefined;
    if (this.deps.calendar !== undefined) {
      const emails = [organiser.email, ...(base.officeHolderInvited && officeHolder.email !== undefined ? [officeHolder.email] : [])];
      try {
        const availability = await this.deps.calendar.getSchedule(organiser.email, emails, windows.schedule);
        const mine = availability.find((a) => a.email.toLowerCase() === organiser.email?.toLowerCase());
        const theirs = !base.officeHolderInvited || officeHolder.email === undefined ? undefined : availability.find((a) => a.email.toLowerCase() === officeHolder.email?.toLowerCase());
        if (mine === undefined || !mine.known) {
          this.deps.logger.warn('meeting.schedule_unknown', { caseId: c.id, detail: 'handler' });
          return { ...base, slots: [], slotsAfterDeadline: false, checked: [], availabilityProblem: AVAILABILITY_PROBLEMS.ownCalendarUnreadable };
        }
        busy.push(mine.busy);
        if (theirs?.known) {
          busy.push(theirs.busy);
          checked.push('officeHolder');
        } else if (theirs !== undefined) {
          problem = AVAILABILITY_PROBLEMS.officeHolderCalendarUnreadable;
        }
      } catch (error) {
        if (!isCalendarError(error)) throw error;
        this.deps.logger.warn('meeting.schedule_failed', { caseId: c.id, code: error.code, ...(error.status === undefined ? {} : { status: error.status }) });
        return { ...base, slots: [], slotsAfterDeadline: false, checked: [], availabilityProblem: AVAILABILITY_PROBLEMS.scheduleFailed(error.userMessage) };
      }
    }
    const options = { maxSlots: MEETING_PLANNING.maxSlots, maxPerDay: MEETING_PLANNING.maxPerDay };
    let slots = windows.primary === undefined ? [] : proposeSlots(busy, windows.primary, durationMinutes, this.workingDays, options);
    let slotsAfterDeadline = false;
    if (slots.length === 0) {
      slots = proposeSlots(busy, windows.fallback, durationMinutes, this.workingDays, options);
      slotsAfterDeadline = deadline !== undefined && slots.length > 0;
    }
    return { ...base, slots, slotsAfterDeadline, checked, ...(problem === undefined ? {} : { availabilityProblem: problem }) };
  }

  private async handlerCase(caseId: string, actorAadObjectId: string, need: 'handler' | 'work'): Promise<HandlerCase> {
    const stored = await this.deps.cases.get(caseId);
    if (stored === undefined) return { ok: false, refusal: { outcome: 'notFound' } };
    const c = stored.case;
    if (accessOf(c, actorAadObjectId, this.deps.directory) !== 'handler') {
      this.deps.logger.warn('meeting.action_refused', { caseId, code: 'CASE.NOT_ALLOWED' });
      return { ok: false, refusal: { outcome: 'refused', message: MEETING_MESSAGES.notHandler } };
    }
    if (need === 'work') {
      try {
        assertHandlerMayWork(c, actorAadObjectId);
      } catch (error) {
        if (!isDomainError(error)) throw error;
        this.deps.logger.info('meeting.action_rejected', { caseId, code: error.code });
        return { ok: false, refusal: { outcome: 'refused', message: userMessageOf(error), case: c } };
      }
    }
    return { ok: true, case: c };
  }

  /** The acting handler as the directory knows them (name and e-mail address). */
  private handlerPerson(c: Case, aadObjectId: string): { name: string; email?: string } | undefined {
    const desk = this.deps.directory.desk(c.route.handler.organisationId, c.route.handler.role);
    const person = desk?.handlers.find((h) => h.aadObjectId === aadObjectId);
    return person === undefined ? undefined : { name: person.name, ...(person.email === undefined ? {} : { email: person.email }) };
  }

  /**
   * The office holder's address from the directory members of their organisation. Directory has no
   * lookup by person; informedPeople filters members by role name, which works for any member role.
   */
  private officeHolderEmail(c: Case): string | undefined {
    const members = this.deps.directory.informedPeople(c.organisationId, c.officeHolder.role as string as InformedRole);
    return members.find((m) => m.aadObjectId === c.officeHolder.aadObjectId)?.email;
  }

  private attendees(c: Case, organiser: MeetingOrganiser, request: MeetingRequest): { attendees: MeetingAttendee[]; issues: MeetingIssueMessage[] } {
    const issues: MeetingIssueMessage[] = [];
    const attendees: MeetingAttendee[] = [{ name: shortName(organiser.name ?? 'Afhandelaar'), email: organiser.email, role: 'handler' }];
    if (request.inviteOfficeHolder === true) {
      const email = this.officeHolderEmail(c);
      if (email === undefined) issues.push({ field: 'inviteOfficeHolder', message: MEETING_MESSAGES.officeHolderEmailUnknown });
      else attendees.push({ name: shortName(c.officeHolder.name), email, role: 'officeHolder' });
    }
    const vpt = this.deps.directory.coordinatorVpt;
    if (request.inviteCoordinator === true && vpt.email !== undefined) attendees.push({ name: shortName(vpt.name), email: vpt.email, role: 'coordinator' });
    for (const email of request.otherEmails ?? []) {
      // Someone already on the list (e.g. typed in as well as toggled on) is invited once, without a complaint.
      if (!attendees.some((a) => a.email.toLowerCase() === email.trim().toLowerCase())) attendees.push({ email, role: 'other' });
    }
    return { attendees, issues };
  }
}

function isMeetingKind(value: string | undefined): value is MeetingKind {
  return value === 'incidentMeeting' || value === 'restorationMeeting' || value === 'combinedMeeting';
}

function shortName(name: string): string {
  return name.trim().slice(0, MEETING_LIMITS.name);
}

/**
 * The kind of conversation the form offers first, following the chosen measures: the incidentgesprek
 * or the combined one as chosen, until it is held or planned; then the herstelgesprek when restrictions
 * end or a herstelgesprek was chosen. Without a choice yet: the incidentgesprek.
 */
export function defaultKind(c: Case, meetings: readonly MeetingRecord[]): MeetingKind {
  const chosen = new Set(c.measures.map((m) => m.kind));
  const incidentKind: MeetingKind = chosen.has('combinedMeeting') ? 'combinedMeeting' : 'incidentMeeting';
  const incidentChosen = chosen.has('combinedMeeting') || chosen.has('incidentMeeting');
  const restorationDue = c.deadlines.some((d) => d.kind === 'restorationMeeting') || chosen.has('restorationMeeting');
  const incidentDone = c.goalReachedAt.incidentMeeting !== undefined
    || c.meetings.some((m) => m.kind !== 'restorationMeeting')
    || meetings.some((m) => m.plan.status === 'planned' && m.plan.kind !== 'restorationMeeting');
  if (incidentChosen && !incidentDone) return incidentKind;
  if (restorationDue) return 'restorationMeeting';
  return incidentKind;
}

/**
 * Where to look for slots: before the deadline (a herstelgesprek only in its last days), else
 * after it; and the window to ask Graph about, which covers both.
 */
export function slotWindows(now: Date, deadline: Deadline | undefined, kind: MeetingKind): { primary?: SlotWindow; fallback: SlotWindow; schedule: SlotWindow } {
  const earliest = now.getTime() + MEETING_PLANNING.leadMinutes * MINUTE_MS;
  const search = MEETING_PLANNING.searchDays * DAY_MS;
  const window = (from: number, until: number): SlotWindow => ({ from: new Date(from), until: new Date(until) });
  if (deadline === undefined) {
    const fallback = window(earliest, earliest + search);
    return { fallback, schedule: fallback };
  }
  const due = deadline.dueAt.getTime();
  const from = kind === 'restorationMeeting' ? Math.max(earliest, due - MEETING_PLANNING.restorationLeadDays * DAY_MS) : earliest;
  const afterFrom = Math.max(earliest, due);
  const fallback = window(afterFrom, afterFrom + search);
  if (due <= from) return { fallback, schedule: fallback };
  return { primary: window(from, due), fallback, schedule: window(from, fallback.until.getTime()) };
}

/** A search window for slots: slots start at or after `from` and end by `until`. */
export interface SlotWindow {
  readonly from: Date;
  readonly until: Date;
}
