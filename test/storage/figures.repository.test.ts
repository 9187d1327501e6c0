import type { TableClient } from '@azure/data-tables';
import type { Case } from '../../src/domain/case';
import { registrationRow, type RegistrationRow } from '../../src/domain/registration/registration-row';
import { TableFiguresRepository } from '../../src/storage/figures.repository';
import { countEntityReads } from '../../src/storage/counting-table-client';
import { createTableClientFactory } from '../../src/storage/table-clients';
import { testConnectionString, testTablePrefix } from '../support/azurite-env';
import { InMemoryCounters } from '../support/in-memory-counters';
import { sampleRegistrations } from '../../src/tools/bench/registration-sample';
import { closed, measuresApproved, submitted, taken } from '../support/registration-cases';

const row = (c: Case): RegistrationRow => registrationRow(c, { earlierCasesOfPerpetrator: 0 });
const NOVEMBER = new Date('2026-11-30T09:00:00Z');

/** The rows a case goes through: submitted, taken, measures approved, closed. */
function lifeOf(id: string, organisationId = 'gemeente-utrecht', registeredAt = NOVEMBER): RegistrationRow[] {
  const start = submitted({ id, organisationId, registeredAt, report: { criminalOffenceSuspected: 'yes' } });
  return [start, taken(start, 20), measuresApproved(taken(start, 20), 90), closed(measuresApproved(taken(start, 20), 90), 'response', 200)].map(row);
}

