import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { intakeDraftSchema, type IntakeDraft } from '../domain/intake/intake-draft';
import type { DraftStore, StoredDraft } from '../app/ports';
import { DocumentTable } from './document-table';
import { AlreadyExistsError, NotFoundError } from './errors';

const draftRowSchema = z.object({
  draft: intakeDraftSchema,
  submittedCase: z.object({ id: z.string(), caseNumber: z.string() }).optional(),
});
type DraftRow = z.infer<typeof draftRowSchema>;

// One draft per user: partition = the user's object id, one fixed row.
const ROW = 'draft';

/** Intake drafts in Table Storage, written after every answer. */
export class TableDraftRepository implements DraftStore {
  private readonly table: DocumentTable<DraftRow>;

  constructor(client: TableClient) {
    this.table = new DocumentTable(client, draftRowSchema);
  }

  async get(aadObjectId: string): Promise<StoredDraft | undefined> {
    const stored = await this.table.get(aadObjectId, ROW);
    return stored && { ...stored.value, etag: stored.etag };
  }

  async save(draft: IntakeDraft, options: { etag?: string; submittedCase?: { id: string; caseNumber: string } } = {}): Promise<string> {
    const row: DraftRow = options.submittedCase ? { draft, submittedCase: options.submittedCase } : { draft };
    const key = draft.officeHolder.aadObjectId;
    if (options.etag) return this.table.replace(key, ROW, row, options.etag);
    try {
      return await this.table.create(key, ROW, row);
    } catch (error) {
      if (!(error instanceof AlreadyExistsError)) throw error;
      // A new report replaces an old finished or abandoned draft.
      return (await this.table.update(key, ROW, () => row)).etag;
    }
  }

  async delete(aadObjectId: string): Promise<void> {
    try {
      await this.table.delete(aadObjectId, ROW);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  }
}
