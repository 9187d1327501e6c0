/**
 * Makes user-supplied text safe to show in an Adaptive Card TextBlock or FactSet.
 *
 * Teams runs TextBlock text through its own Markdown subset, and backslash escapes are rendered
 * inconsistently across desktop and mobile (microsoft/AdaptiveCards#5590, #4677). So syntax is
 * neutralised by means every renderer shows literally: look-alike characters for emphasis, code
 * and HTML, and a zero-width space where a sequence must be broken (`](`, `${`, `{{`, list markers).
 * The text is for display only; the stored report keeps what the user typed.
 *
 * Bare URLs are left alone: they show their real target, unlike `[text](url)`, and a handler may
 * need to open the post a report is about.
 */

/** Default maximum length of card text, in UTF-16 code units, including the ellipsis. */
export const DEFAULT_MAX_CARD_TEXT = 2000;

const ZWSP = '\u200B';
const ELLIPSIS = '…';

// Controls except \n (\r and \t are normalised first), bidi embeddings/overrides/isolates/marks,
// BOM, interlinear annotations and the two non-characters.
const INVISIBLE = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u206A-\u206F\uFEFF\uFFF9-\uFFFB\uFFFE\uFFFF]/gu;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Emphasis, strikethrough, code and HTML characters, swapped for characters no Markdown reads. */
const LOOKALIKES: Record<string, string> = {
  '*': '\u2217', // ∗ asterisk operator
  _: '\uFF3F', // ＿ fullwidth low line
  '`': '\u02CB', // ˋ modifier letter grave accent
  '~': '\u223C', // ∼ tilde operator
  '<': '\uFF1C', // ＜ fullwidth less-than sign
  '>': '\uFF1E', // ＞ fullwidth greater-than sign
};
const LOOKALIKE_PATTERN = /[*_`~<>]/g;

// A line that Markdown would read as a heading, list item, rule or setext underline.
const BLOCK_MARKER_AT_LINE_START = /^(?=[ \t]*(?:[#\-+=]|\d{1,9}[.)](?:[ \t]|$)))/gm;

/** Returns `userText` as card text that displays literally and can never be evaluated as a binding. */
export function toCardText(userText: string | null | undefined, maxLength: number = DEFAULT_MAX_CARD_TEXT): string {
  if (!Number.isInteger(maxLength) || maxLength < 1) throw new RangeError('maxLength must be a positive integer');
  if (!userText) return '';

  let text = clean(userText);

  // Escaping only ever lengthens text, so nothing past maxLength + 1 can survive the cut.
  const tooLong = text.length > maxLength;
  if (tooLong) text = text.slice(0, maxLength + 1);

  text = text
    .replace(LOOKALIKE_PATTERN, (c) => LOOKALIKES[c])
    // Breaks [x](y), [x][y] and [y]: definitions; a bracket before anything else ("[adres verwijderd] en") stays as it is.
    .replace(/\](?=\s*[([:])/g, `]${ZWSP}`)
    .replace(/\$(?=\{)/g, `$${ZWSP}`) // templating: ${...}
    .replace(/\{(?=\{)/g, `{${ZWSP}`) // card functions: {{DATE(...)}}
    .replace(/&(?=#?[0-9A-Za-z]+;)/g, `&${ZWSP}`) // HTML entities that some renderers decode
    .replace(BLOCK_MARKER_AT_LINE_START, ZWSP);

  return tooLong || text.length > maxLength ? truncate(text, maxLength) : text;
}

/**
 * Text where Teams reads no Markdown (button titles, input labels, choice titles): cleaned and cut
 * like card text, but nothing is escaped, so no zero-width space ends up in a label. Only a template
 * binding is broken, because the card renderer refuses anything that looks like one.
 */
export function toPlainCardText(text: string | null | undefined, maxLength: number = DEFAULT_MAX_CARD_TEXT): string {
  if (!Number.isInteger(maxLength) || maxLength < 1) throw new RangeError('maxLength must be a positive integer');
  if (!text) return '';
  const cleaned = clean(text).replace(/\$(?=\{)/g, `$${ZWSP}`);
  return cleaned.length > maxLength ? truncate(cleaned, maxLength) : cleaned;
}

/** Broken UTF-16, line ends, tabs and invisible characters out; NFC. */
function clean(text: string): string {
  return text
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/\t/g, ' ')
    .replace(INVISIBLE, (c) => (c === '\n' ? c : ''))
    .normalize('NFC');
}

/** Cuts to at most `maxLength` code units including "…", never inside a character or grapheme. */
function truncate(text: string, maxLength: number): string {
  const budget = maxLength - ELLIPSIS.length;
  let end = 0;
  for (const { index, segment } of new Intl.Segmenter('nl', { granularity: 'grapheme' }).segment(text.slice(0, budget + 1))) {
    if (index + segment.length > budget) break;
    end = index + segment.length;
  }
  return `${text.slice(0, end).replace(/[\s\u200B]+$/u, '')}${ELLIPSIS}`;
}

/**
 * Text put back into an input (a form shown again with what was typed): inputs show no Markdown, so
 * it stays as typed (toCardText would swap characters and so change what is saved again); only a
 * template binding is broken up, and it is cut to the input's maximum length.
 */
export function toInputValue(text: string | null | undefined, maxLength: number): string {
  return (text ?? '').slice(0, maxLength).replace(/\$\{/g, '$\u200B{');
}
