import type { Case, CaseTask } from './case-model';
import { cleanText } from './case-rules';
import { DomainError } from './errors';
import type { Measure } from './measures';
import { TEXT_LIMITS, type IncidentReport } from './report';

/**
 * "Wanneer iemand schade heeft aangericht aan eigendommen … wordt deze altijd verhaald. Hiervan is
 * tevens sprake als een bestuurder door het incident (tijdelijk) moet verzuimen." A proposal for a case
 * with reported damage or absence includes damage recovery, or says why not. And: "Meldt het schadegeval
 * dan bij het juiste orgaan binnen de gemeente, provincie en waterschap" — a step (task) on the case once
 * damage recovery is approved.
 */

export interface DamageRecoveryWaiver {
  readonly reason: string;
  readonly at: Date;
  readonly byAadObjectId: string;
}

export const DAMAGE_CLAIM_TASK_ID = 'damage-claim';
export const DAMAGE_CLAIM_TASK_TITLE = 'Meld het schadegeval bij het juiste orgaan binnen de organisatie (bijvoorbeeld voor traumahulp of rechtsbijstand)';

export function damageReported(report: Pick<IncidentReport, 'damage'>): boolean {
  return report.damage.propertyDamage || report.damage.absenceFromWork;
}

/**
 * The waiver a proposal of `measures` needs: none when no damage was reported or damage recovery is
 * among the measures; otherwise the handler's reason, required.
 */
export function damageRecoveryWaiverFor(c: Case, measures: readonly Pick<Measure, 'kind'>[], reason: string | undefined, by: string, now: Date): DamageRecoveryWaiver | undefined {
  if (!damageReported(c.report) || measures.some((m) => m.kind === 'damageRecovery')) return undefined;
  const text = cleanText(reason, TEXT_LIMITS.short);
  if (text === undefined) throw new DomainError('CASE.DAMAGE_RECOVERY_REASON_REQUIRED', { detail: `case ${c.id}` });
  return { reason: text, at: now, byAadObjectId: by };
}

/** The damage-claim task an approval adds when damage recovery is among the approved measures (once). */
export function damageClaimTask(c: Case, now: Date): CaseTask | undefined {
  if (!c.measures.some((m) => m.kind === 'damageRecovery') || c.tasks.some((t) => t.id === DAMAGE_CLAIM_TASK_ID)) return undefined;
  return { id: DAMAGE_CLAIM_TASK_ID, kind: 'reportDamageClaim', title: DAMAGE_CLAIM_TASK_TITLE, status: 'open', createdAt: now };
}
