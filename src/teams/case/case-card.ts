/**
 * The case card in the desk's channel: the full case with its actions for a handler of the desk, the
 * need-to-know facts for anyone else. Which buttons show is asked of the domain (allowedCommands), the
 * same answer the server gives when a button is pressed.
 */
import { CASE_STATUS_LABELS, NO_RESPONSE_REASON_LABELS } from '../../copy/case.copy';
import { allowedCommands, type Case, EVALUATION_LABELS, EVALUATION_QUESTIONS, MEETING_KIND_LABELS, type CaseCommandKind } from '../../domain/case';
import { formatDutchDate, formatDutchDateTime } from '../../copy/dates.copy';
import { policeChecklistItems } from '../../domain/police-checklist';
import { CRIMINAL_OFFENCE_ANSWER_LABELS, type IncidentReport, INJURY_LABELS, TEXT_LIMITS } from '../../domain/report';
import { INCIDENT_KIND_LABELS, PERPETRATOR_TYPE_LABELS } from '../../copy/report.copy';
import { HANDLER_ROLE_LABELS, OFFICE_HOLDER_ROLE_LABELS } from '../../domain/roles';
import { toCardText, toInputValue } from '../cards/escape';
import type { CaseHistoryRecord } from '../../app/case-history';
import { policeFormFields } from '../../copy/police-form.copy';
import { SEVEN_W_MAX_LENGTH } from '../../domain/seven-ws';
import { SEVEN_W_LABELS } from '../../copy/follow-up.copy';
import { actionsPart, type CaseCardActionsViewModel, type ProposalFormState } from './case-card-actions';
import { historyLines } from './case-history-view';
import { CASE_CARD_TEXT_MAX, CASE_CARD_VIEW_MODEL_BUDGET, MEETINGS_MAX, MIN_TEXT_LIMIT, type TextLimits } from './case-card-contract';
import { type CaseDeadlineViewModel, type CaseViewer, deadlinesOf, type FactViewModel, levelTitle, measureList, type MeasureViewModel, organisationName, placeText, quoted, refreshIds, sentBackComment, shortDateTime } from './case-view-parts';
import { EMPTY_FOLLOW_UP, followUpPart, type FollowUpViewModel, type InformedView } from './follow-up-view';
import { type PlannedMeetingInfo, plannedMeetingsPart, type PlannedMeetingViewModel } from './planned-meetings-view';
import type { RecidiveOverview } from '../../app/recidive';
import { recidivePart, type RecidiveViewModel } from './recidive-view';
import { behaviourDomainsText } from '../../copy/behaviour-domains.copy';

/** Who looks at the case card, when, and what it needs besides the case. */
export interface CaseCardOptions {
  viewer: CaseViewer;
  now: Date;
  /** From countEarlierCases: earlier cases of the same perpetrator in the same organisation. */
  earlierCasesOfPerpetrator: number;
  /** Teams user ids ("29:…", not AAD object ids) whose card refreshes automatically; at most 60 are used. */
  refreshUserIds: string[];
  /** Dutch line shown on top, e.g. that someone else just updated the case. */
  notice?: string;
  /** Display name of the handler who took the case, when known. */
  handlerName?: string;
  /** Meetings planned with the perpetrator (issue 5), for the handler view; none when absent. */
  meetings?: readonly PlannedMeetingInfo[];
  /** The case's history rows, oldest first: "Geschiedenis" (absent: the status changes on the case are shown). */
  history?: readonly CaseHistoryRecord[];
  /** Display names from the directory, for the history; absent: only `handlerName` is known. */
  nameOf?: (aadObjectId: string) => string | undefined;
  /** The measures form as the handler sent it, with the server's errors: shown open, nothing typed lost. */
  proposalForm?: ProposalFormState;
  /** The informed people and whom the handler could add, from the directory; no informed part when absent. */
  informed?: InformedView;
  /** Recidive for the handler (suggestions, dossier, count elsewhere): recidive-view.ts. */
  recidive?: RecidiveOverview;
}


