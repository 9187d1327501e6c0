import { testTablePrefix } from '../support/azurite-env';
import { startBotUnderTest, type BotUnderTest } from '../support/bot-under-test';
import { Chat, cardText } from '../support/chat-driver';
import { executeAction, type CardLocation } from '../support/invoke';
import { stranger, submitFromSummary, walkToSummary } from '../support/intake-walk';
import { ManualClock } from '../support/manual-clock';

const DIRECTORY = 'test/fixtures/directory.three-organisations.json';
const DESK: CardLocation & { kind: 'channel' } = { kind: 'channel', teamId: '19:utrecht@thread.tacv2', channelId: '19:gemeentesecretaris@thread.tacv2' };
const HANDLER = { id: 'user-201', name: 'Gemeentesecretaris', aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000201' };
const EVALUATION = { riskAssessment: 'Middel.', causeAnalysis: 'Besluit.', trendAnalysis: 'Eerste keer.', improvements: 'Geen.' };

// Issue 10 points 3, 5 and 10 through the real HTTP endpoint, from report to closing.
describe('damage, the verslag and the restrictions cycle', () => {
  const clock = new ManualClock(new Date('2026-12-02T12:00:00Z'));
  let harness: BotUnderTest;
  let caseId = '';
  let caseNumber = '';
  const act = async (verb: string, data: Record<string, unknown>) => cardText((await executeAction(harness.baseUrl, harness.connector.url, HANDLER, verb, { caseId, ...data }, DESK)).body.value);
  const texts = () => harness.connector.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/activities')).map((c) => String(c.body.text ?? ''));

  beforeAll(async () => {
    harness = await startBotUnderTest({ DIRECTORY_PATH: DIRECTORY, TABLE_PREFIX: testTablePrefix('restrict') }, { clock });
  });
  afterAll(() => harness.stop());

  it('walks the cycle', async () => {
    const reporter = stranger('restrict');
    const chat = new Chat(harness, reporter);
    const summary = await walkToSummary(chat, { role: 'wethouder', organisationId: 'gemeente-utrecht' }, {
      when: '02-12-2026 09:00',
      perpetrator: 'Jan Pietersen, de buurman',
      criminalOffence: 'nee',
      damage: 'ruit van mijn auto ingegooid',
    });
    ({ caseNumber, draftId: caseId } = await submitFromSummary(chat, summary));
    await act('case.take', {});

    // Point 10: "wordt deze altijd verhaald" — without damage recovery the reason is required.
    const measures = 'restrictiveMeasures,combinedMeeting,aftercare';
    expect(await act('case.proposeMeasures', { measures, restrictionsEndOn: '2026-12-31' })).toContain('kies "Schade verhalen" of leg vast waarom');
    expect(await act('case.proposeMeasures', { measures: `${measures},damageRecovery`, restrictionsEndOn: '2026-12-31' })).toMatch(/Maatregelen voorgesteld/);
    await executeAction(harness.baseUrl, harness.connector.url, reporter, 'case.agreeMeasures', { caseId, round: 1 }, { kind: 'personal', conversationId: `a:personal-${reporter.id}` });
    const approvedCard = await act('case.approveMeasures', {});
    expect(approvedCard).toContain('Meld het schadegeval bij het juiste orgaan');
    expect(approvedCard).not.toContain('Verlengen of aanpassen'); // not before the herstelgesprek

    // Point 5: the verslag after the (combined) conversation, escaped on the card.
    clock.set(new Date('2026-12-04T12:00:00Z'));
    await act('case.recordMeetingHeld', { meetingKind: 'combinedMeeting', heldOn: '2026-12-04', heldAt: '10:00' });
    const withReport = await act('case.recordMeetingReport', { meetingReportText: 'Gedrag besproken; **geen** contact.', meetingReportShareable: 'true' });
    expect(withReport).toContain('Mag gedeeld worden met de pleger.');
    expect(withReport).toContain('∗∗geen∗∗'); // escaped: look-alike stars, no Markdown bold
    expect(withReport).not.toContain('**geen**');
    expect(await act('case.recordMeetingReport', { meetingReportText: 'x'.repeat(1501), meetingReportShareable: 'false' })).toContain('maximaal 1500 tekens');

    // Point 3: extended after the herstelgesprek; the office holder is told; the confirmation is recorded.
    expect(await act('case.adjustRestrictions', { restrictionsNewEndOn: '2027-01-31', restrictionsAgreements: 'Alleen schriftelijk contact.' })).toContain('Lopen tot en met zondag 31 januari 2027');
    await harness.settle();
    expect(texts().some((t) => t.includes(`bij je melding ${caseNumber} zijn na het herstelgesprek verlengd of aangepast`))).toBe(true);
    expect(await act('case.recordRestrictionsConfirmed', { confirmationSentOn: '2026-12-04' })).toContain('Schriftelijk bevestigd aan de pleger op vrijdag 4 december 2026');

    // Closing while the restrictions run: a decision is required; kept running, the card says the reminder stays.
    await act('case.recordResponse', { responseKind: 'given', responseSummary: 'Brief verstuurd.' });
    expect(await act('case.close', EVALUATION)).toContain('De beperkende maatregelen lopen nog');
    const closed = await act('case.close', { ...EVALUATION, restrictionsOnClose: 'keepRunning' });
    expect(closed).toContain('Afgesloten');
    expect(closed).toContain('de herinnering voor het herstelgesprek blijft staan');
  });
});
