/**
 * The compiled templates against the reference: adaptivecards-templating, which the designer's
 * preview and the cards were written for. Every card in cards/ with every sample view-model, and a
 * table of the templating rules' corners, must give deep-equal output (or fail in both).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Template } from 'adaptivecards-templating';
import { CardRenderer } from '../../src/teams/cards/card-renderer';
import { compileTemplate, TemplateError } from '../../src/teams/cards/template-compiler';
import { cardFixtures } from './card-fixtures';

const cardsDirectory = join(__dirname, '..', '..', 'cards');
const templateNames = readdirSync(cardsDirectory).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -'.json'.length));
const templateOf = (name: string): unknown => JSON.parse(readFileSync(join(cardsDirectory, `${name}.json`), 'utf8'));

/** The library's expansion, as the renderer used to call it. */
function reference(template: unknown, root: unknown): unknown {
  return new Template(template).expand({ $root: root });
}

/** `{ value }` or `{ error: true }`: the two must agree on whether expanding fails, not on the message. */
function outcome(expand: () => unknown): { value: unknown } | { error: true } {
  try {
    return { value: expand() };
  } catch {
    return { error: true };
  }
}

describe('compiled card templates give what adaptivecards-templating gives', () => {
  const samples = templateNames.flatMap((name) => (cardFixtures[name] ?? []).map((vm, i) => [`${name} #${i + 1}`, name, vm] as const));

  it('covers every card in cards/', () => {
    expect(new Set(samples.map(([, name]) => name))).toEqual(new Set(templateNames));
  });

  it.each(samples)('%s', (_label, name, viewModel) => {
    const template = templateOf(name);
    const expected = reference(template, viewModel);
    expect(compileTemplate(template)(viewModel)).toStrictEqual(expected);
    // And through the renderer the bot uses (which adds its checks).
    expect(new CardRenderer(cardsDirectory).render(name, viewModel)).toStrictEqual(expected);
  });
});

