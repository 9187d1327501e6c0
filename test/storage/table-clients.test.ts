import { createServer, type AddressInfo, type Socket } from 'node:net';
import { devConnectionString } from '../../src/storage/azurite';
import {
  checkStorageHealth,
  createTableClientFactory,
  isLocalHttpEndpoint,
  tableEndpointOf,
} from '../../src/storage/table-clients';
import { testConnectionString, testTablePrefix } from '../support/azurite-env';

describe('createTableClientFactory', () => {
  it('prefixes table names and creates tables idempotently', async () => {
    const prefix = testTablePrefix('factory');
    const tables = createTableClientFactory(testConnectionString(), prefix);
    expect(tables.tableName('Cases')).toBe(`${prefix}Cases`);

    await tables.ensureTables(['Cases', 'Drafts']);
    await tables.ensureTables(['Cases', 'Drafts']); // second run: tables exist, no error
    await tables.client('Cases').createEntity({ partitionKey: 'p', rowKey: 'r' });
    expect((await tables.client('Cases').getEntity('p', 'r')).rowKey).toBe('r');
  });

  it('refuses prefixes and names the Table service would reject', () => {
    expect(() => createTableClientFactory(testConnectionString(), 'wb-test')).toThrow(/alphanumeric/);
    const tables = createTableClientFactory(testConnectionString(), '');
    expect(() => tables.client('Conversation_Refs')).toThrow(/not a valid table name/);
    expect(() => tables.client('9Cases')).toThrow(/not a valid table name/);
  });
});

describe('which endpoints may use plain http', () => {
  it.each([
    ['http://127.0.0.1:10002/devstoreaccount1', true],
    ['http://localhost:10002/devstoreaccount1', true],
    ['https://127.0.0.1:10002/devstoreaccount1', false],
    ['http://wbstorage.table.core.windows.net', false],
    ['http://127.0.0.1.evil.example/devstoreaccount1', false],
    ['not a url', false],
  ])('%s → %s', (endpoint, expected) => {
    expect(isLocalHttpEndpoint(endpoint)).toBe(expected);
  });

  it('reads the table endpoint the way the SDK does', () => {
    expect(tableEndpointOf('UseDevelopmentStorage=true')).toBe('http://127.0.0.1:10002/devstoreaccount1');
    expect(tableEndpointOf(devConnectionString('http://127.0.0.1:5/devstoreaccount1', 'http://127.0.0.1:6/x'))).toBe(
      'http://127.0.0.1:5/devstoreaccount1',
    );
    expect(
      tableEndpointOf('DefaultEndpointsProtocol=https;AccountName=wbprod;AccountKey=a2V5;EndpointSuffix=core.windows.net'),
    ).toBe('https://wbprod.table.core.windows.net');
  });
});

describe('checkStorageHealth', () => {
  it('is ok against a running Azurite', async () => {
    const health = await checkStorageHealth(testConnectionString());
    expect(health.ok).toBe(true);
  });

  it('is not ok against a port where nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve)); // its port is now closed
    const endpoint = `http://127.0.0.1:${port}/devstoreaccount1`;
    const health = await checkStorageHealth(devConnectionString(endpoint, endpoint), { timeoutMs: 1000 });
    expect(health).toEqual({ ok: false, detail: expect.stringMatching(/unreachable/) });
  });

  it('is not ok, within the timeout, when the service accepts connections but never answers', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket)); // accepts TCP, never replies
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    try {
      const started = Date.now();
      const health = await checkStorageHealth(
        devConnectionString(`http://127.0.0.1:${port}/devstoreaccount1`, `http://127.0.0.1:${port}/devstoreaccount1`),
        { timeoutMs: 300 },
      );
      expect(health).toEqual({ ok: false, detail: expect.stringMatching(/did not answer within 300 ms/) });
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      sockets.forEach((socket) => socket.destroy());
      silent.close();
    }
  });

  it('does not leak the account key in its detail', async () => {
    const health = await checkStorageHealth('DefaultEndpointsProtocol=http;AccountName=x;AccountKey=c2VjcmV0;TableEndpoint=http://127.0.0.1:1/x');
    expect(health.ok).toBe(false);
    expect(health.detail).not.toContain('c2VjcmV0');
  });
});