/** One row of the police checklist. */
export interface ChecklistRowViewModel {
  step: number;
  /** "☐ 4. Doe een melding …" or "☑ 3. Maak een afspraak … (gedaan op 30-11-2026 11:10)". */
  label: string;
  /** The same without the box and the date, for the toggle: "3. Maak een afspraak met de politie". */
  toggleTitle: string;
  /** The toggle's input id, `checklistStep<step>`; its value is 'true' or 'false'. */
  inputId: string;
  toggleValue: 'true' | 'false';
  done: boolean;
  canTick: boolean;
  canUntick: boolean;
}

/** One of the 7 W's the handler can complete at checklist step 2. */
export interface PoliceFactViewModel {
  /** The input id: `policeFact_<w>`. */
  id: string;
  label: string;
  question: string;
  /** What the handler added before (escaped for the card). */
  value: string;
  maxLength: number;
}

/** One handler task (e.g. inform the Minister of BZK). */
export interface TaskViewModel {
  taskId: string;
  title: string;
  done: boolean;
  doneText: string;
  canComplete: boolean;
}



/** Data bound to cards/case-card.json. */
export interface CaseCardViewModel extends CaseCardActionsViewModel, FollowUpViewModel, RecidiveViewModel {
  caseId: string;
  refreshUserIds: string[];
  notice: string;
  /** True only for a handler of the case's desk: everything below `facts` is empty otherwise. */
  isHandlerView: boolean;
  /** The line explaining a view without details; '' in the handler view. */
  readOnlyText: string;
  caseNumber: string;
  status: string;
  closed: boolean;
  facts: FactViewModel[];
  deadlines: CaseDeadlineViewModel[];
  anyOverdue: boolean;
  // Handler view only from here.
  details: { title: string; text: string }[];
  perpetratorLines: string[];
  earlierCasesText: string;
  isRepeatPerpetrator: boolean;
  measuresStateText: string;
  measures: MeasureViewModel[];
  measuresNote: string;
  sentBackComment: string;
  hasChecklist: boolean;
  checklistProgress: string;
  checklist: ChecklistRowViewModel[];
  /** The folding button of the checklist, short enough for a phone: "Stappenplan politie (3 van 9 gedaan)". */
  checklistTitle: string;
  /** The toggles and their "Opslaan" show (the domain allows ticking). */
  canEditChecklist: boolean;
  canCompletePoliceFacts: boolean;
  policeFacts: PoliceFactViewModel[];
  /** "Politieformulier": the PDF to the handler's own 1:1 chat (checked again on the server). */
  canSendPoliceForm: boolean;
  /** The headline facts stay on top; these fold with the report ("Melding en pleger"). */
  reportFacts: FactViewModel[];
  showInspectorate: boolean;
  inspectorateText: string;
  canRecordInspectorate: boolean;
  tasks: TaskViewModel[];
  meetingsHeld: string[];
  /** Meetings planned with the perpetrator, earliest first: every planned one. */
  plannedMeetings: PlannedMeetingViewModel[];
  /** Cancelled meetings, in a folded list of their own. */
  cancelledMeetings: PlannedMeetingViewModel[];
  cancelledMeetingsTitle: string;
  responseText: string;
  evaluation: { title: string; answer: string }[];
  meetingsTitle: string;
  /** One line per change, newest first: "30-11-2026 10:30 · Maatregelen voorgesteld · Peter Jansen". */
  history: string[];
  /** "en 4 eerdere wijzigingen", or ''. */
  historyOmittedText: string;
  historyTitle: string;
}

const READ_ONLY_TEXT = 'Alleen de afhandelaars van deze zaak zien de details en kunnen de zaak behandelen.';
const OFFICE_HOLDER_NOTICE = 'Dit is je eigen melding. De voortgang volg je in je chat met de bot.';

