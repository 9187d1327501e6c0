import { DateTime } from 'luxon';
import { AMSTERDAM } from '../working-days';

/**
 * The periods of the figures, in Europe/Amsterdam months: the recent period is the running month
 * and the 11 before it; the previous period the 12 months before that. The trend weighs them by
 * their length in days, so the running month counts for the part that has passed.
 */
export interface FigurePeriods {
  /** 'yyyy-MM', oldest first, 12 each. */
  readonly recentMonths: readonly string[];
  readonly previousMonths: readonly string[];
  /** Days from the start of the recent period until now (fractional). */
  readonly recentDays: number;
  readonly previousDays: number;
  /** The last whole calendar year before the running one: its year and first and last month 'yyyy-MM'. */
  readonly lastCalendarYear: { readonly year: number; readonly from: string; readonly to: string };
}

const DAY_MS = 86_400_000;

/** 'yyyy-MM' of an instant in Amsterdam. */
export function amsterdamMonth(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: AMSTERDAM }).toFormat('yyyy-MM');
}

export function figurePeriods(now: Date): FigurePeriods {
  const current = DateTime.fromJSDate(now, { zone: AMSTERDAM }).startOf('month');
  const month = (back: number): string => current.minus({ months: back }).toFormat('yyyy-MM');
  const recentStart = current.minus({ months: 11 });
  const previousStart = current.minus({ months: 23 });
  return {
    recentMonths: Array.from({ length: 12 }, (_, i) => month(11 - i)),
    previousMonths: Array.from({ length: 12 }, (_, i) => month(23 - i)),
    recentDays: Math.max(now.getTime() - recentStart.toMillis(), 60_000) / DAY_MS,
    previousDays: (recentStart.toMillis() - previousStart.toMillis()) / DAY_MS,
    lastCalendarYear: { year: current.year - 1, from: `${current.year - 1}-01`, to: `${current.year - 1}-12` },
  };
}

const MONTH_NAMES = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
const MONTH_NAMES_LONG = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** "nov 2026". */
export function shortMonthLabel(month: string): string {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** "november 2026". */
export function longMonthLabel(month: string): string {
  return `${MONTH_NAMES_LONG[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}
