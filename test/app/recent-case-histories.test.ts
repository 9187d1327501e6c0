import { historyRecords, type CaseHistoryReader, type CaseHistoryRecord } from '../../src/app/case-history';
import { RecentCaseHistories } from '../../src/app/recent-case-histories';
import type { CaseEvent } from '../../src/domain/case';

const tick = (step: number, at: string): CaseEvent => ({ type: 'checklistStepTicked', caseId: 'case-1', at: new Date(at), byAadObjectId: 'handler-1', actor: 'handler', step });

/** A history store the test writes to as other instances would; counts its reads. */
function store() {
  const rows: CaseHistoryRecord[] = [];
  let reads = 0;
  const reader: CaseHistoryReader = {
    list: async () => {
      reads += 1;
      return [...rows];
    },
  };
  return { reader, append: (revision: number, events: CaseEvent[]) => rows.push(...historyRecords(events, revision)), reads: () => reads };
}

describe('RecentCaseHistories', () => {
  it('gives the history as of the revision the card shows, never a change written after it', async () => {
    const s = store();
    s.append(1, [tick(1, '2026-11-30T10:00:00Z')]);
    s.append(2, [tick(2, '2026-11-30T10:05:00Z')]);
    // Revision 3 is already stored (another instance) while this card still shows revision 2.
    s.append(3, [tick(3, '2026-11-30T10:06:00Z')]);
    const histories = new RecentCaseHistories(s.reader);
    expect((await histories.asOf('case-1', 2)).map((r) => r.type === 'checklistStepTicked' && r.step)).toEqual([1, 2]);
    expect((await histories.asOf('case-1', 3)).map((r) => r.type === 'checklistStepTicked' && r.step)).toEqual([1, 2, 3]);
  });

  it('grows by this instance\'s own write without a read; a revision written elsewhere is read once', async () => {
    const s = store();
    s.append(1, [tick(1, '2026-11-30T10:00:00Z')]);
    const histories = new RecentCaseHistories(s.reader);
    await histories.asOf('case-1', 1);
    const mine = [tick(2, '2026-11-30T10:05:00Z')];
    s.append(2, mine);
    histories.written('case-1', 2, mine);
    expect((await histories.asOf('case-1', 2)).length).toBe(2);
    expect(s.reads()).toBe(1);
    s.append(3, [tick(3, '2026-11-30T10:06:00Z')]);
    expect((await histories.asOf('case-1', 3)).length).toBe(3);
    expect((await histories.asOf('case-1', 3)).length).toBe(3);
    expect(s.reads()).toBe(2);
  });
});
