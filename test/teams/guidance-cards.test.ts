/** The advice cards (issue 15) and the help cards that lead to them, read and clicked as a user would. */
import { BEHAVIOUR_LEVELS, type BehaviourLevel } from '../../src/domain/report';
import { CardRenderer } from '../../src/teams/cards/card-renderer';
import { channelHelpCardViewModel, deskForChannel, firstNameOf } from '../../src/teams/cards/help-card';
import { LEVEL_ADVICE, PREVENTION } from '../../src/copy/guidance.copy';
import { renderGuidance } from '../../src/teams/guidance/guidance-cards';
import { guidanceForAction, guidanceForCommand, guidanceForIdleWord, type GuidanceRequest } from '../../src/teams/guidance/guidance-requests';
import { assertValidTeamsCard } from '../support/card-checks';
import { type Json, nodes, readable } from '../support/card-reading';
import { directoryWithOwnEscalation, sampleDirectory, threeOrganisationsDirectory } from '../support/directories';

const renderer = new CardRenderer();

/** Renders an advice card and checks it the way Teams would. */
function advice(request: GuidanceRequest): Json {
  const message = renderGuidance(request, renderer);
  expect(message.summary.trim()).not.toBe('');
  assertValidTeamsCard(message.card, request.kind);
  return message.card as Json;
}

function level(n: BehaviourLevel, reported = false): Json {
  return advice({ kind: 'level', level: n, reported });
}

/** Every button a person can press on a card: title and data. */
function buttons(card: Json): { title: string; data: Json }[] {
  return nodes(card, /^Action\.(Submit|OpenUrl)$/).map((a) => ({ title: String(a.title), data: (a.data ?? { url: a.url }) as Json }));
}

function button(card: Json, title: string): Json {
  const found = buttons(card).filter((b) => b.title === title);
  expect(found).toHaveLength(1);
  return found[0].data;
}

describe('"hoe reageer ik?": the choice of level', () => {
  const card = advice({ kind: 'levels' });

  it('puts 112 first, then asks what happens', () => {
    const shown = readable(card).split('\n');
    expect(shown.slice(0, 3)).toEqual(['Hoe reageer je?', 'In acuut gevaar? Bel eerst **112**.', 'Wat gebeurt er? Kies wat er het meest op lijkt. Je krijgt kort advies.']);
  });

  it('offers the five levels of the ladder in plain words, mildest first, each opening its own advice', () => {
    const choices = buttons(card).filter((b) => b.data.action === 'guidance.level');
    expect(choices.map((b) => b.title)).toEqual([
      'Iemand klaagt over de eigen situatie',
      'Iemand is boos over beleid of bestuur',
      'Iemand wordt persoonlijk of grof',
      'Iemand bedreigt of intimideert je',
      'Iemand wordt fysiek of vernielt iets',
    ]);
    // What the bot makes of each button's data when it is pressed.
    expect(choices.map((b) => guidanceForAction(b.data))).toEqual(BEHAVIOUR_LEVELS.map((l) => ({ kind: 'level', level: l.level, reported: false })));
    expect(readable(card)).toContain('Vaak met "ik"');
    expect(readable(card)).toContain('Vaak met "jullie"');
    expect(readable(card)).toContain('Vaak met "jij"');
  });

  it('also leads to prevention', () => {
    expect(guidanceForAction(button(card, 'Voorkomen'))).toEqual({ kind: 'prevention' });
  });
});

