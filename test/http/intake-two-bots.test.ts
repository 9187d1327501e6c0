import { testTablePrefix } from '../support/azurite-env';
import { startBotUnderTest, type BotUnderTest } from '../support/bot-under-test';
import { Chat } from '../support/chat-driver';
import { ConnectorStandIn } from '../support/connector-stand-in';
import { askedStep, stranger, texts } from '../support/intake-walk';

// Each bot answers from its own copy of the draft when it wrote it last. With two bots sharing the
// storage and the reporter's turns going to either, a bot whose copy another overtook still answers
// the question the reporter is really at — never an older one, never "answered at the same time".
describe('an intake whose turns go to two bots by turns', () => {
  const connector = new ConnectorStandIn();
  let first: BotUnderTest;
  let second: BotUnderTest;

  beforeAll(async () => {
    await connector.start();
    const env = { DIRECTORY_PATH: 'test/fixtures/directory.three-organisations.json', TABLE_PREFIX: testTablePrefix('intake2') };
    first = await startBotUnderTest(env, { connector });
    second = await startBotUnderTest(env, { connector });
  });
  afterAll(async () => {
    await first.stop();
    await second.stop();
    await connector.stop();
  });

  it('every answer lands on the current question, whichever bot took the turn before', async () => {
    const reporter = stranger('twobots');
    const viaFirst = new Chat(first, reporter);
    const viaSecond = new Chat(second, reporter);

    expect(askedStep(await viaFirst.say('meld incident'))).toBe('safety');
    expect(askedStep(await viaSecond.click({ action: 'intake.answer', step: 'safety', value: 'safe' }))).toBe('who');
    // The first bot's copy still says "safety": it decides again on the stored draft.
    expect(askedStep(await viaFirst.click({ action: 'intake.answer', step: 'who' }, { role: 'wethouder', organisationId: 'gemeente-utrecht' }))).toBe('when');
    expect(askedStep(await viaSecond.say('gisteren 21:30'))).toBe('where');
    const where = await viaFirst.say('bij de ingang van het gemeentehuis');
    expect(askedStep(where)).toBe('what');
    expect(texts(where)).not.toMatch(/tegelijk verwerkt|⚠️/);
    // And the bot that is current answers from its copy as before.
    expect(askedStep(await viaFirst.say('Een man schreeuwde dat hij me na de vergadering zou opwachten.'))).toBe('level');
  });
});
