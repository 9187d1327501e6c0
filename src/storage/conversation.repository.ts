import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import type { ConversationStore } from '../app/ports';
import { DocumentTable } from './document-table';
import { AlreadyExistsError } from './errors';

/** The reference is opaque here: the Teams adapter owns its shape. */
const StoredReferenceSchema = z.object({ reference: z.record(z.unknown()) });
type StoredReference = z.infer<typeof StoredReferenceSchema>;

/** Tuning of the in-process copy of the references. */
export interface ConversationCacheOptions {
  /** How many keys are kept (default 5,000; the least recently used go first). */
  maxEntries?: number;
  /** How long a kept reference is trusted before storage is asked again (default 10 minutes). */
  ttlMs?: number;
  /** Milliseconds since some epoch (injectable for tests). */
  now?: () => number;
}

/**
 * Conversation references in Table Storage, one row per key, so proactive messages survive
 * restarts and work from any bot instance. Partitioned by key kind ("user", "channel").
 *
 * Every turn offers the reference of its conversation, and almost always it is the one stored: a
 * short in-process copy answers that without a storage read, and a row is written only when the
 * reference changed. Another instance writing a newer reference meanwhile is harmless: references
 * are last-known addresses, and the copy expires.
 */
export class TableConversationStore implements ConversationStore {
  private readonly table: DocumentTable<StoredReference>;
  private readonly known = new Map<string, { json: string; reference: Record<string, unknown>; until: number }>();
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(client: TableClient, options: ConversationCacheOptions = {}) {
    this.table = new DocumentTable(client, StoredReferenceSchema);
    this.maxEntries = options.maxEntries ?? 5_000;
    this.ttlMs = options.ttlMs ?? 10 * 60_000;
    this.now = options.now ?? Date.now;
  }

  async save(key: string, reference: Record<string, unknown>): Promise<void> {
    const json = JSON.stringify(reference);
    if (this.cached(key)?.json === json) return;
    const { partitionKey, rowKey } = splitKey(key);
    const existing = await this.table.get(partitionKey, rowKey);
    if (existing && JSON.stringify(existing.value.reference) === json) {
      this.remember(key, json, reference);
      return;
    }
    if (!existing) {
      try {
        await this.table.create(partitionKey, rowKey, { reference });
        this.remember(key, json, reference);
        return;
      } catch (error) {
        // Created by a concurrent turn: fall through and replace (the newest reference wins).
        if (!(error instanceof AlreadyExistsError)) throw error;
      }
    }
    // A reference is a last-known address, not shared state: last writer wins is correct here.
    await this.table.update(partitionKey, rowKey, () => ({ reference }));
    this.remember(key, json, reference);
  }

  async get(key: string): Promise<Record<string, unknown> | undefined> {
    const cached = this.cached(key);
    if (cached) return cached.reference;
    const { partitionKey, rowKey } = splitKey(key);
    const reference = (await this.table.get(partitionKey, rowKey))?.value.reference;
    if (reference) this.remember(key, JSON.stringify(reference), reference);
    return reference;
  }

  private cached(key: string) {
    const entry = this.known.get(key);
    if (entry === undefined) return undefined;
    if (entry.until < this.now()) {
      this.known.delete(key);
      return undefined;
    }
    // Most recently used last, so the first key is the one to evict.
    this.known.delete(key);
    this.known.set(key, entry);
    return entry;
  }

  private remember(key: string, json: string, reference: Record<string, unknown>): void {
    this.known.delete(key);
    this.known.set(key, { json, reference, until: this.now() + this.ttlMs });
    if (this.known.size > this.maxEntries) {
      const oldest = this.known.keys().next().value;
      if (oldest !== undefined) this.known.delete(oldest);
    }
  }
}

function splitKey(key: string): { partitionKey: string; rowKey: string } {
  const separator = key.indexOf(':');
  if (separator <= 0) throw new Error('A conversation key looks like "<kind>:<id>".');
  // Channel ids contain characters the Table service forbids in keys ("/" never, but be safe).
  return { partitionKey: key.slice(0, separator), rowKey: encodeURIComponent(key.slice(separator + 1)) };
}
