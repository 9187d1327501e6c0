import { TableReminderRepository } from '../../src/storage/reminder.repository';
import { createTableClientFactory } from '../../src/storage/table-clients';
import { testConnectionString, testTablePrefix } from '../support/azurite-env';
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

// Issue 10 point 2, "none for a meeting that was not chosen": two cases of a known perpetrator go through
// the real HTTP endpoint from report to approved measures. The one with a written warning gets no
// incidentgesprek reminder and no escalation; the one with an incidentgesprek gets both.
describe('incidentgesprek reminders follow the approved measures', () => {
  // Incident Wednesday 2 December 2026 09:00 in Amsterdam (08:00 UTC); the 72 hours end Saturday 5 December 09:00.
  const reportedAt = new Date('2026-12-02T12:00:00Z');
  const deadline = new Date('2026-12-05T08:00:00Z');
  const clock = new ManualClock(reportedAt);
  let harness: BotUnderTest;
  let reminderRows: TableReminderRepository;
  const cases: Record<'warning' | 'meeting', { caseId: string; caseNumber: string }> = {} as never;
  const sent: ConnectorCall[] = [];

  const act = (who: { id: string; name: string; aadObjectId: string }, verb: string, data: Record<string, unknown>, where: CardLocation) =>
    executeAction(harness.baseUrl, harness.connector.url, who, verb, data, where);

  /** A wethouder reports; the handler takes the case and proposes `measures`; the reporter agrees; the handler approves. */
  async function reportedAndApproved(label: string, measures: string): Promise<{ caseId: string; caseNumber: string }> {
    const reporter = stranger(label);
    const chat = new Chat(harness, reporter);
    const summary = await walkToSummary(chat, { role: 'wethouder', organisationId: 'gemeente-utrecht' }, { when: '02-12-2026 09:00', perpetrator: 'Jan Pietersen, de buurman', criminalOffence: 'nee' });
    const { caseNumber, draftId: caseId } = await submitFromSummary(chat, summary);
    expect(cardText((await act(HANDLER, 'case.take', { caseId }, DESK)).body.value)).toMatch(/In behandeling/);
    expect(cardText((await act(HANDLER, 'case.proposeMeasures', { caseId, measures }, DESK)).body.value)).toMatch(/Maatregelen voorgesteld/);
    expect(cardText((await act(reporter, 'case.agreeMeasures', { caseId, round: 1 }, { kind: 'personal', conversationId: `a:personal-${reporter.id}` })).body.value)).toMatch(/akkoord/i);
    expect(cardText((await act(HANDLER, 'case.approveMeasures', { caseId }, DESK)).body.value)).toMatch(/Maatregelen vastgesteld/);
    await harness.settle(); // the messages and reminder planning these steps caused
    return { caseId, caseNumber };
  }

  /** Sweeps at `at`; keeps every message that reached Teams because of it. */
  async function sweepAt(at: Date): Promise<void> {
    clock.set(at);
    const before = harness.connector.calls.length;
    await harness.bot.reminders.sweep(at);
    sent.push(...harness.connector.calls.slice(before).filter((c) => c.method === 'POST' && c.path.endsWith('/activities')));
  }
  const textOf = (call: ConnectorCall) => String(call.body.text ?? '');
  const about = (caseNumber: string) => sent.filter((c) => textOf(c).includes(caseNumber));

  beforeAll(async () => {
    const tablePrefix = testTablePrefix('imeet');
    harness = await startBotUnderTest({ DIRECTORY_PATH: DIRECTORY, TABLE_PREFIX: tablePrefix }, { clock });
    reminderRows = new TableReminderRepository(createTableClientFactory(testConnectionString(), tablePrefix).client('Reminders'));
    cases.warning = await reportedAndApproved('warning', 'writtenWarning,aftercare');
    cases.meeting = await reportedAndApproved('meeting', 'incidentMeeting,aftercare');
    // Halfway, three quarters, an hour before, at and after the 72 hours.
    for (const at of [new Date('2026-12-03T21:00:00Z'), new Date('2026-12-04T15:00:00Z'), new Date(deadline.getTime() - 0.5 * HOUR), new Date(deadline.getTime() + 5 * 60_000), new Date(deadline.getTime() + 6 * HOUR)]) {
      await sweepAt(at);
    }
  });
  afterAll(() => harness.stop());

  it('a written-warning case: no incidentgesprek reminder, no overdue notice and no escalation to the coordinator', async () => {
    expect(about(cases.warning.caseNumber)).toEqual([]);
    const rows = await reminderRows.listForCase(cases.warning.caseId);
    const deadlineRows = rows.filter((r) => r.kind !== 'aftercareCheckIn');
    // Planned at submission for the measures, stopped when they were approved; none ever about the incidentgesprek.
    expect(deadlineRows.length).toBeGreaterThan(0);
    expect(deadlineRows.map((r) => [r.status, r.cancelReason])).toEqual(deadlineRows.map(() => ['cancelled', 'goalReached']));
    expect(deadlineRows.some((r) => r.topics.includes('incidentMeeting'))).toBe(false);
  });

  it('an approved incidentgesprek: the reminders name it, then the overdue notice and the escalation, each once', async () => {
    const messages = about(cases.meeting.caseNumber);
    const headings = messages.map((c) => textOf(c).split('\n')[0]);
    // Halfway, three quarters and an hour before; then, in the same sweep, the overdue notice and the escalation.
    expect(headings.slice(0, 3)).toEqual(Array(3).fill(`Herinnering — zaak ${cases.meeting.caseNumber}`));
    expect(headings.slice(3).sort()).toEqual([`Escalatie: termijn verlopen — zaak ${cases.meeting.caseNumber}`, `Termijn verlopen — zaak ${cases.meeting.caseNumber}`]);
    for (const message of messages) {
      expect(textOf(message)).toContain('• Incidentgesprek met de pleger');
      expect(textOf(message)).not.toContain('Maatregelen treffen'); // approved: that goal is reached
    }
    const escalation = messages.find((c) => textOf(c).startsWith('Escalatie'))!;
    expect(escalation.path).not.toContain(DESK.channelId);
    expect(textOf(escalation)).toContain('uiterlijk zaterdag 5 december 2026 om 09:00');
  });
});
