/** The statuses of a case and the table of allowed status changes (domain.md "Case handling"). */

export const CASE_STATUSES = [
  'submitted',
  'inProgress',
  'measuresProposed',
  'measuresAgreed',
  'measuresApproved',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Who may take a step: the office holder of the case, or a handler (anyone but the office holder). */
export type CaseActor = 'officeHolder' | 'handler';

/**
 * What must be present before a step:
 * - 'comment': a comment with the step;
 * - 'anyResponse': a response towards the perpetrator or the reason none was possible;
 * - 'noResponsePossible': only the latter (closing without agreed measures);
 * - 'measures': a proposal of at least one measure on the case (proposeMeasures puts it there);
 * - 'evaluation': the answers to the four evaluation questions, given with the step (closeCase).
 */
export type TransitionRequirement = 'comment' | 'anyResponse' | 'noResponsePossible' | 'measures' | 'evaluation';

/** Requirements met by what the case holds; the others come with the step itself (its input). */
export const STATE_REQUIREMENTS: ReadonlySet<TransitionRequirement> = new Set(['anyResponse', 'noResponsePossible']);

export interface TransitionRule {
  readonly from: CaseStatus;
  readonly to: CaseStatus;
  readonly actor: CaseActor;
  /** Checked in this order (what the case holds before what comes with the step); the first one missing is the error the user sees. */
  readonly requires?: readonly TransitionRequirement[];
}

/** Every allowed status change; anything not listed is refused with CASE.INVALID_TRANSITION. */
export const CASE_TRANSITIONS: readonly TransitionRule[] = [
  // A handler takes the case (takeCase).
  { from: 'submitted', to: 'inProgress', actor: 'handler' },
  // proposeMeasures; also after the office holder sent an earlier proposal back.
  { from: 'inProgress', to: 'measuresProposed', actor: 'handler', requires: ['measures'] },
  // Measures are decided in consultation with the office holder: they agree, or send the proposal back.
  { from: 'measuresProposed', to: 'measuresAgreed', actor: 'officeHolder' },
  { from: 'measuresProposed', to: 'inProgress', actor: 'officeHolder', requires: ['comment'] },
  { from: 'measuresAgreed', to: 'measuresApproved', actor: 'handler' },
  // Basisafspraak: every case ends with a response towards the perpetrator, or the reason there was none,
  // and is evaluated ("why did it go wrong, not who did wrong").
  { from: 'measuresApproved', to: 'closed', actor: 'handler', requires: ['anyResponse', 'evaluation'] },
  // Without agreed measures there was no response, so only "none was possible" (e.g. unknown perpetrator).
  { from: 'inProgress', to: 'closed', actor: 'handler', requires: ['noResponsePossible', 'evaluation'] },
];

/** The rule for a status change, or undefined when the change is not allowed. */
export function findTransition(from: CaseStatus, to: CaseStatus): TransitionRule | undefined {
  return CASE_TRANSITIONS.find((rule) => rule.from === from && rule.to === to);
}
