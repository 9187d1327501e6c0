import { ORGANISATIONS } from '../organisations';
import type { CaseStatus } from '../case';
import type { BehaviourDomain, CriminalOffenceAnswer, IncidentKind, Injury, OnlineChannel } from '../report';
import type { OfficeHolderRole } from '../roles';
import { registrationMonth, type ClosingResponse, type DeadlineOutcome, type PoliceReportState, type RegistrationRow } from './registration-row';

/**
 * The figures are sums of counters, kept per scope (the province, and each organisation) and per
 * registration month. A row adds 1 to each counter it has; a change of a case moves it from the
 * counters of its old row to those of its new one (registrationDelta). Counter names are plain
 * identifiers (letters, digits, underscore) so storage can use them as column names.
 */

/** Counter name → value; a missing name is 0. */
export type Counters = Readonly<Record<string, number>>;

/** Buckets of the time to take a case, upper bounds in minutes (the last is open-ended). */
export const TAKE_TIME_BUCKETS: readonly number[] = [
  15, 30, 60,
  ...Array.from({ length: 23 }, (_, i) => (i + 2) * 60), // 2 h … 24 h, by the hour
  2 * 1440, 3 * 1440, 4 * 1440, 5 * 1440, 6 * 1440, 7 * 1440,
  Number.POSITIVE_INFINITY,
];

/** Index of the bucket holding `minutes`. */
export function takeTimeBucket(minutes: number): number {
  return TAKE_TIME_BUCKETS.findIndex((upper) => minutes < upper);
}

const organisationKey = (id: string): string => id.replace(/-/g, '_');
const ORGANISATION_BY_KEY = new Map(ORGANISATIONS.map((o) => [organisationKey(o.id), o.id]));

/** The names of the month counters, one function per dimension. */
export const counterName = {
  total: 'n',
  organisation: (id: string) => `org_${organisationKey(id)}`,
  role: (role: OfficeHolderRole) => `role_${role}`,
  level: (level: number) => `level_${level}`,
  kind: (kind: IncidentKind) => `kind_${kind}`,
  domain: (domain: BehaviourDomain) => `domain_${domain}`,
  channel: (channel: 'offline' | 'online') => `channel_${channel}`,
  onlineChannel: (channel: OnlineChannel) => `online_${channel}`,
  injuryNone: 'injury_none',
  injuryAny: 'injury_any',
  injury: (injury: Injury) => `injury_${injury}`,
  propertyDamage: 'damage_property',
  absenceFromWork: 'damage_absence',
  criminalOffence: (answer: CriminalOffenceAnswer) => `suspected_${answer}`,
  policeReport: (state: PoliceReportState) => `policeReport_${state}`,
  repeat: (repeat: boolean) => (repeat ? 'repeat_yes' : 'repeat_no'),
  status: (status: CaseStatus) => `status_${status}`,
  taken: 'taken',
  takeTime: (bucket: number) => `take_${bucket}`,
  measures: (outcome: DeadlineOutcome) => `measures_${outcome}`,
  policeAppointment: (outcome: DeadlineOutcome) => `policeAppointment_${outcome}`,
  closed: (how: ClosingResponse) => `closed_${how}`,
} as const;

/** The organisation id behind an `org_…` counter name, if it is one. */
export function organisationOfCounter(name: string): string | undefined {
  return name.startsWith('org_') ? ORGANISATION_BY_KEY.get(name.slice(4)) : undefined;
}

/** The month counters a row adds 1 to. */
export function monthCounterNames(row: RegistrationRow): string[] {
  const names: string[] = [
    counterName.total,
    counterName.organisation(row.organisationId),
    counterName.role(row.officeHolderRole),
    counterName.level(row.level),
    ...row.kinds.map(counterName.kind),
    ...(row.domains ?? []).map(counterName.domain),
    counterName.channel(row.channel),
    ...(row.onlineChannel === undefined ? [] : [counterName.onlineChannel(row.onlineChannel)]),
    ...(row.injury.length === 0 ? [counterName.injuryNone] : [counterName.injuryAny, ...row.injury.map(counterName.injury)]),
    ...(row.propertyDamage ? [counterName.propertyDamage] : []),
    ...(row.absenceFromWork ? [counterName.absenceFromWork] : []),
    counterName.criminalOffence(row.criminalOffenceSuspected),
    counterName.policeReport(row.policeReport),
    counterName.repeat(row.repeatPerpetrator),
    counterName.status(row.status),
    counterName.measures(row.measures.outcome),
    ...(row.policeAppointment === undefined ? [] : [counterName.policeAppointment(row.policeAppointment.outcome)]),
    ...(row.closedWith === undefined ? [] : [counterName.closed(row.closedWith)]),
  ];
  if (row.takenAfterMinutes !== undefined) {
    names.push(counterName.taken, counterName.takeTime(takeTimeBucket(row.takenAfterMinutes)));
  }
  return names;
}

