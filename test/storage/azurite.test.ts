import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { startAzurite } from '../../src/storage/azurite';
import { startAzuriteProcess } from '../../src/storage/azurite-process';
import { EvidenceBlobStore } from '../../src/storage/blob-store';
import { DocumentTable } from '../../src/storage/document-table';
import { createTableClientFactory } from '../../src/storage/table-clients';

const Note = z.object({ text: z.string() });

/**
 * Azurite runs in its own process here (startAzuriteProcess runs startAzurite there): the bot's
 * tests load restify into this process, and Azurite cannot serve blobs beside restify.
 */
describe('startAzurite', () => {
  let folder: string;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'azurite-test-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('keeps tables and blobs across a restart on the same folder', async () => {
    const first = await startAzuriteProcess({ location: folder });
    try {
      const tables = createTableClientFactory(first.connectionString, 'persist');
      await tables.ensureTables(['Notes']);
      await new DocumentTable(tables.client('Notes'), Note).create('p', 'r', { text: 'bewaard' });
      await new EvidenceBlobStore(first.connectionString, 'evidence').put('case-1/a1', Buffer.from('bewijs'), 'text/plain');
    } finally {
      await first.stop();
    }

    const second = await startAzuriteProcess({ location: folder });
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
    const azurite = await startAzuriteProcess();
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
    const azurite = await startAzuriteProcess({ location: folder, accessLog: true });
    try {
      await createTableClientFactory(azurite.connectionString, 'log').ensureTables(['Notes']);
    } finally {
      await azurite.stop();
    }
    expect(await readdir(folder)).toEqual(expect.arrayContaining(['access.log', '__azurite_db_table__.json']));
  });

  it('refuses to start in a process that loaded restify, whose http patches break its blob service', async () => {
    await import('../../src/http/restify');
    await expect(startAzurite()).rejects.toThrow(/restify/);
    // Beside restify, Azurite in its own process serves blobs as usual.
    const azurite = await startAzuriteProcess();
    try {
      const evidence = new EvidenceBlobStore(azurite.connectionString, 'evidence');
      await evidence.put('case-2/a1', Buffer.from('bewijs'), 'text/plain');
      expect((await evidence.get('case-2/a1'))?.bytes.toString()).toBe('bewijs');
    } finally {
      await azurite.stop();
    }
  });
});