describe('the templating rules, case by case against the library', () => {
  const card = (body: unknown[]): object => ({ type: 'AdaptiveCard', version: '1.5', body });
  const text = (value: unknown, extra: object = {}): object => ({ type: 'TextBlock', text: value, ...extra });

  const cases: [string, object, unknown][] = [
    ['interpolation and whole-value bindings keep their types', card([text('Hallo ${name}, ${count} meldingen'), { type: 'FactSet', facts: '${facts}', n: '${count}', b: '${flag}', z: '${zero}' }]),
      { name: 'Anna', count: 3, facts: [{ title: 'a', value: 'b' }], flag: false, zero: 0 }],
    ['unresolved paths stay as ${…} text', card([text('${missing}'), text('x ${missing.deep} y'), text('${$root.missing}')]), { name: 'Anna' }],
    ['null as a whole value stays null; undefined drops the property', card([{ type: 'TextBlock', a: '${nothing}', b: '${$index}' }]), { nothing: null }],
    ['null inside text makes both fail', card([text('x ${nothing}')]), { nothing: null }],
    ['numbers, booleans, arrays and objects as text', card([text('${n} ${b} ${list} ${obj} ${s}')]), { n: 1.5, b: true, list: [1, [2, 3]], obj: { a: 1 }, s: '' }],
    ['property names match case-insensitively, first key wins', card([text('${NAME} ${name} ${Other.Deep}')]), { Name: 'eerste', name: 'tweede', other: { deep: 'diep' } }],
    ['array indices in paths and the length of an array', card([text('${items.1.title} ${items.9.title} ${items.length}')]), { items: [{ title: 'a' }, { title: 'b' }] }],
    ['$data repeats with $index, $data and $root', card([{ type: 'Container', $data: '${items}', items: [text('${$index}: ${title} van ${$root.owner} (${$data.title})')] }]),
      { owner: 'Anna', items: [{ title: 'een' }, { title: 'twee' }, { title: 'drie' }] }],
    ['$data with one item, no items, an object and a string', card([
      { type: 'Container', $data: '${one}', items: [text('${title}')] },
      { type: 'Container', $data: '${none}', items: [text('x')] },
      { type: 'Container', $data: '${obj}', items: [text('${title} ${$index}')] },
      { type: 'Container', $data: '${str}', items: [text('${$data}')] },
    ]), { one: [{ title: 'enig' }], none: [], obj: { title: 'object' }, str: 'tekst' }],
    ['a missing $data binds the text ${…}', card([{ type: 'Container', $data: '${missing}', items: [text('${title}')] }]), {}],
    ['undefined items keep the $data before them', card([{ type: 'Container', $data: '${items}', items: [text('${title}')] }]), { items: [{ title: 'a' }, undefined, { title: 'c' }] }],
    ['nested $data and $root', card([{ type: 'Container', $data: '${groups}', items: [{ type: 'Container', $data: '${members}', items: [text('${name} in ${$root.title} #${$index}')] }] }]),
      { title: 'Team', groups: [{ members: [{ name: 'a' }, { name: 'b' }] }, { members: [{ name: 'c' }] }] }],
    ['literal $data', card([{ type: 'Container', $data: [{ v: 1 }, { v: 2 }], items: [text('${v} ${$root.x}')] }]), { x: 'y' }],
    ['$when keeps only a true boolean', card([
      text('waar', { $when: '${yes}' }), text('onwaar', { $when: '${no}' }), text('tekst', { $when: '${str}' }), text('getal', { $when: '${one}' }),
      text('ontbreekt', { $when: '${missing}' }), text('vergelijking', { $when: "${str != ''}" }), text('constant', { $when: 'true' }),
      text('leeg', { $when: '' }), text('tekst erbij', { $when: 'x ${yes}' }), text('bool', { $when: false }),
    ]), { yes: true, no: false, str: 'ja', one: 1 }],
    ['$when per repeated item', card([{ type: 'TextBlock', $data: '${items}', $when: '${show}', text: '${title}' }]),
      { items: [{ title: 'a', show: true }, { title: 'b', show: false }, { title: 'c', show: true }] }],
    ['a removed property value is null, a removed array item disappears', card([{ type: 'Container', selectAction: { type: 'Action.Submit', $when: '${no}' }, items: [text('weg', { $when: '${no}' })] }]), { no: false }],
    ['reserved keys never reach the card', card([{ type: 'TextBlock', text: 'x', $root: 'r', $index: 1, $host: 'h' }]), {}],
    ['comparisons', card([text("${n > 1} ${n >= 3} ${n < 1} ${n <= 2} ${s == 'ja'} ${s != 'ja'} ${missing == null} ${missing != ''} ${n == 3.0000000000000001} ${list == list}")]),
      { n: 3, s: 'ja', list: [1, 2] }],
    ['comparing incomparable values fails', card([text('${n > s}')]), { n: 3, s: 'ja' }],
    ['comparing incomparable values in $when removes', card([text('weg', { $when: '${n > s}' })]), { n: 3, s: 'ja' }],
    ['comparing objects is left to adaptive-expressions', card([text('${a == b} ${a == c} ${m == m}')]), { a: { x: 1 }, b: { x: 1 }, c: { x: 2 }, m: new Map([['k', 1]]) }],
    ['logic', card([text("${yes && no} ${yes || no} ${!yes} ${!missing} ${missing || yes} ${no || missing} ${no || zero} ${exists(str) && str != ''} ${exists(missing)} ${empty(list)} ${empty(none)} ${empty(n)}")]),
      { yes: true, no: false, zero: 0, str: 'ja', list: [], none: null, n: 5 }],
    ['an || whose last operand fails gives that operand\'s value', card([{ type: 'TextBlock', a: '${no || count(n)}', b: '${count(n) || yes}' }]), { no: false, yes: true, n: 5 }],
    ['if and count', card([text("${if(flag, 'Bolder', 'Default')} ${if(missing, 'a', 'b')} ${count(items)} ${count(str)} ${count(obj)} ${count(missing)} ${count(items) > 1}")]),
      { flag: true, items: [1, 2, 3], str: 'abcd', obj: { a: 1, b: 2 } }],
    ['count of something uncountable fails', card([text('${count(n)}')]), { n: 5 }],
    ['an uncountable count as a whole value fails', card([{ type: 'TextBlock', n: '${count(n)}' }]), { n: 5 }],
    ['a function the fast path leaves to adaptive-expressions', card([text("${toUpper(name)} ${concat(name, '!')} ${join(list, '-')} ${first(list)}"), { type: 'TextBlock', text: '${concat(name, name)}' }]),
      { name: 'anna', list: ['a', 'b'] }],
    ['a Map in the view-model', card([text('${m.key} ${count(m)}')]), { m: new Map([['Key', 'waarde']]) }],
    ['keys with ${ are kept as they are', card([{ type: 'TextBlock', text: 'x', 'a${b}': 1 }]), { b: 'c' }],
    ['the whole card removed', { type: 'AdaptiveCard', version: '1.5', $when: '${no}', body: [] }, { no: false }],
  ];

  it.each(cases)('%s', (_label, template, root) => {
    const expected = outcome(() => reference(template, root));
    const actual = outcome(() => compileTemplate(template)(root));
    expect(actual).toStrictEqual(expected);
  });

  it('gives each render its own objects: changing one card changes no other', () => {
    const expand = compileTemplate(card([{ type: 'Container', $data: [{ v: 1 }], items: [text('${v}')], data: { keep: '${$data}' } }]));
    const first = expand({}) as { body: { data: { keep: { v: number } } }[] };
    first.body[0].data.keep.v = 99;
    expect(expand({})).toStrictEqual(reference(card([{ type: 'Container', $data: [{ v: 1 }], items: [text('${v}')], data: { keep: '${$data}' } }]), {}));
  });
});

describe('what the compiler refuses, loudly, when a template is compiled', () => {
  const refusal = (template: object): string => {
    try {
      compileTemplate(template);
    } catch (error) {
      if (error instanceof TemplateError && error.stage === 'compile') return error.message;
      throw error;
    }
    return 'compiled';
  };

  it('an unknown function, naming where it is', () => {
    expect(refusal({ type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: '${shout(name)}' }] })).toMatch(/^\$\.body\[0\]\.text: .*unknown function "shout"/);
  });

  it('a binding that does not parse', () => {
    expect(refusal({ type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: '${name ==}' }] })).toMatch(/^\$\.body\[0\]\.text: not a valid binding expression/);
  });

  it('$_acTemplateVersion and literal $data holding bindings', () => {
    expect(refusal({ type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: '${$_acTemplateVersion.major}' }] })).toMatch(/\$_acTemplateVersion is not supported/);
    expect(refusal({ type: 'AdaptiveCard', body: [{ type: 'TextBlock', $data: [{ v: '${x}' }], text: '${v}' }] })).toMatch(/^\$\.body\[0\]\.\$data: literal \$data/);
  });
});
