import { TableCaseRepository } from '../../src/storage/case.repository';
import { createTableClientFactory } from '../../src/storage/table-clients';
import { testConnectionString } from '../support/azurite-env';
import { startBotUnderTest, type BotUnderTest } from '../support/bot-under-test';
import { Chat } from '../support/chat-driver';
import { InMemoryFileDelivery } from '../support/in-memory-file-delivery';
import { stranger, texts, walkToSummary } from '../support/intake-walk';
import { ManualClock } from '../support/manual-clock';
import { closed, measuresApproved, submitted, taken } from '../support/registration-cases';

const DIRECTORY = 'test/fixtures/directory.three-organisations.json';
const COORDINATOR = { id: 'user-coordinator', name: 'Coördinator VPT', aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000900' };

describe('privacy in the 1:1 chat over HTTP: "mijn gegevens" and "bewaartermijn"', () => {
  const clock = new ManualClock(new Date('2026-11-30T10:00:00Z'));
  const files = new InMemoryFileDelivery(clock);
  let harness: BotUnderTest;
  let cases: TableCaseRepository;

  beforeAll(async () => {
    harness = await startBotUnderTest({ DIRECTORY_PATH: DIRECTORY }, { clock, start: { fileDelivery: files } });
    cases = new TableCaseRepository(createTableClientFactory(testConnectionString(), harness.tablePrefix).client('Cases'));
  });
  afterAll(() => harness.stop());

  it('gives the office holder a download link to their own data, and deletes their draft after the confirm step', async () => {
    const person = stranger('gegevens');
    const chat = new Chat(harness, person);
    await walkToSummary(chat, { role: 'wethouder', organisationId: 'gemeente-utrecht' });

    const replies = await chat.say('mijn gegevens');
    expect(texts(replies)).toMatch(/download je gegevens\]\(http:\/\/127\.0\.0\.1\/download\/test-1\)/);
    expect(texts(replies)).toMatch(/concept/);
    const delivered = files.offered.at(-1)!;
    expect(delivered.requesterAadObjectId).toBe(person.aadObjectId);
    expect(JSON.parse(delivered.file.content.toString('utf8'))).toMatchObject({ aadObjectId: person.aadObjectId, draft: { draft: { officeHolder: { aadObjectId: person.aadObjectId } } } });

    // The confirm step is the intake's own ("stop"): a card, then the button.
    expect(chat.lastCard(replies)).toBeDefined();
    const deleted = await chat.click({ action: 'intake.cancelConfirm' });
    expect(texts(deleted)).not.toBe('');
    const again = await chat.say('mijn gegevens');
    expect(texts(again)).not.toMatch(/concept/);
    expect(JSON.parse(files.offered.at(-1)!.file.content.toString('utf8'))).toMatchObject({ draft: null });
  });

  it('shows the coordinator VPT the dry-run list (no names), refuses anyone else, and purges only after the confirmation', async () => {
    const old = closed(measuresApproved(taken(submitted({ id: 'case-privacy-old', caseNumber: 'WB-2023-00011', registeredAt: new Date('2023-02-01T09:00:00Z') }), 30), 600), 'response', 2000);
    await cases.create(old);

    const outsider = await new Chat(harness, stranger('buiten')).say('bewaartermijn');
    expect(texts(outsider)).toMatch(/coördinator VPT/);
    expect(texts(outsider)).not.toMatch(/WB-2023-00011/);

    const coordinator = new Chat(harness, COORDINATOR);
    const list = texts(await coordinator.say('bewaartermijn'));
    expect(list).toMatch(/WB-2023-00011 · Gemeente Utrecht · afgesloten \d\d-\d\d-2023 · opschonen vanaf \d\d-\d\d-2025/);
    expect(list).toMatch(/staat nog uit/);
    expect(list).not.toMatch(/Sanne/);

    expect(await harness.bot.retention.runDaily()).toMatchObject({ outcome: 'notConfirmed' });
    expect(await cases.get(old.id)).toBeDefined();

    expect(texts(await coordinator.say('bewaartermijn bevestigen'))).toMatch(/Opschonen staat aan/);
    clock.advance(24 * 3600_000);
    expect(await harness.bot.retention.runDaily()).toMatchObject({ outcome: 'ran', purged: 1 });
    expect(await cases.get(old.id)).toBeUndefined();
    expect(texts(await coordinator.say('bewaartermijn'))).not.toMatch(/WB-2023-00011/);
  });
});
