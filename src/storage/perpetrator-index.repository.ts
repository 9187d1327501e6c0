import { createHmac } from 'node:crypto';
import { odata, type TableClient } from '@azure/data-tables';
import { z } from 'zod';
import type { MatchDecision, PerpetratorIndex, ProvinceFiling } from '../app/ports';
import type { Case } from '../domain/case';
import type { RecidiveSubject } from '../domain/perpetrator';
import { CASE_ROW } from './case-partition';
import { caseRecordSchema } from './case.mapper';
import { DocumentTable } from './document-table';
import { deletePartition } from './partition-delete';

/**
 * The perpetrator index (recidive without scanning cases): table PerpetratorIndex, one partition per
 * organisation and perpetrator key (perpetratorIndexPartition), one row per case filed under it with
 * the case id, case number, organisation and registration time only: no name, no plate. The
 * province-wide rows (for counts elsewhere) hold no case number. The handlers' decisions on suggested
 * matches are in partitions `match|<case id>`, one row per other case, kept for both cases.
 */

/**
 * The partition of a perpetrator key within an organisation: HMAC-SHA-256 under the deployment's secret
 * (PERPETRATOR_KEY), so a name or plate can neither be read from storage nor found by hashing a list of
 * likely names without the key. The one place the lookup key is derived.
 */
export function perpetratorIndexPartition(secret: string, organisationId: string, perpetratorKey: string): string {
  return createHmac('sha256', secret).update(`${organisationId}\n${perpetratorKey}`, 'utf8').digest('hex');
}

/** Marks the province-wide partitions: no organisation id has this form. */
const PROVINCE = '*province*';

const entrySchema = z.object({
  caseId: z.string().min(1),
  /** Only in the organisation's own rows: its handlers see the case number of a suggested match. */
  caseNumber: z.string().min(1).optional(),
  organisationId: z.string().min(1),
  registeredAt: z.union([z.string().datetime({ offset: true }), z.date()]).transform((v) => (v instanceof Date ? v : new Date(v))),
});
type Entry = z.infer<typeof entrySchema>;

const decisionSchema = z.object({
  decision: z.enum(['confirmed', 'rejected']),
  byAadObjectId: z.string().min(1),
  at: z.union([z.string().datetime({ offset: true }), z.date()]).transform((v) => (v instanceof Date ? v : new Date(v))),
});
const MATCH_PARTITION = (caseId: string) => `match|${caseId}`;

const BACKFILL_PARTITION = 'backfill';
/** v2: the keyed hash, and no plain perpetrator key in the row; v1 rows are removed and every case filed again. */
const BACKFILL_ROW = 'cases-v2-keyed';

export class TablePerpetratorIndex implements PerpetratorIndex {
  private readonly entries: DocumentTable<Entry>;
  private readonly marker: DocumentTable<{ doneAt: string }>;
  private readonly matches: DocumentTable<MatchDecision>;

  constructor(
    private readonly client: TableClient,
    /** PERPETRATOR_KEY: the HMAC key of the partitions. */
    private readonly secret: string,
  ) {
    this.entries = new DocumentTable(client, entrySchema);
    this.marker = new DocumentTable(client, z.object({ doneAt: z.string() }));
    this.matches = new DocumentTable<MatchDecision>(client, decisionSchema);
  }

  /** Files the case under each key in its organisation and province-wide (for counts elsewhere, issue 10 point 7). */
  async add(subject: RecidiveSubject): Promise<void> {
    const entry: Entry = { caseId: subject.id, organisationId: subject.organisationId, registeredAt: subject.registeredAt };
    const own: Entry = subject.caseNumber === undefined ? entry : { ...entry, caseNumber: subject.caseNumber };
    await Promise.all(
      subject.perpetratorKeys.flatMap((perpetratorKey) =>
        [subject.organisationId, PROVINCE].map((scope) =>
          this.client.upsertEntity(this.entries.entityOf(perpetratorIndexPartition(this.secret, scope, perpetratorKey), subject.id, scope === PROVINCE ? entry : own), 'Replace'),
        ),
      ),
    );
  }

  /** Every case filed under any of the keys, province-wide, each once: its id and organisation only. */
  async filedInProvince(keys: readonly string[]): Promise<ProvinceFiling[]> {
    const filed = new Map<string, string>();
    const partitions = await Promise.all(
      [...new Set(keys)].map(async (key) => {
        const rows: Entry[] = [];
        for await (const row of this.entries.listPartition(perpetratorIndexPartition(this.secret, PROVINCE, key))) rows.push(row.value);
        return rows;
      }),
    );
    for (const row of partitions.flat()) filed.set(row.caseId, row.organisationId);
    return [...filed].map(([caseId, organisationId]) => ({ caseId, organisationId }));
  }

  /** The decisions on suggested matches of a case, by the other case's id. */
  async decisions(caseId: string): Promise<Map<string, MatchDecision>> {
    const decided = new Map<string, MatchDecision>();
    for await (const row of this.matches.listPartition(MATCH_PARTITION(caseId))) decided.set(row.rowKey, row.value);
    return decided;
  }

  /** Records the decision for both cases (the later one decided wins: a handler may change their mind). */
  async decide(caseId: string, otherCaseId: string, decision: MatchDecision): Promise<void> {
    await Promise.all([
      this.client.upsertEntity(this.matches.entityOf(MATCH_PARTITION(caseId), otherCaseId, decision), 'Replace'),
      this.client.upsertEntity(this.matches.entityOf(MATCH_PARTITION(otherCaseId), caseId, decision), 'Replace'),
    ]);
  }

  /** Removes a case from the index (retention); removing it again changes nothing. */
  async remove(subject: RecidiveSubject): Promise<void> {
    await Promise.all(
      subject.perpetratorKeys.flatMap((perpetratorKey) =>
        [subject.organisationId, PROVINCE].map((scope) => this.entries.delete(perpetratorIndexPartition(this.secret, scope, perpetratorKey), subject.id)),
      ),
    );
    // The decisions go with the case, on both sides.
    for (const otherCaseId of (await this.decisions(subject.id)).keys()) await this.matches.delete(MATCH_PARTITION(otherCaseId), subject.id);
    await deletePartition(this.client, MATCH_PARTITION(subject.id));
  }

  async find(organisationId: string, keys: readonly string[]): Promise<RecidiveSubject[]> {
    const found = new Map<string, RecidiveSubject>();
    const partitions = await Promise.all(
      [...new Set(keys)].map(async (key) => {
        const rows: (Entry & { perpetratorKey: string })[] = [];
        // The row holds no key: the partition asked for says which one it shares.
        for await (const row of this.entries.listPartition(perpetratorIndexPartition(this.secret, organisationId, key))) rows.push({ ...row.value, perpetratorKey: key });
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
        ...(entry.caseNumber === undefined ? {} : { caseNumber: entry.caseNumber }),
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
    await this.removeAllEntries();
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

  /** Removes every entry row (the rows of an earlier format among them) before the index is filed again. */
  private async removeAllEntries(): Promise<void> {
    const partitions = new Set<string>();
    for await (const row of this.client.listEntities({ queryOptions: { filter: odata`PartitionKey ne ${BACKFILL_PARTITION}`, select: ['PartitionKey'] } })) {
      partitions.add(row.partitionKey ?? '');
    }
    // The handlers' decisions are not derived from the cases: they stay.
    for (const partition of partitions) if (!partition.startsWith('match|')) await deletePartition(this.client, partition);
  }
}
