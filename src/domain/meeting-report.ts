import { caseEvent, changeOf, unchanged, type CaseChange } from './case-events';
import { actorOf, type Case } from './case-model';
import { commandRefusal } from './case-preconditions';
import { cleanText, throwIf } from './case-rules';
import { eventBase } from './case-transition';
import { DomainError } from './errors';

/**
 * "De griffier/secretaris kan van het gesprek een verslag maken dat gedeeld kan worden met de pleger."
 * A short report of the incidentgesprek (or the combined one), kept on the case, written by a handler of
 * the desk (the griffier/secretaris is the handler of council members' and board members' cases).
 */

/** Short: a page a perpetrator can read; longer notes belong in the organisation's own file. */
export const MEETING_REPORT_MAX = 1500;

export interface MeetingReportInput {
  readonly text: string;
  /** Whether the report may be shared with the perpetrator as it is. */
  readonly shareableWithPerpetrator: boolean;
}

export type MeetingReport = MeetingReportInput & { readonly recordedAt: Date; readonly recordedByAadObjectId: string };

/** Whether the case held a conversation the report can be about. */
export function incidentConversationHeld(c: Case): boolean {
  return c.meetings.some((m) => m.kind === 'incidentMeeting' || m.kind === 'combinedMeeting');
}

/** A handler adds (or rewrites) the report of the incidentgesprek. */
export function recordMeetingReport(c: Case, input: MeetingReportInput, by: string, now: Date): CaseChange {
  throwIf(commandRefusal(c, 'recordMeetingReport', actorOf(c, by)));
  const text = cleanText(input.text, MEETING_REPORT_MAX);
  if (text === undefined) throw new DomainError('CASE.COMMENT_REQUIRED', { detail: 'empty meeting report', reason: { kind: 'meetingReportEmpty' } });
  const old = c.meetingReport;
  if (old !== undefined && old.text === text && old.shareableWithPerpetrator === input.shareableWithPerpetrator) return unchanged(c);
  const base = eventBase(c, by, now);
  const report: MeetingReport = { text, shareableWithPerpetrator: input.shareableWithPerpetrator, recordedAt: now, recordedByAadObjectId: by };
  return changeOf(c, { ...c, meetingReport: report }, base, [caseEvent(base, 'meetingReportRecorded', { shareableWithPerpetrator: input.shareableWithPerpetrator })]);
}
