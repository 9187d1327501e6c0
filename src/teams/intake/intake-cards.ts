/**
 * The cards and messages of the conversational intake: typed view-models for the templates in
 * cards/ (intake-*.json, safety-alert, case-submitted) and the rendering of the intake
 * service's replies. No card JSON is built here; the templates hold the layout and the button data.
 */
import type { IntakeReply } from '../../app/intake.service';
import type { Case } from '../../domain/case';
import { DEADLINE_LABELS, type Deadline } from '../../domain/deadlines';
import { decreeDaysNote } from '../../copy/deadlines.copy';
import { formatDutchDateTime, timeLeft } from '../../copy/dates.copy';
import type { PendingAddress } from '../../domain/intake';
import { INTAKE_VALUE_FIELD, type IntakeNotice, type IntakePrompt, type IntakePromptField, type SummaryRow } from '../../dialogue/intake';
import { findOrganisation } from '../../domain/organisations';
import { BEHAVIOUR_LEVELS, TEXT_LIMITS, type BehaviourLevel } from '../../domain/report';
import { HANDLER_ROLE_LABELS } from '../../domain/roles';
import type { SupportLine } from '../../domain/support-lines';
import { amsterdamDate } from '../../domain/working-days';
import type { CardRenderer } from '../cards/card-renderer';
import { toCardText, toPlainCardText } from '../cards/escape';
import { CONFIDENTIAL_PHONE_ON_CARD } from '../cards/support-line-text';
import { REPORTER_PRIORITY_TEXT } from '../case/case-view-parts';

/** One message for the chat: a card or a text; `summary` is what notifications and screen readers show (Dutch). */
export interface OutgoingMessage {
  text?: string;
  card?: object;
  summary: string;
}

/** Template names (files in cards/) of the intake. */
export const INTAKE_CARD_NAMES = {
  question: 'intake-question',
  summary: 'intake-summary',
  addressWarning: 'intake-address-warning',
  confirmCancel: 'intake-confirm-cancel',
  safetyAlert: 'safety-alert',
  caseSubmitted: 'case-submitted',
} as const;

/** At most this many characters of one answer on the summary card; "Wijzig" shows the whole answer. */
export const SUMMARY_VALUE_MAX = 1200;
/** At most this many characters of a quoted answer on the address warning. */
export const ADDRESS_QUOTE_MAX = 1000;

/** Choice lists up to this long show as radio buttons; longer ones as a drop-down. */
const EXPANDED_CHOICES_MAX = 4;
/** Notification text is cut to this length. */
const SUMMARY_TEXT_MAX = 200;

// ---------------------------------------------------------------------------------------------
// Question card
// ---------------------------------------------------------------------------------------------

/** One input on the question card; every key is always set, because the template binds them all. */
export interface QuestionFieldViewModel {
  id: string;
  kind: IntakePromptField['kind'];
  label: string;
  required: boolean;
  errorMessage: string;
  /** Text inputs only; 0 elsewhere. */
  maxLength: number;
  placeholder: string;
  /** Prefilled value; not escaped like display text (an input shows it literally and sends it back). */
  value: string;
  /** Choice inputs: radio buttons or a drop-down. */
  style: 'compact' | 'expanded';
  choices: { title: string; value: string }[];
  /** Date inputs: the latest date that can be chosen (today in Amsterdam), yyyy-MM-dd; '' elsewhere. */
  max: string;
}

/** Data bound to cards/intake-question.json. */
export interface QuestionCardViewModel {
  stepId: string;
  progress: string;
  title: string;
  text: string;
  help: string;
  /** 'Bijvoorbeeld: "…", "…"'; '' when the question has no examples. */
  examples: string;
  /** The answer given before, when the question is revisited from the summary; '' otherwise. */
  currentValue: string;
  /** One button per option (choice questions); '' explanation hides its line. */
  options: { label: string; value: string; explanation: string }[];
  fields: QuestionFieldViewModel[];
  /** The evidence question: explains how to send files. */
  isFiles: boolean;
  /** 'next' = "Volgende" (sends the inputs), 'done' = "Klaar" (evidence), 'none' = the options are the buttons. */
  submit: 'next' | 'done' | 'none';
  /** "Overslaan" or "Geen bewijs" on optional questions; '' for none. */
  skipTitle: string;
}

