import type { Case } from '../domain/case';
import type { RecidiveSubject } from '../domain/perpetrator';

/** Who confirmed the purge once, after seeing the dry-run list (README "Privacy"). */
export interface PurgeConfirmation {
  readonly byAadObjectId: string;
  readonly at: Date;
}

/** A claim on one case's purge; only its holder carries the purge out. */
export interface PurgeClaim {
  readonly caseId: string;
  readonly owner: string;
}

/** Storage for retention: the closed cases, the confirmation, per-case claims and the day's run. */
export interface RetentionStore {
  /** Every closed case (a filtered scan of the case rows: the province's volume is hundreds a year). */
  listClosedCases(): Promise<Case[]>;
  readConfirmation(): Promise<PurgeConfirmation | undefined>;
  saveConfirmation(confirmation: PurgeConfirmation): Promise<void>;
  /** Claims a day's run ('yyyy-MM-dd'); false when another instance has it. */
  claimDailyRun(day: string, owner: string, now: Date): Promise<boolean>;
  /** Claims a case's purge for `leaseMs`; false when another instance holds it or it is done. */
  claimPurge(caseId: string, owner: string, now: Date, leaseMs: number): Promise<PurgeClaim | undefined>;
  /** Marks a claimed purge done (kept as a tombstone with the case id only). */
  completePurge(claim: PurgeClaim, now: Date): Promise<void>;
  /** Whether the case still has effects waiting in its outbox (then it waits for a later run). */
  hasPendingEffects(caseId: string): Promise<boolean>;
  /** Removes everything stored under the case: its partition in Cases, Meetings and CardRefs; the submitted draft. */
  deleteCaseData(c: Case): Promise<number>;
}

/** Evidence files in blob storage. */
export interface EvidenceRemover {
  /** Deletes a blob; false when it was gone already. */
  delete(blobName: string): Promise<boolean>;
}

/** The perpetrator index entries of a case. */
export interface PerpetratorIndexRemover {
  remove(subject: RecidiveSubject): Promise<void>;
}

/** The figures: the case's anonymous registration row is counted (finally) before the case goes. */
export interface RegistrationKeeper {
  keep(c: Case, earlierCasesOfPerpetrator: number): Promise<void>;
}
