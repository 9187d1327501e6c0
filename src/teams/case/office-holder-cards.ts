/** The office holder's cards in their 1:1 chat: the progress of their case, and a measures proposal to answer. */
import { CASE_STATUS_LABELS } from '../../copy/case.copy';
import { allowedCommands, type Case, type CaseStatus, proposalRound } from '../../domain/case';
import { formatDutchDate, formatDutchDateTime } from '../../copy/dates.copy';
import { POLICE_APPOINTMENT_STEP, POLICE_REPORT_STEP, policeChecklistItems } from '../../domain/police-checklist';
import { TEXT_LIMITS } from '../../domain/report';
import { HANDLER_ROLE_LABELS } from '../../domain/roles';
import { supportLinesFor } from '../../domain/support-lines';
import { toCardText } from '../cards/escape';
import { CASE_CARD_TEXT_MAX } from './case-card-contract';
import { capitalisedDesk, type CaseDeadlineViewModel, type FactViewModel, handlerDesk, lowerFirst, measureList, type MeasureViewModel, OFFICE_HOLDER_MEASURE_LIMITS, quoted, refreshIds, reporterDeadlinesOf, sentBackComment, shortOrganisationName } from './case-view-parts';

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
  /** Running and reached deadlines; a passed one is left off (it is the handler's, in red on their card). */
  deadlines: CaseDeadlineViewModel[];
  /** "Je melding krijgt voorrang." when a deadline has passed; '' otherwise. */
  priorityText: string;
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
export function caseProgressViewModel(c: Case, options: { now: Date; refreshUserIds: string[]; notice?: string; handlerName?: string }): CaseProgressViewModel {
  const handler = takenByText(c, options.handlerName);
  const { deadlines, priorityText } = reporterDeadlinesOf(c, options.now);
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
      { title: 'Afhandelaar', value: handler ?? capitalisedDesk(c) },
      ...(closedAt === undefined ? [] : [{ title: 'Afgesloten op', value: formatDutchDateTime(closedAt) }]),
    ],
    nextStep: nextStepText(c, comment !== undefined, handler),
    sentBackComment: quoted(comment, CASE_CARD_TEXT_MAX.comment),
    deadlines,
    priorityText,
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

/**
 * "Peter Jansen, gemeentesecretaris van Utrecht": who took the case, by name and role; undefined
 * before it is taken or when the directory no longer knows the name (the desk is said instead).
 */
export function takenByText(c: Case, handlerName: string | undefined): string | undefined {
  const name = toCardText(handlerName?.trim(), CASE_CARD_TEXT_MAX.name);
  if (c.handler === undefined || name === '') return undefined;
  return `${name}, ${lowerFirst(HANDLER_ROLE_LABELS[c.route.handler.role])} van ${shortOrganisationName(c.route.handler.organisationId)}`;
}

/** The 1:1 message when a handler takes the case: who took it, by name and role, and what comes next. */
export function caseTakenMessage(c: Case, handlerName: string | undefined): string {
  const named = takenByText(c, handlerName);
  const who = named === undefined ? capitalisedDesk(c) : `${named},`;
  return `${who} heeft je melding ${c.caseNumber} in behandeling genomen. Het voorstel voor maatregelen komt in deze chat; je beslist mee.`;
}

function nextStepText(c: Case, sentBack: boolean, handler: string | undefined): string {
  const desk = handlerDesk(c);
  switch (c.status) {
    case 'submitted':
      return `Je melding wacht tot ${desk} hem in behandeling neemt. Je krijgt bericht zodra dat gebeurt.`;
    case 'inProgress':
      return sentBack
        ? 'Je hebt op het voorstel gereageerd. De afhandelaar past het aan en legt het opnieuw aan je voor.'
        : `${handler ?? 'De afhandelaar'} werkt aan je melding en stelt maatregelen voor. Het voorstel komt in deze chat; je beslist mee.`;
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
  if (done(POLICE_REPORT_STEP)) return 'Politie: de melding of aangifte is gedaan door de afhandelaar.';
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
  /** "Je melding krijgt voorrang." when the measures deadline has passed; '' otherwise. */
  priorityText: string;
  /** True while the office holder can agree or send the proposal back. */
  canRespond: boolean;
  /** Where the proposal stands once answered; '' while open. */
  stateText: string;
  commentMaxLength: number;
}

/** Builds the proposal the office holder agrees to or answers; after their answer, the same card shows where it stands. */
export function measuresProposalViewModel(c: Case, options: { now: Date }): MeasuresProposalViewModel {
  const allowed = allowedCommands(c, 'officeHolder');
  const proposedAt = c.measureHistory.filter((e) => e.action === 'proposed').at(-1)?.at;
  const incidentOn = formatDutchDate(new Date(c.report.incidentAt));
  return {
    caseId: c.id,
    round: proposalRound(c),
    caseNumber: toCardText(c.caseNumber, 40),
    intro: `${capitalisedDesk(c)} stelt${proposedAt === undefined ? '' : ` op ${formatDutchDateTime(proposedAt)}`} de volgende maatregelen voor naar aanleiding van je melding van het incident op ${incidentOn}. Maatregelen worden in overleg met jou genomen.`,
    ...measureList(c.measures, OFFICE_HOLDER_MEASURE_LIMITS),
    ...reporterDeadlinesOf(c, options.now, ['measures']),
    canRespond: allowed.has('agreeMeasures') && allowed.has('sendBackMeasures'),
    stateText: proposalStateText(c),
    commentMaxLength: TEXT_LIMITS.medium,
  };
}

const NO_PROPOSAL_YET = 'Er ligt op dit moment geen voorstel voor je klaar.';

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
        : NO_PROPOSAL_YET;
    case 'submitted':
      return NO_PROPOSAL_YET;
  }
}
