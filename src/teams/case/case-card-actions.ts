/** The forms and buttons of the handler's case card: shown exactly when the domain allows the command (allowedCommands). */
import { DateTime } from 'luxon';
import { allowedCommands, type Case, EVALUATION_LABELS, EVALUATION_QUESTIONS, MEETING_KIND_LABELS, MEETING_KINDS, NO_RESPONSE_REASON_LABELS, NO_RESPONSE_REASONS } from '../../domain/case';
import { MEASURE_KIND_LABELS, MEASURE_KINDS, type MeasureKind, suggestMeasures } from '../../domain/measures';
import { TEXT_LIMITS } from '../../domain/report';
import { AMSTERDAM, amsterdamDate } from '../../domain/working-days';
import { type CaseCardOptions } from './case-card';
import { levelTitle, sentBackComment } from './case-view-parts';

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
  return {
    canTake: allowed.has('take'),
    canPropose,
    suggestionText: canPropose ? suggestionText(c, options.earlierCasesOfPerpetrator, suggested) : '',
    measureChoices: canPropose ? MEASURE_KINDS.map((kind) => ({ title: MEASURE_KIND_LABELS[kind], value: kind })) : [],
    measuresValue: canPropose ? prefill.join(',') : '',
    restrictionsMin: canPropose ? (DateTime.fromJSDate(now, { zone: AMSTERDAM }).plus({ days: 1 }).toISODate() ?? '') : '',
    canApprove: allowed.has('approveMeasures'),
    canRecordResponse: mayWork,
    responseActionTitle: c.perpetratorResponse === undefined ? 'Reactie vastleggen' : 'Reactie wijzigen',
    noResponseReasons: mayWork ? NO_RESPONSE_REASONS.map((reason) => ({ title: NO_RESPONSE_REASON_LABELS[reason], value: reason })) : [],
    canRecordMeeting: allowed.has('recordMeetingHeld'),
    canPlanMeeting: mayWork,
    meetingKinds: mayWork ? MEETING_KINDS.map((kind) => ({ title: MEETING_KIND_LABELS[kind], value: kind })) : [],
    heldOnMin: mayWork ? amsterdamDate(new Date(c.report.incidentAt)) : '',
    heldOnMax: mayWork ? amsterdamDate(now) : '',
    canClose,
    closeHint: closeHint(c, canClose, mayWork),
    evaluationQuestions: canClose
      ? EVALUATION_QUESTIONS.map((q) => ({ id: q, title: EVALUATION_LABELS[q].title, question: EVALUATION_LABELS[q].question, maxLength: TEXT_LIMITS.medium }))
      : [],
    textMaxLength: TEXT_LIMITS.medium,
  };
}
