import { caseEvent, changeOf, unchanged, type CaseChange } from './case-events';
import { actorOf, type Case, type EvaluationInput, type HeldMeeting, type PerpetratorResponse, type PerpetratorResponseInput } from './case-model';
import { commandRefusal } from './case-preconditions';
import { cleanText, FUTURE_TOLERANCE_MS, reachGoal, throwIf } from './case-rules';
import { eventBase, move } from './case-transition';
import { DomainError } from './errors';
import { isMeetingKind, MEETING_GOALS, type MeetingKind } from './meeting-kinds';
import { withTaskGoal } from './police-record';
import { TEXT_LIMITS } from './report';
import { applyClosingDecision, type RestrictionsClosingDecision } from './restrictions';

/** What the handler records along the way, and closing the case. */

/** A handler records the response towards the perpetrator, or why none was possible. */
export function recordPerpetratorResponse(c: Case, response: PerpetratorResponseInput, by: string, now: Date): CaseChange {
  throwIf(commandRefusal(c, 'recordResponse', actorOf(c, by)));
  const recorded = { recordedAt: now, recordedByAadObjectId: by };
  const base = eventBase(c, by, now);
  if (response.kind === 'given') {
    const summary = cleanText(response.summary, TEXT_LIMITS.medium);
    if (summary === undefined) {
      throw new DomainError('CASE.RESPONSE_INVALID', { detail: 'empty summary' });
    }
    return changeOf(c, { ...c, perpetratorResponse: { kind: 'given', summary, ...recorded } }, base, [caseEvent(base, 'responseRecorded', { responseKind: 'given' })]);
  }
  const explanation = cleanText(response.explanation, TEXT_LIMITS.medium);
  if (response.reason === 'other' && explanation === undefined) {
    throw new DomainError('CASE.RESPONSE_INVALID', {
      detail: 'reason other without explanation',
      reason: { kind: 'noResponseExplanationMissing' },
    });
  }
  const notPossible: PerpetratorResponse =
    explanation === undefined
      ? { kind: 'notPossible', reason: response.reason, ...recorded }
      : { kind: 'notPossible', reason: response.reason, explanation, ...recorded };
  return changeOf(c, { ...c, perpetratorResponse: notPossible }, base, [caseEvent(base, 'responseRecorded', { responseKind: 'notPossible', reason: response.reason })]);
}

/**
 * A handler records that the Arbeidsinspectie was warned; only for a serious incident (the case has
 * that deadline). Recording it again changes nothing.
 */
export function recordLabourInspectorateWarned(c: Case, handlerAadObjectId: string, now: Date): CaseChange {
  throwIf(commandRefusal(c, 'recordInspectorateWarned', actorOf(c, handlerAadObjectId)));
  if (c.labourInspectorateWarned !== undefined) {
    return unchanged(c);
  }
  const base = eventBase(c, handlerAadObjectId, now);
  const warned = reachGoal({ ...c, labourInspectorateWarned: { at: now, byAadObjectId: handlerAadObjectId } }, 'labourInspectorate', now);
  return changeOf(c, warned, base, [caseEvent(base, 'labourInspectorateWarned', {})]);
}

/**
 * A handler records a conversation with the perpetrator held at `heldAt` (not in the future, not
 * before the incident). Its goals count as reached at `heldAt`: a meeting on time stays on time
 * when it is recorded later. Recording the same meeting twice changes nothing.
 */
export function recordMeetingHeld(c: Case, kind: MeetingKind, handlerAadObjectId: string, heldAt: Date, now: Date): CaseChange {
  throwIf(commandRefusal(c, 'recordMeetingHeld', actorOf(c, handlerAadObjectId)));
  if (!isMeetingKind(kind)) {
    throw new DomainError('CASE.INVALID_TRANSITION', { detail: `unknown meeting kind`, reason: { kind: 'unknownMeetingKind' } });
  }
  const at = heldAt.getTime();
  if (Number.isNaN(at) || at > now.getTime() + FUTURE_TOLERANCE_MS || at < new Date(c.report.incidentAt).getTime()) {
    throw new DomainError('CASE.MEETING_TIME_INVALID', { detail: `case ${c.id}` });
  }
  if (c.status === 'closed' && kind !== 'restorationMeeting') {
    throw new DomainError('CASE.CLOSED', { detail: `case ${c.id}: only the herstelgesprek after closing` });
  }
  if (c.meetings.some((m) => m.kind === kind && m.heldAt.getTime() === at)) {
    return unchanged(c);
  }
  const meeting: HeldMeeting = { kind, heldAt: new Date(at), recordedAt: now, recordedByAadObjectId: handlerAadObjectId };
  const recorded = MEETING_GOALS[kind].reduce((next, goal) => reachGoal(next, goal, meeting.heldAt), { ...c, meetings: [...c.meetings, meeting] } as Case);
  const base = eventBase(c, handlerAadObjectId, now);
  return changeOf(c, recorded, base, [caseEvent(base, 'meetingHeld', { meetingKind: kind, heldAt: meeting.heldAt })]);
}