describe('the advice per level', () => {
  // What a person should take away from each card: the guide's response for that level (ch. 4).
  const expected: Record<BehaviourLevel, { heading: string; advice: RegExp[]; not: RegExp[] }> = {
    1: { heading: 'Iemand klaagt over de eigen situatie', advice: [/begrijpt/, /oplossing/, /Ga niet in discussie/, /grens/], not: [/politie/, /112/] },
    2: { heading: 'Iemand is boos over beleid of bestuur', advice: [/Luister goed|luister goed/, /niet in discussie over het beleid/, /grens/], not: [/politie/, /112/] },
    3: { heading: 'Iemand wordt persoonlijk of grof', advice: [/vraag de ander te stoppen/, /pas verder praat als het gedrag stopt/, /Beëindig het gesprek/, /beveiliging/, /Bel de politie/], not: [/112/] },
    4: { heading: 'Iemand bedreigt of intimideert je', advice: [/Zorg eerst dat je zelf veilig bent/, /Beëindig het gesprek/, /Bewaar brieven, e-mails/, /aangifte/, /niet zelf te doen/], not: [/112/] },
    5: { heading: 'Iemand wordt fysiek of vernielt iets', advice: [/veilig/, /Stop het gesprek meteen/, /beveiliging/, /aangifte/], not: [] },
  };

  it.each(BEHAVIOUR_LEVELS.map((l) => l.level))('level %i: what to do now, why, and a button that reports at this level', (n) => {
    const card = level(n);
    const text = readable(card);
    for (const pattern of expected[n].advice) expect(text).toMatch(pattern);
    for (const pattern of expected[n].not) expect(text).not.toMatch(pattern);
    expect(text).toContain(expected[n].heading);
    expect(text).toContain('Wat doe je nu?');
    expect(text).toContain(LEVEL_ADVICE[n].why);
    expect(text).toContain('Bel de Vertrouwenslijn: **088\u00A05543\u00A0288**'); // one number, never wrapped
    expect(button(card, 'Meld dit incident')).toEqual({ action: 'intake.start', level: n });
    expect(guidanceForAction(button(card, 'Ander gedrag kiezen'))).toEqual({ kind: 'levels' });
    expect(guidanceForAction(button(card, 'Voorkomen'))).toEqual({ kind: 'prevention' });
  });

  it('level 5 opens with safety and 112, before anything else', () => {
    expect(readable(level(5)).split('\n')[0]).toBe('Ben je in gevaar of gewond? Bel nu **112**.');
    for (const n of [1, 2, 3, 4] as const) expect(readable(level(n)).split('\n')[0]).toBe(expected[n].heading);
  });

  it('opened from a report already sent, it offers "mijn meldingen" instead of a new report', () => {
    const card = level(4, true);
    expect(buttons(card).map((b) => b.title)).not.toContain('Meld dit incident');
    expect(button(card, 'Mijn meldingen')).toEqual({ action: 'intake.myCases' });
    expect(readable(card)).toContain('Je hebt dit al gemeld.');
  });
});

describe('"voorkomen"', () => {
  const card = advice({ kind: 'prevention' });

  it('gives the advice for the office holder and what to ask of the organisation', () => {
    const text = readable(card);
    expect(text.indexOf('Wat je zelf doet')).toBeLessThan(text.indexOf('Wat je vraagt van je organisatie'));
    expect(text).toMatch(/Volg een training/);
    expect(text).toMatch(/vechten, vluchten of bevriezen/);
    expect(text).toMatch(/Wees gastvrij/);
    expect(text).toMatch(/Geef het goede voorbeeld/);
    expect(text).toMatch(/huisregels/);
    expect(text).toMatch(/veilige werkplek/);
    expect(text).toMatch(/coördinator Veilig Publieke Taak/);
  });

  it('leads on to responding and to reporting', () => {
    expect(guidanceForAction(button(card, 'Hoe reageer je?'))).toEqual({ kind: 'levels' });
    expect(button(card, 'Incident melden')).toEqual({ action: 'intake.start' });
  });
});

describe('the words of the advice', () => {
  const all = [advice({ kind: 'levels' }), ...BEHAVIOUR_LEVELS.map((l) => level(l.level)), level(3, true), advice({ kind: 'prevention' })].map(readable).join('\n');

  it('speak to the reader as "je", never as "u"', () => {
    expect(all).not.toMatch(/\b(u|uw|U|Uw)\b/);
  });

  it('keep sentences short', () => {
    const sentences = [
      ...Object.values(LEVEL_ADVICE).flatMap((a) => [...a.now, a.why, a.report, a.recognise]),
      ...PREVENTION.yourself, ...PREVENTION.organisation, PREVENTION.intro,
    ].flatMap((text) => text.split(/(?<=[.?!:])\s+/));
    const long = sentences.filter((s) => s.split(/\s+/).length > 16);
    expect(long).toEqual([]);
  });
});

