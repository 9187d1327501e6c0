import type { Case, CaseEvent } from '../domain/case';
import type { IntakeDraft } from '../domain/intake/intake-draft';
import type { RecidiveSubject } from '../domain/perpetrator';
import type { OfficeHolderRole } from '../domain/roles';
import type { CaseEffect } from './case-effects';
import type { OutboxLease, WrittenChange } from './outbox-ports';

/**
 * Ports the use cases need from the outside world; adapters implement them and are wired in
 * src/main.ts. Kept free of SDK types so the Teams adapter can be replaced without touching them.
 */

/** Where a proactive message can be delivered later (stored as opaque JSON by the Teams adapter). */
export interface ConversationStore {
  /** Saves or replaces the reference under a key such as `user:<aadObjectId>` or `channel:<channelId>`. */
  save(key: string, reference: Record<string, unknown>): Promise<void>;
  get(key: string): Promise<Record<string, unknown> | undefined>;
}

/** Whether storage answers; used by GET /healthz. */
export interface HealthProbe {
  check(): Promise<{ ok: boolean; detail?: string }>;
}

/** The office a user holds, remembered so the intake asks it only once. */
export interface KnownOffice {
  role: OfficeHolderRole;
  organisationId: string;
}

/** A stored intake draft with the ETag needed to update it safely. */
export interface StoredDraft {
  draft: IntakeDraft;
  /** Set once the draft became a case, so a second "verstuur" answers with the same case. */
  submittedCase?: { id: string; caseNumber: string };
  etag: string;
  /** Answered from this instance's copy rather than read from storage (see DraftStore.get). */
  fromCopy?: boolean;
}

/** One draft per user, saved after every answer so nothing is lost. */
export interface DraftStore {
  /**
   * The user's draft. Unless `fresh`, this instance's copy of its own last read or write may answer,
   * without a storage read. A save based on a copy that another instance overtook fails with a
   * conflict that isStaleCopy recognises; the caller then decides again on a fresh read.
   */
  get(aadObjectId: string, options?: { fresh?: boolean }): Promise<StoredDraft | undefined>;
  /** Creates or replaces the user's draft; with an etag only if it is unchanged (throws ConcurrencyError). */
  save(draft: IntakeDraft, options?: { etag?: string; submittedCase?: { id: string; caseNumber: string } }): Promise<string>;
  delete(aadObjectId: string): Promise<void>;
}

export interface ProfileStore {
  get(aadObjectId: string): Promise<KnownOffice | undefined>;
  save(aadObjectId: string, office: KnownOffice): Promise<void>;
}

/** A case as read, with what a conditional write needs. */
export interface StoredCase {
  case: Case;
  /** Opaque concurrency token (the ETag). */
  etag: string;
  /** How many changes the case has had (1 after submission); numbers its history. */
  revision: number;
}

/** Reading a case by id, for use cases that only look (reminders, meetings). */
export interface CaseReader {
  get(id: string): Promise<{ case: Case } | undefined>;
}

/** One change of a case: the new state, what happened, and what must follow. */
export interface CaseCommit {
  readonly case: Case;
  /** The version the change was made on; absent for a new case. */
  readonly expected?: { readonly etag: string; readonly revision: number };
  readonly events: readonly CaseEvent[];
  readonly effects: readonly CaseEffect[];
  /** When the change was made. */
  readonly at: Date;
  /** The effects are written leased to the writer, which carries them out right after: nobody else starts on them meanwhile. */
  readonly lease: OutboxLease;
}

export interface CaseStore {
  /** Stores a new case without history or effects (tools and tests); 'exists' when a case with this id is already there. */
  create(c: Case): Promise<'created' | 'exists'>;
  get(id: string): Promise<StoredCase | undefined>;
  /**
   * Writes the case, its history and its outbox in one transaction, only if the case is still the
   * version read (a new one: only if it does not exist). Throws an error with code STORAGE.CONFLICT otherwise.
   */
  commit(commit: CaseCommit): Promise<WrittenChange & { etag: string; revision: number }>;
  listByOfficeHolder(aadObjectId: string): Promise<Case[]>;
  /** Cases nobody has taken yet (few at any time). */
  listSubmitted(): Promise<Case[]>;
}

/** Which cases name the same perpetrator (recidive), by key, without reading or scanning cases. */
export interface PerpetratorIndex {
  /** Files a case under each of its perpetrator keys; doing it again changes nothing. */
  add(subject: RecidiveSubject): Promise<void>;
  /** The cases of the organisation filed under any of these keys (each once, with the keys it shares). */
  find(organisationId: string, keys: readonly string[]): Promise<RecidiveSubject[]>;
  /**
   * Every case in the province filed under any of these keys, each once, with its organisation only
   * (no case number): one small read that says whether the own organisation has other cases at all,
   * and how many cases other organisations have.
   */
  filedInProvince(keys: readonly string[]): Promise<ProvinceFiling[]>;
  /** The handlers' decisions on suggested matches of a case, by the other case's id. */
  decisions?(caseId: string): Promise<Map<string, MatchDecision>>;
  /** Records a decision on the match of two cases, for both of them. */
  decide?(caseId: string, otherCaseId: string, decision: MatchDecision): Promise<void>;
}

/** A case filed under a perpetrator key, as the province-wide index knows it: which case, which organisation. */
export interface ProvinceFiling {
  caseId: string;
  organisationId: string;
}

/** A handler's decision on a suggested match of two cases of one organisation (issue 10 point 7). */
export interface MatchDecision {
  decision: 'confirmed' | 'rejected';
  byAadObjectId: string;
  at: Date;
}

export interface CaseNumberSequence {
  /** The next sequence number for a year; never the same twice. */
  next(year: number): Promise<number>;
}

/** Evidence files copied out of the chat. */
export interface EvidenceStore {
  put(blobName: string, bytes: Buffer, contentType: string): Promise<{ blobName: string; sha256: string; sizeBytes: number }>;
}

/** Storage adapters mark an ETag conflict with this code (someone else changed the row first). */
export const CONFLICT_CODE = 'STORAGE.CONFLICT';

export function isConflict(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === CONFLICT_CODE;
}

/** A conflict because the copy a write was based on was overtaken elsewhere (not by a turn in this instance). */
export function isStaleCopy(error: unknown): boolean {
  return isConflict(error) && (error as { staleCopy?: unknown }).staleCopy === true;
}

/** Where a card about a case was posted, so it can be updated when the case changes. */
export interface PostedCardRef {
  conversationId: string;
  activityId: string;
  serviceUrl: string;
}

/** The desk card, the office holder's progress card, and the latest measures proposal in their chat. */
export type PostedCardSlot = 'desk' | 'officeHolder' | 'proposal';

export interface PostedCardStore {
  save(caseId: string, slot: PostedCardSlot, ref: PostedCardRef): Promise<void>;
  get(caseId: string, slot: PostedCardSlot): Promise<PostedCardRef | undefined>;
}
