import type { CaseAccess } from './case-access';
import type { Case } from './case-model';
import { findTransition, STATE_REQUIREMENTS, type CaseActor, type CaseStatus, type TransitionRequirement } from './case-status';
import { DomainError, type DomainErrorCode, type DomainErrorReason } from './errors';
import { incidentConversationHeld } from './meeting-report';
import { approvedRestrictions, restorationKeptAfterClosing, restorationMeetingHeld } from './restrictions';

/**
 * Whether a command may be given on a case now, by whom — the one answer to "which buttons does the
 * card show" and "does the server accept this". Each named operation starts with the same check,
 * then validates what comes with the command (a comment, the measures, the evaluation answers).
 */

/**
 * Why a command cannot be given: a DomainError's code and reason. A plain value, because the cards ask
 * for every command on every render; it becomes a DomainError (with its stack) only when thrown.
 */
export interface Refusal {
  readonly code: DomainErrorCode;
  readonly detail?: string;
  readonly reason?: DomainErrorReason;
}

/** Every command on a case, by the name a card action carries. */
export const CASE_COMMAND_KINDS = [
  'take',
  'proposeMeasures',
  'agreeMeasures',
  'sendBackMeasures',
  'approveMeasures',
  'tickChecklistStep',
  'untickChecklistStep',
  'setChecklist',
  'completePoliceForm',
  'recordInspectorateWarned',
  'recordMeetingHeld',
  'recordResponse',
  'completeTask',
  'close',
  'recordPoliceReport',
  'adjustRestrictions',
  'recordRestrictionsConfirmed',
  'recordMeetingReport',
  'addInformed',
  'removeInformed',
  'involveCoordinator',
] as const;
export type CaseCommandKind = (typeof CASE_COMMAND_KINDS)[number];

/** Who gives each command: the office holder only answers a proposal; everything else is the handlers'. */
export function commandActor(kind: CaseCommandKind): CaseActor {
  return kind === 'agreeMeasures' || kind === 'sendBackMeasures' ? 'officeHolder' : 'handler';
}

/** The status change a command makes, for the commands that move the case along CASE_TRANSITIONS. */
const COMMAND_TRANSITIONS: Readonly<Partial<Record<CaseCommandKind, CaseStatus>>> = {
  take: 'inProgress',
  proposeMeasures: 'measuresProposed',
  agreeMeasures: 'measuresAgreed',
  sendBackMeasures: 'inProgress',
  approveMeasures: 'measuresApproved',
  close: 'closed',
};

/**
 * Why `actor` cannot give `kind` on `c` now, judged on what the case holds (the command's own input is
 * checked when it is given); undefined when it can.
 */
export function commandRefusal(c: Case, kind: CaseCommandKind, actor: CaseActor): Refusal | undefined {
  switch (kind) {
    case 'take':
      if (c.status === 'closed') return closed(c);
      if (c.status !== 'submitted') return refusal('CASE.ALREADY_TAKEN', { detail: `case ${c.id} is ${c.status}` });
      return transitionRefusal(c, 'inProgress', actor);
    case 'sendBackMeasures':
      if (c.status === 'closed') return closed(c);
      if (c.status !== 'measuresProposed') return refusal('CASE.INVALID_TRANSITION', { detail: `send back from ${c.status}` });
      return transitionRefusal(c, 'inProgress', actor);
    case 'proposeMeasures':
    case 'agreeMeasures':
    case 'approveMeasures':
    case 'close':
      return transitionRefusal(c, COMMAND_TRANSITIONS[kind] as CaseStatus, actor);
    case 'tickChecklistStep':
    case 'untickChecklistStep':
    case 'setChecklist':
    case 'completePoliceForm':
      return handlerWorkRefusal(c, actor) ?? (c.policeChecklist === undefined ? refusal('CASE.NO_POLICE_CHECKLIST', { detail: `case ${c.id}` }) : undefined);
    case 'recordInspectorateWarned':
      return (
        handlerWorkRefusal(c, actor) ??
        (c.deadlines.some((d) => d.kind === 'labourInspectorate') ? undefined : refusal('CASE.LABOUR_INSPECTORATE_NOT_NEEDED', { detail: `case ${c.id}` }))
      );
    case 'recordMeetingHeld':
      // Restrictions kept running after closing: the herstelgesprek can still be planned and recorded.
      if (restorationKeptAfterClosing(c)) return actorRefusal(c, 'handler', actor);
      return handlerWorkRefusal(c, actor);
    case 'recordResponse':
      return handlerWorkRefusal(c, actor);
    case 'recordPoliceReport':
      return handlerWorkRefusal(c, actor) ?? (c.policeChecklist === undefined ? refusal('CASE.NO_POLICE_CHECKLIST', { detail: `case ${c.id}` }) : undefined);
    case 'adjustRestrictions':
      return (
        handlerWorkRefusal(c, actor) ??
        (c.status === 'measuresApproved' && approvedRestrictions(c) !== undefined && restorationMeetingHeld(c)
          ? undefined
          : refusal('CASE.STEP_NOT_NEEDED', {
            detail: `adjust restrictions on case ${c.id}`,
            reason: { kind: 'restrictionsNotAdjustableYet' },
          }))
      );
    case 'recordRestrictionsConfirmed':
      return (
        handlerWorkRefusal(c, actor) ??
        (approvedRestrictions(c) !== undefined
          ? undefined
          : refusal('CASE.STEP_NOT_NEEDED', { detail: `confirm restrictions on case ${c.id}`, reason: { kind: 'noRestrictionsToConfirm' } }))
      );
    case 'recordMeetingReport':
      return (
        handlerWorkRefusal(c, actor) ??
        (incidentConversationHeld(c)
          ? undefined
          : refusal('CASE.STEP_NOT_NEEDED', { detail: `meeting report on case ${c.id}`, reason: { kind: 'incidentMeetingNotHeldYet' } }))
      );
    case 'addInformed':
    case 'removeInformed':
      return handlerWorkRefusal(c, actor);
    case 'involveCoordinator':
      return (
        handlerWorkRefusal(c, actor) ??
        (c.deadlines.some((d) => d.kind === 'labourInspectorate') ? undefined : refusal('CASE.LABOUR_INSPECTORATE_NOT_NEEDED', { detail: `case ${c.id}` }))
      );
    case 'completeTask':
      // A task only needs an open case: informing the Minister need not wait until the case is taken.
      return c.status === 'closed' ? closed(c) : actorRefusal(c, 'handler', actor);
  }
}

