import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { historyRecords } from '../app/case-history';
import type { OutboxRow, WrittenChange } from '../app/outbox-ports';
import type { CaseCommit, CaseStore, StoredCase } from '../app/ports';
import type { Case } from '../domain/case';
import { CASE_ROW, CasePartition, historyRowKey, outboxRowKey } from './case-partition';
import { AlreadyExistsError, ConcurrencyError, statusCodeOf, StorageError } from './errors';
import type { TableOutboxRepository } from './outbox.repository';

function requireEtag(etag: string | undefined, table: string, partitionKey: string): string {
  if (etag === undefined) throw new StorageError('STORAGE.NO_ETAG', 'The service returned no ETag', { table, partitionKey });
  return etag;
}

/** An entity-group transaction holds at most this many operations. */
const MAX_TRANSACTION_ACTIONS = 100;

/**
 * Cases in Table Storage: one partition per case (case-partition.ts), so a card action reads one row
 * and writes its change — case, history and outbox — in one conditional transaction.
 */
export class TableCaseRepository implements CaseStore {
  private readonly partition: CasePartition;

  constructor(
    client: TableClient,
    /** Keeps the due marks of a change's effects (table Outbox); readers (tools, tests) may leave it out. */
    private readonly outbox?: Pick<TableOutboxRepository, 'ensureMark'>,
  ) {
    this.partition = new CasePartition(client);
  }

  async create(c: Case): Promise<'created' | 'exists'> {
    try {
      await this.partition.cases.create(c.id, CASE_ROW, c);
      return 'created';
    } catch (error) {
      if (error instanceof AlreadyExistsError) return 'exists';
      throw error;
    }
  }

  async get(id: string): Promise<StoredCase | undefined> {
    const stored = await this.partition.cases.getWithColumns(id, CASE_ROW);
    if (!stored) return undefined;
    const revision = stored.columns.revision;
    // Cases stored before revisions were counted start from 1 (their submission).
    return { case: stored.value, etag: stored.etag, revision: typeof revision === 'number' ? revision : 1 };
  }

  /**
   * The case row (If-Match the version read, or created), one history row per event and one outbox row
   * per effect (leased to the writer), in one transaction. A due mark for the case is made sure of
   * first: if this instance dies after the transaction, another finds the effects through it; if the
   * transaction fails, the mark finds nothing and is removed.
   */
  async commit(commit: CaseCommit): Promise<WrittenChange & { etag: string; revision: number }> {
    const c = commit.case;
    const revision = (commit.expected?.revision ?? 0) + 1;
    const caseEntity = this.partition.cases.entityOf(c.id, CASE_ROW, c, { revision });
    const actions: TransactionAction[] = [commit.expected ? ['update', caseEntity, 'Replace', { etag: commit.expected.etag }] : ['create', caseEntity]];
    for (const record of historyRecords(commit.events, revision)) {
      actions.push(['create', this.partition.history.entityOf(c.id, historyRowKey(revision, record.sequence), record)]);
    }
    const rows = commit.effects.map((effect, index) => ({ id: outboxRowKey(revision, index + 1), record: CasePartition.leasedEffect(c.id, effect, commit.at, commit.lease) }));
    for (const row of rows) actions.push(['create', this.partition.outbox.entityOf(c.id, row.id, row.record)]);
    if (actions.length > MAX_TRANSACTION_ACTIONS) throw new RangeError(`a change of ${actions.length} rows does not fit one transaction`);

    if (rows.length > 0 && this.outbox === undefined) throw new Error('a repository without the outbox cannot write effects');
    if (rows.length > 0) await this.outbox?.ensureMark(c.id, commit.at);
    let response;
    try {
      response = await this.partition.client.submitTransaction(actions);
    } catch (error) {
      const status = statusCodeOf(error);
      // 412: the case changed since it was read; 409: a new case that exists already. Nothing was written.
      if (status === 412 || status === 409) throw new ConcurrencyError({ table: this.partition.client.tableName, partitionKey: c.id, rowKey: CASE_ROW }, { cause: error });
      throw error;
    }
    // Sub-responses come in the order of the actions (an update's names no row key): case, history, outbox.
    const etagAt = (index: number) => requireEtag(response.subResponses[index]?.etag, this.partition.client.tableName, c.id);
    const firstOutbox = actions.length - rows.length;
    const written: OutboxRow[] = rows.map((row, index) => CasePartition.toOutboxRow(row.id, row.record, etagAt(firstOutbox + index)));
    return { case: c, rows: written, etag: etagAt(0), revision };
  }

  /** Cases nobody has taken yet (few at any time): the routing repair job looks at these. */
  async listSubmitted(): Promise<Case[]> {
    const cases: Case[] = [];
    for await (const row of this.partition.cases.query(odata`RowKey eq ${CASE_ROW} and status eq ${'submitted'}`)) cases.push(row.value);
    return cases;
  }

  /** Cases not closed, oldest first. A scan across cases: for local tools (the Playground after a restart), not a request path. */
  async listOpen(): Promise<Case[]> {
    const cases: Case[] = [];
    for await (const row of this.partition.cases.query(odata`RowKey eq ${CASE_ROW} and status ne ${'closed'}`)) cases.push(row.value);
    return cases.sort((a, b) => a.registeredAt.getTime() - b.registeredAt.getTime());
  }

  /** The case with this number (an index column), if any. */
  async findByNumber(caseNumber: string): Promise<Case | undefined> {
    for await (const row of this.partition.cases.query(odata`RowKey eq ${CASE_ROW} and caseNumber eq ${caseNumber}`)) return row.value;
    return undefined;
  }

  /** Every case with its revision (the figures' one-time backfill); a scan of the case rows, page by page. */
  async *listAllWithRevision(): AsyncGenerator<{ case: Case; revision: number }> {
    const filter = odata`RowKey eq ${CASE_ROW}`;
    for await (const entity of this.partition.client.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
      const stored = this.partition.cases.fromTableEntity(entity as never);
      const revision = stored.columns.revision;
      yield { case: stored.value, revision: typeof revision === 'number' ? revision : 1 };
    }
  }

  /** A user's own cases, newest first. A filtered scan: fine for the province's volume (hundreds a year). */
  async listByOfficeHolder(aadObjectId: string): Promise<Case[]> {
    const cases: Case[] = [];
    for await (const row of this.partition.cases.query(odata`RowKey eq ${CASE_ROW} and officeHolderAadObjectId eq ${aadObjectId}`)) cases.push(row.value);
    return cases.sort((a, b) => b.registeredAt.getTime() - a.registeredAt.getTime());
  }
}
