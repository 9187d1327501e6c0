import { randomBytes } from 'node:crypto';
import { silentLogger } from '../../src/app/logger';
import { downloadKey, FileDeliveryService } from '../../src/app/file-delivery.service';
import { EvidenceBlobStore } from '../../src/storage/blob-store';
import { TableDownloadRepository } from '../../src/storage/download.repository';
import { createTableClientFactory } from '../../src/storage/table-clients';
import { testConnectionString, testTablePrefix } from '../support/azurite-env';
import { ManualClock } from '../support/manual-clock';

const MINUTE = 60_000;

// A file offered in the 1:1 chat: kept under the SHA-256 of its link's token, opened while the link
// works, gone (bytes and row) once the background job has seen it expire.
describe('file delivery on Azurite', () => {
  const tables = createTableClientFactory(testConnectionString(), testTablePrefix('dl'));
  const blobs = new EvidenceBlobStore(testConnectionString(), `downloads-${randomBytes(4).toString('hex')}`);
  const clock = new ManualClock(new Date('2026-12-01T10:00:00Z'));
  let repository: TableDownloadRepository;
  let delivery: FileDeliveryService;
  const tokens: string[] = [];

  beforeAll(async () => {
    await tables.ensureTables(['Downloads']);
    repository = new TableDownloadRepository(tables.client('Downloads'), blobs);
    delivery = new FileDeliveryService({
      store: repository,
      clock,
      newToken: () => {
        tokens.push(randomBytes(32).toString('base64url'));
        return tokens[tokens.length - 1];
      },
      urlFor: (token) => `https://bot.example/download/${token}`,
      lifetimeMs: 15 * MINUTE,
      logger: silentLogger,
    });
  });

  it('the link works for 15 minutes, then not; the expired file is deleted; storage never holds the token', async () => {
    const content = Buffer.from('\ufeffDatum;Categorieën\r\n', 'utf8');
    const offer = await delivery.offer({ fileName: 'export.csv', contentType: 'text/csv; charset=utf-8', content, kind: 'registration-csv' }, 'aad-peter');
    const token = tokens[0];
    expect(offer.url).toBe(`https://bot.example/download/${token}`);
    expect(offer.expiresAt.toISOString()).toBe('2026-12-01T10:15:00.000Z');

    // Nothing in the table or the blob names is the token; the row is found by its digest.
    const rows: Record<string, unknown>[] = [];
    for await (const row of tables.client('Downloads').listEntities<Record<string, unknown>>()) rows.push(row);
    expect(rows.map((r) => r.rowKey)).toEqual([downloadKey(token)]);
    expect(JSON.stringify(rows)).not.toContain(token);

    clock.advance(14 * MINUTE);
    expect((await delivery.open(token))?.content.equals(content)).toBe(true);
    expect(await delivery.open(randomBytes(32).toString('base64url'))).toBeUndefined();
    expect(await delivery.removeExpired()).toBe(0);

    clock.advance(1 * MINUTE);
    expect(await delivery.open(token)).toBeUndefined();
    expect(await delivery.removeExpired()).toBe(1);
    expect(await repository.get(downloadKey(token))).toBeUndefined();
    expect(await blobs.get(downloadKey(token))).toBeUndefined();
    // A second instance's pass finds nothing left and fails on nothing.
    expect(await delivery.removeExpired()).toBe(0);
  });
});
