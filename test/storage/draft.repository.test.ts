import { randomUUID } from 'node:crypto';
import { isConflict, isStaleCopy } from '../../src/app/ports';
import { startIntake } from '../../src/domain/intake';
import { countEntityReads } from '../../src/storage/counting-table-client';
import { TableDraftRepository } from '../../src/storage/draft.repository';
import { createTableClientFactory } from '../../src/storage/table-clients';
import { testConnectionString, testTablePrefix } from '../support/azurite-env';

const NOW = new Date('2026-11-30T10:00:00Z');

describe('TableDraftRepository: a copy of the last draft it read or wrote', () => {
  const tables = createTableClientFactory(testConnectionString(), testTablePrefix('drafts'));
  beforeAll(() => tables.ensureTables(['Drafts']));

  const draftOf = (aadObjectId: string) => startIntake({ id: randomUUID(), officeHolder: { aadObjectId, name: 'Anna' } }, NOW);

  it('answers from the copy without reading storage; a fresh get reads', async () => {
    const counted = countEntityReads(tables.client('Drafts'));
    const repository = new TableDraftRepository(counted.client);
    const draft = draftOf('aad-copy');
    const etag = await repository.save(draft);
    expect(await repository.get('aad-copy')).toEqual({ draft, etag, fromCopy: true });
    expect(counted.reads()).toBe(0);
    expect((await repository.get('aad-copy', { fresh: true }))?.fromCopy).toBeUndefined();
    expect(counted.reads()).toBe(1);
  });

  it('a write on a copy another instance overtook fails as a stale copy; one overtaken here is an ordinary conflict', async () => {
    const here = new TableDraftRepository(tables.client('Drafts'));
    const elsewhere = new TableDraftRepository(tables.client('Drafts'));
    const draft = draftOf('aad-stale');
    await here.save(draft);
    const copy = (await here.get('aad-stale'))!;
    const read = (await elsewhere.get('aad-stale'))!;
    await elsewhere.save({ ...draft, updatedAt: '2026-11-30T10:01:00.000Z' }, { etag: read.etag });
    const stale = await here.save({ ...draft, updatedAt: '2026-11-30T10:02:00.000Z' }, { etag: copy.etag }).catch((error: unknown) => error);
    expect(isStaleCopy(stale)).toBe(true);
    // The copy is gone: the next get reads what the other instance wrote.
    expect((await here.get('aad-stale'))?.draft.updatedAt).toBe('2026-11-30T10:01:00.000Z');

    // Two turns here on the same copy: the second loses to the first, which is not a stale copy.
    const current = (await here.get('aad-stale'))!;
    await here.save({ ...draft, updatedAt: '2026-11-30T10:03:00.000Z' }, { etag: current.etag });
    const crossed = await here.save({ ...draft, updatedAt: '2026-11-30T10:04:00.000Z' }, { etag: current.etag }).catch((error: unknown) => error);
    expect(isConflict(crossed)).toBe(true);
    expect(isStaleCopy(crossed)).toBe(false);
  });
});
