import type { IntakeAnswer, IntakeAnswers, IntakeDraft, IntakeStepId } from '../../domain/intake';
import type { IntakeContext, IntakeNotice, IntakePrompt } from './intake-prompt';

/**
 * The shape of one intake question: how it is asked, how a typed answer and a card's form values
 * are read, and how the answer reads back in the summary. One file per question in steps/; the
 * flow (intake-flow.ts) decides the order, the home-address guard and the draft bookkeeping.
 */

/** What a step may look at while reading an answer. */
export interface StepState {
  answers: IntakeAnswers;
  ctx: IntakeContext;
  office?: IntakeDraft['office'];
}

/** The question part of a prompt; the flow adds position, optionality and the current value. */
export type StepQuestion = Pick<IntakePrompt, 'title' | 'text' | 'help' | 'examples' | 'kind' | 'options' | 'fields'>;

/**
 * An accepted answer (maybe staying on the step), or a Dutch explanation. An explanation that asks
 * for the missing part ("Bij welke organisatie ben je wethouder?") names, as `followUp`, the part it
 * understood: the next typed answer is then also read after it ("wethouder" + "Zeist").
 */
export type StepOutcome<V> = { ok: true; value: V; stay?: boolean; notices?: IntakeNotice[] } | { ok: false; error: string; followUp?: string };

/** How one question is asked, read and summarised. */
export interface StepDefinition<K extends IntakeStepId> {
  readonly id: K;
  /** The office holder may skip it ("overslaan"). */
  readonly optional: boolean;
  readonly summaryLabel: string;
  /** Free-text keys of the answer checked for a home address, in order. */
  readonly addressFields: readonly string[];
  question(state: StepState): StepQuestion;
  fromText(text: string, state: StepState): StepOutcome<IntakeAnswer<K>>;
  fromForm(values: unknown, state: StepState): StepOutcome<IntakeAnswer<K>>;
  /** The answer stored for "overslaan" (optional steps only). */
  skipped?(state: StepState): IntakeAnswer<K>;
  /** Dutch, one line or a few, for the summary. */
  describe(value: IntakeAnswer<K>): string;
}

/** One definition per step id, typed so each step's answer matches its key in IntakeAnswers. */
export type StepRegistry = { readonly [K in IntakeStepId]: StepDefinition<K> };



export function failure(error: string, followUp?: string): { ok: false; error: string; followUp?: string } {
  return followUp === undefined ? { ok: false, error } : { ok: false, error, followUp };
}

export function accepted<V>(value: V, extra: { stay?: boolean; notices?: IntakeNotice[] } = {}): StepOutcome<V> {
  return { ok: true, value, ...extra };
}

export function labelOptions<V extends string>(values: readonly V[], labels: Readonly<Record<V, string>>): { value: V; label: string }[] {
  return values.map((value) => ({ value, label: labels[value] }));
}

export function yesNo(value: boolean): string {
  return value ? 'Ja' : 'Nee';
}

export function toggleValue(value: boolean | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}