/** Builds the case card for the handler channel: the full case with its actions for a handler, the need-to-know facts for anyone else. */
export function caseCardViewModel(c: Case, options: CaseCardOptions): CaseCardViewModel {
  const full = buildCaseCard(c, options, CASE_CARD_TEXT_MAX);
  const fullSize = byteSize(full);
  if (fullSize <= CASE_CARD_VIEW_MODEL_BUDGET) return full;
  // Only user texts shrink: what the card needs anyway (labels, ids, forms) is measured with one-character texts.
  const fixedSize = byteSize(buildCaseCard(c, options, { description: 1, text: 1, comment: 1, name: 1 }));
  let factor = Math.max(0, CASE_CARD_VIEW_MODEL_BUDGET - fixedSize) / (fullSize - fixedSize);
  let viewModel = buildCaseCard(c, options, scaleLimits(CASE_CARD_TEXT_MAX, factor));
  for (let round = 0; round < 5 && byteSize(viewModel) > CASE_CARD_VIEW_MODEL_BUDGET; round += 1) {
    factor *= 0.8;
    viewModel = buildCaseCard(c, options, scaleLimits(CASE_CARD_TEXT_MAX, factor));
  }
  return viewModel;
}

function byteSize(viewModel: object): number {
  return Buffer.byteLength(JSON.stringify(viewModel), 'utf8');
}

function scaleLimits(limits: TextLimits, factor: number): TextLimits {
  const scale = (limit: number): number => Math.max(MIN_TEXT_LIMIT, Math.floor(limit * factor));
  return { description: scale(limits.description), text: scale(limits.text), comment: scale(limits.comment), name: scale(limits.name) };
}

function buildCaseCard(c: Case, options: CaseCardOptions, limits: TextLimits): CaseCardViewModel {
  const deadlines = deadlinesOf(c, options.now);
  const noticeText = options.notice ?? (options.viewer === 'officeHolder' ? OFFICE_HOLDER_NOTICE : '');
  const common = {
    caseId: c.id,
    refreshUserIds: refreshIds(options.refreshUserIds),
    notice: toCardText(noticeText, limits.text),
    caseNumber: toCardText(c.caseNumber, 40),
    status: CASE_STATUS_LABELS[c.status],
    closed: c.status === 'closed',
    deadlines,
    anyOverdue: deadlines.some((d) => d.overdue),
    ...recidivePart(c.id, options.viewer === 'handler' ? options.recidive : undefined),
  };
  if (options.viewer !== 'handler') {
    // Need-to-know: nothing about the office holder's identity, the incident or the perpetrator.
    // Not the deadlines either: "Arbeidsinspectie" betrays an injury, "politie" a suspected crime,
    // and the due times the moment of the incident. Only whether something is overdue.
    return {
      ...common,
      deadlines: [],
      ...EMPTY_HANDLER_PART,
      isHandlerView: false,
      readOnlyText: READ_ONLY_TEXT,
      facts: [
        { title: 'Status', value: common.status },
        { title: 'Organisatie', value: organisationName(c.organisationId) },
        { title: 'Niveau', value: levelTitle(c.report) },
        { title: 'Gemeld op', value: formatDutchDate(c.registeredAt) },
        { title: 'Termijnen', value: common.closed ? 'Afgerond' : common.anyOverdue ? '⚠️ Er is een termijn verstreken' : 'Lopen nog' },
      ],
    };
  }
  const allowed = allowedCommands(c, 'handler');
  return {
    ...common,
    isHandlerView: true,
    readOnlyText: '',
    ...handlerFacts(c, options, limits),
    details: reportDetails(c.report, limits),
    ...perpetratorPart(c, options.earlierCasesOfPerpetrator, limits),
    ...measuresPart(c, limits),
    ...checklistPart(c, allowed),
    ...policeFactsPart(c, allowed),
    canSendPoliceForm: c.policeChecklist !== undefined,
    ...inspectoratePart(c, allowed),
    tasks: c.tasks.map((task): TaskViewModel => ({
      taskId: task.id,
      title: toCardText(task.title, CASE_CARD_TEXT_MAX.text),
      done: task.status === 'done',
      doneText: task.completedAt === undefined ? '' : `✓ Gedaan op ${shortDateTime(task.completedAt)}`,
      canComplete: task.status === 'open' && allowed.has('completeTask'),
    })),
    meetingsHeld: [...c.meetings]
      .sort((a, b) => a.heldAt.getTime() - b.heldAt.getTime())
      .slice(-MEETINGS_MAX)
      .map((m) => `${MEETING_KIND_LABELS[m.kind]} gevoerd op ${shortDateTime(m.heldAt)}`),
    ...plannedMeetingsPart(c, options.meetings, limits),
    meetingsTitle: meetingsTitle(c, options.meetings),
    responseText: responseText(c, limits),
    evaluation: c.evaluation === undefined
      ? []
      : EVALUATION_QUESTIONS.map((q) => ({ title: EVALUATION_LABELS[q].title, answer: toCardText(c.evaluation?.[q], limits.text) })),
    ...historyPart(c, options, limits),
    ...actionsPart(c, options),
    ...followUpPart(c, allowed, options.now, limits, options.informed),
  };
}

