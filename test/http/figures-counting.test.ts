import { DateTime } from 'luxon';
import type { Case } from '../../src/domain/case';
import { TableCaseRepository } from '../../src/storage/case.repository';
import { TableFiguresRepository } from '../../src/storage/figures.repository';
import { createTableClientFactory } from '../../src/storage/table-clients';
import { FiguresService } from '../../src/app/figures.service';
import { systemClock } from '../../src/app/system-clock';
import { Recidive } from '../../src/app/recidive';
import { TablePerpetratorIndex } from '../../src/storage/perpetrator-index.repository';
import type { Counters } from '../../src/domain/registration/counters';
import { loadDirectory } from '../../src/config/load-directory';
import { testConnectionString, testTablePrefix } from '../support/azurite-env';
import { startBotUnderTest, type BotUnderTest } from '../support/bot-under-test';
import { Chat } from '../support/chat-driver';
import { executeAction, type CardLocation } from '../support/invoke';
import { stranger, submitFromSummary, walkToSummary } from '../support/intake-walk';

const DIRECTORY = 'test/fixtures/directory.three-organisations.json';
const guid = (n: number) => `aaaaaaaa-0000-4000-8000-${String(n).padStart(12, '0')}`;
const HANDLER = { id: 'user-201', name: 'Gemeentesecretaris', aadObjectId: guid(201) };
const DESK: CardLocation = { kind: 'channel', teamId: '19:utrecht@thread.tacv2', channelId: '19:gemeentesecretaris@thread.tacv2' };
const MONTH = DateTime.now().setZone('Europe/Amsterdam').toFormat('yyyy-MM');

// Issue 11: the figures follow every change of a case through the outbox — submit, take, approve,
// close move the counters of the province and of the case's organisation, each change counted once.
describe('figures: every case change reaches the summary table through the outbox', () => {
  let harness: BotUnderTest;
  let figures: TableFiguresRepository;

  beforeAll(async () => {
    harness = await startBotUnderTest({ DIRECTORY_PATH: DIRECTORY });
    figures = new TableFiguresRepository(createTableClientFactory(testConnectionString(), harness.tablePrefix).client('Figures'));
  });
  afterAll(() => harness.stop());

  const act = (who: typeof HANDLER, verb: string, data: Record<string, unknown>, where: CardLocation) =>
    executeAction(harness.baseUrl, harness.connector.url, who, verb, data, where);

  async function month(scope: 'province' | 'gemeente-utrecht'): Promise<Counters> {
    await harness.settle();
    const months = await figures.readMonths(scope === 'province' ? 'province' : { organisationId: scope }, MONTH, MONTH);
    return months.get(MONTH) ?? {};
  }

  it('submit, take, approve and close each move the counters, in both scopes', async () => {
    const reporter = stranger('wethouder');
    const chat = new Chat(harness, reporter);
    const { draftId: caseId } = await submitFromSummary(chat, await walkToSummary(chat, { role: 'wethouder', organisationId: 'gemeente-utrecht' }));
    const personal: CardLocation = { kind: 'personal', conversationId: `a:personal-${reporter.id}` };

    for (const scope of ['province', 'gemeente-utrecht'] as const) {
      const submitted = await month(scope);
      expect(submitted).toMatchObject({ n: 1, role_wethouder: 1, status_submitted: 1, measures_open: 1 });
      expect(submitted.taken).toBeUndefined();
    }

    await act(HANDLER, 'case.take', { caseId }, DESK);
    const taken = await month('province');
    expect(taken).toMatchObject({ n: 1, taken: 1, status_inProgress: 1 });
    expect(taken.status_submitted).toBeUndefined();

    await act(HANDLER, 'case.proposeMeasures', { caseId, measures: 'combinedMeeting,aftercare', measureDescription: 'Gesprek.' }, DESK);
    await act(reporter, 'case.agreeMeasures', { caseId, round: 1 }, personal);
    await act(HANDLER, 'case.approveMeasures', { caseId }, DESK);
    const approved = await month('gemeente-utrecht');
    expect(approved).toMatchObject({ n: 1, status_measuresApproved: 1, measures_onTime: 1 });
    expect(approved.measures_open).toBeUndefined();

    await act(HANDLER, 'case.recordResponse', { caseId, responseKind: 'given', responseSummary: 'Gesprek gevoerd.' }, DESK);
    await act(HANDLER, 'case.close', { caseId, riskAssessment: 'Laag.', causeAnalysis: 'Besluit.', trendAnalysis: 'Eerste.', improvements: 'Geen.' }, DESK);
    for (const scope of ['province', 'gemeente-utrecht'] as const) {
      const closed = await month(scope);
      // Still one report: every change moved the same case's counters, none added it again.
      expect(closed).toMatchObject({ n: 1, status_closed: 1, closed_response: 1, measures_onTime: 1 });
      expect(closed.status_measuresApproved).toBeUndefined();
    }
    // The stored row is the closed case's; the export reads it.
    const rows = await figures.listRegistrations({ organisationId: 'gemeente-utrecht' }, MONTH, MONTH);
    expect(rows.map((r) => [r.status, r.closedWith])).toEqual([['closed', 'response']]);
  });

  it('the backfill counts cases stored without counters once, even when two instances run it at the same time', async () => {
    // A separate set of tables: the case exists, its figures do not (stored before they were kept).
    const prefix = testTablePrefix('fill');
    const tables = createTableClientFactory(testConnectionString(), prefix);
    await tables.ensureTables(['Cases', 'Figures', 'PerpetratorIndex']);
    const source = new TableCaseRepository(createTableClientFactory(testConnectionString(), harness.tablePrefix).client('Cases'));
    const stored: { case: Case; revision: number }[] = [];
    for await (const entry of source.listAllWithRevision()) stored.push(entry);
    expect(stored.length).toBeGreaterThan(0);
    const target = new TableCaseRepository(tables.client('Cases'));
    for (const { case: c } of stored) await target.create(c);

    const store = new TableFiguresRepository(tables.client('Figures'));
    const directory = loadDirectory(DIRECTORY);
    const recidive = new Recidive(new TablePerpetratorIndex(tables.client('PerpetratorIndex'), 'test-perpetrator-key-0123456789abcdef'));
    const instance = () => new FiguresService({ store, directory, clock: systemClock });
    const [a, b] = await Promise.all([
      instance().backfill(target.listAllWithRevision(), (c) => recidive.withCount(c)),
      instance().backfill(target.listAllWithRevision(), (c) => recidive.withCount(c)),
    ]);
    expect(a + b).toBeGreaterThanOrEqual(stored.length);
    const counted = (await store.readMonths('province', MONTH, MONTH)).get(MONTH) ?? {};
    expect(counted.n).toBe(stored.length);
    // Done once: a later start reads the marker and counts nothing.
    expect(await instance().backfill(target.listAllWithRevision(), (c) => recidive.withCount(c))).toBe(0);
    expect((await store.readMonths('province', MONTH, MONTH)).get(MONTH)?.n).toBe(stored.length);
  });
});
