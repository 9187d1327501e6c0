import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { gzipSync } from 'node:zlib';
import { TableClient } from '@azure/data-tables';
import { NEUTRAL_ERROR_BODIES } from '../../src/http/responses';
import { testConnectionString } from '../support/azurite-env';
import { personalMessage, postActivity, SAMPLE_PEOPLE, startBotUnderTest, type BotUnderTest } from '../support/bot-under-test';
import { rawRequest, type RawResponse } from '../support/raw-http';

const JSON_TYPE = { 'content-type': 'application/json' };

/** This machine's first address that is not loopback, if it has one. */
const EXTERNAL_ADDRESS = Object.values(networkInterfaces())
  .flat()
  .find((address) => address && address.family === 'IPv4' && !address.internal)?.address;

/** Whether a TCP connection to host:port is accepted. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/** Every refusal is one of the fixed neutral bodies: no exception text, no SDK or library names. */
function expectNeutral(response: RawResponse, status: number): void {
  expect(response.status).toBe(status);
  expect(NEUTRAL_ERROR_BODIES).toContain(response.body);
}

describe('the front door (real HTTP server, local mode)', () => {
  let harness: BotUnderTest;
  const activity = (extra: Record<string, unknown> = {}) => personalMessage(SAMPLE_PEOPLE.sanne, 'help', harness.connector.url, extra);
  const post = (body: Buffer | Buffer[], headers: Record<string, string> = JSON_TYPE) => rawRequest(harness.baseUrl, { body, headers });

  beforeAll(async () => {
    harness = await startBotUnderTest();
  });
  afterAll(async () => {
    await harness.stop();
  });

  /** After every refusal the bot still answers a normal message. */
  async function stillServing(): Promise<void> {
    const response = await postActivity(harness.baseUrl, activity());
    expect(response.status).toBe(200);
  }

  it('refuses a gzip-encoded body that is not gzip with 415 and keeps running (the restify crash)', async () => {
    expectNeutral(await post(Buffer.from('this is not gzip'), { ...JSON_TYPE, 'content-encoding': 'gzip' }), 415);
    expectNeutral(await post(gzipSync(JSON.stringify(activity())), { ...JSON_TYPE, 'content-encoding': 'gzip' }), 415);
    expectNeutral(await post(Buffer.from('{}'), { ...JSON_TYPE, 'content-encoding': 'br, gzip' }), 415);
    await stillServing();
  });

  it('refuses bodies over the limit with 413, announced or chunked', async () => {
    const big = Buffer.alloc(2 * 1024 * 1024, 0x20);
    expectNeutral(await post(big), 413);
    expectNeutral(await post(Array.from({ length: 32 }, () => Buffer.alloc(64 * 1024, 0x20))), 413);
    // A Content-Length that promises more than the limit is refused before a byte is read.
    expectNeutral(await post(Buffer.from('{}'), { ...JSON_TYPE, 'content-length': String(10 * 1024 * 1024) }), 413);
    await stillServing();
  });

  it('refuses anything but JSON in UTF-8 with 415', async () => {
    const body = Buffer.from(JSON.stringify(activity()));
    expectNeutral(await post(body, { 'content-type': 'text/plain' }), 415);
    expectNeutral(await post(body, {}), 415);
    expectNeutral(await post(body, { 'content-type': 'application/json; charset=iso-8859-1' }), 415);
    expectNeutral(await post(body, { 'content-type': 'multipart/form-data; boundary=x' }), 415);
    expect((await post(body, { 'content-type': 'Application/JSON; charset="UTF-8"' })).status).toBe(200);
  });

  it('refuses broken JSON, broken UTF-8, deep nesting and prototype keys with 400', async () => {
    expectNeutral(await post(Buffer.from('{"type": "message",')), 400);
    expectNeutral(await post(Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d])), 400);
    expectNeutral(await post(Buffer.from('['.repeat(50_000) + ']'.repeat(50_000))), 400);
    const withProtoKey = JSON.stringify(activity()).replace('"channelData":{', '"channelData":{"__proto__":{"isAdmin":true},');
    expect(withProtoKey).toContain('"__proto__"');
    expectNeutral(await post(Buffer.from(withProtoKey)), 400);
    expectNeutral(await post(Buffer.from('"just a string"')), 400);
    await stillServing();
  });

  it('refuses activities the SDK would answer with HTTP 500 and its own error text', async () => {
    harness.connector.reset();
    const send = (value: Record<string, unknown>) => post(Buffer.from(JSON.stringify(value)));
    const { type: _type, ...withoutType } = activity();
    expectNeutral(await send(withoutType), 400);
    expectNeutral(await send(activity({ type: 42 })), 400);
    expectNeutral(await send(activity({ serviceUrl: { toLowerCase: 1 } })), 400);
    expectNeutral(await send(activity({ serviceUrl: 'not a url' })), 400);
    expectNeutral(await send(activity({ from: 'sanne' })), 400);
    expectNeutral(await send(activity({ conversation: { id: 7 } })), 400);
    expectNeutral(await send(activity({ entities: [{ type: 'mention' }] })), 400);
    expectNeutral(await send(activity({ type: 'invoke', name: 'adaptiveCard/action', value: 'x' })), 400);
    expectNeutral(await send(activity({ deliveryMode: 'expectReplies' })), 400);
    expect(harness.connector.sentActivities()).toHaveLength(0);
    await stillServing();
  });

  it('sends replies only to this machine over http in local mode', async () => {
    const send = (serviceUrl: string) => post(Buffer.from(JSON.stringify(activity({ serviceUrl }))));
    harness.connector.reset();
    expectNeutral(await send('http://bot-connector.example.org/'), 400);
    expectNeutral(await send('http://user:secret@127.0.0.1:1/'), 400);
    expectNeutral(await send('file:///etc/passwd'), 400);
    expect(harness.connector.calls).toHaveLength(0);
  });

  it('answers an invoke nobody handles with 400, not the SDK’s 501', async () => {
    const response = await post(Buffer.from(JSON.stringify(activity({ type: 'invoke', name: 'composeExtension/query', value: {} }))));
    expectNeutral(response, 400);
  });

  (EXTERNAL_ADDRESS ? it : it.skip)('listens on the loopback interface only', async () => {
    expect(await accepts('127.0.0.1', harness.bot.port)).toBe(true);
    expect(await accepts(EXTERNAL_ADDRESS!, harness.bot.port)).toBe(false);
  });

  it('answers unknown paths and wrong methods with neutral 404 and 405', async () => {
    expectNeutral(await rawRequest(harness.baseUrl, { method: 'GET', path: '/api/messages' }), 405);
    expectNeutral(await rawRequest(harness.baseUrl, { method: 'POST', path: '/healthz', body: Buffer.from('{}'), headers: JSON_TYPE }), 405);
    expectNeutral(await rawRequest(harness.baseUrl, { method: 'GET', path: '/admin/../../etc/passwd' }), 404);
    expectNeutral(await rawRequest(harness.baseUrl, { method: 'DELETE', path: '/ics/aaaaaaaaaaaaaaaaaaaa' }), 405);
  });
});