/** Builds the question card's data from a prompt; `now` gives the latest date a date input allows. */
export function questionCardViewModel(prompt: IntakePrompt, now: Date): QuestionCardViewModel {
  const isFiles = prompt.kind === 'files';
  const options = prompt.kind === 'choice' ? (prompt.options ?? []) : [];
  const examples = (prompt.examples ?? []).map((example) => `"${example}"`).join(', ');
  return {
    stepId: prompt.stepId,
    progress: `Stap ${prompt.index} van ${prompt.total}`,
    title: toCardText(prompt.title, 200),
    text: toCardText(prompt.text),
    help: toCardText(prompt.help),
    examples: examples === '' ? '' : toCardText(`Bijvoorbeeld: ${examples}`),
    // A reminder only: the inputs below hold the whole answer where the question has inputs.
    currentValue: toCardText(prompt.currentValueText, SUMMARY_VALUE_MAX),
    options: options.map((option) => ({
      label: toPlainCardText(option.label, 200), // a button title: Teams reads no Markdown there
      value: option.value,
      explanation: toCardText(option.explanation),
    })),
    fields: promptFields(prompt).map((field) => fieldViewModel(field, now, prompt.kind === 'text')),
    isFiles,
    submit: prompt.kind === 'choice' ? 'none' : isFiles ? 'done' : 'next',
    skipTitle: !prompt.optional ? '' : isFiles ? 'Geen bewijs' : 'Overslaan',
  };
}

/** The inputs a prompt asks for; choice prompts have none (their options are buttons). */
function promptFields(prompt: IntakePrompt): IntakePromptField[] {
  switch (prompt.kind) {
    case 'choice':
      return [];
    case 'multiChoice':
      return [{
        id: INTAKE_VALUE_FIELD,
        label: 'Kies een of meer',
        kind: 'multiChoice',
        required: !prompt.optional,
        options: (prompt.options ?? []).map(({ value, label }) => ({ value, label })),
      }];
    case 'text':
      return prompt.fields ?? [{ id: INTAKE_VALUE_FIELD, label: 'Je antwoord', kind: 'longText', required: !prompt.optional }];
    case 'form':
    case 'files':
      return prompt.fields ?? [];
  }
}

function fieldViewModel(field: IntakePromptField, now: Date, singleTextAnswer: boolean): QuestionFieldViewModel {
  const isText = field.kind === 'text' || field.kind === 'longText';
  const choices = (field.options ?? []).map((option) => ({ title: toPlainCardText(option.label, 200), value: option.value }));
  return {
    id: field.id,
    kind: field.kind,
    label: toPlainCardText(field.label, 200),
    // A toggle always has a value, and a required toggle would demand "on".
    required: field.kind !== 'toggle' && field.required,
    errorMessage: errorMessageFor(field),
    maxLength: isText ? (field.maxLength ?? TEXT_LIMITS.long) : 0,
    placeholder: isText && singleTextAnswer ? 'Typ hier je antwoord' : field.kind === 'choice' ? 'Kies…' : '',
    value: inputValue(field.kind === 'toggle' ? (field.value === 'true' ? 'true' : 'false') : field.value),
    style: field.kind === 'multiChoice' || choices.length <= EXPANDED_CHOICES_MAX ? 'expanded' : 'compact',
    choices,
    max: field.kind === 'date' ? amsterdamDate(now) : '',
  };
}

function errorMessageFor(field: IntakePromptField): string {
  switch (field.kind) {
    case 'choice':
      return 'Kies een van de opties.';
    case 'multiChoice':
      return 'Kies er minstens een.';
    case 'date':
      return 'Kies een datum.';
    case 'time':
      return 'Geef een tijd, bijvoorbeeld 21:30.';
    default:
      return 'Vul dit in.';
  }
}

/**
 * A prefilled input value. Not `toCardText`: an input is never read as Markdown, and what it holds
 * is sent back as the answer, so look-alike characters or a cut would end up in the report. Only
 * `${` is broken (zero-width space), because the card renderer refuses anything that looks like an
 * unresolved binding.
 */
