import { odata, type TableClient } from '@azure/data-tables';
import type { Case } from '../domain/case';
import type { CaseStore } from '../app/ports';
import { DocumentTable } from './document-table';
import { AlreadyExistsError } from './errors';
import { caseIndexColumns, caseRecordSchema } from './case.mapper';

// One partition per case: point reads by id (what every card action does) stay cheap.
const ROW = 'case';

/** Cases in Table Storage, one row each, with ETag concurrency. */
export class TableCaseRepository implements CaseStore {
  private readonly table: DocumentTable<Case>;

  constructor(client: TableClient) {
    this.table = new DocumentTable(client, caseRecordSchema, { index: caseIndexColumns });
  }

  async create(c: Case): Promise<'created' | 'exists'> {
    try {
      await this.table.create(c.id, ROW, c);
      return 'created';
    } catch (error) {
      if (error instanceof AlreadyExistsError) return 'exists';
      throw error;
    }
  }

  async get(id: string): Promise<{ case: Case; etag: string } | undefined> {
    const stored = await this.table.get(id, ROW);
    return stored && { case: stored.value, etag: stored.etag };
  }

  /** Replaces a case only if nobody changed it since it was read (throws ConcurrencyError otherwise). */
  async replace(c: Case, etag: string): Promise<string> {
    return this.table.replace(c.id, ROW, c, etag);
  }

  /** Cases of an organisation that share a perpetrator key with these keys (recidive). */
  async listSamePerpetrator(organisationId: string, keys: readonly string[]): Promise<Case[]> {
    const name = keys.find((k) => k.startsWith('name:'));
    const plate = keys.find((k) => k.startsWith('plate:'));
    const clauses = [name && odata`perpetratorName eq ${name}`, plate && odata`perpetratorPlate eq ${plate}`].filter(Boolean);
    if (clauses.length === 0) return [];
    const cases: Case[] = [];
    for await (const row of this.table.query(`${odata`organisationId eq ${organisationId}`} and (${clauses.join(' or ')})`)) cases.push(row.value);
    return cases;
  }

  /** Cases nobody has taken yet (few at any time): the routing repair job looks at these. */
  async listSubmitted(): Promise<Case[]> {
    const cases: Case[] = [];
    for await (const row of this.table.query(odata`status eq ${'submitted'}`)) cases.push(row.value);
    return cases;
  }

  /** A user's own cases, newest first. A filtered scan: fine for the province's volume (hundreds a year). */
  async listByOfficeHolder(aadObjectId: string): Promise<Case[]> {
    const cases: Case[] = [];
    for await (const row of this.table.query(odata`officeHolderAadObjectId eq ${aadObjectId}`)) cases.push(row.value);
    return cases.sort((a, b) => b.registeredAt.getTime() - a.registeredAt.getTime());
  }
}
