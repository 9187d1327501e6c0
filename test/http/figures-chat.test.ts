import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { figurePeriods } from '../../src/domain/registration/figure-periods';
import { SAMPLE_PEOPLE, startBotUnderTest, type BotUnderTest } from '../support/bot-under-test';
import { Chat, cardText, type BotReply } from '../support/chat-driver';
import { executeAction, type CardLocation } from '../support/invoke';
import { stranger, submitFromSummary, walkToSummary } from '../support/intake-walk';
import { nodes } from '../support/card-reading';

const { recentMonths } = figurePeriods(new Date());
const PERIOD = { from: recentMonths[0], to: recentMonths[11] };
const personal = (who: { id: string }): CardLocation => ({ kind: 'personal', conversationId: `a:personal-${who.id}` });
const cards = (replies: BotReply[]) => replies.filter((r) => r.card).map((r) => r.card!);

// Issue 11 in the 1:1 chat: "cijfers" for the coordinator VPT (the province, every organisation) and a
// desk's handler (their own organisation), a refusal for anyone else; the CSV export through a
// short-lived link in the chat of the person who asked, re-authorised on the server.
describe('figures in the 1:1 chat (sample directory)', () => {
  let harness: BotUnderTest;
  const reporter = stranger('wethouder');
  let caseNumber = '';

  beforeAll(async () => {
    harness = await startBotUnderTest();
    const chat = new Chat(harness, reporter);
    ({ caseNumber } = await submitFromSummary(chat, await walkToSummary(chat, { role: 'wethouder', organisationId: 'gemeente-utrecht' })));
    await harness.settle();
  });
  afterAll(() => harness.stop());

  it('an office holder gets a short Dutch refusal that says who can see figures, and no "cijfers" in the help', async () => {
    const chat = new Chat(harness, SAMPLE_PEOPLE.sanne);
    const replies = await chat.say('cijfers');
    expect(cards(replies)).toHaveLength(0);
    expect(replies[0].text).toMatch(/coördinator VPT \(Ahmed El Amrani\)/);
    expect(replies[0].text).toMatch(/afhandelaars van een organisatie/);
    const help = cardText(chat.lastCard(await chat.say('help')));
    expect(help).not.toContain('cijfers');
  });

  it('the coordinator VPT gets the province with a chart, a table and every organisation; small counts show as "< 5"', async () => {
    const chat = new Chat(harness, SAMPLE_PEOPLE.ahmed);
    const [card] = cards(await chat.say('statistieken'));
    const text = cardText(card);
    expect(text).toMatch(/provincie/i);
    const image = nodes(card, 'Image')[0] as unknown as { url: string; altText: string } | undefined;
    expect(image?.url).toMatch(/^data:image\/png;base64,/);
    expect(image?.altText).toMatch(/Staafdiagram/);
    expect(nodes(card, 'Table').length > 0).toBe(true);
    expect(JSON.stringify(card)).toContain('< 5');
    expect(JSON.stringify(card)).toContain('Gemeente Utrecht');
    expect(JSON.stringify(card)).not.toContain('rode jas');
    const help = cardText(chat.lastCard(await chat.say('help')));
    expect(help).toContain('cijfers');
  });

  it('a handler gets their own organisation with exact numbers ("hoeveel meldingen")', async () => {
    const chat = new Chat(harness, SAMPLE_PEOPLE.peter);
    const [card] = cards(await chat.say('hoeveel meldingen'));
    expect(cardText(card)).toMatch(/Gemeente Utrecht/);
    expect(JSON.stringify(card)).not.toContain('< 5');
  });

  it('the CSV button gives a link in the chat; the file opens with Dutch characters, ";" and no names or free text', async () => {
    const answer = await executeAction(harness.baseUrl, harness.connector.url, SAMPLE_PEOPLE.peter, 'figuresExportCsv', { scope: 'gemeente-utrecht', ...PERIOD }, personal(SAMPLE_PEOPLE.peter));
    expect(answer.body.type).toBe('application/vnd.microsoft.activity.message');
    const sent = harness.connector.sentActivities().filter((a) => (a.conversation as { id?: string }).id === `a:personal-${SAMPLE_PEOPLE.peter.id}`);
    const ready = sent.map((a) => ((a.attachments ?? []) as { content: Record<string, unknown> }[])[0]?.content).filter((c) => c && cardText(c).includes('Je bestand staat klaar'));
    expect(ready).toHaveLength(1);
    const open = nodes(ready[0], 'Action.OpenUrl')[0] as unknown as { title: string; url: string };
    expect(open.title).toBe('Downloaden');
    expect(cardText(ready[0])).toMatch(/Link werkt tot/);
    const download = await fetch(open.url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="weerbaar-bestuur-registratie-/);
    expect(download.headers.get('cache-control')).toBe('private, no-store');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('referrer-policy')).toBe('no-referrer');
    const bytes = Buffer.from(await download.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString('utf8');
    expect(csv).toContain('Categorieën;');
    expect(csv).toContain('Gemeente Utrecht');
    expect(csv.split('\r\n').filter((l) => l.trim() !== '')).toHaveLength(2);
    expect(csv).not.toContain('rode jas');
    expect(csv).not.toContain(reporter.name);
    expect(csv).not.toContain('Jansen');
    // The token is the only key: an unknown one gets the neutral Dutch answer.
    const unknown = await fetch(open.url.replace(/\/download\/.*/, `/download/${'x'.repeat(43)}`));
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toMatch(/Deze downloadlink werkt niet \(meer\)/);
  });

  it('the second CSV button exports the last whole calendar year, for an annual report', async () => {
    const chat = new Chat(harness, SAMPLE_PEOPLE.peter);
    const [card] = cards(await chat.say('cijfers'));
    const yearButton = nodes(card, 'Action.Execute').find((a) => /^CSV heel \d{4}$/.test(String(a.title)));
    const lastYear = figurePeriods(new Date()).lastCalendarYear.year;
    expect(yearButton?.title).toBe(`CSV heel ${lastYear}`);
    const before = harness.connector.sentActivities().length;
    await executeAction(harness.baseUrl, harness.connector.url, SAMPLE_PEOPLE.peter, 'figuresExportCsv', yearButton!.data as Record<string, unknown>, personal(SAMPLE_PEOPLE.peter));
    const ready = harness.connector.sentActivities().slice(before).map((a) => ((a.attachments ?? []) as { content: Record<string, unknown> }[])[0]?.content).filter((c) => c && cardText(c).includes('Je bestand staat klaar'));
    expect(ready).toHaveLength(1);
    const download = await fetch((nodes(ready[0], 'Action.OpenUrl')[0] as unknown as { url: string }).url);
    expect(download.headers.get('content-disposition')).toContain(`filename="weerbaar-bestuur-registratie-${lastYear}-01-tot-${lastYear}-12.csv"`);
    // This suite's only report is from this year: the header and no rows.
    const lines = (await download.text()).split('\r\n').filter((l) => l.trim() !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('Gedragsdomeinen');
  });

  it('a handler cannot export the province or another organisation, whatever the card says', async () => {
    const before = harness.connector.sentActivities().length;
    for (const scope of ['province', 'provincie-utrecht', 'hdsr']) {
      const answer = await executeAction(harness.baseUrl, harness.connector.url, SAMPLE_PEOPLE.peter, 'figuresExportCsv', { scope, ...PERIOD }, personal(SAMPLE_PEOPLE.peter));
      expect(String(answer.body.value)).toMatch(/coördinator VPT en voor de afhandelaars/);
    }
    const office = await executeAction(harness.baseUrl, harness.connector.url, SAMPLE_PEOPLE.sanne, 'figuresExportCsv', { scope: 'gemeente-utrecht', ...PERIOD }, personal(SAMPLE_PEOPLE.sanne));
    expect(String(office.body.value)).toMatch(/coördinator VPT/);
    // No file went anywhere.
    expect(harness.connector.sentActivities().slice(before)).toHaveLength(0);
    // Never into a channel, not even the handler's own.
    const channel = await executeAction(harness.baseUrl, harness.connector.url, SAMPLE_PEOPLE.peter, 'figuresExportCsv', { scope: 'gemeente-utrecht', ...PERIOD }, { kind: 'channel', teamId: '19:weerbaar-bestuur-utrecht@thread.tacv2', channelId: '19:meldingen-gemeentesecretaris@thread.tacv2' });
    expect(String(channel.body.value)).toMatch(/alleen in je eigen chat/);
    expect(harness.connector.sentActivities().slice(before)).toHaveLength(0);
  });

  it('"politieformulier <zaaknummer>": the handler of the case gets the PDF with the 7 W\'s through a link; others hear the case is not theirs', async () => {
    const peter = new Chat(harness, SAMPLE_PEOPLE.peter);
    const [ready] = cards(await peter.say(`politieformulier ${caseNumber}`));
    expect(cardText(ready)).toContain(`zaak ${caseNumber}`);
    const open = nodes(ready, 'Action.OpenUrl')[0] as unknown as { url: string };
    const download = await fetch(open.url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await download.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const label of ['Wie', 'Wat', 'Waar', 'Waarmee', 'Wanneer', 'Waarom']) expect(text).toContain(label);
    expect(text).toContain('Stadsplateau 1, 3521 AZ Utrecht');
    for (const other of [SAMPLE_PEOPLE.lotte, SAMPLE_PEOPLE.sanne, SAMPLE_PEOPLE.ahmed]) {
      const replies = await new Chat(harness, other).say(`politieformulier ${caseNumber}`);
      expect(cards(replies)).toHaveLength(0);
      expect(replies[0].text).toMatch(/geen zaak met dit nummer die jij afhandelt/);
    }
    expect((await peter.say('politieformulier'))[0].text).toMatch(/met het zaaknummer erachter/);
  });

  it('the "Politieformulier" button on the case card sends the PDF to the handler\'s own 1:1 chat, never the channel; others get nothing', async () => {
    const desk: CardLocation = { kind: 'channel', teamId: '19:weerbaar-bestuur-utrecht@thread.tacv2', channelId: '19:meldingen-gemeentesecretaris@thread.tacv2' };
    const chat = new Chat(harness, stranger('politieformulier'));
    const { draftId: caseId, caseNumber: number } = await submitFromSummary(chat, await walkToSummary(chat, { role: 'wethouder', organisationId: 'gemeente-utrecht' }, { criminalOffence: 'ja' }));
    await executeAction(harness.baseUrl, harness.connector.url, SAMPLE_PEOPLE.peter, 'case.take', { caseId }, desk);
    // Step 2: the handler completes a W the report lacks; the PDF carries it.
    await executeAction(harness.baseUrl, harness.connector.url, SAMPLE_PEOPLE.peter, 'case.completePoliceForm', { caseId, policeFact_waarmee: 'Een honkbalknuppel' }, desk);
    await harness.settle();
    const fileCards = (conversationId: string) =>
      harness.connector.sentActivities()
        .filter((a) => (a.conversation as { id?: string }).id === conversationId)
        .map((a) => ((a.attachments ?? []) as { content: Record<string, unknown> }[])[0]?.content)
        .filter((c) => c && cardText(c).includes(`zaak ${number}`) && cardText(c).includes('informatieformulier voor de politie'));
    const before = harness.connector.sentActivities().length;

    const answer = await executeAction(harness.baseUrl, harness.connector.url, SAMPLE_PEOPLE.peter, 'case.policeForm', { caseId }, desk);
    expect(cardText(answer.body.value)).toContain('Het politieformulier staat klaar in je eigen chat met de bot (niet in dit kanaal).');
    const ready = fileCards(`a:personal-${SAMPLE_PEOPLE.peter.id}`);
    expect(ready).toHaveLength(1);
    const download = await fetch((nodes(ready[0], 'Action.OpenUrl')[0] as unknown as { url: string }).url);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(pdfText(Buffer.from(await download.arrayBuffer()))).toContain('Een honkbalknuppel');
    // Nothing went to a channel: every activity since the click went to Peter's 1:1 chat.
    const since = harness.connector.sentActivities().slice(before);
    expect(since.every((a) => (a.conversation as { id?: string }).id === `a:personal-${SAMPLE_PEOPLE.peter.id}`)).toBe(true);

    // Lotte handles another desk: the read-only card, and no file anywhere.
    const refused = await executeAction(harness.baseUrl, harness.connector.url, SAMPLE_PEOPLE.lotte, 'case.policeForm', { caseId }, desk);
    expect(cardText(refused.body.value)).not.toContain('staat klaar');
    expect(fileCards(`a:personal-${SAMPLE_PEOPLE.lotte.id}`)).toHaveLength(0);
    expect(harness.connector.sentActivities().slice(before).filter((a) => (a.conversation as { id?: string }).id !== `a:personal-${SAMPLE_PEOPLE.peter.id}`)).toEqual([]);
  });
});

/** The PDF's text, read back with pdf.js in a child process. */
function pdfText(pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'police-form-')), 'form.pdf');
  writeFileSync(file, pdf);
  const pages = JSON.parse(execFileSync(process.execPath, [join(__dirname, '..', 'support', 'pdf-text.mjs'), file], { encoding: 'utf8' })) as string[];
  return pages.join('\n');
}