/** The handler-only part of the view-model, empty: the read-only views carry no case details at all. */
const EMPTY_HANDLER_PART = {
  details: [],
  perpetratorLines: [],
  earlierCasesText: '',
  isRepeatPerpetrator: false,
  measuresStateText: '',
  measures: [],
  measuresNote: '',
  sentBackComment: '',
  hasChecklist: false,
  checklistProgress: '',
  checklist: [],
  checklistTitle: '',
  canEditChecklist: false,
  canCompletePoliceFacts: false,
  policeFacts: [],
  canSendPoliceForm: false,
  reportFacts: [],
  meetingsTitle: '',
  historyTitle: '',
  measureDescriptionValue: '',
  restrictionsEndValue: '',
  restrictionsRequired: false,
  restrictionsHint: '',
  measuresError: '',
  restrictionsEndError: '',
  descriptionError: '',
  proposalFormOpen: false,
  showInspectorate: false,
  inspectorateText: '',
  canRecordInspectorate: false,
  tasks: [],
  meetingsHeld: [],
  plannedMeetings: [],
  cancelledMeetings: [],
  cancelledMeetingsTitle: '',
  responseText: '',
  evaluation: [],
  history: [],
  historyOmittedText: '',
  canTake: false,
  canPropose: false,
  suggestionText: '',
  measureChoices: [],
  measuresValue: '',
  restrictionsMin: '',
  canApprove: false,
  canRecordResponse: false,
  responseActionTitle: '',
  noResponseReasons: [],
  canRecordMeeting: false,
  canPlanMeeting: false,
  meetingKinds: [],
  heldOnMin: '',
  heldOnMax: '',
  canClose: false,
  closeHint: '',
  evaluationQuestions: [],
  textMaxLength: TEXT_LIMITS.medium,
  ...EMPTY_FOLLOW_UP,
} as const satisfies Partial<CaseCardViewModel>;

function handlerFacts(c: Case, options: CaseCardOptions, limits: TextLimits): Pick<CaseCardViewModel, 'facts' | 'reportFacts'> {
  const report = c.report;
  const handlerName = toCardText((options.handlerName ?? (c.handler ? options.nameOf?.(c.handler.aadObjectId) : undefined))?.trim(), limits.name);
  const damage = [report.damage.propertyDamage ? 'Schade aan eigendommen' : '', report.damage.absenceFromWork ? 'Verzuim' : ''].filter((d) => d !== '');
  const facts: FactViewModel[] = [
    { title: 'Status', value: CASE_STATUS_LABELS[c.status] },
    { title: 'Gemeld door', value: `${toCardText(c.officeHolder.name, limits.name)} (${OFFICE_HOLDER_ROLE_LABELS[c.officeHolder.role]}, ${organisationName(c.organisationId)})` },
    { title: 'Gemeld op', value: formatDutchDateTime(c.registeredAt) },
    {
      title: 'Afhandelaar',
      value: c.handler === undefined
        ? `Nog niet in behandeling (${HANDLER_ROLE_LABELS[c.route.handler.role]})`
        : `${handlerName === '' ? 'In behandeling' : `In behandeling bij ${handlerName}`} sinds ${formatDutchDateTime(c.handler.takenAt)}`,
    },
    { title: 'Niveau', value: levelTitle(report) },
    { title: 'Wanneer', value: formatDutchDateTime(new Date(report.incidentAt)) },
  ];
  const reportFacts: FactViewModel[] = [
    { title: 'Soort', value: report.kinds.map((k) => INCIDENT_KIND_LABELS[k]).join(', ') },
    { title: 'Vlak', value: behaviourDomainsText(report) },
    { title: 'Waar', value: placeText(report, limits) },
    { title: 'Strafbaar feit vermoed', value: CRIMINAL_OFFENCE_ANSWER_LABELS[report.criminalOffenceSuspected] },
    { title: 'Letsel', value: report.injury.length === 0 ? 'Geen' : report.injury.map((i) => INJURY_LABELS[i]).join(', ') },
    { title: 'Schade', value: damage.length === 0 ? 'Geen' : damage.join(', ') },
    { title: 'Hinder ervaren', value: report.feltHindered ? 'Ja' : 'Nee' },
    { title: 'Bewijs', value: report.evidence.files.length === 0 ? 'Geen bestanden' : report.evidence.files.length === 1 ? '1 bestand' : `${report.evidence.files.length} bestanden` },
  ];
  return { facts, reportFacts };
}

