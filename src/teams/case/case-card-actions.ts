/** The forms and buttons of the handler's case card: shown exactly when the domain allows the command (allowedCommands). */
import { DateTime } from 'luxon';
import { allowedCommands, type Case, EVALUATION_LABELS, EVALUATION_QUESTIONS, MEETING_KIND_LABELS, MEETING_KINDS, NO_RESPONSE_REASONS } from '../../domain/case';
import { NO_RESPONSE_REASON_LABELS } from '../../copy/case.copy';
import { MEASURE_KIND_LABELS, MEASURE_KINDS, type MeasureKind, suggestMeasures } from '../../domain/measures';
import { TEXT_LIMITS } from '../../domain/report';
import { AMSTERDAM, amsterdamDate } from '../../domain/working-days';
import { type CaseCardOptions } from './case-card';
import { levelTitle, sentBackComment } from './case-view-parts';
import { toInputValue } from '../cards/escape';

/**
 * The measures form as the handler sent it, when the server refused it: the card shows the form open
 * with every typed value and each Dutch error under its own field.
 */
export interface ProposalFormState {
  /** Comma-joined MeasureKinds as sent (unknown values are dropped when shown). */
  measures: string;
  description: string;
  /** yyyy-MM-dd as sent, or ''. */
  restrictionsEndOn: string;
  errors: { measures?: string; description?: string; restrictionsEndOn?: string };
}

/**
 * The end date prefilled when the suggestion holds restrictive measures: three months from today. The
 * guide sets no period (the measures last until the herstelgesprek shows contact can resume safely);
 * three months is long enough to matter and short enough that the herstelgesprek comes while the
 * incident is fresh. The handler agrees the real date with the office holder and changes it here.
 */
export const RESTRICTIONS_DEFAULT_MONTHS = 3;

/** The forms and buttons of the case card; every flag is the domain's answer (allowedCommands). */
export interface CaseCardActionsViewModel {
  canTake: boolean;
  canPropose: boolean;
  suggestionText: string;
  measureChoices: { title: string; value: string }[];
  /** Comma-joined MeasureKinds prefilled in the proposal form. */
  measuresValue: string;
  /** Earliest end date of restrictive measures (tomorrow, Amsterdam), yyyy-MM-dd. */
  restrictionsMin: string;
  /** Prefilled end date (yyyy-MM-dd): RESTRICTIONS_DEFAULT_MONTHS ahead when restrictive measures are prefilled, or what was typed. */
  restrictionsEndValue: string;
  /** The end date is required while restrictive measures are prefilled (the card cannot follow the ticks). */
  restrictionsRequired: boolean;
  restrictionsHint: string;
  measureDescriptionValue: string;
  /** Errors from the server, shown under their fields; '' when none. */
  measuresError: string;
  restrictionsEndError: string;
  descriptionError: string;
  /** True after a refused proposal: the form is shown open (not behind its button) with what was typed. */
  proposalFormOpen: boolean;
  canApprove: boolean;
  canRecordResponse: boolean;
  responseActionTitle: string;
  noResponseReasons: { title: string; value: string }[];
  canRecordMeeting: boolean;
  canPlanMeeting: boolean;
  meetingKinds: { title: string; value: string }[];
  /** Date limits of the "held on" input, yyyy-MM-dd: the incident day up to today. */
  heldOnMin: string;
  heldOnMax: string;
  canClose: boolean;
  closeHint: string;
  evaluationQuestions: { id: string; title: string; question: string; maxLength: number }[];
  textMaxLength: number;
}

function suggestionText(c: Case, earlier: number, suggested: readonly MeasureKind[]): string {
  const basis = `niveau ${levelTitle(c.report)}`;
  const repeat = earlier > 0 && c.perpetratorKeys.length > 0 ? ' en recidive (zwaarder dan een waarschuwing)' : '';
  return `Suggestie op basis van ${basis}${repeat}: ${suggested.map((k) => MEASURE_KIND_LABELS[k]).join(', ')}. Pas het voorstel aan waar nodig; de betrokkene krijgt het ter instemming.`;
}

function closeHint(c: Case, canClose: boolean, mayWork: boolean): string {
  if (canClose || !mayWork) return '';
  if (c.status === 'measuresApproved') {
    return 'Leg eerst de reactie richting de pleger vast (of waarom die niet mogelijk was); daarna kun je de zaak afsluiten met de evaluatie.';
  }
  return 'Afsluiten kan als de maatregelen zijn vastgesteld en de reactie richting de pleger is vastgelegd, '
    + 'of eerder als is vastgelegd dat geen reactie mogelijk was.';
}

