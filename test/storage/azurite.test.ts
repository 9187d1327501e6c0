import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { startAzurite } from '../../src/storage/azurite';
import { EvidenceBlobStore } from '../../src/storage/blob-store';
import { DocumentTable } from '../../src/storage/document-table';
import { createTableClientFactory } from '../../src/storage/table-clients';

const Note = z.object({ text: z.string() });

describe('startAzurite', () => {
  let folder: string;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'azurite-test-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('keeps tables and blobs across a restart on the same folder', async () => {
    const first = await startAzurite({ location: folder });
    try {
      const tables = createTableClientFactory(first.connectionString, 'persist');
      await tables.ensureTables(['Notes']);
      await new DocumentTable(tables.client('Notes'), Note).create('p', 'r', { text: 'bewaard' });
      await new EvidenceBlobStore(first.connectionString, 'evidence').put('case-1/a1', Buffer.from('bewijs'), 'text/plain');
    } finally {
      await first.stop();
    }

    const second = await startAzurite({ location: folder });
    try {
      const tables = createTableClientFactory(second.connectionString, 'persist');
      const read = await new DocumentTable(tables.client('Notes'), Note).get('p', 'r');
      expect(read?.value).toEqual({ text: 'bewaard' });
      const blob = await new EvidenceBlobStore(second.connectionString, 'evidence').get('case-1/a1');
      expect(blob?.bytes.toString()).toBe('bewijs');
    } finally {
      await second.stop();
    }
  });

  it('starts in memory on free ports and puts them in the connection string', async () => {
    const azurite = await startAzurite();
    try {
      expect(azurite.tablePort).toBeGreaterThan(0);
      expect(azurite.blobPort).toBeGreaterThan(0);
      expect(azurite.tablePort).not.toBe(azurite.blobPort);
      expect(azurite.connectionString).toContain(`TableEndpoint=http://127.0.0.1:${azurite.tablePort}/devstoreaccount1`);
      expect(azurite.connectionString).toContain(`BlobEndpoint=http://127.0.0.1:${azurite.blobPort}/devstoreaccount1`);
      expect(azurite.location).toBeUndefined();
      console.info(`in-memory Azurite (table + blob) started in ${azurite.startMs} ms`);
    } finally {
      await azurite.stop();
    }
  });

  it('writes an access log only into its own folder when asked', async () => {
    const azurite = await startAzurite({ location: folder, accessLog: true });
    try {
      await createTableClientFactory(azurite.connectionString, 'log').ensureTables(['Notes']);
    } finally {
      await azurite.stop();
    }
    expect(await readdir(folder)).toEqual(expect.arrayContaining(['access.log', '__azurite_db_table__.json']));
  });
});
