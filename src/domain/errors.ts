import type { CaseStatus } from './case-status';
import type { EvaluationQuestion } from './case-model';
import type { MeasureKind } from './measures';

/** Stable codes of every rule violation the domain reports; adapters map them to cards and HTTP answers. */
export const DOMAIN_ERROR_CODES = [
  'ROUTING.UNKNOWN_ORGANISATION',
  'ROUTING.ROLE_NOT_IN_ORGANISATION',
  'REPORT.INVALID',
  'REPORT.INCIDENT_IN_FUTURE',
  'CASE.INVALID_CASE_NUMBER',
  'CASE.INVALID_TRANSITION',
  'CASE.ALREADY_TAKEN',
  'CASE.NOT_ALLOWED',
  'CASE.COMMENT_REQUIRED',
  'CASE.RESPONSE_REQUIRED',
  'CASE.RESPONSE_INVALID',
  'CASE.TEXT_TOO_LONG',
  'CASE.CLOSED',
  'CASE.TASK_NOT_FOUND',
  'CASE.MEASURES_REQUIRED',
  'CASE.MEASURE_DUPLICATE',
  'CASE.MEASURE_END_REQUIRED',
  'CASE.MEASURE_END_IN_PAST',
  'CASE.MEASURE_END_NOT_APPLICABLE',
  'CASE.EVALUATION_REQUIRED',
  'CASE.NO_POLICE_CHECKLIST',
  'CASE.CHECKLIST_STEP_UNKNOWN',
  'CASE.LABOUR_INSPECTORATE_NOT_NEEDED',
  'CASE.MEETING_TIME_INVALID',
  'CASE.PROPOSAL_REPLACED',
  'CASE.STEP_NOT_NEEDED',
  'CASE.DATE_INVALID',
  'CASE.RESTRICTIONS_DECISION_REQUIRED',
  'CASE.DAMAGE_RECOVERY_REASON_REQUIRED',
  'CASE.INFORMED_PERSON_UNKNOWN',
  'FIGURES.NOT_ALLOWED',
  'FIGURES.INVALID_PERIOD',
  'RETENTION.NOT_ALLOWED',
  'OWN_DATA.UNAVAILABLE',
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/**
 * What exactly was refused, when the code alone is too general: plain data (kinds, numbers, the
 * concepts involved), never words. The presentation side (src/copy/errors.copy.ts) says it in Dutch.
 */
export type DomainErrorReason =
  | { readonly kind: 'unknownMeasureKind' }
  | { readonly kind: 'measureDescriptionTooLong'; readonly measure: MeasureKind; readonly max: number }
  | { readonly kind: 'textTooLong'; readonly max: number; readonly evaluationQuestion?: EvaluationQuestion }
  | { readonly kind: 'noResponseExplanationMissing' }
  | { readonly kind: 'unknownMeetingKind' }
  | { readonly kind: 'evaluationIncomplete'; readonly missing: readonly EvaluationQuestion[] }
  | { readonly kind: 'transitionImpossible'; readonly from: CaseStatus; readonly to: CaseStatus }
  | { readonly kind: 'caseNotTakenYet' }
  | { readonly kind: 'closeWithoutMeasuresNeedsNoResponseReason' }
  | { readonly kind: 'restrictionsNotAdjustableYet' }
  | { readonly kind: 'noRestrictionsToConfirm' }
  | { readonly kind: 'incidentMeetingNotHeldYet' }
  | { readonly kind: 'meetingReportEmpty' };

export interface DomainErrorOptions {
  /** Developer-facing detail for logs; never personal data. */
  readonly detail?: string;
  /** What exactly was refused, when the code alone is too general (the copy layer words it). */
  readonly reason?: DomainErrorReason;
  readonly cause?: unknown;
}

/** A broken business rule, with a stable code (and, where needed, a reason) that the copy layer words for people. */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly code: DomainErrorCode;
  readonly reason: DomainErrorReason | undefined;

  constructor(code: DomainErrorCode, options: DomainErrorOptions = {}) {
    super(options.detail ? `${code}: ${options.detail}` : code, { cause: options.cause });
    this.code = code;
    this.reason = options.reason;
  }
}

/** True when `error` is a DomainError, optionally with the given code. */
export function isDomainError(error: unknown, code?: DomainErrorCode): error is DomainError {
  return error instanceof DomainError && (code === undefined || error.code === code);
}
