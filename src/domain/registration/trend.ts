import binomialTest from '@stdlib/stats-binomial-test';

/**
 * Whether the number of reports rises or falls, by a method that does not shout at small numbers.
 *
 * Compare the reports of the last period (x1, observed over t1 days) with those of the period
 * before it (x0 over t0 days). If both come from one Poisson rate, then given n = x0 + x1 the
 * recent count is binomial: x1 ~ Bin(n, t1 / (t0 + t1)). The exact two-sided binomial test of
 * that hypothesis (as R's binom.test: the p-value adds every outcome no likelier than the one seen)
 * at α = 0.05 decides:
 * - "stijgt" / "daalt": p < 0.05, n ≥ MIN_REPORTS_FOR_TREND, and the rate ratio above / below 1;
 * - "gelijk": anything else — also when there are too few reports to tell.
 * The exposures t0, t1 let the recent period include the running month (fewer days so far).
 * The rate ratio's 95% interval comes from the Clopper–Pearson interval for the binomial share.
 */

export type TrendDirection = 'stijgt' | 'daalt' | 'gelijk';

/** Below this many reports in both periods together the answer is "gelijk" whatever the split. */
export const MIN_REPORTS_FOR_TREND = 20;
export const TREND_ALPHA = 0.05;

export interface Trend {
  readonly direction: TrendDirection;
  /** Why: a significant change, no significant change, or too few reports. */
  readonly basis: 'significant' | 'notSignificant' | 'tooFew';
  readonly recent: number;
  readonly previous: number;
  /** Reports per day recent ÷ per day before; undefined without reports before. */
  readonly rateRatio?: number;
  /** 95% interval of the rate ratio (upper may be Infinity); undefined when n = 0. */
  readonly rateRatioInterval?: readonly [number, number];
  /** Two-sided exact p-value; undefined when n = 0. */
  readonly pValue?: number;
}

/** The trend from `previous` reports over `previousDays` to `recent` reports over `recentDays`. */
export function reportTrend(input: { recent: number; recentDays: number; previous: number; previousDays: number }): Trend {
  const { recent, previous, recentDays, previousDays } = input;
  if (!(recentDays > 0 && previousDays > 0) || !Number.isInteger(recent) || !Number.isInteger(previous) || recent < 0 || previous < 0) {
    throw new RangeError('reportTrend: counts must be whole and non-negative, periods positive');
  }
  const n = recent + previous;
  const base = { recent, previous, ...(previous > 0 ? { rateRatio: recent / recentDays / (previous / previousDays) } : {}) };
  if (n === 0) return { direction: 'gelijk', basis: 'tooFew', ...base };
  const share = recentDays / (recentDays + previousDays);
  const test = binomialTest(recent, n, { p: share, alpha: TREND_ALPHA });
  // A share π of the reports in the recent period means a rate ratio (π / (1 − π)) · (t0 / t1).
  const toRatio = (p: number): number => (p >= 1 ? Number.POSITIVE_INFINITY : (p / (1 - p)) * (previousDays / recentDays));
  const measured = { ...base, pValue: test.pValue, rateRatioInterval: [toRatio(test.ci[0]), toRatio(test.ci[1])] as const };
  if (n < MIN_REPORTS_FOR_TREND) return { direction: 'gelijk', basis: 'tooFew', ...measured };
  if (!(test.pValue < TREND_ALPHA)) return { direction: 'gelijk', basis: 'notSignificant', ...measured };
  return { direction: recent / recentDays > previous / previousDays ? 'stijgt' : 'daalt', basis: 'significant', ...measured };
}
