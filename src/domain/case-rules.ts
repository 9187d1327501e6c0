import type { Case } from './case-model';
import type { DeadlineKind } from './deadlines';
import type { EvaluationQuestion } from './case-model';
import { DomainError, type DomainErrorCode, type DomainErrorReason } from './errors';

/** Small rules every case operation shares: goals, text limits, refusals. */

/** Tolerated clock difference between a person's device and the server. */
export const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

/** Throws a refusal found by a precondition (case-preconditions.ts) as a DomainError. */
export function throwIf(refusal: { readonly code: DomainErrorCode; readonly detail?: string; readonly reason?: DomainErrorReason } | undefined): void {
  if (refusal !== undefined) throw new DomainError(refusal.code, refusal);
}

/** Records that a deadline's goal was reached at `at`; an earlier moment already recorded stays. */
export function reachGoal(c: Case, kind: DeadlineKind, at: Date): Case {
  const reached = c.goalReachedAt[kind];
  if (reached !== undefined && reached.getTime() <= at.getTime()) {
    return c;
  }
  return { ...c, goalReachedAt: { ...c.goalReachedAt, [kind]: at } };
}

/** Forgets a reached goal (a correction), so its reminders resume. */
export function withoutGoal(c: Case, kind: DeadlineKind): Case {
  if (c.goalReachedAt[kind] === undefined) {
    return c;
  }
  const rest = { ...c.goalReachedAt };
  delete rest[kind];
  return { ...c, goalReachedAt: rest };
}

/** Trimmed text, undefined when blank; too long is refused rather than silently cut (naming the evaluation question it answers, if any). */
export function cleanText(text: string | undefined, max: number, evaluationQuestion?: EvaluationQuestion): string | undefined {
  const trimmed = typeof text === 'string' ? text.trim() : undefined;
  if (trimmed === undefined || trimmed === '') {
    return undefined;
  }
  if (trimmed.length > max) {
    throw new DomainError('CASE.TEXT_TOO_LONG', {
      detail: `${trimmed.length} > ${max}`,
      reason: { kind: 'textTooLong', max, ...(evaluationQuestion === undefined ? {} : { evaluationQuestion }) },
    });
  }
  return trimmed;
}
