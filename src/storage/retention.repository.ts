import { odata, type TableClient } from '@azure/data-tables';
import { z } from 'zod';
import type { PurgeClaim, PurgeConfirmation, RetentionStore } from '../app/retention-ports';
import type { Case } from '../domain/case';
import { CASE_ROW, CasePartition } from './case-partition';
import { caseRecordSchema } from './case.mapper';
import { DocumentTable } from './document-table';
import { AlreadyExistsError, ConcurrencyError, NotFoundError } from './errors';
import { deletePartition } from './partition-delete';

/**
 * Table Retention: the coordinator's confirmation (settings|purge-confirmed), one row per day's run
 * (run|<yyyy-MM-dd>) and one per case purge (purge|<case id>: a lease, then a tombstone with no more
 * than the case id and the time). Every claim is a create-only or ETag-conditional write, so of two
 * instances exactly one wins.
 */

const instant = z.union([z.string().datetime({ offset: true }), z.date()]).transform((v) => (v instanceof Date ? v : new Date(v)));
const confirmationSchema = z.object({ byAadObjectId: z.string().min(1), at: instant });
const runSchema = z.object({ owner: z.string().min(1), startedAt: instant });
const purgeSchema = z.object({ status: z.enum(['claimed', 'done']), owner: z.string().min(1), leaseUntil: instant, doneAt: instant.optional() });
type PurgeRow = z.infer<typeof purgeSchema>;

/** Just enough of a draft row (draft.repository.ts) to see which case it became. */
const submittedDraftSchema = z.object({ submittedCase: z.object({ id: z.string() }).passthrough().optional() }).passthrough();
const DRAFT_ROW = 'draft';

const SETTINGS = 'settings';
const CONFIRMATION_ROW = 'purge-confirmed';
const RUNS = 'run';
const PURGES = 'purge';

/** The other tables a case leaves rows in, each with the case id as partition key. */
export interface CaseDataTables {
  readonly cases: TableClient;
  readonly meetings: TableClient;
  readonly cardRefs: TableClient;
  /** Drafts: partition = office holder; the row of a submitted draft names the case. */
  readonly drafts: TableClient;
}

export class TableRetentionRepository implements RetentionStore {
  private readonly confirmation: DocumentTable<PurgeConfirmation>;
  private readonly runs: DocumentTable<z.infer<typeof runSchema>>;
  private readonly purges: DocumentTable<PurgeRow>;
  private readonly cases: DocumentTable<Case>;
  private readonly drafts: DocumentTable<z.infer<typeof submittedDraftSchema>>;

  constructor(
    client: TableClient,
    private readonly data: CaseDataTables,
  ) {
    this.confirmation = new DocumentTable(client, confirmationSchema);
    this.runs = new DocumentTable(client, runSchema);
    this.purges = new DocumentTable(client, purgeSchema);
    this.cases = new DocumentTable(data.cases, caseRecordSchema);
    this.drafts = new DocumentTable(data.drafts, submittedDraftSchema);
  }

  async listClosedCases(): Promise<Case[]> {
    const closed: Case[] = [];
    for await (const row of this.cases.query(odata`RowKey eq ${CASE_ROW} and status eq ${'closed'}`)) closed.push(row.value);
    return closed;
  }

  async readConfirmation(): Promise<PurgeConfirmation | undefined> {
    return (await this.confirmation.get(SETTINGS, CONFIRMATION_ROW))?.value;
  }

  async saveConfirmation(confirmation: PurgeConfirmation): Promise<void> {
    try {
      await this.confirmation.create(SETTINGS, CONFIRMATION_ROW, confirmation);
    } catch (error) {
      // The first confirmation stands.
      if (!(error instanceof AlreadyExistsError)) throw error;
    }
  }

  async claimDailyRun(day: string, owner: string, now: Date): Promise<boolean> {
    try {
      await this.runs.create(RUNS, day, { owner, startedAt: now });
      return true;
    } catch (error) {
      if (error instanceof AlreadyExistsError) return false;
      throw error;
    }
  }

  async claimPurge(caseId: string, owner: string, now: Date, leaseMs: number): Promise<PurgeClaim | undefined> {
    const lease: PurgeRow = { status: 'claimed', owner, leaseUntil: new Date(now.getTime() + leaseMs) };
    try {
      await this.purges.create(PURGES, caseId, lease);
      return { caseId, owner };
    } catch (error) {
      if (!(error instanceof AlreadyExistsError)) throw error;
    }
    const stored = await this.purges.get(PURGES, caseId);
    // Done, or another instance is still at it: not ours.
    if (!stored || stored.value.status === 'done' || stored.value.leaseUntil.getTime() > now.getTime()) return undefined;
    try {
      await this.purges.replace(PURGES, caseId, lease, stored.etag);
      return { caseId, owner };
    } catch (error) {
      if (error instanceof ConcurrencyError || error instanceof NotFoundError) return undefined;
      throw error;
    }
  }

  async completePurge(claim: PurgeClaim, now: Date): Promise<void> {
    await this.purges.update(PURGES, claim.caseId, (current) => ({ ...current, status: 'done', doneAt: now }));
  }

  async hasPendingEffects(caseId: string): Promise<boolean> {
    for await (const row of this.data.cases.listEntities({ queryOptions: { filter: CasePartition.caseAndOutboxFilter(caseId), select: ['RowKey'] } })) {
      if (CasePartition.isOutboxRow(row.rowKey ?? '')) return true;
    }
    return false;
  }

  async deleteCaseData(c: Case): Promise<number> {
    let deleted = 0;
    deleted += await deletePartition(this.data.meetings, c.id);
    deleted += await deletePartition(this.data.cardRefs, c.id);
    deleted += await this.deleteSubmittedDraft(c);
    // The case row goes last: until then a repeated run still finds the case.
    deleted += await deletePartition(this.data.cases, c.id);
    return deleted;
  }

  /** The office holder's draft row, only while it is the draft this case came from (a newer draft stays). */
  private async deleteSubmittedDraft(c: Case): Promise<number> {
    const stored = await this.drafts.get(c.officeHolder.aadObjectId, DRAFT_ROW);
    if (!stored || stored.value.submittedCase?.id !== c.id) return 0;
    try {
      return (await this.drafts.delete(c.officeHolder.aadObjectId, DRAFT_ROW, stored.etag)) ? 1 : 0;
    } catch (error) {
      // Changed meanwhile: a new draft, which stays.
      if (error instanceof ConcurrencyError) return 0;
      throw error;
    }
  }
}
