import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { intakeDraftSchema, type IntakeDraft } from '../domain/intake/intake-draft';
import type { DraftStore, StoredDraft } from '../app/ports';
import { DocumentTable } from './document-table';
import { AlreadyExistsError, ConcurrencyError, NotFoundError } from './errors';

const draftRowSchema = z.object({
  draft: intakeDraftSchema,
  submittedCase: z.object({ id: z.string(), caseNumber: z.string() }).optional(),
});
type DraftRow = z.infer<typeof draftRowSchema>;

// One draft per user: partition = the user's object id, one fixed row.
const ROW = 'draft';

/** How many users' drafts this instance keeps a copy of. */
const COPIES_MAX = 2_000;

/**
 * Intake drafts in Table Storage, written after every answer. The instance keeps a copy of each draft
 * it last read or wrote, so the next answer needs no read: its write is conditional on the copy's
 * ETag, and fails as a stale copy when another instance wrote the draft meanwhile.
 */
export class TableDraftRepository implements DraftStore {
  private readonly table: DocumentTable<DraftRow>;
  private readonly copies = new Map<string, StoredDraft>();

  constructor(client: TableClient) {
    this.table = new DocumentTable(client, draftRowSchema);
  }

  async get(aadObjectId: string, options: { fresh?: boolean } = {}): Promise<StoredDraft | undefined> {
    const copy = options.fresh ? undefined : this.copies.get(aadObjectId);
    if (copy) return { ...copy, fromCopy: true };
    const stored = await this.table.get(aadObjectId, ROW);
    if (!stored) {
      this.copies.delete(aadObjectId);
      return undefined;
    }
    const read: StoredDraft = { ...stored.value, etag: stored.etag };
    this.keep(aadObjectId, read);
    return read;
  }

  async save(draft: IntakeDraft, options: { etag?: string; submittedCase?: { id: string; caseNumber: string } } = {}): Promise<string> {
    const row: DraftRow = options.submittedCase ? { draft, submittedCase: options.submittedCase } : { draft };
    const key = draft.officeHolder.aadObjectId;
    const etag = await this.write(key, row, options.etag);
    this.keep(key, { ...row, etag });
    return etag;
  }

  private async write(key: string, row: DraftRow, etag: string | undefined): Promise<string> {
    if (etag) {
      try {
        return await this.table.replace(key, ROW, row, etag);
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
        // Our copy was still at this version: someone elsewhere wrote the draft. Otherwise a turn here did.
        const stale = this.copies.get(key)?.etag === etag;
        this.copies.delete(key);
        throw stale ? Object.assign(error, { staleCopy: true }) : error;
      }
    }
    try {
      return await this.table.create(key, ROW, row);
    } catch (error) {
      if (!(error instanceof AlreadyExistsError)) throw error;
      // A new report replaces an old finished or abandoned draft.
      return (await this.table.update(key, ROW, () => row)).etag;
    }
  }

  private keep(key: string, stored: StoredDraft): void {
    this.copies.delete(key);
    if (this.copies.size >= COPIES_MAX) this.copies.delete(this.copies.keys().next().value as string);
    this.copies.set(key, stored);
  }

  async delete(aadObjectId: string): Promise<void> {
    this.copies.delete(aadObjectId);
    try {
      await this.table.delete(aadObjectId, ROW);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  }
}
