import type { CaseEffect } from '../../src/app/case-effects';
import { silentLogger } from '../../src/app/logger';
import { OutboxService, type EffectRunner } from '../../src/app/outbox.service';
import { isConflict } from '../../src/app/ports';
import { submitCase, takeCase, type Case, type CaseChange } from '../../src/domain/case';
import { WorkingDayCalendar } from '../../src/domain/working-days';
import { SHIPPED_DECREE_DAYS } from '../../src/config/decree-days';
import { TableCaseHistoryRepository } from '../../src/storage/case-history.repository';
import { TableCaseRepository } from '../../src/storage/case.repository';
import { TableOutboxRepository } from '../../src/storage/outbox.repository';
import { createTableClientFactory } from '../../src/storage/table-clients';
import { testConnectionString, testTablePrefix } from '../support/azurite-env';
import { sampleReport } from '../support/sample-report';
import { ManualClock } from '../support/manual-clock';

const calendar = new WorkingDayCalendar(SHIPPED_DECREE_DAYS);
const HANDLER = 'aad-handler';
const MINUTE = 60_000;

/** Records every effect carried out, by case and kind; `slow` makes each one take a while (two instances overlap). */
class RecordingRunner implements EffectRunner {
  readonly done: string[] = [];
  failNext = 0;
  constructor(private readonly slowMs = 0) {}
  async run(effect: CaseEffect, c: Case): Promise<void> {
    if (this.slowMs > 0) await new Promise((resolve) => setTimeout(resolve, this.slowMs));
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw Object.assign(new Error('connector down'), { delivery: { kind: 'transient' } });
    }
    this.done.push(`${c.id}:${JSON.stringify(effect)}`);
  }
}

const EFFECTS: CaseEffect[] = [
  { kind: 'postDeskCard' },
  { kind: 'notifyInformed', aadObjectId: 'aad-cdk', role: 'commissarisVanDeKoning' },
  { kind: 'notifyInformed', aadObjectId: 'aad-griffier', role: 'griffier' },
  { kind: 'sendProgressCard' },
  { kind: 'scheduleReminders' },
];

