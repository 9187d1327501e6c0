import { testTablePrefix } from '../support/azurite-env';
import { startBotUnderTest, type BotUnderTest } from '../support/bot-under-test';
import { Chat, cardText } from '../support/chat-driver';
import type { ConnectorCall } from '../support/connector-stand-in';
import { executeAction, type CardLocation } from '../support/invoke';
import { stranger, submitFromSummary, walkToSummary } from '../support/intake-walk';
import { ManualClock } from '../support/manual-clock';

const DIRECTORY = 'test/fixtures/directory.three-organisations.json';
const DESK: CardLocation & { kind: 'channel' } = { kind: 'channel', teamId: '19:utrecht@thread.tacv2', channelId: '19:gemeentesecretaris@thread.tacv2' };
const HANDLER = { id: 'user-201', name: 'Gemeentesecretaris', aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000201' };
const HOUR = 3600_000;

// Leftover of issue 10 point 2: the measures' 72 hours passed and were escalated; a proposal with an
// incidentgesprek made after that shows its (same) 72 hours overdue at once, but the coordinator is not
// told a second time.
describe('a late measures proposal causes no second escalation', () => {
  const clock = new ManualClock(new Date('2026-12-02T12:00:00Z'));
  const deadline = new Date('2026-12-05T08:00:00Z'); // incident Wednesday 2 December 09:00 + 72 hours
  let harness: BotUnderTest;
  const sent: ConnectorCall[] = [];

  async function sweepAt(at: Date): Promise<void> {
    clock.set(at);
    const before = harness.connector.calls.length;
    await harness.bot.reminders.sweep(at);
    sent.push(...harness.connector.calls.slice(before).filter((c) => c.method === 'POST' && c.path.endsWith('/activities')));
  }

  beforeAll(async () => {
    harness = await startBotUnderTest({ DIRECTORY_PATH: DIRECTORY, TABLE_PREFIX: testTablePrefix('lateesc') }, { clock });
  });
  afterAll(() => harness.stop());

  it('one escalation for the 72 hours, before and after the late proposal', async () => {
    const chat = new Chat(harness, stranger('late'));
    const summary = await walkToSummary(chat, { role: 'wethouder', organisationId: 'gemeente-utrecht' }, { when: '02-12-2026 09:00', perpetrator: 'Jan Pietersen, de buurman', criminalOffence: 'nee' });
    const { caseNumber, draftId: caseId } = await submitFromSummary(chat, summary);
    await executeAction(harness.baseUrl, harness.connector.url, HANDLER, 'case.take', { caseId }, DESK);
    await harness.settle();
    await sweepAt(new Date(deadline.getTime() + 5 * 60_000));
    const escalations = () => sent.filter((c) => String(c.body.text ?? '').startsWith(`Escalatie: termijn verlopen — zaak ${caseNumber}`));
    expect(escalations()).toHaveLength(1);

    clock.set(new Date(deadline.getTime() + 2 * HOUR));
    const proposed = await executeAction(harness.baseUrl, harness.connector.url, HANDLER, 'case.proposeMeasures', { caseId, measures: 'incidentMeeting,aftercare' }, DESK);
    expect(cardText(proposed.body.value)).toMatch(/Maatregelen voorgesteld/);
    await harness.settle();
    await sweepAt(new Date(deadline.getTime() + 2 * HOUR + 60_000));
    await sweepAt(new Date(deadline.getTime() + 6 * HOUR));
    expect(escalations()).toHaveLength(1);
  });
});
