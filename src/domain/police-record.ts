import { caseEvent, changeOf, unchanged, type CaseChange } from './case-events';
import { actorOf, type Case, type CaseTask } from './case-model';
import { commandRefusal } from './case-preconditions';
import { FUTURE_TOLERANCE_MS, reachGoal, throwIf } from './case-rules';
import { eventBase } from './case-transition';
import { secondOpinionDeadline, sortDeadlines } from './deadlines';
import { DomainError } from './errors';
import { POLICE_REPORT_STEP } from './police-checklist';
import type { PoliceJudgement, PoliceReportKind } from './follow-up-terms';
import type { WorkingDayCalendar } from './working-days';

/**
 * What happened at the police (domain.md "Melding and aangifte"): a melding or an aangifte, when, and
 * the police's judgement. "Als de politie beoordeelt dat het gedrag niet strafbaar is dan kan een second
 * opinion worden aangevraagd bij de hulpofficier van justitie": judged not punishable, the case gets
 * that offer as a task with a reminder (the secondOpinion deadline).
 */

export { POLICE_JUDGEMENTS, POLICE_REPORT_KINDS, type PoliceJudgement, type PoliceReportKind } from './follow-up-terms';

export interface PoliceRecordInput {
  readonly kind: PoliceReportKind;
  /** When the melding or aangifte was made. */
  readonly madeAt: Date;
  readonly judgement: PoliceJudgement;
}

export type PoliceRecord = PoliceRecordInput & { readonly recordedAt: Date; readonly recordedByAadObjectId: string };

export const SECOND_OPINION_TASK_ID = 'second-opinion';
export const SECOND_OPINION_TASK_TITLE = 'Vraag een second opinion aan bij de hulpofficier van justitie (de politie oordeelde: niet strafbaar)';

/**
 * A handler records the melding or aangifte (or corrects it). It ticks the checklist's step "Doe een
 * melding of aangifte" when still open. Judged not punishable: the second-opinion task and its reminder;
 * a later judgement that is not "niet strafbaar" takes an open task and its reminder away again.
 */
export function recordPoliceReport(c: Case, input: PoliceRecordInput, by: string, now: Date, calendar: WorkingDayCalendar): CaseChange {
  throwIf(commandRefusal(c, 'recordPoliceReport', actorOf(c, by)));
  const made = input.madeAt.getTime();
  if (Number.isNaN(made) || made > now.getTime() + FUTURE_TOLERANCE_MS || made < new Date(c.report.incidentAt).getTime() - 24 * 3600_000) {
    throw new DomainError('CASE.DATE_INVALID', { detail: `case ${c.id} police report date` });
  }
  const old = c.policeRecord;
  if (old !== undefined && old.kind === input.kind && old.madeAt.getTime() === made && old.judgement === input.judgement) return unchanged(c);

  const base = eventBase(c, by, now);
  let next: Case = { ...c, policeRecord: { kind: input.kind, madeAt: new Date(made), judgement: input.judgement, recordedAt: now, recordedByAadObjectId: by } };
  const checklist = c.policeChecklist ?? { ticks: [] };
  if (!checklist.ticks.some((t) => t.step === POLICE_REPORT_STEP)) {
    next = { ...next, policeChecklist: { ticks: [...checklist.ticks, { step: POLICE_REPORT_STEP, at: now, byAadObjectId: by }].sort((a, b) => a.step - b.step) } };
  }
  const task = c.tasks.find((t) => t.id === SECOND_OPINION_TASK_ID);
  if (input.judgement === 'notPunishable' && task === undefined) {
    const secondOpinion: CaseTask = { id: SECOND_OPINION_TASK_ID, kind: 'secondOpinion', title: SECOND_OPINION_TASK_TITLE, status: 'open', createdAt: now };
    next = { ...next, tasks: [...next.tasks, secondOpinion], deadlines: sortDeadlines([...next.deadlines, secondOpinionDeadline(now, calendar)]) };
  } else if (input.judgement !== 'notPunishable' && task?.status === 'open') {
    next = { ...next, tasks: next.tasks.filter((t) => t.id !== SECOND_OPINION_TASK_ID), deadlines: next.deadlines.filter((d) => d.kind !== 'secondOpinion') };
  }
  return changeOf(c, next, base, [caseEvent(base, 'policeReportRecorded', { reportKind: input.kind, madeAt: new Date(made), judgement: input.judgement })]);
}

/** Completing the second-opinion task reaches its reminder's goal (see completeTask). */
export function withTaskGoal(c: Case, task: CaseTask, at: Date): Case {
  return task.kind === 'secondOpinion' ? reachGoal(c, 'secondOpinion', at) : c;
}
