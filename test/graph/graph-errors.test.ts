import nock from 'nock';
import { CalendarAuthenticationError, CalendarError, CalendarUnavailableError } from '../../src/app/calendar-ports';
import { GraphCalendarGateway } from '../../src/graph/calendar.gateway';
import { createGraphClient } from '../../src/graph/graph-client';
import { parseRetryAfter, withGraphRetry } from '../../src/graph/graph-errors';

const NOW = new Date('2026-11-30T09:00:00Z');
const GRAPH = 'https://graph.microsoft.com';
const WINDOW = { from: NOW, until: new Date('2026-12-03T13:15:00Z') };

let sleeps: number[];
const sleep = async (ms: number): Promise<void> => {
  sleeps.push(ms);
};

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
});

beforeEach(() => {
  sleeps = [];
});

afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});

afterAll(() => {
  nock.enableNetConnect();
  // Un-patch http and fetch, so later test files in this worker talk to Azurite and friends directly.
  nock.restore();
});

describe('Retry-After', () => {
  it.each([
    ['7', 7000],
    ['0', 0],
    ['1.5', 1500],
    ['Mon, 30 Nov 2026 09:01:30 GMT', 90_000],
    ['Mon, 30 Nov 2026 08:00:00 GMT', 0],
    ['soon', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('reads %p as %p ms', (header, ms) => {
    expect(parseRetryAfter(header, NOW)).toBe(ms);
  });
});

describe('retrying', () => {
  const unavailable = Object.assign(new Error('Service Unavailable'), { statusCode: 503 });

  it('stops once the next back-off would pass the total wait budget', async () => {
    let calls = 0;
    const error = await withGraphRetry(
      'updateEvent',
      async () => {
        calls += 1;
        throw unavailable;
      },
      { sleep, now: () => NOW, maxAttempts: 10, maxTotalWaitMs: 2500 },
    ).catch((e: unknown) => e);

    expect(calls).toBe(2);
    expect(sleeps).toEqual([1000]);
    expect(error).toBeInstanceOf(CalendarUnavailableError);
    expect((error as CalendarUnavailableError).attempts).toBe(2);
  });

  it('passes an already explained calendar error through without retrying', async () => {
    const explained = new CalendarError('CALENDAR.UNAVAILABLE', 'Microsoft 365 gaf een onverwacht antwoord.');
    let calls = 0;
    const error = await withGraphRetry(
      'getSchedule',
      async () => {
        calls += 1;
        throw explained;
      },
      { sleep },
    ).catch((e: unknown) => e);

    expect(error).toBe(explained);
    expect(calls).toBe(1);
  });

  it('retries when no answer came at all (connection reset), then succeeds', async () => {
    nock(GRAPH).post('/v1.0/users/a.devries%40utrecht.nl/calendar/getSchedule').replyWithError({ code: 'ECONNRESET', message: 'socket hang up' });
    nock(GRAPH).post('/v1.0/users/a.devries%40utrecht.nl/calendar/getSchedule').reply(200, { value: [] });
    const client = createGraphClient({ baseUrl: `${GRAPH}/v1.0`, authProvider: { getAccessToken: async () => 'test-token' } });

    const result = await new GraphCalendarGateway({ client, retry: { sleep } }).getSchedule('a.devries@utrecht.nl', ['a.devries@utrecht.nl'], WINDOW);

    expect(result).toEqual([{ email: 'a.devries@utrecht.nl', busy: [], known: false }]);
    expect(sleeps).toEqual([1000]);
  });

  it('retries when Entra could not be reached for a token', async () => {
    let tokenCalls = 0;
    const flakyProvider = {
      getAccessToken: async () => {
        tokenCalls += 1;
        if (tokenCalls === 1) {
          throw new Error('network_error: See https://aka.ms/msal.js.errors#network_error for details');
        }
        return 'test-token';
      },
    };
    nock(GRAPH).post('/v1.0/users/a.devries%40utrecht.nl/events/AAMk-1/cancel').reply(202);
    const client = createGraphClient({ baseUrl: `${GRAPH}/v1.0`, authProvider: flakyProvider });

    await expect(
      new GraphCalendarGateway({ client, retry: { sleep } }).cancelEvent({ mailbox: 'a.devries@utrecht.nl', eventId: 'AAMk-1', comment: 'Dit gesprek gaat niet door.' }),
    ).resolves.toBe('cancelled');
    expect(tokenCalls).toBe(2);
    expect(sleeps).toEqual([1000]);
  });

  it('401 from Graph (a token it does not accept) asks the administrator to check the app registration', async () => {
    nock(GRAPH)
      .post('/v1.0/users/a.devries%40utrecht.nl/calendar/getSchedule')
      .reply(401, { error: { code: 'InvalidAuthenticationToken', message: 'Access token validation failure.' } });
    const client = createGraphClient({ baseUrl: `${GRAPH}/v1.0`, authProvider: { getAccessToken: async () => 'test-token' } });

    const error = await new GraphCalendarGateway({ client, retry: { sleep } })
      .getSchedule('a.devries@utrecht.nl', ['a.devries@utrecht.nl'], WINDOW)
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(CalendarAuthenticationError);
    expect((error as CalendarAuthenticationError).userMessage).toBe(
      'De bot kon zich niet aanmelden bij Microsoft 365 (Microsoft Graph). ' +
        'Vraag de beheerder de app-registratie van de bot te controleren: tenant-id, app-id en clientgeheim (is het geheim verlopen?).',
    );
    expect(sleeps).toEqual([]);
  });
});
