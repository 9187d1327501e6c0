import { DomainError } from './errors';
import { needsPoliceAppointment, TEXT_LIMITS, type IncidentReport } from './report';

/** Kinds of measure towards the perpetrator (domain.md "Measures"). */
export const MEASURE_KINDS = [
  'writtenWarning',
  'incidentMeeting',
  'restrictiveMeasures',
  'restorationMeeting',
  'combinedMeeting',
  'policeReport',
  'damageRecovery',
  'aftercare',
] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

export const MEASURE_KIND_LABELS: Readonly<Record<MeasureKind, string>> = {
  writtenWarning: 'Schriftelijke waarschuwing',
  incidentMeeting: 'Incidentgesprek',
  restrictiveMeasures: 'Beperkende maatregelen / contactafspraken',
  restorationMeeting: 'Herstelgesprek',
  combinedMeeting: 'Gecombineerd incident- en herstelgesprek',
  policeReport: 'Melding of aangifte bij de politie',
  damageRecovery: 'Schade verhalen',
  aftercare: 'Nazorg',
};

/** Where a measure stands: proposed by the handler, agreed by the office holder, approved by the handler. */
export const MEASURE_STATUSES = ['proposed', 'agreed', 'approved'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

/** A measure on the case. */
export interface Measure {
  /** Unique within the case, stable across reads (e.g. "m2-1": first measure of the second proposal). */
  readonly id: string;
  readonly kind: MeasureKind;
  readonly status: MeasureStatus;
  readonly description?: string;
  /** End of restrictive measures / contact agreements; the herstelgesprek is due then. */
  readonly endsAt?: Date;
}

/** One measure as a handler proposes it (untrusted card data is validated by validateMeasureItems). */
export interface MeasureInput {
  readonly kind: MeasureKind;
  readonly description?: string;
  readonly endsAt?: Date;
}

/** Steps in the life of a proposal; kept as history so a sent-back proposal stays readable. */
export const MEASURE_EVENT_ACTIONS = ['proposed', 'agreed', 'sentBack', 'approved'] as const;
export type MeasureEventAction = (typeof MEASURE_EVENT_ACTIONS)[number];

/** Who did what to the proposal, when, and why. */
export interface MeasureEvent {
  readonly action: MeasureEventAction;
  readonly at: Date;
  readonly byAadObjectId: string;
  readonly comment?: string;
  /** The measures as proposed; only on 'proposed', so every version of the proposal survives. */
  readonly measures?: readonly Measure[];
}

/**
 * Validates a proposal and gives its measures ids for proposal `round` (1 for the first).
 * At least one measure, each kind once; restrictive measures need an end date after `now`, and only
 * they carry one (the herstelgesprek is planned from it).
 */
export function validateMeasureItems(items: readonly MeasureInput[], round: number, now: Date): Measure[] {
  if (items.length === 0) {
    throw new DomainError('CASE.MEASURES_REQUIRED');
  }
  const seen = new Set<MeasureKind>();
  return items.map((item, index): Measure => {
    if (!(MEASURE_KINDS as readonly string[]).includes(item.kind)) {
      throw new DomainError('CASE.MEASURES_REQUIRED', { detail: `unknown measure kind at ${index}`, reason: { kind: 'unknownMeasureKind' } });
    }
    if (seen.has(item.kind)) {
      throw new DomainError('CASE.MEASURE_DUPLICATE', { detail: item.kind });
    }
    seen.add(item.kind);
    const description = item.description?.trim();
    if (description !== undefined && description.length > TEXT_LIMITS.medium) {
      throw new DomainError('CASE.TEXT_TOO_LONG', {
        detail: `measure ${item.kind}: ${description.length} > ${TEXT_LIMITS.medium}`,
        reason: { kind: 'measureDescriptionTooLong', measure: item.kind, max: TEXT_LIMITS.medium },
      });
    }
    const endsAt = item.endsAt;
    if (item.kind === 'restrictiveMeasures') {
      if (endsAt === undefined || Number.isNaN(endsAt.getTime())) {
        throw new DomainError('CASE.MEASURE_END_REQUIRED');
      }
      if (endsAt.getTime() <= now.getTime()) {
        throw new DomainError('CASE.MEASURE_END_IN_PAST');
      }
    } else if (endsAt !== undefined) {
      throw new DomainError('CASE.MEASURE_END_NOT_APPLICABLE', { detail: item.kind });
    }
    return {
      id: `m${round}-${index + 1}`,
      kind: item.kind,
      status: 'proposed',
      ...(description ? { description } : {}),
      ...(endsAt === undefined ? {} : { endsAt: new Date(endsAt.getTime()) }),
    };
  });
}

/**
 * A proportionate first proposal for the handler to adjust (domain.md "Measures"):
 * - lighter behaviour (levels 1–3, first time): a written warning is often enough;
 * - an unknown perpetrator: nothing towards the perpetrator (nobody to warn or to talk to);
 * - heavier behaviour (level 4–5) or recidive: a conversation instead of a warning, the combined
 *   incident- and herstelgesprek because "in de meeste gevallen volstaat" it, plus restrictive
 *   measures / contact agreements (the handler may split the meeting once an end date is set);
 * - a suspected criminal offence or physical violence: melding or aangifte by the handler;
 * - damage to property or absence from work: always recovered;
 * - aftercare: always offered.
 * Returned in MEASURE_KINDS order.
 */
export function suggestMeasures(
  report: Pick<IncidentReport, 'level' | 'criminalOffenceSuspected' | 'damage'> & { readonly perpetrator: { readonly known: boolean } },
  earlierCasesOfPerpetrator: number,
): MeasureKind[] {
  const recidive = earlierCasesOfPerpetrator > 0;
  const heavier = report.level >= 4 || recidive;
  const kinds = new Set<MeasureKind>(['aftercare']);
  // An unknown perpetrator cannot be warned nor met: no conversation, no warning, no contact agreements.
  if (!report.perpetrator.known) {
    // nothing towards the perpetrator
  } else if (heavier) {
    kinds.add('combinedMeeting');
    kinds.add('restrictiveMeasures');
  } else {
    kinds.add('writtenWarning');
  }
  // Same rule as the police checklist: 'unsure' and level 5 count as a suspected offence.
  if (needsPoliceAppointment(report)) {
    kinds.add('policeReport');
  }
  if (report.damage.propertyDamage || report.damage.absenceFromWork) {
    kinds.add('damageRecovery');
  }
  return MEASURE_KINDS.filter((kind) => kinds.has(kind));
}

/** Measures that hold a conversation about the incident with the perpetrator (alone or combined with the herstelgesprek). */
export const INCIDENT_MEETING_MEASURES: readonly MeasureKind[] = ['incidentMeeting', 'combinedMeeting'];

/** Why a case has no incidentgesprek deadline; undefined when it has one. */
export type NoIncidentMeetingDeadline = 'notChosen' | 'perpetratorUnknown';

/**
 * Whether the measures call for the incidentgesprek deadline ("Met de pleger volgt idealiter binnen
 * 72 uur na het incident een incidentgesprek"): only when they include an incidentgesprek, alone or
 * combined, and the perpetrator is known — a written warning alone holds no conversation, and with
 * an unknown perpetrator there is nobody to talk to.
 */
export function whyNoIncidentMeetingDeadline(
  measures: readonly Pick<Measure, 'kind'>[],
  report: Pick<IncidentReport, 'perpetrator'>,
): NoIncidentMeetingDeadline | undefined {
  if (!measures.some((m) => INCIDENT_MEETING_MEASURES.includes(m.kind))) return 'notChosen';
  if (!report.perpetrator.known) return 'perpetratorUnknown';
  return undefined;
}
