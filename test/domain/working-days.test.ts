import { DateTime } from 'luxon';
import { SHIPPED_DECREE_DAYS } from '../../src/config/decree-days';
import { WorkingDayCalendar, amsterdamDate, type HolidayParagraph, type LocalDate } from '../../src/domain/working-days';

const calendar = new WorkingDayCalendar(SHIPPED_DECREE_DAYS);

type Weekday = 'Monday' | 'Tuesday' | 'Wednesday' | 'Thursday' | 'Friday' | 'Saturday' | 'Sunday';
/** A free day of art. 3 Algemene termijnenwet, by the paragraph that names it; 'working' for a day it does not name. */
type Expected = HolidayParagraph | 'working' | 'weekend';

/** The weekday annotations are checked too, so a row cannot say "Friday" about a Thursday. */
function weekdayOf(date: LocalDate): Weekday {
  return DateTime.fromISO(date, { locale: 'en' }).toFormat('cccc') as Weekday;
}

// One row per day: the date, its weekday, what art. 3 makes of it, and the rule the row implements.
// "lid 1": the algemeen erkende feestdagen; "lid 2": Goede Vrijdag; "lid 3": the royal decree days
// (shipped defaults, src/config/decree-days.json). 'working': a weekday the law does not name.
const DAYS: readonly [LocalDate, Weekday, Expected, string][] = [
  // 2025
  ['2025-01-01', 'Wednesday', 'lid 1', 'Nieuwjaarsdag'],
  ['2025-01-02', 'Thursday', 'working', 'the day after Nieuwjaarsdag; no decree names it in 2025'],
  ['2025-04-17', 'Thursday', 'working', 'Witte Donderdag: not named in art. 3'],
  ['2025-04-18', 'Friday', 'lid 2', 'Goede Vrijdag'],
  ['2025-04-20', 'Sunday', 'weekend', 'Eerste Paasdag: a Sunday, not named in art. 3'],
  ['2025-04-21', 'Monday', 'lid 1', 'Tweede Paasdag'],
  ['2025-04-25', 'Friday', 'working', 'the Friday before Koningsdag'],
  ['2025-04-26', 'Saturday', 'lid 1', 'Koningsdag: 26 April because 27 April 2025 is a Sunday'],
  ['2025-05-05', 'Monday', 'lid 1', '5 mei (lustrum year)'],
  ['2025-05-29', 'Thursday', 'lid 1', 'Hemelvaartsdag'],
  ['2025-05-30', 'Friday', 'lid 3', 'decree day: the Friday after Hemelvaart'],
  ['2025-06-09', 'Monday', 'lid 1', 'Tweede Pinksterdag'],
  ['2025-12-24', 'Wednesday', 'working', 'Kerstavond: not named in art. 3'],
  ['2025-12-25', 'Thursday', 'lid 1', 'Eerste Kerstdag'],
  ['2025-12-26', 'Friday', 'lid 1', 'Tweede Kerstdag'],
  ['2025-12-31', 'Wednesday', 'working', 'Oudejaarsdag: not named in art. 3'],
  // 2026
  ['2026-01-01', 'Thursday', 'lid 1', 'Nieuwjaarsdag'],
  ['2026-01-02', 'Friday', 'lid 3', 'decree day: the Friday after Nieuwjaarsdag'],
  ['2026-04-02', 'Thursday', 'working', 'Witte Donderdag: not named in art. 3'],
  ['2026-04-03', 'Friday', 'lid 2', 'Goede Vrijdag'],
  ['2026-04-06', 'Monday', 'lid 1', 'Tweede Paasdag'],
  ['2026-04-27', 'Monday', 'lid 1', 'Koningsdag'],
  ['2026-04-28', 'Tuesday', 'working', 'the day after Koningsdag'],
  ['2026-05-04', 'Monday', 'working', 'Dodenherdenking: not named in art. 3'],
  ['2026-05-05', 'Tuesday', 'lid 1', '5 mei (every year for this law, not only in lustrum years)'],
  ['2026-05-14', 'Thursday', 'lid 1', 'Hemelvaartsdag'],
  ['2026-05-15', 'Friday', 'lid 3', 'decree day: the Friday after Hemelvaart'],
  ['2026-05-24', 'Sunday', 'weekend', 'Eerste Pinksterdag: a Sunday, not named in art. 3'],
  ['2026-05-25', 'Monday', 'lid 1', 'Tweede Pinksterdag'],
  ['2026-12-24', 'Thursday', 'working', 'Kerstavond: not named in art. 3'],
  ['2026-12-25', 'Friday', 'lid 1', 'Eerste Kerstdag'],
  ['2026-12-26', 'Saturday', 'lid 1', 'Tweede Kerstdag (on a Saturday)'],
  ['2026-12-28', 'Monday', 'working', 'the Monday after Christmas'],
  // 2027
  ['2027-01-01', 'Friday', 'lid 1', 'Nieuwjaarsdag'],
  ['2027-03-26', 'Friday', 'lid 2', 'Goede Vrijdag'],
  ['2027-03-29', 'Monday', 'lid 1', 'Tweede Paasdag'],
  ['2027-04-27', 'Tuesday', 'lid 1', 'Koningsdag'],
  ['2027-04-26', 'Monday', 'working', 'the Monday before Koningsdag: no decree day in 2027'],
  ['2027-05-05', 'Wednesday', 'lid 1', '5 mei'],
  ['2027-05-06', 'Thursday', 'lid 1', 'Hemelvaartsdag'],
  ['2027-05-07', 'Friday', 'lid 3', 'decree day: the Friday after Hemelvaart'],
  ['2027-05-17', 'Monday', 'lid 1', 'Tweede Pinksterdag'],
  ['2027-12-24', 'Friday', 'working', 'Kerstavond: not named in art. 3'],
  ['2027-12-25', 'Saturday', 'lid 1', 'Eerste Kerstdag (on a Saturday)'],
  ['2027-12-27', 'Monday', 'working', 'no day in lieu of a Christmas on the weekend'],
  ['2027-12-31', 'Friday', 'working', 'Oudejaarsdag: not named in art. 3'],
  // 2028
  ['2028-01-01', 'Saturday', 'lid 1', 'Nieuwjaarsdag (on a Saturday)'],
  ['2028-01-03', 'Monday', 'working', 'no day in lieu of Nieuwjaarsdag on the weekend'],
  ['2028-04-14', 'Friday', 'lid 2', 'Goede Vrijdag'],
  ['2028-04-17', 'Monday', 'lid 1', 'Tweede Paasdag'],
  ['2028-04-27', 'Thursday', 'lid 1', 'Koningsdag'],
  ['2028-04-28', 'Friday', 'lid 3', 'decree day: the Friday after Koningsdag'],
  ['2028-05-05', 'Friday', 'lid 1', '5 mei'],
  ['2028-05-25', 'Thursday', 'lid 1', 'Hemelvaartsdag'],
  ['2028-05-26', 'Friday', 'lid 3', 'decree day: the Friday after Hemelvaart'],
  ['2028-06-05', 'Monday', 'lid 1', 'Tweede Pinksterdag'],
  ['2028-12-25', 'Monday', 'lid 1', 'Eerste Kerstdag'],
  ['2028-12-26', 'Tuesday', 'lid 1', 'Tweede Kerstdag'],
  ['2028-12-27', 'Wednesday', 'working', 'the day after Christmas'],
];

