import { DateTime } from 'luxon';
import { computeDeadlines, incidentMeetingDeadline, restorationMeetingDeadline, sortDeadlines, type Deadline, type DeadlineKind } from './deadlines';
import { DomainError } from './errors';
import {
  MEASURE_KIND_LABELS,
  validateMeasureItems,
  whyNoIncidentMeetingDeadline,
  type Measure,
  type MeasureEvent,
  type MeasureInput,
  type NoIncidentMeetingDeadline,
} from './measures';
import { perpetratorKeys } from './perpetrator';
import type { PoliceChecklist } from './police-checklist';
import { isSeriousIncident, incidentReportSchema, needsPoliceAppointment, TEXT_LIMITS, type IncidentReport } from './report';
import { INFORMED_ROLE_LABELS, type InformedRole, type OfficeHolderRole } from './roles';
import { routeReport, type ResolvedRoute } from './routing';
import { AMSTERDAM, type WorkingDayCalendar } from './working-days';

// ---------------------------------------------------------------------------------------------
// Case number
// ---------------------------------------------------------------------------------------------

const CASE_NUMBER = /^WB-(\d{4})-(\d{5})$/;
const MAX_SEQUENCE = 99999;

/** Formats a case number as users see it, e.g. WB-2026-00042. */
export function formatCaseNumber(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999 || !Number.isInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE) {
    throw new DomainError('CASE.INVALID_CASE_NUMBER', { detail: `year ${year}, sequence ${sequence}` });
  }
  return `WB-${year}-${String(sequence).padStart(5, '0')}`;
}

/** Reads a case number typed by a person (case and surrounding spaces ignored); undefined when invalid. */
export function parseCaseNumber(text: string): { year: number; sequence: number } | undefined {
  const match = CASE_NUMBER.exec(text.trim().toUpperCase());
  if (match === null) {
    return undefined;
  }
  const sequence = Number(match[2]);
  return sequence >= 1 ? { year: Number(match[1]), sequence } : undefined;
}

/** True for a well-formed case number in canonical form. */
export function isCaseNumber(text: string): boolean {
  return CASE_NUMBER.test(text) && parseCaseNumber(text) !== undefined;
}

/** The year a case number carries: the Amsterdam calendar year of registration. */
export function caseNumberYear(registeredAt: Date): number {
  return DateTime.fromJSDate(registeredAt, { zone: AMSTERDAM }).year;
}

// ---------------------------------------------------------------------------------------------
// Statuses and transitions
// ---------------------------------------------------------------------------------------------

