/** Cases walked through the real domain functions, for the registration and figures tests. */
import {
  agreeToMeasures,
  approveMeasures,
  closeCase,
  proposeMeasures,
  recordPerpetratorResponse,
  submitCase,
  takeCase,
  type Case,
  type EvaluationInput,
} from '../../src/domain/case';
import { tickChecklistStep } from '../../src/domain/police-checklist';
import type { IncidentReport } from '../../src/domain/report';
import type { OfficeHolderRole } from '../../src/domain/roles';
import { WorkingDayCalendar } from '../../src/domain/working-days';
import { SHIPPED_DECREE_DAYS } from '../../src/config/decree-days';
import { sampleReport } from './sample-report';

export const calendar = new WorkingDayCalendar(SHIPPED_DECREE_DAYS);
export const OFFICE_HOLDER = '11111111-1111-4111-8111-111111111111';
export const HANDLER = '22222222-2222-4222-8222-222222222222';

export const EVALUATION: EvaluationInput = {
  riskAssessment: 'Matig; herhaling kan.',
  causeAnalysis: 'Onvrede over een besluit.',
  trendAnalysis: 'Eerste incident van deze soort.',
  improvements: 'Beveiliging bij vergaderingen.',
};

const minutes = (at: Date, n: number): Date => new Date(at.getTime() + n * 60_000);

export interface CaseSpec {
  readonly id?: string;
  readonly caseNumber?: string;
  readonly organisationId?: string;
  readonly role?: OfficeHolderRole;
  readonly registeredAt: Date;
  readonly report?: Partial<IncidentReport>;
}

/** A freshly submitted case; the incident by default an hour before registration. */
export function submitted(spec: CaseSpec): Case {
  const incidentAt = new Date(spec.registeredAt.getTime() - 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return submitCase(
    {
      id: spec.id ?? 'case-1',
      caseNumber: spec.caseNumber ?? 'WB-2026-00042',
      organisationId: spec.organisationId ?? 'gemeente-utrecht',
      officeHolder: { aadObjectId: OFFICE_HOLDER, name: 'Sanne de Vries', role: spec.role ?? 'wethouder' },
      report: sampleReport({ incidentAt, ...spec.report }),
    },
    spec.registeredAt,
    calendar,
  ).case;
}

/** Taken `after` minutes after registration. */
export function taken(c: Case, after: number): Case {
  return takeCase(c, HANDLER, minutes(c.registeredAt, after)).case;
}

/** Taken, then measures proposed, agreed and approved at `approvedAfter` minutes after registration. */
export function measuresApproved(c: Case, approvedAfter: number): Case {
  let next = c.status === 'submitted' ? taken(c, 5) : c;
  next = proposeMeasures(next, HANDLER, [{ kind: 'writtenWarning' }, { kind: 'aftercare' }], minutes(c.registeredAt, approvedAfter - 2)).case;
  next = agreeToMeasures(next, OFFICE_HOLDER, minutes(c.registeredAt, approvedAfter - 1)).case;
  return approveMeasures(next, HANDLER, minutes(c.registeredAt, approvedAfter)).case;
}

/** Closed with a response given (after approved measures) or "not possible" (straight from in progress). */
export function closed(c: Case, how: 'response' | 'noResponse', after: number): Case {
  const at = minutes(c.registeredAt, after);
  if (how === 'response') {
    const approved = c.status === 'measuresApproved' ? c : measuresApproved(c, after - 10);
    return closeCase(recordPerpetratorResponse(approved, { kind: 'given', summary: 'Brief verstuurd.' }, HANDLER, at).case, HANDLER, minutes(at, 1), EVALUATION).case;
  }
  const inProgress = c.status === 'submitted' ? taken(c, 5) : c;
  return closeCase(recordPerpetratorResponse(inProgress, { kind: 'notPossible', reason: 'perpetratorUnknown' }, HANDLER, at).case, HANDLER, minutes(at, 1), EVALUATION).case;
}

/** Ticks police checklist steps (the case must have the checklist and be taken). */
export function ticked(c: Case, steps: readonly (1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9)[], after: number): Case {
  return steps.reduce((next, step) => tickChecklistStep(next, step, HANDLER, minutes(c.registeredAt, after)).case, c);
}