function reportDetails(report: IncidentReport, limits: TextLimits): { title: string; text: string }[] {
  const rows: [string, string | undefined, number][] = [
    ['Wat er gebeurde', report.description, limits.description],
    ['Waarom (volgens de betrokkene)', report.motive, limits.text],
    ['Getuigen', report.witnesses, limits.text],
    ['Originelen van het bewijs', report.evidence.keptOriginals, limits.text],
    ['Schade', report.damage.description, limits.text],
    ['Wensen voor nazorg', report.aftercareWishes, limits.text],
  ];
  return rows
    .map(([title, text, max]) => ({ title, text: toCardText(text, max) }))
    .filter((row) => row.text !== '');
}

function perpetratorPart(c: Case, earlier: number, limits: TextLimits): Pick<CaseCardViewModel, 'perpetratorLines' | 'earlierCasesText' | 'isRepeatPerpetrator'> {
  const p = c.report.perpetrator;
  const lines = [
    `${PERPETRATOR_TYPE_LABELS[p.type]}, ${p.known ? 'bekend bij de betrokkene' : 'onbekend bij de betrokkene'}`,
    p.name === undefined ? '' : `Naam of account: ${toCardText(p.name, limits.name)}`,
    p.characteristics === undefined ? '' : `Kenmerken: ${toCardText(p.characteristics, limits.text)}`,
    p.licencePlate === undefined ? '' : `Kenteken: ${toCardText(p.licencePlate, 40)}`,
  ].filter((line) => line !== '');
  const organisation = organisationName(c.organisationId);
  const count = Math.max(0, Math.floor(earlier));
  let earlierCasesText: string;
  if (c.perpetratorKeys.length === 0) {
    earlierCasesText = 'Niet na te gaan of deze pleger eerder voorkwam: er is geen naam of kenteken bekend.';
  } else if (count === 0) {
    earlierCasesText = `Geen bevestigde eerdere zaken met deze pleger bij ${organisation}.`;
  } else {
    earlierCasesText = `⚠️ Recidive: deze pleger komt voor in ${count === 1 ? '1 eerdere zaak' : `${count} eerdere zaken`} bij ${organisation}.`;
  }
  return { perpetratorLines: lines, earlierCasesText, isRepeatPerpetrator: count > 0 && c.perpetratorKeys.length > 0 };
}

function measuresPart(c: Case, limits: TextLimits): Pick<CaseCardViewModel, 'measuresStateText' | 'measures' | 'measuresNote' | 'sentBackComment'> {
  const proposedAt = c.measureHistory.filter((e) => e.action === 'proposed').at(-1)?.at;
  const comment = sentBackComment(c);
  let state: string;
  switch (c.status) {
    case 'submitted':
      state = 'Neem de zaak eerst in behandeling; daarna stel je maatregelen voor.';
      break;
    case 'inProgress':
      state = comment !== undefined
        ? 'De betrokkene heeft het voorstel teruggestuurd. Pas het aan en stel het opnieuw voor.'
        : 'Nog geen maatregelen voorgesteld. Stel ze voor in overleg met de betrokkene, bij voorkeur binnen 72 uur na het incident.';
      break;
    case 'measuresProposed':
      state = `Voorgesteld${proposedAt === undefined ? '' : ` op ${formatDutchDateTime(proposedAt)}`}; wacht op de reactie van de betrokkene.`;
      break;
    case 'measuresAgreed':
      state = 'De betrokkene is akkoord. Stel de maatregelen vast.';
      break;
    case 'measuresApproved':
      state = 'De maatregelen zijn vastgesteld.';
      break;
    case 'closed':
      state = c.measures.some((m) => m.status === 'approved') ? 'Vastgestelde maatregelen:' : 'Er zijn geen maatregelen vastgesteld.';
      break;
  }
  // A sent-back or unapproved proposal of a closed case is history, not a measure.
  const shown = c.status === 'closed' ? c.measures.filter((m) => m.status === 'approved') : c.measures;
  return {
    measuresStateText: state,
    ...measureList(shown, { each: limits.text, shared: limits.text }),
    sentBackComment: quoted(comment, limits.comment),
  };
}

