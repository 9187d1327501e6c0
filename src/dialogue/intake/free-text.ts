/**
 * Turns what an office holder types in a Teams chat into clean plain text, and reads short
 * Dutch answers (ja/nee, a choice from a list). Teams sends formatted messages as HTML-ish text
 * (`<p>`, `<b>`, `<at>` mentions, `<img alt="😀">` for emoji, entities); what is stored and
 * shown again is plain text. Markdown and `${…}` are kept as typed: whoever puts the text in a
 * card or template must treat it as data.
 */

/** Limits for one free-text answer. */
export interface FreeTextOptions {
  /** Most characters (Unicode code points) allowed after cleaning. */
  maxLength: number;
  /** Whether an empty answer is refused. */
  required: boolean;
}

/** A cleaned answer, or a Dutch message saying why it was refused. */
export type CleanedText = { ok: true; value: string } | { ok: false; message: string };

/** One answer in a list of choices, with the words a user may type for it. */
export interface ChoiceOption<V extends string = string> {
  value: V;
  labels: readonly string[];
}

const NUMBER_FORMAT = new Intl.NumberFormat('nl-NL');

/** Tags whose content is never text. */
const DROPPED_ELEMENTS = ['script', 'style', 'head', 'title', 'template', 'noscript'];
/** Tags that end a line. */
const BLOCK_END_RE = /<\/(?:p|div|h[1-6]|tr|blockquote|pre|ul|ol|table)\s*>|<br\s*\/?>|<hr\b[^<>]*>/gi;
const LIST_ITEM_RE = /<li\b[^<>]*>/gi;
const IMAGE_RE = /<img\b[^<>]*>/gi;
const ALT_RE = /\balt\s*=\s*(?:"([^"]*)"|'([^']*)')/i;
/**
 * Tags Teams and mail clients produce, removed with their content kept. Anything else that looks
 * like a tag ("<geen naam>") stays: Teams escapes angle brackets a user types, so a real tag is
 * one of these.
 */
const KNOWN_TAG_RE = /<\/?(?:p|div|span|b|strong|i|em|u|s|strike|del|ins|at|a|ul|ol|li|h[1-6]|blockquote|pre|code|table|thead|tbody|tfoot|tr|td|th|caption|sup|sub|font|emoji|systemspan|readonly|mark|small|big|center|section|article|header|footer|nav|iframe|object|embed|svg|math|meta|link|base|form|input|button|textarea|select|option|label|body|html|script|style|head|title|template|noscript|img|br|hr)\b[^<>]*>/gi;
const ENTITY_RE = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(amp|lt|gt|quot|apos|nbsp));/gi;
const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
/** C0 and C1 controls except tab and newline; DEL. */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
/** Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they can make text read differently than it is stored. */
const BIDI_CONTROL_RE = /[\u202A-\u202E\u2066-\u2069]/g;
const LONE_SURROGATE_RE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Cleans one chat answer to plain text and checks it against the limits. */
export function cleanFreeText(input: unknown, options: FreeTextOptions): CleanedText {
  if (input !== undefined && input !== null && typeof input !== 'string') {
    return { ok: false, message: 'Ik kan dit antwoord niet lezen. Typ je antwoord als tekst.' };
  }
  const value = toPlainText(input ?? '');
  if (value === '') {
    return options.required
      ? { ok: false, message: 'Dit antwoord mag niet leeg zijn. Typ je antwoord in een bericht.' }
      : { ok: true, value };
  }
  const length = countCharacters(value);
  if (length > options.maxLength) {
    return {
      ok: false,
      message: `Je antwoord is ${NUMBER_FORMAT.format(length)} tekens; het maximum is ${NUMBER_FORMAT.format(options.maxLength)}. `
        + 'Kort het in of verdeel het over meerdere berichten.',
    };
  }
  return { ok: true, value };
}

