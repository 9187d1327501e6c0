/**
 * Small counts in views that cross organisations (the coordinator's).
 *
 * The rule:
 * 1. Primary: a count of 1–4 is shown as "< 5". A 0 is shown (it is nobody).
 * 2. Complementary: in a group of counts that add up to a total that is shown (the reports of the
 *    period by role, by level, by organisation, per month, …), the hidden counts must not be
 *    recoverable from the total minus the others. The reader knows: "< 5" is 0–4, "≥ 5" is 5 or
 *    more, a shown count is exact, and they add up to the total. The group is safe when
 *    (a) no hidden count follows exactly from that (each keeps at least two possible values), and
 *    (b) the sum of the hidden counts, which does follow, is 0 or at least 5.
 *    Until it is safe, hide one more: the smallest shown count of 5 or more (shown as "≥ 5"), else a
 *    shown 0 (as "< 5"), else the total itself.
 * 3. Groups whose counts do not add up (kinds, injuries: one report can have several) only get 1.
 * A group is judged on its own: the views show no cross-tables, and every additive group shares
 * the same shown total, so a group cannot be opened with another group's numbers.
 */

export const SMALL_COUNT_LIMIT = 5;

/** How a count is shown: exactly, as "< 5" (0–4), or as "≥ 5" (hidden to protect a small count). */
export type ShownCount = { readonly kind: 'exact'; readonly value: number } | { readonly kind: 'small' } | { readonly kind: 'hidden' };

export interface SuppressedGroup {
  readonly cells: readonly ShownCount[];
  readonly total: ShownCount;
}

const exact = (value: number): ShownCount => ({ kind: 'exact', value });
const SMALL: ShownCount = { kind: 'small' };
const HIDDEN: ShownCount = { kind: 'hidden' };

/** A single count with primary suppression only. */
export function suppressCount(value: number): ShownCount {
  return value >= 1 && value < SMALL_COUNT_LIMIT ? SMALL : exact(value);
}

/** What a reader can know of a shown count: [low, high]. */
function bounds(shown: ShownCount): [number, number] {
  if (shown.kind === 'exact') return [shown.value, shown.value];
  if (shown.kind === 'small') return [0, SMALL_COUNT_LIMIT - 1];
  return [SMALL_COUNT_LIMIT, Number.POSITIVE_INFINITY];
}

/**
 * True when a reader who knows the shown cells and total, and that the cells add up to the total,
 * can tell a hidden count exactly, or the sum of the hidden counts is 1–4.
 */
export function revealsSmallCount(cells: readonly ShownCount[], total: ShownCount): boolean {
  const ranges = cells.map(bounds);
  const [totalLow, totalHigh] = bounds(total);
  const sumLow = ranges.reduce((s, [low]) => s + low, 0);
  const sumHigh = ranges.reduce((s, [, high]) => s + high, 0);
  // With one linear equation and box constraints, each variable's feasible range is exactly this.
  const pinned = (low: number, high: number, othersLow: number, othersHigh: number): boolean => {
    const min = Math.max(low, totalLow - othersHigh);
    const max = Math.min(high, totalHigh - othersLow);
    return min === max;
  };
  for (let i = 0; i < cells.length; i++) {
    if (cells[i].kind === 'exact') continue;
    const [low, high] = ranges[i];
    if (pinned(low, high, sumLow - low, sumHigh - high)) return true;
  }
  // A hidden total must stay hidden here too: it is shown (exactly) nowhere else either.
  if (total.kind !== 'exact' && Math.max(totalLow, sumLow) === Math.min(totalHigh, sumHigh)) return true;
  const shownSum = cells.reduce((s, c) => s + (c.kind === 'exact' ? c.value : 0), 0);
  const hiddenLow = totalLow - shownSum;
  const hiddenHigh = totalHigh - shownSum;
  return hiddenLow === hiddenHigh && hiddenLow >= 1 && hiddenLow < SMALL_COUNT_LIMIT;
}

