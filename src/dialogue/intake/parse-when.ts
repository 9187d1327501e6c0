import { DateTime } from 'luxon';
import { DUTCH_DATE_FORMAT, formatDutchDate, formatDutchDateTime } from '../../copy/dates.copy';

/**
 * Reads "when did it happen?" as an office holder types it in Dutch in a chat.
 *
 * Choices (tests pin each one):
 * - Everything is read in Europe/Amsterdam; `at` is a plain Date (an instant, so UTC).
 * - A part of the day without a time gets a representative hour and `approximate: true`:
 *   ochtend/morgen 09:00, middag 14:00, avond 20:00, nacht 03:00. "Vannacht" (and "gisternacht",
 *   "afgelopen nacht") is the night that ended this morning; "<day>nacht" is the night after that
 *   day, as in Dutch ("zaterdagnacht" = Saturday into Sunday); a date with "'s nachts" is the
 *   early hours of that date. An hour from 18:00 in a night named after its morning falls on the
 *   evening before ("vannacht 23:00" = yesterday 23:00). When the representative hour is
 *   still to come but that part of the day has begun (ochtend 06:00, middag 12:00, avond 18:00,
 *   nacht 00:00), `at` is now; when the part has not begun yet, it is refused as future.
 * - A date without a time gives `timeKnown: false` and the start of that local day; the caller
 *   asks for the time.
 * - A time without a date is today. A time later than now is refused as future, never moved to
 *   yesterday. Up to 5 minutes ahead is clock skew: clamped to now.
 * - A weekday is the most recent one, today included ("maandag" on a Monday is today, unless
 *   the time given lies ahead: then it is a week ago); "afgelopen"/"vorige"/"jl." exclude today. A day-month without a year is its most recent past
 *   occurrence. "12.11" is a time (12:11); a date with dots needs a year ("12.11.2026").
 * - DST: a time that does not exist (02:30 on the spring-forward night) is read on the clock
 *   as it was before the change and so shows as 03:30; a time that occurs twice (02:30 on the
 *   fall-back night) is the first occurrence (summer time), which makes deadlines earlier, not later.
 * - Older than 5 years is refused as tooOld.
 */

/** The zone in which users speak about time. */
export const INCIDENT_ZONE = 'Europe/Amsterdam';
const LOCALE = 'nl';
const CLOCK_SKEW_MINUTES = 5;
const MAX_AGE_YEARS = 5;

/** The answer to "wanneer gebeurde het?", or a Dutch explanation of why it was not accepted. */
export type ParsedIncidentTime =
  | {
      ok: true;
      at: Date;
      /** Dutch, for a confirmation: "donderdag 12 november 2026 om 09:30". */
      display: string;
      /** False when only a date was given: `at` is the start of that day and the time is still to be asked. */
      timeKnown: boolean;
      /** True when the hour is a representative one for a part of the day ("gisteravond"). */
      approximate: boolean;
    }
  | { ok: false; reason: 'unrecognised' | 'future' | 'tooOld'; message: string };

type PartOfDay = 'ochtend' | 'middag' | 'avond' | 'nacht';

const PART_HOUR: Readonly<Record<PartOfDay, number>> = { ochtend: 9, middag: 14, avond: 20, nacht: 3 };
/** The hour at which a part of the day begins (nacht: midnight of the day it ends). */
const PART_START_HOUR: Readonly<Record<PartOfDay, number>> = { ochtend: 6, middag: 12, avond: 18, nacht: 0 };
const PART_LABEL: Readonly<Record<PartOfDay, string>> = {
  ochtend: "'s ochtends",
  middag: "'s middags",
  avond: "'s avonds",
  nacht: "'s nachts",
};