/** Plain text from a Teams message: tags out, entities decoded, controls removed, NFC, tidy blank lines. */
export function toPlainText(text: string): string {
  let result = dropElements(text);
  result = result
    .replace(IMAGE_RE, (tag) => {
      const alt = ALT_RE.exec(tag);
      return alt ? (alt[1] ?? alt[2]) : '';
    })
    .replace(BLOCK_END_RE, '\n')
    .replace(LIST_ITEM_RE, '\n- ')
    .replace(KNOWN_TAG_RE, '')
    .replace(ENTITY_RE, decodeEntity)
    .replace(/\r\n?|[\u0085\u2028\u2029]/g, '\n')
    .replace(CONTROL_RE, '')
    .replace(BIDI_CONTROL_RE, '')
    .replace(/\uFEFF/g, '')
    .replace(LONE_SURROGATE_RE, '\uFFFD')
    .replace(/\u00A0/g, ' ')
    .normalize('NFC')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{4,}/g, '\n\n\n');
  return result.trim();
}

/** Counts what a person would call characters closely enough: code points, so an emoji is not two. */
function countCharacters(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/**
 * Removes comments and elements whose content is never text (`<script>…</script>`). Scans with
 * indexOf so that many unclosed openings cannot make it quadratic.
 */
function dropElements(text: string): string {
  let result = text;
  for (const name of ['!--', ...DROPPED_ELEMENTS]) {
    // ASCII-only lowering keeps every index equal to the original's.
    const lower = result.replace(/[A-Z]/g, (c) => c.toLowerCase());
    const open = `<${name}`;
    if (!lower.includes(open)) continue;
    const close = name === '!--' ? '-->' : `</${name}`;
    let output = '';
    let position = 0;
    let closingExists = true;
    for (;;) {
      const start = lower.indexOf(open, position);
      if (start < 0) break;
      if (name !== '!--' && !/^[\s/>]/.test(lower.charAt(start + open.length))) {
        // "<scripts": not this element.
        output += result.slice(position, start + 1);
        position = start + 1;
        continue;
      }
      const end = closingExists ? lower.indexOf(close, start + open.length) : -1;
      if (end < 0) {
        // No closing tag anywhere after this: later openings have none either.
        closingExists = false;
        output += result.slice(position, start + 1);
        position = start + 1;
        continue;
      }
      const afterClose = name === '!--' ? end + close.length : skipTag(lower, end);
      output += result.slice(position, start);
      position = afterClose;
    }
    result = output + result.slice(position);
  }
  return result;
}

function skipTag(lower: string, start: number): number {
  const end = lower.indexOf('>', start);
  return end < 0 ? lower.length : end + 1;
}

function decodeEntity(entity: string, decimal: string | undefined, hex: string | undefined, name: string | undefined): string {
  if (name !== undefined) return NAMED_ENTITIES[name.toLowerCase()];
  const codePoint = decimal !== undefined ? Number(decimal) : Number.parseInt(hex ?? '', 16);
  if (codePoint === 0 || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return '';
  return String.fromCodePoint(codePoint);
}

/** Lowercase, accents off, punctuation to spaces: "Ja, dat klopt!" → "ja dat klopt". */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim();
}

const YES_EMOJI = new Set(['👍', '✅', '✔', '👌', '🆗']);
const NO_EMOJI = new Set(['👎', '❌', '✖', '🚫', '⛔']);
const YES_PHRASES = new Set([
  'ja', 'j', 'jaa', 'jaaa', 'jazeker', 'ja zeker', 'jawel', 'ja hoor', 'ja graag', 'ja dat klopt', 'ja klopt',
  'ja natuurlijk', 'ja prima', 'ja is goed', 'yes', 'y', 'yep', 'ok', 'oke', 'okay', 'okee', 'prima', 'goed',
  'is goed', 'dat is goed', 'helemaal goed', 'akkoord', 'klopt', 'dat klopt', 'klopt helemaal', 'correct',
  'juist', 'inderdaad', 'zeker', 'zeker weten', 'natuurlijk', 'uiteraard', 'graag', 'absoluut', 'precies',
  'doe maar', 'zeer zeker', 'jep', 'jup', 'yup',
]);
const NO_PHRASES = new Set([
  'nee', 'n', 'neen', 'nope', 'no', 'nee hoor', 'nee dank je', 'nee dank u', 'nee dankjewel', 'nee bedankt',
  'nee klopt niet', 'nee dat klopt niet', 'niet', 'liever niet', 'klopt niet', 'dat klopt niet', 'niet waar',
  'nooit', 'welnee', 'zeker niet', 'absoluut niet', 'helemaal niet', 'niet nodig', 'hoeft niet', 'nein', 'nah',
  'neej', 'neee', 'onjuist', 'fout', 'incorrect', 'niet correct', 'niet juist',
]);
const YES_FIRST_WORDS = new Set(['ja', 'jazeker', 'jawel', 'yes', 'ok', 'oke', 'okay', 'klopt', 'prima', 'akkoord', 'correct', 'inderdaad']);
const NO_FIRST_WORDS = new Set(['nee', 'neen', 'nope', 'no', 'welnee', 'niet', 'nooit']);
const NEGATIONS = new Set(['nee', 'neen', 'niet', 'geen', 'no', 'nooit']);

/** Reads a Dutch yes/no answer; undefined when it is neither or both ("ja en nee", "weet ik niet"). */
export function parseYesNo(text: string): boolean | undefined {
  // Variation selector and skin tones off, so "👍🏽" is "👍".
  const bare = text.replace(/\s+|\uFE0F|\uD83C[\uDFFB-\uDFFF]/g, '');
  if (YES_EMOJI.has(bare)) return true;
  if (NO_EMOJI.has(bare)) return false;
  const folded = fold(text);
  if (YES_PHRASES.has(folded)) return true;
  if (NO_PHRASES.has(folded)) return false;
  const [first, ...rest] = folded.split(' ');
  if (YES_FIRST_WORDS.has(first) && !rest.some((w) => NEGATIONS.has(w))) return true;
  if (NO_FIRST_WORDS.has(first) && !rest.some((w) => YES_FIRST_WORDS.has(w))) return false;
  return undefined;
}

/** An option's number as typed: "2", "2.", "2)", "optie 2", "nummer 2 graag". */
const NUMBERED_RE = /^(?:(?:optie|keuze|nummer|nr\.?|no\.?|antwoord)\s*)?(\d{1,3})\s*[.):]?(?:\s+(.*))?$/;

