import type { DeadlineKind } from './deadlines';
import { MEASURE_KIND_LABELS } from './measures';

/**
 * The conversations with the perpetrator (domain.md "Measures"): planned from the case card
 * (meetings.ts) and recorded as held on the case (case-records.ts). Defined once, here.
 */
export const MEETING_KINDS = ['incidentMeeting', 'restorationMeeting', 'combinedMeeting'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_KIND_LABELS: Readonly<Record<MeetingKind, string>> = {
  incidentMeeting: MEASURE_KIND_LABELS.incidentMeeting,
  restorationMeeting: MEASURE_KIND_LABELS.restorationMeeting,
  combinedMeeting: MEASURE_KIND_LABELS.combinedMeeting,
};

/**
 * Which deadlines a held meeting fulfils: the combined meeting counts as both. The first one is the
 * deadline a planned meeting of that kind answers to (a combined meeting is also the incidentgesprek,
 * so its 72 hours apply).
 */
export const MEETING_GOALS: Readonly<Record<MeetingKind, readonly [DeadlineKind, ...DeadlineKind[]]>> = {
  incidentMeeting: ['incidentMeeting'],
  restorationMeeting: ['restorationMeeting'],
  combinedMeeting: ['incidentMeeting', 'restorationMeeting'],
};

/** True for one of MEETING_KINDS; card data is untrusted. */
export function isMeetingKind(value: unknown): value is MeetingKind {
  return typeof value === 'string' && (MEETING_KINDS as readonly string[]).includes(value);
}

/**
 * Whether the office holder is invited unless the handler says otherwise. Not to a meeting about
 * the incident: there the perpetrator's behaviour is the subject, and the guide leaves it open
 * whether victim and perpetrator meet at all (handreiking §4 "Incidentgesprek"), so the office
 * holder need not face the perpetrator. The herstelgesprek is about resuming normal contact.
 */
export const OFFICE_HOLDER_INVITED_BY_DEFAULT: Readonly<Record<MeetingKind, boolean>> = {
  incidentMeeting: false,
  combinedMeeting: false,
  restorationMeeting: true,
};
