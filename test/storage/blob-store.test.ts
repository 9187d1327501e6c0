import { createHash, randomBytes } from 'node:crypto';
import { BlobServiceClient } from '@azure/storage-blob';
import { EvidenceBlobStore } from '../../src/storage/blob-store';
import { AlreadyExistsError, IntegrityError, InvalidKeyError } from '../../src/storage/errors';
import { testConnectionString, testTablePrefix } from '../support/azurite-env';

describe('EvidenceBlobStore', () => {
  const containerName = testTablePrefix('evidence').toLowerCase();
  const store = new EvidenceBlobStore(testConnectionString(), containerName);

  it('stores bytes in a container it creates, and returns their SHA-256 and size', async () => {
    const bytes = randomBytes(300_000); // binary, larger than one network chunk
    const stored = await store.put('case-1/att-1', bytes, 'image/png');
    expect(stored).toEqual({
      blobName: 'case-1/att-1',
      sha256: createHash('sha256').update(bytes).digest('hex'),
      sizeBytes: 300_000,
    });

    const fetched = await store.get('case-1/att-1');
    expect(fetched?.contentType).toBe('image/png');
    expect(fetched?.sha256).toBe(stored.sha256);
    expect(fetched?.bytes.equals(bytes)).toBe(true);
  });

  it('returns undefined for a blob that does not exist', async () => {
    expect(await store.get('case-1/none')).toBeUndefined();
  });

  it('never overwrites evidence', async () => {
    await store.put('case-2/att-1', Buffer.from('origineel'), 'text/plain');
    await expect(store.put('case-2/att-1', Buffer.from('vervalst'), 'text/plain')).rejects.toBeInstanceOf(AlreadyExistsError);
    expect((await store.get('case-2/att-1'))?.bytes.toString()).toBe('origineel');
  });

  it('refuses names that look like user file names, without repeating them in the error', async () => {
    for (const name of ['Aangifte Jan Jansen.pdf', '../other/att', 'case-3/foto (1).jpg', '']) {
      const error: unknown = await store.put(name, Buffer.from('x'), 'text/plain').catch((err: unknown) => err);
      expect(error).toBeInstanceOf(InvalidKeyError);
      if (name) expect((error as Error).message).not.toContain(name);
    }
  });

  it('detects bytes that were changed behind its back', async () => {
    await store.put('case-4/att-1', Buffer.from('bewijs'), 'text/plain');
    // Overwrite directly, keeping the recorded hash, as tampering in the storage account would.
    const blob = BlobServiceClient.fromConnectionString(testConnectionString())
      .getContainerClient(containerName)
      .getBlockBlobClient('case-4/att-1');
    const { metadata } = await blob.getProperties();
    await blob.uploadData(Buffer.from('gewijzigd'), { metadata });
    await expect(store.get('case-4/att-1')).rejects.toBeInstanceOf(IntegrityError);
  });
});
