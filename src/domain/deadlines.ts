import { DateTime } from 'luxon';
import { AMSTERDAM, WorkingDayCalendar, amsterdamDate } from './working-days';

/** The deadlines the guide sets after an incident (domain.md "Deadlines"). */
export const DEADLINE_KINDS = [
  'labourInspectorate',
  'measures',
  'incidentMeeting',
  'policeAppointment',
  'restorationMeeting',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const DEADLINE_LABELS: Readonly<Record<DeadlineKind, string>> = {
  labourInspectorate: 'Arbeidsinspectie waarschuwen',
  measures: 'Maatregelen treffen',
  incidentMeeting: 'Incidentgesprek met de pleger',
  policeAppointment: 'Afspraak met de politie',
  restorationMeeting: 'Herstelgesprek met de pleger',
};

export interface Deadline {
  readonly kind: DeadlineKind;
  /** UTC instant. */
  readonly dueAt: Date;
  /** Already past when the report came in: shown as overdue at once, never moved. */
  readonly overdueAtRegistration: boolean;
}

export interface DeadlineInput {
  readonly incidentAt: Date;
  readonly registeredAt: Date;
  readonly criminalOffenceSuspected: boolean;
  readonly seriousIncident: boolean;
  readonly restrictiveMeasuresEndAt?: Date;
}

const HOUR_MS = 60 * 60 * 1000;
/** "bij voorkeur / idealiter binnen 72 uur na het incident". */
export const MEASURES_HOURS = 72;
/** "De Arbeidsinspectie wordt binnen 24 uur gewaarschuwd". */
export const LABOUR_INSPECTORATE_HOURS = 24;
/** "idealiter binnen 2 werkdagen", read as the end of the office day of the second working day. */
export const POLICE_WORKING_DAYS = 2;
export const POLICE_DUE_HOUR = 17;

/** Police appointment deadline: 17:00 Amsterdam time on the 2nd working day after the registration day. */
export function policeAppointmentDueAt(registeredAt: Date, calendar: WorkingDayCalendar = new WorkingDayCalendar()): Date {
  const day = calendar.nthWorkingDayAfter(amsterdamDate(registeredAt), POLICE_WORKING_DAYS);
  return DateTime.fromISO(day, { zone: AMSTERDAM }).set({ hour: POLICE_DUE_HOUR }).toUTC().toJSDate();
}

/** The deadlines of a new case, ordered by due time. Elapsed-hour rules add real hours (DST-proof). */
export function computeDeadlines(input: DeadlineInput, calendar: WorkingDayCalendar = new WorkingDayCalendar()): Deadline[] {
  const incident = input.incidentAt.getTime();
  const due: [DeadlineKind, Date][] = [];
  if (input.seriousIncident) {
    due.push(['labourInspectorate', new Date(incident + LABOUR_INSPECTORATE_HOURS * HOUR_MS)]);
  }
  due.push(['measures', new Date(incident + MEASURES_HOURS * HOUR_MS)]);
  due.push(['incidentMeeting', new Date(incident + MEASURES_HOURS * HOUR_MS)]);
  if (input.criminalOffenceSuspected) {
    due.push(['policeAppointment', policeAppointmentDueAt(input.registeredAt, calendar)]);
  }
  if (input.restrictiveMeasuresEndAt !== undefined) {
    due.push(['restorationMeeting', new Date(input.restrictiveMeasuresEndAt.getTime())]);
  }
  const registered = input.registeredAt.getTime();
  return due
    .map(([kind, dueAt]): Deadline => ({ kind, dueAt, overdueAtRegistration: dueAt.getTime() < registered }))
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || DEADLINE_KINDS.indexOf(a.kind) - DEADLINE_KINDS.indexOf(b.kind));
}

/** How far a deadline is from `now`. */
export interface TimeLeft {
  readonly overdue: boolean;
  /** Dutch, e.g. "nog 1 dag en 3 uur" or "3 uur te laat". */
  readonly text: string;
}

/** From this much overdue on, the text names the moment it expired instead of a duration. */
const SHOW_EXPIRY_DATE_AFTER_DAYS = 7;

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Dutch duration, rounded down, at most two units: days and hours, hours and minutes, or minutes. */
function dutchDuration(ms: number): string {
  const totalMinutes = Math.floor(ms / 60000);
  const days = Math.floor(totalMinutes / (24 * 60));
  const hours = Math.floor((totalMinutes % (24 * 60)) / 60);
  const minutes = totalMinutes % 60;
  const join = (first: string, second: number, unit: string): string => (second === 0 ? first : `${first} en ${second} ${unit}`);
  if (days > 0) {
    return join(plural(days, 'dag', 'dagen'), hours, 'uur');
  }
  if (hours > 0) {
    return join(`${hours} uur`, minutes, minutes === 1 ? 'minuut' : 'minuten');
  }
  return totalMinutes === 0 ? 'minder dan een minuut' : plural(minutes, 'minuut', 'minuten');
}

/** Time left until `dueAt` at `now`, as Dutch text; overdue once `now` is past `dueAt`. */
export function timeLeft(dueAt: Date, now: Date): TimeLeft {
  const ms = dueAt.getTime() - now.getTime();
  if (ms >= 0) {
    return { overdue: false, text: `nog ${dutchDuration(ms)}` };
  }
  if (-ms >= SHOW_EXPIRY_DATE_AFTER_DAYS * 24 * HOUR_MS) {
    return { overdue: true, text: `verlopen sinds ${formatDutchDateTime(dueAt)}` };
  }
  return { overdue: true, text: `${dutchDuration(-ms)} te laat` };
}

/** E.g. "maandag 30 november 2026 om 17:00", in Europe/Amsterdam. */
export function formatDutchDateTime(date: Date): string {
  return DateTime.fromJSDate(date, { zone: AMSTERDAM }).setLocale('nl').toFormat("cccc d LLLL yyyy 'om' HH:mm");
}

/** E.g. "maandag 30 november 2026", in Europe/Amsterdam. */
export function formatDutchDate(date: Date): string {
  return DateTime.fromJSDate(date, { zone: AMSTERDAM }).setLocale('nl').toFormat('cccc d LLLL yyyy');
}
