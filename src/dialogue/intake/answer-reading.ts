import { cleanFreeText, parseChoice, parseYesNo, type ChoiceOption } from './free-text';

/**
 * Reading what the office holder typed in the chat: words folded for matching, "overslaan" and its
 * kin, free text cleaned and checked against its limit, and Dutch lists. Never for storing.
 */

const NUMBER_FORMAT = new Intl.NumberFormat('nl-NL');
/** Longer raw input is refused before cleaning: nobody types 64 KB into one answer. */
export const RAW_TEXT_MAX = 65_536;
/** A short answer (a choice, yes/no) is never longer than this. */
export const CHOICE_TEXT_MAX = 300;

/** Lowercase, accents off, punctuation to spaces: for matching words, never for storing. */
export function foldWords(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function hasWord(folded: string, phrase: string): boolean {
  return ` ${folded} `.includes(` ${phrase} `);
}

/** Words that skip an optional question. */
const SKIP_WORDS = new Set(['overslaan', 'sla over', 'skip', 'geen', 'niets', 'niks', 'nvt', 'n v t', 'niemand', 'geen wensen', 'geen getuigen', 'nee', 'nee dank je', 'nee bedankt']);

/** True for "overslaan" and the like. */
export function isSkipText(text: string): boolean {
  if (text.length > CHOICE_TEXT_MAX) return false;
  const folded = foldWords(text);
  return SKIP_WORDS.has(folded) || (folded !== 'geen idee' && parseYesNo(text) === false);
}

/** True only for an explicit "overslaan", which a required question refuses. */
export function isExplicitSkip(text: string): boolean {
  const folded = text.length > CHOICE_TEXT_MAX ? '' : foldWords(text);
  return folded === 'overslaan' || folded === 'sla over' || folded === 'skip';
}

/** A short chat answer, cleaned; undefined when it is too long to be a choice. */
export function choiceText(text: string): string | undefined {
  if (text.length > RAW_TEXT_MAX) return undefined;
  const cleaned = cleanFreeText(text, { maxLength: CHOICE_TEXT_MAX, required: true });
  return cleaned.ok ? cleaned.value : undefined;
}

/** A free-text chat answer, cleaned and checked against the limit. */
export function chatText(text: string, maxLength: number): { ok: true; value: string } | { ok: false; error: string } {
  if (text.length > RAW_TEXT_MAX) return { ok: false, error: tooLong(undefined, countCharacters(text), maxLength) };
  const cleaned = cleanFreeText(text, { maxLength, required: true });
  return cleaned.ok ? cleaned : { ok: false, error: cleaned.message };
}

export function countCharacters(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

export function tooLong(label: string | undefined, length: number, maxLength: number): string {
  const what = label === undefined ? 'Je antwoord' : `"${label}"`;
  const size = length > RAW_TEXT_MAX ? `meer dan ${NUMBER_FORMAT.format(RAW_TEXT_MAX)}` : NUMBER_FORMAT.format(length);
  return `${what} is ${size} tekens; het maximum is ${NUMBER_FORMAT.format(maxLength)}. Kort de tekst in.`;
}

/** Splits "bedreiging, online agressie en pesten" into its parts. */
export function splitList(text: string): string[] {
  return text
    .split(/[,;/\n+&]|\s(?:en|of|and)\s/iu)
    .map((part) => part.trim())
    .filter((part) => part !== '' && foldWords(part) !== '');
}

export function listInDutch(items: readonly string[], last = 'of'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}


/** Reads a typed list against options; the error names the first part it did not recognise. */
export function readList<V extends string>(text: string, options: readonly ChoiceOption<V>[]): { ok: true; values: V[] } | { ok: false; part?: string } {
  const typed = choiceText(text);
  if (typed === undefined) return { ok: false };
  const values: V[] = [];
  for (const part of splitList(typed)) {
    const value = parseChoice(part, options);
    if (value === undefined) return { ok: false, part: part.slice(0, 60) };
    if (!values.includes(value)) values.push(value);
  }
  return values.length === 0 ? { ok: false } : { ok: true, values };
}
