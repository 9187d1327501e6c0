import { odata, type TableClient } from '@azure/data-tables';
import { z } from 'zod';
import type { DownloadStore, StoredDownload } from '../app/file-delivery.service';
import type { EvidenceBlobStore } from './blob-store';
import { CorruptDocumentError, statusCodeOf } from './errors';

/**
 * Files offered for download: the bytes in a blob, the link's row in table Downloads, both named by
 * the SHA-256 of the link's token (PartitionKey 'file', RowKey = digest). Neither holds the token, so
 * reading the storage does not give anyone a working link. The row goes in after the blob, so a
 * link never points at missing bytes; removal takes the blob first, then the row.
 */
const PARTITION = 'file';
const KEY = /^[0-9a-f]{64}$/;

const rowSchema = z.object({
  requesterAadObjectId: z.string().min(1),
  fileName: z.string().min(1).max(200),
  contentType: z.string().min(1).max(200),
  kind: z.enum(['registration-csv', 'police-form', 'own-data', 'figures-chart']),
  expiresAt: z.coerce.date(),
});

export class TableDownloadRepository implements DownloadStore {
  constructor(
    private readonly client: TableClient,
    private readonly blobs: Pick<EvidenceBlobStore, 'put' | 'get' | 'delete'>,
  ) {}

  async put(download: StoredDownload, content: Buffer): Promise<void> {
    checkKey(download.key);
    await this.blobs.put(download.key, content, download.contentType);
    await this.client.createEntity({
      partitionKey: PARTITION,
      rowKey: download.key,
      requesterAadObjectId: download.requesterAadObjectId,
      fileName: download.fileName,
      contentType: download.contentType,
      kind: download.kind,
      expiresAt: download.expiresAt,
    });
  }

  async get(key: string): Promise<(StoredDownload & { content: Buffer }) | undefined> {
    if (!KEY.test(key)) return undefined;
    let entity: Record<string, unknown>;
    try {
      entity = await this.client.getEntity<Record<string, unknown>>(PARTITION, key);
    } catch (error) {
      if (statusCodeOf(error) === 404) return undefined;
      throw error;
    }
    const download = this.parse(key, entity);
    const blob = await this.blobs.get(key);
    return blob === undefined ? undefined : { ...download, content: blob.bytes };
  }

  async listExpired(now: Date): Promise<StoredDownload[]> {
    const expired: StoredDownload[] = [];
    const filter = odata`PartitionKey eq ${PARTITION} and expiresAt le ${now}`;
    for await (const entity of this.client.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
      expired.push(this.parse(String(entity.rowKey), entity));
    }
    return expired;
  }

  async remove(key: string): Promise<void> {
    checkKey(key);
    await this.blobs.delete(key);
    try {
      await this.client.deleteEntity(PARTITION, key);
    } catch (error) {
      if (statusCodeOf(error) !== 404) throw error;
    }
  }

  private parse(key: string, entity: Record<string, unknown>): StoredDownload {
    const parsed = rowSchema.safeParse(entity);
    if (!parsed.success) {
      throw new CorruptDocumentError({ table: this.client.tableName, partitionKey: PARTITION, rowKey: key }, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.code}`));
    }
    return { key, ...parsed.data };
  }
}

function checkKey(key: string): void {
  if (!KEY.test(key)) throw new Error('a download key is a SHA-256 digest in hex');
}
