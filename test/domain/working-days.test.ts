import { DateTime } from 'luxon';
import {
  WorkingDayCalendar,
  amsterdamDate,
  isWorkingDay,
  nthWorkingDayAfter,
  publicHolidays,
} from '../../src/domain/working-days';

const calendar = new WorkingDayCalendar();

describe('public holidays of the Algemene termijnenwet', () => {
  it('lists exactly the eight days of 2026', () => {
    expect(publicHolidays(2026).map((h) => [h.date, h.name])).toEqual([
      ['2026-01-01', 'Nieuwjaarsdag'], // Thursday
      ['2026-04-06', 'Tweede Paasdag'], // Monday
      ['2026-04-27', 'Koningsdag'], // Monday
      ['2026-05-05', 'Bevrijdingsdag'], // Tuesday
      ['2026-05-14', 'Hemelvaartsdag'], // Thursday
      ['2026-05-25', 'Tweede Pinksterdag'], // Monday
      ['2026-12-25', 'Eerste Kerstdag'], // Friday
      ['2026-12-26', 'Tweede Kerstdag'], // Saturday
    ]);
  });

  it('lists exactly the eight days of 2027', () => {
    expect(publicHolidays(2027).map((h) => [h.date, h.name])).toEqual([
      ['2027-01-01', 'Nieuwjaarsdag'], // Friday
      ['2027-03-29', 'Tweede Paasdag'], // Monday
      ['2027-04-27', 'Koningsdag'], // Tuesday
      ['2027-05-05', 'Bevrijdingsdag'], // Wednesday
      ['2027-05-06', 'Hemelvaartsdag'], // Thursday
      ['2027-05-17', 'Tweede Pinksterdag'], // Monday
      ['2027-12-25', 'Eerste Kerstdag'], // Saturday
      ['2027-12-26', 'Tweede Kerstdag'], // Sunday
    ]);
  });

  it.each([
    ['2026-01-01', 'Nieuwjaarsdag, Thursday'],
    ['2026-04-06', 'Tweede Paasdag, Monday'],
    ['2026-04-27', 'Koningsdag, Monday'],
    ['2026-05-05', 'Bevrijdingsdag in a non-lustrum year, Tuesday'],
    ['2026-05-14', 'Hemelvaartsdag, Thursday'],
    ['2026-05-25', 'Tweede Pinksterdag, Monday'],
    ['2026-12-25', 'Eerste Kerstdag, Friday'],
    ['2027-01-01', 'Nieuwjaarsdag, Friday'],
    ['2027-03-29', 'Tweede Paasdag, Monday'],
    ['2027-04-27', 'Koningsdag, Tuesday'],
    ['2027-05-05', 'Bevrijdingsdag in a non-lustrum year, Wednesday'],
    ['2027-05-06', 'Hemelvaartsdag, Thursday'],
    ['2027-05-17', 'Tweede Pinksterdag, Monday'],
  ])('%s (%s) is not a working day', (date) => {
    expect(DateTime.fromISO(date).weekday).toBeLessThanOrEqual(5); // a weekday that only the law makes free
    expect(calendar.isWorkingDay(date)).toBe(false);
    expect(isWorkingDay(date)).toBe(false);
  });

  it.each([
    ['2026-04-03', 'Goede Vrijdag, Friday'],
    ['2027-03-26', 'Goede Vrijdag, Friday'],
    ['2026-05-04', 'Dodenherdenking, Monday'],
    ['2026-12-24', 'Kerstavond, Thursday'],
    ['2026-12-31', 'Oudejaarsdag, Thursday'],
    ['2026-04-28', 'the day after Koningsdag, Tuesday'],
  ])('%s (%s) is a working day', (date) => {
    expect(calendar.isWorkingDay(date)).toBe(true);
  });

  it('puts Koningsdag 2025 on Saturday 26 April, because 27 April 2025 is a Sunday', () => {
    expect(DateTime.fromISO('2025-04-27').weekday).toBe(7);
    const koningsdag = publicHolidays(2025).find((h) => h.key === 'koningsdag');
    expect(koningsdag?.date).toBe('2025-04-26');
    expect(calendar.isPublicHoliday('2025-04-27')).toBe(false);
  });

  it('keeps Bevrijdingsdag in a lustrum year too (5 May 2025, Monday)', () => {
    expect(calendar.isWorkingDay('2025-05-05')).toBe(false);
  });

  it('lists neither Goede Vrijdag, nor Eerste Paasdag or Eerste Pinksterdag', () => {
    const dates = publicHolidays(2026).map((h) => h.date);
    expect(dates).not.toContain('2026-04-03'); // Goede Vrijdag, Friday
    expect(dates).not.toContain('2026-04-05'); // Eerste Paasdag, Sunday
    expect(dates).not.toContain('2026-05-24'); // Eerste Pinksterdag, Sunday
  });

  it('keeps both holidays when Hemelvaartsdag falls on 5 May (2016, Thursday)', () => {
    expect(publicHolidays(2016).filter((h) => h.date === '2016-05-05').map((h) => h.key).sort()).toEqual([
      'bevrijdingsdag',
      'hemelvaartsdag',
    ]);
  });

  it('treats Saturdays and Sundays as non-working days', () => {
    expect(calendar.isWorkingDay('2026-11-28')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2026-11-29')).toBe(false); // Sunday
    expect(calendar.isWorkingDay('2026-11-30')).toBe(true); // Monday
  });
});

describe('nthWorkingDayAfter', () => {
  it.each([
    ['2026-11-30', 2, '2026-12-02', 'Monday → Wednesday'],
    ['2026-11-27', 1, '2026-11-30', 'Friday → Monday, over the weekend'],
    ['2026-11-27', 2, '2026-12-01', 'Friday → Tuesday'],
    ['2026-11-28', 2, '2026-12-01', 'Saturday → Tuesday'],
    ['2026-05-13', 2, '2026-05-18', 'Wednesday before Hemelvaart → Monday (Thu holiday, Fri 1st)'],
    ['2026-12-24', 2, '2026-12-29', 'Thursday before Christmas → Tuesday'],
    ['2026-12-25', 2, '2026-12-29', 'Eerste Kerstdag (Friday) → Tuesday'],
    ['2026-04-24', 2, '2026-04-29', 'Friday before Koningsdag (Monday) → Wednesday'],
    ['2026-05-01', 2, '2026-05-06', 'Friday before Bevrijdingsdag (Tuesday) → Wednesday'],
    ['2026-04-02', 2, '2026-04-07', 'Thursday before Goede Vrijdag → Tuesday (Fri counts, Mon is Tweede Paasdag)'],
    ['2027-12-31', 2, '2028-01-04', 'Friday, over New Year → Tuesday'],
  ])('%s + %i working days = %s (%s)', (from, n, expected) => {
    expect(calendar.nthWorkingDayAfter(from, n)).toBe(expected);
    expect(nthWorkingDayAfter(from, n)).toBe(expected);
  });

  it('refuses a count below one and a malformed date', () => {
    expect(() => calendar.nthWorkingDayAfter('2026-11-30', 0)).toThrow(RangeError);
    expect(() => calendar.nthWorkingDayAfter('2026-02-30', 1)).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('30-11-2026')).toThrow(RangeError);
  });

  it('refuses years before the current Koningsdag rule', () => {
    expect(() => publicHolidays(2013)).toThrow(RangeError);
  });
});

describe('amsterdamDate', () => {
  it('gives the Amsterdam calendar day, not the UTC day', () => {
    expect(amsterdamDate(new Date('2026-11-29T23:30:00Z'))).toBe('2026-11-30'); // 00:30 CET, Monday
    expect(amsterdamDate(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02'); // 00:00 CEST
    expect(amsterdamDate(new Date('2026-07-01T21:59:59Z'))).toBe('2026-07-01');
  });
});