describe('typed words that ask for advice', () => {
  it.each(['hoe reageer ik', 'wat moet ik doen', 'hoe moet ik reageren', 'hoe reageer je'])('"%s" asks how to respond', (typed) => {
    expect(guidanceForCommand(typed)).toEqual({ kind: 'levels' });
  });

  it.each(['voorkomen', 'preventie', 'hoe voorkom ik dit'])('"%s" asks for prevention', (typed) => {
    expect(guidanceForCommand(typed)).toEqual({ kind: 'prevention' });
  });

  it('leaves words that may answer an intake question to the intake, and the measures proposal its "Reageren"', () => {
    expect(guidanceForCommand('advies')).toBeUndefined();
    expect(guidanceForIdleWord('advies')).toEqual({ kind: 'levels' });
    expect(guidanceForCommand('reageren')).toBeUndefined();
    expect(guidanceForCommand('geen')).toBeUndefined();
  });

  it('refuses a button with a level off the ladder', () => {
    expect(guidanceForAction({ action: 'guidance.level', level: 6 })).toBeUndefined();
    expect(guidanceForAction({ action: 'guidance.level', level: '3' })).toEqual({ kind: 'level', level: 3, reported: false });
  });
});

describe('the handlers\' channel help', () => {
  function channelCard(viewModel: object): Json {
    const card = renderer.render('help-channel', viewModel);
    assertValidTeamsCard(card, 'help-channel');
    return card;
  }

  it('names the coordinator VPT from the directory, what they help with, and how to reach them', () => {
    const directory = sampleDirectory();
    const desk = deskForChannel(directory, '19:meldingen-gemeentesecretaris@thread.tacv2');
    expect(desk).toEqual({ organisationId: 'gemeente-utrecht', role: 'gemeentesecretaris' });
    const card = channelCard(channelHelpCardViewModel({ userName: 'Peter Jansen', directory, desk }));
    const text = readable(card);
    expect(text).toContain('Hallo Peter,');
    expect(text).toContain('Dit is het kanaal van de gemeentesecretaris van Gemeente Utrecht.');
    expect(text).toContain('Coördinator VPT: Ahmed El Amrani');
    expect(text).toContain('E-mail: ahmed.elamrani@provincie-utrecht.example');
    for (const task of [/advies over maatregelen/, /nazorg/, /aangifte/, /evaluatie/]) expect(text).toMatch(task);
    expect(button(card, 'Mail de coördinator')).toEqual({ url: 'mailto:ahmed.elamrani@provincie-utrecht.example' });
    expect(text).not.toMatch(/\b0\d{2}[- ]?\d/); // no phone number: the directory has none
    // No button here posts "meld incident" into the channel.
    expect(nodes(card, 'Action.Submit')).toEqual([]);
  });

  it('without an e-mail address in the directory, shows the name only', () => {
    const card = channelCard(channelHelpCardViewModel({ directory: threeOrganisationsDirectory() }));
    expect(readable(card)).toContain('Coördinator VPT: Coördinator VPT');
    expect(readable(card)).not.toContain('E-mail');
    expect(buttons(card)).toEqual([]);
  });

  it('names the organisation\'s own escalation contact when it is not the coordinator', () => {
    const directory = directoryWithOwnEscalation();
    const text = readable(channelCard(channelHelpCardViewModel({ directory, desk: { organisationId: 'gemeente-utrecht', role: 'griffier' } })));
    expect(text).toContain('Coördinator VPT: Ahmed El Amrani');
    expect(text).toContain('de escalatie voor jullie organisatie naar Femke de Wit (femke.dewit@utrecht.example)');
    expect(readable(channelCard(channelHelpCardViewModel({ directory: sampleDirectory(), desk: { organisationId: 'gemeente-utrecht', role: 'griffier' } }))))
      .not.toContain('escalatie');
  });

  it('finds the desk of a channel, and no desk for any other conversation', () => {
    const directory = sampleDirectory();
    expect(deskForChannel(directory, '19:weerbaar-bestuur-utrecht@thread.tacv2')).toEqual({ organisationId: 'gemeente-utrecht', role: 'griffier' });
    expect(deskForChannel(directory, '19:onbekend@thread.tacv2')).toBeUndefined();
    expect(deskForChannel(directory, undefined)).toBeUndefined();
  });

  it('outside a desk\'s channel, names no channel but still the organisation\'s escalation contact', () => {
    const text = readable(channelCard(channelHelpCardViewModel({ directory: directoryWithOwnEscalation(), organisationId: 'gemeente-utrecht' })));
    expect(text).not.toContain('Dit is het kanaal');
    expect(text).toContain('naar Femke de Wit');
  });
});

describe('first names', () => {
  it.each([
    ['Sanne de Vries', 'Sanne'],
    ['Vries, Sanne de', 'Sanne'],
    ['Ahmed El Amrani', 'Ahmed'],
    ['J. de Vries', undefined],
    ['mr. P. Jansen', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%j → %j', (name, first) => {
    expect(firstNameOf(name)).toBe(first);
  });
});
