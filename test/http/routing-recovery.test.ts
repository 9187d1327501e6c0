import { randomUUID } from 'node:crypto';
import { SHIPPED_DECREE_DAYS } from '../../src/config/decree-days';
import { submitCase } from '../../src/domain/case';
import { WorkingDayCalendar } from '../../src/domain/working-days';
import { TableCaseRepository } from '../../src/storage/case.repository';
import { createTableClientFactory } from '../../src/storage/table-clients';
import { testConnectionString, testTablePrefix } from '../support/azurite-env';
import { sampleReport } from '../support/sample-report';
import { startBotUnderTest, type BotUnderTest } from '../support/bot-under-test';
import { Chat } from '../support/chat-driver';
import { stranger, submitFromSummary, texts, walkToSummary } from '../support/intake-walk';
import { ManualClock } from '../support/manual-clock';

const DESK = '/v3/conversations/19:gemeentesecretaris@thread.tacv2/activities';

const calendar = new WorkingDayCalendar(SHIPPED_DECREE_DAYS);

// Nothing lost: when Teams refuses the case card at submission, the case is kept and a later
// "Verstuur melding" completes the routing — once, and never racing the first submit.
describe('a case whose card could not be posted at first', () => {
  const clock = new ManualClock(new Date('2026-12-02T09:00:00Z'));
  let harness: BotUnderTest;

  beforeAll(async () => {
    harness = await startBotUnderTest({ DIRECTORY_PATH: 'test/fixtures/directory.three-organisations.json', TABLE_PREFIX: testTablePrefix('route') }, { clock });
  });
  afterAll(() => harness.stop());

  const deskPosts = () => harness.connector.calls.filter((c) => c.method === 'POST' && c.path === DESK && c.response);

  it('is routed by a later submit, exactly once', async () => {
    const chat = new Chat(harness, stranger('recover'));
    const summary = await walkToSummary(chat, { role: 'wethouder', organisationId: 'gemeente-utrecht' });
    // E.g. the bot was not yet added to the team (403); the connector client itself retries 5xx.
    harness.connector.failNext((c) => c.path === DESK, 403);
    const first = await submitFromSummary(chat, summary);
    expect(deskPosts()).toHaveLength(0);

    // A double click right away does not race the first submit's routing.
    const again = await submitFromSummary(chat, summary);
    expect(again.caseNumber).toBe(first.caseNumber);
    expect(deskPosts()).toHaveLength(0);

    clock.advance(5 * 60 * 1000);
    const later = await submitFromSummary(chat, summary);
    expect(later.caseNumber).toBe(first.caseNumber);
    expect(texts(later.replies)).toMatch(/al verstuurd|eerder verstuurd|al ontvangen/i);
    expect(deskPosts()).toHaveLength(1);
    expect(JSON.stringify(deskPosts()[0].body)).toContain(first.caseNumber);

    await submitFromSummary(chat, summary);
    expect(deskPosts()).toHaveLength(1);
  });

  it('is routed by the outbox recovery pass when nobody presses anything, and only once', async () => {
    const chat = new Chat(harness, stranger('repair'));
    const summary = await walkToSummary(chat, { role: 'wethouder', organisationId: 'gemeente-utrecht' });
    harness.connector.failNext((c) => c.path === DESK, 403);
    const before = deskPosts().length;
    const { caseNumber } = await submitFromSummary(chat, summary);
    expect(deskPosts()).toHaveLength(before);

    // The failed desk card waits for its retry; nothing else comes of the pass before then.
    expect(await harness.bot.outbox.recover()).toBe(0);
    expect(deskPosts()).toHaveLength(before);
    clock.advance(3 * 60 * 1000);
    expect(await harness.bot.outbox.recover()).toBeGreaterThanOrEqual(1);
    const posted = deskPosts().slice(before);
    expect(posted).toHaveLength(1);
    expect(JSON.stringify(posted[0].body)).toContain(caseNumber);
    clock.advance(3 * 60 * 1000);
    await harness.bot.outbox.recover();
    expect(deskPosts().slice(before)).toHaveLength(1);
  });

  it('the repair job gives a case stored without its desk card (before the outbox) its card, once', async () => {
    const client = createTableClientFactory(testConnectionString(), harness.tablePrefix).client('Cases');
    const caseId = randomUUID();
    const c = submitCase(
      { id: caseId, caseNumber: 'WB-2026-09999', organisationId: 'gemeente-utrecht', officeHolder: { aadObjectId: randomUUID(), name: 'Oud', role: 'wethouder' }, report: sampleReport() },
      clock.now(),
      calendar,
    ).case;
    expect(await new TableCaseRepository(client).create(c)).toBe('created');
    const before = deskPosts().length;

    // Within the grace period the job leaves the case alone; after it, the desk card goes out through the outbox.
    expect(await harness.bot.routingRepair.runOnce()).toBe(0);
    clock.advance(3 * 60 * 1000);
    expect(await harness.bot.routingRepair.runOnce()).toBe(1);
    await harness.settle();
    expect(deskPosts().slice(before).map((p) => JSON.stringify(p.body).includes('WB-2026-09999'))).toEqual([true]);
    expect(await harness.bot.routingRepair.runOnce()).toBe(0);
  });
});
