import type { Clock } from '../domain/clock';
import { meetingTransactionId, withEventId, type MeetingPlan } from '../domain/meetings';
import { CALENDAR_SYNC_MESSAGES, MEETING_CANCELLED_COMMENT } from '../copy/meetings.copy';
import { isCalendarError, type CalendarGateway } from './calendar-ports';
import type { Logger } from './logger';
import type { CalendarFailure, CalendarSync, CalendarSyncOperation, MeetingRecord, MeetingStore } from './meeting.service';
import { isConflict } from './ports';

/**
 * The calendar side of a planned meeting (issue 5, issue 14): bringing the Graph event in line with
 * the stored row, once. Before any Graph call the row is claimed (`sync.claimedUntil`, written with
 * its ETag, or with the row's creation), so a second press never calls Graph for the same meeting;
 * a call that Graph keeps refusing as busy is handed to the outbox to try again in the background.
 */

/** How long a claim on a meeting's calendar call holds: well beyond Teams' 5 seconds, short enough for a retry after a crash. */
export const CALENDAR_CLAIM_MS = 60_000;

export interface MeetingCalendarSyncDependencies {
  meetings: MeetingStore;
  calendar?: CalendarGateway;
  clock: Clock;
  logger: Logger;
  /** The outbox's background retry (effect syncMeetingCalendar), asked for when Graph stayed busy. */
  retryInBackground?: (caseId: string, meetingId: string) => Promise<void>;
}

export class MeetingCalendarSync {
  constructor(private readonly deps: MeetingCalendarSyncDependencies) {}

  /** Claims the meeting's calendar call with the row's ETag; undefined when someone else holds it (or just took it). */
  async claim(stored: { record: MeetingRecord; etag: string }): Promise<MeetingRecord | undefined> {
    const now = this.deps.clock.now();
    const until = stored.record.sync.claimedUntil;
    if (until !== undefined && until.getTime() > now.getTime()) return undefined;
    const claimed: MeetingRecord = { ...stored.record, sync: { ...stored.record.sync, claimedUntil: new Date(now.getTime() + CALENDAR_CLAIM_MS) }, updatedAt: now };
    try {
      await this.deps.meetings.replace(claimed, stored.etag);
      return claimed;
    } catch (error) {
      if (isConflict(error)) return undefined;
      throw error;
    }
  }

  /**
   * Brings the calendar in line with the row, then records the outcome. Failures are stored on the
   * row with a Dutch message (never swallowed) and shown with a retry button.
   */
  async sync(record: MeetingRecord, options: { background?: boolean } = {}): Promise<MeetingRecord> {
    if (record.plan.calendar !== 'graph' || record.sync.state === 'done') return record;
    const { plan, organiser, caseNumber, sync: { operation } } = record;
    let eventId = plan.eventId;
    let outcome: CalendarSync;
    try {
      const calendar = this.deps.calendar;
      if (calendar === undefined) throw new CalendarOffError();
      const base = { mailbox: organiser.email, caseNumber };
      if (operation === 'cancel') {
        // No event id: the create never got through, so there is nothing in a calendar to cancel.
        if (eventId !== undefined) await calendar.cancelEvent({ mailbox: organiser.email, eventId, comment: MEETING_CANCELLED_COMMENT });
      } else if (eventId === undefined) {
        eventId = await calendar.createEvent({ ...base, plan, transactionId: meetingTransactionId(plan) });
        // The create may have found an event an earlier attempt made with an older time.
        if (plan.revision > 0) await calendar.updateEvent({ ...base, eventId, plan });
      } else {
        await calendar.updateEvent({ ...base, eventId, plan });
      }
      outcome = { state: 'done', operation };
      this.deps.logger.info('meeting.calendar_done', { caseId: record.caseId, detail: operation });
    } catch (error) {
      outcome = { state: 'failed', operation, failure: this.failureOf(error, record, operation) };
    }
    const found = eventId;
    const now = this.deps.clock.now();
    // Graph stayed busy within the card action: the outbox tries again in the background, and the card says so.
    const retryLater = !options.background && outcome.failure?.code === 'CALENDAR.UNAVAILABLE' && this.deps.retryInBackground !== undefined;
    if (retryLater && outcome.failure !== undefined) outcome = { ...outcome, failure: { ...outcome.failure, message: `${outcome.failure.message} ${CALENDAR_SYNC_MESSAGES.retrying}` } };
    const updated = await this.deps.meetings.update(record.caseId, plan.id, (current) => ({
      ...current,
      // The event id is right whatever happened since: it names the event this meeting owns.
      plan: found !== undefined && current.plan.eventId === undefined ? withEventId(current.plan, found) : current.plan,
      // A colleague changed the plan meanwhile: their change still needs the calendar, so its state stays.
      sync: current.plan.revision === plan.revision ? outcome : current.sync,
      updatedAt: now,
    }));
    if (retryLater) await this.deps.retryInBackground?.(record.caseId, plan.id);
    return updated;
  }

  private failureOf(error: unknown, record: MeetingRecord, operation: CalendarSyncOperation): CalendarFailure {
    if (error instanceof CalendarOffError) {
      this.deps.logger.warn('meeting.calendar_off', { caseId: record.caseId, detail: operation });
      return { code: 'CALENDAR.OFF', message: CALENDAR_SYNC_MESSAGES.calendarOff };
    }
    if (isCalendarError(error)) {
      this.deps.logger.warn('meeting.calendar_failed', { caseId: record.caseId, code: error.code, ...(error.status === undefined ? {} : { status: error.status }), detail: operation });
      return { code: error.code, message: error.userMessage };
    }
    this.deps.logger.error('meeting.calendar_failed', { caseId: record.caseId, code: (error as Error)?.name ?? 'unknown', detail: operation });
    return { code: 'CALENDAR.UNEXPECTED', message: CALENDAR_SYNC_MESSAGES.unexpected };
  }
}

/** The background retry could not finish now (Graph still busy, or another call holds the meeting): the outbox tries again later. */
export class CalendarBusyElsewhereError extends Error {
  override readonly name = 'CalendarBusyElsewhereError';
}

/** Thrown inside sync() when a Graph meeting meets a bot whose calendar integration is now off. */
class CalendarOffError extends Error {
  override readonly name = 'CalendarOffError';
}

/**
 * A plan's new calendar state: Graph still has to hear of it, claimed by the writer for its call;
 * an .ics plan is done (the link serves the new version).
 */
export function pendingFor(plan: MeetingPlan, operation: CalendarSyncOperation, now: Date): CalendarSync {
  return plan.calendar === 'graph' ? { state: 'pending', operation, claimedUntil: new Date(now.getTime() + CALENDAR_CLAIM_MS) } : { state: 'done', operation };
}

