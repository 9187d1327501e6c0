import type { ReminderRow } from '../../src/app/reminder-ports';
import type { PlannedReminder, ReminderKind } from '../../src/domain/reminders';
import { dueBucket, TableReminderRepository } from '../../src/storage/reminder.repository';
import { createTableClientFactory } from '../../src/storage/table-clients';
import { testConnectionString, testTablePrefix } from '../support/azurite-env';
import { countEntityReads } from '../../src/storage/counting-table-client';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const T0 = new Date('2026-12-03T07:00:00Z');
const plus = (date: Date, ms: number) => new Date(date.getTime() + ms);

function planned(caseId: string, kind: ReminderKind, sendAt: Date, overrides: Partial<PlannedReminder> = {}): PlannedReminder {
  return {
    id: `${caseId}:measures:${kind}`,
    caseId,
    caseNumber: 'WB-2026-00042',
    organisationId: 'gemeente-utrecht',
    topic: 'measures',
    topics: ['measures', 'incidentMeeting'],
    kind,
    recipient: { kind: kind === 'escalation' ? 'escalation' : 'handlerDesk' },
    dueAt: sendAt,
    sendAt,
    catchUp: false,
    deadlineAt: plus(T0, 2 * HOUR),
    ...overrides,
  };
}

describe('TableReminderRepository', () => {
  const tables = createTableClientFactory(testConnectionString(), testTablePrefix('reminders'));
  let table = 0;

  /** A fresh table per test, so watermarks and rows never leak between tests. */
  async function freshRepository(options: ConstructorParameters<typeof TableReminderRepository>[1] = {}) {
    const name = `Reminders${++table}`;
    await tables.ensureTables([name]);
    const counted = countEntityReads(tables.client(name));
    return { repo: new TableReminderRepository(counted.client, options), reads: counted.reads };
  }

  it('stores planned reminders once: planning the same reminder again changes nothing', async () => {
    const { repo } = await freshRepository();
    const reminder = planned('case-a', 'oneHourBefore', plus(T0, HOUR));
    expect(await repo.schedule(reminder, T0)).toBe('created');
    expect(await repo.schedule(reminder, plus(T0, 5 * MINUTE))).toBe('unchanged');
    // A catch-up planned again later has a new sendAt but the same moment: still the same row.
    expect(await repo.schedule({ ...reminder, sendAt: plus(T0, 10 * MINUTE), catchUp: true }, plus(T0, 10 * MINUTE))).toBe('unchanged');
    const stored = await repo.listForCase('case-a');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ id: 'case-a:measures:oneHourBefore', status: 'pending', attempts: 0, sendAt: plus(T0, HOUR) });
  });

  it('cancels a pending reminder by id, but not one that was already sent', async () => {
    const { repo } = await freshRepository();
    await repo.schedule(planned('case-b', 'halfway', T0), T0);
    await repo.schedule(planned('case-b', 'overdue', T0), T0);
    const [row] = (await repo.findDue(T0)).filter((r) => r.reminder.kind === 'overdue') as [ReminderRow];
    const claimed = (await repo.claim(row, T0, { ms: MINUTE, owner: 'test' })) as ReminderRow;
    await repo.complete(claimed, { status: 'sent', late: false, attempts: 1 }, T0);

    expect(await repo.cancel('case-b:measures:halfway', T0, 'goalReached')).toBe(true);
    expect(await repo.cancel('case-b:measures:overdue', T0, 'goalReached')).toBe(false);
    expect(await repo.cancel('case-b:measures:nothing', T0, 'goalReached')).toBe(false);
    const byKind = Object.fromEntries((await repo.listForCase('case-b')).map((r) => [r.kind, r]));
    expect(byKind.halfway).toMatchObject({ status: 'cancelled', cancelReason: 'goalReached' });
    expect(byKind.overdue).toMatchObject({ status: 'sent', late: false });
  });

  it('moves a pending reminder whose moment changed; a sent one stays sent and the new moment gets a new row', async () => {
    const { repo } = await freshRepository();
    const first = planned('case-c', 'overdue', plus(T0, HOUR));
    await repo.schedule(first, T0);
    const moved = { ...first, dueAt: plus(T0, 3 * HOUR), sendAt: plus(T0, 3 * HOUR) };
    expect(await repo.schedule(moved, T0)).toBe('rescheduled');
    expect(await repo.findDue(plus(T0, HOUR))).toEqual([]); // the old moment no longer sends
    const due = await repo.findDue(plus(T0, 3 * HOUR));
    expect(due.map((r) => [r.reminder.id, r.reminder.status])).toEqual([['case-c:measures:overdue', 'pending']]);

    await repo.schedule(planned('case-g', 'halfway', T0), T0);
    const [sent] = (await repo.findDue(T0)).filter((r) => r.reminder.caseId === 'case-g') as [ReminderRow];
    await repo.complete((await repo.claim(sent, T0, { ms: MINUTE, owner: 'a' })) as ReminderRow, { status: 'sent', late: false, attempts: 1 }, T0);
    const later = { ...planned('case-g', 'halfway', plus(T0, 2 * HOUR)) };
    expect(await repo.schedule(later, T0)).toBe('rescheduled');
    const history = await repo.listForCase('case-g');
    expect(history.map((r) => [r.status, r.sendAt.toISOString()])).toEqual([['pending', plus(T0, 2 * HOUR).toISOString()]]);
    const old = await tables.client(`Reminders${table}`).getEntity<{ status: string }>(dueBucket(T0), 'case-g:measures:halfway');
    expect(old.status).toBe('sent');
  });

  it('reschedules a whole plan at once: creates, moves and cancels, and changes nothing the second time', async () => {
    const { repo, reads } = await freshRepository();
    const plan = [planned('case-r', 'halfway', plus(T0, HOUR)), planned('case-r', 'threeQuarters', plus(T0, 2 * HOUR)), planned('case-r', 'overdue', plus(T0, 3 * HOUR))];
    expect(await repo.reschedule('case-r', plan, T0, () => 'replaced')).toEqual({ created: 3, rescheduled: 0, cancelled: 0 });
    const readsBefore = reads();
    expect(await repo.reschedule('case-r', plan, T0, () => 'replaced')).toEqual({ created: 0, rescheduled: 0, cancelled: 0 });
    // One query of the case's locators (3) and the three rows: nothing read one by one in sequence, nothing written.
    expect(reads() - readsBefore).toBe(6);

    const moved = { ...plan[2]!, dueAt: plus(T0, 4 * HOUR), sendAt: plus(T0, 4 * HOUR) };
    expect(await repo.reschedule('case-r', [plan[0]!, moved], T0, () => 'goalReached')).toEqual({ created: 0, rescheduled: 1, cancelled: 1 });
    const byKind = Object.fromEntries((await repo.listForCase('case-r')).map((r) => [r.kind, r]));
    expect(byKind.threeQuarters).toMatchObject({ status: 'cancelled', cancelReason: 'goalReached' });
    expect(byKind.overdue).toMatchObject({ status: 'pending', sendAt: plus(T0, 4 * HOUR) });
    expect(await repo.findDue(plus(T0, 3 * HOUR))).toEqual(expect.not.arrayContaining([expect.objectContaining({ reminder: expect.objectContaining({ kind: 'overdue' }) })]));
  });

  it('claims a row for exactly one of two concurrent sweepers', async () => {
    const { repo } = await freshRepository();
    await repo.schedule(planned('case-d', 'halfway', T0), T0);
    const [row] = (await repo.findDue(T0)) as [ReminderRow];
    const other = new TableReminderRepository(tables.client(`Reminders${table}`));
    const [a, b] = await Promise.all([
      repo.claim(row, T0, { ms: MINUTE, owner: 'a' }),
      other.claim(row, T0, { ms: MINUTE, owner: 'b' }),
    ]);
    expect([a, b].filter((claimed) => claimed !== undefined)).toHaveLength(1);
    const winner = (a ?? b) as ReminderRow;
    expect(winner.reminder).toMatchObject({ status: 'leased', attempts: 1 });
  });

  it('hands an expired lease to the next sweeper, and a stale holder can no longer mark it', async () => {
    const { repo } = await freshRepository();
    await repo.schedule(planned('case-e', 'halfway', T0), T0);
    const [row] = (await repo.findDue(T0)) as [ReminderRow];
    const first = (await repo.claim(row, T0, { ms: MINUTE, owner: 'crashed' })) as ReminderRow;

    const [leased] = (await repo.findDue(plus(T0, 30_000))) as [ReminderRow];
    expect(await repo.claim(leased, plus(T0, 30_000), { ms: MINUTE, owner: 'b' })).toBeUndefined(); // lease still live

    const [expired] = (await repo.findDue(plus(T0, 2 * MINUTE))) as [ReminderRow];
    const second = (await repo.claim(expired, plus(T0, 2 * MINUTE), { ms: MINUTE, owner: 'b' })) as ReminderRow;
    expect(second.reminder).toMatchObject({ status: 'leased', attempts: 2, leaseOwner: 'b' });
    expect(await repo.complete(first, { status: 'sent', late: false, attempts: 1 }, plus(T0, 2 * MINUTE))).toBe(false);
    expect(await repo.complete(second, { status: 'sent', late: false, attempts: 2 }, plus(T0, 2 * MINUTE))).toBe(true);
    expect(await repo.findDue(plus(T0, 3 * MINUTE))).toEqual([]);
  });

  it('puts a released row back to pending, not claimable before its next attempt', async () => {
    const { repo } = await freshRepository();
    await repo.schedule(planned('case-f', 'halfway', T0), T0);
    const [row] = (await repo.findDue(T0)) as [ReminderRow];
    const claimed = (await repo.claim(row, T0, { ms: MINUTE, owner: 'a' })) as ReminderRow;
    expect(await repo.release(claimed, plus(T0, 30_000), 0)).toBe(true);
    const [again] = (await repo.findDue(plus(T0, 10_000))) as [ReminderRow];
    expect(again.reminder).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: plus(T0, 30_000) });
    expect(again.reminder.leaseUntil).toBeUndefined();
    expect(await repo.claim(again, plus(T0, 10_000), { ms: MINUTE, owner: 'a' })).toBeUndefined();
    expect(await repo.claim(again, plus(T0, 30_000), { ms: MINUTE, owner: 'a' })).toBeDefined();
  });

  it('reads only the buckets from the watermark to now: rows due later are never read', async () => {
    const { repo, reads } = await freshRepository({ lookBackMs: 10 * MINUTE });
    for (let i = 0; i < 20; i++) await repo.schedule(planned(`future-${i}`, 'halfway', plus(T0, (i + 1) * 24 * HOUR)), T0);
    for (let i = 0; i < 3; i++) await repo.schedule(planned(`due-${i}`, 'halfway', plus(T0, -i * MINUTE)), T0);
    await repo.saveWatermark(plus(T0, -5 * MINUTE));
    const before = reads();
    const due = await repo.findDue(T0);
    expect(due.map((r) => r.reminder.caseId).sort()).toEqual(['due-0', 'due-1', 'due-2']);
    expect(reads() - before).toBe(1 + 3); // the watermark row and the three due rows
  });

  it('does not read below the watermark beyond the look-back, but always reads the look-back', async () => {
    const { repo } = await freshRepository({ lookBackMs: 10 * MINUTE });
    await repo.schedule(planned('old', 'halfway', plus(T0, -3 * HOUR)), T0);
    await repo.schedule(planned('recent', 'halfway', plus(T0, -5 * MINUTE)), T0);
    await repo.saveWatermark(T0);
    expect(await repo.readWatermark()).toBe(dueBucket(T0));
    expect((await repo.findDue(T0)).map((r) => r.reminder.caseId)).toEqual(['recent']);
    await repo.saveWatermark(plus(T0, -4 * HOUR));
    expect((await repo.findDue(T0)).map((r) => r.reminder.caseId).sort()).toEqual(['old', 'recent']);
  });

  it('names due-time partitions by UTC minute', () => {
    expect(dueBucket(new Date('2026-12-03T07:04:59.999Z'))).toBe('due-202612030704');
    expect(dueBucket(new Date('2026-12-03T07:04:59.999Z'), 5)).toBe('due-202612030700');
  });
});
