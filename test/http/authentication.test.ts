import { randomUUID } from 'node:crypto';
import { TableClient } from '@azure/data-tables';
import jwt from 'jsonwebtoken';
import nock from 'nock';
import { NEUTRAL_ERROR_BODIES } from '../../src/http/responses';
import { testConnectionString } from '../support/azurite-env';
import { BotFrameworkSigner, KEYS_PATH, OPENID_HOST, OPENID_PATH } from '../support/bot-framework-keys';
import { personalMessage, postActivity, startBotUnderTest, type BotUnderTest, type Person } from '../support/bot-under-test';

/**
 * Authenticated mode against the Bot Framework's OpenID metadata and signing keys served locally
 * (nock, at the URLs botbuilder uses), the Entra ID token endpoint for the bot's replies, and the
 * Bot Connector at an https service URL as Teams sends it.
 */
const APP_ID = '11111111-2222-3333-4444-555555555555';
const TENANT = '00000000-0000-0000-0000-0000000000aa';
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';

describe('POST /api/messages in authenticated mode', () => {
  const signer = new BotFrameworkSigner('bf-key-1');
  let harness: BotUnderTest;
  let replies: { path: string; authorization: string | undefined; body: Record<string, unknown> }[] = [];

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
    harness = await startBotUnderTest(
      { PERPETRATOR_KEY: 'test-perpetrator-key-0123456789abcdef', MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT, DIRECTORY_PATH: 'src/local/sample-directory.json' },
      { start: { signingKeys: { timeoutMs: 400, failureBackoffMs: 300 } } },
    );
  });
  afterAll(async () => {
    await harness.stop();
    nock.cleanAll();
    nock.enableNetConnect();
  });
  beforeEach(() => {
    replies = [];
    // The bot's own token for replying, and the Bot Connector that receives the replies.
    nock('https://login.microsoftonline.com')
      .persist()
      .post(`/${TENANT}/oauth2/v2.0/token`)
      .query(true)
      .reply(200, { token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: 'bot-outbound-token' });
    nock('https://smba.trafficmanager.net')
      .persist()
      .post(/\/emea\/v3\/conversations\/.*\/activities/)
      .reply(function (path, body) {
        replies.push({ path, authorization: this.req.headers.authorization as string | undefined, body: body as Record<string, unknown> });
        return [200, { id: `reply-${replies.length}` }];
      });
    // The help card's greeting asks Teams for the caller's given name (Bot Connector member lookup).
    nock('https://smba.trafficmanager.net')
      .persist()
      .get(/\/emea\/v3\/conversations\/[^/]+\/members\/[^/]+$/)
      .reply(200, { id: 'user', name: 'Iemand', givenName: 'Iemand' });
  });
  afterEach(() => nock.cleanAll());

  const someone = (): Person => ({ id: `user-${randomUUID()}`, name: 'Iemand', aadObjectId: randomUUID() });
  const send = (person: Person, authorization?: string) =>
    postActivity(harness.baseUrl, personalMessage(person, 'help', SERVICE_URL), authorization ? { authorization } : {});

  /** Not processed: no reply sent, no conversation reference stored. */
  async function expectNotProcessed(person: Person): Promise<void> {
    expect(replies).toHaveLength(0);
    const references = TableClient.fromConnectionString(testConnectionString(), `${harness.tablePrefix}ConversationRefs`, { allowInsecureConnection: true });
    await expect(references.getEntity('user', person.aadObjectId)).rejects.toMatchObject({ statusCode: 404 });
  }

  it('answers 503 with Retry-After when the signing keys cannot be fetched and none are cached, and processes nothing', async () => {
    nock(OPENID_HOST).get(OPENID_PATH).times(2).replyWithError({ code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND login.botframework.com' });
    const person = someone();
    const response = await send(person, `Bearer ${signer.token(APP_ID, SERVICE_URL)}`);
    expect(response.status).toBe(503);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = await response.text();
    expect(NEUTRAL_ERROR_BODIES).toContain(body);
    expect(body).not.toMatch(/botframework|ENOTFOUND|login\./i);
    await expectNotProcessed(person);
  });

  it('answers 503 when the metadata does not answer within the timeout', async () => {
    await new Promise((resolve) => setTimeout(resolve, 350)); // past the failure back-off of the previous test
    nock(OPENID_HOST).get(OPENID_PATH).delay(5000).reply(200, {});
    const person = someone();
    const started = Date.now();
    const response = await send(person, `Bearer ${signer.token(APP_ID, SERVICE_URL)}`);
    expect(response.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(3000);
    await expectNotProcessed(person);
  });

  it('refuses forged tokens with 401 and processes none of them', async () => {
    await new Promise((resolve) => setTimeout(resolve, 350));
    // The published key set: our signing key for Teams, and one endorsed for another channel only.
    const webchatOnly = new BotFrameworkSigner('bf-key-webchat');
    nock(OPENID_HOST).get(OPENID_PATH).reply(200, { jwks_uri: `${OPENID_HOST}${KEYS_PATH}` });
    nock(OPENID_HOST).get(KEYS_PATH).reply(200, { keys: [...signer.keySet().keys, ...webchatOnly.keySet(['webchat']).keys] });
    const impostor = new BotFrameworkSigner('bf-key-1'); // same key id, its own private key
    const stranger = new BotFrameworkSigner('unknown-key');
    const header = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const claims = { iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: SERVICE_URL, exp: Math.floor(Date.now() / 1000) + 3600 };
    const forged: Record<string, string | undefined> = {
      'no header': undefined,
      'not a JWT': 'Bearer not-a-jwt',
      'basic scheme': `Basic ${Buffer.from('user:pass').toString('base64')}`,
      'alg none': `Bearer ${header({ alg: 'none', typ: 'JWT', kid: 'bf-key-1' })}.${header(claims)}.`,
      'HS256 with the public key as secret': `Bearer ${jwt.sign(claims, signer.publicKey.export({ type: 'spki', format: 'pem' }).toString(), { algorithm: 'HS256', keyid: 'bf-key-1' })}`,
      'HS256 with a guessed secret': `Bearer ${jwt.sign(claims, 'secret', { algorithm: 'HS256', keyid: 'bf-key-1' })}`,
      'self-signed RS256, known key id': `Bearer ${impostor.token(APP_ID, SERVICE_URL)}`,
      'self-signed RS256, unknown key id': `Bearer ${stranger.token(APP_ID, SERVICE_URL)}`,
      expired: `Bearer ${signer.token(APP_ID, SERVICE_URL, { exp: Math.floor(Date.now() / 1000) - 3600 })}`,
      'wrong audience': `Bearer ${signer.token('99999999-0000-0000-0000-000000000000', SERVICE_URL)}`,
      'wrong issuer': `Bearer ${signer.token(APP_ID, SERVICE_URL, { iss: 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/' })}`,
      'another service URL': `Bearer ${signer.token(APP_ID, 'https://attacker.example/')}`,
      'key not endorsed for msteams': `Bearer ${webchatOnly.token(APP_ID, SERVICE_URL)}`,
    };
    for (const [label, authorization] of Object.entries(forged)) {
      const person = someone();
      const response = await send(person, authorization);
      expect({ label, status: response.status }).toEqual({ label, status: 401 });
      expect(NEUTRAL_ERROR_BODIES).toContain(await response.text());
      await expectNotProcessed(person);
    }
  });

  it('processes an activity with a correctly signed token: the reply reaches the Bot Connector with the bot’s own token', async () => {
    const person = someone();
    const response = await send(person, `Bearer ${signer.token(APP_ID, SERVICE_URL)}`);
    expect(response.status).toBe(200);
    expect(replies).toHaveLength(1);
    expect(decodeURIComponent(replies[0].path)).toBe(`/emea/v3/conversations/a:personal-${person.id}/activities/${String(replies[0].body.replyToId)}`);
    expect(replies[0].authorization).toBe('Bearer bot-outbound-token');
    expect(JSON.stringify(replies[0].body)).toMatch(/meld incident/i);
  });

  it('keeps using the cached keys while the metadata is unreachable', async () => {
    nock(OPENID_HOST).get(OPENID_PATH).replyWithError({ code: 'ECONNRESET', message: 'socket hang up' });
    const response = await send(someone(), `Bearer ${signer.token(APP_ID, SERVICE_URL)}`);
    expect(response.status).toBe(200);
    expect(replies).toHaveLength(1);
    expect(nock.isDone()).toBe(false); // no refresh was even attempted: the keys are fresh
  });
});
