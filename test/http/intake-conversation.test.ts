import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import { createHash } from 'crypto';
import { TableCaseRepository } from '../../src/storage/case.repository';
import { createTableClientFactory } from '../../src/storage/table-clients';
import { EvidenceBlobStore } from '../../src/storage/blob-store';
import type { OfficeHolderRole } from '../../src/domain/roles';
import { testConnectionString } from '../support/azurite-env';
import { startBotUnderTest, type BotUnderTest } from '../support/bot-under-test';
import { Chat, cardActions, type BotReply } from '../support/chat-driver';
import { askedStep, stranger, submitFromSummary, texts, TYPED_ANSWERS, walkToSummary } from '../support/intake-walk';

const DIRECTORY = 'test/fixtures/directory.three-organisations.json';

describe('intake over HTTP: "meld incident" to a case number', () => {
  let harness: BotUnderTest;
  let cases: TableCaseRepository;

  beforeAll(async () => {
    harness = await startBotUnderTest({ DIRECTORY_PATH: DIRECTORY });
    cases = new TableCaseRepository(createTableClientFactory(testConnectionString(), harness.tablePrefix).client('Cases'));
  });
  afterAll(() => harness.stop());

  const roles: [OfficeHolderRole, string, RegExp][] = [
    ['commissarisVanDeKoning', 'provincie-utrecht', /provinciesecretaris/i],
    ['gedeputeerde', 'provincie-utrecht', /provinciesecretaris/i],
    ['statenlid', 'provincie-utrecht', /statengriffier/i],
    ['burgemeester', 'gemeente-utrecht', /gemeentesecretaris/i],
    ['wethouder', 'gemeente-utrecht', /gemeentesecretaris/i],
    ['gemeenteraadslid', 'gemeente-utrecht', /griffier/i],
    ['dijkgraaf', 'hdsr', /secretaris-directeur/i],
    ['dagelijksBestuurslid', 'hdsr', /secretaris-directeur/i],
    ['algemeenBestuurslid', 'hdsr', /secretaris/i],
  ];

  it.each(roles)('%s of %s reports an incident and gets a case number, deadlines and support lines', async (role, organisationId, handler) => {
    const person = stranger(role);
    const chat = new Chat(harness, person);
    const summary = await walkToSummary(chat, { role, organisationId });
    expect(texts(summary)).toMatch(/bij de ingang van het gemeentehuis/);

    const { replies, caseNumber, draftId } = await submitFromSummary(chat, summary);
    const shown = texts(replies);
    expect(shown).toMatch(handler);
    expect(shown).toMatch(/088 5543 288/);
    expect(shown).toMatch(/72|maatregelen/i);
    expect(shown).toMatch(/politie/i); // criminal offence suspected: police appointment deadline
    if (role === 'burgemeester') expect(shown).toMatch(/070-373 8080/);
    else expect(shown).not.toMatch(/070-373 8080/);

    const stored = await cases.get(draftId);
    expect(stored?.case).toMatchObject({
      caseNumber,
      organisationId,
      status: 'submitted',
      officeHolder: { aadObjectId: person.aadObjectId, role },
      report: {
        place: { mode: 'offline', location: 'bij de ingang van het gemeentehuis' },
        description: TYPED_ANSWERS.what,
        level: 4,
        kinds: expect.arrayContaining(['bedreiging', 'intimidatie']),
        witnesses: TYPED_ANSWERS.witnesses,
        criminalOffenceSuspected: 'yes',
        feltHindered: true,
      },
    });
    // The incidentgesprek deadline comes only with a proposal that includes one.
    expect(stored!.case.deadlines.map((d) => d.kind).sort()).toEqual(['measures', 'policeAppointment']);
    if (role === 'commissarisVanDeKoning') expect(stored!.case.tasks.map((t) => t.title).join()).toMatch(/Minister/);
  });

  it('remembers the office: the second report skips "who" and counts one step less', async () => {
    const person = stranger('repeat');
    const chat = new Chat(harness, person);
    const first = await walkToSummary(chat, { role: 'wethouder', organisationId: 'gemeente-utrecht' });
    await submitFromSummary(chat, first);
    const again = await chat.say('nieuwe melding');
    expect(texts(again)).toMatch(/Stap 1 van 14/);
    const second = await walkToSummary(chat, undefined);
    expect(texts(second)).toMatch(/Wethouder/);
  });

  it('someone with two offices chooses which one, but only among their own organisations', async () => {
    const chat = new Chat(harness, { id: 'user-two-offices', name: 'Statenlid en raadslid', aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000500' });
    await chat.say('meld incident');
    const who = await chat.click({ action: 'intake.answer', step: 'safety', value: 'safe' });
    expect(askedStep(who)).toBe('who');
    expect(texts(who)).not.toMatch(/Stichtse Rijnlanden/);
    const refused = await chat.click({ action: 'intake.answer', step: 'who' }, { role: 'dijkgraaf', organisationId: 'hdsr' });
    expect(texts(refused)).toMatch(/⚠️/);
    const accepted = await chat.click({ action: 'intake.answer', step: 'who' }, { role: 'gemeenteraadslid', organisationId: 'gemeente-utrecht' });
    expect(askedStep(accepted)).toBe('when');
  });

  it('a double click on "Verstuur melding" gives one case with one number', async () => {
    const chat = new Chat(harness, stranger('double'));
    const summary = await walkToSummary(chat, { role: 'wethouder', organisationId: 'gemeente-utrecht' });
    const first = await submitFromSummary(chat, summary);
    const second = await submitFromSummary(chat, summary);
    expect(second.caseNumber).toBe(first.caseNumber);
    expect(texts(second.replies)).toMatch(/al verstuurd|eerder verstuurd|al ontvangen/i);
  });

  it('"mijn meldingen" lists the user\'s own cases and their status, and nobody else\'s', async () => {
    const person = stranger('mine');
    const chat = new Chat(harness, person);
    const { caseNumber } = await submitFromSummary(chat, await walkToSummary(chat, { role: 'statenlid', organisationId: 'provincie-utrecht' }));
    const list = texts(await chat.say('mijn meldingen'));
    expect(list).toContain(caseNumber);
    expect(list).toContain('Ontvangen, nog niet opgepakt');
    const other = texts(await new Chat(harness, stranger('other')).say('mijn meldingen'));
    expect(other).not.toContain(caseNumber);
  });

  describe('bad answers get a Dutch explanation and the same question again', () => {
    let chat: Chat;
    beforeAll(async () => {
      chat = new Chat(harness, stranger('errors'));
      await chat.say('meld incident');
      await chat.click({ action: 'intake.answer', step: 'safety', value: 'safe' });
    });

    it.each([
      ['a role that does not exist in that organisation', { role: 'dijkgraaf', organisationId: 'gemeente-utrecht' }, 'who'],
      ['an organisation that is not configured', { role: 'wethouder', organisationId: 'gemeente-zeist' }, 'who'],
    ])('who: %s', async (_label, inputs, step) => {
      const replies = await chat.click({ action: 'intake.answer', step }, inputs);
      expect(texts(replies)).toMatch(/⚠️/);
      expect(askedStep(replies)).toBe(step);
    });

    it('accepts a valid office after the errors', async () => {
      const replies = await chat.click({ action: 'intake.answer', step: 'who' }, { role: 'wethouder', organisationId: 'gemeente-utrecht' });
      expect(askedStep(replies)).toBe('when');
    });

    it.each([
      ['when', 'morgen om 10:00', /toekomst/i],
      ['when', 'blabla', /begrijp|herken|voorbeeld/i],
      ['when', '32-13-2026', /begrijp|herken|voorbeeld|bestaat/i],
    ])('%s: "%s"', async (step, text, message) => {
      const replies = await chat.say(text);
      expect(texts(replies)).toMatch(/⚠️/);
      expect(texts(replies)).toMatch(message);
      expect(askedStep(replies)).toBe(step);
    });

    it('refuses an oversized answer clearly and keeps the question', async () => {
      await chat.say('gisteren 10:00');
      await chat.say('in de raadszaal');
      const replies = await chat.say('x'.repeat(5000));
      expect(texts(replies)).toMatch(/⚠️[\s\S]*(maximum|te lang)/i);
      expect(askedStep(replies)).toBe('what');
    });

    it('accepts markdown, HTML and emoji safely as plain text', async () => {
      const replies = await chat.say('<b>Hij</b> riep **vet** [klik](https://evil.example) ${secret} 😡');
      expect(askedStep(replies)).toBe('level');
    });

    it('refuses a level outside the ladder and a card with a forged step', async () => {
      const bad = await chat.say('7');
      expect(texts(bad)).toMatch(/⚠️/);
      const forged = await chat.click({ action: 'intake.answer', step: 'aftercare' }, { value: 'iets' });
      expect(texts(forged)).toMatch(/eerdere vraag/);
      expect(askedStep(forged)).toBe('level');
    });

    it('ignores a card payload it does not know, with a Dutch message', async () => {
      const replies = await chat.click({ action: 'case.delete', caseId: 'x' });
      expect(texts(replies)).toMatch(/begrijp ik niet/);
    });
  });

  it('warns about a home address and removes it when asked', async () => {
    const chat = new Chat(harness, stranger('address'));
    await chat.say('meld incident');
    await chat.click({ action: 'intake.answer', step: 'safety', value: 'safe' });
    await chat.click({ action: 'intake.answer', step: 'who' }, { role: 'wethouder', organisationId: 'gemeente-utrecht' });
    await chat.say('gisteren 14:00');
    const warning = await chat.say('voor mijn huis aan de Kerkstraat 12, 3511 AB Utrecht');
    expect(texts(warning)).toMatch(/woonadres|thuisadres/i);
    const remove = cardActions(chat.lastCard(warning)).find((a) => a.data.action === 'intake.address' && a.data.remove === true)
      ?? cardActions(chat.lastCard(warning)).find((a) => a.data.value === 'remove');
    expect(remove).toBeDefined();
    const next = await chat.click(remove!.data);
    expect(texts(next)).toMatch(/verwijderd/);
    expect(askedStep(next)).toBe('what');
    const summary = texts(await walkRest(chat));
    expect(summary).toContain('[adres verwijderd]');
    expect(summary).not.toContain('Kerkstraat 12');
  });

  it('stores evidence sent in the chat in Blob Storage with its SHA-256 on the case', async () => {
    const file = Buffer.from('%PDF-1.4 dreigbrief aan de wethouder');
    const server: Server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': file.length });
      res.end(file);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/dreigbrief.pdf`;
    try {
      const chat = new Chat(harness, stranger('evidence'));
      let replies = await chat.say('meld incident');
      for (let i = 0; i < 20 && askedStep(replies) !== 'evidence'; i++) {
        const step = askedStep(replies)!;
        if (step === 'safety') replies = await chat.click({ action: 'intake.answer', step, value: 'safe' });
        else if (step === 'who') replies = await chat.click({ action: 'intake.answer', step }, { role: 'burgemeester', organisationId: 'gemeente-utrecht' });
        else if (step === 'level') replies = await chat.say('4');
        else replies = await chat.say(TYPED_ANSWERS[step]);
      }
      expect(texts(replies)).toMatch(/origine(el|len)/i);
      const received = await chat.sendFiles([{ name: 'dreigbrief.pdf', downloadUrl: url, fileType: 'pdf' }]);
      expect(texts(received)).toMatch(/1 bestand/);
      const summary = await walkRest(chat, await chat.say('klaar'));
      const { draftId } = await submitFromSummary(chat, summary);
      const stored = (await cases.get(draftId))!.case;
      expect(stored.report.evidence.files).toHaveLength(1);
      const [evidence] = stored.report.evidence.files;
      expect(evidence).toMatchObject({ fileName: 'dreigbrief.pdf', contentType: 'application/pdf', sizeBytes: file.length });
      expect(evidence.sha256).toBe(createHash('sha256').update(file).digest('hex'));
      const blob = await new EvidenceBlobStore(testConnectionString(), 'evidence').get(evidence.blobName);
      expect(blob?.bytes.equals(file)).toBe(true);
    } finally {
      server.close();
    }
  });

  it('"stop" asks for confirmation; the draft is only thrown away after "ja"', async () => {
    const chat = new Chat(harness, stranger('stop'));
    await chat.say('meld incident');
    const ask = await chat.say('stop');
    const confirm = cardActions(chat.lastCard(ask)).find((a) => a.data.action === 'intake.cancelConfirm');
    const keep = cardActions(chat.lastCard(ask)).find((a) => a.data.action === 'intake.resume');
    expect(confirm && keep).toBeDefined();
    expect(askedStep(await chat.click(keep!.data))).toBe('safety');
    await chat.say('stop');
    expect(texts(await chat.click(confirm!.data))).toMatch(/gestopt|verwijderd|afgebroken/i);
    expect(texts(await chat.say('verder'))).toMatch(/geen melding/i);
  });

  it('a stray message without a draft gets the explanation, not an error', async () => {
    const replies = await new Chat(harness, stranger('stray')).say('goedemorgen');
    expect(texts(replies)).toMatch(/meld incident/);
  });

  /** Answers whatever is asked until the summary, with the typed answers. */
  async function walkRest(chat: Chat, from?: BotReply[]): Promise<BotReply[]> {
    let replies = from ?? (await chat.say('verder'));
    for (let i = 0; i < 20; i++) {
      const step = askedStep(replies);
      if (!step) return replies;
      replies = step === 'level' ? await chat.say('4') : await chat.say(TYPED_ANSWERS[step]);
    }
    return replies;
  }
});
