import type { MeetingKind } from '../domain/case';
import type { MeetingStore } from './meeting.service';

/** What notes on the case that a meeting is being planned (CaseHandlingService.notePlannedMeeting). */
export type PlannedMeetingNote = (caseId: string, kind: MeetingKind, byAadObjectId: string) => Promise<void>;

/**
 * The meeting planner's store, with one addition: before a new meeting is stored, the case notes that it
 * has planned meetings (Case.hasPlannedMeetings), so a case card reads the meetings table only for cases
 * that have any. Noted first: a case may say "planned" without a stored plan (the planner failed after),
 * never the other way round.
 */
export function notingPlannedMeetings(store: MeetingStore, note: PlannedMeetingNote): MeetingStore {
  return {
    create: async (record) => {
      await note(record.caseId, record.plan.kind, record.organiser.aadObjectId);
      return store.create(record);
    },
    get: (caseId, meetingId) => store.get(caseId, meetingId),
    replace: (record, etag) => store.replace(record, etag),
    update: (caseId, meetingId, mutate) => store.update(caseId, meetingId, mutate),
    listByCase: (caseId) => store.listByCase(caseId),
    listPlannedByOrganiser: (aadObjectId) => store.listPlannedByOrganiser(aadObjectId),
    findByIcsToken: (token) => store.findByIcsToken(token),
  };
}
