import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { statusCodeOf } from './errors';

/** An entity-group transaction holds at most this many operations. */
const MAX_TRANSACTION_ACTIONS = 100;

/**
 * Deletes every row of one partition, in transactions of up to 100 rows; returns how many went.
 * Repeating it is harmless: rows another writer removed first are skipped (a 404 retries one by one).
 */
export async function deletePartition(client: TableClient, partitionKey: string): Promise<number> {
  const keys: string[] = [];
  for await (const entity of client.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${partitionKey}`, select: ['RowKey'] } })) {
    keys.push(entity.rowKey ?? '');
  }
  let deleted = 0;
  for (let start = 0; start < keys.length; start += MAX_TRANSACTION_ACTIONS) {
    const batch = keys.slice(start, start + MAX_TRANSACTION_ACTIONS);
    const actions: TransactionAction[] = batch.map((rowKey) => ['delete', { partitionKey, rowKey }]);
    try {
      await client.submitTransaction(actions);
      deleted += batch.length;
    } catch (error) {
      if (statusCodeOf(error) !== 404) throw error;
      for (const rowKey of batch) deleted += (await deleteRow(client, partitionKey, rowKey)) ? 1 : 0;
    }
  }
  return deleted;
}

async function deleteRow(client: TableClient, partitionKey: string, rowKey: string): Promise<boolean> {
  try {
    await client.deleteEntity(partitionKey, rowKey);
    return true;
  } catch (error) {
    if (statusCodeOf(error) === 404) return false;
    throw error;
  }
}