describe('working days under art. 3 Algemene termijnenwet, 2025–2028', () => {
  it.each(DAYS)('%s (%s): %s — %s', (date, weekday, expected) => {
    expect(weekdayOf(date)).toBe(weekday);
    const holiday = calendar.publicHolidays(DateTime.fromISO(date).year).find((h) => h.date === date);
    if (expected === 'working') {
      expect(holiday).toBeUndefined();
      expect(calendar.isWorkingDay(date)).toBe(true);
    } else if (expected === 'weekend') {
      expect(holiday).toBeUndefined();
      expect(calendar.isWorkingDay(date)).toBe(false);
    } else {
      expect(holiday?.paragraph).toBe(expected);
      expect(calendar.isPublicHoliday(date)).toBe(true);
      expect(calendar.isWorkingDay(date)).toBe(false);
    }
  });

  it('lists the free days of 2026 with their paragraph, in date order', () => {
    expect(calendar.publicHolidays(2026).map((h) => [h.date, h.name, h.paragraph])).toEqual([
      ['2026-01-01', 'Nieuwjaarsdag', 'lid 1'], // Thursday
      ['2026-01-02', 'Bij besluit gelijkgestelde dag', 'lid 3'], // Friday
      ['2026-04-03', 'Goede Vrijdag', 'lid 2'], // Friday
      ['2026-04-06', 'Tweede Paasdag', 'lid 1'], // Monday
      ['2026-04-27', 'Koningsdag', 'lid 1'], // Monday
      ['2026-05-05', 'Bevrijdingsdag', 'lid 1'], // Tuesday
      ['2026-05-14', 'Hemelvaartsdag', 'lid 1'], // Thursday
      ['2026-05-15', 'Bij besluit gelijkgestelde dag', 'lid 3'], // Friday
      ['2026-05-25', 'Tweede Pinksterdag', 'lid 1'], // Monday
      ['2026-12-25', 'Eerste Kerstdag', 'lid 1'], // Friday
      ['2026-12-26', 'Tweede Kerstdag', 'lid 1'], // Saturday
    ]);
  });

  it('knows every shipped decree day, 2023–2028 (art. 3 lid 3)', () => {
    const decreeDays = [2023, 2024, 2025, 2026, 2027, 2028].flatMap((year) => calendar.publicHolidays(year).filter((h) => h.paragraph === 'lid 3').map((h) => h.date));
    expect(decreeDays).toEqual([
      '2023-04-28', // Friday after Koningsdag
      '2023-05-19', // Friday after Hemelvaart
      '2024-05-10', // Friday after Hemelvaart
      '2024-12-27', // Friday after Christmas
      '2025-05-30', // Friday after Hemelvaart
      '2026-01-02', // Friday after Nieuwjaarsdag
      '2026-05-15', // Friday after Hemelvaart
      '2027-05-07', // Friday after Hemelvaart
      '2028-04-28', // Friday after Koningsdag
      '2028-05-26', // Friday after Hemelvaart
    ]);
  });

  it('keeps both feasts when Hemelvaartsdag falls on 5 mei (2016, Thursday)', () => {
    expect(calendar.publicHolidays(2016).filter((h) => h.date === '2016-05-05').map((h) => h.key).sort()).toEqual(['bevrijdingsdag', 'hemelvaartsdag']);
  });

  it('treats Saturdays and Sundays as non-working days', () => {
    expect(calendar.isWorkingDay('2026-11-28')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2026-11-29')).toBe(false); // Sunday
    expect(calendar.isWorkingDay('2026-11-30')).toBe(true); // Monday
  });
});

describe('decree days outside the configured years (art. 3 lid 3)', () => {
  it('knows the years the shipped decrees cover, and no others', () => {
    expect([2022, 2023, 2025, 2026, 2028, 2029].map((year) => [year, calendar.decreeDaysKnown(year)])).toEqual([
      [2022, false],
      [2023, true],
      [2025, true],
      [2026, true],
      [2028, true],
      [2029, false],
    ]);
  });

  it('counts the Friday after Hemelvaart 2029 (Friday 11 May) as a working day, but reports 2029 as unknown', () => {
    // Wednesday 9 May 2029 → Thursday 10 Hemelvaart skipped, Friday 11 counted (no decree known), Monday 14.
    expect(calendar.countWorkingDays('2029-05-09', 2)).toEqual({ date: '2029-05-14', decreeDaysUnknownFor: [2029] });
  });

  it('uses a newly configured decree for 2029 as soon as it is configured', () => {
    const with2029 = new WorkingDayCalendar({ decrees: [...SHIPPED_DECREE_DAYS.decrees, { from: 2029, to: 2031, days: ['2029-05-11'] }] });
    expect(with2029.isWorkingDay('2029-05-11')).toBe(false); // Friday
    expect(with2029.countWorkingDays('2029-05-09', 2)).toEqual({ date: '2029-05-15', decreeDaysUnknownFor: [] });
  });

  it('reports only the years the count actually passes through', () => {
    expect(calendar.countWorkingDays('2028-12-27', 2)).toEqual({ date: '2028-12-29', decreeDaysUnknownFor: [] }); // Wed → Fri
    expect(calendar.countWorkingDays('2028-12-28', 2)).toEqual({ date: '2029-01-02', decreeDaysUnknownFor: [2029] }); // Thu → Tue over Nieuwjaarsdag
  });

  it('without any decree configured, every year is unknown and no lid-3 day is free', () => {
    const bare = new WorkingDayCalendar({ decrees: [] });
    expect(bare.isWorkingDay('2026-05-15')).toBe(true); // Friday after Hemelvaart
    expect(bare.countWorkingDays('2026-05-13', 2)).toEqual({ date: '2026-05-18', decreeDaysUnknownFor: [2026] });
  });
});

describe('nthWorkingDayAfter', () => {
  it.each([
    ['2026-11-30', 2, '2026-12-02', 'Monday → Wednesday'],
    ['2026-11-27', 1, '2026-11-30', 'Friday → Monday, over the weekend'],
    ['2026-11-28', 2, '2026-12-01', 'Saturday → Tuesday'],
    ['2026-04-02', 2, '2026-04-08', 'Witte Donderdag → Wednesday (Goede Vrijdag lid 2, Tweede Paasdag lid 1)'],
    ['2026-05-13', 2, '2026-05-19', 'Wednesday before Hemelvaart → Tuesday (Thursday lid 1, Friday lid 3)'],
    ['2025-12-31', 2, '2026-01-06', 'Oudejaarsdag 2025 (Wednesday) → Tuesday (Nieuwjaarsdag lid 1, 2 January lid 3)'],
    ['2027-12-31', 2, '2028-01-04', 'Friday, over New Year on a Saturday → Tuesday'],
  ])('%s + %i working days = %s (%s)', (from, n, expected) => {
    expect(calendar.nthWorkingDayAfter(from, n)).toBe(expected);
  });

  it('refuses a count below one and a malformed date', () => {
    expect(() => calendar.nthWorkingDayAfter('2026-11-30', 0)).toThrow(RangeError);
    expect(() => calendar.nthWorkingDayAfter('2026-02-30', 1)).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('30-11-2026')).toThrow(RangeError);
  });

  it('refuses years before the current Koningsdag rule', () => {
    expect(() => calendar.publicHolidays(2013)).toThrow(RangeError);
  });
});

describe('amsterdamDate', () => {
  it('gives the Amsterdam calendar day, not the UTC day', () => {
    expect(amsterdamDate(new Date('2026-11-29T23:30:00Z'))).toBe('2026-11-30'); // 00:30 CET, Monday
    expect(amsterdamDate(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02'); // 00:00 CEST
    expect(amsterdamDate(new Date('2026-07-01T21:59:59Z'))).toBe('2026-07-01');
  });
});