const WEEKDAYS: Readonly<Record<string, number>> = {
  maandag: 1, ma: 1, dinsdag: 2, di: 2, woensdag: 3, wo: 3, donderdag: 4, do: 4,
  vrijdag: 5, vr: 5, zaterdag: 6, za: 6, zondag: 7, zo: 7,
};
const WEEKDAY_PATTERN = 'maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|ma|di|wo|do|vr|za|zo';

const MONTHS: Readonly<Record<string, number>> = {
  januari: 1, jan: 1, februari: 2, feb: 2, maart: 3, mrt: 3, maa: 3, april: 4, apr: 4, mei: 5,
  juni: 6, jun: 6, juli: 7, jul: 7, augustus: 8, aug: 8, september: 9, sep: 9, sept: 9,
  oktober: 10, okt: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};
const MONTH_PATTERN = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');

const NOW_PHRASES = new Set([
  'net', 'nu', 'net nu', 'nu net', 'zojuist', 'zonet', 'zo net', 'daarnet', 'daar net', 'zoeven', 'zo-even',
  'zo even', 'op dit moment', 'het gebeurt nu', 'gebeurt nu',
]);

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  een: 1, 'één': 1, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9, tien: 10,
  elf: 11, twaalf: 12, twintig: 20, dertig: 30, veertig: 40, vijftig: 50, anderhalf: 1.5, half: 0.5, 'een half': 0.5,
};

const FILLER_WORDS = new Set([
  'op', 'om', 'rond', 'omstreeks', 'ongeveer', 'tegen', 'ca', 'circa', 'de', 'het', 'was', 'dat', 'eerder', 'ergens',
]);
const PAST_WORDS = new Set(['afgelopen', 'vorige', 'jl', 'j.l', 'jongstleden', 'll', 'l.l']);

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[t ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(z|[+-]\d{2}:?\d{2})?)?$/;
const RELATIVE_RE = new RegExp(
  `^(?:ongeveer |zo'?n |ca\\.? |circa |ruim |bijna )?(\\d{1,3}|${Object.keys(NUMBER_WORDS).sort((a, b) => b.length - a.length).join('|')})? ?`
  + '(minuten|minuut|min|kwartier|uur|uren|dagen|dag|weken|week) geleden$',
);
/** One time of day: "14:00", "14.00 uur", "9u30", "21 uur", or a bare hour after "om"/"rond". */
const TIME_RE = /(?<=^|\s)(?:(?:om|rond|omstreeks|tegen|ongeveer|circa|ca\.?)\s+)*(?:(\d{1,2})[:.](\d{2})(?:\s*(?:uur|u))?|(\d{1,2})\s*(?:uur|u|h)(?:\s*(\d{2}))?|(?<=(?:^|\s)(?:om|rond|omstreeks|tegen)\s+)(\d{1,2}))(?=\s|$)/g;
const PART_MODIFIER_RE = /(?<=^|\s)(?:(?:'s|s|des)\s?(ochtends|morgens|middags|avonds|nachts)|in de (ochtend|morgen|middag|avond|nacht))(?=\s|$)/g;
const VAN_PART_RE = /^van ?(ochtend|morgen|middag|avond|nacht)$/;
const DAY_PART_RE = new RegExp(
  `^(vandaag|gisteren|gister|eergisteren|overmorgen|morgen|${WEEKDAY_PATTERN})? ?(ochtend|morgen|middag|avond|nacht)?$`,
);
const NUMERIC_DATE_RE = new RegExp(`^(?:(${WEEKDAY_PATTERN}) )?(\\d{1,2})([-/.])(\\d{1,2})(?:[-/.](\\d{4}|\\d{2}))?$`);
const TEXT_DATE_RE = new RegExp(`^(?:(${WEEKDAY_PATTERN}) )?(\\d{1,2})(?:e|ste|de)? (${MONTH_PATTERN})(?: (\\d{4}))?$`);
const ISO_DATE_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** What the text says, before the checks against now. */
type Reading =
  | { kind: 'instant'; at: DateTime; approximate?: PartOfDay; periodStart?: DateTime }
  | { kind: 'day'; day: DateTime }
  | { kind: 'invalid'; message: string };

/** Reads a Dutch answer to "wanneer gebeurde het?" relative to `now`. */
export function parseIncidentTime(text: string, now: Date): ParsedIncidentTime {
  const nowLocal = DateTime.fromJSDate(now, { zone: INCIDENT_ZONE }).setLocale(LOCALE);
  const normalised = normalise(text);
  const reading = normalised === '' ? undefined : read(normalised, nowLocal);
  if (reading === undefined) return { ok: false, reason: 'unrecognised', message: unrecognisedMessage(nowLocal) };
  if (reading.kind === 'invalid') return { ok: false, reason: 'unrecognised', message: reading.message };
  return check(reading, nowLocal);
}

/** Dutch display of an incident time: "donderdag 12 november 2026 om 09:30", or only the date. */
export function formatIncidentTime(at: Date, timeKnown: boolean): string {
  return timeKnown ? formatDutchDateTime(at) : formatDutchDate(at);
}

function normalise(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!?,;]+$/, '')
    .trim();
}

