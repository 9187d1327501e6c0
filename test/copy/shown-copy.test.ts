/**
 * Every word the bot shows, scanned: the cards' templates (cards/*.json), every string in the code
 * (src/**), and every sample card rendered. The bot speaks je-form ("uw" → "je", issue 14.5) and
 * shows no zero-width or other invisible characters in its own copy; the card escaper may put a
 * zero-width space into user text only where Markdown or a binding must be broken.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { CardRenderer } from '../../src/teams/cards/card-renderer';
import { cardFixtures } from '../cards/card-fixtures';

const root = join(__dirname, '..', '..');
const FORMAL_YOU = /(^|[^\p{L}])[Uu]w(?=[^\p{L}]|$)/u;
const INVISIBLE = /\u200B|\u200C|\u200D|\u2060|\uFEFF/u;

/**
 * Strings in the code that are no shown copy, with the reason: word lists that read what a user
 * typed, and the escaping that inserts or strips invisible characters on purpose.
 */
const NOT_COPY: Readonly<Record<string, { reason: string; allowed: (text: string) => boolean }>> = {
  'src/domain/intake/home-address.ts': { reason: 'words recognised in typed addresses', allowed: (t) => t === 'uw' },
  'src/teams/cards/escape.ts': { reason: 'the card escaper (also breaks ${ in a prefilled input)', allowed: (t) => /^\u200B$/.test(t) || t === '$\u200B{' },
  'src/teams/intake/intake-cards.ts': { reason: 'breaks ${ in a prefilled input', allowed: (t) => t === '$\u200B' },
  'src/teams/meeting/meeting-cards.ts': { reason: 'breaks ${ in a prefilled input', allowed: (t) => t === '$\u200B{' },
};

function files(dir: string, ext: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? files(path, ext) : entry.name.endsWith(ext) ? [path] : [];
  });
}

/** Every string literal and template text in a TypeScript file (comments are no copy). */
function codeStrings(path: string): string[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node.text);
    else if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) found.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function jsonStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(jsonStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(jsonStrings);
  return [];
}

/** The strings that break a rule, with where they are. */
function offenders(rule: RegExp): string[] {
  const inCards = files(join(root, 'cards'), '.json').flatMap((path) =>
    jsonStrings(JSON.parse(readFileSync(path, 'utf8'))).filter((t) => rule.test(t)).map((t) => `${relative(root, path)}: ${JSON.stringify(t)}`),
  );
  const inCode = files(join(root, 'src'), '.ts').flatMap((path) => {
    const file = relative(root, path).split('\\').join('/');
    return codeStrings(path)
      .filter((t) => rule.test(t) && !NOT_COPY[file]?.allowed(t))
      .map((t) => `${file}: ${JSON.stringify(t)}`);
  });
  return [...inCards, ...inCode];
}

/**
 * Where the escaper may put a zero-width space into user text: inside "${", "{{", an HTML entity,
 * a Markdown link ("](" "][" "]:") and before a list or heading marker at the start of a line.
 */
const NEEDED_BREAK = /\$\u200B\{|\{\u200B\{|&\u200B(?=#?[0-9A-Za-z]+;)|\]\u200B(?=\s*[([:])|(^|\n)[ \t]*\u200B(?=[ \t]*[#\-+=\d])/gu;

describe('shown copy', () => {
  it('is never formal: no "uw" in the cards or the code (je-form, issue 14.5)', () => {
    expect(offenders(FORMAL_YOU)).toEqual([]);
  });

  it('has no zero-width or invisible characters in the cards or the code', () => {
    expect(offenders(INVISIBLE)).toEqual([]);
  });

  const renderer = new CardRenderer();
  const samples = Object.entries(cardFixtures).flatMap(([name, models]) => models.map((model, i) => [`${name} #${i + 1}`, name, model] as const));

  it.each(samples)('%s, rendered, is je-form and has a zero-width space only where user text must be broken', (_label, name, model) => {
    const strings = jsonStrings(renderer.render(name, model));
    expect(strings.filter((t) => FORMAL_YOU.test(t))).toEqual([]);
    expect(strings.map((t) => t.replace(NEEDED_BREAK, '')).filter((t) => INVISIBLE.test(t))).toEqual([]);
  });

  it('keeps "[adres verwijderd]" and the level buttons free of zero-width spaces', () => {
    const warning = jsonStrings(renderer.render('intake-address-warning', cardFixtures['intake-address-warning'][0]));
    const removed = warning.filter((t) => t.includes('[adres verwijderd]'));
    expect(removed.length).toBeGreaterThan(0);
    for (const text of removed) expect(text).not.toMatch(INVISIBLE);
    const levelButtons = cardFixtures['intake-question']
      .map((model) => jsonStrings(renderer.render('intake-question', model)))
      .find((strings) => strings.includes('1. Emotioneel gedrag ("ik")'));
    expect(levelButtons).toBeDefined();
  });
});