describe('the outbox on Azurite: each effect once, whatever happens between the write and the send', () => {
  const tables = createTableClientFactory(testConnectionString(), testTablePrefix('outbox'));
  const clock = new ManualClock(new Date('2026-11-30T10:00:00Z'));
  let outbox: TableOutboxRepository;
  let cases: TableCaseRepository;
  let counter = 0;

  beforeAll(async () => {
    await tables.ensureTables(['Cases', 'Outbox']);
    outbox = new TableOutboxRepository(tables.client('Cases'), tables.client('Outbox'));
    cases = new TableCaseRepository(tables.client('Cases'), outbox);
  });

  const instance = (runner: EffectRunner, name: string) => new OutboxService({ store: outbox, runner, clock, logger: silentLogger, options: { instanceId: name } });

  /** A new case written with its effects leased to `owner`, as an instance that then dies would leave it. */
  async function writtenAndAbandoned(owner = 'dying'): Promise<{ change: CaseChange; written: Awaited<ReturnType<TableCaseRepository['commit']>> }> {
    counter += 1;
    const change = submitCase(
      { id: `case-outbox-${counter}-${Date.now()}`, caseNumber: `WB-2026-${String(counter).padStart(5, '0')}`, organisationId: 'gemeente-utrecht', officeHolder: { aadObjectId: 'aad-oh', name: 'B', role: 'burgemeester' }, report: sampleReport() },
      clock.now(),
      calendar,
    );
    const lease = { until: new Date(clock.now().getTime() + 2 * MINUTE), owner };
    const written = await cases.commit({ case: change.case, events: change.events, effects: EFFECTS, at: clock.now(), lease });
    return { change, written };
  }

  it('a crash right after the write: another instance finds the effects through the due marks and carries out each once', async () => {
    const { change } = await writtenAndAbandoned();
    const survivor = new RecordingRunner();
    const other = instance(survivor, 'survivor');
    // Before the mark is due the recovery pass does not look (the writer may still be working on it).
    expect(await other.recover()).toBe(0);
    clock.advance(3 * MINUTE);
    expect(await other.recover()).toBe(EFFECTS.length);
    expect(survivor.done.filter((d) => d.startsWith(change.case.id))).toHaveLength(EFFECTS.length);
    expect(new Set(survivor.done).size).toBe(survivor.done.length);
    // Nothing left: the next passes find nothing, and the marks are gone.
    clock.advance(2 * MINUTE);
    expect(await other.recover()).toBe(0);
    expect(await outbox.due(clock.now())).toEqual([]);
    expect((await outbox.load(change.case.id)).rows).toEqual([]);
  });

  it("a crash while the writer still holds the lease: the effects wait for it, then run once elsewhere", async () => {
    const { change } = await writtenAndAbandoned();
    const survivor = new RecordingRunner();
    const other = instance(survivor, 'survivor');
    clock.advance(100_000);
    expect(await other.recover()).toBe(0); // the mark is due, the writer's lease still runs
    expect(survivor.done.filter((d) => d.startsWith(change.case.id))).toEqual([]);
    clock.advance(MINUTE);
    expect(await other.recover()).toBe(EFFECTS.length);
    expect(survivor.done.filter((d) => d.startsWith(change.case.id))).toHaveLength(EFFECTS.length);
  });

  it('two instances draining the same case at once: each effect exactly once', async () => {
    const { change } = await writtenAndAbandoned();
    clock.advance(3 * MINUTE); // the writer's lease ran out
    const a = new RecordingRunner(5);
    const b = new RecordingRunner(5);
    await Promise.all([instance(a, 'a').drain(change.case.id), instance(b, 'b').drain(change.case.id), instance(a, 'a2').drain(change.case.id)]);
    const all = [...a.done, ...b.done].filter((d) => d.startsWith(change.case.id));
    expect(all.sort()).toEqual(EFFECTS.map((e) => `${change.case.id}:${JSON.stringify(e)}`).sort());
  });

  it('a failed effect is tried again after a back-off, the others are not repeated', async () => {
    const { change, written } = await writtenAndAbandoned('one');
    const runner = new RecordingRunner();
    runner.failNext = 1;
    const service = instance(runner, 'one');
    const first = await service.drain(change.case.id, written);
    expect(first.done).toBe(EFFECTS.length - 1);
    expect(first.nextLookAt).toEqual(new Date(clock.now().getTime() + 30_000));
    clock.advance(3 * MINUTE);
    await service.recover();
    const mine = runner.done.filter((d) => d.startsWith(change.case.id));
    expect(mine).toHaveLength(EFFECTS.length);
    expect(new Set(mine).size).toBe(EFFECTS.length);
  });

  it('an ETag conflict: the losing change writes nothing — no case, no history, no effects', async () => {
    const { change } = await writtenAndAbandoned();
    const stored = (await cases.get(change.case.id))!;
    expect(stored.revision).toBe(1);
    const mine = takeCase(stored.case, HANDLER, clock.now());
    const theirs = takeCase(stored.case, 'aad-colleague', clock.now());
    const commit = (c: CaseChange) =>
      cases.commit({ case: c.case, expected: { etag: stored.etag, revision: stored.revision }, events: c.events, effects: [{ kind: 'updateDeskCard' }], at: clock.now(), lease: { until: clock.now(), owner: 'x' } });
    const results = await Promise.allSettled([commit(mine), commit(theirs)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(isConflict(lost.reason)).toBe(true);
    const history = await new TableCaseHistoryRepository(tables.client('Cases')).list(change.case.id);
    expect(history.filter((r) => r.type === 'caseTaken')).toHaveLength(1);
    expect(history.map((r) => [r.revision, r.sequence, r.type])).toEqual([...change.events.map((e, i) => [1, i + 1, e.type]), [2, 1, 'caseTaken']]);
    const { rows } = await outbox.load(change.case.id);
    expect(rows.filter((r) => r.effect.kind === 'updateDeskCard')).toHaveLength(1);
  });
});
