import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import type { DecreeDays } from './decree-days';

/** The one time zone in which days are counted and shown. */
export const AMSTERDAM = 'Europe/Amsterdam';

/** A calendar day in Europe/Amsterdam as 'yyyy-MM-dd'. */
export type LocalDate = string;

/**
 * The days art. 3 of the Algemene termijnenwet makes free, by the paragraph (lid) that names them:
 * lid 1 the algemeen erkende feestdagen, lid 2 Goede Vrijdag, lid 3 the days a royal decree equates.
 */
export const PUBLIC_HOLIDAY_NAMES = {
  nieuwjaarsdag: 'Nieuwjaarsdag',
  goedeVrijdag: 'Goede Vrijdag',
  tweedePaasdag: 'Tweede Paasdag',
  koningsdag: 'Koningsdag',
  bevrijdingsdag: 'Bevrijdingsdag',
  hemelvaartsdag: 'Hemelvaartsdag',
  tweedePinksterdag: 'Tweede Pinksterdag',
  eersteKerstdag: 'Eerste Kerstdag',
  tweedeKerstdag: 'Tweede Kerstdag',
  decreeDay: 'Bij besluit gelijkgestelde dag',
} as const;
export type PublicHolidayKey = keyof typeof PUBLIC_HOLIDAY_NAMES;

/** The paragraph of art. 3 Algemene termijnenwet that makes a day free. */
export type HolidayParagraph = 'lid 1' | 'lid 2' | 'lid 3';

export interface PublicHoliday {
  readonly key: PublicHolidayKey;
  readonly date: LocalDate;
  /** Dutch name as users see it. */
  readonly name: string;
  readonly paragraph: HolidayParagraph;
}

/** Koningsdag (27 April, or the 26th when that is a Sunday) exists in this form since 2014. */
export const FIRST_SUPPORTED_YEAR = 2014;

// date-holidays supplies the dates of the law's feasts; its rule strings identify them. Where it
// differs from the law it is corrected here: it lists Goede Vrijdag and 5 mei only as school
// holidays, while art. 3 makes both free every year (toolchain notes, "Legal calendar").
const LAW_DAYS_BY_RULE: Readonly<Record<string, { key: PublicHolidayKey; paragraph: HolidayParagraph }>> = {
  '01-01': { key: 'nieuwjaarsdag', paragraph: 'lid 1' },
  'easter -2': { key: 'goedeVrijdag', paragraph: 'lid 2' },
  'easter 1': { key: 'tweedePaasdag', paragraph: 'lid 1' },
  '04-27 if sunday then previous saturday since 2014': { key: 'koningsdag', paragraph: 'lid 1' },
  // Every year for this law, not only every fifth year as for civil servants' days off.
  '05-05': { key: 'bevrijdingsdag', paragraph: 'lid 1' },
  'easter 39': { key: 'hemelvaartsdag', paragraph: 'lid 1' },
  'easter 50': { key: 'tweedePinksterdag', paragraph: 'lid 1' },
  '12-25': { key: 'eersteKerstdag', paragraph: 'lid 1' },
  '12-26': { key: 'tweedeKerstdag', paragraph: 'lid 1' },
};
const LAW_DAY_COUNT = Object.keys(LAW_DAYS_BY_RULE).length;

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseLocalDate(date: LocalDate): DateTime {
  const parsed = LOCAL_DATE.test(date) ? DateTime.fromISO(date, { zone: AMSTERDAM }) : DateTime.invalid('format');
  if (!parsed.isValid) {
    throw new RangeError(`Not a calendar date (yyyy-MM-dd): ${date}`);
  }
  return parsed;
}

/** The Amsterdam calendar day on which an instant falls. */
export function amsterdamDate(instant: Date): LocalDate {
  return DateTime.fromJSDate(instant, { zone: AMSTERDAM }).toISODate() as LocalDate;
}

/** The n-th working day after a date, and the years on the way whose decree days are not configured. */
export interface WorkingDayCount {
  readonly date: LocalDate;
  /** Years the count passed through that no configured decree covers; empty when every day was known. */
  readonly decreeDaysUnknownFor: readonly number[];
}

