import { DateTime } from 'luxon';
import { z } from 'zod';
import { CASE_STATUSES, type Case } from '../case';
import type { DeadlineKind } from '../deadlines';
import { findOrganisation } from '../organisations';
import { domainsOf } from '../behaviour-domains';
import { BEHAVIOUR_DOMAINS, CRIMINAL_OFFENCE_ANSWERS, INCIDENT_KINDS, INJURIES, ONLINE_CHANNELS } from '../report';
import { OFFICE_HOLDER_ROLES } from '../roles';
import { AMSTERDAM } from '../working-days';

/**
 * The anonymous registration of a case: what the figures count, what the CSV exports and what
 * retention keeps once the personal data is gone (issue 12). No names, no free text, no ids of
 * people, and no case id or case number either: those lead back to the case and so to the person.
 * Note that for an office held by one person (burgemeester, Commissaris van de Koning, dijkgraaf)
 * organisation + role still point at that person: the row is minimised, not anonymous in the
 * strict sense, which is why cross-organisation figures hide small counts.
 */

export const REGISTRATION_ROW_VERSION = 1;

/** Where the melding/aangifte stands: nothing, planned (the police checklist is on the case), made (step 4 ticked). */
export const POLICE_REPORT_STATES = ['none', 'planned', 'made'] as const;
export type PoliceReportState = (typeof POLICE_REPORT_STATES)[number];

/**
 * How a deadline of the guide went: reached on time, missed (reached late, or the case was closed
 * without reaching it), or open (not reached yet, case open — overdue or not depends on the time).
 */
export const DEADLINE_OUTCOMES = ['onTime', 'missed', 'open'] as const;
export type DeadlineOutcome = (typeof DEADLINE_OUTCOMES)[number];

/** How a closed case ended towards the perpetrator (basisafspraak). */
export const CLOSING_RESPONSES = ['response', 'noResponse'] as const;
export type ClosingResponse = (typeof CLOSING_RESPONSES)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'yyyy-MM-dd');
const isoInstant = z.string().datetime({ offset: false });

const deadlineFactSchema = z.object({ dueAt: isoInstant, outcome: z.enum(DEADLINE_OUTCOMES) }).strict();
export type DeadlineFact = z.infer<typeof deadlineFactSchema>;

export const registrationRowSchema = z
  .object({
    version: z.literal(REGISTRATION_ROW_VERSION),
    /** Day of the incident, Europe/Amsterdam. */
    incidentDate: isoDate,
    /** Day the report was registered, Europe/Amsterdam; its month is the month the figures count it in. */
    reportedDate: isoDate,
    organisationId: z.string().refine((id) => findOrganisation(id) !== undefined, 'unknown organisation'),
    officeHolderRole: z.enum(OFFICE_HOLDER_ROLES),
    level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
    kinds: z.array(z.enum(INCIDENT_KINDS)).min(1),
    /** The planes of the behaviour (fysiek, emotioneel, seksueel, financieel); absent on rows stored before. */
    domains: z.array(z.enum(BEHAVIOUR_DOMAINS)).optional(),
    channel: z.enum(['offline', 'online']),
    /** Only for online incidents: e-mail, letter, social media, … (a category, never the detail). */
    onlineChannel: z.enum(ONLINE_CHANNELS).optional(),
    /** Empty: no injury. */
    injury: z.array(z.enum(INJURIES)),
    propertyDamage: z.boolean(),
    absenceFromWork: z.boolean(),
    criminalOffenceSuspected: z.enum(CRIMINAL_OFFENCE_ANSWERS),
    policeReport: z.enum(POLICE_REPORT_STATES),
    /** The same perpetrator had an earlier case in the same organisation (recidive). */
    repeatPerpetrator: z.boolean(),
    status: z.enum(CASE_STATUSES),
    /** Minutes from registration until a handler took the case; absent while nobody has. */
    takenAfterMinutes: z.number().int().nonnegative().optional(),
    /** Maatregelen within 72 hours of the incident. */
    measures: deadlineFactSchema,
    /** Police appointment within 2 working days; only when the case has that deadline. */
    policeAppointment: deadlineFactSchema.optional(),
    /** Only for closed cases. */
    closedWith: z.enum(CLOSING_RESPONSES).optional(),
    /** The earliest deadline not yet reached while the case is open ("open cases with a passed deadline"). */
    openDeadlineDueAt: isoInstant.optional(),
  })
  .strict();