function checklistPart(
  c: Case,
  allowed: ReadonlySet<CaseCommandKind>,
): Pick<CaseCardViewModel, 'hasChecklist' | 'checklistProgress' | 'checklist' | 'checklistTitle' | 'canEditChecklist'> {
  const items = policeChecklistItems(c);
  if (items === undefined) return { hasChecklist: false, checklistProgress: '', checklist: [], checklistTitle: '', canEditChecklist: false };
  const done = items.filter((item) => item.done !== undefined).length;
  return {
    hasChecklist: true,
    checklistProgress: `${done} van de ${items.length} stappen gedaan. De afhandelaar doet de melding of aangifte, nooit de betrokkene zelf.`,
    checklistTitle: `Stappenplan politie (${done} van ${items.length} gedaan)`,
    canEditChecklist: allowed.has('setChecklist'),
    checklist: items.map((item): ChecklistRowViewModel => ({
      step: item.step,
      label: item.done === undefined ? `☐ ${item.step}. ${item.label}` : `☑ ${item.step}. ${item.label} (gedaan op ${shortDateTime(item.done.at)})`,
      // The toggle shows whether it is done; when, and by whom, is in "Geschiedenis" (the card stays under Teams' size limit).
      toggleTitle: `${item.step}. ${item.label}`,
      inputId: `${CHECKLIST_INPUT_PREFIX}${item.step}`,
      toggleValue: item.done === undefined ? 'false' : 'true',
      done: item.done !== undefined,
      canTick: allowed.has('tickChecklistStep') && item.done === undefined,
      canUntick: allowed.has('untickChecklistStep') && item.done !== undefined,
    })),
  };
}

/** The 7 W's at checklist step 2: what the report says (short), and the handler's own completion to edit. */
function policeFactsPart(c: Case, allowed: ReadonlySet<CaseCommandKind>): Pick<CaseCardViewModel, 'canCompletePoliceFacts' | 'policeFacts'> {
  if (c.policeChecklist === undefined || !allowed.has('completePoliceForm')) return { canCompletePoliceFacts: false, policeFacts: [] };
  const completions = c.policeFormCompletions ?? {};
  // Only what the report lacks (or what the handler added before): the rest is already on the form.
  const fields = policeFormFields(c, {}, { now: c.registeredAt }).fields.filter((field) => field.missing || completions[field.w] !== undefined);
  return {
    canCompletePoliceFacts: fields.length > 0,
    policeFacts: fields.map((field): PoliceFactViewModel => ({
      id: `${POLICE_FACT_INPUT_PREFIX}${field.w}`,
      label: `${SEVEN_W_LABELS[field.w].label}${field.missing ? ' (ontbreekt in de melding)' : ''}`,
      question: SEVEN_W_LABELS[field.w].question,
      value: toInputValue(completions[field.w], SEVEN_W_MAX_LENGTH),
      maxLength: SEVEN_W_MAX_LENGTH,
    })),
  };
}

function meetingsTitle(c: Case, planned: readonly PlannedMeetingInfo[] | undefined): string {
  const count = c.meetings.length + (planned?.length ?? 0);
  return count === 0 ? 'Gesprekken met de pleger' : `Gesprekken met de pleger (${count})`;
}

