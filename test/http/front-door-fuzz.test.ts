import fc from 'fast-check';
import nock from 'nock';
import type { Logger, LogFields } from '../../src/app/logger';
import { NEUTRAL_ERROR_BODIES } from '../../src/http/responses';
import { BotFrameworkSigner } from '../support/bot-framework-keys';
import { SAMPLE_PEOPLE, personalMessage, postActivity, startBotUnderTest, type BotUnderTest } from '../support/bot-under-test';
import { Chat, cardText } from '../support/chat-driver';
import { fuzzRequest, toWire, type FuzzRequest, type WireRequest } from '../support/fuzz-requests';
import { rawRequest } from '../support/raw-http';

/**
 * Thousands of random and malformed requests — bodies, headers, encodings, megabyte bodies, deep
 * and wide JSON, wrong types in every activity field, forged tokens — against the real HTTP server
 * and adapter, in local and in authenticated mode. Seeded: FUZZ_SEED and FUZZ_RUNS reproduce or
 * extend a run. No request may get a 5xx, crash the process, show anything internal, or make the
 * bot log an error; a normal intake works afterwards.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const RUNS = { local: Number(process.env.FUZZ_RUNS ?? 2000), authenticated: Math.round(Number(process.env.FUZZ_RUNS ?? 2000) * 0.6) };
const CONCURRENCY = 8;

const APP_ID = '11111111-2222-3333-4444-555555555555';
const TENANT = '00000000-0000-0000-0000-0000000000aa';
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';

/** Text that must never reach a client: stack frames, file paths, runtime and SDK error wording. */
const INTERNAL_TEXT = /\bat \S+ \(|node_modules|\/work\/|\w\.(ts|js):\d+|ENOTFOUND|ECONNREFUSED|botframework|validateAndFixActivity|is not a function|TypeError|ReferenceError|SyntaxError|Unexpected token|restify|zod/i;

/** Logs errors (the bot's own failures); refusals and warnings are fine. */
class ErrorCountingLogger implements Logger {
  readonly errors: { event: string; fields?: LogFields }[] = [];
  info(): void {}
  warn(): void {}
  error(event: string, fields?: LogFields): void {
    this.errors.push({ event, fields });
  }
}

interface Figures {
  requests: number;
  byStatus: Record<string, number>;
  hugeBodies: number;
  encodedBodies: number;
  fiveHundreds: number;
  internalTexts: number;
  noAnswer: number;
  failures: string[];
  ms: number;
}

async function fuzz(baseUrl: string, serviceUrl: string, requests: FuzzRequest[], authorize: (wire: WireRequest) => string | undefined): Promise<Figures> {
  const figures: Figures = { requests: 0, byStatus: {}, hugeBodies: 0, encodedBodies: 0, fiveHundreds: 0, internalTexts: 0, noAnswer: 0, failures: [], ms: 0 };
  const started = Date.now();
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const request = requests[next++];
      const wire = toWire(request, serviceUrl);
      const authorization = authorize(wire);
      const headers = authorization ? { ...wire.headers, authorization } : wire.headers;
      figures.requests++;
      if (wire.huge) figures.hugeBodies++;
      if (wire.encoded) figures.encodedBodies++;
      const describe = () => `${request.kind} ${JSON.stringify(request).slice(0, 300)}`;
      try {
        const response = await rawRequest(baseUrl, { method: wire.method, path: wire.path, headers, body: wire.body });
        figures.byStatus[response.status] = (figures.byStatus[response.status] ?? 0) + 1;
        if (response.status >= 500) {
          figures.fiveHundreds++;
          figures.failures.push(`HTTP ${response.status} for ${describe()}`);
        }
        const neutral = response.body === '' || NEUTRAL_ERROR_BODIES.includes(response.body);
        if ((response.status >= 400 && !neutral) || INTERNAL_TEXT.test(response.body)) {
          figures.internalTexts++;
          figures.failures.push(`body "${response.body.slice(0, 200)}" for ${describe()}`);
        }
      } catch (error) {
        figures.noAnswer++;
        figures.failures.push(`no answer (${(error as Error).message}) for ${describe()}`);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  figures.ms = Date.now() - started;
  return figures;
}

function report(mode: string, figures: Figures): void {
  const statuses = Object.entries(figures.byStatus).map(([status, count]) => `${status}×${count}`).join(' ');
  console.info(
    `front-door fuzz (${mode}, seed ${SEED}): ${figures.requests} requests in ${(figures.ms / 1000).toFixed(1)} s — ` +
      `${figures.hugeBodies} bodies ≥ 1 MB, ${figures.encodedBodies} with a content coding; statuses ${statuses}; ` +
      `5xx: ${figures.fiveHundreds}, internal texts: ${figures.internalTexts}, no answer: ${figures.noAnswer}`,
  );
}

function expectClean(figures: Figures, logger: ErrorCountingLogger): void {
  expect(figures.failures.slice(0, 5)).toEqual([]);
  expect(figures.fiveHundreds).toBe(0);
  expect(figures.internalTexts).toBe(0);
  expect(figures.noAnswer).toBe(0);
  expect(logger.errors.slice(0, 5)).toEqual([]);
}

describe('front-door fuzz, local mode', () => {
  const logger = new ErrorCountingLogger();
  let harness: BotUnderTest;

  beforeAll(async () => {
    harness = await startBotUnderTest({}, { logger });
  });
  afterAll(async () => {
    await harness.stop();
  });

  it(`answers ${RUNS.local} malformed requests without a 5xx, an internal text or an error, then takes a normal intake`, async () => {
    const requests = fc.sample(fuzzRequest, { seed: SEED, numRuns: RUNS.local });
    const figures = await fuzz(harness.baseUrl, harness.connector.url, requests, () => undefined);
    report('local mode', figures);
    expectClean(figures, logger);
    expect(figures.hugeBodies).toBeGreaterThan(0);
    expect(figures.encodedBodies).toBeGreaterThan(0);

    // Still the same process, still serving, and an intake starts as usual.
    expect((await fetch(`${harness.baseUrl}/healthz`)).status).toBe(200);
    const chat = new Chat(harness, SAMPLE_PEOPLE.sanne);
    const replies = await chat.say('meld incident');
    expect(replies.map((reply) => reply.text ?? cardText(reply.card)).join('\n')).toMatch(/Stap 1 van \d+/);
  }, 120000);
});

describe('front-door fuzz, authenticated mode', () => {
  const logger = new ErrorCountingLogger();
  const signer = new BotFrameworkSigner('fuzz-key');
  const impostor = new BotFrameworkSigner('fuzz-key');
  let harness: BotUnderTest;
  let replies: Record<string, unknown>[] = [];

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
    signer.serve(1);
    nock('https://login.microsoftonline.com').persist().post(`/${TENANT}/oauth2/v2.0/token`).query(true).reply(200, { token_type: 'Bearer', expires_in: 3600, access_token: 'bot-token' });
    nock('https://smba.trafficmanager.net')
      .persist()
      .post(/\/emea\/v3\/conversations\/.*\/activities/)
      .reply(function (_path, body) {
        replies.push(body as Record<string, unknown>);
        return [200, { id: 'reply' }];
      });
    harness = await startBotUnderTest(
      { PERPETRATOR_KEY: 'test-perpetrator-key-0123456789abcdef', MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret', MicrosoftAppTenantId: TENANT, DIRECTORY_PATH: 'src/local/sample-directory.json' },
      { logger },
    );
  });
  afterAll(async () => {
    await harness.stop();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it(`answers ${RUNS.authenticated} malformed requests with valid, forged and missing tokens without a 5xx, then takes a normal intake`, async () => {
    const requests = fc.sample(fuzzRequest, { seed: SEED + 1, numRuns: RUNS.authenticated });
    const forged = [`Bearer ${impostor.token(APP_ID, SERVICE_URL)}`, 'Bearer x.y.z', 'Basic dXNlcjpwYXNz', `Bearer ${signer.token(APP_ID, SERVICE_URL, { exp: 1 })}`, 'Bearer'];
    let forgedIndex = 0;
    const authorize = (wire: WireRequest) =>
      wire.token === 'valid' ? `Bearer ${signer.token(APP_ID, SERVICE_URL)}` : wire.token === 'forged' ? forged[forgedIndex++ % forged.length] : undefined;
    const figures = await fuzz(harness.baseUrl, SERVICE_URL, requests, authorize);
    report('authenticated mode', figures);
    expectClean(figures, logger);
    expect(figures.byStatus['401']).toBeGreaterThan(0);
    expect(figures.byStatus['200']).toBeGreaterThan(0);

    replies = [];
    const response = await postActivity(harness.baseUrl, personalMessage(SAMPLE_PEOPLE.sanne, 'meld incident', SERVICE_URL), {
      authorization: `Bearer ${signer.token(APP_ID, SERVICE_URL)}`,
    });
    expect(response.status).toBe(200);
    expect(JSON.stringify(replies)).toMatch(/Stap 1 van \d+/);
  }, 120000);
});
