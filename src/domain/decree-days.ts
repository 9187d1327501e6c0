import { DateTime } from 'luxon';
import { z } from 'zod';

/**
 * Art. 3 lid 3 of the Algemene termijnenwet: a royal decree ("Besluit gelijkstelling van … met een
 * algemeen erkende feestdag", issued for about three years at a time) equates further days with the
 * public holidays, typically the Friday after Hemelvaart and bridge days. The days change by decree,
 * so they are configuration: this module only describes and checks them; src/config loads them.
 */

/** One decree: the years it covers and the days it equates with a public holiday ('yyyy-MM-dd'). */
export interface HolidayDecree {
  /** Free text for people reading the file, e.g. the decree's title; never used in computations. */
  readonly title?: string;
  readonly from: number;
  readonly to: number;
  readonly days: readonly string[];
}

/** Every configured decree. A year no decree covers has unknown decree days (see WorkingDayCalendar). */
export interface DecreeDays {
  readonly decrees: readonly HolidayDecree[];
}

const DATE_TEXT = /^\d{4}-\d{2}-\d{2}$/;
const year = z.number().int().min(2000).max(9999);

const decreeSchema = z
  .object({
    title: z.string().trim().min(1).max(300).optional(),
    from: year,
    to: year,
    days: z.array(z.string()).max(100),
  })
  .strict();

/** The configuration file's shape, with every check that can catch a typo. */
export const decreeDaysSchema = z
  .object({ decrees: z.array(decreeSchema).max(100) })
  .strict()
  .superRefine((config, ctx) => {
    const seenDays = new Set<string>();
    config.decrees.forEach((decree, index) => {
      if (decree.from > decree.to) {
        ctx.addIssue({ code: 'custom', path: ['decrees', index, 'to'], message: `"to" (${decree.to}) is before "from" (${decree.from})` });
      }
      config.decrees.slice(0, index).forEach((earlier, earlierIndex) => {
        if (decree.from <= earlier.to && earlier.from <= decree.to) {
          ctx.addIssue({ code: 'custom', path: ['decrees', index], message: `covers years that decrees[${earlierIndex}] covers too (${earlier.from}–${earlier.to})` });
        }
      });
      decree.days.forEach((text, dayIndex) => {
        const at = ['decrees', index, 'days', dayIndex];
        const day = DATE_TEXT.test(text) ? DateTime.fromISO(text, { zone: 'utc' }) : DateTime.invalid('format');
        if (!day.isValid) {
          ctx.addIssue({ code: 'custom', path: at, message: `"${text}" is not a date (yyyy-MM-dd)` });
          return;
        }
        if (day.year < decree.from || day.year > decree.to) {
          ctx.addIssue({ code: 'custom', path: at, message: `${text} lies outside the decree's years ${decree.from}–${decree.to}` });
        }
        // A decree only equates working days; a weekend date is a typo that would silently change nothing.
        if (day.weekday > 5) {
          ctx.addIssue({ code: 'custom', path: at, message: `${text} is a ${day.weekday === 6 ? 'Saturday' : 'Sunday'}` });
        }
        if (seenDays.has(text)) {
          ctx.addIssue({ code: 'custom', path: at, message: `${text} is listed twice` });
        }
        seenDays.add(text);
      });
    });
  });

/** Validates decree days from a file or the environment; the problems name each bad entry. */
export function parseDecreeDays(raw: unknown): { ok: true; decreeDays: DecreeDays } | { ok: false; problems: string[] } {
  const parsed = decreeDaysSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`) };
  }
  const decrees = parsed.data.decrees.map((d): HolidayDecree => ({ ...(d.title === undefined ? {} : { title: d.title }), from: d.from, to: d.to, days: [...d.days].sort() }));
  return { ok: true, decreeDays: { decrees } };
}