/**
 * A handler planned a conversation with the perpetrator (the meeting planner keeps the plan itself):
 * the case notes that it has planned meetings. May be recorded for every meeting planned.
 */
export function recordMeetingPlanned(c: Case, kind: MeetingKind, handlerAadObjectId: string, now: Date): CaseChange {
  throwIf(commandRefusal(c, 'recordMeetingHeld', actorOf(c, handlerAadObjectId)));
  const base = eventBase(c, handlerAadObjectId, now);
  return changeOf(c, { ...c, hasPlannedMeetings: true }, base, [caseEvent(base, 'meetingPlanned', { meetingKind: kind })]);
}

/**
 * A handler closes the case with the evaluation answers; needs a recorded perpetrator response
 * (see CASE_TRANSITIONS: after approved measures any response, without them only "not possible").
 */
export function closeCase(c: Case, by: string, now: Date, evaluation: EvaluationInput, restrictions?: RestrictionsClosingDecision): CaseChange {
  throwIf(commandRefusal(c, 'close', actorOf(c, by)));
  // Restrictions still running need an explicit decision (restrictions.ts); checked before the evaluation.
  const decided = applyClosingDecision(c, restrictions, now);
  const [next, events] = move(decided, 'closed', by, now, { evaluation });
  const decision = next.restrictions?.closingDecision?.decision;
  const closedEvents = decided === c || decision === undefined ? events : events.map((e) => (e.type === 'caseClosed' ? { ...e, restrictions: decision } : e));
  return changeOf(c, next, eventBase(c, by, now), closedEvents);
}

/** A handler marks a task done; doing it again changes nothing. */
export function completeTask(c: Case, taskId: string, by: string, now: Date): CaseChange {
  throwIf(commandRefusal(c, 'completeTask', actorOf(c, by)));
  const task = c.tasks.find((t) => t.id === taskId);
  if (task === undefined) {
    throw new DomainError('CASE.TASK_NOT_FOUND', { detail: `task ${taskId} on case ${c.id}` });
  }
  if (task.status === 'done') {
    return unchanged(c);
  }
  const base = eventBase(c, by, now);
  const done: Case = { ...c, tasks: c.tasks.map((t) => (t.id === taskId ? { ...t, status: 'done', completedAt: now, completedByAadObjectId: by } : t)) };
  return changeOf(c, withTaskGoal(done, task, now), base, [caseEvent(base, 'taskCompleted', { taskId, ...(task.role ? { role: task.role } : {}) })]);
}

/**
 * A handler's decision on a suggested match with another case of the organisation (recidive, issue
 * 10 point 7; the perpetrator index keeps the decision itself). The case does not change; its history
 * gets who decided what, and when.
 */
export function recordPerpetratorMatch(
  c: Case,
  match: { readonly otherCaseId: string; readonly otherCaseNumber: string; readonly decision: 'confirmed' | 'rejected' },
  handlerAadObjectId: string,
  now: Date,
): CaseChange {
  if (actorOf(c, handlerAadObjectId) !== 'handler') {
    throw new DomainError('CASE.NOT_ALLOWED', { detail: `case ${c.id}: a perpetrator match is decided by a handler` });
  }
  const base = eventBase(c, handlerAadObjectId, now);
  // A copy of the case: the write that keeps the event is a new revision of it.
  return { case: { ...c }, events: [caseEvent(base, 'perpetratorMatchDecided', { otherCaseId: match.otherCaseId, otherCaseNumber: match.otherCaseNumber, decision: match.decision })] };
}
