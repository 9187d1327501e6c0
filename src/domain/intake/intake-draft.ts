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
 * A report being written: the answers so far, one key per part of the report, each validated as
 * the report will hold it, and where the writing stands. Pure data, stored between chat turns.
 * The rules on it are in report-draft.ts; how each part is asked and read back is the intake
 * dialogue (src/dialogue/intake).
 */

/** The parts of a report, in the order they are asked; 'who' is skipped when the directory knows the office. */
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

/** The understood part of an answer to a step that asked for the rest. */
export interface IntakeFollowUp {
  stepId: IntakeStepId;
  /** Words the next answer is read after, e.g. "wethouder". */
  prefix: string;
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
  /**
   * What the office holder already said when the bot asked a follow-up question ("wethouder", then
   * "Bij welke organisatie ben je wethouder?"): the next typed answer to that step is read together with it.
   */
  followUp?: IntakeFollowUp;
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
  followUp: z.object({ stepId: z.enum(INTAKE_STEP_IDS), prefix: z.string().min(1).max(200) }).strict().optional(),
  status: z.enum(['open', 'submitted', 'cancelled']),
  startedAt: z.string().datetime({ offset: false }),
  updatedAt: z.string().datetime({ offset: false }),
}).strict() satisfies z.ZodType<IntakeDraft>;
