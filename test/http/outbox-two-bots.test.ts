import { testTablePrefix } from '../support/azurite-env';
import { startBotUnderTest, type BotUnderTest } from '../support/bot-under-test';
import { Chat, cardText } from '../support/chat-driver';
import { ConnectorStandIn, type ConnectorCall } from '../support/connector-stand-in';
import { executeAction, type CardLocation } from '../support/invoke';
import { stranger, submitFromSummary, walkToSummary } from '../support/intake-walk';
import { ManualClock } from '../support/manual-clock';

const DIRECTORY = 'test/fixtures/directory.three-organisations.json';
const DESK: CardLocation & { kind: 'channel' } = { kind: 'channel', teamId: '19:utrecht@thread.tacv2', channelId: '19:gemeentesecretaris@thread.tacv2' };
const HANDLER = { id: 'user-201', name: 'Gemeentesecretaris', aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000201' };
const MINUTE = 60_000;

// Issue 13: "a crash between write and send loses nothing". One bot writes every change with its
// effects and dies before sending any (it never drains its outbox); the other finds them and sends
// each exactly once — also when both run the recovery pass at the same moment.
describe('effects written by a bot that dies right after the write', () => {
  const clock = new ManualClock(new Date('2026-12-02T09:00:00Z'));
  const connector = new ConnectorStandIn();
  let dying: BotUnderTest;
  let survivor: BotUnderTest;
  let caseNumber: string;
  let caseId: string;
  let reporter: { id: string; name: string; aadObjectId: string };

  beforeAll(async () => {
    await connector.start();
    const env = { DIRECTORY_PATH: DIRECTORY, TABLE_PREFIX: testTablePrefix('crash') };
    dying = await startBotUnderTest(env, { clock, connector, start: { drainOutbox: false } });
    survivor = await startBotUnderTest(env, { clock, connector });
  });
  afterAll(async () => {
    await dying.stop();
    await survivor.stop();
    await connector.stop();
  });

  /** Activities posted (not updated) whose summary names the case, by summary. */
  const posted = (what: RegExp) => connector.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/activities') && what.test(String(c.body.summary ?? c.body.text ?? '')) && JSON.stringify(c.body).includes(caseNumber));
  const deskUpdates = () => connector.calls.filter((c) => c.method === 'PUT' && c.path.startsWith(`/v3/conversations/${DESK.channelId}/activities/`));
  /** Both bots run the recovery pass at once, after the marks fell due and the dying bot's leases ran out. */
  async function bothRecover(): Promise<void> {
    clock.advance(3 * MINUTE);
    await Promise.all([dying.bot.outbox.recover(), survivor.bot.outbox.recover()]);
  }

  it('the reporter gets the case number at once; nothing else has gone out yet', async () => {
    reporter = stranger('crash');
    const chat = new Chat(dying, reporter);
    const summary = await walkToSummary(chat, { role: 'wethouder', organisationId: 'gemeente-utrecht' });
    ({ caseNumber, draftId: caseId } = await submitFromSummary(chat, summary));
    expect(posted(/Nieuwe melding/)).toHaveLength(0);
    expect(posted(/Voortgang/)).toHaveLength(0);
    expect(posted(/Ter informatie/)).toHaveLength(0);
  });

  it('the other bot sends the desk card, the notice and the progress card, each once', async () => {
    await bothRecover();
    expect(posted(/Nieuwe melding/).map((c) => c.path)).toEqual([`/v3/conversations/${DESK.channelId}/activities`]);
    expect(posted(/Ter informatie/)).toHaveLength(1); // the burgemeester
    expect(posted(/Voortgang/).map((c) => c.path)).toEqual([`/v3/conversations/a:personal-${reporter.id}/activities`]);
    await bothRecover();
    expect(posted(/Nieuwe melding|Ter informatie|Voortgang/)).toHaveLength(3);
  });

  it('a handler acting through the dying bot gets the new card; the proposal and the card updates follow once', async () => {
    const taken = await executeAction(dying.baseUrl, connector.url, HANDLER, 'case.take', { caseId }, DESK);
    expect(cardText(taken.body.value)).toMatch(/In behandeling/);
    const proposed = await executeAction(dying.baseUrl, connector.url, HANDLER, 'case.proposeMeasures', { caseId, measures: 'writtenWarning' }, DESK);
    expect(cardText(proposed.body.value)).toMatch(/Maatregelen voorgesteld/);
    expect(posted(/Voorstel voor maatregelen/)).toHaveLength(0);
    const updatesBefore = deskUpdates().length;

    await bothRecover();
    expect(posted(/Voorstel voor maatregelen/)).toHaveLength(1);
    // One update of the desk card per change (take, propose), both showing the case as it is now.
    const updates = deskUpdates().slice(updatesBefore);
    expect(updates).toHaveLength(2);
    await bothRecover();
    expect(posted(/Voorstel voor maatregelen/)).toHaveLength(1);
    expect(deskUpdates().slice(updatesBefore)).toHaveLength(2);
  });

  it('the surviving bot also picks up its own work: nothing is left behind', async () => {
    const calls: ConnectorCall[] = [];
    const before = connector.calls.length;
    await bothRecover();
    calls.push(...connector.calls.slice(before));
    expect(calls).toEqual([]);
  });
});
