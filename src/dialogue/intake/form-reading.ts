import { z } from 'zod';
import { cleanFreeText } from './free-text';
import { INTAKE_VALUE_FIELD } from './intake-prompt';
import { countCharacters, tooLong, RAW_TEXT_MAX } from './answer-reading';

/**
 * Reading a question card's form (Action.Submit data: any shape until zod says otherwise). Each
 * reader cleans like the chat does and turns the first problem into one Dutch sentence.
 */

export const FORM_UNREADABLE = 'Het formulier kon niet worden gelezen. Vul het opnieuw in, of typ je antwoord in de chat.';

/** A text input: cleaned like a chat message; empty becomes undefined. */
export function formText(label: string, maxLength: number, required: boolean) {
  return z.unknown().transform((raw, ctx): string | undefined => {
    if (raw === undefined || raw === null) raw = '';
    if (typeof raw !== 'string') {
      ctx.addIssue({ code: 'custom', message: `"${label}" moet tekst zijn.` });
      return z.NEVER;
    }
    if (raw.length > RAW_TEXT_MAX) {
      ctx.addIssue({ code: 'custom', message: tooLong(label, raw.length, maxLength) });
      return z.NEVER;
    }
    const cleaned = cleanFreeText(raw, { maxLength: Number.MAX_SAFE_INTEGER, required: false });
    const value = cleaned.ok ? cleaned.value : '';
    if (value === '') {
      if (required) ctx.addIssue({ code: 'custom', message: `Vul "${label}" in.` });
      return undefined;
    }
    const length = countCharacters(value);
    if (length > maxLength) {
      ctx.addIssue({ code: 'custom', message: tooLong(label, length, maxLength) });
      return z.NEVER;
    }
    return value;
  });
}

const TRUE_WORDS = new Set(['true', 'ja', 'yes', 'on', '1']);
const FALSE_WORDS = new Set(['false', 'nee', 'no', 'off', '0']);

/** A toggle or yes/no choice: Teams sends "true"/"false" strings. */
export function formBoolean(label: string, required: boolean) {
  const message = `Kies bij "${label}" ja of nee.`;
  return z.unknown().transform((raw, ctx): boolean | undefined => {
    if (typeof raw === 'boolean') return raw;
    if (raw === undefined || raw === null || raw === '') {
      if (required) ctx.addIssue({ code: 'custom', message });
      return undefined;
    }
    const word = typeof raw === 'string' && raw.length < 10 ? raw.trim().toLowerCase() : '';
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  });
}

/** The message when no option of a required choice was picked. */
function pickOneOf(label: string): string {
  return `Kies bij "${label}" een van de opties.`;
}

/** One value from a fixed list (a ChoiceSet); numbers are accepted as their text. */
export function formChoice<V extends string>(label: string, values: readonly V[], required: boolean) {
  return z.unknown().transform((raw, ctx): V | undefined => {
    const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' && raw.length < 200 ? raw.trim() : raw;
    if (text === undefined || text === null || text === '') {
      if (required) ctx.addIssue({ code: 'custom', message: pickOneOf(label) });
      return undefined;
    }
    if (typeof text === 'string' && (values as readonly string[]).includes(text)) return text as V;
    ctx.addIssue({ code: 'custom', message: `Kies bij "${label}" een van de opties uit de lijst.` });
    return z.NEVER;
  });
}

/** Several values from a fixed list: a multi-select ChoiceSet sends "a,b"; an array is accepted too. */
export function formMultiChoice<V extends string>(label: string, values: readonly V[]) {
  return z.unknown().transform((raw, ctx): V[] => {
    let parts: unknown[];
    if (typeof raw === 'string' && raw.length < 2000) parts = raw.split(',');
    else if (Array.isArray(raw) && raw.length <= 50) parts = raw;
    else if (raw === undefined || raw === null) parts = [];
    else {
      ctx.addIssue({ code: 'custom', message: `Kies bij "${label}" een of meer opties uit de lijst.` });
      return z.NEVER;
    }
    const chosen: V[] = [];
    for (const part of parts) {
      const value = typeof part === 'string' ? part.trim() : part;
      if (value === '') continue;
      if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
        ctx.addIssue({ code: 'custom', message: `Kies bij "${label}" alleen opties uit de lijst.` });
        return z.NEVER;
      }
      if (!chosen.includes(value as V)) chosen.push(value as V);
    }
    return chosen;
  });
}

/** Parses card values with a zod object (unknown keys dropped); the first problem becomes the Dutch error. */
export function readForm<T extends z.ZodRawShape>(shape: T, values: unknown): { ok: true; data: z.output<z.ZodObject<T>> } | { ok: false; error: string } {
  const result = z.object(shape).safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const custom = result.error.issues.find((issue) => issue.code === 'custom');
  return { ok: false, error: custom?.message ?? FORM_UNREADABLE };
}

export function valueField(label: string, maxLength: number, required: boolean) {
  return { [INTAKE_VALUE_FIELD]: formText(label, maxLength, required) };
}


export function valueChoice<V extends string>(label: string, values: readonly V[]) {
  return {
    [INTAKE_VALUE_FIELD]: formChoice(label, values, true).transform((value, ctx) => {
      if (value === undefined) {
        ctx.addIssue({ code: 'custom', message: pickOneOf(label) });
        return z.NEVER;
      }
      return value;
    }),
  };
}