/** The forms and buttons for a handler of the desk: each one exactly when the domain allows its command now. */
export function actionsPart(c: Case, options: CaseCardOptions): CaseCardActionsViewModel {
  const now = options.now;
  const allowed = allowedCommands(c, 'handler');
  // Recording a response or a meeting, and planning one, need the same: a taken, open case.
  const mayWork = allowed.has('recordResponse');
  const canPropose = allowed.has('proposeMeasures');
  const canClose = allowed.has('close');
  const suggested = suggestMeasures(c.report, c.perpetratorKeys.length === 0 ? 0 : options.earlierCasesOfPerpetrator);
  // After a send-back the handler adjusts the earlier proposal rather than starting over.
  const prefill = sentBackComment(c) !== undefined && c.measures.length > 0 ? c.measures.map((m) => m.kind) : suggested;
  const form = canPropose ? options.proposalForm : undefined;
  const formKinds = form === undefined ? prefill : form.measures.split(',').map((v) => v.trim()).filter((v): v is MeasureKind => (MEASURE_KINDS as readonly string[]).includes(v));
  const withRestrictions = formKinds.includes('restrictiveMeasures');
  const today = DateTime.fromJSDate(now, { zone: AMSTERDAM });
  // A sent-back proposal keeps its end date while that is still ahead.
  const earlierEnd = c.measures.find((m) => m.kind === 'restrictiveMeasures')?.endsAt;
  const defaultEnd = earlierEnd !== undefined && earlierEnd.getTime() > now.getTime() ? amsterdamDate(earlierEnd) : (today.plus({ months: RESTRICTIONS_DEFAULT_MONTHS }).toISODate() ?? '');
  return {
    canTake: allowed.has('take'),
    canPropose,
    suggestionText: canPropose ? suggestionText(c, options.earlierCasesOfPerpetrator, suggested) : '',
    measureChoices: canPropose ? MEASURE_KINDS.map((kind) => ({ title: MEASURE_KIND_LABELS[kind], value: kind })) : [],
    measuresValue: canPropose ? formKinds.join(',') : '',
    restrictionsMin: canPropose ? (today.plus({ days: 1 }).toISODate() ?? '') : '',
    restrictionsEndValue: !canPropose ? '' : form !== undefined ? toInputValue(form.restrictionsEndOn, 10) : withRestrictions ? defaultEnd : '',
    restrictionsRequired: canPropose && withRestrictions,
    restrictionsHint: canPropose
      ? `Verplicht bij beperkende maatregelen of contactafspraken (voorstel: ${RESTRICTIONS_DEFAULT_MONTHS} maanden). Op die datum is het herstelgesprek aan de orde.`
      : '',
    measureDescriptionValue: toInputValue(form?.description, TEXT_LIMITS.medium),
    measuresError: form?.errors.measures ?? '',
    restrictionsEndError: form?.errors.restrictionsEndOn ?? '',
    descriptionError: form?.errors.description ?? '',
    proposalFormOpen: form !== undefined,
    canApprove: allowed.has('approveMeasures'),
    canRecordResponse: mayWork,
    responseActionTitle: c.perpetratorResponse === undefined ? 'Reactie vastleggen' : 'Reactie wijzigen',
    noResponseReasons: mayWork ? NO_RESPONSE_REASONS.map((reason) => ({ title: NO_RESPONSE_REASON_LABELS[reason], value: reason })) : [],
    canRecordMeeting: allowed.has('recordMeetingHeld'),
    canPlanMeeting: mayWork,
    // A closed case that kept its restrictions running can still record its herstelgesprek, and only that.
    meetingKinds: (mayWork ? MEETING_KINDS : allowed.has('recordMeetingHeld') ? (['restorationMeeting'] as const) : []).map((kind) => ({ title: MEETING_KIND_LABELS[kind], value: kind })),
    heldOnMin: mayWork || allowed.has('recordMeetingHeld') ? amsterdamDate(new Date(c.report.incidentAt)) : '',
    heldOnMax: mayWork || allowed.has('recordMeetingHeld') ? amsterdamDate(now) : '',
    canClose,
    closeHint: closeHint(c, canClose, mayWork),
    evaluationQuestions: canClose
      ? EVALUATION_QUESTIONS.map((q) => ({ id: q, title: EVALUATION_LABELS[q].title, question: EVALUATION_LABELS[q].question, maxLength: TEXT_LIMITS.medium }))
      : [],
    textMaxLength: TEXT_LIMITS.medium,
  };
}
