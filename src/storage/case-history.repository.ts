import type { TableClient } from '@azure/data-tables';
import type { CaseHistoryReader, CaseHistoryRecord } from '../app/case-history';
import { CasePartition } from './case-partition';

/** Reads the history rows of a case's partition (written with each change, see case.repository.ts). */
export class TableCaseHistoryRepository implements CaseHistoryReader {
  private readonly partition: CasePartition;

  constructor(client: TableClient) {
    this.partition = new CasePartition(client);
  }

  async list(caseId: string): Promise<CaseHistoryRecord[]> {
    const records: CaseHistoryRecord[] = [];
    // Row keys sort by revision, then sequence: the query returns them oldest first.
    for await (const row of this.partition.history.query(CasePartition.historyFilter(caseId))) records.push(row.value);
    return records;
  }
}
