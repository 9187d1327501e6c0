import { TEXT_LIMITS, type EvidenceFile } from '../../domain/report';
import {
  activeSteps,
  addEvidenceFiles,
  detectHomeAddress,
  INTAKE_STEP_IDS,
  MAX_EVIDENCE_FILES,
  removeHomeAddress,
  type IntakeAnswer,
  type IntakeAnswers,
  type IntakeDraft,
  type IntakeStepId,
  type PendingAddress,
} from '../../domain/intake';
import { INTAKE_VALUE_FIELD, type IntakeContext, type IntakeInput, type IntakeNotice, type IntakePrompt, type IntakeResult } from './intake-prompt';
import { INTAKE_STEPS } from './intake-steps';
import { foldWords, isExplicitSkip, isSkipText } from './answer-reading';
import type { StepDefinition, StepOutcome, StepState } from './step-definition';
import { parseYesNo } from './free-text';

/**
 * The intake as a dialogue: one question at a time, a home-address guard on free text, a summary
 * to check and change. Every function is pure: it takes a draft and returns a new one, so the
 * caller stores drafts between chat turns. What makes a draft a complete report is the domain's
 * (src/domain/intake/report-draft.ts).
 */

// ---------------------------------------------------------------------------------------------
// Position, prompt
// ---------------------------------------------------------------------------------------------

/** "stap index van total"; on the summary, index equals total. */
export function progress(draft: IntakeDraft): { index: number; total: number } {
  const steps = activeSteps(draft);
  const total = steps.length;
  if (draft.current === 'summary') return { index: total, total };
  return { index: Math.max(1, steps.indexOf(draft.current) + 1), total };
}

function stateOf(draft: IntakeDraft, ctx: IntakeContext): StepState {
  return { answers: draft.answers, ctx, office: draft.office };
}

/** Everything a card needs to ask the current question (or the address choice, or the summary). */
export function currentPrompt(draft: IntakeDraft, ctx: IntakeContext): IntakePrompt {
  const position = progress(draft);
  if (draft.pendingAddress !== undefined) return addressPrompt(draft.pendingAddress, position);
  if (draft.current === 'summary') {
    return {
      stepId: 'summary',
      ...position,
      title: 'Controleer je melding',
      text: 'Klopt alles? Verstuur je melding, of kies "Wijzig" bij een onderdeel.',
      help: 'Na het versturen gaat je melding naar de afhandelaar van je organisatie.',
      kind: 'form',
      optional: false,
    };
  }
  return stepPrompt(draft.current, draft, ctx, position);
}

function stepPrompt<K extends IntakeStepId>(id: K, draft: IntakeDraft, ctx: IntakeContext, position: { index: number; total: number }): IntakePrompt {
  const step: StepDefinition<K> = INTAKE_STEPS[id];
  const prompt: IntakePrompt = { stepId: id, ...position, ...step.question(stateOf(draft, ctx)), optional: step.optional };
  const current = draft.answers[id] as IntakeAnswer<K> | undefined;
  if (draft.returnToSummary && current !== undefined) prompt.currentValueText = step.describe(current);
  return prompt;
}

function addressPrompt(pending: PendingAddress, position: { index: number; total: number }): IntakePrompt {
  return {
    stepId: pending.stepId,
    ...position,
    title: 'Adres in je antwoord',
    text: 'Je antwoord lijkt een adres te bevatten. Geef nooit je huisadres: in de melding staat het adres van je organisatie. '
      + 'Zal ik het adres weghalen?',
    help: `Zonder adres wordt het: ${pending.withoutAddress}`,
    kind: 'choice',
    options: [
      { value: 'remove', label: 'Verwijder het adres' },
      { value: 'keep', label: 'Laat staan (het is geen huisadres)' },
    ],
    optional: false,
  };
}

// ---------------------------------------------------------------------------------------------
// Answering
// ---------------------------------------------------------------------------------------------

const CHOOSE_ADDRESS_FIRST = 'Je vorige antwoord lijkt een adres te bevatten. Kies eerst: typ "verwijder" om het adres weg te halen, '
  + 'of "laat staan" als het geen huisadres is (bijvoorbeeld het adres van je organisatie).';
const AT_SUMMARY = 'Je melding is klaar om te versturen. Kies "Verstuur melding", of "Wijzig" bij het onderdeel dat je wilt aanpassen.';
const REQUIRED_QUESTION = 'Deze vraag is nodig voor je melding en kun je niet overslaan.';

