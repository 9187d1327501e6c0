import { startBotUnderTest, type BotUnderTest } from '../support/bot-under-test';
import { Chat, cardText } from '../support/chat-driver';
import { executeAction, type CardLocation } from '../support/invoke';
import { stranger, submitFromSummary, walkToSummary } from '../support/intake-walk';
import { ManualClock } from '../support/manual-clock';
import { testTablePrefix } from '../support/azurite-env';

const DIRECTORY = 'test/fixtures/directory.three-organisations.json';
const DESK: CardLocation & { kind: 'channel' } = { kind: 'channel', teamId: '19:utrecht@thread.tacv2', channelId: '19:gemeentesecretaris@thread.tacv2' };
const HANDLER = { id: 'user-201', name: 'Gemeentesecretaris', aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000201' };
const COORDINATOR = 'aaaaaaaa-0000-4000-8000-000000000900';
const GRIFFIER = 'aaaaaaaa-0000-4000-8000-000000000202';

// Issue 10 points 4, 6 and 9 through the real HTTP endpoint: a wethouder reports an injury and a suspected
// crime; the handler asks the coordinator VPT for support (once), adds the griffier to the informed
// people (who gets the short notice) and records an aangifte judged not punishable (the second opinion
// appears as a task).
describe('follow-up steps on the case card', () => {
  const clock = new ManualClock(new Date('2026-12-02T12:00:00Z'));
  let harness: BotUnderTest;
  let caseId = '';
  let caseNumber = '';
  const act = (verb: string, data: Record<string, unknown>) => executeAction(harness.baseUrl, harness.connector.url, HANDLER, verb, { caseId, ...data }, DESK);
  const sentTo = (aadObjectId: string) =>
    harness.connector.calls.filter((c) => c.method === 'POST' && /^\/v3\/conversations\/?$/.test(c.path) && JSON.stringify(c.body).includes(aadObjectId));
  const texts = () => harness.connector.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/activities')).map((c) => String(c.body.text ?? ''));

  beforeAll(async () => {
    harness = await startBotUnderTest({ DIRECTORY_PATH: DIRECTORY, TABLE_PREFIX: testTablePrefix('follow') }, { clock });
    const reporter = stranger('follow');
    const chat = new Chat(harness, reporter);
    const summary = await walkToSummary(chat, { role: 'wethouder', organisationId: 'gemeente-utrecht' }, { when: '02-12-2026 09:00', injury: 'lichamelijk', criminalOffence: 'ja' });
    ({ caseNumber, draftId: caseId } = await submitFromSummary(chat, summary));
    expect(cardText((await act('case.take', {})).body.value)).toMatch(/In behandeling/);
    await harness.settle();
  });
  afterAll(() => harness.stop());

  it('point 9: "Coördinator VPT betrekken" sends the coordinator one short notice, and the button goes', async () => {
    const before = sentTo(COORDINATOR).length;
    const card = cardText((await act('case.involveCoordinator', {})).body.value);
    expect(card).toContain('De coördinator VPT is gevraagd om ondersteuning');
    expect(card).not.toContain('Coördinator VPT betrekken');
    await act('case.involveCoordinator', {}); // a second click changes nothing
    await harness.settle();
    expect(sentTo(COORDINATOR).length - before).toBe(1);
    const notice = texts().find((t) => t.startsWith(`Ondersteuning gevraagd bij zaak ${caseNumber}`));
    expect(notice).toBeDefined();
    expect(notice).not.toMatch(/rode jas|Pietersen/);
  });

  it('point 6: the griffier is chosen from the directory and gets the short notice; someone not in it is refused', async () => {
    const before = sentTo(GRIFFIER).length;
    const card = cardText((await act('case.addInformed', { informedAadObjectId: GRIFFIER })).body.value);
    expect(card).toMatch(/\(Griffier\)/);
    await harness.settle();
    expect(sentTo(GRIFFIER).length - before).toBe(1);
    const refused = cardText((await act('case.addInformed', { informedAadObjectId: 'aaaaaaaa-0000-4000-8000-000000000999' })).body.value);
    expect(refused).toContain('Kies iemand uit de lijst.');
  });

  it('point 4: an aangifte judged not punishable offers the second opinion as a task', async () => {
    const card = cardText((await act('case.recordPoliceReport', { policeReportKind: 'aangifte', policeReportMadeOn: '2026-12-02', policeJudgement: 'notPunishable' })).body.value);
    expect(card).toContain('Aangifte gedaan op woensdag 2 december 2026. Oordeel van de politie: niet strafbaar.');
    expect(card).toContain('Vraag een second opinion aan bij de hulpofficier van justitie');
    expect(card).toContain('Second opinion bij de hulpofficier van justitie');
  });
});
