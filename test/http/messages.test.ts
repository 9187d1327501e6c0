import { startBotUnderTest, personalMessage, postActivity, SAMPLE_PEOPLE, type BotUnderTest } from '../support/bot-under-test';
import { TableClient } from '@azure/data-tables';
import { testConnectionString } from '../support/azurite-env';

/** Collects every TextBlock/FactSet text of a card, to assert what a user reads. */
function cardTexts(node: unknown): string {
  if (Array.isArray(node)) return node.map(cardTexts).join('\n');
  if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    const own = ['text', 'title', 'value'].map((k) => (typeof record[k] === 'string' ? (record[k] as string) : '')).join('\n');
    return own + '\n' + Object.values(record).map(cardTexts).join('\n');
  }
  return '';
}

describe('POST /api/messages (local mode, real HTTP, Bot Connector stand-in)', () => {
  let harness: BotUnderTest;

  beforeAll(async () => {
    harness = await startBotUnderTest();
  });
  afterAll(async () => {
    await harness.stop();
  });
  beforeEach(() => harness.connector.reset());

  it('answers a message in the personal chat with a Dutch explanation of how to report', async () => {
    const activity = personalMessage(SAMPLE_PEOPLE.sanne, 'hallo', harness.connector.url);
    const response = await postActivity(harness.baseUrl, activity);
    expect(response.status).toBe(200);

    const call = await harness.connector.waitFor((c) => c.method === 'POST' && c.path.includes('/activities'));
    expect(call.path).toBe(`/v3/conversations/a:personal-user-sanne/activities/${activity.id}`);
    const reply = call.body as { type: string; attachments: { contentType: string; content: unknown }[]; replyToId: string };
    expect(reply.type).toBe('message');
    expect(reply.replyToId).toBe(activity.id);
    expect(reply.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    const text = cardTexts(reply.attachments[0].content);
    expect(text).toMatch(/meld incident/i);
    expect(text).toMatch(/112/);
    expect(text).toMatch(/088\u00A05543\u00A0288/); // the Vertrouwenslijn, never wrapped
  });

  it('stores the conversation reference so the bot can reach the user later', async () => {
    await postActivity(harness.baseUrl, personalMessage(SAMPLE_PEOPLE.peter, 'help', harness.connector.url));
    const client = TableClient.fromConnectionString(testConnectionString(), `${harness.tablePrefix}ConversationRefs`, { allowInsecureConnection: true });
    const row = await client.getEntity('user', SAMPLE_PEOPLE.peter.aadObjectId);
    expect(String(row.Json0)).toContain('a:personal-user-peter');
    expect(String(row.Json0)).toContain(harness.connector.url);
  });

  it('reports healthy storage on GET /healthz', async () => {
    const response = await fetch(`${harness.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', storage: 'ok' });
  });

  it('refuses a body that is not an activity without crashing', async () => {
    const response = await fetch(`${harness.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"nonsense":' });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    const again = await postActivity(harness.baseUrl, personalMessage(SAMPLE_PEOPLE.sanne, 'help', harness.connector.url));
    expect(again.status).toBe(200);
  });
});

describe('POST /api/messages with a MicrosoftAppId (authenticated mode)', () => {
  let harness: BotUnderTest;

  beforeAll(async () => {
    harness = await startBotUnderTest({
      PERPETRATOR_KEY: 'test-perpetrator-key-0123456789abcdef',
      MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: '00000000-0000-0000-0000-0000000000aa',
      DIRECTORY_PATH: 'src/local/sample-directory.json',
    });
  });
  afterAll(async () => {
    await harness.stop();
  });

  // Outside local mode replies may only go to https: the Bot Connector's address as Teams sends it.
  const TEAMS_SERVICE_URL = 'https://smba.trafficmanager.net/emea/';

  it('rejects a request without a Bot Framework token and sends nothing', async () => {
    const response = await postActivity(harness.baseUrl, personalMessage(SAMPLE_PEOPLE.sanne, 'help', TEAMS_SERVICE_URL));
    expect(response.status).toBe(401);
    expect(harness.connector.calls).toHaveLength(0);
  });

  it('rejects a token that is not a JWT', async () => {
    const response = await postActivity(harness.baseUrl, personalMessage(SAMPLE_PEOPLE.sanne, 'help', TEAMS_SERVICE_URL), {
      authorization: 'Bearer not-a-jwt',
    });
    expect(response.status).toBe(401);
    expect(harness.connector.calls).toHaveLength(0);
  });
});

describe('another tenant', () => {
  let harness: BotUnderTest;

  beforeAll(async () => {
    harness = await startBotUnderTest();
  });
  afterAll(async () => {
    await harness.stop();
  });

  it('is told in Dutch that the bot is not for them, and nothing is stored or started', async () => {
    const foreign = personalMessage(SAMPLE_PEOPLE.sanne, 'meld incident', harness.connector.url, {
      channelData: { tenant: { id: '99999999-9999-9999-9999-999999999999' } },
      conversation: { id: 'a:foreign', conversationType: 'personal', tenantId: '99999999-9999-9999-9999-999999999999' },
    });
    const response = await postActivity(harness.baseUrl, foreign);
    expect(response.status).toBe(200);
    const replies = harness.connector.sentActivities();
    expect(replies).toHaveLength(1);
    expect(String(replies[0].text)).toMatch(/alleen beschikbaar/);
    const client = TableClient.fromConnectionString(testConnectionString(), `${harness.tablePrefix}Drafts`, { allowInsecureConnection: true });
    await expect(client.getEntity(SAMPLE_PEOPLE.sanne.aadObjectId, 'draft')).rejects.toMatchObject({ statusCode: 404 });
  });
});
