import { randomUUID } from 'crypto';
import { existsSync, readFileSync } from 'fs';
import { mkdtemp, rm } from 'fs/promises';
import { tmpdir } from 'os';
import * as path from 'path';
import { BotProcess, ensureBuilt } from '../support/bot-process';
import { ConnectorStandIn } from '../support/connector-stand-in';
import { Chat, cardActions, cardText, type BotReply } from '../support/chat-driver';
import type { BotUnderTest } from '../support/bot-under-test';

function askedStep(replies: BotReply[]): string | undefined {
  const card = [...replies].reverse().find((r) => r.card)?.card;
  return card ? (cardActions(card).find((a) => a.data.action === 'intake.answer')?.data.step as string | undefined) : undefined;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

// Local mode as `npm start` runs it: the compiled bot with its embedded Azurite in a process of
// its own, persisting to a folder. What the user saw acknowledged must survive `kill -9` of the bot.
describe('local mode: an acknowledged answer survives kill -9 of the bot', () => {
  const connector = new ConnectorStandIn();
  let folder: string;
  let first: BotProcess | undefined;
  let second: BotProcess | undefined;

  beforeAll(async () => {
    ensureBuilt();
    await connector.start();
    folder = await mkdtemp(path.join(tmpdir(), 'local-durability-'));
  }, 120000);
  afterAll(async () => {
    await first?.kill();
    await second?.kill();
    await connector.stop();
    // The embedded Azurite follows its bot: wait for it to let go of the folder before removing it.
    await until(() => !existsSync(path.join(folder, 'azurite.pid')), 15000);
    await rm(folder, { recursive: true, force: true });
  });

  it('"verder" after kill -9 right after an answer continues at the next step, and Azurite does not outlive its bot', async () => {
    const env = {
      LOCAL_MODE: 'true',
      AZURITE_LOCATION: folder,
      AZURITE_TABLE_PORT: '0',
      AZURITE_BLOB_PORT: '0',
      DIRECTORY_PATH: 'test/fixtures/directory.three-organisations.json',
      CONNECTOR_SERVICE_URL: connector.url,
    };
    first = new BotProcess(env);
    await first.start();
    const azuritePid = Number(readFileSync(path.join(folder, 'azurite.pid'), 'utf8'));
    expect(alive(azuritePid)).toBe(true);
    const person = { id: 'user-durable', name: 'Melder Duurzaam', aadObjectId: randomUUID() };
    const harness = (bot: BotProcess) => ({ baseUrl: bot.baseUrl, connector }) as unknown as BotUnderTest;

    const before = new Chat(harness(first), person);
    await before.say('meld incident');
    await before.click({ action: 'intake.answer', step: 'safety', value: 'safe' });
    await before.click({ action: 'intake.answer', step: 'who' }, { role: 'wethouder', organisationId: 'gemeente-utrecht' });
    await before.say('gisteren 20:15');
    const acknowledged = await before.say('in de hal van het stadhuis');
    expect(askedStep(acknowledged)).toBe('what');
    // No pause: well within the ~5 s in which an in-process Azurite would not yet have written the answer to disk.
    await first.kill();

    // Azurite notices its bot is gone, flushes and exits.
    expect(await until(() => !alive(azuritePid), 15000)).toBe(true);

    second = new BotProcess(env);
    await second.start();
    const after = new Chat(harness(second), person);
    const resumed = await after.say('verder');
    expect(askedStep(resumed)).toBe('what');
    expect(cardText(after.lastCard(resumed))).toMatch(/Stap 5 van 15/);
  }, 90000);
});