describe('the tenant', () => {
  let harness: BotUnderTest;
  const HOME = '00000000-0000-0000-0000-0000000000aa';
  const FOREIGN = '99999999-9999-9999-9999-999999999999';

  beforeAll(async () => {
    harness = await startBotUnderTest();
  });
  afterAll(async () => {
    await harness.stop();
  });
  beforeEach(() => harness.connector.reset());

  /** Refused like a foreign tenant: a Dutch explanation, no intake started, no conversation remembered. */
  async function expectRefused(person: { id: string; name: string; aadObjectId: string }, extra: Record<string, unknown>): Promise<void> {
    const response = await postActivity(harness.baseUrl, personalMessage(person, 'meld incident', harness.connector.url, extra));
    expect(response.status).toBe(200);
    const replies = harness.connector.sentActivities();
    expect(replies).toHaveLength(1);
    expect(String(replies[0].text)).toMatch(/alleen beschikbaar/);
    const drafts = TableClient.fromConnectionString(testConnectionString(), `${harness.tablePrefix}Drafts`, { allowInsecureConnection: true });
    await expect(drafts.getEntity(person.aadObjectId, 'draft')).rejects.toMatchObject({ statusCode: 404 });
    const references = TableClient.fromConnectionString(testConnectionString(), `${harness.tablePrefix}ConversationRefs`, { allowInsecureConnection: true });
    await expect(references.getEntity('user', person.aadObjectId)).rejects.toMatchObject({ statusCode: 404 });
  }

  it('refuses an activity that names no tenant anywhere', async () => {
    await expectRefused(SAMPLE_PEOPLE.marieke, { channelData: {}, conversation: { id: 'a:no-tenant', conversationType: 'personal' } });
  });

  it('refuses an activity with the home tenant in channelData and another in the conversation', async () => {
    await expectRefused(SAMPLE_PEOPLE.lotte, {
      channelData: { tenant: { id: HOME } },
      conversation: { id: 'a:mixed', conversationType: 'personal', tenantId: FOREIGN },
    });
  });

  it('refuses the reverse mix as well', async () => {
    await expectRefused(SAMPLE_PEOPLE.ahmed, {
      channelData: { tenant: { id: FOREIGN } },
      conversation: { id: 'a:mixed-2', conversationType: 'personal', tenantId: HOME },
    });
  });

  it('accepts the home tenant named in one place only', async () => {
    const response = await postActivity(
      harness.baseUrl,
      personalMessage(SAMPLE_PEOPLE.johan, 'help', harness.connector.url, { conversation: { id: 'a:one-place', conversationType: 'personal' } }),
    );
    expect(response.status).toBe(200);
    expect(String(harness.connector.sentActivities()[0]?.text ?? '')).not.toMatch(/alleen beschikbaar/);
  });
});
