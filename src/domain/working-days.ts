import Holidays from 'date-holidays';
import { DateTime } from 'luxon';

/** The one time zone in which days are counted and shown. */
export const AMSTERDAM = 'Europe/Amsterdam';

/** A calendar day in Europe/Amsterdam as 'yyyy-MM-dd'. */
export type LocalDate = string;

/** The days that art. 3 of the Algemene termijnenwet names; Goede Vrijdag is not among them. */
export const PUBLIC_HOLIDAY_NAMES = {
  nieuwjaarsdag: 'Nieuwjaarsdag',
  tweedePaasdag: 'Tweede Paasdag',
  koningsdag: 'Koningsdag',
  bevrijdingsdag: 'Bevrijdingsdag',
  hemelvaartsdag: 'Hemelvaartsdag',
  tweedePinksterdag: 'Tweede Pinksterdag',
  eersteKerstdag: 'Eerste Kerstdag',
  tweedeKerstdag: 'Tweede Kerstdag',
} as const;
export type PublicHolidayKey = keyof typeof PUBLIC_HOLIDAY_NAMES;

export interface PublicHoliday {
  readonly key: PublicHolidayKey;
  readonly date: LocalDate;
  /** Dutch name as users see it. */
  readonly name: string;
}

/** Koningsdag (27 April, or the 26th when that is a Sunday) exists in this form since 2014. */
export const FIRST_SUPPORTED_YEAR = 2014;

// date-holidays supplies the Easter-based feasts; its rule strings identify them. It also lists
// Goede Vrijdag, Pasen, Pinksteren and Bevrijdingsdag (only as 'school'), which the law does not use.
const MOVABLE_FEASTS_BY_RULE: Readonly<Record<string, PublicHolidayKey>> = {
  'easter 1': 'tweedePaasdag',
  'easter 39': 'hemelvaartsdag',
  'easter 50': 'tweedePinksterdag',
};

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseLocalDate(date: LocalDate): DateTime {
  const parsed = LOCAL_DATE.test(date) ? DateTime.fromISO(date, { zone: AMSTERDAM }) : DateTime.invalid('format');
  if (!parsed.isValid) {
    throw new RangeError(`Not a calendar date (yyyy-MM-dd): ${date}`);
  }
  return parsed;
}

function localDate(year: number, month: number, day: number): LocalDate {
  return DateTime.fromObject({ year, month, day }, { zone: AMSTERDAM }).toISODate() as LocalDate;
}

/** The Amsterdam calendar day on which an instant falls. */
export function amsterdamDate(instant: Date): LocalDate {
  return DateTime.fromJSDate(instant, { zone: AMSTERDAM }).toISODate() as LocalDate;
}

/**
 * Working days under the Algemene termijnenwet: Monday to Friday except its public holidays.
 * Holds a per-instance cache of the holidays by year; create one per use case or per process.
 */
export class WorkingDayCalendar {
  private readonly source = new Holidays('NL');
  private readonly byYear = new Map<number, readonly PublicHoliday[]>();

  /** The public holidays of a year in date order (a holiday on a weekend is still listed). */
  publicHolidays(year: number): readonly PublicHoliday[] {
    const cached = this.byYear.get(year);
    if (cached !== undefined) {
      return cached;
    }
    const holidays = this.build(year);
    this.byYear.set(year, holidays);
    return holidays;
  }

  /** True when the date is one of the public holidays. */
  isPublicHoliday(date: LocalDate): boolean {
    const day = parseLocalDate(date);
    return this.publicHolidays(day.year).some((holiday) => holiday.date === date);
  }

  /** True on Monday to Friday unless it is a public holiday. */
  isWorkingDay(date: LocalDate): boolean {
    const day = parseLocalDate(date);
    return day.weekday <= 5 && !this.isPublicHoliday(date);
  }

  /** The n-th working day strictly after the given date (n ≥ 1). */
  nthWorkingDayAfter(date: LocalDate, n: number): LocalDate {
    if (!Number.isInteger(n) || n < 1) {
      throw new RangeError(`n must be a positive integer, got ${n}`);
    }
    let day = parseLocalDate(date);
    let found = 0;
    while (found < n) {
      day = day.plus({ days: 1 });
      if (this.isWorkingDay(day.toISODate() as LocalDate)) {
        found += 1;
      }
    }
    return day.toISODate() as LocalDate;
  }

  private build(year: number): readonly PublicHoliday[] {
    if (!Number.isInteger(year) || year < FIRST_SUPPORTED_YEAR || year > 9999) {
      throw new RangeError(`Working days are defined from ${FIRST_SUPPORTED_YEAR} on, got ${year}`);
    }
    const april27 = DateTime.fromObject({ year, month: 4, day: 27 }, { zone: AMSTERDAM });
    const fixed: [PublicHolidayKey, LocalDate][] = [
      ['nieuwjaarsdag', localDate(year, 1, 1)],
      ['koningsdag', localDate(year, 4, april27.weekday === 7 ? 26 : 27)],
      // Every year for this law, not only every fifth year as for civil servants' days off.
      ['bevrijdingsdag', localDate(year, 5, 5)],
      ['eersteKerstdag', localDate(year, 12, 25)],
      ['tweedeKerstdag', localDate(year, 12, 26)],
    ];
    const movable: [PublicHolidayKey, LocalDate][] = [];
    for (const holiday of this.source.getHolidays(year)) {
      const key = MOVABLE_FEASTS_BY_RULE[holiday.rule];
      if (key !== undefined) {
        // date-holidays gives 'yyyy-MM-dd 00:00:00' in the country's zone.
        movable.push([key, holiday.date.slice(0, 10)]);
      }
    }
    const missing = Object.values(MOVABLE_FEASTS_BY_RULE).filter((key) => !movable.some(([k]) => k === key));
    if (missing.length > 0 || movable.length !== 3) {
      // A library update renamed its rules: fail loudly rather than count a holiday as a working day.
      throw new Error(`date-holidays did not yield exactly the movable feasts for ${year}: ${missing.join(', ')}`);
    }
    return [...fixed, ...movable]
      .map(([key, date]): PublicHoliday => ({ key, date, name: PUBLIC_HOLIDAY_NAMES[key] }))
      .sort((a, b) => a.date.localeCompare(b.date));
  }
}

/** The public holidays of a year (one-off calendar; keep a WorkingDayCalendar for repeated use). */
export function publicHolidays(year: number): readonly PublicHoliday[] {
  return new WorkingDayCalendar().publicHolidays(year);
}

/** True when the Amsterdam date is a working day (one-off calendar). */
export function isWorkingDay(date: LocalDate): boolean {
  return new WorkingDayCalendar().isWorkingDay(date);
}

/** The n-th working day strictly after the given Amsterdam date (one-off calendar). */
export function nthWorkingDayAfter(date: LocalDate, n: number): LocalDate {
  return new WorkingDayCalendar().nthWorkingDayAfter(date, n);
}