function inputValue(value: string | undefined): string {
  return (value ?? '').replace(/\$(?=\{)/g, '$\u200B');
}

// ---------------------------------------------------------------------------------------------
// Summary card
// ---------------------------------------------------------------------------------------------

/** Data bound to cards/intake-summary.json. */
export interface SummaryCardViewModel {
  draftId: string;
  rows: { stepId: string; label: string; value: string; editable: boolean; editTooltip: string }[];
}

/** Builds the check-and-submit card's data; answers are user text, escaped and shortened. */
export function summaryCardViewModel(draftId: string, rows: readonly SummaryRow[]): SummaryCardViewModel {
  return {
    draftId,
    rows: rows.map((row) => {
      const label = toCardText(row.label, 200);
      return { stepId: row.stepId, label, value: toCardText(row.value, SUMMARY_VALUE_MAX) || '–', editable: row.editable, editTooltip: `Wijzig: ${label}` };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Address warning
// ---------------------------------------------------------------------------------------------

/** Data bound to cards/intake-address-warning.json. */
/** Data bound to cards/safety-alert.json (shown when the office holder is not safe). */
export interface SafetyAlertViewModel {
  /** The Vertrouwenslijn's number (src/domain/support-lines.ts). */
  confidentialPhone: string;
}

export function safetyAlertViewModel(): SafetyAlertViewModel {
  return { confidentialPhone: CONFIDENTIAL_PHONE_ON_CARD };
}

export interface AddressWarningViewModel {
  hasPreview: boolean;
  original: string;
  withoutAddress: string;
}

/** Shows what was found and what remains without the address; both are user text. */
export function addressWarningViewModel(pending: PendingAddress | undefined): AddressWarningViewModel {
  if (pending === undefined) return { hasPreview: false, original: '', withoutAddress: '' };
  return {
    hasPreview: true,
    original: toCardText(pending.original, ADDRESS_QUOTE_MAX),
    withoutAddress: toCardText(pending.withoutAddress, ADDRESS_QUOTE_MAX) || '(niets: het hele antwoord wordt weggehaald)',
  };
}

// ---------------------------------------------------------------------------------------------
// Case submitted
// ---------------------------------------------------------------------------------------------

/** One deadline as the office holder reads it. */
export interface DeadlineViewModel {
  label: string;
  /** "maandag 30 november 2026 om 17:00". */
  due: string;
  /** "Nog 2 dagen en 3 uur". */
  status: string;
  /** Why the moment may shift, e.g. a year's decree days are not known yet; '' when nothing to say. */
  note: string;
}

/** Data bound to cards/case-submitted.json. */
export interface CaseSubmittedViewModel {
  repeated: boolean;
  caseNumber: string;
  /** Who takes it from here, by role and organisation. */
  nextSteps: string;
  /** Deadlines still running; a passed one is the handler's concern and left off. */
  deadlines: DeadlineViewModel[];
  /** "Je melding krijgt voorrang." when a deadline has already passed (a late report); '' otherwise. */
  priorityText: string;
  supportLines: { name: string; phone: string; description: string }[];
  /** The level the office holder chose, for the button to the matching advice. */
  level: BehaviourLevel;
}

/** Builds the confirmation: case number, who handles it, the deadlines as of `now`, and the support lines. */
export function caseSubmittedViewModel(submitted: Case, supportLines: readonly SupportLine[], repeated: boolean, now: Date): CaseSubmittedViewModel {
  const passed = submitted.deadlines.filter((deadline) => timeLeft(deadline.dueAt, now).overdue);
  const deadlines = submitted.deadlines.filter((deadline) => !passed.includes(deadline)).map((deadline) => deadlineViewModel(deadline, now));
  return {
    repeated,
    caseNumber: toCardText(submitted.caseNumber, 40),
    nextSteps: toCardText(nextStepsText(submitted)),
    deadlines,
    priorityText: passed.length > 0 ? REPORTER_PRIORITY_TEXT : '',
    supportLines: supportLines.map((line) => ({
      name: toCardText(line.name),
      phone: toCardText(line.phone ?? ''),
      description: toCardText(line.description),
    })),
    level: submitted.report.level,
  };
}

function nextStepsText(submitted: Case): string {
  const { role, organisationId } = submitted.route.handler;
  const label = HANDLER_ROLE_LABELS[role];
  const organisation = findOrganisation(organisationId)?.name ?? 'je organisatie';
  return `De ${label.charAt(0).toLowerCase()}${label.slice(1)} van ${organisation} neemt je melding in behandeling, bespreekt met jou de maatregelen `
    + 'en doet zo nodig melding of aangifte bij de politie — dat hoef je niet zelf te doen.';
}

function deadlineViewModel(deadline: Deadline, now: Date): DeadlineViewModel {
  const status = capitalise(timeLeft(deadline.dueAt, now).text);
  return { label: DEADLINE_LABELS[deadline.kind], due: formatDutchDateTime(deadline.dueAt), status, note: decreeDaysNote(deadline) ?? '' };
}

function capitalise(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

// ---------------------------------------------------------------------------------------------
// Replies → messages
// ---------------------------------------------------------------------------------------------

/** Turns the intake service's replies into chat messages, in order; `now` is for deadlines and date limits. */
export function renderIntakeReplies(replies: readonly IntakeReply[], renderer: CardRenderer, now: Date): OutgoingMessage[] {
  return replies.map((reply) => renderReply(reply, renderer, now));
}

function renderReply(reply: IntakeReply, renderer: CardRenderer, now: Date): OutgoingMessage {
  switch (reply.kind) {
    case 'question':
      return {
        card: renderer.render(INTAKE_CARD_NAMES.question, questionCardViewModel(reply.prompt, now)),
        summary: shorten(`Stap ${reply.prompt.index} van ${reply.prompt.total}: ${reply.prompt.title}`),
      };
    case 'levelChosen':
      return text(levelChosenText(reply.level));
    case 'invalid':
      // The message may quote what the user typed or a file name: neutralise Markdown like card text.
      return text(`⚠️ ${toCardText(reply.message)}`);
    case 'notice':
      return renderNotice(reply.notice, reply.pendingAddress, renderer);
    case 'summary':
      return { card: renderer.render(INTAKE_CARD_NAMES.summary, summaryCardViewModel(reply.draftId, reply.items)), summary: 'Controleer je melding en verstuur hem.' };
    case 'submitted':
      return {
        card: renderer.render(INTAKE_CARD_NAMES.caseSubmitted, caseSubmittedViewModel(reply.case, reply.supportLines, reply.repeated, now)),
        summary: reply.repeated
          ? `Je melding ${reply.case.caseNumber} was al verstuurd.`
          : `Je melding is ontvangen: ${reply.case.caseNumber}.`,
      };
    case 'resumeExisting':
      return text(`Je hebt nog een melding in concept (begonnen op ${startedOn(reply.startedAt)}). We gaan verder waar je was.`);
    case 'confirmCancel':
      return { card: renderer.render(INTAKE_CARD_NAMES.confirmCancel, {}), summary: 'Wil je stoppen met je melding?' };
    case 'cancelled':
      return text('Je melding is gestopt en wat je had ingevuld is verwijderd. Wil je later toch iets melden? Typ dan \'meld incident\'.');
    case 'noDraft':
      return text('Je hebt geen melding in concept. Wil je een incident melden? Typ \'meld incident\'.');
    case 'staleCard':
      return text('Die knop hoort bij een eerdere vraag. Hieronder staat de vraag waar je nu bent.');
  }
}

function renderNotice(notice: IntakeNotice, pending: PendingAddress | undefined, renderer: CardRenderer): OutgoingMessage {
  switch (notice.kind) {
    case 'unsafe':
      return { card: renderer.render(INTAKE_CARD_NAMES.safetyAlert, safetyAlertViewModel()), summary: 'Ben je in acuut gevaar? Bel nu 112.' };
    case 'addressWarning':
      return { card: renderer.render(INTAKE_CARD_NAMES.addressWarning, addressWarningViewModel(pending)), summary: 'Staat er een huisadres in je antwoord?' };
    case 'addressRemoved':
      return text('Het adres is verwijderd.');
    case 'evidenceAdded': {
      const files = notice.count === 1 ? '1 bestand' : `${notice.count} bestanden`;
      return text(`✓ ${files} ontvangen en veilig opgeslagen. Bewaar de originelen: de melding krijgt een kopie.`);
    }
  }
}

/** Before the first question of an intake started from an advice card: the level is already filled in. */
export function levelChosenText(level: BehaviourLevel): string {
  const title = BEHAVIOUR_LEVELS.find((l) => l.level === level)?.title ?? '';
  return `Soort gedrag: ${title}. Dat staat al ingevuld; bij de controle aan het eind kun je het nog wijzigen.`;
}

function text(message: string): OutgoingMessage {
  return { text: message, summary: shorten(message) };
}

function shorten(message: string): string {
  const characters = Array.from(message); // never cut an emoji in half
  return characters.length <= SUMMARY_TEXT_MAX ? message : `${characters.slice(0, SUMMARY_TEXT_MAX - 1).join('').trimEnd()}…`;
}

function startedOn(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? 'een eerder moment' : formatDutchDateTime(date);
}
