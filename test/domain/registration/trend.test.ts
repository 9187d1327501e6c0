import { reportTrend } from '../../../src/domain/registration/trend';

/** Two-sided exact binomial p-value as R's binom.test computes it, by plain summation (an oracle independent of the library). */
function binomTestP(x: number, n: number, p: number): number {
  const logFactorial = (k: number): number => {
    let s = 0;
    for (let i = 2; i <= k; i++) s += Math.log(i);
    return s;
  };
  const pmf = (k: number): number => Math.exp(logFactorial(n) - logFactorial(k) - logFactorial(n - k) + k * Math.log(p) + (n - k) * Math.log(1 - p));
  const observed = pmf(x);
  let total = 0;
  for (let k = 0; k <= n; k++) if (pmf(k) <= observed * (1 + 1e-7)) total += pmf(k);
  return Math.min(1, total);
}

const YEAR = 365;

describe('reportTrend', () => {
  it('says "stijgt" for a clear rise: 8 reports, then 24', () => {
    const trend = reportTrend({ previous: 8, previousDays: YEAR, recent: 24, recentDays: YEAR });
    expect(trend.direction).toBe('stijgt');
    expect(trend.basis).toBe('significant');
    expect(trend.pValue).toBeCloseTo(binomTestP(24, 32, 0.5), 10);
    expect(trend.rateRatio).toBeCloseTo(3, 10);
    expect(trend.rateRatioInterval?.[0]).toBeGreaterThan(1);
  });

  it('says "daalt" for a clear fall', () => {
    expect(reportTrend({ previous: 60, previousDays: YEAR, recent: 35, recentDays: YEAR }).direction).toBe('daalt');
  });

  it('says "gelijk" for a difference that fits chance: 10, then 20 (p ≈ 0.10)', () => {
    const trend = reportTrend({ previous: 10, previousDays: YEAR, recent: 20, recentDays: YEAR });
    expect(trend.direction).toBe('gelijk');
    expect(trend.basis).toBe('notSignificant');
    expect(trend.pValue).toBeCloseTo(binomTestP(20, 30, 0.5), 10);
    expect(trend.rateRatioInterval?.[0]).toBeLessThan(1);
  });

  it('does not shout at small numbers: 3, then 12 is "gelijk" although the test alone would call it', () => {
    expect(binomTestP(12, 15, 0.5)).toBeLessThan(0.05);
    const trend = reportTrend({ previous: 3, previousDays: YEAR, recent: 12, recentDays: YEAR });
    expect(trend.direction).toBe('gelijk');
    expect(trend.basis).toBe('tooFew');
  });

  it('weighs a shorter recent period by its days: half a year at the same daily rate is no fall', () => {
    const trend = reportTrend({ previous: 100, previousDays: YEAR, recent: 50, recentDays: YEAR / 2 });
    expect(trend.direction).toBe('gelijk');
    expect(trend.rateRatio).toBeCloseTo(1, 10);
    expect(trend.pValue).toBeCloseTo(binomTestP(50, 150, 1 / 3), 8);
  });

  it('is "gelijk" with no reports at all', () => {
    expect(reportTrend({ previous: 0, previousDays: YEAR, recent: 0, recentDays: YEAR })).toMatchObject({ direction: 'gelijk', basis: 'tooFew' });
  });
});
