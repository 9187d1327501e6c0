import type { EvidenceFile } from '../../domain/report';
import type { IntakeDraft, IntakeStepId } from '../../domain/intake';

/**
 * What goes in and out of the intake dialogue: the office holder's input, the question to show
 * (Dutch text and form layout, no rendering) and the notices beside it. A Teams card, or any other
 * front end, renders these; none of them is stored.
 */

/** The form key that carries the answer of a choice, multi-choice or single-text question card. */
export const INTAKE_VALUE_FIELD = 'value';

/** The answer "geen letsel" on the injury question; stored as an empty list. */
export const NO_INJURY = 'geen';

/** What the dialogue needs from outside: the time, and the organisations configured in the directory. */
export interface IntakeContext {
  now: Date;
  allowedOrganisationIds: readonly string[];
}

/** What the office holder did in the chat. */
export type IntakeInput =
  /** Typed in the chat. */
  | { kind: 'text'; text: string }
  /** Action.Submit data of the question card; any shape, validated here. */
  | { kind: 'form'; values: Record<string, unknown> }
  /** Files the caller already stored as blobs. */
  | { kind: 'files'; files: EvidenceFile[] }
  /** The answer to the home-address warning. */
  | { kind: 'addressChoice'; remove: boolean };

/** Things the caller should tell the office holder besides the next question. */
export type IntakeNotice =
  | { kind: 'unsafe' }
  | { kind: 'addressWarning' }
  | { kind: 'evidenceAdded'; count: number }
  | { kind: 'addressRemoved' };

/** The outcome of one input; on failure the draft is the one passed in, unchanged. */
export type IntakeResult =
  | { ok: true; draft: IntakeDraft; notices: IntakeNotice[] }
  | { ok: false; draft: IntakeDraft; error: string };

/** One input on a question card. */
export interface IntakePromptField {
  id: string;
  label: string;
  kind: 'text' | 'longText' | 'choice' | 'multiChoice' | 'date' | 'time' | 'toggle';
  required: boolean;
  maxLength?: number;
  options?: { value: string; label: string }[];
  /** Current value when the question is asked again (multi-choice: comma-separated values). */
  value?: string;
}

/** Everything a card needs to ask the current question; Dutch text, no rendering. */
export interface IntakePrompt {
  stepId: IntakeStepId | 'summary';
  /** "stap index van total"; total leaves out 'who' when the office is known. */
  index: number;
  total: number;
  title: string;
  text: string;
  help?: string;
  examples?: string[];
  /** choice/multiChoice: `options`, answered under INTAKE_VALUE_FIELD; text/form/files: `fields`. */
  kind: 'choice' | 'multiChoice' | 'text' | 'form' | 'files';
  options?: { value: string; label: string; explanation?: string }[];
  fields?: IntakePromptField[];
  /** The office holder may skip with "overslaan" or "geen". */
  optional: boolean;
  /** The answer given before, when the question is revisited from the summary. */
  currentValueText?: string;
}
