import { DateTime } from 'luxon';
import { computeDeadlines, type Deadline } from './deadlines';
import { DomainError } from './errors';
import { isSeriousIncident, incidentReportSchema, needsPoliceAppointment, TEXT_LIMITS, type IncidentReport } from './report';
import { INFORMED_ROLE_LABELS, type InformedRole, type OfficeHolderRole } from './roles';
import { routeReport, type ResolvedRoute } from './routing';
import { AMSTERDAM, WorkingDayCalendar } from './working-days';

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
 * What must be recorded before a step: 'anyResponse' = a response towards the perpetrator or the
 * reason none was possible; 'noResponsePossible' = only the latter (closing without agreed measures).
 */
export type TransitionRequirement = 'comment' | 'anyResponse' | 'noResponsePossible';

export interface TransitionRule {
  readonly from: CaseStatus;
  readonly to: CaseStatus;
  readonly actor: CaseActor;
  readonly requires?: TransitionRequirement;
}

/** Every allowed status change; anything not listed is refused with CASE.INVALID_TRANSITION. */
export const CASE_TRANSITIONS: readonly TransitionRule[] = [
  // A handler takes the case (takeCase).
  { from: 'submitted', to: 'inProgress', actor: 'handler' },
  { from: 'inProgress', to: 'measuresProposed', actor: 'handler' },
  // Measures are decided in consultation with the office holder: they agree, or send the proposal back.
  { from: 'measuresProposed', to: 'measuresAgreed', actor: 'officeHolder' },
  { from: 'measuresProposed', to: 'inProgress', actor: 'officeHolder', requires: 'comment' },
  { from: 'measuresAgreed', to: 'measuresApproved', actor: 'handler' },
  // Basisafspraak: every case ends with a response towards the perpetrator, or the reason there was none.
  { from: 'measuresApproved', to: 'closed', actor: 'handler', requires: 'anyResponse' },
  // Without agreed measures there was no response, so only "none was possible" (e.g. unknown perpetrator).
  { from: 'inProgress', to: 'closed', actor: 'handler', requires: 'noResponsePossible' },
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

/** Kinds of measure towards the perpetrator (domain.md "Measures"). */
export const MEASURE_KINDS = [
  'writtenWarning',
  'incidentMeeting',
  'restrictiveMeasures',
  'restorationMeeting',
  'combinedMeeting',
  'policeReport',
  'damageRecovery',
  'aftercare',
] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

export const MEASURE_KIND_LABELS: Readonly<Record<MeasureKind, string>> = {
  writtenWarning: 'Schriftelijke waarschuwing',
  incidentMeeting: 'Incidentgesprek',
  restrictiveMeasures: 'Beperkende maatregelen / contactafspraken',
  restorationMeeting: 'Herstelgesprek',
  combinedMeeting: 'Gecombineerd incident- en herstelgesprek',
  policeReport: 'Melding of aangifte bij de politie',
  damageRecovery: 'Schade verhalen',
  aftercare: 'Nazorg',
};

/** A measure on the case; proposals and their life cycle arrive in a later iteration. */
export interface Measure {
  readonly id: string;
  readonly kind: MeasureKind;
  readonly description?: string;
  /** End of restrictive measures / contact agreements; the herstelgesprek is due then. */
  readonly endsAt?: Date;
}

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
  readonly measures: readonly Measure[];
  readonly perpetratorResponse?: PerpetratorResponse;
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
export function submitCase(input: SubmitCaseInput, now: Date, calendar: WorkingDayCalendar = new WorkingDayCalendar()): Case {
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
  const deadlines = computeDeadlines(
    {
      incidentAt,
      registeredAt: now,
      criminalOffenceSuspected: needsPoliceAppointment(report),
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
  };
}

function assertActor(c: Case, actor: CaseActor, by: string): void {
  const isOfficeHolder = by === c.officeHolder.aadObjectId;
  if (actor === 'officeHolder' ? !isOfficeHolder : isOfficeHolder) {
    // The office holder never handles their own case; handler membership is checked by the app layer.
    throw new DomainError('CASE.NOT_ALLOWED', { detail: `${actor} step on case ${c.id}` });
  }
}

function assertOpen(c: Case): void {
  if (c.status === 'closed') {
    throw new DomainError('CASE.CLOSED', { detail: `case ${c.id}` });
  }
}

/** Trimmed text, undefined when blank; too long is refused rather than silently cut. */
function cleanText(text: string | undefined, max: number): string | undefined {
  const trimmed = text?.trim();
  if (trimmed === undefined || trimmed === '') {
    return undefined;
  }
  if (trimmed.length > max) {
    throw new DomainError('CASE.TEXT_TOO_LONG', {
      detail: `${trimmed.length} > ${max}`,
      userMessage: `De tekst is te lang: maximaal ${max} tekens.`,
    });
  }
  return trimmed;
}

export interface TransitionOptions {
  /** Required when sending a proposal back to the handler. */
  readonly comment?: string;
}

/** Moves the case to another status if the table allows it for this actor; returns a new case. */
export function transition(c: Case, to: CaseStatus, by: string, now: Date, options: TransitionOptions = {}): Case {
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
  const comment = cleanText(options.comment, TEXT_LIMITS.medium);
  if (rule.requires === 'comment' && comment === undefined) {
    throw new DomainError('CASE.COMMENT_REQUIRED');
  }
  if (rule.requires === 'anyResponse' && c.perpetratorResponse === undefined) {
    throw new DomainError('CASE.RESPONSE_REQUIRED');
  }
  if (rule.requires === 'noResponsePossible' && c.perpetratorResponse?.kind !== 'notPossible') {
    throw new DomainError('CASE.RESPONSE_REQUIRED', {
      userMessage:
        'Zonder vastgestelde maatregelen kan de zaak alleen worden afgesloten met de reden waarom geen reactie richting de pleger mogelijk was.',
    });
  }
  const change: StatusChange = comment === undefined ? { status: to, at: now, byAadObjectId: by } : { status: to, at: now, byAadObjectId: by, comment };
  return {
    ...c,
    status: to,
    statusHistory: [...c.statusHistory, change],
    // Whoever moves a case out of 'submitted' takes it.
    ...(c.status === 'submitted' ? { handler: { aadObjectId: by, takenAt: now } } : {}),
  };
}

/** A handler takes a submitted case; a second handler gets CASE.ALREADY_TAKEN. */
export function takeCase(c: Case, handlerAadObjectId: string, now: Date): Case {
  if (c.status !== 'submitted') {
    assertOpen(c);
    throw new DomainError('CASE.ALREADY_TAKEN', { detail: `case ${c.id} is ${c.status}` });
  }
  return transition(c, 'inProgress', handlerAadObjectId, now);
}

/** The office holder sends a measures proposal back to the handler, with a comment. */
export function sendBackProposal(c: Case, officeHolderAadObjectId: string, comment: string, now: Date): Case {
  assertOpen(c);
  if (c.status !== 'measuresProposed') {
    throw new DomainError('CASE.INVALID_TRANSITION', { detail: `send back from ${c.status}` });
  }
  return transition(c, 'inProgress', officeHolderAadObjectId, now, { comment });
}

/** A handler records the response towards the perpetrator, or why none was possible. */
export function recordPerpetratorResponse(c: Case, response: PerpetratorResponseInput, by: string, now: Date): Case {
  assertOpen(c);
  if (c.status === 'submitted') {
    throw new DomainError('CASE.INVALID_TRANSITION', { detail: 'response before the case was taken' });
  }
  assertActor(c, 'handler', by);
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

/** A handler closes the case; needs a recorded perpetrator response (see CASE_TRANSITIONS). */
export function closeCase(c: Case, by: string, now: Date): Case {
  return transition(c, 'closed', by, now);
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
