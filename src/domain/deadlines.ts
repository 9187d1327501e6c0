import { DateTime } from 'luxon';
import { AMSTERDAM, WorkingDayCalendar, amsterdamDate } from './working-days';

/** The deadlines the guide sets after an incident (domain.md "Deadlines"). */
export const DEADLINE_KINDS = [
  'labourInspectorate',
  'measures',
  'incidentMeeting',
  'policeAppointment',
  'restorationMeeting',
  'secondOpinion',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const DEADLINE_LABELS: Readonly<Record<DeadlineKind, string>> = {
  labourInspectorate: 'Arbeidsinspectie waarschuwen',
  measures: 'Maatregelen treffen',
  incidentMeeting: 'Incidentgesprek met de pleger',
  policeAppointment: 'Afspraak met de politie',
  restorationMeeting: 'Herstelgesprek met de pleger',
  secondOpinion: 'Second opinion bij de hulpofficier van justitie',
};

export interface Deadline {
  readonly kind: DeadlineKind;
  /** UTC instant. */
  readonly dueAt: Date;
  /** When the case got this deadline: the registration, or the proposal that brought it (incidentgesprek, herstelgesprek). */
  readonly setAt: Date;
  /** Already past when it was set: shown as overdue at once, never moved. */
  readonly overdueWhenSet: boolean;
  /**
   * Years whose royal-decree days (art. 3 lid 3 Algemene termijnenwet) were not configured when this
   * working-day deadline was counted; the deadline may then be a working day early. Absent when all were known.
   */
  readonly decreeDaysUnknownFor?: readonly number[];
}

export interface DeadlineInput {
  readonly incidentAt: Date;
  readonly registeredAt: Date;
  readonly criminalOffenceSuspected: boolean;
  readonly seriousIncident: boolean;
}

const HOUR_MS = 60 * 60 * 1000;
/** "bij voorkeur / idealiter binnen 72 uur na het incident". */
export const MEASURES_HOURS = 72;
/** "Met de pleger volgt idealiter binnen 72 uur na het incident een incidentgesprek." */
export const INCIDENT_MEETING_HOURS = 72;
/** "De Arbeidsinspectie wordt binnen 24 uur gewaarschuwd". */
export const LABOUR_INSPECTORATE_HOURS = 24;
/** "idealiter binnen 2 werkdagen", read as the end of the office day of the second working day. */
export const POLICE_WORKING_DAYS = 2;
export const POLICE_DUE_HOUR = 17;

/** A deadline set at `setAt`; overdue at once when already past then. */
export function deadlineSetAt(kind: DeadlineKind, dueAt: Date, setAt: Date, decreeDaysUnknownFor: readonly number[] = []): Deadline {
  return {
    kind,
    dueAt,
    setAt,
    overdueWhenSet: dueAt.getTime() < setAt.getTime(),
    ...(decreeDaysUnknownFor.length > 0 ? { decreeDaysUnknownFor: [...decreeDaysUnknownFor] } : {}),
  };
}

/**
 * Police appointment: 17:00 Amsterdam time on the 2nd working day after the day the suspicion is
 * registered, with the years whose decree days were unknown on the way.
 */
export function policeAppointmentDeadline(registeredAt: Date, calendar: WorkingDayCalendar): Deadline {
  const count = calendar.countWorkingDays(amsterdamDate(registeredAt), POLICE_WORKING_DAYS);
  const dueAt = DateTime.fromISO(count.date, { zone: AMSTERDAM }).set({ hour: POLICE_DUE_HOUR }).toUTC().toJSDate();
  return deadlineSetAt('policeAppointment', dueAt, registeredAt, count.decreeDaysUnknownFor);
}

/**
 * The second opinion of the hulpofficier van justitie after the police judged the behaviour not
 * punishable. The guide names no term; the bot reminds at 17:00 on the 5th working day after the
 * judgement was recorded, so the offer is not forgotten (our choice, not the guide's).
 */
export const SECOND_OPINION_WORKING_DAYS = 5;

export function secondOpinionDeadline(recordedAt: Date, calendar: WorkingDayCalendar): Deadline {
  const count = calendar.countWorkingDays(amsterdamDate(recordedAt), SECOND_OPINION_WORKING_DAYS);
  const dueAt = DateTime.fromISO(count.date, { zone: AMSTERDAM }).set({ hour: POLICE_DUE_HOUR }).toUTC().toJSDate();
  return { ...deadlineSetAt('secondOpinion', dueAt, recordedAt, count.decreeDaysUnknownFor) };
}

/** The incidentgesprek: 72 hours after the incident, set when a proposal includes one (see measures.ts). */
export function incidentMeetingDeadline(incidentAt: Date, proposedAt: Date): Deadline {
  return deadlineSetAt('incidentMeeting', new Date(incidentAt.getTime() + INCIDENT_MEETING_HOURS * HOUR_MS), proposedAt);
}

/** The herstelgesprek: due when the restrictive measures end, set when they are proposed. */
export function restorationMeetingDeadline(restrictionsEndAt: Date, proposedAt: Date): Deadline {
  return deadlineSetAt('restorationMeeting', new Date(restrictionsEndAt.getTime()), proposedAt);
}

/** Deadlines in due order; at the same moment in DEADLINE_KINDS order. */
export function sortDeadlines(deadlines: readonly Deadline[]): Deadline[] {
  return [...deadlines].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || DEADLINE_KINDS.indexOf(a.kind) - DEADLINE_KINDS.indexOf(b.kind));
}

/**
 * The deadlines of a new case, ordered by due time. Elapsed-hour rules add real hours (DST-proof).
 * The incidentgesprek and the herstelgesprek are not among them: they come with the measures that call for them.
 */
export function computeDeadlines(input: DeadlineInput, calendar: WorkingDayCalendar): Deadline[] {
  const incident = input.incidentAt.getTime();
  const registered = input.registeredAt;
  const due: Deadline[] = [];
  if (input.seriousIncident) {
    due.push(deadlineSetAt('labourInspectorate', new Date(incident + LABOUR_INSPECTORATE_HOURS * HOUR_MS), registered));
  }
  due.push(deadlineSetAt('measures', new Date(incident + MEASURES_HOURS * HOUR_MS), registered));
  if (input.criminalOffenceSuspected) {
    due.push(policeAppointmentDeadline(registered, calendar));
  }
  return sortDeadlines(due);
}
