import { odata, type TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { DocumentTable } from '../../src/storage/document-table';
import {
  AlreadyExistsError,
  ConcurrencyError,
  CorruptDocumentError,
  DocumentTooLargeError,
  InvalidDocumentError,
  InvalidKeyError,
  NotFoundError,
} from '../../src/storage/errors';
import { createTableClientFactory } from '../../src/storage/table-clients';
import { testConnectionString, testTablePrefix } from '../support/azurite-env';

const CaseDoc = z.object({
  number: z.string(),
  status: z.enum(['nieuw', 'in_behandeling', 'afgesloten']),
  organisationId: z.string(),
  notes: z.array(z.string()),
  count: z.number().int().nonnegative(),
});
type CaseDoc = z.infer<typeof CaseDoc>;

const base: CaseDoc = { number: 'WB-2026-0001', status: 'nieuw', organisationId: 'gm-utrecht', notes: [], count: 0 };

describe('DocumentTable', () => {
  const tables = createTableClientFactory(testConnectionString(), testTablePrefix('docs'));
  let client: TableClient;
  let cases: DocumentTable<CaseDoc>;
  let table = 0;

  beforeEach(async () => {
    // A fresh table per test keeps partitions and index filters independent.
    const name = `Cases${++table}`;
    await tables.ensureTables([name]);
    client = tables.client(name);
    cases = new DocumentTable(client, CaseDoc, {
      index: (doc) => ({ status: doc.status, organisationId: doc.organisationId }),
    });
  });

  it('creates, reads and replaces a document, with a new ETag each write', async () => {
    const etag1 = await cases.create('2026', 'c1', base);
    expect(await cases.get('2026', 'c1')).toEqual({ value: base, etag: etag1 });

    const etag2 = await cases.replace('2026', 'c1', { ...base, status: 'in_behandeling' }, etag1);
    expect(etag2).not.toBe(etag1);
    expect(await cases.get('2026', 'c1')).toEqual({ value: { ...base, status: 'in_behandeling' }, etag: etag2 });
    expect(await cases.get('2026', 'missing')).toBeUndefined();
  });

  it('refuses a second create of the same row', async () => {
    await cases.create('2026', 'c1', base);
    await expect(cases.create('2026', 'c1', { ...base, count: 9 })).rejects.toBeInstanceOf(AlreadyExistsError);
    expect((await cases.get('2026', 'c1'))?.value.count).toBe(0);
  });

  it('refuses a replace based on a stale ETag, keeping the other writer\'s change', async () => {
    const etag = await cases.create('2026', 'c1', base);
    await cases.replace('2026', 'c1', { ...base, notes: ['eerste'] }, etag);

    const stale = cases.replace('2026', 'c1', { ...base, notes: ['tweede'] }, etag);
    await expect(stale).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(stale).rejects.toMatchObject({ code: 'STORAGE.CONFLICT' });
    expect((await cases.get('2026', 'c1'))?.value.notes).toEqual(['eerste']);
  });

  it('reports a replace or update of a missing row as not found', async () => {
    await expect(cases.replace('2026', 'none', base, 'W/"datetime\'2026-01-01T00%3A00%3A00Z\'"')).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(cases.update('2026', 'none', (doc) => doc)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lands two concurrent updates without losing either', async () => {
    await cases.create('2026', 'c1', base);
    let calls = 0;
    const addNote = (note: string) => async (doc: CaseDoc) => {
      calls++;
      // Both writers read before either writes, so one of them must hit the ETag and retry.
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { ...doc, notes: [...doc.notes, note], count: doc.count + 1 };
    };
    await Promise.all([cases.update('2026', 'c1', addNote('a')), cases.update('2026', 'c1', addNote('b'))]);

    const final = await cases.get('2026', 'c1');
    expect(final?.value.count).toBe(2);
    expect([...(final?.value.notes ?? [])].sort()).toEqual(['a', 'b']);
    expect(calls).toBeGreaterThan(2); // proves a retry happened
  });

  it('gives up with a ConcurrencyError when the retries run out', async () => {
    await cases.create('2026', 'c1', base);
    const attempt = cases.update(
      '2026',
      'c1',
      async (doc) => {
        // Someone else writes between our read and our write, every time.
        const current = await cases.get('2026', 'c1');
        await cases.replace('2026', 'c1', { ...current!.value, count: current!.value.count + 1 }, current!.etag);
        return { ...doc, notes: ['nooit'] };
      },
      { retries: 2 },
    );
    await expect(attempt).rejects.toBeInstanceOf(ConcurrencyError);
    const final = await cases.get('2026', 'c1');
    expect(final?.value.count).toBe(3); // three attempts: the first try and two retries
    expect(final?.value.notes).toEqual([]);
  });

  it('keeps index columns current so server-side filters find the right documents', async () => {
    await cases.create('2026', 'c1', base);
    await cases.create('2026', 'c2', { ...base, number: 'WB-2026-0002', organisationId: 'gm-zeist' });
    await cases.create('2025', 'c3', { ...base, number: 'WB-2025-0007' });
    await cases.update('2026', 'c1', (doc) => ({ ...doc, status: 'afgesloten' }));

    const open2026 = [];
    for await (const doc of cases.listPartition('2026', { filter: odata`status eq ${'nieuw'}` })) open2026.push(doc.rowKey);
    expect(open2026).toEqual(['c2']);

    const all2026 = [];
    for await (const doc of cases.listPartition('2026')) all2026.push(doc.value.number);
    expect(all2026.sort()).toEqual(['WB-2026-0001', 'WB-2026-0002']);

    const utrecht = [];
    for await (const doc of cases.query(odata`organisationId eq ${'gm-utrecht'}`)) utrecht.push(doc.rowKey);
    expect(utrecht.sort()).toEqual(['c1', 'c3']);
  });

  it('keeps caller-supplied index columns through update() when the table derives none', async () => {
    const plain = new DocumentTable(client, CaseDoc);
    await plain.create('p', 'r', base, { status: 'nieuw' });
    await plain.update('p', 'r', (doc) => ({ ...doc, count: 1 }));
    const found = [];
    for await (const doc of plain.listPartition('p', { filter: odata`status eq ${'nieuw'}` })) found.push(doc.value.count);
    expect(found).toEqual([1]);
  });

  it('refuses an invalid document on write and stores nothing', async () => {
    const invalid = { ...base, status: 'onbekend' } as unknown as CaseDoc;
    await expect(cases.create('2026', 'c1', invalid)).rejects.toBeInstanceOf(InvalidDocumentError);
    await expect(cases.create('2026', 'c1', invalid)).rejects.toThrow(/status: invalid_enum_value/);
    expect(await cases.get('2026', 'c1')).toBeUndefined();
  });

  it('refuses a document that would not survive the JSON round-trip', async () => {
    const WithDate = z.object({ at: z.date() });
    const dated = new DocumentTable(client, WithDate);
    await expect(dated.create('p', 'r', { at: new Date() })).rejects.toThrow(/after JSON round-trip: at: invalid_type/);
  });

  it('reads a corrupt row as an error that names table and keys but not the content', async () => {
    const secret = 'Jan Jansen bedreigde de wethouder';
    await client.createEntity({ partitionKey: '2026', rowKey: 'bad-json', JsonParts: 1, Json0: `{"number": "${secret}` });
    await client.createEntity({
      partitionKey: '2026',
      rowKey: 'bad-shape',
      JsonParts: 1,
      Json0: JSON.stringify({ ...base, status: secret }),
    });
    await client.createEntity({ partitionKey: '2026', rowKey: 'no-parts', Json0: '{}' });

    for (const rowKey of ['bad-json', 'bad-shape', 'no-parts']) {
      const error: unknown = await cases.get('2026', rowKey).catch((err: unknown) => err);
      expect(error).toBeInstanceOf(CorruptDocumentError);
      const message = (error as Error).message;
      expect(message).toContain(client.tableName);
      expect(message).toContain(rowKey);
      expect(message).not.toContain('Jan Jansen');
    }
  });

  it('round-trips a 200 KB document unchanged', async () => {
    const big = new DocumentTable(client, z.object({ text: z.string() }));
    const text = 'Geüpload rapport: één bedreiging – “citaat”. '.repeat(4_500);
    expect(Buffer.byteLength(JSON.stringify({ text }))).toBeGreaterThan(200_000);

    const etag = await big.create('p', 'big', { text });
    const read = await big.get('p', 'big');
    // Compared as a boolean: a failing toBe would print 200 KB.
    expect(read?.value.text.length).toBe(text.length);
    expect(read?.value.text === text).toBe(true);

    await big.replace('p', 'big', { text: `${text}!` }, etag);
    expect((await big.get('p', 'big'))?.value.text === `${text}!`).toBe(true);
  });

  it('keeps multi-byte characters intact where a large request is cut into network chunks', async () => {
    const big = new DocumentTable(client, z.object({ text: z.string() }));
    // 100 KB of 4-byte characters; four offsets so that one of them puts a character across the
    // first 64 KiB network-buffer edge wherever that edge falls.
    for (const offset of [0, 1, 2, 3]) {
      const text = 'x'.repeat(offset) + '😀'.repeat(25_000);
      await big.create('emoji', `o${offset}`, { text });
      const read = await big.get('emoji', `o${offset}`);
      expect(read?.value.text === text).toBe(true);
    }
  });

  it('refuses a document too large for one entity before calling the service', async () => {
    const big = new DocumentTable(client, z.object({ text: z.string() }));
    await expect(big.create('p', 'huge', { text: 'x'.repeat(600_000) })).rejects.toBeInstanceOf(DocumentTooLargeError);
  });

  it('refuses keys the service forbids and index columns that clash with its own', async () => {
    await expect(cases.get('a/b', 'c')).rejects.toBeInstanceOf(InvalidKeyError);
    await expect(cases.create('p', 'a#b', base)).rejects.toBeInstanceOf(InvalidKeyError);
    const plain = new DocumentTable(client, CaseDoc);
    await expect(plain.create('p', 'r', base, { Json0: 'x' })).rejects.toBeInstanceOf(InvalidKeyError);
    await expect(plain.create('p', 'r', base, { RowKey: 'x' })).rejects.toBeInstanceOf(InvalidKeyError);
    await expect(plain.create('p', 'r', base, { rowKey: 'x' })).rejects.toBeInstanceOf(InvalidKeyError);
    expect(await plain.get('p', 'r')).toBeUndefined();
  });

  it('deletes only the version it was given', async () => {
    const etag1 = await cases.create('2026', 'c1', base);
    await cases.replace('2026', 'c1', { ...base, count: 1 }, etag1);
    await expect(cases.delete('2026', 'c1', etag1)).rejects.toBeInstanceOf(ConcurrencyError);
    const current = await cases.get('2026', 'c1');
    expect(await cases.delete('2026', 'c1', current!.etag)).toBe(true);
    expect(await cases.get('2026', 'c1')).toBeUndefined();
    expect(await cases.delete('2026', 'c1')).toBe(false);
  });
});
