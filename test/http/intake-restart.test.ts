import { randomUUID } from 'crypto';
import { testConnectionString, testTablePrefix } from '../support/azurite-env';
import { BotProcess, ensureBuilt } from '../support/bot-process';
import { ConnectorStandIn } from '../support/connector-stand-in';
import { Chat, cardActions, cardText, type BotReply } from '../support/chat-driver';
import type { BotUnderTest } from '../support/bot-under-test';

function askedStep(replies: BotReply[]): string | undefined {
  const card = [...replies].reverse().find((r) => r.card)?.card;
  return card ? (cardActions(card).find((a) => a.data.action === 'intake.answer')?.data.step as string | undefined) : undefined;
}

// Nothing lives in the bot's memory: a killed process and a new one continue the same intake.
describe('intake survives a crash of the bot process', () => {
  const connector = new ConnectorStandIn();
  const env = () => ({
    LOCAL_MODE: 'true',
    STORAGE_CONNECTION_STRING: testConnectionString(),
    TABLE_PREFIX: testTablePrefix('restart'),
    DIRECTORY_PATH: 'test/fixtures/directory.three-organisations.json',
    CONNECTOR_SERVICE_URL: connector.url,
  });
  let first: BotProcess;
  let second: BotProcess;

  beforeAll(async () => {
    ensureBuilt();
    await connector.start();
  }, 120000);
  afterAll(async () => {
    await first?.kill();
    await second?.kill();
    await connector.stop();
  });

  it('"verder" after a restart asks the same question, with every earlier answer kept', async () => {
    const shared = env();
    first = new BotProcess(shared);
    await first.start();
    const person = { id: 'user-restart', name: 'Melder Herstart', aadObjectId: randomUUID() };
    const harness = (bot: BotProcess) => ({ baseUrl: bot.baseUrl, connector }) as unknown as BotUnderTest;

    const before = new Chat(harness(first), person);
    await before.say('meld incident');
    await before.click({ action: 'intake.answer', step: 'safety', value: 'safe' });
    await before.click({ action: 'intake.answer', step: 'who' }, { role: 'wethouder', organisationId: 'gemeente-utrecht' });
    await before.say('gisteren 20:15');
    const asked = await before.say('in de hal van het stadhuis');
    expect(askedStep(asked)).toBe('what');

    await first.kill();
    second = new BotProcess(shared);
    await second.start();

    const after = new Chat(harness(second), person);
    const resumed = await after.say('verder');
    expect(askedStep(resumed)).toBe('what');
    expect(cardText(after.lastCard(resumed))).toMatch(/Stap 5 van 15/);

    let replies = await after.say('Hij schold me uit en dreigde me te slaan.');
    const typed: Record<string, string> = {
      level: '4', kinds: 'bedreiging', perpetrator: 'onbekend', witnesses: 'geen', evidence: 'klaar',
      injury: 'geen', damage: 'nee', criminalOffence: 'ja', hindrance: 'ja', aftercare: 'geen',
    };
    for (let i = 0; i < 15 && askedStep(replies); i++) replies = await after.say(typed[askedStep(replies)!]);
    const summary = cardText(after.lastCard(replies));
    expect(summary).toContain('in de hal van het stadhuis');
    expect(summary).toMatch(/20:15/);
    const submit = cardActions(after.lastCard(replies)).find((a) => a.data.action === 'intake.submit')!;
    const done = await after.click(submit.data);
    expect(done.map((r) => r.text ?? cardText(r.card)).join('\n')).toMatch(/WB-\d{4}-\d{5}/);
  }, 60000);
});
