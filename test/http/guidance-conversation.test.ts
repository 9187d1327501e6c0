import { TableCaseRepository } from '../../src/storage/case.repository';
import { createTableClientFactory } from '../../src/storage/table-clients';
import { BEHAVIOUR_LEVELS, type BehaviourLevel } from '../../src/domain/report';
import { testConnectionString } from '../support/azurite-env';
import { postActivity, SAMPLE_PEOPLE, startBotUnderTest, type BotUnderTest } from '../support/bot-under-test';
import { Chat, cardActions, cardText, type BotReply } from '../support/chat-driver';
import { askedStep, continueToSummary, stranger, submitFromSummary, texts } from '../support/intake-walk';

// Issue 15 through the real HTTP endpoint: "hoe reageer ik?" → a level → its advice → "Meld dit
// incident" starts the intake at that level; "voorkomen"; the advice after a report; the channel help.
describe('advice in the chat over HTTP', () => {
  let harness: BotUnderTest;
  let cases: TableCaseRepository;

  beforeAll(async () => {
    harness = await startBotUnderTest();
    cases = new TableCaseRepository(createTableClientFactory(testConnectionString(), harness.tablePrefix).client('Cases'));
  });
  afterAll(() => harness.stop());

  /** The one button with this title on the last card. */
  function press(chat: Chat, replies: BotReply[], title: string): Promise<BotReply[]> {
    // The newest card with that button (after a report, the progress card follows the confirmation).
    const card = [...replies].reverse().find((r) => r.card && cardActions(r.card).some((a) => a.title === title))?.card ?? chat.lastCard(replies);
    const found = cardActions(card).filter((a) => a.title === title);
    if (found.length !== 1) throw new Error(`expected one "${title}" button, found ${found.length}`);
    return chat.click(found[0].data);
  }

  const levelTitles: Record<BehaviourLevel, string> = {
    1: 'Iemand klaagt over de eigen situatie',
    2: 'Iemand is boos over beleid of bestuur',
    3: 'Iemand wordt persoonlijk of grof',
    4: 'Iemand bedreigt of intimideert je',
    5: 'Iemand wordt fysiek of vernielt iets',
  };
  const levelAdvice: Record<BehaviourLevel, RegExp> = {
    1: /Ga niet in discussie/,
    2: /Ga niet in discussie over het beleid/,
    3: /Beëindig het gesprek en vraag de ander weg te gaan/,
    4: /Zorg eerst dat je zelf veilig bent/,
    5: /Bel nu \*\*112\*\*/,
  };

  it.each(BEHAVIOUR_LEVELS.map((l) => l.level))('level %i: the advice, then "Meld dit incident" reports at that level without asking it again', async (level) => {
    const person = stranger(`level${level}`);
    const chat = new Chat(harness, person);
    const choice = await chat.say('Hoe reageer ik?');
    expect(texts(choice)).toContain('Kies wat er het meest op lijkt');

    const advice = await press(chat, choice, levelTitles[level]);
    expect(texts(advice)).toMatch(levelAdvice[level]);
    expect(texts(advice)).toContain('Wat doe je nu?');

    const started = await press(chat, advice, 'Meld dit incident');
    expect(texts(started)).toContain(`Soort gedrag: ${BEHAVIOUR_LEVELS[level - 1].title}. Dat staat al ingevuld`);
    expect(askedStep(started)).toBe('safety');
    expect(texts(started)).toMatch(/Stap 1 van 14/); // a stranger is asked who they are, but not the level

    const asked: string[] = [];
    const summary = await continueToSummary(chat, started, { role: 'gemeenteraadslid', organisationId: 'gemeente-utrecht' }, {}, asked);
    expect(asked).not.toContain('level');
    expect(texts(summary)).toContain(`Niveau ${level}: ${BEHAVIOUR_LEVELS[level - 1].title}`);

    const { draftId } = await submitFromSummary(chat, summary);
    expect((await cases.get(draftId))?.case.report.level).toBe(level);
  });

  it('"voorkomen" gives the prevention advice, which leads on to responding', async () => {
    const chat = new Chat(harness, stranger('prevention'));
    const prevention = await chat.say('voorkomen');
    expect(texts(prevention)).toContain('Wat je zelf doet');
    expect(texts(prevention)).toContain('Wat je vraagt van je organisatie');
    expect(texts(await press(chat, prevention, 'Hoe reageer je?'))).toContain('Kies wat er het meest op lijkt');
  });

  it('after a report, the confirmation opens the advice for the level chosen in the intake', async () => {
    const chat = new Chat(harness, stranger('after'));
    const summary = await continueToSummary(chat, await chat.say('meld incident'), { role: 'wethouder', organisationId: 'gemeente-utrecht' }, { level: '3' });
    const { replies } = await submitFromSummary(chat, summary);
    const advice = await press(chat, replies, 'Advies bij dit gedrag');
    expect(texts(advice)).toContain(levelTitles[3]);
    expect(texts(advice)).toContain('Je hebt dit al gemeld.');
    expect(cardActions(chat.lastCard(advice)).map((a) => a.title)).not.toContain('Meld dit incident');
  });

  it('during an intake, asking for advice leaves the report where it was; "advies" stays an answer', async () => {
    const chat = new Chat(harness, stranger('during'));
    await chat.say('meld incident');
    await chat.click({ action: 'intake.answer', step: 'safety', value: 'safe' });
    await chat.click({ action: 'intake.answer', step: 'who' }, { role: 'wethouder', organisationId: 'gemeente-utrecht' });
    const when = await chat.say('wat moet ik doen');
    expect(texts(when)).toContain('Kies wat er het meest op lijkt');
    expect(askedStep(await chat.say('verder'))).toBe('when');

    // "advies" answers the open question when a report is in progress, and asks for advice when not.
    const summary = await continueToSummary(chat, await chat.say('verder'), undefined, { aftercare: 'advies' });
    expect(texts(summary)).toMatch(/Wensen voor nazorg\s*advies/);
    expect(texts(await new Chat(harness, stranger('idle')).say('advies'))).toContain('Kies wat er het meest op lijkt');
  });

  it('"Meld dit incident" with a report still open goes on with that report and keeps its answers', async () => {
    const chat = new Chat(harness, stranger('open'));
    await chat.say('meld incident');
    const resumed = await chat.click({ action: 'intake.start', level: 5 });
    expect(texts(resumed)).toMatch(/Je hebt nog een melding in concept/);
    expect(texts(resumed)).not.toContain('Dat staat al ingevuld');
    expect(askedStep(resumed)).toBe('safety');
  });

  it('a button with a level off the ladder gets a Dutch explanation, and nothing starts', async () => {
    const chat = new Chat(harness, stranger('bad'));
    expect(texts(await chat.click({ action: 'guidance.level', level: 9 }))).toMatch(/Deze knop begrijp ik niet/);
    expect(texts(await chat.click({ action: 'intake.start', level: 'vijf' }))).toMatch(/Deze knop begrijp ik niet/);
    expect(texts(await chat.say('verder'))).toMatch(/geen melding in concept/);
  });

  it('"help" in the 1:1 chat greets by first name and leads to both kinds of advice', async () => {
    const chat = new Chat(harness, SAMPLE_PEOPLE.sanne);
    const help = texts(await chat.say('help'));
    expect(help).toContain('Hallo Sanne,');
    expect(help).not.toContain('Sanne de Vries');
    expect(help).toContain('Hoe reageer je?');
    expect(help).toContain('Voorkomen');
  });

  it('greets with the given name Teams knows, also when the display name starts with a title or initial', async () => {
    const person = { ...stranger('titled'), name: 'mr. S. de Vries' };
    expect(texts(await new Chat(harness, person).say('help'))).not.toContain('Hallo');
    harness.connector.setMember(person.id, { name: person.name, givenName: 'Sanne', surname: 'de Vries', aadObjectId: person.aadObjectId });
    const help = texts(await new Chat(harness, person).say('help'));
    expect(help).toContain('Hallo Sanne,');
    expect(help).not.toContain('Vries');
  });

  /** Peter @mentions the bot with "help" in a shared conversation; returns the card the bot answered with. */
  async function helpIn(conversation: Record<string, unknown>, channelData: Record<string, unknown>): Promise<Record<string, unknown>> {
    harness.connector.reset();
    const response = await postActivity(harness.baseUrl, {
      type: 'message',
      id: `shared-help-${String(conversation.id)}`,
      timestamp: new Date().toISOString(),
      channelId: 'msteams',
      serviceUrl: harness.connector.url,
      from: SAMPLE_PEOPLE.peter,
      conversation: { tenantId: '00000000-0000-0000-0000-0000000000aa', isGroup: true, ...conversation },
      recipient: { id: '28:weerbaar-bestuur-bot', name: 'Weerbaar Bestuur' },
      text: '<at>Weerbaar Bestuur</at> help',
      entities: [{ type: 'mention', text: '<at>Weerbaar Bestuur</at>', mentioned: { id: '28:weerbaar-bestuur-bot', name: 'Weerbaar Bestuur' } }],
      channelData: { tenant: { id: '00000000-0000-0000-0000-0000000000aa' }, ...channelData },
    });
    expect(response.status).toBe(200);
    const call = await harness.connector.waitFor((c) => c.method === 'POST' && c.path.includes('/activities'));
    return (call.body as { attachments: { content: Record<string, unknown> }[] }).attachments[0].content;
  }

  it('"help" in a handlers\' channel names the coordinator VPT from the directory and how to reach them', async () => {
    const channelId = '19:meldingen-gemeentesecretaris@thread.tacv2';
    const card = await helpIn(
      { id: `${channelId};messageid=channel-help-1`, conversationType: 'channel' },
      { team: { id: '19:weerbaar-bestuur-utrecht@thread.tacv2' }, channel: { id: channelId } },
    );
    const text = cardText(card);
    expect(text).toContain('Hallo Peter,');
    expect(text).toContain('Dit is het kanaal van de gemeentesecretaris van Gemeente Utrecht.');
    expect(text).toContain('Ahmed El Amrani');
    expect(text).toContain('ahmed.elamrani@provincie-utrecht.example');
    expect(text).toMatch(/nazorg/);
    expect(text).toMatch(/aangifte/);
    expect(text).toMatch(/evaluatie/);
    expect(cardActions(card)).toEqual([]); // nothing here posts "meld incident" into the channel
  });

  it('"help" in a group chat gives the same help, without claiming it is a desk\'s channel', async () => {
    const text = cardText(await helpIn({ id: '19:group-chat@thread.v2', conversationType: 'groupChat' }, {}));
    expect(text).toContain('Ahmed El Amrani');
    expect(text).not.toContain('Dit is het kanaal');
  });
});