/** Counts transactions refused because another writer came first (412, 409, or 404 for a row it removed). */
function countingConflicts(client: TableClient, conflicts: { count: number }): TableClient {
  return new Proxy(client, {
    get(target, property) {
      if (property === 'submitTransaction') {
        return async (...args: Parameters<TableClient['submitTransaction']>) => {
          try {
            return await target.submitTransaction(...args);
          } catch (error) {
            if ([404, 409, 412].includes((error as { statusCode?: number }).statusCode ?? 0)) conflicts.count++;
            throw error;
          }
        };
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

describe('TableFiguresRepository', () => {
  const tables = createTableClientFactory(testConnectionString(), testTablePrefix('figures'));
  const province = { kind: 'province' } as const;

  beforeAll(async () => {
    await tables.ensureTables(['Figures']);
  });

  /** What the store holds for a scope, in the shape of the in-memory oracle. */
  async function snapshot(store: TableFiguresRepository, scope: Parameters<TableFiguresRepository['readMonths']>[0]) {
    const months = await store.readMonths(scope, '2000-01', '2099-12');
    const due = new Map((await store.readDue(scope)).map((b) => [`${b.month}|${b.day}`, b.counters]));
    return { months, due };
  }

  it('counts a case in the province and in its organisation, and moves it as it changes', async () => {
    const store = new TableFiguresRepository(tables.client('Figures'));
    const life = lifeOf('case-move', 'gemeente-zeist');
    const oracle = new InMemoryCounters();
    for (const [sequence, after] of life.entries()) {
      expect(await store.applyChange({ caseId: 'case-move', sequence: sequence + 1, before: life[sequence - 1], after })).toBe('applied');
      oracle.record(life[sequence - 1], after);
    }
    expect(await snapshot(store, { organisationId: 'gemeente-zeist' })).toEqual({ months: oracle.months, due: oracle.due });
    const provinceMonth = (await store.readMonths('province', '2026-11', '2026-11')).get('2026-11');
    expect(provinceMonth).toMatchObject({ n: 1, status_closed: 1, closed_response: 1, org_gemeente_zeist: 1 });
    expect(provinceMonth?.status_submitted).toBeUndefined();
    expect(province.kind).toBe('province');
  });

  it('applies a change once: a repeat or an older change arriving late changes nothing', async () => {
    const store = new TableFiguresRepository(tables.client('Figures'));
    const scope = { organisationId: 'gemeente-baarn' };
    const life = lifeOf('case-once', 'gemeente-baarn');
    await store.applyChange({ caseId: 'case-once', sequence: 1, after: life[0] });
    await store.applyChange({ caseId: 'case-once', sequence: 3, before: life[1], after: life[2] });
    // The change in between arrives last, and the first one again.
    expect(await store.applyChange({ caseId: 'case-once', sequence: 2, before: life[0], after: life[1] })).toBe('skipped');
    expect(await store.applyChange({ caseId: 'case-once', sequence: 1, after: life[0] })).toBe('skipped');
    const oracle = new InMemoryCounters();
    oracle.record(undefined, life[2]);
    expect(await snapshot(store, scope)).toEqual({ months: oracle.months, due: oracle.due });
  });

  it('starts a case\'s next change from the row it wrote last, and reads again when another instance changed it since', async () => {
    const conflicts = { count: 0 };
    // The registration rows instance A reads (its counters rows are read whenever they change).
    const registrationReads: string[] = [];
    const readsOf = (client: TableClient): TableClient =>
      new Proxy(client, {
        get(target, property) {
          const value = Reflect.get(target, property, target) as unknown;
          if (property !== 'getEntity') return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
          return async (partitionKey: string, rowKey: string) => {
            if (rowKey.startsWith('reg|')) registrationReads.push(rowKey);
            return target.getEntity(partitionKey, rowKey);
          };
        },
      });
    const a = new TableFiguresRepository(readsOf(countingConflicts(tables.client('Figures'), conflicts)));
    const b = new TableFiguresRepository(countingConflicts(tables.client('Figures'), conflicts));
    const scope = { organisationId: 'gemeente-wijk-bij-duurstede' };
    const life = lifeOf('case-remembered', 'gemeente-wijk-bij-duurstede');
    await a.applyChange({ caseId: 'case-remembered', sequence: 1, after: life[0] });
    registrationReads.length = 0;
    await a.applyChange({ caseId: 'case-remembered', sequence: 2, before: life[0], after: life[1] });
    expect(registrationReads).toEqual([]);
    // Another instance moves the case on; this one's next change finds its row changed and reads it.
    await b.applyChange({ caseId: 'case-remembered', sequence: 3, before: life[1], after: life[2] });
    await a.applyChange({ caseId: 'case-remembered', sequence: 4, before: life[2], after: life[3] });
    expect(conflicts.count).toBeGreaterThan(0);
    expect(registrationReads.length).toBeGreaterThan(0);
    const oracle = new InMemoryCounters();
    oracle.record(undefined, life[3]);
    expect(await snapshot(a, scope)).toEqual({ months: oracle.months, due: oracle.due });
  });

  it('keeps exact counts with two instances writing at once', async () => {
    const conflicts = { count: 0 };
    const a = new TableFiguresRepository(countingConflicts(tables.client('Figures'), conflicts));
    const b = new TableFiguresRepository(countingConflicts(tables.client('Figures'), conflicts));
    const scope = { organisationId: 'gemeente-houten' };
    const lives = Array.from({ length: 12 }, (_, i) => lifeOf(`case-race-${i}`, 'gemeente-houten'));
    const changes = lives.flatMap((life, i) => life.map((after, step) => ({ caseId: `case-race-${i}`, sequence: step + 1, before: life[step - 1], after })));
    // Two workers (as two bot instances draining the same outbox) each apply every change, one at a
    // time, in opposite shuffled orders: they meet on the same month and due rows all the way.
    const shuffled = [...changes].sort(() => Math.random() - 0.5);
    const worker = async (store: TableFiguresRepository, queue: typeof changes) => {
      for (const change of queue) await store.applyChange(change);
    };
    await Promise.all([worker(a, shuffled), worker(b, [...shuffled].reverse())]);
    const oracle = new InMemoryCounters();
    for (const life of lives) oracle.record(undefined, life[life.length - 1]);
    const stored = await snapshot(a, scope);
    expect(stored).toEqual({ months: oracle.months, due: oracle.due });
    expect(stored.months.get('2026-11')).toMatchObject({ n: 12, closed_response: 12 });
    // The workers did get in each other's way (a test without conflicts would prove nothing).
    expect(conflicts.count).toBeGreaterThan(0);
  });

  it('lists the registration rows of a period for the export, and forgets a removed case', async () => {
    const store = new TableFiguresRepository(tables.client('Figures'));
    const scope = { organisationId: 'gemeente-lopik' };
    const october = lifeOf('case-oct', 'gemeente-lopik', new Date('2026-10-12T09:00:00Z'));
    const november = lifeOf('case-nov', 'gemeente-lopik');
    await store.applyChange({ caseId: 'case-oct', sequence: 1, after: october[3] });
    await store.applyChange({ caseId: 'case-nov', sequence: 1, after: november[0] });
    expect(await store.listRegistrations(scope, '2026-10', '2026-11')).toEqual([october[3], november[0]]);
    expect(await store.listRegistrations(scope, '2026-11', '2026-11')).toEqual([november[0]]);
    await store.applyChange({ caseId: 'case-nov', sequence: 2, before: november[0] });
    expect(await store.applyChange({ caseId: 'case-nov', sequence: 1, after: november[0] })).toBe('skipped');
    expect(await store.listRegistrations(scope, '2026-11', '2026-11')).toEqual([]);
    expect((await store.readMonths(scope, '2026-11', '2026-11')).get('2026-11')).toEqual({});
    expect(await store.readDue(scope, { from: '2026-11', to: '2026-11' })).toEqual([]);
  });

  it('reads a scope’s figures from a handful of entities, never from the registrations', async () => {
    const counted = countEntityReads(tables.client('Figures'));
    const store = new TableFiguresRepository(counted.client);
    const scope = { organisationId: 'gemeente-rhenen' };
    for (let i = 0; i < 30; i++) await store.applyChange({ caseId: `case-read-${i}`, sequence: 1, after: lifeOf(`case-read-${i}`, 'gemeente-rhenen')[0] });
    counted.reset();
    const months = await store.readMonths(scope, '2024-12', '2026-11');
    const due = await store.readDue(scope);
    expect(months.get('2026-11')?.n).toBe(30);
    expect(counted.reads()).toBe(months.size + due.length);
    expect(counted.reads()).toBeLessThan(5);
  });

  it('bulk-loads an empty table to the same counters as changes applied one by one', async () => {
    const rows = sampleRegistrations(120, { from: new Date('2025-01-01T00:00:00Z'), to: NOVEMBER }, 3);
    const one = new TableFiguresRepository(tables.client('FiguresOne'));
    const bulk = new TableFiguresRepository(tables.client('FiguresBulk'));
    await tables.ensureTables(['FiguresOne', 'FiguresBulk']);
    for (const { caseId, row: after } of rows) await one.applyChange({ caseId, sequence: 1, after });
    await bulk.bulkLoad(rows.map(({ caseId, row: r }) => ({ caseId, sequence: 1, row: r })));
    for (const scope of ['province', { organisationId: 'gemeente-utrecht' }] as const) {
      expect(await snapshot(bulk, scope)).toEqual(await snapshot(one, scope));
      expect(await bulk.listRegistrations(scope, '2025-01', '2026-11')).toEqual(await one.listRegistrations(scope, '2025-01', '2026-11'));
    }
  });
});
