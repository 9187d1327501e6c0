import { caseEvent, changeOf, type CaseChange } from './case-events';
import { actorOf, type Case } from './case-model';
import { commandRefusal } from './case-preconditions';
import { cleanText, FUTURE_TOLERANCE_MS, throwIf, withoutGoal } from './case-rules';
import { eventBase } from './case-transition';
import { restorationMeetingDeadline, sortDeadlines } from './deadlines';
import { DomainError } from './errors';
import type { RestrictionsClosingDecision } from './follow-up-terms';
import type { Measure } from './measures';
import { TEXT_LIMITS } from './report';

/**
 * The cycle of restrictive measures (beperkende maatregelen / contactafspraken), domain.md "Measures":
 * "Als de periode van beperkende maatregelen en/of contactafspraken ten einde loopt, dan wordt een
 * herstelgesprek gevoerd … Indien dit niet het geval is dan worden maatregelen/contactafspraken verlengd
 * en/of aangepast. Dit wordt na afloop schriftelijk bevestigd aan de pleger."
 */

/** One extension or adjustment after a herstelgesprek. */
export interface RestrictionAdjustment {
  readonly endsAt: Date;
  readonly agreements?: string;
  readonly at: Date;
  readonly byAadObjectId: string;
}

/** A written confirmation sent to the perpetrator. */
export interface RestrictionConfirmation {
  readonly sentOn: Date;
  readonly recordedAt: Date;
  readonly byAadObjectId: string;
}

export { RESTRICTIONS_CLOSING_DECISIONS, type RestrictionsClosingDecision } from './follow-up-terms';

export interface RestrictionsState {
  readonly adjustments: readonly RestrictionAdjustment[];
  readonly confirmations: readonly RestrictionConfirmation[];
  readonly closingDecision?: { readonly decision: RestrictionsClosingDecision; readonly at: Date };
}

export interface RestrictionAdjustmentInput {
  readonly endsAt: Date;
  readonly agreements?: string;
}

/** The approved restrictive measures of a case, if any. */
export function approvedRestrictions(c: Case): Measure | undefined {
  return c.measures.find((m) => m.kind === 'restrictiveMeasures' && m.status === 'approved');
}

/** Approved restrictions whose end lies after `now`, not ended at closing. */
export function restrictionsRunning(c: Case, now: Date): boolean {
  const restrictions = approvedRestrictions(c);
  return restrictions?.endsAt !== undefined && restrictions.endsAt.getTime() > now.getTime() && c.restrictions?.closingDecision?.decision !== 'endNow';
}

/** Whether a herstelgesprek (alone or combined) was held: the moment the guide extends or adjusts. */
export function restorationMeetingHeld(c: Case): boolean {
  return c.meetings.some((m) => m.kind === 'restorationMeeting' || m.kind === 'combinedMeeting');
}

function stateOf(c: Case): RestrictionsState {
  return c.restrictions ?? { adjustments: [], confirmations: [] };
}

/**
 * After the herstelgesprek a handler extends or adjusts the restrictions: a new end date (after now) and
 * optionally new agreements. The herstelgesprek moves to the new end (a new conversation, so its goal is
 * open again); the office holder is told (case-effects.ts).
 */
export function adjustRestrictions(c: Case, input: RestrictionAdjustmentInput, by: string, now: Date): CaseChange {
  throwIf(commandRefusal(c, 'adjustRestrictions', actorOf(c, by)));
  const endsAt = input.endsAt;
  if (Number.isNaN(endsAt.getTime())) throw new DomainError('CASE.MEASURE_END_REQUIRED');
  if (endsAt.getTime() <= now.getTime()) throw new DomainError('CASE.MEASURE_END_IN_PAST');
  const agreements = cleanText(input.agreements, TEXT_LIMITS.medium);
  const measures = c.measures.map((m) =>
    m.kind === 'restrictiveMeasures' && m.status === 'approved' ? { ...m, endsAt: new Date(endsAt.getTime()), ...(agreements ? { description: agreements } : {}) } : m,
  );
  const state = stateOf(c);
  const adjustment: RestrictionAdjustment = { endsAt: new Date(endsAt.getTime()), ...(agreements ? { agreements } : {}), at: now, byAadObjectId: by };
  const deadlines = sortDeadlines([...c.deadlines.filter((d) => d.kind !== 'restorationMeeting'), restorationMeetingDeadline(endsAt, now)]);
  const next = withoutGoal({ ...c, measures, deadlines, restrictions: { ...state, adjustments: [...state.adjustments, adjustment] } }, 'restorationMeeting');
  const base = eventBase(c, by, now);
  return changeOf(c, next, base, [caseEvent(base, 'restrictionsAdjusted', { endsAt: adjustment.endsAt })]);
}

/** A handler records the date the restrictions (or their adjustment) were confirmed in writing to the perpetrator. */
export function recordRestrictionsConfirmed(c: Case, sentOn: Date, by: string, now: Date): CaseChange {
  throwIf(commandRefusal(c, 'recordRestrictionsConfirmed', actorOf(c, by)));
  const sent = sentOn.getTime();
  if (Number.isNaN(sent) || sent > now.getTime() + FUTURE_TOLERANCE_MS || sent < new Date(c.report.incidentAt).getTime() - 24 * 3600_000) {
    throw new DomainError('CASE.DATE_INVALID', { detail: `case ${c.id} confirmation date` });
  }
  const state = stateOf(c);
  const confirmation: RestrictionConfirmation = { sentOn: new Date(sent), recordedAt: now, byAadObjectId: by };
  const base = eventBase(c, by, now);
  return changeOf(c, { ...c, restrictions: { ...state, confirmations: [...state.confirmations, confirmation] } }, base, [
    caseEvent(base, 'restrictionsConfirmed', { sentOn: confirmation.sentOn }),
  ]);
}

/**
 * Closing a case whose restrictions still run needs an explicit decision: end them now (the herstelgesprek
 * and its reminders go, and the card says so) or keep them running (the herstelgesprek reminder stays after
 * closing). Returns the case as closing leaves it; the decision is ignored when nothing runs.
 */
export function applyClosingDecision(c: Case, decision: RestrictionsClosingDecision | undefined, now: Date): Case {
  if (!restrictionsRunning(c, now)) return c;
  if (decision === undefined) throw new DomainError('CASE.RESTRICTIONS_DECISION_REQUIRED', { detail: `case ${c.id}` });
  const state = stateOf(c);
  const decided: Case = { ...c, restrictions: { ...state, closingDecision: { decision, at: now } } };
  return decision === 'endNow' ? { ...decided, deadlines: decided.deadlines.filter((d) => d.kind !== 'restorationMeeting') } : decided;
}

/** Whether the herstelgesprek reminder lives on after closing (restrictions kept running, herstelgesprek not yet held). */
export function restorationKeptAfterClosing(c: Case): boolean {
  return c.status === 'closed' && c.restrictions?.closingDecision?.decision === 'keepRunning' && c.goalReachedAt.restorationMeeting === undefined;
}