/**
 * Open deadlines are counted by the hour they fall due, so "passed" can be decided at any `now`
 * without touching cases: `any` is the earliest open deadline of an open case (the overdue count),
 * `measures` and `policeAppointment` are open guide deadlines (so compliance can leave out those
 * not yet due). Buckets are UTC days, counters per UTC hour: a deadline counts as passed from the
 * start of the hour after it (never too early, at most an hour late).
 */
export const DUE_KINDS = ['any', 'measures', 'policeAppointment'] as const;
export type DueKind = (typeof DUE_KINDS)[number];

/** Where an open deadline is counted: registration month, UTC due day, and the counter `<kind>_h<HH>`. */
export interface DueSlot {
  readonly month: string;
  readonly day: string;
  readonly counter: string;
}

export function dueCounterName(kind: DueKind, utcHour: number): string {
  return `${kind}_h${String(utcHour).padStart(2, '0')}`;
}

/** Reads a due counter name back; undefined for anything else. */
export function parseDueCounter(name: string): { kind: DueKind; hour: number } | undefined {
  const match = /^(any|measures|policeAppointment)_h(\d{2})$/.exec(name);
  return match ? { kind: match[1] as DueKind, hour: Number(match[2]) } : undefined;
}

function dueSlot(month: string, kind: DueKind, dueAt: string): DueSlot {
  // The instant is ISO UTC: its first 10 characters are the UTC day, 11–12 the hour.
  return { month, day: dueAt.slice(0, 10), counter: dueCounterName(kind, Number(dueAt.slice(11, 13))) };
}

/** The open-deadline counters a row adds 1 to. */
export function dueSlots(row: RegistrationRow): DueSlot[] {
  const month = registrationMonth(row);
  const slots: DueSlot[] = [];
  if (row.openDeadlineDueAt !== undefined) slots.push(dueSlot(month, 'any', row.openDeadlineDueAt));
  if (row.measures.outcome === 'open') slots.push(dueSlot(month, 'measures', row.measures.dueAt));
  if (row.policeAppointment?.outcome === 'open') slots.push(dueSlot(month, 'policeAppointment', row.policeAppointment.dueAt));
  return slots;
}

/** Changes to apply: per month, per (month, due day); only counters that change, never 0. */
export interface CounterDelta {
  /** Key: registration month 'yyyy-MM'. */
  readonly months: ReadonlyMap<string, Counters>;
  /** Key: `${month}|${day}` (see DueSlot). */
  readonly due: ReadonlyMap<string, Counters>;
}

function add(target: Map<string, Record<string, number>>, key: string, counter: string, amount: number): void {
  const counters = target.get(key) ?? {};
  const value = (counters[counter] ?? 0) + amount;
  if (value === 0) delete counters[counter];
  else counters[counter] = value;
  if (Object.keys(counters).length === 0) target.delete(key);
  else target.set(key, counters);
}

/**
 * What moving a case from `before` to `after` does to the counters (either may be absent: a new
 * case, a removed one). Counters that end up unchanged are left out, so an event that changes
 * nothing the figures count gives an empty delta.
 */
export function registrationDelta(before: RegistrationRow | undefined, after: RegistrationRow | undefined): CounterDelta {
  const months = new Map<string, Record<string, number>>();
  const due = new Map<string, Record<string, number>>();
  const apply = (row: RegistrationRow | undefined, sign: 1 | -1): void => {
    if (row === undefined) return;
    const month = registrationMonth(row);
    for (const name of monthCounterNames(row)) add(months, month, name, sign);
    for (const slot of dueSlots(row)) add(due, `${slot.month}|${slot.day}`, slot.counter, sign);
  };
  apply(before, -1);
  apply(after, 1);
  return { months, due };
}

/** Counter-wise sum. */
export function addCounters(...all: readonly Counters[]): Counters {
  const sum: Record<string, number> = {};
  for (const counters of all) {
    for (const [name, value] of Object.entries(counters)) sum[name] = (sum[name] ?? 0) + value;
  }
  return sum;
}

/** A counter's value, 0 when absent. */
export function count(counters: Counters, name: string): number {
  return counters[name] ?? 0;
}