/** Reads one input for the current question. Never throws on what the user sent; a refusal leaves the draft as it was. */
export function answer(draft: IntakeDraft, input: IntakeInput, ctx: IntakeContext): IntakeResult {
  const fail = (error: string): IntakeResult => ({ ok: false, draft, error });
  if (draft.status === 'submitted') return fail('Deze melding is al verstuurd. Typ "meld incident" voor een nieuwe melding.');
  if (draft.status === 'cancelled') return fail('Deze melding is gestopt. Typ "meld incident" om opnieuw te beginnen.');
  const read = readInput(input);
  if (read === undefined) return fail('Ik kan dit antwoord niet lezen. Typ je antwoord, of gebruik de knoppen op de kaart.');
  if (draft.pendingAddress !== undefined) return chooseAddress(draft, draft.pendingAddress, read, ctx);

  switch (read.kind) {
    case 'addressChoice':
      return fail('Er is geen adres om te verwijderen. Beantwoord de vraag hierboven.');
    case 'files':
      return addEvidence(draft, read.files, ctx);
    default:
      if (draft.current === 'summary') return fail(AT_SUMMARY);
      return answerStep(draft, draft.current, read, ctx);
  }
}

/** The input with its runtime shape checked: callers pass activity data that TypeScript never saw. */
function readInput(input: unknown): IntakeInput | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const candidate = input as Record<string, unknown>;
  switch (candidate.kind) {
    case 'text':
      return { kind: 'text', text: typeof candidate.text === 'string' ? candidate.text : '' };
    case 'form':
      // Left as sent: the step's zod schema refuses what is not an object.
      return { kind: 'form', values: candidate.values as Record<string, unknown> };
    case 'files':
      return Array.isArray(candidate.files) ? { kind: 'files', files: candidate.files as EvidenceFile[] } : undefined;
    case 'addressChoice':
      return typeof candidate.remove === 'boolean' ? { kind: 'addressChoice', remove: candidate.remove } : undefined;
    default:
      return undefined;
  }
}

function isSkipForm(values: unknown): boolean {
  if (typeof values !== 'object' || values === null) return false;
  const skip = (values as Record<string, unknown>).skip;
  return skip === true || skip === 'true';
}

function answerStep<K extends IntakeStepId>(
  draft: IntakeDraft,
  id: K,
  input: Extract<IntakeInput, { kind: 'text' | 'form' }>,
  ctx: IntakeContext,
): IntakeResult {
  const step: StepDefinition<K> = INTAKE_STEPS[id];
  const state = stateOf(draft, ctx);
  let outcome: StepOutcome<IntakeAnswer<K>>;
  if (input.kind === 'text') {
    if (step.skipped !== undefined && isSkipText(input.text)) outcome = { ok: true, value: step.skipped(state) };
    else if (!step.optional && isExplicitSkip(input.text)) outcome = { ok: false, error: REQUIRED_QUESTION };
    else outcome = readWithFollowUp(step, draft.followUp, input.text, state);
  } else if (step.skipped !== undefined && isSkipForm(input.values)) {
    outcome = { ok: true, value: step.skipped(state) };
  } else {
    outcome = step.fromForm(input.values, state);
  }
  if (!outcome.ok) {
    // Remember what a follow-up question already understood; the draft is saved with it.
    if (outcome.followUp === undefined) return { ok: false, draft, error: outcome.error };
    return { ok: false, draft: { ...draft, followUp: { stepId: id, prefix: outcome.followUp }, updatedAt: ctx.now.toISOString() }, error: outcome.error };
  }

  const { followUp: _answered, ...rest } = draft;
  let next: IntakeDraft = { ...rest, answers: withAnswer(draft.answers, id, outcome.value), updatedAt: ctx.now.toISOString() };
  if (next.answers.who !== undefined && id === 'who') next = { ...next, office: { ...next.answers.who } };
  const notices: IntakeNotice[] = [...(outcome.notices ?? [])];
  if (outcome.stay) return { ok: true, draft: next, notices };

  const pending = findAddress(id, outcome.value, 0);
  if (pending !== undefined) return { ok: true, draft: { ...next, pendingAddress: pending }, notices: [...notices, { kind: 'addressWarning' }] };
  return { ok: true, draft: advance(next), notices };
}