function read(text: string, now: DateTime): Reading | undefined {
  const iso = ISO_RE.exec(text);
  if (iso) return readIso(text, iso, now);
  if (NOW_PHRASES.has(text)) return { kind: 'instant', at: now };
  const relative = RELATIVE_RE.exec(text);
  if (relative) return readRelative(relative[1], relative[2], now);

  let rest = text;
  const times = [...rest.matchAll(TIME_RE)];
  if (times.length > 1) return undefined;
  let time: { hour: number; minute: number } | undefined;
  if (times.length === 1) {
    const m = times[0];
    time = { hour: Number(m[1] ?? m[3] ?? m[5]), minute: Number(m[2] ?? m[4] ?? 0) };
    if (time.hour > 23 || time.minute > 59) {
      return { kind: 'invalid', message: `"${m[0].trim()}" is geen geldige tijd. Schrijf de tijd als uren:minuten, bijvoorbeeld "21:30".` };
    }
    rest = rest.replace(m[0], ' ');
  }

  let modifier: PartOfDay | undefined;
  const modifiers = [...rest.matchAll(PART_MODIFIER_RE)];
  if (modifiers.length > 1) return undefined;
  if (modifiers.length === 1) {
    modifier = toPart(modifiers[0][1] ?? modifiers[0][2]);
    rest = rest.replace(modifiers[0][0], ' ');
  }

  let past = false;
  const tokens = rest.split(' ').map((t) => t.replace(/[.,]+$/, '')).filter((t) => {
    if (t === '' || FILLER_WORDS.has(t)) return false;
    if (PAST_WORDS.has(t)) {
      past = true;
      return false;
    }
    return true;
  });

  const date = readDate(tokens.join(' '), past, modifier, now);
  if (date === undefined || date.kind === 'invalid') return date;
  // A bare "om" or "afgelopen" is not an answer.
  if (date.day === undefined && date.part === undefined && time === undefined) return undefined;
  const reading = toReading(date.day ?? now.startOf('day'), date, time);
  // "Maandag 18:00" typed on a Monday morning means last Monday: the most recent past one.
  if (date.weekdayIsToday && isAhead(reading, now)) return toReading((date.day ?? now).minus({ days: 7 }), date, time);
  return reading;
}

function toReading(day: DateTime, date: DateReading, time: { hour: number; minute: number } | undefined): Reading {
  const part = date.part;
  if (time !== undefined) {
    let hour = time.hour;
    let onDay = day;
    if (part === 'middag' && hour >= 1 && hour <= 6) hour += 12;
    if (part === 'avond' && hour >= 1 && hour <= 11) hour += 12;
    if (part === 'nacht') {
      if (hour === 12) hour = 0;
      // A night named after the morning it ends in starts the evening before.
      if (hour >= 18 && date.nightEndsOnDay) onDay = day.minus({ days: 1 });
    }
    return { kind: 'instant', at: localInstant(onDay, hour, time.minute) };
  }
  if (part !== undefined) {
    return {
      kind: 'instant',
      at: localInstant(day, PART_HOUR[part], 0),
      approximate: part,
      periodStart: localInstant(day, PART_START_HOUR[part], 0),
    };
  }
  return { kind: 'day', day };
}

