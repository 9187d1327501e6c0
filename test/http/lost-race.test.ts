import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testTablePrefix } from '../support/azurite-env';
import { startBotUnderTest, type BotUnderTest } from '../support/bot-under-test';
import { Chat, cardText } from '../support/chat-driver';
import { executeAction, type CardLocation } from '../support/invoke';
import { stranger, submitFromSummary, walkToSummary } from '../support/intake-walk';

const DESK: CardLocation & { kind: 'channel' } = { kind: 'channel', teamId: '19:utrecht@thread.tacv2', channelId: '19:gemeentesecretaris@thread.tacv2' };
const PETER = { id: 'user-201', name: 'Peter Jansen', aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000201' };
const LOTTE = { id: 'user-209', name: 'Lotte Smit', aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000209' };

/** The three-organisations directory with a second handler, Lotte Smit, on Utrecht's gemeentesecretaris desk. */
function directoryWithTwoHandlers(): string {
  const raw = JSON.parse(readFileSync('test/fixtures/directory.three-organisations.json', 'utf8')) as {
    organisations: { organisationId: string; desks: { role: string; handlers: { aadObjectId: string; name: string }[] }[] }[];
  };
  const desk = raw.organisations.find((o) => o.organisationId === 'gemeente-utrecht')!.desks.find((d) => d.role === 'gemeentesecretaris')!;
  desk.handlers.push({ aadObjectId: LOTTE.aadObjectId, name: LOTTE.name });
  const file = join(mkdtempSync(join(tmpdir(), 'wb-race-')), 'directory.json');
  writeFileSync(file, JSON.stringify(raw));
  return file;
}

// Issue 14 point 9: two handlers of one desk press "Voorstel naar de betrokkene sturen" at the same
// moment, through the real HTTP endpoint. One proposal is stored; the other handler reads, by name,
// what their colleague just did — not a status transition in the system's words.
describe('a handler who loses a race reads what a colleague just did', () => {
  let harness: BotUnderTest;
  let caseId: string;

  beforeAll(async () => {
    harness = await startBotUnderTest({ DIRECTORY_PATH: directoryWithTwoHandlers(), TABLE_PREFIX: testTablePrefix('race') });
    const chat = new Chat(harness, stranger('race'));
    const summary = await walkToSummary(chat, { role: 'wethouder', organisationId: 'gemeente-utrecht' }, { perpetrator: 'Jan Pietersen, de buurman', criminalOffence: 'nee' });
    caseId = (await submitFromSummary(chat, summary)).draftId;
    await executeAction(harness.baseUrl, harness.connector.url, PETER, 'case.take', { caseId }, DESK);
    await harness.settle();
  });
  afterAll(() => harness.stop());

  it('stores one proposal, and the other handler reads "<name> heeft net maatregelen voorgesteld."', async () => {
    const propose = (who: typeof PETER, measures: string) =>
      executeAction(harness.baseUrl, harness.connector.url, who, 'case.proposeMeasures', { caseId, measures, measureDescription: `Voorstel van ${who.name}` }, DESK);
    const [peter, lotte] = await Promise.all([propose(PETER, 'writtenWarning'), propose(LOTTE, 'incidentMeeting')]);
    const texts = { peter: cardText(peter.body.value), lotte: cardText(lotte.body.value) };
    const lost = Object.entries(texts).filter(([, text]) => /heeft net maatregelen voorgesteld/.test(text));
    expect(lost).toHaveLength(1);
    const [loser, loserText] = lost[0];
    const winnerName = loser === 'peter' ? LOTTE.name : PETER.name;
    expect(loserText).toContain(`${winnerName} heeft net maatregelen voorgesteld. Dit is de actuele stand van de zaak.`);
    expect(loserText).not.toMatch(/kan niet naar/);
    // The fresh card shows the winner's proposal, and nothing of the loser's attempt was stored.
    expect(loserText).toContain(`Voorstel van ${winnerName}`);
    expect(loserText).not.toContain(`Voorstel van ${loser === 'peter' ? PETER.name : LOTTE.name}`);
    const winnerText = loser === 'peter' ? texts.lotte : texts.peter;
    expect(winnerText).not.toContain('heeft net');
    expect(winnerText).toContain('Maatregelen voorgesteld');
  });
});
