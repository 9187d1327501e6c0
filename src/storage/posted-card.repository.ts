import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import type { PostedCardRef, PostedCardSlot, PostedCardStore } from '../app/ports';
import { DocumentTable } from './document-table';
import { AlreadyExistsError } from './errors';

const refSchema = z.object({ conversationId: z.string().min(1), activityId: z.string(), serviceUrl: z.string().url() });

/** Which Teams message shows which case (partition = case id, row = slot). */
export class TablePostedCardRepository implements PostedCardStore {
  private readonly table: DocumentTable<PostedCardRef>;

  constructor(client: TableClient) {
    this.table = new DocumentTable(client, refSchema);
  }

  async save(caseId: string, slot: PostedCardSlot, ref: PostedCardRef): Promise<void> {
    try {
      await this.table.create(caseId, slot, ref);
    } catch (error) {
      if (!(error instanceof AlreadyExistsError)) throw error;
      // A newer post of the same card replaces the old address.
      await this.table.update(caseId, slot, () => ref);
    }
  }

  async get(caseId: string, slot: PostedCardSlot): Promise<PostedCardRef | undefined> {
    return (await this.table.get(caseId, slot))?.value;
  }
}