function isAhead(reading: Reading, now: DateTime): boolean {
  const limit = now.plus({ minutes: CLOCK_SKEW_MINUTES });
  if (reading.kind !== 'instant') return false;
  return (reading.periodStart ?? reading.at) > limit;
}

/** The date part of an answer; no `day` means today. */
interface DateReading {
  kind: 'date';
  day?: DateTime;
  part?: PartOfDay;
  /** For a night: `day` is the morning it ends in, so an evening hour belongs to the day before. */
  nightEndsOnDay?: boolean;
  /** A weekday name that is today's: may mean a week ago when today's would lie ahead. */
  weekdayIsToday?: boolean;
}

/** The date part, after the time, the part-of-day modifier and the filler words are gone. */
function readDate(text: string, past: boolean, modifier: PartOfDay | undefined, now: DateTime): DateReading | { kind: 'invalid'; message: string } | undefined {
  const today = now.startOf('day');
  const plain = (day: DateTime | undefined): DateReading => ({
    kind: 'date', day, part: modifier, nightEndsOnDay: modifier === 'nacht' && day === undefined,
  });
  // "Gisternacht", "zaterdagnacht": the night after that day, as Dutch uses it.
  const named = (day: DateTime, part: PartOfDay | undefined): DateReading => (part === 'nacht'
    ? { kind: 'date', day: day.plus({ days: 1 }), part, nightEndsOnDay: true }
    : { kind: 'date', day, part: part ?? modifier, nightEndsOnDay: false });

  if (text === '') return past ? undefined : plain(undefined);
  if (text === 'vandaag') return plain(today);
  const van = VAN_PART_RE.exec(text);
  if (van) {
    const part = toPart(van[1]);
    return { kind: 'date', day: today, part, nightEndsOnDay: part === 'nacht' };
  }
  if (past && text === 'nacht') return { kind: 'date', day: today, part: 'nacht', nightEndsOnDay: true };

  const dayPart = DAY_PART_RE.exec(text);
  if (dayPart && dayPart[1] !== undefined) {
    const part = dayPart[2] === undefined ? undefined : toPart(dayPart[2]);
    switch (dayPart[1]) {
      case 'vandaag':
        return part === 'nacht' ? { kind: 'date', day: today, part, nightEndsOnDay: true } : named(today, part);
      case 'gisteren': case 'gister': return named(today.minus({ days: 1 }), part);
      case 'eergisteren': return named(today.minus({ days: 2 }), part);
      case 'morgen': return named(today.plus({ days: 1 }), part);
      case 'overmorgen': return named(today.plus({ days: 2 }), part);
      default: {
        let back = (today.weekday - WEEKDAYS[dayPart[1]] + 7) % 7;
        if (back === 0 && past) back = 7;
        return { ...named(today.minus({ days: back }), part), weekdayIsToday: back === 0 };
      }
    }
  }

  const numeric = NUMERIC_DATE_RE.exec(text);
  if (numeric) {
    const [, weekday, d, separator, m, y] = numeric;
    if (separator === '.' && y === undefined) return undefined;
    return checkedDate(text, weekday, Number(d), Number(m), y, now, plain);
  }
  const written = TEXT_DATE_RE.exec(text);
  if (written) {
    const [, weekday, d, month, y] = written;
    return checkedDate(text, weekday, Number(d), MONTHS[month], y, now, plain);
  }
  const isoDate = ISO_DATE_RE.exec(text);
  if (isoDate) return checkedDate(text, undefined, Number(isoDate[3]), Number(isoDate[2]), isoDate[1], now, plain);
  return undefined;
}

