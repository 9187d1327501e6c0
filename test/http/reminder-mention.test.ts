import { startBotUnderTest, type BotUnderTest } from '../support/bot-under-test';
import { Chat } from '../support/chat-driver';
import { executeAction, type CardLocation } from '../support/invoke';
import { stranger, submitFromSummary, walkToSummary } from '../support/intake-walk';
import { testTablePrefix } from '../support/azurite-env';
import { ManualClock } from '../support/manual-clock';

const DIRECTORY = 'test/fixtures/directory.three-organisations.json';
const DESK: CardLocation & { kind: 'channel' } = { kind: 'channel', teamId: '19:utrecht@thread.tacv2', channelId: '19:gemeentesecretaris@thread.tacv2' };
const HANDLER = { id: 'user-201', name: 'Gemeentesecretaris', aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000201' };

// Issue 14 point 11: a reminder in the desk channel @mentions the handler who took the case, seen at the
// Bot Connector's HTTP boundary (the connector stand-in records what the bot posts). Nobody took it: no mention.
describe('reminders in the desk channel mention the handler who took the case', () => {
  const clock = new ManualClock(new Date('2026-12-02T12:00:00Z'));
  let harness: BotUnderTest;
  const cases: Record<'taken' | 'waiting', { caseId: string; caseNumber: string }> = {} as never;

  async function report(label: string): Promise<{ caseId: string; caseNumber: string }> {
    const chat = new Chat(harness, stranger(label));
    const summary = await walkToSummary(chat, { role: 'wethouder', organisationId: 'gemeente-utrecht' }, { when: '02-12-2026 09:00', perpetrator: 'Jan Pietersen, de buurman', criminalOffence: 'nee' });
    const { caseNumber, draftId: caseId } = await submitFromSummary(chat, summary);
    return { caseId, caseNumber };
  }

  beforeAll(async () => {
    harness = await startBotUnderTest({ DIRECTORY_PATH: DIRECTORY, TABLE_PREFIX: testTablePrefix('mention') }, { clock });
    cases.taken = await report('taken');
    cases.waiting = await report('waiting');
    await executeAction(harness.baseUrl, harness.connector.url, HANDLER, 'case.take', { caseId: cases.taken.caseId }, DESK);
    await harness.settle();
    // Halfway to the 72 hours for measures (incident Wednesday 09:00, deadline Saturday 09:00).
    const at = new Date('2026-12-03T21:00:00Z');
    clock.set(at);
    await harness.bot.reminders.sweep(at);
  });
  afterAll(() => harness.stop());

  const deskPostAbout = (caseNumber: string) => {
    const found = harness.connector.calls.filter((c) => c.method === 'POST' && String(c.body.text ?? '').includes(caseNumber) && String(c.body.text ?? '').startsWith('Herinnering'));
    expect(found).toHaveLength(1);
    return found[0];
  };

  it('names the handler with a Teams mention: <at>name</at> in the text and an entity with their Entra object id', () => {
    const post = deskPostAbout(cases.taken.caseNumber);
    expect(String(post.body.text)).toContain('Voor <at>Peter Jansen</at>, die de zaak in behandeling heeft.');
    expect(post.body.entities).toEqual(expect.arrayContaining([
      { type: 'mention', text: '<at>Peter Jansen</at>', mentioned: { id: HANDLER.aadObjectId, name: 'Peter Jansen' } },
    ]));
  });

  it('mentions nobody when nobody took the case yet', () => {
    const post = deskPostAbout(cases.waiting.caseNumber);
    expect(String(post.body.text)).not.toContain('<at>');
    expect(((post.body.entities ?? []) as { type: string }[]).filter((e) => e.type === 'mention')).toEqual([]);
  });
});
