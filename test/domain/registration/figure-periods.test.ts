import { figurePeriods } from '../../../src/domain/registration/figure-periods';

describe('figurePeriods', () => {
  it('gives the running month and the 11 before it, the 12 before those, and the last whole calendar year', () => {
    const periods = figurePeriods(new Date('2026-11-30T12:00:00Z'));
    expect([periods.recentMonths[0], periods.recentMonths[11]]).toEqual(['2025-12', '2026-11']);
    expect([periods.previousMonths[0], periods.previousMonths[11]]).toEqual(['2024-12', '2025-11']);
    expect(periods.lastCalendarYear).toEqual({ year: 2025, from: '2025-01', to: '2025-12' });
  });

  it('counts months and the year in Amsterdam: New Year\'s night at 00:30 is already the new year', () => {
    // 31 December 2026, 23:30 UTC = 1 January 2027, 00:30 in Amsterdam.
    const periods = figurePeriods(new Date('2026-12-31T23:30:00Z'));
    expect(periods.recentMonths[11]).toBe('2027-01');
    expect(periods.lastCalendarYear).toEqual({ year: 2026, from: '2026-01', to: '2026-12' });
  });
});
