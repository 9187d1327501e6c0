import { meetingEnd, type MeetingPlan, type TimeInterval } from '../domain/meetings';
import { isCalendarError, type CalendarGateway } from './calendar-ports';
import type { Logger } from './logger';
import type { MeetingStore } from './meeting.service';

/**
 * The check at booking (issue 14): the time the handler chose, with the duration they chose, against
 * busy time — the slots on the form were proposed for the default duration, and a typed time was
 * never checked. A warning, not a refusal: the handler may book anyway with a second press.
 */

/** Whose time the chosen meeting overlaps. */
export interface Overlap {
  readonly handler: boolean;
  readonly officeHolder: boolean;
}

export interface OverlapCheck {
  readonly caseId: string;
  readonly plan: MeetingPlan;
  readonly organiser: { readonly aadObjectId: string; readonly email: string };
  /** Set when the office holder is invited and their address is known: their free/busy counts too. */
  readonly officeHolderEmail?: string;
}

/** Identifies the time and duration a warning was given for; sent back with the second press. */
export function overlapKey(plan: Pick<MeetingPlan, 'startsAt' | 'durationMinutes'>): string {
  return `${plan.startsAt.toISOString()}/${plan.durationMinutes}`;
}

function overlaps(a: TimeInterval, b: TimeInterval): boolean {
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
}

/**
 * Busy time in the meeting's interval: with Graph, getSchedule for the handler and the invited office
 * holder (the handler's other meetings from this bot are in their Outlook calendar too); without it,
 * the handler's other meetings in this bot. A calendar that cannot be read is no reason to stop a
 * booking: it is logged and the check goes by what is known.
 */
export async function findOverlap(deps: { meetings: MeetingStore; calendar?: CalendarGateway; logger: Logger }, check: OverlapCheck): Promise<Overlap | undefined> {
  const chosen: TimeInterval = { start: check.plan.startsAt, end: meetingEnd(check.plan) };
  let handler = false;
  let officeHolder = false;
  if (deps.calendar === undefined) {
    const own = await deps.meetings.listPlannedByOrganiser(check.organiser.aadObjectId);
    handler = own.some((r) => r.plan.id !== check.plan.id && overlaps(chosen, { start: r.plan.startsAt, end: meetingEnd(r.plan) }));
  } else {
    const emails = [check.organiser.email, ...(check.officeHolderEmail === undefined ? [] : [check.officeHolderEmail])];
    try {
      const availability = await deps.calendar.getSchedule(check.organiser.email, emails, { from: chosen.start, until: chosen.end });
      const busy = (email: string | undefined): boolean =>
        email !== undefined && availability.some((a) => a.known && a.email.toLowerCase() === email.toLowerCase() && a.busy.some((b) => overlaps(chosen, b)));
      handler ||= busy(check.organiser.email);
      officeHolder = busy(check.officeHolderEmail);
    } catch (error) {
      if (!isCalendarError(error)) throw error;
      deps.logger.warn('meeting.overlap_check_failed', { caseId: check.caseId, code: error.code });
    }
  }
  return handler || officeHolder ? { handler, officeHolder } : undefined;
}