/**
 * A typed answer, read alone first (a complete new answer wins); when that fails and the step had
 * asked a follow-up question, read after what it understood then ("wethouder" + "Zeist").
 */
function readWithFollowUp<K extends IntakeStepId>(step: StepDefinition<K>, followUp: IntakeDraft['followUp'], text: string, state: StepState): StepOutcome<IntakeAnswer<K>> {
  const alone = step.fromText(text, state);
  if (alone.ok || followUp === undefined || followUp.stepId !== step.id) return alone;
  return step.fromText(`${followUp.prefix} ${text}`, state);
}

function withAnswer<K extends IntakeStepId>(answers: IntakeAnswers, id: K, value: IntakeAnswer<K>): IntakeAnswers {
  return { ...answers, [id]: value };
}

/** The step after the current one, or the summary (directly, when the office holder came from there). */
function advance(draft: IntakeDraft): IntakeDraft {
  if (draft.returnToSummary || draft.current === 'summary') return { ...draft, current: 'summary', returnToSummary: false };
  const steps = activeSteps(draft);
  const next = steps[steps.indexOf(draft.current) + 1];
  return { ...draft, current: next ?? 'summary' };
}

// ---------------------------------------------------------------------------------------------
// Home-address guard
// ---------------------------------------------------------------------------------------------

/** Most characters each checked field may hold; removing an address must not break the limit. */
function fieldLimit(stepId: IntakeStepId, field: string): number {
  if (stepId === 'what' && field === 'description') return TEXT_LIMITS.long;
  if (field === 'location' || field === 'detail' || field === 'name') return TEXT_LIMITS.short;
  return TEXT_LIMITS.medium;
}

function truncate(text: string, limit: number): string {
  const characters = [...text];
  return characters.length <= limit ? text : characters.slice(0, limit).join('').trimEnd();
}

/** The first free-text field of an answer, from `from` on, that looks like it holds an address. */
function findAddress(stepId: IntakeStepId, value: unknown, from: number): PendingAddress | undefined {
  const fields = INTAKE_STEPS[stepId].addressFields;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const field of fields.slice(from)) {
    const text = (value as Record<string, unknown>)[field];
    if (typeof text !== 'string' || !detectHomeAddress(text).found) continue;
    return { stepId, field, original: text, withoutAddress: truncate(removeHomeAddress(text), fieldLimit(stepId, field)) };
  }
  return undefined;
}

const REMOVE_WORDS = ['verwijder', 'verwijderen', 'verwijder het', 'verwijder het adres', 'weghalen', 'haal weg', 'haal het weg', 'weg', 'remove'];
const KEEP_WORDS = ['laat staan', 'laat maar staan', 'laten staan', 'laat het staan', 'houden', 'behouden', 'bewaren', 'keep', 'geen huisadres'];

function addressChoiceFromText(text: string): boolean | undefined {
  if (text.length > 200) return undefined;
  const folded = foldWords(text);
  if (REMOVE_WORDS.includes(folded)) return true;
  if (KEEP_WORDS.includes(folded)) return false;
  return parseYesNo(text);
}

function addressChoiceFromForm(values: unknown): boolean | undefined {
  if (typeof values !== 'object' || values === null) return undefined;
  const record = values as Record<string, unknown>;
  const value = record[INTAKE_VALUE_FIELD];
  if (value === 'remove' || record.remove === true || record.remove === 'true') return true;
  if (value === 'keep' || record.remove === false || record.remove === 'false') return false;
  return undefined;
}

function chooseAddress(draft: IntakeDraft, pending: PendingAddress, input: IntakeInput, ctx: IntakeContext): IntakeResult {
  const remove = input.kind === 'addressChoice'
    ? input.remove
    : input.kind === 'text' ? addressChoiceFromText(input.text) : input.kind === 'form' ? addressChoiceFromForm(input.values) : undefined;
  if (remove === undefined) return { ok: false, draft, error: CHOOSE_ADDRESS_FIRST };

  const notices: IntakeNotice[] = [];
  let answers = draft.answers;
  if (remove) {
    answers = withField(answers, pending.stepId, pending.field, pending.withoutAddress);
    notices.push({ kind: 'addressRemoved' });
  }
  const { pendingAddress: _resolved, ...rest } = draft;
  const next: IntakeDraft = { ...rest, answers, updatedAt: ctx.now.toISOString() };
  // Another field of the same answer may hold an address too.
  const another = findAddress(pending.stepId, answers[pending.stepId], INTAKE_STEPS[pending.stepId].addressFields.indexOf(pending.field) + 1);
  if (another !== undefined) return { ok: true, draft: { ...next, pendingAddress: another }, notices: [...notices, { kind: 'addressWarning' }] };
  return { ok: true, draft: advance(next), notices };
}