/** The commands `access` may give on `c` now: what a card offers, and what the server would accept (given valid input). */
export function allowedCommands(c: Case, access: CaseAccess): ReadonlySet<CaseCommandKind> {
  if (access === 'none') return new Set();
  return new Set(CASE_COMMAND_KINDS.filter((kind) => commandActor(kind) === access && commandRefusal(c, kind, access) === undefined));
}

/** Why `actor` cannot move `c` to `to` now (closed, no such step, wrong party, or the case lacks what the step needs). */
export function transitionRefusal(c: Case, to: CaseStatus, actor: CaseActor): Refusal | undefined {
  const rule = findTransition(c.status, to);
  if (rule === undefined) {
    if (c.status === 'closed') return refusal('CASE.CLOSED', { detail: `case ${c.id} to ${to}` });
    return refusal('CASE.INVALID_TRANSITION', {
      detail: `${c.status} to ${to}`,
      reason: { kind: 'transitionImpossible', from: c.status, to },
    });
  }
  const wrongActor = actorRefusal(c, rule.actor, actor);
  if (wrongActor) return wrongActor;
  for (const requirement of rule.requires ?? []) {
    if (!STATE_REQUIREMENTS.has(requirement)) continue;
    const missing = stateRequirementRefusal(c, requirement);
    if (missing) return missing;
  }
  return undefined;
}

/** Why a handler cannot record work on the case now: closed, not taken yet, or the actor is its office holder. */
export function handlerWorkRefusal(c: Case, actor: CaseActor): Refusal | undefined {
  if (c.status === 'closed') return closed(c);
  if (c.status === 'submitted') {
    return refusal('CASE.INVALID_TRANSITION', {
      detail: `case ${c.id} not taken yet`,
      reason: { kind: 'caseNotTakenYet' },
    });
  }
  return actorRefusal(c, 'handler', actor);
}

/** Throws unless a handler may record work on the case now: open, taken, and not by its office holder. */
export function assertHandlerMayWork(c: Case, by: string): void {
  const refused = handlerWorkRefusal(c, by === c.officeHolder.aadObjectId ? 'officeHolder' : 'handler');
  if (refused) throw new DomainError(refused.code, refused);
}

function actorRefusal(c: Case, needed: CaseActor, actor: CaseActor): Refusal | undefined {
  // The office holder never handles their own case; desk membership is case-access.ts (app layer).
  return needed === actor ? undefined : refusal('CASE.NOT_ALLOWED', { detail: `${needed} step on case ${c.id}` });
}

function stateRequirementRefusal(c: Case, requirement: TransitionRequirement): Refusal | undefined {
  if (requirement === 'anyResponse' && c.perpetratorResponse === undefined) return refusal('CASE.RESPONSE_REQUIRED');
  if (requirement === 'noResponsePossible' && c.perpetratorResponse?.kind !== 'notPossible') {
    return refusal('CASE.RESPONSE_REQUIRED', { reason: { kind: 'closeWithoutMeasuresNeedsNoResponseReason' } });
  }
  return undefined;
}

function closed(c: Case): Refusal {
  return refusal('CASE.CLOSED', { detail: `case ${c.id}` });
}

function refusal(code: DomainErrorCode, texts: Omit<Refusal, 'code'> = {}): Refusal {
  return { code, ...texts };
}