/** Hides cells of one group until it is safe with the total shown as given; undefined if it cannot be. */
function protectGroup(values: readonly number[], total: ShownCount): ShownCount[] | undefined {
  const cells = values.map(suppressCount);
  while (revealsSmallCount(cells, total)) {
    const candidates = values.map((value, index) => ({ value, index })).filter(({ index }) => cells[index].kind === 'exact');
    const large = candidates.filter((c) => c.value >= SMALL_COUNT_LIMIT).sort((a, b) => a.value - b.value || a.index - b.index)[0];
    const zero = candidates.find((c) => c.value === 0);
    if (large !== undefined) cells[large.index] = HIDDEN;
    else if (zero !== undefined) cells[zero.index] = SMALL;
    else return undefined;
  }
  return cells;
}

/**
 * Applies the rule above to groups of counts that each add up to the same `total`, shown once for
 * all of them (the reports of the period by role, by level, …). When one group can only be made
 * safe by hiding the total, the total is hidden for every group: shown in one, it would open the other.
 */
export function suppressAdditiveGroups(groups: readonly (readonly number[])[], total: number): { groups: ShownCount[][]; total: ShownCount } {
  const attempt = (shownTotal: ShownCount) => groups.map((values) => protectGroup(values, shownTotal));
  const shownTotal = suppressCount(total);
  const first = attempt(shownTotal);
  if (first.every((cells) => cells !== undefined)) return { groups: first as ShownCount[][], total: shownTotal };
  const hiddenTotal = total >= SMALL_COUNT_LIMIT ? HIDDEN : SMALL;
  // With the total hidden every group can be made safe (at worst all its cells hidden).
  return { groups: attempt(hiddenTotal).map((cells, i) => cells ?? groups[i].map((v) => (v >= SMALL_COUNT_LIMIT ? HIDDEN : SMALL))), total: hiddenTotal };
}

/** One group adding up to `total` (default: its sum); see suppressAdditiveGroups. */
export function suppressAdditiveGroup(values: readonly number[], total: number = values.reduce((s, v) => s + v, 0)): SuppressedGroup {
  const result = suppressAdditiveGroups([values], total);
  return { cells: result.groups[0], total: result.total };
}

/** No suppression: the desk's view of its own organisation. */
export function exactGroup(values: readonly number[], total: number = values.reduce((s, v) => s + v, 0)): SuppressedGroup {
  return { cells: values.map(exact), total: exact(total) };
}

/** Dutch text of a shown count: "12", "< 5", "≥ 5". */
export function shownCountText(shown: ShownCount): string {
  if (shown.kind === 'exact') return String(shown.value);
  return shown.kind === 'small' ? `< ${SMALL_COUNT_LIMIT}` : `≥ ${SMALL_COUNT_LIMIT}`;
}

/** What a cross-organisation view may show of a share: too few cases, a bound, or the exact percentage. */
export type ProtectedShare =
  | { readonly kind: 'tooFewCases' }
  | { readonly kind: 'atMost' | 'atLeast' | 'exact'; readonly percent: number };

/**
 * A share (k of n) in a cross-organisation view: nothing below 5 cases; an exact percentage when k
 * and n − k are both 0 or at least 5; otherwise a bound that holds for every k the reader cannot rule
 * out, so neither small count can be read back even by someone who knows n. Worded by
 * protectedShareText in src/copy/figure-view.copy.ts.
 */
export function protectedShare(k: number, n: number): ProtectedShare {
  if (n < SMALL_COUNT_LIMIT) return { kind: 'tooFewCases' };
  const small = (x: number) => x >= 1 && x < SMALL_COUNT_LIMIT;
  if (small(k)) return { kind: 'atMost', percent: Math.ceil((100 * (SMALL_COUNT_LIMIT - 1)) / n) };
  if (small(n - k)) return { kind: 'atLeast', percent: Math.floor((100 * (n - SMALL_COUNT_LIMIT + 1)) / n) };
  return { kind: 'exact', percent: Math.round((100 * k) / n) };
}
