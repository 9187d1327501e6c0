/**
 * The cards for handling a case in Teams: typed view-models for the templates in cards/ (case-card,
 * case-progress, measures-proposal, informed-notice, case-error). No card JSON is built here; the
 * templates hold the layout, the verbs and the button data. Which buttons show follows
 * CASE_TRANSITIONS, so a card never offers a step the domain would refuse.
 */
import { DateTime } from 'luxon';
import {
  CASE_STATUS_LABELS,
  EVALUATION_LABELS,
  EVALUATION_QUESTIONS,
  findTransition,
  MEETING_KIND_LABELS,
  MEETING_KINDS,
  NO_RESPONSE_REASON_LABELS,
  NO_RESPONSE_REASONS,
  proposalRound,
  type Case,
  type CaseActor,
  type CaseStatus,
  type MeetingKind,
  type TransitionRequirement,
} from '../../domain/case';
import { DEADLINE_LABELS, decreeDaysNote, formatDutchDate, formatDutchDateTime, timeLeft, type Deadline } from '../../domain/deadlines';
import { MEASURE_KIND_LABELS, MEASURE_KINDS, suggestMeasures, type Measure, type MeasureKind } from '../../domain/measures';
import { findOrganisation } from '../../domain/organisations';
import { POLICE_APPOINTMENT_STEP, policeChecklistItems } from '../../domain/police-checklist';
import {
  BEHAVIOUR_LEVELS,
  CRIMINAL_OFFENCE_ANSWER_LABELS,
  INCIDENT_KIND_LABELS,
  INJURY_LABELS,
  ONLINE_CHANNEL_LABELS,
  PERPETRATOR_TYPE_LABELS,
  TEXT_LIMITS,
  type IncidentReport,
} from '../../domain/report';
import { HANDLER_ROLE_LABELS, INFORMED_ROLE_LABELS, OFFICE_HOLDER_ROLE_LABELS, type InformedRole, type OfficeHolderRole } from '../../domain/roles';
import { supportLinesFor } from '../../domain/support-lines';
import { ICS_FALLBACK_NOTE } from '../cards/calendar-copy';
import { AMSTERDAM, amsterdamDate } from '../../domain/working-days';
import { toCardText } from '../cards/escape';

// ---------------------------------------------------------------------------------------------
// Names, verbs and input ids: the contract with the Action.Execute handlers
// ---------------------------------------------------------------------------------------------

/** Template names (files in cards/) of case handling. */
export const CASE_CARD_NAMES = {
  caseCard: 'case-card',
  progress: 'case-progress',
  measuresProposal: 'measures-proposal',
  informedNotice: 'informed-notice',
  error: 'case-error',
} as const;

/** Every Action.Execute verb on the case cards; the templates use exactly these (a test checks). */
export const CASE_VERBS = {
  refresh: 'case.refresh',
  take: 'case.take',
  proposeMeasures: 'case.proposeMeasures',
  agreeMeasures: 'case.agreeMeasures',
  sendBackMeasures: 'case.sendBackMeasures',
  approveMeasures: 'case.approveMeasures',
  tickChecklistStep: 'case.tickChecklistStep',
  untickChecklistStep: 'case.untickChecklistStep',
  recordInspectorateWarned: 'case.recordInspectorateWarned',
  recordMeetingHeld: 'case.recordMeetingHeld',
  recordResponse: 'case.recordResponse',
  completeTask: 'case.completeTask',
  close: 'case.close',
  planMeeting: 'case.planMeeting',
  // The planned meetings on the case card; handled with the other meeting verbs in src/teams/meeting.
  retryMeeting: 'meeting.retry',
  showMeeting: 'meeting.show',
} as const;
/** One of CASE_VERBS. */
export type CaseVerb = (typeof CASE_VERBS)[keyof typeof CASE_VERBS];

/**
 * Ids of the inputs on the case cards; Teams merges each value into the action's data under its id.
 * `responseKind` is not an input: each of the two response forms sends it as fixed data.
 */
export const CASE_INPUT_IDS = {
  measures: 'measures',
  measureDescription: 'measureDescription',
  restrictionsEndOn: 'restrictionsEndOn',
  comment: 'comment',
  meetingKind: 'meetingKind',
  heldOn: 'heldOn',
  heldAt: 'heldAt',
  responseSummary: 'responseSummary',
  noResponseReason: 'noResponseReason',
  noResponseExplanation: 'noResponseExplanation',
  riskAssessment: 'riskAssessment',
  causeAnalysis: 'causeAnalysis',
  trendAnalysis: 'trendAnalysis',
  improvements: 'improvements',
} as const;

/** Teams refreshes a card automatically for at most this many users. */
export const REFRESH_USER_IDS_MAX = 60;

/** How much of each kind of user text a card shows, in UTF-16 code units. */
export interface TextLimits {
  readonly description: number;
  readonly text: number;
  readonly comment: number;
  readonly name: number;
}

