import nock from 'nock';
import { silentLogger } from '../../src/app/logger';
import { BotFrameworkSigningKeys, DEFAULT_SIGNING_KEY_OPTIONS, SigningKeysUnavailableError } from '../../src/teams/auth/signing-keys';
import { BotFrameworkSigner, KEYS_PATH, OPENID_HOST, OPENID_PATH } from '../support/bot-framework-keys';

const HOUR = 60 * 60 * 1000;

describe('the Bot Framework signing keys cache', () => {
  const signer = new BotFrameworkSigner('key-a');
  let now = 0;
  const keys = () => new BotFrameworkSigningKeys({ ...DEFAULT_SIGNING_KEY_OPTIONS, timeoutMs: 500, logger: silentLogger, now: () => now });
  const unreachable = () => nock(OPENID_HOST).get(OPENID_PATH).replyWithError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' });

  beforeAll(() => {
    nock.disableNetConnect();
  });
  afterAll(() => {
    nock.enableNetConnect();
  });
  beforeEach(() => {
    now = 1_000_000;
  });
  afterEach(() => {
    nock.cleanAll();
  });

  it('fetches the metadata and key set once, then answers from the cache', async () => {
    const cache = keys();
    signer.serve(1);
    expect((await cache.keyFor('key-a'))?.endorsements).toEqual(['msteams']);
    now += 23 * HOUR;
    expect(await cache.keyFor('key-a')).toBeDefined();
    expect(nock.isDone()).toBe(true);
  });

  it('refreshes a day-old key set in the background and keeps it when the refresh fails', async () => {
    const cache = keys();
    signer.serve(1);
    await cache.keyFor('key-a');
    now += 25 * HOUR;
    const refresh = unreachable();
    expect(await cache.keyFor('key-a')).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(refresh.isDone()).toBe(true);
    expect(await cache.keyFor('key-a')).toBeDefined();
  });

  it('looks for an unknown key id at most once per five minutes', async () => {
    const cache = keys();
    signer.serve(1);
    await cache.keyFor('key-a');
    now += 6 * 60 * 1000;
    signer.serve(1);
    expect(await cache.keyFor('forged-key-id')).toBeUndefined();
    expect(nock.isDone()).toBe(true);
    now += 60 * 1000;
    const notAskedFor = nock(OPENID_HOST).get(OPENID_PATH).reply(200, { jwks_uri: `${OPENID_HOST}${KEYS_PATH}` });
    expect(await cache.keyFor('another-forged-key-id')).toBeUndefined();
    expect(notAskedFor.isDone()).toBe(false);
  });

  it('is unavailable (503) when nothing was ever loaded, and does not retry within the back-off', async () => {
    const cache = keys();
    const first = unreachable();
    const error = await cache.keyFor('key-a').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SigningKeysUnavailableError);
    expect((error as SigningKeysUnavailableError).retryAfterSeconds).toBe(15);
    expect(first.isDone()).toBe(true);
    now += 5000;
    const notAskedFor = nock(OPENID_HOST).get(OPENID_PATH).reply(200, { jwks_uri: `${OPENID_HOST}${KEYS_PATH}` });
    await expect(cache.keyFor('key-a')).rejects.toBeInstanceOf(SigningKeysUnavailableError);
    expect(notAskedFor.isDone()).toBe(false);
    nock.cleanAll();
    now += 11_000;
    signer.serve(1);
    expect(await cache.keyFor('key-a')).toBeDefined();
  });

  it('refuses metadata that points its keys to plain http, and a key set without RSA keys', async () => {
    const cache = keys();
    nock(OPENID_HOST).get(OPENID_PATH).reply(200, { jwks_uri: 'http://login.botframework.com/v1/.well-known/keys' });
    await expect(cache.keyFor('key-a')).rejects.toBeInstanceOf(SigningKeysUnavailableError);
    now += 20_000;
    nock(OPENID_HOST).get(OPENID_PATH).reply(200, { jwks_uri: `${OPENID_HOST}${KEYS_PATH}` });
    nock(OPENID_HOST).get(KEYS_PATH).reply(200, { keys: [{ kty: 'EC', kid: 'key-a', crv: 'P-256', x: 'x', y: 'y' }] });
    await expect(cache.keyFor('key-a')).rejects.toBeInstanceOf(SigningKeysUnavailableError);
  });
});
