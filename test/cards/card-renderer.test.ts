/** Loading, caching and expanding card templates; a card never reaches Teams with a raw `${...}` in it. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'adaptivecards-templating';
import { CardRenderError, CardRenderer, defaultCardsDirectory } from '../../src/teams/cards/card-renderer';
import { toCardText } from '../../src/teams/cards/escape';

const root = join(__dirname, '..', '..');

function card(version: string, text: string): object {
  return { type: 'AdaptiveCard', version, body: [{ type: 'TextBlock', text, wrap: true }] };
}

/** The CardRenderError code a call throws, or undefined when it does not throw. */
function errorCode(call: () => unknown): string | undefined {
  try {
    call();
    return undefined;
  } catch (error) {
    if (error instanceof CardRenderError) return error.code;
    throw error;
  }
}

describe('CardRenderer', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cards-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the repo cards/ folder from src/ and from the compiled dist/ alike', () => {
    expect(defaultCardsDirectory()).toBe(join(root, 'cards'));
    expect(defaultCardsDirectory(join(root, 'dist', 'src', 'teams', 'cards'))).toBe(join(root, 'cards'));
    expect(new CardRenderer().render('help', { commands: [], confidentialPhone: '088 5543 288' }).type).toBe('AdaptiveCard');
  });

  it('binds the view-model as $root', () => {
    writeFileSync(join(dir, 'greeting.json'), JSON.stringify(card('1.5', 'Hallo ${name}')));
    expect(new CardRenderer(dir).render('greeting', { name: 'Anna' }).body).toEqual([{ type: 'TextBlock', text: 'Hallo Anna', wrap: true }]);
  });

  it('refuses to return a card with an unresolved binding, naming where it is', () => {
    writeFileSync(join(dir, 'greeting.json'), JSON.stringify(card('1.5', 'Hallo ${name}')));
    const renderer = new CardRenderer(dir);
    expect(() => renderer.render('greeting', { naam: 'Anna' })).toThrow('unresolved binding at $.body[0].text');
    expect(errorCode(() => renderer.render('greeting', {}))).toBe('CARD.UNRESOLVED_BINDING');
  });

  it('refuses templates newer than Teams renders, and files that are not cards', () => {
    writeFileSync(join(dir, 'new.json'), JSON.stringify(card('1.6', 'x')));
    writeFileSync(join(dir, 'notjson.json'), '{ "type": ');
    writeFileSync(join(dir, 'message.json'), JSON.stringify({ type: 'Message', text: 'x' }));
    const renderer = new CardRenderer(dir);
    expect(errorCode(() => renderer.render('new', {}))).toBe('CARD.UNSUPPORTED_VERSION');
    expect(errorCode(() => renderer.render('notjson', {}))).toBe('CARD.INVALID_TEMPLATE');
    expect(errorCode(() => renderer.render('message', {}))).toBe('CARD.INVALID_TEMPLATE');
  });

  it('only loads templates by plain name from its own folder', () => {
    const renderer = new CardRenderer(dir);
    expect(errorCode(() => renderer.render('missing', {}))).toBe('CARD.UNKNOWN_TEMPLATE');
    expect(errorCode(() => renderer.render('../package', {}))).toBe('CARD.UNKNOWN_TEMPLATE');
    expect(errorCode(() => renderer.render('help.json', {}))).toBe('CARD.UNKNOWN_TEMPLATE');
  });

  it('reads a template once per renderer, and gives each render its own copy', () => {
    writeFileSync(join(dir, 'status.json'), JSON.stringify(card('1.5', 'Versie een: ${n}')));
    const renderer = new CardRenderer(dir);
    const first = renderer.render('status', { n: 1 });
    (first.body as { text: string }[])[0].text = 'changed by a caller';
    writeFileSync(join(dir, 'status.json'), JSON.stringify(card('1.5', 'Versie twee: ${n}')));
    expect(renderer.render('status', { n: 2 }).body).toEqual([{ type: 'TextBlock', text: 'Versie een: 2', wrap: true }]);
    expect(new CardRenderer(dir).render('status', { n: 3 }).body).toEqual([{ type: 'TextBlock', text: 'Versie twee: 3', wrap: true }]);
  });
});

describe('adaptivecards-templating and user text', () => {
  const template = card('1.5', 'Omschrijving: ${description}');

  it('does not evaluate a binding inside a data value: it is copied literally, once', () => {
    const expanded = new Template(template).expand({ $root: { description: '${$root.secret}', secret: 'GEHEIM' } }) as { body: { text: string }[] };
    expect(expanded.body[0].text).toBe('Omschrijving: ${$root.secret}');
    expect(JSON.stringify(expanded)).not.toContain('GEHEIM');
  });

  it('so unescaped user text with "${" makes the renderer refuse the card, and escaped text renders', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cards-'));
    try {
      writeFileSync(join(dir, 'report.json'), JSON.stringify(template));
      const renderer = new CardRenderer(dir);
      const userText = 'Hij schreef ${$root.secret} op mijn deur';
      expect(errorCode(() => renderer.render('report', { description: userText, secret: 'GEHEIM' }))).toBe('CARD.UNRESOLVED_BINDING');
      const rendered = renderer.render('report', { description: toCardText(userText), secret: 'GEHEIM' });
      expect(JSON.stringify(rendered)).not.toContain('GEHEIM');
      expect((rendered.body as { text: string }[])[0].text.replace(/\u200B/g, '')).toBe(`Omschrijving: ${userText}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