function withField(answers: IntakeAnswers, stepId: IntakeStepId, field: string, text: string): IntakeAnswers {
  const current = answers[stepId];
  if (typeof current !== 'object' || current === null || Array.isArray(current)) return answers;
  return { ...answers, [stepId]: { ...current, [field]: text } };
}

// ---------------------------------------------------------------------------------------------
// Evidence
// ---------------------------------------------------------------------------------------------

/** Appends stored files to the evidence, whatever the current question; the draft stays where it is. */
function addEvidence(draft: IntakeDraft, files: readonly unknown[], ctx: IntakeContext): IntakeResult {
  const result = addEvidenceFiles(draft.answers.evidence, files);
  if (!result.ok) {
    const fail = (error: string): IntakeResult => ({ ok: false, draft, error });
    switch (result.reason) {
      case 'noFiles':
        return fail('Er zat geen bestand bij je bericht. Stuur het bestand als bijlage in deze chat.');
      case 'invalidFile':
        return fail('Een bestand kon niet worden toegevoegd. Stuur het nog een keer.');
      case 'alreadyAdded':
        return fail(files.length === 1 ? 'Dit bestand heb je al toegevoegd.' : 'Deze bestanden heb je al toegevoegd.');
      case 'tooMany':
        return fail(result.room === 0
          ? `Je hebt al ${MAX_EVIDENCE_FILES} bestanden toegevoegd; meer kan niet. Typ "klaar" om verder te gaan.`
          : `Je kunt maximaal ${MAX_EVIDENCE_FILES} bestanden toevoegen. Er zijn er al ${result.existing}, dus je kunt er nog ${result.room} sturen.`);
    }
  }
  return {
    ok: true,
    draft: { ...draft, answers: { ...draft.answers, evidence: result.evidence }, updatedAt: ctx.now.toISOString() },
    notices: [{ kind: 'evidenceAdded', count: result.added }],
  };
}

// ---------------------------------------------------------------------------------------------
// Summary and edit
// ---------------------------------------------------------------------------------------------

/** From the summary: ask one question again, then come back. Returns the draft unchanged when that is not possible. */
export function editStep(draft: IntakeDraft, stepId: IntakeStepId, now: Date): IntakeDraft {
  const changesPresetLevel = stepId === 'level' && draft.levelPreset === true;
  const editable = draft.status === 'open' && draft.current === 'summary' && draft.pendingAddress === undefined
    && stepId !== 'safety' && (changesPresetLevel || activeSteps(draft).includes(stepId));
  if (!editable) return draft;
  // A preset level that is changed becomes an asked question, so the step count stays true.
  const asked = changesPresetLevel ? { levelPreset: false } : {};
  return { ...draft, ...asked, current: stepId, returnToSummary: true, updatedAt: now.toISOString() };
}

/** One row of the check-and-submit card. */
export interface SummaryRow {
  stepId: IntakeStepId;
  label: string;
  value: string;
  /** False for the office when the directory supplied it. */
  editable: boolean;
}

/** The answers in Dutch, in question order, for the check-and-submit card (the safety answer is left out). */
export function summarise(draft: IntakeDraft): SummaryRow[] {
  const rows: SummaryRow[] = [];
  for (const id of INTAKE_STEP_IDS) {
    if (id === 'safety') continue;
    if (id === 'who') {
      const office = draft.answers.who ?? draft.office;
      if (office !== undefined) rows.push({ stepId: id, label: INTAKE_STEPS.who.summaryLabel, value: INTAKE_STEPS.who.describe(office), editable: !draft.officeKnown });
      continue;
    }
    const row = summaryRow(id, draft.answers);
    if (row !== undefined) rows.push(row);
  }
  return rows;
}

function summaryRow<K extends IntakeStepId>(id: K, answers: IntakeAnswers): SummaryRow | undefined {
  const step: StepDefinition<K> = INTAKE_STEPS[id];
  const value = answers[id] as IntakeAnswer<K> | undefined;
  return value === undefined ? undefined : { stepId: id, label: step.summaryLabel, value: step.describe(value), editable: true };
}
