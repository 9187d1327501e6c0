import { ConnectorStandIn } from '../support/connector-stand-in';
import { startBotUnderTest, type BotUnderTest } from '../support/bot-under-test';
import { Chat, cardText } from '../support/chat-driver';
import { executeAction, type CardLocation } from '../support/invoke';
import { stranger, submitFromSummary, walkToSummary } from '../support/intake-walk';
import { testTablePrefix } from '../support/azurite-env';

/**
 * The handler's "Geschiedenis" after every action, with two instances of the bot on one storage (as
 * when the App Service scales out): each instance keeps the histories it knows, and a change made on
 * the other instance still shows on the next card this one renders.
 */
const DIRECTORY = 'test/fixtures/directory.three-organisations.json';
const HANDLER = { id: 'user-201', name: 'Gemeentesecretaris', aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000201' };
const DESK: CardLocation = { kind: 'channel', teamId: '19:utrecht@thread.tacv2', channelId: '19:gemeentesecretaris@thread.tacv2' };

/** The history section's lines as the handler reads them: its title with the count, then one line per change. */
function historyOf(card: unknown): string {
  const text = cardText(card);
  const start = text.indexOf('Geschiedenis (');
  if (start < 0) throw new Error('the card shows no Geschiedenis');
  return text.slice(start);
}

describe('the Geschiedenis on the handler\'s card, with two instances of the bot', () => {
  const connector = new ConnectorStandIn();
  let first: BotUnderTest;
  let second: BotUnderTest;
  let caseId: string;

  beforeAll(async () => {
    await connector.start();
    const shared = { DIRECTORY_PATH: DIRECTORY, TABLE_PREFIX: testTablePrefix('hist') };
    first = await startBotUnderTest(shared, { connector });
    second = await startBotUnderTest(shared, { connector });
    const chat = new Chat(first, stranger('wethouder'));
    caseId = (await submitFromSummary(chat, await walkToSummary(chat, { role: 'wethouder', organisationId: 'gemeente-utrecht' }))).draftId;
    await first.settle();
  });
  afterAll(async () => {
    await first?.stop();
    await second?.stop();
    await connector.stop();
  });

  const act = (bot: BotUnderTest, verb: string, data: Record<string, unknown> = {}) => executeAction(bot.baseUrl, connector.url, HANDLER, verb, { caseId, ...data }, DESK);

  it('grows with each action on this instance, and shows what was done on the other one', async () => {
    const taken = historyOf((await act(first, 'case.take')).body.value);
    expect(taken).toMatch(/Geschiedenis \(2\)/);
    expect(taken).toContain('In behandeling genomen');

    const ticked = historyOf((await act(first, 'case.tickChecklistStep', { step: 1 })).body.value);
    expect(ticked).toMatch(/Geschiedenis \(3\)/);
    expect(ticked).toContain('Stap 1 van het stappenplan afgevinkt');

    // The other instance ticks step 2; this one has not seen that change.
    const elsewhere = historyOf((await act(second, 'case.tickChecklistStep', { step: 2 })).body.value);
    expect(elsewhere).toMatch(/Geschiedenis \(4\)/);

    const refreshed = historyOf((await act(first, 'case.refresh')).body.value);
    expect(refreshed).toMatch(/Geschiedenis \(4\)/);
    expect(refreshed).toContain('Stap 2 van het stappenplan afgevinkt');

    const unticked = historyOf((await act(first, 'case.untickChecklistStep', { step: 1 })).body.value);
    expect(unticked).toMatch(/Geschiedenis \(5\)/);
    expect(unticked).toContain('Stap 1 van het stappenplan weer opengezet');
  });
});
