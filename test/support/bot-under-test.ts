import { loadConfig } from '../../src/config/env';
import { createLogger, silentLogger } from '../../src/app/logger';
import { startBot, type RunningBot, type StartOptions } from '../../src/main';
import type { Logger } from '../../src/app/logger';
import { testConnectionString, testTablePrefix } from './azurite-env';
import { ConnectorStandIn } from './connector-stand-in';
import type { Clock } from '../../src/domain/clock';

/** The real bot on a free port, on the test Azurite, with a Bot Connector stand-in to reply to. */
export interface BotUnderTest {
  bot: RunningBot;
  connector: ConnectorStandIn;
  baseUrl: string;
  tablePrefix: string;
  /**
   * Waits until the bot has carried out the effects of what it just did (other people's cards,
   * messages, reminders): they follow the actor's answer through the outbox, a moment later.
   */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

/** Test seams: an injected clock, a Bot Connector stand-in shared by several bots, a logger, start options. */
export interface BotUnderTestOptions {
  clock?: Clock;
  connector?: ConnectorStandIn;
  logger?: Logger;
  start?: Pick<StartOptions, 'signingKeys' | 'drainOutbox' | 'fileDelivery'>;
}

export async function startBotUnderTest(env: Record<string, string> = {}, options: BotUnderTestOptions = {}): Promise<BotUnderTest> {
  const ownConnector = !options.connector;
  const connector = options.connector ?? new ConnectorStandIn();
  if (ownConnector) await connector.start();
  const tablePrefix = env.TABLE_PREFIX ?? testTablePrefix('bot');
  const config = loadConfig({
    // Local mode unless the test gives the bot an identity (authenticated mode).
    ...(env.MicrosoftAppId ? {} : { LOCAL_MODE: 'true' }),
    PORT: '0',
    STORAGE_CONNECTION_STRING: testConnectionString(),
    TABLE_PREFIX: tablePrefix,
    CONNECTOR_SERVICE_URL: connector.url,
    ...env,
  });
  const bot = await startBot(config, {
    logger: options.logger ?? (process.env.TEST_BOT_LOG ? createLogger('text') : silentLogger),
    sweepReminders: false,
    ...options.start,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  return {
    bot,
    connector,
    baseUrl: `http://127.0.0.1:${bot.port}`,
    tablePrefix,
    settle: () => bot.outbox.settle(),
    stop: async () => {
      await bot.stop();
      if (ownConnector) await connector.stop();
    },
  };
}

/** The people of the sample directory (src/local/sample-directory.json). */
export const SAMPLE_PEOPLE = {
  sanne: { id: 'user-sanne', name: 'Sanne de Vries', aadObjectId: '7f3c1a20-4b5d-4e6f-8a9b-000000000000' },
  peter: { id: 'user-peter', name: 'Peter Jansen', aadObjectId: '7f3c1a20-4b5d-4e6f-8a9b-000000000001' },
  marieke: { id: 'user-marieke', name: 'Marieke Bakker', aadObjectId: '7f3c1a20-4b5d-4e6f-8a9b-000000000002' },
  lotte: { id: 'user-lotte', name: 'Lotte Visser', aadObjectId: '7f3c1a20-4b5d-4e6f-8a9b-000000000003' },
  ahmed: { id: 'user-ahmed', name: 'Ahmed El Amrani', aadObjectId: '7f3c1a20-4b5d-4e6f-8a9b-000000000004' },
  johan: { id: 'user-johan', name: 'Johan de Boer', aadObjectId: '7f3c1a20-4b5d-4e6f-8a9b-000000000005' },
} as const;

export type Person = { id: string; name: string; aadObjectId: string };

let activityCounter = 0;

/** A Teams message activity in a personal chat, shaped as Teams sends it. */
export function personalMessage(from: Person, text: string, serviceUrl: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  activityCounter += 1;
  return {
    type: 'message',
    id: `incoming-${activityCounter}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    conversation: { id: `a:personal-${from.id}`, conversationType: 'personal', tenantId: '00000000-0000-0000-0000-0000000000aa' },
    recipient: { id: '28:weerbaar-bestuur-bot', name: 'Weerbaar Bestuur' },
    text,
    textFormat: 'plain',
    locale: 'nl-NL',
    channelData: { tenant: { id: '00000000-0000-0000-0000-0000000000aa' } },
    ...extra,
  };
}

/** Posts an activity to the bot's real HTTP endpoint. */
export async function postActivity(baseUrl: string, activity: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(activity),
  });
}