function checkedDate(
  typed: string,
  weekday: string | undefined,
  d: number,
  m: number,
  y: string | undefined,
  now: DateTime,
  plain: (day: DateTime) => DateReading,
): DateReading | { kind: 'invalid'; message: string } {
  let day: DateTime | undefined;
  if (y !== undefined) {
    const year = y.length === 2 ? 2000 + Number(y) : Number(y);
    const candidate = DateTime.fromObject({ year, month: m, day: d }, { zone: INCIDENT_ZONE }).setLocale(LOCALE);
    if (candidate.isValid) day = candidate;
  } else {
    // Most recent past occurrence; 29-02 looks back to the last leap year.
    const today = now.startOf('day');
    for (let year = now.year; year >= now.year - 8 && day === undefined; year -= 1) {
      const candidate = DateTime.fromObject({ year, month: m, day: d }, { zone: INCIDENT_ZONE }).setLocale(LOCALE);
      if (candidate.isValid && candidate <= today) day = candidate;
    }
  }
  if (day === undefined) {
    return { kind: 'invalid', message: `"${typed}" is geen bestaande datum. Schrijf de datum als dag-maand-jaar, bijvoorbeeld "${exampleDate(now)}".` };
  }
  if (weekday !== undefined && WEEKDAYS[weekday] !== day.weekday) {
    return {
      kind: 'invalid',
      message: `${day.toFormat('d LLLL yyyy')} is een ${day.weekdayLong}, geen ${weekdayName(WEEKDAYS[weekday])}. Welke datum bedoel je?`,
    };
  }
  return plain(day);
}

function readIso(text: string, iso: RegExpExecArray, now: DateTime): Reading {
  const [, y, mo, d, h, mi, s, offset] = iso;
  const invalid: Reading = {
    kind: 'invalid',
    message: `"${text}" is geen bestaand tijdstip. Schrijf bijvoorbeeld "${exampleDate(now)} 09:30".`,
  };
  const day = DateTime.fromObject({ year: Number(y), month: Number(mo), day: Number(d) }, { zone: INCIDENT_ZONE }).setLocale(LOCALE);
  if (!day.isValid) return invalid;
  if (h === undefined) return { kind: 'day', day };
  if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) return invalid;
  if (offset === undefined) return { kind: 'instant', at: localInstant(day, Number(h), Number(mi)).set({ second: Number(s ?? 0) }) };
  const at = DateTime.fromISO(text.toUpperCase().replace(' ', 'T'), { setZone: true });
  return at.isValid ? { kind: 'instant', at: at.setZone(INCIDENT_ZONE).setLocale(LOCALE) } : invalid;
}

function readRelative(amountText: string | undefined, unit: string, now: DateTime): Reading | undefined {
  let amount = amountText === undefined ? 1 : /^\d/.test(amountText) ? Number(amountText) : NUMBER_WORDS[amountText];
  if (amount === undefined) return undefined;
  if (unit === 'kwartier') {
    amount *= 15;
    unit = 'minuten';
  }
  switch (unit) {
    case 'minuten': case 'minuut': case 'min': return { kind: 'instant', at: now.minus({ minutes: Math.round(amount) }) };
    case 'uur': case 'uren': return { kind: 'instant', at: now.minus({ minutes: Math.round(amount * 60) }) };
    case 'dag': case 'dagen':
      return Number.isInteger(amount) ? { kind: 'day', day: now.startOf('day').minus({ days: amount }) } : undefined;
    default:
      return Number.isInteger(amount) ? { kind: 'day', day: now.startOf('day').minus({ weeks: amount }) } : undefined;
  }
}