/** Display limits of the case cards; the full texts stay in the case. */
export const CASE_CARD_TEXT_MAX: TextLimits = { description: 1200, text: 300, comment: 200, name: 100 };

/**
 * Bytes (UTF-8 JSON) a case card's view-model may take. The template adds about 14 KB of structure
 * at most; together they stay under Teams' 28 KB message limit. Over budget, the user texts are shortened.
 */
export const CASE_CARD_VIEW_MODEL_BUDGET = 12_000;
/** Shortening never goes below this many characters per text. */
const MIN_TEXT_LIMIT = 20;
/** The case card lists at most this many held meetings, the newest. */
export const MEETINGS_MAX = 6;
/** The status history shows the newest this many steps. */
export const HISTORY_MAX = 8;

// ---------------------------------------------------------------------------------------------
// Shared pieces
// ---------------------------------------------------------------------------------------------

/** Who looks at a case card: a handler of the case's desk, anyone else in the channel, or the office holder. */
export type CaseViewer = 'handler' | 'readOnly' | 'officeHolder';

/** One line of a FactSet. */
export interface FactViewModel {
  title: string;
  value: string;
}

/** One deadline as a reader sees it. */
export interface CaseDeadlineViewModel {
  label: string;
  /** "Uiterlijk maandag 30 november 2026 om 17:00". */
  due: string;
  /** "nog 2 dagen en 3 uur", "⚠️ 3 uur te laat", "✓ Gedaan op …" or "Niet vastgelegd". */
  status: string;
  overdue: boolean;
  /** Adaptive Card text colour of the status. */
  color: 'Attention' | 'Good' | 'Default';
  /** Why the moment may shift, e.g. a year's decree days are not known yet; '' when nothing to say. */
  note: string;
}

/** One measure as a reader sees it. */
export interface MeasureViewModel {
  label: string;
  /** '' when none, or when all measures share it (then it is `measuresNote`). */
  description: string;
  /** "Tot en met …" for restrictive measures; '' otherwise. */
  endsOn: string;
}

/** Measures with their explanation: one proposal form gives all measures the same one, shown once. */
interface MeasureListViewModel {
  measures: MeasureViewModel[];
  /** The explanation shared by all measures; '' otherwise. */
  measuresNote: string;
}

/** The Teams user ids (e.g. "29:…") that get the card refreshed automatically: unique, non-empty, at most 60. */
function refreshIds(ids: readonly string[]): string[] {
  return [...new Set(ids.filter((id) => typeof id === 'string' && id.trim() !== ''))].slice(0, REFRESH_USER_IDS_MAX);
}

function organisationName(organisationId: string): string {
  return findOrganisation(organisationId)?.name ?? 'de organisatie';
}

function levelTitle(report: IncidentReport): string {
  const level = BEHAVIOUR_LEVELS.find((l) => l.level === report.level);
  // "4 – …", not "4. …": a TextBlock would render "4." at the start as a numbered list.
  return `${report.level} – ${level?.title ?? ''}`.trim();
}

/** "30-11-2026 10:30" in Amsterdam: the compact form for lists (history, checklist, tasks). */
function shortDateTime(date: Date): string {
  return DateTime.fromJSDate(date, { zone: AMSTERDAM }).toFormat('d-M-yyyy HH:mm');
}