function inspectoratePart(c: Case, allowed: ReadonlySet<CaseCommandKind>): Pick<CaseCardViewModel, 'showInspectorate' | 'inspectorateText' | 'canRecordInspectorate'> {
  if (!c.deadlines.some((d) => d.kind === 'labourInspectorate')) {
    return { showInspectorate: false, inspectorateText: '', canRecordInspectorate: false };
  }
  const warned = c.labourInspectorateWarned;
  return {
    showInspectorate: true,
    inspectorateText: warned === undefined
      ? 'Er is letsel gemeld: waarschuw de Arbeidsinspectie binnen 24 uur na het incident en leg dat hier vast.'
      : `✓ De Arbeidsinspectie is gewaarschuwd (vastgelegd op ${formatDutchDateTime(warned.at)}).`,
    // Once recorded, recording again would change nothing: no button.
    canRecordInspectorate: warned === undefined && allowed.has('recordInspectorateWarned'),
  };
}



function responseText(c: Case, limits: TextLimits): string {
  const response = c.perpetratorResponse;
  if (response === undefined) {
    return c.status === 'closed' ? '' : 'Nog niet vastgelegd. Een zaak wordt pas afgesloten met een reactie richting de pleger, of de reden waarom die niet mogelijk was.';
  }
  const on = `vastgelegd op ${formatDutchDateTime(response.recordedAt)}`;
  if (response.kind === 'given') {
    return `Gereageerd (${on}): ${toCardText(response.summary, limits.text)}`;
  }
  const explanation = toCardText(response.explanation, limits.text);
  return `Geen reactie mogelijk (${on}): ${NO_RESPONSE_REASON_LABELS[response.reason]}${explanation === '' ? '' : `. ${explanation}`}`;
}

function historyPart(c: Case, options: CaseCardOptions, limits: TextLimits): Pick<CaseCardViewModel, 'history' | 'historyOmittedText' | 'historyTitle'> {
  const handlerName = options.handlerName?.trim();
  const nameOf = (id: string): string | undefined => options.nameOf?.(id) ?? (id === c.handler?.aadObjectId ? handlerName : undefined);
  // Without the history rows (a case stored before they were kept): its status changes, the same way.
  const records: readonly CaseHistoryRecord[] = options.history ?? c.statusHistory.map((change, index) => statusChangeRecord(c, change, index));
  const { total, ...lines } = historyLines(c, records, nameOf, limits.name);
  return { ...lines, historyTitle: `Geschiedenis (${total})` };
}

/** A status change as the history record it stands for (no free text: the comment stays out). */
function statusChangeRecord(c: Case, change: Case['statusHistory'][number], index: number): CaseHistoryRecord {
  const base = { caseId: c.id, at: change.at, byAadObjectId: change.byAadObjectId, actor: change.byAadObjectId === c.officeHolder.aadObjectId ? 'officeHolder' : 'handler', revision: index + 1, sequence: 1 } as const;
  const round = Math.max(1, c.measureHistory.filter((e) => e.action === 'proposed' && e.at.getTime() <= change.at.getTime()).length);
  switch (change.status) {
    case 'submitted': return { ...base, type: 'caseSubmitted', organisationId: c.organisationId, officeHolderRole: c.officeHolder.role, handlerRole: c.route.handler.role, level: c.report.level };
    case 'inProgress': return c.statusHistory[index - 1]?.status === 'measuresProposed' ? { ...base, type: 'proposalSentBack', round } : { ...base, type: 'caseTaken' };
    case 'measuresProposed': return { ...base, type: 'measuresProposed', round, measureKinds: c.measures.length > 0 ? c.measures.map((m) => m.kind) : ['writtenWarning'] };
    case 'measuresAgreed': return { ...base, type: 'measuresAgreed', round };
    case 'measuresApproved': return { ...base, type: 'measuresApproved', round };
    case 'closed': return { ...base, type: 'caseClosed', withApprovedMeasures: c.measures.some((m) => m.status === 'approved') };
  }
}

/** Input ids of the checklist toggles: `checklistStep1` … `checklistStep9`. */
export const CHECKLIST_INPUT_PREFIX = 'checklistStep';
/** Input ids of the 7 W's: `policeFact_wie` … */
export const POLICE_FACT_INPUT_PREFIX = 'policeFact_';
