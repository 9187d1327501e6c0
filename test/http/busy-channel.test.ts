import { randomUUID } from 'node:crypto';
import { SHIPPED_DECREE_DAYS } from '../../src/config/decree-days';
import { submitCase } from '../../src/domain/case';
import { WorkingDayCalendar } from '../../src/domain/working-days';
import { TableCaseRepository } from '../../src/storage/case.repository';
import { TableConversationStore } from '../../src/storage/conversation.repository';
import { countEntityReads } from '../../src/storage/counting-table-client';
import { createTableClientFactory } from '../../src/storage/table-clients';
import { testConnectionString } from '../support/azurite-env';
import { startBotUnderTest, type BotUnderTest } from '../support/bot-under-test';
import { cardText } from '../support/chat-driver';
import { executeAction, type CardLocation } from '../support/invoke';
import { sampleReport } from '../support/sample-report';

const DIRECTORY = 'test/fixtures/directory.three-organisations.json';
const DESK: CardLocation & { kind: 'channel' } = { kind: 'channel', teamId: '19:utrecht@thread.tacv2', channelId: '19:gemeentesecretaris@thread.tacv2' };
const guid = (n: number) => `aaaaaaaa-0000-4000-8000-${String(n).padStart(12, '0')}`;
/** The desk's handler and three colleagues who see the channel (read-only for them). */
const PEOPLE = [
  { id: 'user-201', name: 'Gemeentesecretaris', aadObjectId: guid(201) },
  { id: 'user-202', name: 'Griffier', aadObjectId: guid(202) },
  { id: 'user-211', name: 'Burgemeester', aadObjectId: guid(211) },
  { id: 'user-111', name: 'Commissaris', aadObjectId: guid(111) },
];

// The bot stores a channel's address once, not per post or per person: 16 people acting at once on
// 4 cards in one channel all get their card, and nobody's turn waits for or fights over that row.
describe('a busy desk channel', () => {
  let harness: BotUnderTest;
  const caseIds: string[] = [];

  beforeAll(async () => {
    harness = await startBotUnderTest({ DIRECTORY_PATH: DIRECTORY });
    const cases = new TableCaseRepository(createTableClientFactory(testConnectionString(), harness.tablePrefix).client('Cases'));
    const calendar = new WorkingDayCalendar(SHIPPED_DECREE_DAYS);
    for (let i = 1; i <= 4; i++) {
      const c = submitCase(
        { id: randomUUID(), caseNumber: `WB-2026-0010${i}`, organisationId: 'gemeente-utrecht', officeHolder: { aadObjectId: randomUUID(), name: 'W', role: 'wethouder' }, report: sampleReport() },
        new Date(),
        calendar,
      ).case;
      await cases.create(c);
      caseIds.push(c.id);
    }
  });
  afterAll(() => harness.stop());

  it('16 people on 4 cards at once: every one gets the card for them', async () => {
    const answers = await Promise.all(
      Array.from({ length: 16 }, (_, i) => executeAction(harness.baseUrl, harness.connector.url, PEOPLE[i % 4], 'case.refresh', { caseId: caseIds[i % 4] }, DESK)),
    );
    for (const [i, answer] of answers.entries()) {
      expect(answer.status).toBe(200);
      expect(answer.body.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(cardText(answer.body.value)).toContain(`WB-2026-0010${(i % 4) + 1}`);
    }
  });

  it('keeps the channel itself as the address, without the post or the person who acted', async () => {
    const stored = await new TableConversationStore(createTableClientFactory(testConnectionString(), harness.tablePrefix).client('ConversationRefs')).get(`channel:${DESK.channelId}`);
    expect(stored).toMatchObject({ conversation: { id: DESK.channelId, conversationType: 'channel' }, serviceUrl: harness.connector.url });
    expect(JSON.stringify(stored)).not.toMatch(/messageid|aaaaaaaa-0000/);
  });
});

describe('TableConversationStore', () => {
  it('reads storage once per key, and writes only a changed reference', async () => {
    const tables = createTableClientFactory(testConnectionString(), `tconv${randomUUID().slice(0, 8)}`);
    await tables.ensureTables(['ConversationRefs']);
    const counted = countEntityReads(tables.client('ConversationRefs'));
    const store = new TableConversationStore(counted.client);
    const reference = { channelId: 'msteams', serviceUrl: 'https://smba.example/', conversation: { id: '19:kanaal@thread.tacv2' } };
    await store.save('channel:19:kanaal@thread.tacv2', reference);
    const afterFirst = counted.reads();
    for (let i = 0; i < 5; i++) await store.save('channel:19:kanaal@thread.tacv2', { ...reference });
    expect(await store.get('channel:19:kanaal@thread.tacv2')).toEqual(reference);
    expect(counted.reads()).toBe(afterFirst);

    // A changed reference is written, and what another store reads is the new one.
    await store.save('channel:19:kanaal@thread.tacv2', { ...reference, serviceUrl: 'https://smba.example/emea/' });
    expect(await new TableConversationStore(tables.client('ConversationRefs')).get('channel:19:kanaal@thread.tacv2')).toMatchObject({ serviceUrl: 'https://smba.example/emea/' });
  });
});
