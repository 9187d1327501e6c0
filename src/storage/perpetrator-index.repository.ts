import { createHash } from 'node:crypto';
import { odata, type TableClient } from '@azure/data-tables';
import { z } from 'zod';
import type { PerpetratorIndex } from '../app/ports';
import type { Case } from '../domain/case';
import type { RecidiveSubject } from '../domain/perpetrator';
import { CASE_ROW } from './case-partition';
import { caseRecordSchema } from './case.mapper';
import { DocumentTable } from './document-table';

/**
 * The perpetrator index (recidive without scanning cases): table PerpetratorIndex, one partition per
 * organisation and perpetrator key (perpetratorIndexPartition), one row per case filed under it.
 */

/**
 * The partition of a perpetrator key within an organisation: a SHA-256 digest, so keys (names, licence
 * plates) are no plain text in storage and fit the key rules. The one place the lookup key is derived:
 * a later step makes it a keyed hash (HMAC with a secret), for matching across organisations.
 */
export function perpetratorIndexPartition(organisationId: string, perpetratorKey: string): string {
  return createHash('sha256').update(`${organisationId}\n${perpetratorKey}`, 'utf8').digest('hex');
}

const entrySchema = z.object({
  caseId: z.string().min(1),
  organisationId: z.string().min(1),
  perpetratorKey: z.string().min(1),
  registeredAt: z.union([z.string().datetime({ offset: true }), z.date()]).transform((v) => (v instanceof Date ? v : new Date(v))),
});
type Entry = z.infer<typeof entrySchema>;

const BACKFILL_PARTITION = 'backfill';
const BACKFILL_ROW = 'cases-v1';

export class TablePerpetratorIndex implements PerpetratorIndex {
  private readonly entries: DocumentTable<Entry>;
  private readonly marker: DocumentTable<{ doneAt: string }>;

  constructor(private readonly client: TableClient) {
    this.entries = new DocumentTable(client, entrySchema);
    this.marker = new DocumentTable(client, z.object({ doneAt: z.string() }));
  }

  async add(subject: RecidiveSubject): Promise<void> {
    await Promise.all(
      subject.perpetratorKeys.map((perpetratorKey) =>
        this.client.upsertEntity(
          this.entries.entityOf(perpetratorIndexPartition(subject.organisationId, perpetratorKey), subject.id, {
            caseId: subject.id,
            organisationId: subject.organisationId,
            perpetratorKey,
            registeredAt: subject.registeredAt,
          }),
          'Replace',
        ),
      ),
    );
  }

  /** Removes a case from the index (retention); removing it again changes nothing. */
  async remove(subject: RecidiveSubject): Promise<void> {
    await Promise.all(
      subject.perpetratorKeys.map((perpetratorKey) =>
        this.entries.delete(perpetratorIndexPartition(subject.organisationId, perpetratorKey), subject.id),
      ),
    );
  }

  async find(organisationId: string, keys: readonly string[]): Promise<RecidiveSubject[]> {
    const found = new Map<string, RecidiveSubject>();
    const partitions = await Promise.all(
      [...new Set(keys)].map(async (key) => {
        const rows: Entry[] = [];
        for await (const row of this.entries.listPartition(perpetratorIndexPartition(organisationId, key))) rows.push(row.value);
        return rows;
      }),
    );
    for (const entry of partitions.flat()) {
      const known = found.get(entry.caseId);
      found.set(entry.caseId, {
        id: entry.caseId,
        organisationId: entry.organisationId,
        registeredAt: entry.registeredAt,
        perpetratorKeys: [...(known?.perpetratorKeys ?? []), entry.perpetratorKey],
      });
    }
    return [...found.values()];
  }

  /**
   * Files every case stored before the index existed, once per storage account (a marker row says it
   * is done). A scan of the cases, run in the background at start-up, never on the path of a request.
   */
  async backfill(casesClient: TableClient): Promise<number> {
    if (await this.marker.get(BACKFILL_PARTITION, BACKFILL_ROW)) return 0;
    const cases = new DocumentTable<Case>(casesClient, caseRecordSchema);
    let filed = 0;
    for await (const row of cases.query(odata`RowKey eq ${CASE_ROW}`)) {
      if (row.value.perpetratorKeys.length === 0) continue;
      await this.add(row.value);
      filed += 1;
    }
    await this.client.upsertEntity(this.marker.entityOf(BACKFILL_PARTITION, BACKFILL_ROW, { doneAt: new Date().toISOString() }), 'Replace');
    return filed;
  }
}
