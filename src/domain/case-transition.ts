import { caseEvent, changeOf, type CaseChange, type CaseEvent, type CaseEventBase } from './case-events';
import { actorOf, EVALUATION_QUESTIONS, proposalRound, type Case, type EvaluationInput, type EvaluationQuestion, type StatusChange } from './case-model';
import { commandRefusal, transitionRefusal } from './case-preconditions';
import { cleanText, reachGoal, throwIf } from './case-rules';
import { findTransition, STATE_REQUIREMENTS, type CaseStatus, type TransitionRequirement } from './case-status';
import { DomainError } from './errors';
import type { Measure, MeasureEvent } from './measures';
import { TEXT_LIMITS } from './report';

/** Status changes along CASE_TRANSITIONS, with what each step means for the rest of the case. */

export interface TransitionOptions {
  /** Required when sending a proposal back to the handler; kept in the history of any step. */
  readonly comment?: string;
  /** Required when closing. */
  readonly evaluation?: EvaluationInput;
}

/** Who, when and on which case: the shared part of a step's events. */
export function eventBase(c: Case, by: string, now: Date): CaseEventBase {
  return { caseId: c.id, at: now, byAadObjectId: by, actor: actorOf(c, by) };
}

/** Moves the case to another status if the table allows it for this actor; returns the new case and its events. */
export function transition(c: Case, to: CaseStatus, by: string, now: Date, options: TransitionOptions = {}): CaseChange {
  throwIf(transitionRefusal(c, to, actorOf(c, by)));
  const [next, events] = move(c, to, by, now, options);
  return changeOf(c, next, eventBase(c, by, now), events);
}

/** A handler takes a submitted case; a second handler gets CASE.ALREADY_TAKEN. */
export function takeCase(c: Case, handlerAadObjectId: string, now: Date): CaseChange {
  throwIf(commandRefusal(c, 'take', actorOf(c, handlerAadObjectId)));
  const [next, events] = move(c, 'inProgress', handlerAadObjectId, now);
  return changeOf(c, next, eventBase(c, handlerAadObjectId, now), events);
}

/**
 * The status change itself, after its preconditions were checked: checks what comes with the step
 * (comment, measures, evaluation), and applies what the step means for the rest of the case — measure
 * statuses and their history, the measures goal, the evaluation. Returns the new case and the step's event.
 */
export function move(c: Case, to: CaseStatus, by: string, now: Date, options: TransitionOptions = {}): [Case, CaseEvent[]] {
  const rule = findTransition(c.status, to);
  if (rule === undefined) throw new DomainError('CASE.INVALID_TRANSITION', { detail: `${c.status} to ${to}` });
  const comment = cleanText(options.comment, TEXT_LIMITS.medium);
  let evaluation: EvaluationInput | undefined;
  for (const requirement of rule.requires ?? []) {
    if (!STATE_REQUIREMENTS.has(requirement)) evaluation = checkInputRequirement(c, requirement, comment, options) ?? evaluation;
  }
  const withComment = comment === undefined ? {} : { comment };
  const change: StatusChange = { status: to, at: now, byAadObjectId: by, ...withComment };
  const history = (action: MeasureEvent['action'], extra: Partial<MeasureEvent> = {}): MeasureEvent => ({ action, at: now, byAadObjectId: by, ...withComment, ...extra });
  let next: Case = {
    ...c,
    status: to,
    statusHistory: [...c.statusHistory, change],
    // Whoever moves a case out of 'submitted' takes it.
    ...(c.status === 'submitted' ? { handler: { aadObjectId: by, takenAt: now } } : {}),
  };
  const base = eventBase(c, by, now);
  const round = proposalRound(c);
  let event: CaseEvent;
  if (c.status === 'submitted') {
    event = caseEvent(base, 'caseTaken', {});
  } else if (to === 'measuresProposed') {
    next = { ...next, measureHistory: [...c.measureHistory, history('proposed', { measures: c.measures })] };
    event = caseEvent(base, 'measuresProposed', { round: round + 1, measureKinds: c.measures.map((m) => m.kind) });
  } else if (c.status === 'measuresProposed' && to === 'inProgress') {
    next = { ...next, measureHistory: [...c.measureHistory, history('sentBack')] };
    event = caseEvent(base, 'proposalSentBack', { round });
  } else if (to === 'measuresAgreed') {
    next = { ...next, measures: withMeasureStatus(c, 'agreed'), measureHistory: [...c.measureHistory, history('agreed')] };
    event = caseEvent(base, 'measuresAgreed', { round });
  } else if (to === 'measuresApproved') {
    next = { ...next, measures: withMeasureStatus(c, 'approved'), measureHistory: [...c.measureHistory, history('approved')] };
    next = reachGoal(next, 'measures', now);
    event = caseEvent(base, 'measuresApproved', { round });
  } else {
    if (evaluation !== undefined) next = { ...next, evaluation: { ...evaluation, recordedAt: now, recordedByAadObjectId: by } };
    event = caseEvent(base, 'caseClosed', { withApprovedMeasures: c.measures.some((m) => m.status === 'approved') });
  }
  return [next, [event]];
}

function withMeasureStatus(c: Case, status: Measure['status']): readonly Measure[] {
  return c.measures.map((m) => ({ ...m, status }));
}

/** Checks what must come with a step; returns the validated evaluation for 'evaluation'. */
function checkInputRequirement(c: Case, requirement: TransitionRequirement, comment: string | undefined, options: TransitionOptions): EvaluationInput | undefined {
  switch (requirement) {
    case 'comment':
      if (comment === undefined) throw new DomainError('CASE.COMMENT_REQUIRED');
      return undefined;
    case 'measures':
      if (c.measures.length === 0 || c.measures.some((m) => m.status !== 'proposed')) {
        throw new DomainError('CASE.MEASURES_REQUIRED', { detail: `case ${c.id}` });
      }
      return undefined;
    case 'evaluation':
      return validateEvaluation(options.evaluation);
    default:
      return undefined;
  }
}

function validateEvaluation(input: EvaluationInput | undefined): EvaluationInput {
  const answers: Partial<Record<EvaluationQuestion, string>> = {};
  const missing: EvaluationQuestion[] = [];
  for (const question of EVALUATION_QUESTIONS) {
    const answer = cleanText(input?.[question], TEXT_LIMITS.medium, question);
    if (answer === undefined) {
      missing.push(question);
    } else {
      answers[question] = answer;
    }
  }
  if (missing.length > 0) {
    throw new DomainError('CASE.EVALUATION_REQUIRED', {
      detail: `missing: ${missing.join(', ')}`,
      reason: { kind: 'evaluationIncomplete', missing },
    });
  }
  return answers as EvaluationInput;
}
