/**
 * The case aggregate, in one import. A case changes only through the named operations below; each
 * returns the new case with the events it caused (CaseChange, case-events.ts), and starts with the
 * same precondition the cards ask for (allowedCommands, case-preconditions.ts).
 *
 *   case-model.ts          what a case holds
 *   case-status.ts         statuses and the table of allowed status changes
 *   case-preconditions.ts  which command may be given now, by whom (cards and server alike)
 *   case-submit.ts         a report becomes a case
 *   case-transition.ts     status changes (take, and the steps the others build on)
 *   case-proposal.ts       measures: propose, agree, send back, approve
 *   case-records.ts        response, Arbeidsinspectie, meetings held, tasks, closing
 *   police-checklist.ts    the stappenplan melding en aangifte (imported separately)
 *   police-record.ts       melding/aangifte made, the police's judgement, the second opinion
 *   restrictions.ts        restrictions extended after the herstelgesprek, confirmed, decided at closing
 *   meeting-report.ts      the verslag of the incidentgesprek
 *   informed-people.ts     informed people added or removed by the handler
 *   coordinator-support.ts the coordinator VPT asked for support (Arbeidsinspectie)
 *   damage-recovery.ts     damage always recovered, or why not; the damage claim task
 *   case-commands.ts       a card's command → its operation
 *   case-events.ts         the events, their schema, CaseChange
 */
export { caseNumberYear, formatCaseNumber, isCaseNumber, parseCaseNumber } from './case-number';
export {
  actorOf,
  CASE_TASK_KINDS,
  EVALUATION_LABELS,
  EVALUATION_QUESTIONS,
  NO_RESPONSE_REASONS,
  proposalRound,
  type Case,
  type CaseHandler,
  type CaseTask,
  type Evaluation,
  type EvaluationInput,
  type EvaluationQuestion,
  type HeldMeeting,
  type LabourInspectorateWarning,
  type NoResponseReason,
  type OfficeHolder,
  type PerpetratorResponse,
  type PerpetratorResponseInput,
  type StatusChange,
} from './case-model';
export {
  CASE_STATUSES,
  CASE_TRANSITIONS,
  findTransition,
  type CaseActor,
  type CaseStatus,
  type TransitionRequirement,
  type TransitionRule,
} from './case-status';
export { CASE_EVENT_TYPES, caseEventSchema, isConsequenceEvent, type CaseChange, type CaseEvent, type CaseEventOf, type CaseEventType } from './case-events';
export { allowedCommands, assertHandlerMayWork, CASE_COMMAND_KINDS, commandActor, commandRefusal, type CaseCommandKind, type Refusal } from './case-preconditions';
export { reachGoal, withoutGoal } from './case-rules';
export { submitCase, type SubmitCaseInput } from './case-submit';
export { takeCase, transition, type TransitionOptions } from './case-transition';
export { agreeToMeasures, approveMeasures, noIncidentMeetingDeadlineReason, proposeMeasures, sendBackProposal } from './case-proposal';
export { closeCase, completeTask, recordLabourInspectorateWarned, recordMeetingHeld, recordMeetingPlanned, recordPerpetratorMatch, recordPerpetratorResponse } from './case-records';
export { applyCommand, type CaseCommand, type CommandContext } from './case-commands';
export { MEETING_GOALS, MEETING_KIND_LABELS, MEETING_KINDS, type MeetingKind } from './meeting-kinds';
// Measures live in measures.ts; re-exported because callers know them from here.
export { MEASURE_KINDS, MEASURE_KIND_LABELS } from './measures';
export type { Measure, MeasureKind, MeasureStatus, MeasureEvent, MeasureInput } from './measures';