/**
 * Working days under the Algemene termijnenwet: Monday to Friday except the days of art. 3 (lid 1
 * and 2 from date-holidays, corrected; lid 3 from the configured decrees). Holds a per-instance
 * cache by year; create one per process from the configuration and pass it in.
 */
export class WorkingDayCalendar {
  private readonly source = new Holidays('NL');
  private readonly byYear = new Map<number, readonly PublicHoliday[]>();

  constructor(private readonly decreeDays: DecreeDays) {}

  /** True when a configured decree covers the year, so its lid-3 days are known. */
  decreeDaysKnown(year: number): boolean {
    return this.decreeDays.decrees.some((decree) => decree.from <= year && year <= decree.to);
  }

  /** The free days of a year in date order (a holiday on a weekend is still listed). */
  publicHolidays(year: number): readonly PublicHoliday[] {
    const cached = this.byYear.get(year);
    if (cached !== undefined) {
      return cached;
    }
    const holidays = this.build(year);
    this.byYear.set(year, holidays);
    return holidays;
  }

  /** True when the date is one of the free days of art. 3. */
  isPublicHoliday(date: LocalDate): boolean {
    const day = parseLocalDate(date);
    return this.publicHolidays(day.year).some((holiday) => holiday.date === date);
  }

  /** True on Monday to Friday unless it is a free day of art. 3. */
  isWorkingDay(date: LocalDate): boolean {
    const day = parseLocalDate(date);
    return day.weekday <= 5 && !this.isPublicHoliday(date);
  }

  /** The n-th working day strictly after the given date (n ≥ 1). */
  nthWorkingDayAfter(date: LocalDate, n: number): LocalDate {
    return this.countWorkingDays(date, n).date;
  }

  /**
   * The n-th working day strictly after the given date, with the years on the way whose decree days
   * are unknown: there the count may be a working day early, and whoever shows it must say so.
   */
  countWorkingDays(date: LocalDate, n: number): WorkingDayCount {
    if (!Number.isInteger(n) || n < 1) {
      throw new RangeError(`n must be a positive integer, got ${n}`);
    }
    let day = parseLocalDate(date);
    let found = 0;
    const unknown = new Set<number>();
    while (found < n) {
      day = day.plus({ days: 1 });
      if (!this.decreeDaysKnown(day.year)) {
        unknown.add(day.year);
      }
      if (this.isWorkingDay(day.toISODate() as LocalDate)) {
        found += 1;
      }
    }
    return { date: day.toISODate() as LocalDate, decreeDaysUnknownFor: [...unknown].sort() };
  }

  private build(year: number): readonly PublicHoliday[] {
    if (!Number.isInteger(year) || year < FIRST_SUPPORTED_YEAR || year > 9999) {
      throw new RangeError(`Working days are defined from ${FIRST_SUPPORTED_YEAR} on, got ${year}`);
    }
    const days: PublicHoliday[] = [];
    for (const holiday of this.source.getHolidays(year)) {
      const law = LAW_DAYS_BY_RULE[holiday.rule];
      if (law !== undefined) {
        // date-holidays gives 'yyyy-MM-dd 00:00:00' in the country's zone.
        days.push({ ...law, date: holiday.date.slice(0, 10), name: PUBLIC_HOLIDAY_NAMES[law.key] });
      }
    }
    if (days.length !== LAW_DAY_COUNT || new Set(days.map((d) => d.key)).size !== LAW_DAY_COUNT) {
      // A library update renamed its rules: fail loudly rather than count a holiday as a working day.
      const missing = Object.values(LAW_DAYS_BY_RULE).filter((law) => !days.some((d) => d.key === law.key)).map((law) => law.key);
      throw new Error(`date-holidays did not yield exactly the days of art. 3 Atw for ${year}; missing: ${missing.join(', ') || 'none'}`);
    }
    for (const decree of this.decreeDays.decrees) {
      for (const date of decree.days) {
        if (date.startsWith(`${year}-`)) {
          days.push({ key: 'decreeDay', date, name: PUBLIC_HOLIDAY_NAMES.decreeDay, paragraph: 'lid 3' });
        }
      }
    }
    return days.sort((a, b) => a.date.localeCompare(b.date));
  }
}
