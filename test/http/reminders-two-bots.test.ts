import { testTablePrefix } from '../support/azurite-env';
import { startBotUnderTest, type BotUnderTest } from '../support/bot-under-test';
import { Chat } from '../support/chat-driver';
import { ConnectorStandIn, type ConnectorCall } from '../support/connector-stand-in';
import { stranger, submitFromSummary, walkToSummary } from '../support/intake-walk';
import { ManualClock } from '../support/manual-clock';

const DIRECTORY = 'test/fixtures/directory.three-organisations.json';
const DESK = '19:gemeentesecretaris@thread.tacv2';
const COORDINATOR = 'aaaaaaaa-0000-4000-8000-000000000900';
const HOUR = 3600_000;

// Issue 6, "done when": a case reported 70 hours after the incident gets at once ONE notice that
// the 72-hour deadline is two hours away, then the 1-hour reminder, and at the deadline the overdue
// notice and the escalation — each exactly once, also with two bot processes on the same storage.
describe('deadline reminders with two bots sweeping the same storage', () => {
  // Wednesday 2 December 2026, 13:00 in Amsterdam; the incident was Sunday 29 November 15:00 (70 hours earlier).
  const reportedAt = new Date('2026-12-02T12:00:00Z');
  const clock = new ManualClock(reportedAt);
  const connector = new ConnectorStandIn();
  let first: BotUnderTest;
  let second: BotUnderTest;
  let caseNumber: string;

  beforeAll(async () => {
    await connector.start();
    const env = { DIRECTORY_PATH: DIRECTORY, TABLE_PREFIX: testTablePrefix('twobots') };
    first = await startBotUnderTest(env, { clock, connector });
    second = await startBotUnderTest(env, { clock, connector });
    const chat = new Chat(first, stranger('wethouder70'));
    const summary = await walkToSummary(chat, { role: 'wethouder', organisationId: 'gemeente-utrecht' }, { when: '29-11-2026 15:00', criminalOffence: 'nee' });
    ({ caseNumber } = await submitFromSummary(chat, summary));
  });
  afterAll(async () => {
    await first.stop();
    await second.stop();
    await connector.stop();
  });

  /** Both bots sweep at the same moment; returns what reached Teams because of it. */
  async function sweepBoth(at: Date): Promise<ConnectorCall[]> {
    clock.set(at);
    const before = connector.calls.length;
    await Promise.all([first.bot.reminders.sweep(at), second.bot.reminders.sweep(at)]);
    return connector.calls.slice(before).filter((c) => c.method === 'POST' && c.path.endsWith('/activities'));
  }
  const textOf = (call: ConnectorCall) => String(call.body.text ?? '');
  const toDesk = (calls: ConnectorCall[]) => calls.filter((c) => c.path === `/v3/conversations/${DESK}/activities` && textOf(c).includes(caseNumber));

  it('sends one catch-up notice at once: the deadline is two hours away', async () => {
    const sent = await sweepBoth(reportedAt);
    const desk = toDesk(sent);
    expect(desk).toHaveLength(1);
    expect(textOf(desk[0])).toMatch(/Herinnering/);
    expect(textOf(desk[0])).toMatch(/nog 2 uur/);
    expect(textOf(desk[0])).toMatch(/woensdag 2 december 2026 om 15:00/);
  });

  it('sends nothing more until the 1-hour reminder, and that one once', async () => {
    expect(toDesk(await sweepBoth(new Date(reportedAt.getTime() + 0.5 * HOUR)))).toHaveLength(0);
    const oneHour = toDesk(await sweepBoth(new Date(reportedAt.getTime() + 1 * HOUR)));
    expect(oneHour).toHaveLength(1);
    expect(textOf(oneHour[0])).toMatch(/nog 1 uur/);
    expect(toDesk(await sweepBoth(new Date(reportedAt.getTime() + 1.5 * HOUR)))).toHaveLength(0);
  });

  it('at the deadline: the overdue notice to the handlers and the escalation to the coordinator, once each', async () => {
    const sent = await sweepBoth(new Date(reportedAt.getTime() + 2 * HOUR));
    const desk = toDesk(sent);
    expect(desk).toHaveLength(1);
    expect(textOf(desk[0])).toMatch(/Termijn verlopen/);
    const escalations = sent.filter((c) => textOf(c).includes(`Escalatie: termijn verlopen — zaak ${caseNumber}`));
    expect(escalations).toHaveLength(1);
    const created = connector.calls.find((c) => /^\/v3\/conversations\/?$/.test(c.path) && (c.body.members as { id: string }[])[0]?.id === COORDINATOR);
    expect(created).toBeDefined();
    expect(escalations[0].path).toBe(`/v3/conversations/${created!.response!.id}/activities`);
    expect(toDesk(await sweepBoth(new Date(reportedAt.getTime() + 3 * HOUR)))).toHaveLength(0);
  });

  it('a week after the report the office holder gets one "hoe gaat het?" check-in', async () => {
    const sent = await sweepBoth(new Date(reportedAt.getTime() + 7 * 24 * HOUR + HOUR));
    const checkIns = sent.filter((c) => /Hoe gaat het met je\?/.test(textOf(c)) && textOf(c).includes(caseNumber));
    expect(checkIns).toHaveLength(1);
    expect(textOf(checkIns[0])).toMatch(/088 5543 288/);
  });
});
