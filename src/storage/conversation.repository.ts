import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import type { ConversationStore } from '../app/ports';
import { DocumentTable } from './document-table';
import { AlreadyExistsError } from './errors';

/** The reference is opaque here: the Teams adapter owns its shape. */
const StoredReferenceSchema = z.object({ reference: z.record(z.unknown()) });
type StoredReference = z.infer<typeof StoredReferenceSchema>;

/**
 * Conversation references in Table Storage, one row per key, so proactive messages survive
 * restarts and work from any bot instance. Partitioned by key kind ("user", "channel").
 */
export class TableConversationStore implements ConversationStore {
  private readonly table: DocumentTable<StoredReference>;

  constructor(client: TableClient) {
    this.table = new DocumentTable(client, StoredReferenceSchema);
  }

  async save(key: string, reference: Record<string, unknown>): Promise<void> {
    const { partitionKey, rowKey } = splitKey(key);
    const existing = await this.table.get(partitionKey, rowKey);
    // Most turns carry the same address: read, compare, and write only when it changed.
    if (existing && JSON.stringify(existing.value.reference) === JSON.stringify(reference)) return;
    if (!existing) {
      try {
        await this.table.create(partitionKey, rowKey, { reference });
        return;
      } catch (error) {
        // Created by a concurrent turn: fall through and replace (the newest reference wins).
        if (!(error instanceof AlreadyExistsError)) throw error;
      }
    }
    // A reference is a last-known address, not shared state: last writer wins is correct here.
    await this.table.update(partitionKey, rowKey, () => ({ reference }));
  }

  async get(key: string): Promise<Record<string, unknown> | undefined> {
    const { partitionKey, rowKey } = splitKey(key);
    return (await this.table.get(partitionKey, rowKey))?.value.reference;
  }
}

function splitKey(key: string): { partitionKey: string; rowKey: string } {
  const separator = key.indexOf(':');
  if (separator <= 0) throw new Error('A conversation key looks like "<kind>:<id>".');
  // Channel ids contain characters the Table service forbids in keys ("/" never, but be safe).
  return { partitionKey: key.slice(0, separator), rowKey: encodeURIComponent(key.slice(separator + 1)) };
}