function lowerFirst(text: string): string {
  return `${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}

/** The handler's desk as a phrase: "de gemeentesecretaris van Gemeente Utrecht". */
function handlerDesk(c: Case): string {
  return `de ${lowerFirst(HANDLER_ROLE_LABELS[c.route.handler.role])} van ${organisationName(c.route.handler.organisationId)}`;
}

/** True when the step's requirements that the card cannot ask for are met; the rest (comment, measures, evaluation) come with the step. */
function requirementMet(c: Case, requirement: TransitionRequirement): boolean {
  switch (requirement) {
    case 'anyResponse':
      return c.perpetratorResponse !== undefined;
    case 'noResponsePossible':
      return c.perpetratorResponse?.kind === 'notPossible';
    case 'comment':
    case 'measures':
    case 'evaluation':
      return true;
  }
}

/** Mirrors CASE_TRANSITIONS: the step exists from the current status, for this actor, and can be completed from the card. */
function stepAvailable(c: Case, to: CaseStatus, actor: CaseActor): boolean {
  const rule = findTransition(c.status, to);
  return rule !== undefined && rule.actor === actor && (rule.requires ?? []).every((r) => requirementMet(c, r));
}

/** Mirrors assertHandlerMayWork: taken and not closed. */
function handlerMayWork(c: Case): boolean {
  return c.status !== 'submitted' && c.status !== 'closed';
}

function deadlineViewModel(c: Case, deadline: Deadline, now: Date): CaseDeadlineViewModel {
  const base = { label: DEADLINE_LABELS[deadline.kind], due: `Uiterlijk ${formatDutchDateTime(deadline.dueAt)}`, note: decreeDaysNote(deadline) ?? '' };
  const reached = c.goalReachedAt[deadline.kind];
  if (reached !== undefined) {
    const late = reached.getTime() > deadline.dueAt.getTime() ? ' (na de termijn)' : '';
    return { ...base, status: `✓ Gedaan op ${formatDutchDateTime(reached)}${late}`, overdue: false, color: 'Good' };
  }
  if (c.status === 'closed') {
    return { ...base, status: 'Niet vastgelegd voor het afsluiten', overdue: false, color: 'Default' };
  }
  const left = timeLeft(deadline.dueAt, now);
  return left.overdue
    ? { ...base, status: `⚠️ Te laat: ${left.text}`, overdue: true, color: 'Attention' }
    : { ...base, status: left.text, overdue: false, color: 'Default' };
}

function deadlinesOf(c: Case, now: Date): CaseDeadlineViewModel[] {
  return c.deadlines.map((deadline) => deadlineViewModel(c, deadline, now));
}

/** What the office holder agrees to is shown in full when shared (one form, one explanation), else up to this much per measure. */
const OFFICE_HOLDER_MEASURE_LIMITS = { each: 600, shared: TEXT_LIMITS.medium } as const;

function measureList(measures: readonly Measure[], limits: { readonly each: number; readonly shared: number }): MeasureListViewModel {
  const first = measures[0]?.description;
  const shared = measures.length > 1 && first !== undefined && measures.every((m) => m.description === first);
  return {
    measures: measures.map((measure) => ({
      label: MEASURE_KIND_LABELS[measure.kind],
      description: shared ? '' : toCardText(measure.description, limits.each),
      endsOn: measure.endsAt === undefined ? '' : `Tot en met ${formatDutchDate(measure.endsAt)}`,
    })),
    measuresNote: shared ? toCardText(first, limits.shared) : '',
  };
}

/** The office holder's comment when they sent the current proposal back; undefined otherwise. */
function sentBackComment(c: Case): string | undefined {
  const last = c.measureHistory.at(-1);
  return c.status === 'inProgress' && last?.action === 'sentBack' ? (last.comment ?? '') : undefined;
}

/** User text in quotes, or '' when there is none. */
function quoted(text: string | undefined, max: number): string {
  const shown = toCardText(text, max);
  return shown === '' ? '' : `"${shown}"`;
}

function placeText(report: IncidentReport, limits: TextLimits): string {
  const place = report.place;
  if (place.mode === 'offline') return toCardText(place.location, limits.text);
  const detail = toCardText(place.detail, limits.text);
  return `Online: ${ONLINE_CHANNEL_LABELS[place.channel]}${detail === '' ? '' : ` (${detail})`}`;
}

// ---------------------------------------------------------------------------------------------
// Case card (handler channel)
// ---------------------------------------------------------------------------------------------

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
}

/** A meeting planned from the case card, as the meeting service records it; the card formats it. */
export interface PlannedMeetingInfo {
  meetingId: string;
  kind: MeetingKind;
  startsAt: Date;
  durationMinutes: number;
  /** The room; undefined for an online (Teams) meeting. */
  location?: string;
  cancelled: boolean;
  /** 'graph': in the handler's Outlook calendar; 'ics': calendar integration is off. */
  calendar: 'graph' | 'ics';
  /** Whether the calendar has caught up with the plan. */
  calendarState: 'pending' | 'done' | 'failed';
  /** Dutch: why the calendar is not up to date (shown in full: it may tell what an administrator must grant). */
  failureMessage?: string;
  /** The .ics link, when calendar integration is off. */
  icsUrl?: string;
  /** Dutch: the meeting falls after its deadline. */
  warning?: string;
}

/** One planned meeting on the case card. */
export interface PlannedMeetingViewModel {
  meetingId: string;
  /** "📅 Incidentgesprek · dinsdag 1 december 2026 om 12:00 · 60 minuten · online (Teams)". */
  title: string;
  /** Where the calendar stands, e.g. "✓ In de agenda gezet; de uitnodiging is verstuurd." */
  calendarText: string;
  calendarColor: 'Good' | 'Attention' | 'Default';
  failureMessage: string;
  warning: string;
  icsUrl: string;
  canRetry: boolean;
  /** "Verzetten of annuleren" opens the meeting. */
  canOpen: boolean;
}

/** One row of the police checklist. */
export interface ChecklistRowViewModel {
  step: number;
  /** "☐ 4. Doe een melding …" or "☑ 3. Maak een afspraak … (gedaan op 30-11-2026 11:10)". */
  label: string;
  done: boolean;
  canTick: boolean;
  canUntick: boolean;
}

/** One handler task (e.g. inform the Minister of BZK). */
export interface TaskViewModel {
  taskId: string;
  title: string;
  done: boolean;
  doneText: string;
  canComplete: boolean;
}

/** The forms and buttons of the case card; every flag mirrors a domain rule. */
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

/** Data bound to cards/case-card.json. */
export interface CaseCardViewModel extends CaseCardActionsViewModel {
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
  showInspectorate: boolean;
  inspectorateText: string;
  canRecordInspectorate: boolean;
  tasks: TaskViewModel[];
  meetingsHeld: string[];
  /** Meetings planned with the perpetrator, earliest first (cancelled ones only while still ahead). */
  plannedMeetings: PlannedMeetingViewModel[];
  responseText: string;
  evaluation: { title: string; answer: string }[];
  /** One line per step, oldest first: "30-11-2026 10:30 · In behandeling (door …)", with a quoted comment. */
  history: string[];
  historyOmittedText: string;
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
  return {
    ...common,
    isHandlerView: true,
    readOnlyText: '',
    facts: handlerFacts(c, options, limits),
    details: reportDetails(c.report, limits),
    ...perpetratorPart(c, options.earlierCasesOfPerpetrator, limits),
    ...measuresPart(c, limits),
    ...checklistPart(c),
    ...inspectoratePart(c),
    tasks: c.tasks.map((task): TaskViewModel => ({
      taskId: task.id,
      title: toCardText(task.title, CASE_CARD_TEXT_MAX.text),
      done: task.status === 'done',
      doneText: task.completedAt === undefined ? '' : `✓ Gedaan op ${shortDateTime(task.completedAt)}`,
      // completeTask only needs an open case.
      canComplete: task.status === 'open' && c.status !== 'closed',
    })),
    meetingsHeld: [...c.meetings]
      .sort((a, b) => a.heldAt.getTime() - b.heldAt.getTime())
      .slice(-MEETINGS_MAX)
      .map((m) => `${MEETING_KIND_LABELS[m.kind]} gevoerd op ${shortDateTime(m.heldAt)}`),
    plannedMeetings: plannedMeetingsPart(c, options, limits),
    responseText: responseText(c, limits),
    evaluation: c.evaluation === undefined
      ? []
      : EVALUATION_QUESTIONS.map((q) => ({ title: EVALUATION_LABELS[q].title, answer: toCardText(c.evaluation?.[q], limits.text) })),
    ...historyPart(c, options.handlerName, limits),
    ...actionsPart(c, options),
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
  showInspectorate: false,
  inspectorateText: '',
  canRecordInspectorate: false,
  tasks: [],
  meetingsHeld: [],
  plannedMeetings: [],
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
} as const satisfies Partial<CaseCardViewModel>;

function handlerFacts(c: Case, options: CaseCardOptions, limits: TextLimits): FactViewModel[] {
  const report = c.report;
  const handlerName = toCardText(options.handlerName?.trim(), limits.name);
  const damage = [report.damage.propertyDamage ? 'Schade aan eigendommen' : '', report.damage.absenceFromWork ? 'Verzuim' : ''].filter((d) => d !== '');
  return [
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
    { title: 'Soort', value: report.kinds.map((k) => INCIDENT_KIND_LABELS[k]).join(', ') },
    { title: 'Wanneer', value: formatDutchDateTime(new Date(report.incidentAt)) },
    { title: 'Waar', value: placeText(report, limits) },
    { title: 'Strafbaar feit vermoed', value: CRIMINAL_OFFENCE_ANSWER_LABELS[report.criminalOffenceSuspected] },
    { title: 'Letsel', value: report.injury.length === 0 ? 'Geen' : report.injury.map((i) => INJURY_LABELS[i]).join(', ') },
    { title: 'Schade', value: damage.length === 0 ? 'Geen' : damage.join(', ') },
    { title: 'Hinder ervaren', value: report.feltHindered ? 'Ja' : 'Nee' },
    { title: 'Bewijs', value: report.evidence.files.length === 0 ? 'Geen bestanden' : report.evidence.files.length === 1 ? '1 bestand' : `${report.evidence.files.length} bestanden` },
  ];
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
    earlierCasesText = `Geen eerdere zaken met deze pleger bij ${organisation}.`;
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

function checklistPart(c: Case): Pick<CaseCardViewModel, 'hasChecklist' | 'checklistProgress' | 'checklist'> {
  const items = policeChecklistItems(c);
  if (items === undefined) return { hasChecklist: false, checklistProgress: '', checklist: [] };
  const mayWork = handlerMayWork(c);
  const done = items.filter((item) => item.done !== undefined).length;
  return {
    hasChecklist: true,
    checklistProgress: `${done} van de ${items.length} stappen gedaan. De afhandelaar doet de melding of aangifte, nooit de betrokkene zelf.`,
    checklist: items.map((item): ChecklistRowViewModel => ({
      step: item.step,
      label: item.done === undefined ? `☐ ${item.step}. ${item.label}` : `☑ ${item.step}. ${item.label} (gedaan op ${shortDateTime(item.done.at)})`,
      done: item.done !== undefined,
      canTick: mayWork && item.done === undefined,
      canUntick: mayWork && item.done !== undefined,
    })),
  };
}

function inspectoratePart(c: Case): Pick<CaseCardViewModel, 'showInspectorate' | 'inspectorateText' | 'canRecordInspectorate'> {
  if (!c.deadlines.some((d) => d.kind === 'labourInspectorate')) {
    return { showInspectorate: false, inspectorateText: '', canRecordInspectorate: false };
  }
  const warned = c.labourInspectorateWarned;
  return {
    showInspectorate: true,
    inspectorateText: warned === undefined
      ? 'Er is letsel gemeld: waarschuw de Arbeidsinspectie binnen 24 uur na het incident en leg dat hier vast.'
      : `✓ De Arbeidsinspectie is gewaarschuwd (vastgelegd op ${formatDutchDateTime(warned.at)}).`,
    canRecordInspectorate: warned === undefined && handlerMayWork(c),
  };
}

/** The case card lists at most this many planned meetings, the earliest first. */
export const PLANNED_MEETINGS_MAX = 4;
/** Calendar failures are explained in full (e.g. what the administrator must grant), up to this length. */
const CALENDAR_MESSAGE_MAX = 1200;

function plannedMeetingsPart(c: Case, options: CaseCardOptions, limits: TextLimits): PlannedMeetingViewModel[] {
  const now = options.now.getTime();
  const open = c.status !== 'closed';
  return [...(options.meetings ?? [])]
    // A cancelled meeting stays in view while it is still ahead: the handler may have to send the cancellation.
    .filter((m) => !m.cancelled || m.startsAt.getTime() > now)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .slice(0, PLANNED_MEETINGS_MAX)
    .map((m): PlannedMeetingViewModel => {
      const end = DateTime.fromJSDate(m.startsAt, { zone: AMSTERDAM }).plus({ minutes: m.durationMinutes }).toFormat('HH:mm');
      const venue = m.location === undefined ? (m.calendar === 'graph' ? 'online (Teams)' : 'online') : toCardText(m.location, limits.text);
      const status = plannedMeetingStatus(m);
      return {
        meetingId: m.meetingId,
        title: `📅 ${MEETING_KIND_LABELS[m.kind]}${m.cancelled ? ' (geannuleerd)' : ''} · ${formatDutchDateTime(m.startsAt)}–${end} · ${m.durationMinutes} minuten · ${venue}`,
        calendarText: status.text,
        calendarColor: status.color,
        failureMessage: m.calendarState === 'failed' ? toCardText(m.failureMessage, CALENDAR_MESSAGE_MAX) : '',
        warning: m.cancelled ? '' : toCardText(m.warning, CALENDAR_MESSAGE_MAX),
        icsUrl: m.calendar === 'ics' && m.icsUrl !== undefined ? m.icsUrl : '',
        canRetry: m.calendar === 'graph' && m.calendarState !== 'done',
        canOpen: open && !m.cancelled,
      };
    });
}

/** Where the calendar stands for a planned meeting, in Dutch, with its colour. */
export function plannedMeetingStatus(m: PlannedMeetingInfo): { text: string; color: PlannedMeetingViewModel['calendarColor'] } {
  if (m.calendar === 'ics') {
    return m.cancelled
      ? { text: 'Geannuleerd. De agendakoppeling staat uit: open het agendabestand (.ics) en verstuur de annulering vanuit je eigen agenda.', color: 'Default' }
      : { text: ICS_FALLBACK_NOTE, color: 'Default' };
  }
  switch (m.calendarState) {
    case 'done':
      return m.cancelled
        ? { text: '✓ Geannuleerd in de agenda; de deelnemers hebben bericht gekregen.', color: 'Good' }
        : { text: '✓ In de agenda gezet; de deelnemers hebben een uitnodiging gekregen.', color: 'Good' };
    case 'pending':
      return { text: '⏳ De agenda wordt bijgewerkt. Staat het er over een minuut nog niet in, probeer het dan opnieuw.', color: 'Default' };
    case 'failed':
      return { text: m.cancelled ? '⚠️ De annulering is nog niet in de agenda verwerkt.' : '⚠️ De agenda is nog niet bijgewerkt.', color: 'Attention' };
  }
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

function historyPart(c: Case, handlerName: string | undefined, limits: TextLimits): Pick<CaseCardViewModel, 'history' | 'historyOmittedText'> {
  const name = toCardText(handlerName?.trim(), limits.name);
  const who = (id: string): string => {
    if (id === c.officeHolder.aadObjectId) return 'de betrokkene';
    if (id === c.handler?.aadObjectId && name !== '') return name;
    return 'een afhandelaar';
  };
  const shown = c.statusHistory.slice(-HISTORY_MAX);
  const omitted = c.statusHistory.length - shown.length;
  return {
    history: shown.map((change) => {
      const comment = quoted(change.comment, limits.comment);
      return `${shortDateTime(change.at)} · ${CASE_STATUS_LABELS[change.status]} (door ${who(change.byAadObjectId)})${comment === '' ? '' : `: ${comment}`}`;
    }),
    historyOmittedText: omitted === 0 ? '' : `${omitted === 1 ? '1 eerdere stap' : `${omitted} eerdere stappen`} niet getoond.`,
  };
}

function suggestionText(c: Case, earlier: number, suggested: readonly MeasureKind[]): string {
  const basis = `niveau ${levelTitle(c.report)}`;
  const repeat = earlier > 0 && c.perpetratorKeys.length > 0 ? ' en recidive (zwaarder dan een waarschuwing)' : '';
  return `Suggestie op basis van ${basis}${repeat}: ${suggested.map((k) => MEASURE_KIND_LABELS[k]).join(', ')}. Pas het voorstel aan waar nodig; de betrokkene krijgt het ter instemming.`;
}

function closeHint(c: Case, canClose: boolean): string {
  if (canClose || !handlerMayWork(c)) return '';
  if (c.status === 'measuresApproved') {
    return 'Leg eerst de reactie richting de pleger vast (of waarom die niet mogelijk was); daarna kun je de zaak afsluiten met de evaluatie.';
  }
  return 'Afsluiten kan als de maatregelen zijn vastgesteld en de reactie richting de pleger is vastgelegd, '
    + 'of eerder als is vastgelegd dat geen reactie mogelijk was.';
}

function actionsPart(c: Case, options: CaseCardOptions): CaseCardActionsViewModel {
  const now = options.now;
  const mayWork = handlerMayWork(c);
  const canPropose = stepAvailable(c, 'measuresProposed', 'handler');
  const canClose = stepAvailable(c, 'closed', 'handler');
  const suggested = suggestMeasures(c.report, c.perpetratorKeys.length === 0 ? 0 : options.earlierCasesOfPerpetrator);
  // After a send-back the handler adjusts the earlier proposal rather than starting over.
  const prefill = sentBackComment(c) !== undefined && c.measures.length > 0 ? c.measures.map((m) => m.kind) : suggested;
  return {
    canTake: stepAvailable(c, 'inProgress', 'handler'),
    canPropose,
    suggestionText: canPropose ? suggestionText(c, options.earlierCasesOfPerpetrator, suggested) : '',
    measureChoices: canPropose ? MEASURE_KINDS.map((kind) => ({ title: MEASURE_KIND_LABELS[kind], value: kind })) : [],
    measuresValue: canPropose ? prefill.join(',') : '',
    restrictionsMin: canPropose ? (DateTime.fromJSDate(now, { zone: AMSTERDAM }).plus({ days: 1 }).toISODate() ?? '') : '',
    canApprove: stepAvailable(c, 'measuresApproved', 'handler'),
    canRecordResponse: mayWork,
    responseActionTitle: c.perpetratorResponse === undefined ? 'Reactie vastleggen' : 'Reactie wijzigen',
    noResponseReasons: mayWork ? NO_RESPONSE_REASONS.map((reason) => ({ title: NO_RESPONSE_REASON_LABELS[reason], value: reason })) : [],
    canRecordMeeting: mayWork,
    canPlanMeeting: mayWork,
    meetingKinds: mayWork ? MEETING_KINDS.map((kind) => ({ title: MEETING_KIND_LABELS[kind], value: kind })) : [],
    heldOnMin: mayWork ? amsterdamDate(new Date(c.report.incidentAt)) : '',
    heldOnMax: mayWork ? amsterdamDate(now) : '',
    canClose,
    closeHint: closeHint(c, canClose),
    evaluationQuestions: canClose
      ? EVALUATION_QUESTIONS.map((q) => ({ id: q, title: EVALUATION_LABELS[q].title, question: EVALUATION_LABELS[q].question, maxLength: TEXT_LIMITS.medium }))
      : [],
    textMaxLength: TEXT_LIMITS.medium,
  };
}

// ---------------------------------------------------------------------------------------------
// Progress card (the office holder's 1:1 chat)
// ---------------------------------------------------------------------------------------------

/** Data bound to cards/case-progress.json. */
export interface CaseProgressViewModel {
  caseId: string;
  refreshUserIds: string[];
  notice: string;
  caseNumber: string;
  status: string;
  closed: boolean;
  facts: FactViewModel[];
  nextStep: string;
  /** The office holder's own comment when they sent the proposal back; '' otherwise. */
  sentBackComment: string;
  deadlines: CaseDeadlineViewModel[];
  anyOverdue: boolean;
  measuresHeading: string;
  measures: MeasureViewModel[];
  measuresNote: string;
  /** Coarse police progress ("afspraak gemaakt"); '' when no police step is involved. */
  policeText: string;
  responseText: string;
  /** "Hulp nodig? …": the first support line for the office holder's role; '' when none. */
  supportText: string;
}

/** Builds the office holder's progress card: status, what happens next, deadlines and the measures; no handler internals. */
export function caseProgressViewModel(c: Case, options: { now: Date; refreshUserIds: string[]; notice?: string }): CaseProgressViewModel {
  const deadlines = deadlinesOf(c, options.now);
  const comment = sentBackComment(c);
  const closedAt = c.status === 'closed' ? c.statusHistory.at(-1)?.at : undefined;
  const measures = c.status === 'closed' ? c.measures.filter((m) => m.status === 'approved') : c.measures;
  return {
    caseId: c.id,
    refreshUserIds: refreshIds(options.refreshUserIds),
    notice: toCardText(options.notice, CASE_CARD_TEXT_MAX.text),
    caseNumber: toCardText(c.caseNumber, 40),
    status: CASE_STATUS_LABELS[c.status],
    closed: c.status === 'closed',
    facts: [
      { title: 'Status', value: CASE_STATUS_LABELS[c.status] },
      { title: 'Gemeld op', value: formatDutchDateTime(c.registeredAt) },
      { title: 'Afhandelaar', value: capitalisedDesk(c) },
      ...(closedAt === undefined ? [] : [{ title: 'Afgesloten op', value: formatDutchDateTime(closedAt) }]),
    ],
    nextStep: nextStepText(c, comment !== undefined),
    sentBackComment: quoted(comment, CASE_CARD_TEXT_MAX.comment),
    deadlines,
    anyOverdue: deadlines.some((d) => d.overdue),
    measuresHeading: measures.length === 0 ? '' : progressMeasuresHeading(c.status),
    ...measureList(measures, OFFICE_HOLDER_MEASURE_LIMITS),
    policeText: policeProgressText(c),
    responseText: c.perpetratorResponse === undefined ? '' : 'De afhandelaar heeft de reactie richting de pleger vastgelegd.',
    supportText: supportText(c),
  };
}

function supportText(c: Case): string {
  const line = supportLinesFor(c.officeHolder.role).find((l) => l.phone !== undefined);
  return line === undefined ? '' : `Hulp nodig? ${line.name}: ${line.phone}.`;
}

function progressMeasuresHeading(status: CaseStatus): string {
  switch (status) {
    case 'measuresProposed':
      return 'Voorgestelde maatregelen';
    case 'measuresAgreed':
      return 'Maatregelen waarmee je akkoord bent';
    case 'measuresApproved':
    case 'closed':
      return 'Vastgestelde maatregelen';
    default:
      return 'Eerder voorgestelde maatregelen';
  }
}

function nextStepText(c: Case, sentBack: boolean): string {
  const desk = handlerDesk(c);
  switch (c.status) {
    case 'submitted':
      return `Je melding wacht tot ${desk} hem in behandeling neemt. Je krijgt bericht zodra dat gebeurt.`;
    case 'inProgress':
      return sentBack
        ? 'Je hebt op het voorstel gereageerd. De afhandelaar past het aan en legt het opnieuw aan je voor.'
        : 'De afhandelaar werkt aan je melding en stelt maatregelen voor. Het voorstel komt in deze chat; je beslist mee.';
    case 'measuresProposed':
      return 'Er ligt een voorstel voor maatregelen voor je klaar in deze chat. Geef akkoord of reageer met je opmerkingen.';
    case 'measuresAgreed':
      return 'Je bent akkoord met de maatregelen. De afhandelaar stelt ze nu vast.';
    case 'measuresApproved':
      return 'De maatregelen zijn vastgesteld. De afhandelaar voert ze uit en legt de reactie richting de pleger vast.';
    case 'closed':
      return 'Je melding is afgesloten en geëvalueerd. Dank je wel dat je het hebt gemeld.';
  }
}

function policeProgressText(c: Case): string {
  const items = policeChecklistItems(c);
  if (items === undefined) return '';
  const done = (step: number): boolean => items.some((item) => item.step === step && item.done !== undefined);
  if (done(4)) return 'Politie: de melding of aangifte is gedaan door de afhandelaar.';
  if (done(POLICE_APPOINTMENT_STEP)) return 'Politie: de afhandelaar heeft een afspraak met de politie gemaakt.';
  return 'Politie: de afhandelaar maakt een afspraak met de politie. Je hoeft zelf geen aangifte te doen.';
}

// ---------------------------------------------------------------------------------------------
// Measures proposal (the office holder's 1:1 chat)
// ---------------------------------------------------------------------------------------------

/** Data bound to cards/measures-proposal.json. */
export interface MeasuresProposalViewModel {
  caseId: string;
  /** The proposal round this card shows; the answer is refused when a newer proposal exists. */
  round: number;
  caseNumber: string;
  intro: string;
  measures: MeasureViewModel[];
  measuresNote: string;
  deadlines: CaseDeadlineViewModel[];
  /** True while the office holder can agree or send the proposal back. */
  canRespond: boolean;
  /** Where the proposal stands once answered; '' while open. */
  stateText: string;
  commentMaxLength: number;
}

/** Builds the proposal the office holder agrees to or answers; after their answer, the same card shows where it stands. */
export function measuresProposalViewModel(c: Case, options: { now: Date }): MeasuresProposalViewModel {
  const canAgree = stepAvailable(c, 'measuresAgreed', 'officeHolder');
  const canSendBack = stepAvailable(c, 'inProgress', 'officeHolder');
  const proposedAt = c.measureHistory.filter((e) => e.action === 'proposed').at(-1)?.at;
  const incidentOn = formatDutchDate(new Date(c.report.incidentAt));
  return {
    caseId: c.id,
    round: proposalRound(c),
    caseNumber: toCardText(c.caseNumber, 40),
    intro: `${capitalisedDesk(c)} stelt${proposedAt === undefined ? '' : ` op ${formatDutchDateTime(proposedAt)}`} de volgende maatregelen voor naar aanleiding van je melding van het incident op ${incidentOn}. Maatregelen worden in overleg met jou genomen.`,
    ...measureList(c.measures, OFFICE_HOLDER_MEASURE_LIMITS),
    deadlines: c.deadlines.filter((d) => d.kind === 'measures').map((d) => deadlineViewModel(c, d, options.now)),
    canRespond: canAgree && canSendBack,
    stateText: proposalStateText(c),
    commentMaxLength: TEXT_LIMITS.medium,
  };
}

function capitalisedDesk(c: Case): string {
  const desk = handlerDesk(c);
  return `${desk.charAt(0).toUpperCase()}${desk.slice(1)}`;
}

function proposalStateText(c: Case): string {
  const last = [...c.measureHistory].reverse().find((e) => e.action !== 'proposed');
  switch (c.status) {
    case 'measuresProposed':
      return '';
    case 'measuresAgreed':
      return `✓ Je bent akkoord gegaan${last?.action === 'agreed' ? ` op ${formatDutchDateTime(last.at)}` : ''}. De afhandelaar stelt de maatregelen nu vast.`;
    case 'measuresApproved':
      return '✓ De afhandelaar heeft de maatregelen vastgesteld.';
    case 'closed':
      return 'Deze melding is afgesloten.';
    case 'inProgress':
      return sentBackComment(c) !== undefined
        ? 'Je hebt op dit voorstel gereageerd. De afhandelaar past het aan en legt een nieuw voorstel aan je voor.'
        : 'Er ligt op dit moment geen voorstel voor je klaar.';
    case 'submitted':
      return 'Er ligt op dit moment geen voorstel voor je klaar.';
  }
}

// ---------------------------------------------------------------------------------------------
// Notice to informed parties
// ---------------------------------------------------------------------------------------------

/** Data bound to cards/informed-notice.json. Holds nothing about the perpetrator, injuries or what happened. */
export interface InformedNoticeViewModel {
  intro: string;
  caseNumber: string;
  facts: FactViewModel[];
  handlerText: string;
}

/** Offices held by one person per organisation: "de burgemeester", but "een wethouder". */
const SINGLE_HOLDER_ROLES: ReadonlySet<OfficeHolderRole> = new Set(['commissarisVanDeKoning', 'burgemeester', 'dijkgraaf']);

/** Builds the short notice for an informed party: who is affected by office, where, when, how serious, and who handles it. */
export function informedNoticeViewModel(c: Case, options: { recipientRole: InformedRole }): InformedNoticeViewModel {
  const officeHolderRole = OFFICE_HOLDER_ROLE_LABELS[c.officeHolder.role];
  const organisation = organisationName(c.organisationId);
  return {
    intro: `Als ${lowerFirst(INFORMED_ROLE_LABELS[options.recipientRole])} word je geïnformeerd over een incident tegen ${SINGLE_HOLDER_ROLES.has(c.officeHolder.role) ? 'de' : 'een'} ${lowerFirst(officeHolderRole)} van ${organisation}.`,
    caseNumber: toCardText(c.caseNumber, 40),
    facts: [
      { title: 'Zaaknummer', value: toCardText(c.caseNumber, 40) },
      { title: 'Betrokkene', value: `${officeHolderRole}, ${organisation}` },
      { title: 'Datum incident', value: formatDutchDate(new Date(c.report.incidentAt)) },
      { title: 'Niveau', value: levelTitle(c.report) },
      { title: 'Afhandelaar', value: `${HANDLER_ROLE_LABELS[c.route.handler.role]}, ${organisationName(c.route.handler.organisationId)}` },
    ],
    handlerText: `${capitalisedDesk(c)} handelt de melding af. Heb je vragen of wil je iets doen, neem dan contact op met de afhandelaar. Deel deze informatie niet verder.`,
  };
}

// ---------------------------------------------------------------------------------------------
// Error card
// ---------------------------------------------------------------------------------------------

/** Data bound to cards/case-error.json. */
export interface CaseErrorViewModel {
  message: string;
  caseId: string;
  canReload: boolean;
}

/** A Dutch error card in place of Teams' generic error; with a case, "Opnieuw laden" shows its current state. */
export function caseErrorViewModel(message: string, options: { caseId?: string } = {}): CaseErrorViewModel {
  const caseId = options.caseId ?? '';
  return {
    message: toCardText(message.trim(), CASE_CARD_TEXT_MAX.text) || 'Er ging iets mis. Probeer het later opnieuw.',
    caseId,
    canReload: caseId !== '',
  };
}
