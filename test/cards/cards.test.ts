/** Every card template renders into a card Teams accepts; the checks themselves catch broken cards. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CardRenderer } from '../../src/teams/cards/card-renderer';
import { PERSONAL_COMMANDS } from '../../src/teams/commands';
import { helpCardViewModel } from '../../src/teams/cards/help-card';
import { assertValidTeamsCard, cardProblems } from '../support/card-checks';
import { cardFixtures } from './card-fixtures';
import { nodes, readable } from '../support/card-reading';

const root = join(__dirname, '..', '..');
const templateNames = readdirSync(join(root, 'cards')).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -'.json'.length));
const renderer = new CardRenderer();

/** All strings in a card, in document order: what a reader could see. */
function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(texts);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(texts);
  return [];
}

describe('card templates', () => {
  it('finds the templates', () => {
    expect(templateNames).toContain('help');
  });

  it.each(templateNames)('%s has sample view-models in test/cards/card-fixtures.ts', (name) => {
    expect(cardFixtures[name]?.length ?? 0).toBeGreaterThan(0);
  });

  const samples = templateNames.flatMap((name) => (cardFixtures[name] ?? []).map((vm, i) => [`${name} #${i + 1}`, name, vm] as const));
  it.each(samples)('%s renders into a valid Teams card', (_label, name, viewModel) => {
    expect(cardProblems(renderer.render(name, viewModel))).toEqual([]);
  });
});

describe('help card', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'teamsAppManifest', 'manifest.json'), 'utf8')) as {
    bots: { commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[] }[];
  };

  it('greets the user by first name and lists the commands of the 1:1 chat', () => {
    const card = renderer.render('help', helpCardViewModel({ userName: 'Anna de Vries' }));
    expect(texts(card)).toContain('Hallo Anna,');
    expect(texts(card).join('\n')).not.toContain('de Vries');
    const facts = texts(card.body).join('\n');
    for (const { command, description } of PERSONAL_COMMANDS) expect(facts).toContain(`${command}\n${description}`);
  });

  it('uses the same command words as the Teams command menu in the app manifest', () => {
    const menu = manifest.bots[0].commandLists.find((l) => l.scopes.includes('personal'))?.commands;
    expect(menu?.map((c) => c.title)).toEqual(PERSONAL_COMMANDS.map((c) => c.command));
  });

  it.each([['   '], ['J. de Vries'], ['mr. Jansen']])('leaves out the greeting when no first name can be told from %j', (userName) => {
    const card = renderer.render('help', helpCardViewModel({ userName }));
    expect(texts(card).some((t) => t.startsWith('Hallo'))).toBe(false);
  });

  it('puts 112 and "Incident melden" first, before any explanation', () => {
    const shown = readable(renderer.render('help', helpCardViewModel({ userName: 'Sanne de Vries' }))).split('\n');
    expect(shown.slice(0, 5)).toEqual([
      'Weerbaar Bestuur',
      'Hallo Sanne,',
      'Ben je in acuut gevaar? Bel eerst **112**, en meld daarna.',
      'Incident melden',
      'Mijn meldingen',
    ]);
    const all = shown.join('\n');
    expect(all).toContain('**088\u00A05543\u00A0288**'); // one number, never wrapped
    expect(all).toContain('We accepteren het niet, we melden het altijd en we reageren altijd richting de pleger.');
  });

  it('speaks to the user as "je", never as "u"', () => {
    const all = readable(renderer.render('help', helpCardViewModel({ userName: 'Sanne de Vries' })));
    expect(all).not.toMatch(/\b(u|uw|U|Uw)\b/);
    expect(all).toMatch(/\bje\b/);
  });

  it('has a button that starts a report, and one for the own reports', () => {
    const buttons = nodes(renderer.render('help', helpCardViewModel()), 'Action.Submit');
    expect(buttons).toContainEqual(expect.objectContaining({ title: 'Incident melden', style: 'positive', data: { action: 'intake.start' } }));
    expect(buttons).toContainEqual(expect.objectContaining({ title: 'Mijn meldingen', data: { action: 'intake.myCases' } }));
  });

  it('leads to the advice on responding and on prevention', () => {
    const buttons = nodes(renderer.render('help', helpCardViewModel()), 'Action.Submit').map((a) => [a.title, a.data]);
    expect(buttons).toEqual(expect.arrayContaining([['Hoe reageer je?', { action: 'guidance.levels' }], ['Voorkomen', { action: 'guidance.prevention' }]]));
  });

  it('shows a hostile display name literally', () => {
    const card = renderer.render('help', helpCardViewModel({ userName: '[klik](https://evil.example) ${secret}' }));
    expect(cardProblems(card)).toEqual([]);
    expect(texts(card).join('\n')).not.toContain('](');
  });
});

describe('card checks', () => {
  const good = {
    type: 'AdaptiveCard',
    version: '1.5',
    body: [{ type: 'TextBlock', text: 'Goed', wrap: true }, { type: 'Input.Text', id: 'wat', label: 'Wat gebeurde er?' }],
    actions: [{ type: 'Action.Execute', title: 'Versturen', verb: 'report.submit' }],
  };
  const broken = (change: (card: typeof good & Record<string, unknown>) => void): unknown => {
    const card = structuredClone(good) as typeof good & Record<string, unknown>;
    change(card);
    return card;
  };

  it('pass a good card', () => {
    expect(cardProblems(good)).toEqual([]);
    expect(() => assertValidTeamsCard(good)).not.toThrow();
  });

  it.each([
    ['an Action.Execute without verb', (c: typeof good) => { c.actions[0].verb = ''; }, /Action\.Execute without a verb/],
    ['version 1.6', (c: typeof good) => { c.version = '1.6'; }, /1\.6 is newer than 1\.5/],
    ['a version that is no version', (c: typeof good) => { c.version = 'latest'; }, /not a card version/],
    ['an input without id', (c: typeof good) => { delete (c.body[1] as { id?: string }).id; }, /Input\.Text without an id/],
    ['a leftover binding', (c: typeof good) => { c.body[0].text = 'Hallo ${x}'; }, /\$\.body\[0\]\.text: unresolved template binding/],
    ['an unknown element', (c: typeof good) => { c.body.push({ type: 'Bogus', text: '' } as never); }, /Unknown element type "Bogus"/],
    ['an element newer than the declared version', (c: typeof good) => { c.version = '1.2'; }, /Action\.Execute/],
    ['an imBack without value', (c: typeof good) => { c.actions.push({ type: 'Action.Submit', title: 'x', data: { msteams: { type: 'imBack' } } } as never); }, /imBack without a value/],
  ])('catch %s', (_label, change, expected) => {
    const card = broken(change);
    expect(cardProblems(card).join('\n')).toMatch(expected);
    expect(() => assertValidTeamsCard(card)).toThrow(expected);
  });

  it('reject something that is not a card at all', () => {
    expect(cardProblems(null)).not.toEqual([]);
    expect(cardProblems({ type: 'Message', version: '1.5' }).join('\n')).toMatch(/card type/);
  });
});