function check(reading: Exclude<Reading, { kind: 'invalid' }>, now: DateTime): ParsedIncidentTime {
  const oldest = now.minus({ years: MAX_AGE_YEARS });
  if (reading.kind === 'day') {
    const display = reading.day.setLocale(LOCALE).toFormat(DUTCH_DATE_FORMAT);
    if (reading.day > now.startOf('day')) return futureResult(display);
    if (reading.day < oldest.startOf('day')) return tooOldResult(display, now);
    return { ok: true, at: reading.day.toJSDate(), display, timeKnown: false, approximate: false };
  }

  let at = reading.at;
  const skewLimit = now.plus({ minutes: CLOCK_SKEW_MINUTES });
  if (reading.approximate !== undefined) {
    if (reading.periodStart !== undefined && reading.periodStart > skewLimit) {
      return futureResult(`${at.toFormat(DUTCH_DATE_FORMAT)} ${PART_LABEL[reading.approximate]}`);
    }
    if (at > now) at = now;
    if (at < oldest) return tooOldResult(approximateDisplay(at, reading.approximate), now);
    return { ok: true, at: at.toJSDate(), display: approximateDisplay(at, reading.approximate), timeKnown: true, approximate: true };
  }
  if (at > skewLimit) return futureResult(formatIncidentTime(at.toJSDate(), true));
  if (at > now) at = now;
  if (at < oldest) return tooOldResult(formatIncidentTime(at.toJSDate(), true), now);
  return { ok: true, at: at.toJSDate(), display: formatIncidentTime(at.toJSDate(), true), timeKnown: true, approximate: false };
}

function futureResult(display: string): ParsedIncidentTime {
  return {
    ok: false,
    reason: 'future',
    message: `${capitalise(display)} ligt nog in de toekomst. Wanneer gebeurde het? Bijvoorbeeld "net", "vandaag 14:00" of "gisteren 21:30".`,
  };
}

function tooOldResult(display: string, now: DateTime): ParsedIncidentTime {
  return {
    ok: false,
    reason: 'tooOld',
    message: `${capitalise(display)} is meer dan ${MAX_AGE_YEARS} jaar geleden. Klopt het jaartal? Schrijf bijvoorbeeld "${exampleDate(now)}".`,
  };
}

function unrecognisedMessage(now: DateTime): string {
  return `Ik begrijp niet wanneer het gebeurde. Schrijf bijvoorbeeld "net", "gisteren 21:30", "vanochtend", "maandag 14:00" of "${exampleDate(now)} 09:30".`;
}

function approximateDisplay(at: DateTime, part: PartOfDay): string {
  const local = at.setZone(INCIDENT_ZONE).setLocale(LOCALE);
  return `${local.toFormat(`${DUTCH_DATE_FORMAT} 'rond' HH:mm`)} (${PART_LABEL[part]}, geschat tijdstip)`;
}

/**
 * A local wall-clock time on a day. A time in the spring-forward gap comes out one hour later
 * (luxon's choice); of a time that occurs twice, the first occurrence is taken.
 */
function localInstant(day: DateTime, hour: number, minute: number): DateTime {
  const at = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute }, { zone: INCIDENT_ZONE });
  const earlier = at.minus({ hours: 1 });
  const sameWallClock = earlier.hour === at.hour && earlier.minute === at.minute && earlier.day === at.day;
  return (sameWallClock ? earlier : at).setLocale(LOCALE);
}

function toPart(word: string): PartOfDay {
  if (word.startsWith('ochtend') || word.startsWith('morgen')) return 'ochtend';
  if (word.startsWith('middag')) return 'middag';
  if (word.startsWith('avond')) return 'avond';
  return 'nacht';
}

function weekdayName(weekday: number): string {
  return Object.keys(WEEKDAYS).find((name) => WEEKDAYS[name] === weekday && name.length > 2) ?? '';
}

/** An example date a week before now, so the example itself would be accepted. */
function exampleDate(now: DateTime): string {
  return now.minus({ days: 7 }).toFormat('d-M-yyyy');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
