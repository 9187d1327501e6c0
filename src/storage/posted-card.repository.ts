import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import type { PostedCardRef, PostedCardSlot, PostedCardStore } from '../app/ports';
import { DocumentTable } from './document-table';
import { AlreadyExistsError } from './errors';

const refSchema = z.object({ conversationId: z.string().min(1), activityId: z.string(), serviceUrl: z.string().url() });

/** Slots posted once per case (the desk card, the progress card): their address never changes, so it is kept in memory too. */
const POSTED_ONCE: ReadonlySet<PostedCardSlot> = new Set(['desk', 'officeHolder']);
const KEPT_MAX = 5_000;

/** Which Teams message shows which case (partition = case id, row = slot). */
export class TablePostedCardRepository implements PostedCardStore {
  private readonly table: DocumentTable<PostedCardRef>;
  private readonly kept = new Map<string, PostedCardRef>();

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
    this.keep(caseId, slot, ref);
  }

  async get(caseId: string, slot: PostedCardSlot): Promise<PostedCardRef | undefined> {
    const kept = this.kept.get(`${caseId}/${slot}`);
    if (kept) return kept;
    const ref = (await this.table.get(caseId, slot))?.value;
    if (ref) this.keep(caseId, slot, ref);
    return ref;
  }

  private keep(caseId: string, slot: PostedCardSlot, ref: PostedCardRef): void {
    if (!POSTED_ONCE.has(slot)) return;
    if (this.kept.size >= KEPT_MAX) this.kept.delete(this.kept.keys().next().value as string);
    this.kept.set(`${caseId}/${slot}`, ref);
  }
}
