import type { Case } from '../domain/case';
import type { Clock } from '../domain/clock';
import { DomainError } from '../domain/errors';
import { isPurgeDue, retentionPreview, type RetentionPreviewLine } from '../domain/privacy/retention';
import type { CaseRevisionForFigures } from './figures.service';
import type { Logger } from './logger';
import type { EvidenceRemover, PerpetratorIndexRemover, PurgeConfirmation, RegistrationKeeper, RetentionStore } from './retention-ports';

/** What one purge run did. */
export interface PurgeReport {
  readonly outcome: 'ran' | 'notConfirmed' | 'otherInstance';
  /** Cases reduced to their registration row by this instance. */
  readonly purged: number;
  /** Evidence blobs this instance deleted. */
  readonly blobsDeleted: number;
  /** Due cases left for a later run (effects still pending, or claimed by another instance). */
  readonly deferred: number;
}

/** A purge has a few minutes; after that another instance may take a crashed one over. */
const PURGE_LEASE_MS = 10 * 60 * 1000;

/**
 * Retention use cases: the coordinator's dry-run list and confirmation, and the purge itself. Every
 * step of a purge can be repeated without harm (a crash halfway is finished by a later run), and a
 * per-case claim makes sure two instances never both carry one out.
 */
export class RetentionService {
  constructor(
    private readonly deps: {
      store: RetentionStore;
      evidence: EvidenceRemover;
      perpetrators: PerpetratorIndexRemover;
      registrations: RegistrationKeeper;
      /** Earlier cases of the perpetrator, for cases stored before the count was kept on the case. */
      countEarlier: (c: Case) => Promise<number>;
      coordinatorAadObjectId: () => string;
      retentionDays: number;
      clock: Clock;
      logger: Logger;
      /** This instance, for claims. */
      owner: string;
    },
  ) {}

  private requireCoordinator(aadObjectId: string): void {
    if (aadObjectId === '' || aadObjectId !== this.deps.coordinatorAadObjectId()) {
      throw new DomainError('RETENTION.NOT_ALLOWED', { detail: `not the coordinator: ${aadObjectId}` });
    }
  }

  /** The dry-run list for the coordinator VPT: every closed case with its purge date, and whether purging is confirmed. */
  async preview(aadObjectId: string): Promise<{ lines: RetentionPreviewLine[]; confirmation?: PurgeConfirmation; retentionDays: number }> {
    this.requireCoordinator(aadObjectId);
    const [cases, confirmation] = await Promise.all([this.deps.store.listClosedCases(), this.deps.store.readConfirmation()]);
    return { lines: retentionPreview(cases, this.deps.retentionDays), ...(confirmation ? { confirmation } : {}), retentionDays: this.deps.retentionDays };
  }

  /** The coordinator confirms, once, that purging may run; later runs need no new confirmation. */
  async confirm(aadObjectId: string): Promise<PurgeConfirmation> {
    this.requireCoordinator(aadObjectId);
    const existing = await this.deps.store.readConfirmation();
    if (existing) return existing;
    const confirmation = { byAadObjectId: aadObjectId, at: this.deps.clock.now() };
    await this.deps.store.saveConfirmation(confirmation);
    this.deps.logger.info('retention.confirmed', { detail: aadObjectId });
    return confirmation;
  }

  /** The daily job: once per day across instances (the first to claim the day), then `purgeDue`. */
  async runDaily(): Promise<PurgeReport> {
    const now = this.deps.clock.now();
    if (!(await this.deps.store.claimDailyRun(now.toISOString().slice(0, 10), this.deps.owner, now))) {
      return { outcome: 'otherInstance', purged: 0, blobsDeleted: 0, deferred: 0 };
    }
    return this.purgeDue();
  }

  /** Purges every closed case past its period, if the coordinator confirmed; open cases are never looked at. */
  async purgeDue(): Promise<PurgeReport> {
    if (!(await this.deps.store.readConfirmation())) {
      this.deps.logger.info('retention.not_confirmed');
      return { outcome: 'notConfirmed', purged: 0, blobsDeleted: 0, deferred: 0 };
    }
    const now = this.deps.clock.now();
    const due = (await this.deps.store.listClosedCases()).filter((c) => isPurgeDue(c, this.deps.retentionDays, now));
    let purged = 0;
    let blobsDeleted = 0;
    let deferred = 0;
    for (const c of due) {
      const result = await this.purgeOne(c, now);
      if (result === 'deferred') deferred += 1;
      else {
        purged += 1;
        blobsDeleted += result.blobsDeleted;
      }
    }
    this.deps.logger.info('retention.purged', { detail: `purged ${purged}, deferred ${deferred}` });
    return { outcome: 'ran', purged, blobsDeleted, deferred };
  }

  private async purgeOne(c: Case, now: Date): Promise<'deferred' | { blobsDeleted: number }> {
    const claim = await this.deps.store.claimPurge(c.id, this.deps.owner, now, PURGE_LEASE_MS);
    if (!claim) return 'deferred';
    // A notice or reminder still to be sent needs the case: it goes on a later day.
    if (await this.deps.store.hasPendingEffects(c.id)) return 'deferred';
    const earlier = c.earlierCasesOfPerpetrator ?? (await this.deps.countEarlier(c));
    // Counted as it finally stands before anything goes, so the figures stay right.
    await this.deps.registrations.keep(c, earlier);
    let blobsDeleted = 0;
    for (const file of c.report.evidence.files) {
      if (await this.deps.evidence.delete(file.blobName)) blobsDeleted += 1;
    }
    await this.deps.perpetrators.remove(c);
    await this.deps.store.deleteCaseData(c);
    await this.deps.store.completePurge(claim, now);
    this.deps.logger.info('retention.case_purged', { caseId: c.id });
    return { blobsDeleted };
  }
}

/** The purge's count is the last word on a case: later (stale) changes of the purged case are ignored. */
export const FINAL_REGISTRATION_SEQUENCE = Number.MAX_SAFE_INTEGER;

/** Keeps the registration through the figures' own idempotent change (FiguresService.applyCaseChange). */
export function figuresRegistrationKeeper(figures: { applyCaseChange(change: CaseRevisionForFigures): Promise<unknown> }): RegistrationKeeper {
  return {
    keep: async (c, earlierCasesOfPerpetrator) => {
      await figures.applyCaseChange({ caseId: c.id, sequence: FINAL_REGISTRATION_SEQUENCE, after: c, earlierCasesOfPerpetrator });
    },
  };
}