export type RegistrationRow = z.infer<typeof registrationRowSchema>;

/** What the row needs beyond the case itself. */
export interface RegistrationFacts {
  /** Earlier cases of the same perpetrator in the organisation (perpetrator.ts countEarlierCases). */
  readonly earlierCasesOfPerpetrator: number;
}

/** The month ('yyyy-MM') a row is counted in: the month of registration, which never changes. */
export function registrationMonth(row: Pick<RegistrationRow, 'reportedDate'>): string {
  return row.reportedDate.slice(0, 7);
}

function amsterdamDay(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: AMSTERDAM }).toISODate() ?? '';
}

function deadlineFact(c: Case, kind: DeadlineKind): DeadlineFact | undefined {
  const deadline = c.deadlines.find((d) => d.kind === kind);
  if (deadline === undefined) return undefined;
  const reached = c.goalReachedAt[kind];
  const outcome: DeadlineOutcome =
    reached !== undefined ? (reached.getTime() <= deadline.dueAt.getTime() ? 'onTime' : 'missed') : c.status === 'closed' ? 'missed' : 'open';
  return { dueAt: deadline.dueAt.toISOString(), outcome };
}

function policeReportState(c: Case): PoliceReportState {
  if (c.policeChecklist === undefined) return 'none';
  return c.policeChecklist.ticks.some((t) => t.step === 4) ? 'made' : 'planned';
}

function earliestOpenDeadline(c: Case): Date | undefined {
  if (c.status === 'closed') return undefined;
  const open = c.deadlines.filter((d) => c.goalReachedAt[d.kind] === undefined).map((d) => d.dueAt.getTime());
  return open.length === 0 ? undefined : new Date(Math.min(...open));
}

/** The anonymous registration row of a case as it stands now (pure: everything comes from the case). */
export function registrationRow(c: Case, facts: RegistrationFacts): RegistrationRow {
  const { report } = c;
  // Every case gets the measures deadline at submission (deadlines.ts computeDeadlines).
  const measures = deadlineFact(c, 'measures') ?? { dueAt: new Date(new Date(report.incidentAt).getTime() + 72 * 3_600_000).toISOString(), outcome: 'open' };
  const policeAppointment = deadlineFact(c, 'policeAppointment');
  const openDue = earliestOpenDeadline(c);
  const taken = c.handler === undefined ? undefined : Math.max(0, Math.floor((c.handler.takenAt.getTime() - c.registeredAt.getTime()) / 60_000));
  const row: RegistrationRow = {
    version: REGISTRATION_ROW_VERSION,
    incidentDate: amsterdamDay(new Date(report.incidentAt)),
    reportedDate: amsterdamDay(c.registeredAt),
    organisationId: c.organisationId,
    officeHolderRole: c.officeHolder.role,
    level: report.level,
    kinds: [...report.kinds],
    domains: domainsOf(report),
    channel: report.place.mode,
    ...(report.place.mode === 'online' ? { onlineChannel: report.place.channel } : {}),
    injury: [...report.injury],
    propertyDamage: report.damage.propertyDamage,
    absenceFromWork: report.damage.absenceFromWork,
    criminalOffenceSuspected: report.criminalOffenceSuspected,
    policeReport: policeReportState(c),
    repeatPerpetrator: facts.earlierCasesOfPerpetrator > 0,
    status: c.status,
    ...(taken === undefined ? {} : { takenAfterMinutes: taken }),
    measures,
    ...(policeAppointment === undefined ? {} : { policeAppointment }),
    ...(c.status === 'closed' && c.perpetratorResponse !== undefined
      ? { closedWith: c.perpetratorResponse.kind === 'given' ? ('response' as const) : ('noResponse' as const) }
      : {}),
    ...(openDue === undefined ? {} : { openDeadlineDueAt: openDue.toISOString() }),
  };
  // The schema is the contract with storage and the CSV: a row that breaks it is a bug here.
  return registrationRowSchema.parse(row);
}