/**
 * Picks one option from what a user typed: a label (any case, accents optional), its number in
 * the list ("2", "2.", "optie 2"), the unique start of a label ("fys" for "Fysiek geweld"), a word
 * inside one label ("geweld"), or a sentence that names exactly one label. Undefined when nothing
 * or more than one option fits.
 */
export function parseChoice<V extends string>(text: string, options: readonly ChoiceOption<V>[]): V | undefined {
  const typed = fold(text);
  if (typed === '') return undefined;
  const labelled = options.map((option) => ({ value: option.value, labels: option.labels.map(fold).filter((l) => l !== '') }));
  const unique = (fits: (label: string) => boolean): V | undefined | 'ambiguous' => {
    const values = new Set(labelled.filter((o) => o.labels.some(fits)).map((o) => o.value));
    if (values.size > 1) return 'ambiguous';
    return values.size === 1 ? [...values][0] : undefined;
  };
  const settle = (result: V | undefined | 'ambiguous'): V | undefined => (result === 'ambiguous' ? undefined : result);

  const exact = unique((label) => label === typed);
  if (exact !== undefined) return settle(exact);

  const numbered = NUMBERED_RE.exec(text.normalize('NFKC').trim().toLowerCase());
  if (numbered) {
    const index = Number(numbered[1]) - 1;
    const byNumber = index >= 0 && index < options.length ? options[index].value : undefined;
    const words = fold(numbered[2] ?? '');
    if (words === '' || byNumber === undefined) return byNumber;
    // "2 fysiek geweld": the words must not point at another option.
    const byWords = byText(words, unique);
    return byWords === undefined || byWords === byNumber ? byNumber : undefined;
  }
  return settle(byText(typed, unique));
}

function byText<V extends string>(
  typed: string,
  unique: (fits: (label: string) => boolean) => V | undefined | 'ambiguous',
): V | undefined | 'ambiguous' {
  const exact = unique((label) => label === typed);
  if (exact !== undefined) return exact;
  if (typed.length >= 2) {
    const prefix = unique((label) => label.startsWith(typed));
    if (prefix !== undefined) return prefix;
  }
  if (typed.length >= 3) {
    const wordStart = unique((label) => ` ${label}`.includes(` ${typed}`));
    if (wordStart !== undefined) return wordStart;
  }
  return unique((label) => ` ${typed} `.includes(` ${label} `));
}
