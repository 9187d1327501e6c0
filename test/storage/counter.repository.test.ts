import { TableCounterRepository } from '../../src/storage/counter.repository';
import { createTableClientFactory } from '../../src/storage/table-clients';
import { testConnectionString, testTablePrefix } from '../support/azurite-env';

describe('TableCounterRepository', () => {
  const tables = createTableClientFactory(testConnectionString(), testTablePrefix('counter'));
  const counters = new TableCounterRepository(tables.client('Counters'));

  beforeAll(async () => {
    await tables.ensureTables(['Counters']);
  });

  it('starts a new sequence at 1 and counts on from there', async () => {
    expect(await counters.nextSequence('case-2026')).toBe(1);
    expect(await counters.nextSequence('case-2026')).toBe(2);
    expect(await counters.nextSequence('case-2027')).toBe(1);
    expect(await counters.nextSequence('case-2026')).toBe(3);
  });

  it('hands 50 concurrent callers 50 distinct consecutive numbers, also on first use', async () => {
    const numbers = await Promise.all(Array.from({ length: 50 }, () => counters.nextSequence('burst-2026')));
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    // 50 callers retrying on ETag conflicts: slow on a loaded machine, and only correctness is tested here.
  }, 120_000);

  it('continues from the stored value with a fresh repository instance (no in-memory state)', async () => {
    await counters.nextSequence('restart-2026');
    const again = new TableCounterRepository(tables.client('Counters'));
    expect(await again.nextSequence('restart-2026')).toBe(2);
  });

  it('refuses counter names that are not plain identifiers', async () => {
    await expect(counters.nextSequence('case/2026')).rejects.toMatchObject({ code: 'STORAGE.INVALID_KEY' });
  });
});
