import { z } from 'zod';
import {
  CRIMINAL_OFFENCE_ANSWERS,
  damageSchema,
  evidenceFileSchema,
  INCIDENT_KINDS,
  INJURIES,
  perpetratorSchema,
  placeSchema,
  TEXT_LIMITS,
  type EvidenceFile,
} from '../report';
import { OFFICE_HOLDER_ROLES, type OfficeHolderRole } from '../roles';

/**
 * The state of one conversational intake (a report being written, one question at a time), and
 * the shapes that go in and out of the flow. Pure data: the flow is in intake-flow.ts.
 */

/** The questions in the order they are asked; 'who' is skipped when the directory knows the office. */
export const INTAKE_STEP_IDS = [
  'safety',
  'who',
  'when',
  'where',
  'what',
  'level',
  'kinds',
  'perpetrator',
  'witnesses',
  'evidence',
  'injury',
  'damage',
  'criminalOffence',
  'hindrance',
  'aftercare',
] as const;
export type IntakeStepId = (typeof INTAKE_STEP_IDS)[number];

/** A copy of a letter, e-mail, voicemail or post the caller already stored (same shape as in a report). */
export type { EvidenceFile };

/** Most evidence files one report takes; the report schema allows more, a chat does not need them. */
export const MAX_EVIDENCE_FILES = 20;

/** The form key that carries the answer of a choice, multi-choice or single-text question card. */
export const INTAKE_VALUE_FIELD = 'value';

/** The answer "geen letsel" on the injury question; stored as an empty list. */
export const NO_INJURY = 'geen';

const longText = z.string().trim().min(1).max(TEXT_LIMITS.long);
const mediumText = z.string().trim().min(1).max(TEXT_LIMITS.medium);

/** When it happened, as the parser read it; `at` is UTC. */
export const whenAnswerSchema = z.object({
  at: z.string().datetime({ offset: false }),
  /** False when only a date was given: `at` is the start of that day in Amsterdam. */
  timeKnown: z.boolean(),
  /** True for a part of the day ("gisteravond") read as a representative hour. */
  approximate: z.boolean(),
  /** Dutch, as shown in the summary. */
  display: z.string().min(1).max(200),
}).strict();

/** One key per step; a key is present once its question was answered ("overslaan" stores an empty answer). */
export const intakeAnswersSchema = z.object({
  safety: z.enum(['safe', 'unsafe']).optional(),
  who: z.object({ role: z.enum(OFFICE_HOLDER_ROLES), organisationId: z.string().min(1).max(100) }).strict().optional(),
  when: whenAnswerSchema.optional(),
  where: placeSchema.optional(),
  what: z.object({ description: longText, motive: mediumText.optional() }).strict().optional(),
  level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]).optional(),
  kinds: z.array(z.enum(INCIDENT_KINDS)).min(1).optional(),
  perpetrator: perpetratorSchema.optional(),
  witnesses: z.object({ text: mediumText.optional() }).strict().optional(),
  evidence: z.object({
    files: z.array(evidenceFileSchema).max(MAX_EVIDENCE_FILES),
    keptOriginals: mediumText.optional(),
    /** True once the office holder said they have sent everything. */
    done: z.boolean(),
  }).strict().optional(),
  /** Empty list: no injury. */
  injury: z.array(z.enum(INJURIES)).optional(),
  damage: damageSchema.optional(),
  criminalOffence: z.enum(CRIMINAL_OFFENCE_ANSWERS).optional(),
  hindrance: z.boolean().optional(),
  aftercare: z.object({ text: mediumText.optional() }).strict().optional(),
}).strict();
/** The answers so far, one optional key per step. */
export type IntakeAnswers = z.infer<typeof intakeAnswersSchema>;
/** The stored answer of one step. */
export type IntakeAnswer<K extends IntakeStepId> = NonNullable<IntakeAnswers[K]>;

const officeSchema = z.object({ role: z.enum(OFFICE_HOLDER_ROLES), organisationId: z.string().min(1).max(100) }).strict();

/** A home address found in a free-text answer, waiting for "verwijder" or "laat staan". */
export interface PendingAddress {
  stepId: IntakeStepId;
  /** The key inside the step's answer, e.g. 'location' or 'characteristics'. */
  field: string;
  original: string;
  withoutAddress: string;
}

/** An intake in progress; stored between chat turns, so everything is JSON (dates as ISO strings). */
export interface IntakeDraft {
  id: string;
  officeHolder: { aadObjectId: string; name: string };
  office?: { role: OfficeHolderRole; organisationId: string };
  /** True when the directory already knew the office: the 'who' question is skipped. */
  officeKnown: boolean;
  /**
   * True when the office holder chose the level before the intake started (from the advice on
   * responding): the 'level' question is not asked; the summary still offers to change it.
   */
  levelPreset?: boolean;
  answers: IntakeAnswers;
  current: IntakeStepId | 'summary';
  /** Set by "wijzig" on the summary: after the next accepted answer the flow returns to the summary. */
  returnToSummary: boolean;
  pendingAddress?: PendingAddress;
  status: 'open' | 'submitted' | 'cancelled';
  startedAt: string;
  updatedAt: string;
}

/** Validates a stored draft (storage mappers parse with this on read and write). */
export const intakeDraftSchema = z.object({
  id: z.string().min(1).max(200),
  officeHolder: z.object({ aadObjectId: z.string().min(1).max(100), name: z.string().max(500) }).strict(),
  office: officeSchema.optional(),
  officeKnown: z.boolean(),
  levelPreset: z.boolean().optional(),
  answers: intakeAnswersSchema,
  current: z.enum([...INTAKE_STEP_IDS, 'summary']),
  returnToSummary: z.boolean(),
  pendingAddress: z.object({
    stepId: z.enum(INTAKE_STEP_IDS),
    field: z.string().min(1).max(50),
    original: z.string().max(TEXT_LIMITS.long),
    withoutAddress: z.string().max(TEXT_LIMITS.long),
  }).strict().optional(),
  status: z.enum(['open', 'submitted', 'cancelled']),
  startedAt: z.string().datetime({ offset: false }),
  updatedAt: z.string().datetime({ offset: false }),
}).strict() satisfies z.ZodType<IntakeDraft>;

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

/** What the flow needs from outside: the time, and the organisations configured in the directory. */
export interface IntakeContext {
  now: Date;
  allowedOrganisationIds: readonly string[];
}

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