export const CASE_STATUSES = [
  'submitted',
  'inProgress',
  'measuresProposed',
  'measuresAgreed',
  'measuresApproved',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Readonly<Record<CaseStatus, string>> = {
  submitted: 'Gemeld',
  inProgress: 'In behandeling',
  measuresProposed: 'Maatregelen voorgesteld',
  measuresAgreed: 'Akkoord betrokkene',
  measuresApproved: 'Maatregelen vastgesteld',
  closed: 'Afgesloten',
};

/** Who may take a step: the office holder of the case, or a handler (anyone but the office holder). */
export type CaseActor = 'officeHolder' | 'handler';

/**
 * What must be present before a step:
 * - 'comment': a comment with the step;
 * - 'anyResponse': a response towards the perpetrator or the reason none was possible;
 * - 'noResponsePossible': only the latter (closing without agreed measures);
 * - 'measures': a proposal of at least one measure on the case (proposeMeasures puts it there);
 * - 'evaluation': the answers to the four evaluation questions, given with the step (closeCase).
 */
export type TransitionRequirement = 'comment' | 'anyResponse' | 'noResponsePossible' | 'measures' | 'evaluation';

export interface TransitionRule {
  readonly from: CaseStatus;
  readonly to: CaseStatus;
  readonly actor: CaseActor;
  /** Checked in this order; the first one missing is the error the user sees. */
  readonly requires?: readonly TransitionRequirement[];
}

/** Every allowed status change; anything not listed is refused with CASE.INVALID_TRANSITION. */
export const CASE_TRANSITIONS: readonly TransitionRule[] = [
  // A handler takes the case (takeCase).
  { from: 'submitted', to: 'inProgress', actor: 'handler' },
  // proposeMeasures; also after the office holder sent an earlier proposal back.
  { from: 'inProgress', to: 'measuresProposed', actor: 'handler', requires: ['measures'] },
  // Measures are decided in consultation with the office holder: they agree, or send the proposal back.
  { from: 'measuresProposed', to: 'measuresAgreed', actor: 'officeHolder' },
  { from: 'measuresProposed', to: 'inProgress', actor: 'officeHolder', requires: ['comment'] },
  { from: 'measuresAgreed', to: 'measuresApproved', actor: 'handler' },
  // Basisafspraak: every case ends with a response towards the perpetrator, or the reason there was none,
  // and is evaluated ("why did it go wrong, not who did wrong").
  { from: 'measuresApproved', to: 'closed', actor: 'handler', requires: ['anyResponse', 'evaluation'] },
  // Without agreed measures there was no response, so only "none was possible" (e.g. unknown perpetrator).
  { from: 'inProgress', to: 'closed', actor: 'handler', requires: ['noResponsePossible', 'evaluation'] },
];

/** The rule for a status change, or undefined when the change is not allowed. */
export function findTransition(from: CaseStatus, to: CaseStatus): TransitionRule | undefined {
  return CASE_TRANSITIONS.find((rule) => rule.from === from && rule.to === to);
}

// ---------------------------------------------------------------------------------------------
// The aggregate
// ---------------------------------------------------------------------------------------------

export interface OfficeHolder {
  readonly aadObjectId: string;
  readonly name: string;
  readonly role: OfficeHolderRole;
}

export interface StatusChange {
  readonly status: CaseStatus;
  readonly at: Date;
  readonly byAadObjectId: string;
  readonly comment?: string;
}

export interface CaseHandler {
  readonly aadObjectId: string;
  readonly takenAt: Date;
}

/** A to-do for the handler; external parties (the Minister of BZK) are informed through one. */
export interface CaseTask {
  readonly id: string;
  readonly kind: 'informExternalParty';
  readonly role: InformedRole;
  /** Dutch, shown to the handler. */
  readonly title: string;
  readonly status: 'open' | 'done';
  readonly createdAt: Date;
  readonly completedAt?: Date;
  readonly completedByAadObjectId?: string;
}

// Measures live in measures.ts; re-exported because callers know them from here.
export { MEASURE_KINDS, MEASURE_KIND_LABELS } from './measures';
export type { Measure, MeasureKind, MeasureStatus, MeasureEvent, MeasureInput } from './measures';

export const NO_RESPONSE_REASONS = ['perpetratorUnknown', 'other'] as const;
export type NoResponseReason = (typeof NO_RESPONSE_REASONS)[number];

export const NO_RESPONSE_REASON_LABELS: Readonly<Record<NoResponseReason, string>> = {
  perpetratorUnknown: 'Pleger onbekend',
  other: 'Andere reden',
};

/** What the handler records about the response towards the perpetrator (basisafspraak). */
export type PerpetratorResponseInput =
  | { readonly kind: 'given'; readonly summary: string }
  | { readonly kind: 'notPossible'; readonly reason: NoResponseReason; readonly explanation?: string };

export type PerpetratorResponse = PerpetratorResponseInput & {
  readonly recordedAt: Date;
  readonly recordedByAadObjectId: string;
};

/** Conversations with the perpetrator that a handler records as held. */
export const MEETING_KINDS = ['incidentMeeting', 'restorationMeeting', 'combinedMeeting'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_KIND_LABELS: Readonly<Record<MeetingKind, string>> = {
  incidentMeeting: MEASURE_KIND_LABELS.incidentMeeting,
  restorationMeeting: MEASURE_KIND_LABELS.restorationMeeting,
  combinedMeeting: MEASURE_KIND_LABELS.combinedMeeting,
};

/** Which deadlines a held meeting fulfils: the combined meeting counts as both. */
export const MEETING_GOALS: Readonly<Record<MeetingKind, readonly DeadlineKind[]>> = {
  incidentMeeting: ['incidentMeeting'],
  restorationMeeting: ['restorationMeeting'],
  combinedMeeting: ['incidentMeeting', 'restorationMeeting'],
};

export interface HeldMeeting {
  readonly kind: MeetingKind;
  readonly heldAt: Date;
  readonly recordedAt: Date;
  readonly recordedByAadObjectId: string;
}

/** Who warned the Arbeidsinspectie, and when it was recorded. */
export interface LabourInspectorateWarning {
  readonly at: Date;
  readonly byAadObjectId: string;
}

/** The guide's evaluation questions (domain.md "Evaluation"), all answered before a case closes. */
export const EVALUATION_QUESTIONS = ['riskAssessment', 'causeAnalysis', 'trendAnalysis', 'improvements'] as const;
export type EvaluationQuestion = (typeof EVALUATION_QUESTIONS)[number];

export const EVALUATION_LABELS: Readonly<Record<EvaluationQuestion, { readonly title: string; readonly question: string }>> = {
  riskAssessment: { title: 'Risicotaxatie', question: 'Hoe ernstig is het incident en wat is het risico op herhaling?' },
  causeAnalysis: { title: 'Oorzaakanalyse', question: 'Waarom gebeurde het incident?' },
  trendAnalysis: { title: 'Trendanalyse', question: 'Komen soortgelijke incidenten vaker voor?' },
  improvements: { title: 'Verbeteraanbevelingen', question: 'Welke verbeteringen zijn mogelijk en hoe voer je die door?' },
};

/** The handler's answers, each 1–2000 characters. */
export type EvaluationInput = Readonly<Record<EvaluationQuestion, string>>;

export type Evaluation = EvaluationInput & {
  readonly recordedAt: Date;
  readonly recordedByAadObjectId: string;
};

/** A case (zaak): one report and everything done about it. Changes only through the functions below. */
export interface Case {
  readonly id: string;
  readonly caseNumber: string;
  readonly organisationId: string;
  readonly officeHolder: OfficeHolder;
  readonly report: IncidentReport;
  readonly registeredAt: Date;
  readonly route: ResolvedRoute;
  readonly deadlines: readonly Deadline[];
  readonly status: CaseStatus;
  readonly statusHistory: readonly StatusChange[];
  readonly handler?: CaseHandler;
  readonly tasks: readonly CaseTask[];
  /** The current proposal (or the agreed/approved measures); earlier proposals are in measureHistory. */
  readonly measures: readonly Measure[];
  readonly measureHistory: readonly MeasureEvent[];
  readonly perpetratorResponse?: PerpetratorResponse;
  /** Recidive keys of the perpetrator (see perpetrator.ts), fixed at submission. */
  readonly perpetratorKeys: readonly string[];
  /** When each deadline's goal was reached (the earliest time); the reminder scheduler stops there. */
  readonly goalReachedAt: Readonly<Partial<Record<DeadlineKind, Date>>>;
  /** Present when a police appointment is needed, or once a melding/aangifte is proposed. */
  readonly policeChecklist?: PoliceChecklist;
  readonly labourInspectorateWarned?: LabourInspectorateWarning;
  readonly meetings: readonly HeldMeeting[];
  /** Given when the case is closed. */
  readonly evaluation?: Evaluation;
}

export interface SubmitCaseInput {
  /** Generated by the caller (storage), so the domain stays deterministic. */
  readonly id: string;
  readonly caseNumber: string;
  readonly organisationId: string;
  readonly officeHolder: OfficeHolder;
  /** Validated here against the report schema; untrusted card data is fine. */
  readonly report: unknown;
}

/** Tolerated clock difference between the reporter's device and the server. */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

/** Registers a new report as a case: validates it, resolves the route, computes deadlines and tasks. */
export function submitCase(input: SubmitCaseInput, now: Date, calendar: WorkingDayCalendar): Case {
  if (!isCaseNumber(input.caseNumber)) {
    throw new DomainError('CASE.INVALID_CASE_NUMBER');
  }
  const parsed = incidentReportSchema.safeParse(input.report);
  if (!parsed.success) {
    // Paths only: the values may hold personal data.
    const paths = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
    throw new DomainError('REPORT.INVALID', { detail: `invalid fields: ${paths}`, cause: parsed.error });
  }
  const report = parsed.data;
  const incidentAt = new Date(report.incidentAt);
  if (incidentAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    throw new DomainError('REPORT.INCIDENT_IN_FUTURE');
  }
  const route = routeReport(input.officeHolder.role, input.organisationId);
  const policeNeeded = needsPoliceAppointment(report);
  const deadlines = computeDeadlines(
    {
      incidentAt,
      registeredAt: now,
      criminalOffenceSuspected: policeNeeded,
      seriousIncident: isSeriousIncident(report),
    },
    calendar,
  );
  const tasks = route.informed
    .filter((party) => party.external)
    .map((party, index): CaseTask => ({
      id: `task-${index + 1}`,
      kind: 'informExternalParty',
      role: party.role,
      title: `Informeer de ${INFORMED_ROLE_LABELS[party.role]}`,
      status: 'open',
      createdAt: now,
    }));
  return {
    id: input.id,
    caseNumber: input.caseNumber,
    organisationId: input.organisationId,
    officeHolder: { ...input.officeHolder },
    report,
    registeredAt: now,
    route,
    deadlines,
    status: 'submitted',
    statusHistory: [{ status: 'submitted', at: now, byAadObjectId: input.officeHolder.aadObjectId }],
    tasks,
    measures: [],
    measureHistory: [],
    perpetratorKeys: perpetratorKeys(report),
    goalReachedAt: {},
    ...(policeNeeded ? { policeChecklist: { ticks: [] } } : {}),
    meetings: [],
  };
}

// ---------------------------------------------------------------------------------------------
// Guards shared by every action (also used by police-checklist.ts)
// ---------------------------------------------------------------------------------------------

function assertActor(c: Case, actor: CaseActor, by: string): void {
  const isOfficeHolder = by === c.officeHolder.aadObjectId;
  if (actor === 'officeHolder' ? !isOfficeHolder : isOfficeHolder) {
    // The office holder never handles their own case; desk membership is case-access.ts (app layer).
    throw new DomainError('CASE.NOT_ALLOWED', { detail: `${actor} step on case ${c.id}` });
  }
}

function assertOpen(c: Case): void {
  if (c.status === 'closed') {
    throw new DomainError('CASE.CLOSED', { detail: `case ${c.id}` });
  }
}

/** Throws unless a handler may record work on the case now: open, taken, and not by its office holder. */
export function assertHandlerMayWork(c: Case, by: string): void {
  assertOpen(c);
  if (c.status === 'submitted') {
    throw new DomainError('CASE.INVALID_TRANSITION', {
      detail: `case ${c.id} not taken yet`,
      userMessage: 'Pak de zaak eerst op voordat u deze stap zet.',
    });
  }
  assertActor(c, 'handler', by);
}

/** Records that a deadline's goal was reached at `at`; an earlier moment already recorded stays. */
export function reachGoal(c: Case, kind: DeadlineKind, at: Date): Case {
  const reached = c.goalReachedAt[kind];
  if (reached !== undefined && reached.getTime() <= at.getTime()) {
    return c;
  }
  return { ...c, goalReachedAt: { ...c.goalReachedAt, [kind]: at } };
}

/** Forgets a reached goal (a correction), so its reminders resume. */
export function withoutGoal(c: Case, kind: DeadlineKind): Case {
  if (c.goalReachedAt[kind] === undefined) {
    return c;
  }
  const rest = { ...c.goalReachedAt };
  delete rest[kind];
  return { ...c, goalReachedAt: rest };
}

/** Trimmed text, undefined when blank; too long is refused rather than silently cut. */
function cleanText(text: string | undefined, max: number, what?: string): string | undefined {
  const trimmed = typeof text === 'string' ? text.trim() : undefined;
  if (trimmed === undefined || trimmed === '') {
    return undefined;
  }
  if (trimmed.length > max) {
    throw new DomainError('CASE.TEXT_TOO_LONG', {
      detail: `${trimmed.length} > ${max}`,
      userMessage: what === undefined ? `De tekst is te lang: maximaal ${max} tekens.` : `${what} is te lang: maximaal ${max} tekens.`,
    });
  }
  return trimmed;
}

// ---------------------------------------------------------------------------------------------
// Status changes
// ---------------------------------------------------------------------------------------------

export interface TransitionOptions {
  /** Required when sending a proposal back to the handler; kept in the history of any step. */
  readonly comment?: string;
  /** Required when closing. */
  readonly evaluation?: EvaluationInput;
}

/** The rule for moving `c` to `to` by `by`; throws when the case is closed, the step unknown or the actor wrong. */
function ruleFor(c: Case, to: CaseStatus, by: string): TransitionRule {
  const rule = findTransition(c.status, to);
  if (rule === undefined) {
    if (c.status === 'closed') {
      throw new DomainError('CASE.CLOSED', { detail: `case ${c.id} to ${to}` });
    }
    throw new DomainError('CASE.INVALID_TRANSITION', {
      detail: `${c.status} to ${to}`,
      userMessage: `Een zaak met status "${CASE_STATUS_LABELS[c.status]}" kan niet naar "${CASE_STATUS_LABELS[to]}".`,
    });
  }
  assertActor(c, rule.actor, by);
  return rule;
}

function validateEvaluation(input: EvaluationInput | undefined): EvaluationInput {
  const answers: Partial<Record<EvaluationQuestion, string>> = {};
  const missing: string[] = [];
  for (const question of EVALUATION_QUESTIONS) {
    const answer = cleanText(input?.[question], TEXT_LIMITS.medium, `Het antwoord bij "${EVALUATION_LABELS[question].title}"`);
    if (answer === undefined) {
      missing.push(EVALUATION_LABELS[question].title);
    } else {
      answers[question] = answer;
    }
  }
  if (missing.length > 0) {
    throw new DomainError('CASE.EVALUATION_REQUIRED', {
      detail: `missing: ${missing.join(', ')}`,
      userMessage: `Beantwoord eerst alle evaluatievragen. Nog open: ${missing.join(', ')}.`,
    });
  }
  return answers as EvaluationInput;
}

/** Checks one requirement; returns the validated evaluation for 'evaluation'. */
function checkRequirement(c: Case, requirement: TransitionRequirement, comment: string | undefined, options: TransitionOptions): EvaluationInput | undefined {
  switch (requirement) {
    case 'comment':
      if (comment === undefined) {
        throw new DomainError('CASE.COMMENT_REQUIRED');
      }
      return undefined;
    case 'anyResponse':
      if (c.perpetratorResponse === undefined) {
        throw new DomainError('CASE.RESPONSE_REQUIRED');
      }
      return undefined;
    case 'noResponsePossible':
      if (c.perpetratorResponse?.kind !== 'notPossible') {
        throw new DomainError('CASE.RESPONSE_REQUIRED', {
          userMessage:
            'Zonder vastgestelde maatregelen kan de zaak alleen worden afgesloten met de reden waarom geen reactie richting de pleger mogelijk was.',
        });
      }
      return undefined;
    case 'measures':
      if (c.measures.length === 0 || c.measures.some((m) => m.status !== 'proposed')) {
        throw new DomainError('CASE.MEASURES_REQUIRED', { detail: `case ${c.id}` });
      }
      return undefined;
    case 'evaluation':
      return validateEvaluation(options.evaluation);
  }
}

function withMeasureStatus(c: Case, status: Measure['status']): readonly Measure[] {
  return c.measures.map((m) => ({ ...m, status }));
}

/**
 * Moves the case to another status if the table allows it for this actor; returns a new case.
 * What a step means for the rest of the case happens here, so the named actions below and a
 * direct transition never disagree: measure statuses and their history, the measures goal, the evaluation.
 */
export function transition(c: Case, to: CaseStatus, by: string, now: Date, options: TransitionOptions = {}): Case {
  const rule = ruleFor(c, to, by);
  const comment = cleanText(options.comment, TEXT_LIMITS.medium);
  let evaluation: EvaluationInput | undefined;
  for (const requirement of rule.requires ?? []) {
    evaluation = checkRequirement(c, requirement, comment, options) ?? evaluation;
  }
  const withComment = comment === undefined ? {} : { comment };
  const change: StatusChange = { status: to, at: now, byAadObjectId: by, ...withComment };
  const event = (action: MeasureEvent['action'], extra: Partial<MeasureEvent> = {}): MeasureEvent => ({ action, at: now, byAadObjectId: by, ...withComment, ...extra });
  let next: Case = {
    ...c,
    status: to,
    statusHistory: [...c.statusHistory, change],
    // Whoever moves a case out of 'submitted' takes it.
    ...(c.status === 'submitted' ? { handler: { aadObjectId: by, takenAt: now } } : {}),
  };
  if (to === 'measuresProposed') {
    next = { ...next, measureHistory: [...c.measureHistory, event('proposed', { measures: c.measures })] };
  } else if (c.status === 'measuresProposed' && to === 'inProgress') {
    next = { ...next, measureHistory: [...c.measureHistory, event('sentBack')] };
  } else if (to === 'measuresAgreed') {
    next = { ...next, measures: withMeasureStatus(c, 'agreed'), measureHistory: [...c.measureHistory, event('agreed')] };
  } else if (to === 'measuresApproved') {
    next = { ...next, measures: withMeasureStatus(c, 'approved'), measureHistory: [...c.measureHistory, event('approved')] };
    next = reachGoal(next, 'measures', now);
  } else if (to === 'closed' && evaluation !== undefined) {
    next = { ...next, evaluation: { ...evaluation, recordedAt: now, recordedByAadObjectId: by } };
  }
  return next;
}

/** A handler takes a submitted case; a second handler gets CASE.ALREADY_TAKEN. */
export function takeCase(c: Case, handlerAadObjectId: string, now: Date): Case {
  if (c.status !== 'submitted') {
    assertOpen(c);
    throw new DomainError('CASE.ALREADY_TAKEN', { detail: `case ${c.id} is ${c.status}` });
  }
  return transition(c, 'inProgress', handlerAadObjectId, now);
}

// ---------------------------------------------------------------------------------------------
// Measures: proposed by a handler, agreed (or sent back) by the office holder, approved by a handler
// ---------------------------------------------------------------------------------------------

/**
 * The case's deadlines after a proposal of `measures` at `now` (domain.md "Deadlines"):
 * - the incidentgesprek, 72 hours after the incident, only while the proposal includes one (alone or
 *   combined) and the perpetrator is known; a later proposal keeps it as first set (never moved), one
 *   without it removes it;
 * - the herstelgesprek when the restrictive measures end (their end date may change with a proposal).
 * Deadlines from the registration stay as they are.
 */
function deadlinesForProposal(c: Case, measures: readonly Measure[], now: Date): Deadline[] {
  const kept = c.deadlines.filter((d) => d.kind !== 'incidentMeeting' && d.kind !== 'restorationMeeting');
  const incident = c.deadlines.find((d) => d.kind === 'incidentMeeting');
  if (whyNoIncidentMeetingDeadline(measures, c.report) === undefined) {
    kept.push(incident ?? incidentMeetingDeadline(new Date(c.report.incidentAt), now));
  }
  const endsAt = measures.find((m) => m.kind === 'restrictiveMeasures')?.endsAt;
  if (endsAt !== undefined) {
    const restoration = c.deadlines.find((d) => d.kind === 'restorationMeeting');
    kept.push(restoration?.dueAt.getTime() === endsAt.getTime() ? restoration : restorationMeetingDeadline(endsAt, now));
  }
  return sortDeadlines(kept);
}

/** Why the case has no incidentgesprek deadline (nothing chosen, or nobody to talk to); undefined when it has one. */
export function noIncidentMeetingDeadlineReason(c: Case): NoIncidentMeetingDeadline | undefined {
  if (c.deadlines.some((d) => d.kind === 'incidentMeeting')) return undefined;
  return whyNoIncidentMeetingDeadline(c.measures, c.report) ?? 'notChosen';
}

/**
 * A handler proposes measures to the office holder: from 'inProgress', also again after the office
 * holder sent a proposal back. The proposal sets the incidentgesprek and herstelgesprek deadlines
 * (deadlinesForProposal); a proposed melding/aangifte brings the police checklist if the case had none.
 */
export function proposeMeasures(c: Case, handlerAadObjectId: string, items: readonly MeasureInput[], now: Date): Case {
  // Status and actor first: a wrong step is reported as such, whatever the items say.
  ruleFor(c, 'measuresProposed', handlerAadObjectId);
  const round = c.measureHistory.filter((e) => e.action === 'proposed').length + 1;
  const measures = validateMeasureItems(items, round, now);
  const proposed: Case = {
    ...c,
    measures,
    deadlines: deadlinesForProposal(c, measures, now),
    ...(c.policeChecklist === undefined && measures.some((m) => m.kind === 'policeReport') ? { policeChecklist: { ticks: [] } } : {}),
  };
  return transition(proposed, 'measuresProposed', handlerAadObjectId, now);
}

/** Which proposal round is current (1 for the first proposal); a card carries it so an old one cannot agree to a newer proposal. */
export function proposalRound(c: Case): number {
  return c.measureHistory.filter((e) => e.action === 'proposed').length;
}

/** The office holder agrees to the proposed measures, optionally with a remark. */
export function agreeToMeasures(c: Case, officeHolderAadObjectId: string, now: Date, comment?: string): Case {
  return transition(c, 'measuresAgreed', officeHolderAadObjectId, now, comment === undefined ? {} : { comment });
}

/** The office holder sends a measures proposal back to the handler, with a comment. */
export function sendBackProposal(c: Case, officeHolderAadObjectId: string, comment: string, now: Date): Case {
  assertOpen(c);
  if (c.status !== 'measuresProposed') {
    throw new DomainError('CASE.INVALID_TRANSITION', { detail: `send back from ${c.status}` });
  }
  return transition(c, 'inProgress', officeHolderAadObjectId, now, { comment });
}

/** A handler approves the agreed measures; this reaches the goal of the measures deadline. */
export function approveMeasures(c: Case, handlerAadObjectId: string, now: Date): Case {
  return transition(c, 'measuresApproved', handlerAadObjectId, now);
}

// ---------------------------------------------------------------------------------------------
// What the handler records along the way
// ---------------------------------------------------------------------------------------------

/** A handler records the response towards the perpetrator, or why none was possible. */
export function recordPerpetratorResponse(c: Case, response: PerpetratorResponseInput, by: string, now: Date): Case {
  assertHandlerMayWork(c, by);
  const recorded = { recordedAt: now, recordedByAadObjectId: by };
  if (response.kind === 'given') {
    const summary = cleanText(response.summary, TEXT_LIMITS.medium);
    if (summary === undefined) {
      throw new DomainError('CASE.RESPONSE_INVALID', { detail: 'empty summary' });
    }
    return { ...c, perpetratorResponse: { kind: 'given', summary, ...recorded } };
  }
  const explanation = cleanText(response.explanation, TEXT_LIMITS.medium);
  if (response.reason === 'other' && explanation === undefined) {
    throw new DomainError('CASE.RESPONSE_INVALID', {
      detail: 'reason other without explanation',
      userMessage: 'Licht toe waarom geen reactie richting de pleger mogelijk was.',
    });
  }
  const notPossible: PerpetratorResponse =
    explanation === undefined
      ? { kind: 'notPossible', reason: response.reason, ...recorded }
      : { kind: 'notPossible', reason: response.reason, explanation, ...recorded };
  return { ...c, perpetratorResponse: notPossible };
}

/**
 * A handler records that the Arbeidsinspectie was warned; only for a serious incident (the case has
 * that deadline). Recording it again changes nothing.
 */
export function recordLabourInspectorateWarned(c: Case, handlerAadObjectId: string, now: Date): Case {
  assertHandlerMayWork(c, handlerAadObjectId);
  if (!c.deadlines.some((d) => d.kind === 'labourInspectorate')) {
    throw new DomainError('CASE.LABOUR_INSPECTORATE_NOT_NEEDED', { detail: `case ${c.id}` });
  }
  if (c.labourInspectorateWarned !== undefined) {
    return c;
  }
  return reachGoal({ ...c, labourInspectorateWarned: { at: now, byAadObjectId: handlerAadObjectId } }, 'labourInspectorate', now);
}

/**
 * A handler records a conversation with the perpetrator held at `heldAt` (not in the future, not
 * before the incident). Its goals count as reached at `heldAt`: a meeting on time stays on time
 * when it is recorded later. Recording the same meeting twice changes nothing.
 */
export function recordMeetingHeld(c: Case, kind: MeetingKind, handlerAadObjectId: string, heldAt: Date, now: Date): Case {
  assertHandlerMayWork(c, handlerAadObjectId);
  if (!(MEETING_KINDS as readonly string[]).includes(kind)) {
    throw new DomainError('CASE.INVALID_TRANSITION', { detail: `unknown meeting kind`, userMessage: 'Kies een soort gesprek uit de lijst.' });
  }
  const at = heldAt.getTime();
  if (Number.isNaN(at) || at > now.getTime() + FUTURE_TOLERANCE_MS || at < new Date(c.report.incidentAt).getTime()) {
    throw new DomainError('CASE.MEETING_TIME_INVALID', { detail: `case ${c.id}` });
  }
  if (c.meetings.some((m) => m.kind === kind && m.heldAt.getTime() === at)) {
    return c;
  }
  const meeting: HeldMeeting = { kind, heldAt: new Date(at), recordedAt: now, recordedByAadObjectId: handlerAadObjectId };
  return MEETING_GOALS[kind].reduce(
    (next, goal) => reachGoal(next, goal, meeting.heldAt),
    { ...c, meetings: [...c.meetings, meeting] } as Case,
  );
}

/**
 * A handler closes the case with the evaluation answers; needs a recorded perpetrator response
 * (see CASE_TRANSITIONS: after approved measures any response, without them only "not possible").
 */
export function closeCase(c: Case, by: string, now: Date, evaluation: EvaluationInput): Case {
  return transition(c, 'closed', by, now, { evaluation });
}

/** A handler marks a task done; doing it again changes nothing. */
export function completeTask(c: Case, taskId: string, by: string, now: Date): Case {
  assertOpen(c);
  assertActor(c, 'handler', by);
  const task = c.tasks.find((t) => t.id === taskId);
  if (task === undefined) {
    throw new DomainError('CASE.TASK_NOT_FOUND', { detail: `task ${taskId} on case ${c.id}` });
  }
  if (task.status === 'done') {
    return c;
  }
  return {
    ...c,
    tasks: c.tasks.map((t) => (t.id === taskId ? { ...t, status: 'done', completedAt: now, completedByAadObjectId: by } : t)),
  };
}

/** True when the office holder may act on the case now (agree or send back). */
export function awaitsOfficeHolder(c: Case): boolean {
  return CASE_TRANSITIONS.some((rule) => rule.from === c.status && rule.actor === 'officeHolder');
}
