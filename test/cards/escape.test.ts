/** User text on cards shows exactly what was typed, formats nothing, links nowhere and evaluates nothing. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CardRenderer } from '../../src/teams/cards/card-renderer';
import { DEFAULT_MAX_CARD_TEXT, toCardText } from '../../src/teams/cards/escape';
import { cardProblems } from '../support/card-checks';

/** What a reader sees: zero-width spaces are invisible and look-alikes read as the original character. */
function visible(text: string): string {
  const originals: Record<string, string> = { '\u2217': '*', '\uFF3F': '_', '\u02CB': '`', '\u223C': '~', '\uFF1C': '<', '\uFF1E': '>' };
  return text.replace(/\u200B/g, '').replace(/[\u2217\uFF3F\u02CB\u223C\uFF1C\uFF1E]/g, (c) => originals[c]);
}

/** Markdown a Teams card would act on; none of it may survive escaping. */
const markdownSyntax: [string, RegExp][] = [
  ['link or image', /\]\s*[([:]/],
  ['bold or italic', /[*_]/],
  ['code', /`/],
  ['strikethrough', /~/],
  ['HTML or autolink', /[<>]/],
  ['heading, list or rule at line start', /^[ \t]*([#\-+=]|\d+[.)](\s|$))/m],
  ['template binding', /\$\{/],
  ['card function', /\{\{/],
  ['HTML entity', /&#?[0-9a-z]+;/i],
];

describe('toCardText', () => {
  it.each([
    ['a template binding', 'Zie ${$root.secret} en ${1+1}'],
    ['a Markdown link', '[klik](https://evil.example)'],
    ['an image and a reference link', '![x](https://evil.example/p.png) [hier][1]\n\n[1]: https://evil.example'],
    ['HTML', '<b>x</b> <a href="https://evil.example">y</a> <https://evil.example>'],
    ['bold, italic, code and strikethrough', '**vet** _cursief_ *ook* `code` ~~weg~~'],
    ['headings and lists', '# Kop\n## Sub\n- punt\n+ plus\n1. een\n2) twee\nTitel\n===\n---'],
    ['card functions and entities', '{{DATE(2026-01-01T10:00:00Z, SHORT)}} &lt;b&gt; &#x5B;'],
  ])('shows %s literally and inertly', (_label, input) => {
    const output = toCardText(input);
    for (const [kind, pattern] of markdownSyntax) expect({ kind, found: pattern.test(output) }).toEqual({ kind, found: false });
    expect(visible(output)).toBe(input);
  });

  it('keeps ordinary Dutch text, newlines, emoji and names exactly as typed', () => {
    const text = 'Op 3 maart stond hij om 21.00 uur bij het gemeentehuis 😡 👨‍👩‍👧 🇳🇱\nHij riep: "Ik weet waar je woont!" – 100% zeker, €50 schade.';
    expect(toCardText(text)).toBe(text);
    expect(toCardText("Anne-Marie O'Brien-van den Berg")).toBe("Anne-Marie O'Brien-van den Berg");
  });

  it('removes control characters, NUL bytes and bidi overrides, and normalises line ends and tabs', () => {
    expect(toCardText('a\u0000b\u0007c\u001Bd\r\ne\rf\tg\u0085h')).toBe('abcd\ne\nf gh');
    // The classic trick: an RTL override makes "gnp.exe" read as "exe.png".
    expect(toCardText('foto\u202Egnp.exe')).toBe('fotognp.exe');
    expect(toCardText('\u2066x\u2069\u200Ey\u200F\uFEFF')).toBe('xy');
  });

  it('normalises to NFC and replaces broken UTF-16', () => {
    expect(toCardText('Cafe\u0301')).toBe('Caf\u00E9');
    expect(toCardText('a\uD800b\uDC00c')).toBe('a\uFFFDb\uFFFDc');
  });

  it('cuts long text at the maximum length with an ellipsis, never inside an emoji', () => {
    const huge = 'x'.repeat(100 * 1024);
    const cut = toCardText(huge);
    expect(cut).toHaveLength(DEFAULT_MAX_CARD_TEXT);
    expect(cut.endsWith('x…')).toBe(true);
    expect(toCardText('abcdefghij', 5)).toBe('abcd…');
    expect(toCardText('abcde', 5)).toBe('abcde');
    const emoji = toCardText('😀😀😀😀😀', 6);
    expect(emoji).toBe('😀😀…');
    expect(toCardText('👨‍👩‍👧👨‍👩‍👧', 9)).toBe('👨‍👩‍👧…');
  });

  it('stays within the maximum even when escaping lengthens the text', () => {
    const text = toCardText(']'.repeat(50), 20);
    expect(text.length).toBeLessThanOrEqual(20);
    expect(text.endsWith('…')).toBe(true);
  });

  it('handles a 100 KB hostile string quickly', () => {
    const hostile = '${x}[a](b)**<i>\u0000\u202E'.repeat(6000);
    const started = process.hrtime.bigint();
    const output = toCardText(hostile);
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(500);
    expect(output.length).toBeLessThanOrEqual(DEFAULT_MAX_CARD_TEXT);
    expect(output).not.toMatch(/\$\{|\]\(|\*|<|\u202E/);
    expect(output.includes('\u0000')).toBe(false);
  });

  it('returns an empty string for missing text and rejects a nonsensical maximum', () => {
    expect(toCardText(undefined)).toBe('');
    expect(toCardText(null)).toBe('');
    expect(() => toCardText('x', 0)).toThrow(RangeError);
  });
});

describe('escaped text in a rendered card', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cards-'));
    writeFileSync(join(dir, 'user-text.json'), JSON.stringify({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'TextBlock', text: '${text}', wrap: true },
        { type: 'FactSet', facts: [{ $data: '${facts}', title: '${title}', value: '${value}' }] },
      ],
    }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('still parses and validates, and shows no secret from the view-model', () => {
    const nasty = ['${$root.secret}', '[klik](https://evil.example)', '<b>x</b>', '**vet**', '😀\u202Eabc', 'a\u0000b', 'z'.repeat(100 * 1024)];
    const card = new CardRenderer(dir).render('user-text', {
      secret: 'GEHEIM',
      text: toCardText(nasty.join('\n')),
      facts: nasty.map((n, i) => ({ title: toCardText(`Veld ${i}`), value: toCardText(n, 200) })),
    });
    expect(cardProblems(card)).toEqual([]);
    expect(JSON.stringify(card)).not.toContain('GEHEIM');
    expect(JSON.stringify(card).length).toBeLessThan(5000);
  });
});
