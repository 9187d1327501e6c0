import type { Server as NodeHttpServer } from 'node:http';
import type { Logger, LogFields } from '../../src/app/logger';
import { NEUTRAL_ERROR_BODIES } from '../../src/http/responses';
import { closeServer, createRestifyServer, listen } from '../../src/http/server';
import type { Request, Response, Server } from '../../src/http/restify';
import { postActivity, personalMessage, SAMPLE_PEOPLE, startBotUnderTest, type BotUnderTest } from '../support/bot-under-test';
import { rawRequest, rawTargetRequest, type RawResponse } from '../support/raw-http';

/**
 * restify's own ways of answering — unknown route, wrong method, a target its URL parser cannot
 * take, a handler that fails or never answers — each give a neutral body, never restify's
 * (which quotes the path or the error's message), and the process keeps serving.
 */

const SECRET = 'geheime-tekst-uit-een-bericht';

function expectNeutral(response: RawResponse, status: number): void {
  expect(response.status).toBe(status);
  expect(NEUTRAL_ERROR_BODIES).toContain(response.body);
  expect(response.headers.server).toBeUndefined();
}

describe('restify error paths of the real bot', () => {
  let harness: BotUnderTest;

  beforeAll(async () => {
    harness = await startBotUnderTest();
  });
  afterAll(async () => {
    await harness.stop();
  });

  async function stillServing(): Promise<void> {
    const response = await postActivity(harness.baseUrl, personalMessage(SAMPLE_PEOPLE.sanne, 'help', harness.connector.url));
    expect(response.status).toBe(200);
  }

  it('answers request targets that restify’s URL parser throws on with 404 and keeps running', async () => {
    // Without the guard, url.parse throws on these outside any handler: an uncaught exception.
    expectNeutral(await rawTargetRequest(harness.baseUrl, 'POST', 'http://[::1/'), 404);
    expectNeutral(await rawTargetRequest(harness.baseUrl, 'GET', '//a@[::1/'), 404);
    await stillServing();
  });

  it('routes an absolute-form target by its path, as before', async () => {
    const response = await rawTargetRequest(harness.baseUrl, 'GET', `http://127.0.0.1:${harness.bot.port}/healthz`);
    expect(response.status).toBe(200);
  });

  it('never echoes the path of an unknown route, and answers OPTIONS * like any unknown path', async () => {
    const probe = `/${SECRET}<script>`;
    const response = await rawTargetRequest(harness.baseUrl, 'GET', probe);
    expectNeutral(response, 404);
    expect(response.body).not.toContain(SECRET);
    expectNeutral(await rawTargetRequest(harness.baseUrl, 'OPTIONS', '*'), 404);
  });

  it('answers a wrong method with 405, the allowed method in Allow, and a neutral body', async () => {
    const get = await rawRequest(harness.baseUrl, { method: 'GET', path: '/api/messages' });
    expectNeutral(get, 405);
    expect(get.headers.allow).toBe('POST');
    const post = await rawRequest(harness.baseUrl, { method: 'POST', path: '/healthz', body: Buffer.from('{}'), headers: { 'content-type': 'application/json' } });
    expectNeutral(post, 405);
    expect(post.headers.allow).toBe('GET');
    const head = await rawRequest(harness.baseUrl, { method: 'HEAD', path: '/healthz' });
    expect(head.status).toBe(405);
  });

  it('answers a gzip body that is not gzip (restify’s bodyParser crash) with 415, also chunked, and keeps running', async () => {
    const headers = { 'content-type': 'application/json', 'content-encoding': 'gzip' };
    expectNeutral(await rawRequest(harness.baseUrl, { body: Buffer.from('not gzip at all'), headers }), 415);
    expectNeutral(await rawRequest(harness.baseUrl, { body: [Buffer.from('not '), Buffer.alloc(512 * 1024, 0x41)], headers }), 415);
    await stillServing();
  });
});

/** A logger that keeps what it was told, to check what reaches the log. */
class RecordingLogger implements Logger {
  readonly lines: { level: string; event: string; fields?: LogFields }[] = [];
  info(event: string, fields?: LogFields): void {
    this.lines.push({ level: 'info', event, fields });
  }
  warn(event: string, fields?: LogFields): void {
    this.lines.push({ level: 'warn', event, fields });
  }
  error(event: string, fields?: LogFields): void {
    this.lines.push({ level: 'error', event, fields });
  }
}

describe('the configured restify server, with routes that misbehave', () => {
  const logger = new RecordingLogger();
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    server = createRestifyServer(logger);
    server.get('/throws', async () => {
      throw new Error(`failed while reading ${SECRET}`);
    });
    server.get('/rejects-a-string', async () => Promise.reject(SECRET));
    server.get('/never-answers', async () => undefined);
    server.get('/answers-then-throws', async (_req: Request, res: Response) => {
      res.sendRaw(200, Buffer.from('ok'), { 'Content-Type': 'text/plain' });
      throw new Error(SECRET);
    });
    baseUrl = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
  });
  afterAll(async () => {
    await closeServer(server);
  });

  it('answers a handler’s error with a neutral 500 and logs its name and stack, not its message', async () => {
    const response = await rawRequest(baseUrl, { method: 'GET', path: '/throws' });
    expectNeutral(response, 500);
    expect(response.body).not.toContain(SECRET);
    const logged = logger.lines.find((line) => line.event === 'http.unhandled');
    expect(logged).toMatchObject({ level: 'error', fields: { code: 'Error' } });
    expect(JSON.stringify(logger.lines)).not.toContain(SECRET);
  });

  it('answers a rejection with something that is not an Error with a neutral 500', async () => {
    expectNeutral(await rawRequest(baseUrl, { method: 'GET', path: '/rejects-a-string' }), 500);
    expect(JSON.stringify(logger.lines)).not.toContain(SECRET);
  });

  it('gives restify’s own 500 for a handler that never answered a neutral body, whatever the client accepts', async () => {
    for (const accept of ['application/json', 'text/plain', '*/*']) {
      const response = await rawRequest(baseUrl, { method: 'GET', path: '/never-answers', headers: { accept } });
      expectNeutral(response, 500);
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    }
  });

  it('keeps the answer already sent when a handler fails afterwards', async () => {
    const response = await rawRequest(baseUrl, { method: 'GET', path: '/answers-then-throws' });
    expect(response).toMatchObject({ status: 200, body: 'ok' });
    expect((await rawRequest(baseUrl, { method: 'GET', path: '/throws' })).status).toBe(500);
  });

  it('cuts off slow clients on the underlying Node server: headers within 15 s, the whole request within 30 s', () => {
    const http = server.server as NodeHttpServer;
    expect(http.headersTimeout).toBe(15_000);
    expect(http.requestTimeout).toBe(30_000);
    expect(server.handleUncaughtExceptions).toBe(false);
  });
});
