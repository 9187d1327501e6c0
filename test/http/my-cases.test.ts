/**
 * "mijn meldingen" through the real HTTP endpoint: the office holder's list of their own cases with
 * the incident date, the handler, the status and the next step, and its buttons: open the pending
 * proposal (and agree to it with the proposal's own verb) and open the progress card. Only the
 * case's office holder gets anything for a case id.
 */
import { TableCaseRepository } from '../../src/storage/case.repository';
import { createTableClientFactory } from '../../src/storage/table-clients';
import { formatDutchDate } from '../../src/copy/dates.copy';
import { testConnectionString } from '../support/azurite-env';
import { startBotUnderTest, type BotUnderTest } from '../support/bot-under-test';
import { Chat, cardActions, cardText } from '../support/chat-driver';
import { executeAction, type CardLocation } from '../support/invoke';
import { stranger, submitFromSummary, texts, walkToSummary } from '../support/intake-walk';
import { execute, type Json } from '../support/card-reading';

const DIRECTORY = 'test/fixtures/directory.three-organisations.json';
const HANDLER = { id: 'user-201', name: 'Gemeentesecretaris', aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000201' };
const DESK: CardLocation = { kind: 'channel', teamId: '19:utrecht@thread.tacv2', channelId: '19:gemeentesecretaris@thread.tacv2' };

describe('mijn meldingen: the office holder sees and acts on their own cases', () => {
  let harness: BotUnderTest;
  let cases: TableCaseRepository;
  let chat: Chat;
  let reporter: ReturnType<typeof stranger>;
  let caseId: string;
  let caseNumber: string;
  let personal: CardLocation;

  beforeAll(async () => {
    harness = await startBotUnderTest({ DIRECTORY_PATH: DIRECTORY });
    cases = new TableCaseRepository(createTableClientFactory(testConnectionString(), harness.tablePrefix).client('Cases'));
    reporter = stranger('wethouder');
    chat = new Chat(harness, reporter);
    const submitted = await submitFromSummary(chat, await walkToSummary(chat, { role: 'wethouder', organisationId: 'gemeente-utrecht' }));
    caseId = submitted.draftId;
    caseNumber = submitted.caseNumber;
    personal = { kind: 'personal', conversationId: `a:personal-${reporter.id}` };
    await harness.settle();
  });
  afterAll(() => harness.stop());

  const act = (who: { id: string; name: string; aadObjectId: string }, verb: string, data: Record<string, unknown>, where: CardLocation) =>
    executeAction(harness.baseUrl, harness.connector.url, who, verb, data, where);

  it('before anyone takes it: the incident date, the desk, "nog niet opgepakt" and what the office holder waits for', async () => {
    const list = chat.lastCard(await chat.say('mijn meldingen'));
    const incidentOn = formatDutchDate(new Date((await cases.get(caseId))!.case.report.incidentAt));
    const text = cardText(list);
    expect(text).toContain(caseNumber);
    expect(text).toContain(incidentOn);
    expect(text).toContain('Ontvangen, nog niet opgepakt');
    expect(text).toMatch(/De gemeentesecretaris van .*Utrecht \(nog niet opgepakt\)/);
    expect(cardActions(list).map((a) => a.title)).toEqual(['Voortgang bekijken', 'Nieuwe melding']);
  });

  it('with a proposal waiting: the handler by name and role, and "Voorstel bekijken" opens the proposal whose Akkoord works', async () => {
    await act(HANDLER, 'case.take', { caseId }, DESK);
    await act(HANDLER, 'case.proposeMeasures', { caseId, measures: 'combinedMeeting,aftercare', measureDescription: 'Gesprek met de pleger.' }, DESK);
    await harness.settle();
    const list = chat.lastCard(await chat.say('mijn meldingen'));
    expect(cardText(list)).toContain('Peter Jansen, gemeentesecretaris van Utrecht');
    expect(cardText(list)).toContain('Er ligt een voorstel voor je klaar');
    expect(cardText(list)).toContain('Bekijk het voorstel en geef akkoord of reageer.');
    const open = cardActions(list).find((a) => a.title === 'Voorstel bekijken');
    expect(open?.data).toEqual({ action: 'myCases.openProposal', caseId });

    const proposal = chat.lastCard(await chat.click(open!.data)) as Json;
    expect(cardText(proposal)).toContain(caseNumber);
    expect(cardText(proposal)).toMatch(/Gecombineerd incident- en herstelgesprek/);
    const agree = execute(proposal, 'case.agreeMeasures');
    const answered = await act(reporter, 'case.agreeMeasures', agree.data as Record<string, unknown>, personal);
    expect(cardText(answered.body.value)).toMatch(/akkoord/i);
    expect((await cases.get(caseId))!.case.status).toBe('measuresAgreed');

    // The list follows: no proposal button any more.
    const after = chat.lastCard(await chat.say('mijn meldingen'));
    expect(cardText(after)).toContain('Je bent akkoord met het voorstel');
    expect(cardActions(after).map((a) => a.title)).not.toContain('Voorstel bekijken');
  });

  it('"Voortgang bekijken" (and the help card\'s "Mijn meldingen") open the progress card and the list', async () => {
    const progress = chat.lastCard(await chat.click({ action: 'myCases.openProgress', caseId }));
    expect(cardText(progress)).toContain('Voortgang van je melding');
    expect(cardText(progress)).toContain(caseNumber);
    expect(cardText(progress)).toContain('Peter Jansen, gemeentesecretaris van Utrecht');
    const list = chat.lastCard(await chat.click({ action: 'intake.myCases' }));
    expect(cardText(list)).toContain(caseNumber);
  });

  it('someone else pressing these buttons with the case id (another reporter, the handler) gets nothing of the case', async () => {
    for (const person of [stranger('raadslid'), HANDLER]) {
      const other = new Chat(harness, person);
      for (const action of ['myCases.openProposal', 'myCases.openProgress']) {
        const replies = await other.click({ action, caseId });
        expect(replies.every((r) => r.card === undefined)).toBe(true);
        expect(texts(replies)).toContain('Deze melding kan ik niet vinden bij jouw meldingen.');
        expect(texts(replies)).not.toContain(caseNumber);
      }
      expect(cardText(other.lastCard(await other.say('mijn meldingen')))).not.toContain(caseNumber);
    }
    const forged = await chat.click({ action: 'myCases.openProposal', caseId: '../../etc' });
    expect(texts(forged)).toContain('Deze knop begrijp ik niet (meer).');
  });
});
