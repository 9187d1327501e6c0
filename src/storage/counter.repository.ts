import { setTimeout as sleep } from 'node:timers/promises';
import type { TableClient } from '@azure/data-tables';
import { ConcurrencyError, InvalidKeyError, statusCodeOf, StorageError } from './errors';

const PARTITION = 'counter';
const COUNTER_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;
const DEFAULT_MAX_ATTEMPTS = 200;

interface CounterRow {
  Value: number;
}

/**
 * Named sequences (e.g. 'case-2026') in one table row each, advanced with ETag optimistic
 * concurrency: never the same number twice; a number can only be lost if the caller fails after
 * drawing it (gap-tolerant).
 */
export class TableCounterRepository {
  constructor(
    private readonly client: TableClient,
    private readonly options: { maxAttempts?: number } = {},
  ) {}

  /** Returns the next number of the sequence, starting at 1 on first use. */
  async nextSequence(name: string): Promise<number> {
    const where = { table: this.client.tableName, partitionKey: PARTITION, rowKey: name };
    if (!COUNTER_NAME.test(name)) throw new InvalidKeyError(where, 'counter name must be letters, digits, - or _');
    const maxAttempts = this.options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;

    for (let attempt = 0; attempt < maxAttempts; attempt++) {
      if (attempt > 0) await sleep(backoffMs(attempt));
      let current: { Value: unknown; etag: string };
      try {
        current = await this.client.getEntity<CounterRow>(PARTITION, name);
      } catch (err) {
        if (statusCodeOf(err) !== 404) throw err;
        try {
          await this.client.createEntity<CounterRow>({ partitionKey: PARTITION, rowKey: name, Value: 1 });
          return 1;
        } catch (createErr) {
          if (statusCodeOf(createErr) === 409) continue; // another caller created it first
          throw createErr;
        }
      }
      const value = current.Value;
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
        throw new StorageError('STORAGE.CORRUPT', 'Counter row holds no positive integer', where);
      }
      try {
        await this.client.updateEntity<CounterRow>(
          { partitionKey: PARTITION, rowKey: name, Value: value + 1 },
          'Replace',
          { etag: current.etag },
        );
        return value + 1;
      } catch (err) {
        if (statusCodeOf(err) !== 412) throw err; // 412: someone else took value + 1; try again
      }
    }
    throw new ConcurrencyError(where);
  }
}

function backoffMs(attempt: number): number {
  // Full jitter: many callers at once must spread out, or every round has one winner and N losers.
  return Math.random() * Math.min(100, 5 * 2 ** Math.min(attempt, 5));
}
