import type { CaseChange } from './case-events';
import { proposalRound, type Case, type EvaluationInput, type PerpetratorResponseInput } from './case-model';
import type { CaseCommandKind } from './case-preconditions';
import { agreeToMeasures, approveMeasures, proposeMeasures, sendBackProposal } from './case-proposal';
import { closeCase, completeTask, recordLabourInspectorateWarned, recordMeetingHeld, recordPerpetratorResponse } from './case-records';
import { takeCase } from './case-transition';
import { involveCoordinator } from './coordinator-support';
import type { Directory } from './directory';
import { DomainError } from './errors';
import { addInformedPerson, removeInformedPerson } from './informed-people';
import { recordMeetingReport, type MeetingReportInput } from './meeting-report';
import { recordPoliceReport, type PoliceRecordInput } from './police-record';
import { adjustRestrictions, recordRestrictionsConfirmed, type RestrictionAdjustmentInput, type RestrictionsClosingDecision } from './restrictions';
import type { WorkingDayCalendar } from './working-days';
import type { MeasureInput } from './measures';
import type { MeetingKind } from './meeting-kinds';
import { completePoliceForm } from './police-facts';
import type { PoliceFormCompletions } from './seven-ws';
import { setChecklistSteps, tickChecklistStep, untickChecklistStep, type PoliceChecklistStep } from './police-checklist';

/** What a handler or the office holder asks for with a card button, already parsed from the card's data. */
export type CaseCommand =
  | { kind: 'take' }
  /** `noDamageRecoveryReason`: why reported damage is not recovered (required then, see damage-recovery.ts). */
  | { kind: 'proposeMeasures'; items: MeasureInput[]; noDamageRecoveryReason?: string }
  /** `round`: the proposal the card showed (an older card must not agree to a newer proposal). */
  | { kind: 'agreeMeasures'; comment?: string; round?: number }
  | { kind: 'sendBackMeasures'; comment: string; round?: number }
  | { kind: 'approveMeasures' }
  | { kind: 'tickChecklistStep'; step: PoliceChecklistStep }
  | { kind: 'untickChecklistStep'; step: PoliceChecklistStep }
  /** The checklist form: `ticked` are the steps shown as done when it was saved; every other step is open. */
  | { kind: 'setChecklist'; ticked: PoliceChecklistStep[] }
  | { kind: 'completePoliceForm'; completions: PoliceFormCompletions }
  | { kind: 'recordInspectorateWarned' }
  | { kind: 'recordMeetingHeld'; meetingKind: MeetingKind; heldAt: Date }
  | { kind: 'recordResponse'; response: PerpetratorResponseInput }
  | { kind: 'completeTask'; taskId: string }
  | { kind: 'close'; evaluation: EvaluationInput; restrictions?: RestrictionsClosingDecision }
  | { kind: 'recordPoliceReport'; record: PoliceRecordInput }
  | { kind: 'adjustRestrictions'; adjustment: RestrictionAdjustmentInput }
  | { kind: 'recordRestrictionsConfirmed'; sentOn: Date }
  | { kind: 'recordMeetingReport'; report: MeetingReportInput }
  | { kind: 'addInformed'; aadObjectId: string }
  | { kind: 'removeInformed'; aadObjectId: string }
  | { kind: 'involveCoordinator' };

/** What some commands need besides the case: the working days (police deadlines) and the directory (informed people). */
export interface CommandContext {
  readonly calendar: WorkingDayCalendar;
  readonly directory: Pick<Directory, 'informedPeople' | 'informedMembers'>;
}

/** Compile-time check that CASE_COMMAND_KINDS (the preconditions) and CaseCommand (the operations) name the same commands. */
type SameKinds = [CaseCommandKind] extends [CaseCommand['kind']] ? ([CaseCommand['kind']] extends [CaseCommandKind] ? true : false) : false;
export const COMMANDS_MATCH_PRECONDITIONS: SameKinds = true;

/** Gives a command to the case as `by` at `now`: the named operation for it, with its events. Throws DomainError when refused. */
export function applyCommand(c: Case, by: string, command: CaseCommand, now: Date, context: CommandContext): CaseChange {
  switch (command.kind) {
    case 'take':
      return takeCase(c, by, now);
    case 'proposeMeasures':
      return proposeMeasures(c, by, command.items, now, { calendar: context.calendar, ...(command.noDamageRecoveryReason ? { noDamageRecoveryReason: command.noDamageRecoveryReason } : {}) });
    case 'agreeMeasures':
      assertCurrentProposal(c, command.round);
      return agreeToMeasures(c, by, now, command.comment);
    case 'sendBackMeasures':
      assertCurrentProposal(c, command.round);
      return sendBackProposal(c, by, command.comment, now);
    case 'approveMeasures':
      return approveMeasures(c, by, now);
    case 'tickChecklistStep':
      return tickChecklistStep(c, command.step, by, now);
    case 'untickChecklistStep':
      return untickChecklistStep(c, command.step, by, now);
    case 'setChecklist':
      return setChecklistSteps(c, command.ticked, by, now);
    case 'completePoliceForm':
      return completePoliceForm(c, command.completions, by, now);
    case 'recordInspectorateWarned':
      return recordLabourInspectorateWarned(c, by, now);
    case 'recordMeetingHeld':
      return recordMeetingHeld(c, command.meetingKind, by, command.heldAt, now);
    case 'recordResponse':
      return recordPerpetratorResponse(c, command.response, by, now);
    case 'completeTask':
      return completeTask(c, command.taskId, by, now);
    case 'close':
      return closeCase(c, by, now, command.evaluation, command.restrictions);
    case 'recordPoliceReport':
      return recordPoliceReport(c, command.record, by, now, context.calendar);
    case 'adjustRestrictions':
      return adjustRestrictions(c, command.adjustment, by, now);
    case 'recordRestrictionsConfirmed':
      return recordRestrictionsConfirmed(c, command.sentOn, by, now);
    case 'recordMeetingReport':
      return recordMeetingReport(c, command.report, by, now);
    case 'addInformed':
      return addInformedPerson(c, command.aadObjectId, by, now, context.directory);
    case 'removeInformed':
      return removeInformedPerson(c, command.aadObjectId, by, now, context.directory);
    case 'involveCoordinator':
      return involveCoordinator(c, by, now);
  }
}

/** An answer from an older proposal card must not count for a newer proposal the person never saw. */
function assertCurrentProposal(c: Case, round: number | undefined): void {
  if (round !== undefined && round !== proposalRound(c)) {
    throw new DomainError('CASE.PROPOSAL_REPLACED', { detail: `round ${round} of ${proposalRound(c)}` });
  }
}
