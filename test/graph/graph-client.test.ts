import nock from 'nock';
import { CalendarAuthenticationError } from '../../src/app/calendar-ports';
import { loadConfig } from '../../src/config/env';
import { GraphCalendarGateway } from '../../src/graph/calendar.gateway';
import { calendarModeFromConfig, createGraphClient, defaultScope, splitBaseUrl } from '../../src/graph/graph-client';

const LOGIN = 'https://login.microsoftonline.com';
const TENANT = '11111111-2222-3333-4444-555555555555';
const CANCEL = { mailbox: 'a.devries@utrecht.nl', eventId: 'AAMk-1', comment: 'Dit gesprek gaat niet door.' };

let sleeps: number[];

function gatewayFor(client: ReturnType<typeof createGraphClient>): GraphCalendarGateway {
  return new GraphCalendarGateway({
    client,
    retry: {
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    },
  });
}

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

describe('GRAPH_BASE_URL', () => {
  it.each([
    ['https://graph.microsoft.com/v1.0', { host: 'https://graph.microsoft.com', version: 'v1.0', hostname: 'graph.microsoft.com' }],
    ['https://graph.microsoft.com/beta/', { host: 'https://graph.microsoft.com', version: 'beta', hostname: 'graph.microsoft.com' }],
    ['https://gateway.example.nl:8443/msgraph/v1.0', { host: 'https://gateway.example.nl:8443/msgraph', version: 'v1.0', hostname: 'gateway.example.nl' }],
  ])('splits %s into host and version', (url, expected) => {
    expect(splitBaseUrl(url)).toEqual(expected);
  });

  it('refuses http (the token would not be sent) and a URL without a version', () => {
    expect(() => splitBaseUrl('http://graph.microsoft.com/v1.0')).toThrow('https');
    expect(() => splitBaseUrl('https://graph.microsoft.com')).toThrow('API version');
  });

  it('asks for a token for the Graph host in use', () => {
    expect(defaultScope('https://graph.microsoft.com/v1.0')).toBe('https://graph.microsoft.com/.default');
    expect(defaultScope('https://graph.microsoft.us/v1.0')).toBe('https://graph.microsoft.us/.default');
    expect(defaultScope('https://gateway.example.nl/msgraph/v1.0')).toBe('https://graph.microsoft.com/.default');
  });

  it('sends calls, with the bearer token, to a configured gateway instead of graph.microsoft.com', async () => {
    let authorization: unknown;
    nock('https://gateway.example.nl:8443')
      .post('/msgraph/v1.0/users/a.devries%40utrecht.nl/events/AAMk-1/cancel')
      .reply(function () {
        authorization = this.req.headers.authorization;
        return [202];
      });
    const client = createGraphClient({ baseUrl: 'https://gateway.example.nl:8443/msgraph/v1.0', authProvider: { getAccessToken: async () => 'test-token' } });

    await expect(gatewayFor(client).cancelEvent(CANCEL)).resolves.toBe('cancelled');
    expect(authorization).toBe('Bearer test-token');
  });
});

describe('app-only sign-in with the client secret', () => {
  it('gets a token by client credentials for graph/.default and uses it on the call', async () => {
    let tokenRequest = new URLSearchParams();
    nock(LOGIN)
      .post(`/${TENANT}/oauth2/v2.0/token`)
      .query(true)
      .reply((_uri, body) => {
        tokenRequest = new URLSearchParams(String(body));
        return [200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: 'app-token-1' }];
      });
    let authorization: unknown;
    nock('https://graph.microsoft.com')
      .post('/v1.0/users/a.devries%40utrecht.nl/events/AAMk-1/cancel')
      .reply(function () {
        authorization = this.req.headers.authorization;
        return [202];
      });
    const client = createGraphClient({
      baseUrl: 'https://graph.microsoft.com/v1.0',
      credentials: { tenantId: TENANT, clientId: 'bot-app-id', clientSecret: 'bot-secret' },
    });

    await gatewayFor(client).cancelEvent(CANCEL);

    expect(tokenRequest.get('grant_type')).toBe('client_credentials');
    expect(tokenRequest.get('client_id')).toBe('bot-app-id');
    expect(tokenRequest.get('client_secret')).toBe('bot-secret');
    expect(tokenRequest.get('scope')).toBe('https://graph.microsoft.com/.default');
    expect(authorization).toBe('Bearer app-token-1');
  });

  it('a rejected secret is an administrator matter: explained, not retried, Graph never called', async () => {
    nock(LOGIN)
      .post(`/${TENANT}/oauth2/v2.0/token`)
      .query(true)
      .reply(401, {
        error: 'invalid_client',
        error_description: 'AADSTS7000215: Invalid client secret provided.',
        error_codes: [7000215],
      });
    const client = createGraphClient({
      baseUrl: 'https://graph.microsoft.com/v1.0',
      credentials: { tenantId: TENANT, clientId: 'bot-app-id', clientSecret: 'wrong' },
    });

    const error = await gatewayFor(client)
      .cancelEvent(CANCEL)
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(CalendarAuthenticationError);
    expect((error as CalendarAuthenticationError).userMessage).toContain('clientgeheim');
    expect(sleeps).toEqual([]);
  });
});

describe('Graph or .ics', () => {
  /** What a deployment must set besides its identity (loadConfig refuses it otherwise). */
  const DEPLOYED = { PERPETRATOR_KEY: 'test-perpetrator-key-0123456789abcdef', STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true', DIRECTORY_PATH: 'src/local/sample-directory.json' };

  it('falls back to .ics in local mode, so the meeting is still planned', () => {
    expect(calendarModeFromConfig(loadConfig({ LOCAL_MODE: 'true' }))).toEqual({ mode: 'ics', reason: 'local mode: no MicrosoftAppId' });
  });

  it('uses Graph with the bot’s single-tenant app registration and the configured base URL', () => {
    const config = loadConfig({
      ...DEPLOYED,
      MicrosoftAppId: 'bot-app-id',
      MicrosoftAppPassword: 'bot-secret',
      MicrosoftAppTenantId: TENANT,
      GRAPH_BASE_URL: 'https://graph.microsoft.us/v1.0',
    });
    expect(calendarModeFromConfig(config)).toEqual({
      mode: 'graph',
      baseUrl: 'https://graph.microsoft.us/v1.0',
      credentials: { tenantId: TENANT, clientId: 'bot-app-id', clientSecret: 'bot-secret' },
    });
    expect(loadConfig({ LOCAL_MODE: 'true' }).GRAPH_BASE_URL).toBe('https://graph.microsoft.com/v1.0');
  });

  it('falls back to .ics for a managed identity or a multi-tenant bot without a tenant', () => {
    expect(calendarModeFromConfig(loadConfig({ ...DEPLOYED, MicrosoftAppId: 'x', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT })).mode).toBe('ics');
    expect(calendarModeFromConfig(loadConfig({ ...DEPLOYED, MicrosoftAppId: 'x', MicrosoftAppPassword: 'y', MicrosoftAppType: 'MultiTenant' })).mode).toBe('ics');
  });
});
