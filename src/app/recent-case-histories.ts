import { historyRecords, type CaseHistoryReader, type CaseHistoryRecord } from './case-history';
import type { CaseEvent } from '../domain/case';

/**
 * The histories of the cases handled most recently on this instance, each as of one revision of its
 * case. A case's history only grows, by the revision its change becomes, so the history read for
 * revision R stays the history of R; and after this instance writes revision R + 1 it knows the new
 * rows without reading them. A handler's card ("Geschiedenis") is then rendered without a read of the
 * history after every action. Another instance's change is a revision not kept here: read once.
 */
export class RecentCaseHistories {
  private readonly kept = new Map<string, { readonly revision: number; readonly records: readonly CaseHistoryRecord[] }>();

  constructor(
    private readonly reader: CaseHistoryReader,
    private readonly max = 500,
  ) {}

  /** The history of the case as of `revision` (the stored case's revision), oldest first. */
  async asOf(caseId: string, revision: number): Promise<CaseHistoryRecord[]> {
    const kept = this.kept.get(caseId);
    if (kept?.revision === revision) return [...kept.records];
    // Rows of a later revision may already be there (a change elsewhere since the case was read): not yet part of this one.
    const records = (await this.reader.list(caseId)).filter((r) => r.revision <= revision);
    this.keep(caseId, revision, records);
    return records;
  }

  /** This instance wrote `revision` with `events` on top of the revision before it. */
  written(caseId: string, revision: number, events: readonly CaseEvent[]): void {
    const kept = this.kept.get(caseId);
    if (kept?.revision === revision - 1) this.keep(caseId, revision, [...kept.records, ...historyRecords(events, revision)]);
    else this.kept.delete(caseId);
  }

  private keep(caseId: string, revision: number, records: readonly CaseHistoryRecord[]): void {
    // Oldest first out: the map keeps insertion order, and a case kept again moves to the end.
    this.kept.delete(caseId);
    if (this.kept.size >= this.max) this.kept.delete(this.kept.keys().next().value as string);
    this.kept.set(caseId, { revision, records });
  }
}
