import {
  protectedShare,
  revealsSmallCount,
  shownCountText,
  suppressAdditiveGroup,
  suppressAdditiveGroups,
  type ShownCount,
} from '../../../src/domain/registration/suppression';
import { protectedShareText } from '../../../src/copy/figure-view.copy';

/** What a reader can know of one shown count. */
function range(shown: ShownCount, cap: number): [number, number] {
  if (shown.kind === 'exact') return [shown.value, shown.value];
  return shown.kind === 'small' ? [0, 4] : [5, cap];
}

/**
 * Brute force, independent of the implementation: every vector of counts a reader cannot rule out
 * (within the shown ranges, adding up to a total they cannot rule out).
 */
function consistentVectors(cells: readonly ShownCount[], total: ShownCount, cap: number): number[][] {
  const ranges = cells.map((c) => range(c, cap));
  const [totalLow, totalHigh] = range(total, cap);
  const out: number[][] = [];
  const walk = (i: number, acc: number[], sum: number): void => {
    if (sum > totalHigh) return;
    if (i === ranges.length) {
      if (sum >= totalLow) out.push([...acc]);
      return;
    }
    for (let v = ranges[i][0]; v <= ranges[i][1]; v++) walk(i + 1, [...acc, v], sum + v);
  };
  walk(0, [], 0);
  return out;
}

/** A small count is recoverable if some hidden cell, or the sum of the hidden cells, has one possible value, of 1–4. */
function readerCanRecoverSmallCount(values: readonly number[], cells: readonly ShownCount[], total: ShownCount): boolean {
  const cap = values.reduce((s, v) => s + v, 0) + 10;
  const vectors = consistentVectors(cells, total, cap);
  expect(vectors).toContainEqual([...values]); // the truth must stay possible: nothing shown is a lie
  const hidden = cells.map((c, i) => (c.kind === 'exact' ? -1 : i)).filter((i) => i >= 0);
  for (const i of hidden) {
    const possible = new Set(vectors.map((v) => v[i]));
    if (possible.size === 1) return true;
  }
  const hiddenSums = new Set(vectors.map((v) => hidden.reduce((s, i) => s + v[i], 0)));
  return hiddenSums.size === 1 && [...hiddenSums][0] >= 1 && [...hiddenSums][0] <= 4;
}

describe('small-count suppression', () => {
  it('shows counts of 5 and more, and 0, as they are', () => {
    const { cells, total } = suppressAdditiveGroup([12, 0, 7]);
    expect(cells.map(shownCountText)).toEqual(['12', '0', '7']);
    expect(shownCountText(total)).toBe('19');
  });

  it('never shows a count of 1–4, and hides one more so the total minus the others gives nothing away', () => {
    // 40 reports: 3 against statenleden would follow from 40 − 25 − 12 if only the 3 were hidden.
    const { cells, total } = suppressAdditiveGroup([25, 12, 3]);
    expect(cells.map(shownCountText)).toEqual(['25', '≥ 5', '< 5']);
    expect(shownCountText(total)).toBe('40');
    expect(readerCanRecoverSmallCount([25, 12, 3], cells, total)).toBe(false);
  });

  it('also protects two small counts whose sum would follow from the total', () => {
    // 30 − 27 = 3 = 1 + 2: the pair together is a count below 5.
    const { cells } = suppressAdditiveGroup([27, 1, 2]);
    expect(cells.map(shownCountText)).toEqual(['≥ 5', '< 5', '< 5']);
  });

  it('leaves nothing recoverable in any small group (exhaustive over small values)', () => {
    const values = [0, 1, 2, 3, 4, 5, 6, 9];
    let checked = 0;
    for (const a of values) for (const b of values) for (const c of values) {
      const group = [a, b, c];
      const { cells, total } = suppressAdditiveGroup(group);
      expect(readerCanRecoverSmallCount(group, cells, total)).toBe(false);
      expect(revealsSmallCount(cells, total)).toBe(false);
      for (const [i, cell] of cells.entries()) {
        if (group[i] >= 1 && group[i] <= 4) expect(cell.kind).toBe('small');
      }
      checked++;
    }
    expect(checked).toBe(values.length ** 3);
  });

  it('hides the total for every group when one group cannot be protected otherwise', () => {
    // Offline 4, online 4: with the total 8 shown, each would be 4 for certain.
    const result = suppressAdditiveGroups([[4, 4], [8, 0, 0]], 8);
    expect(shownCountText(result.total)).toBe('≥ 5');
    expect(result.groups[0].map(shownCountText)).toEqual(['< 5', '< 5']);
    // The second group must not show 8 either: it would give the hidden total away.
    expect(result.groups[1].map(shownCountText)).toEqual(['≥ 5', '0', '0']);
    for (const [i, group] of [[4, 4], [8, 0, 0]].entries()) expect(readerCanRecoverSmallCount(group, result.groups[i], result.total)).toBe(false);
  });
});

describe('protected shares', () => {
  it('shows an exact percentage when neither the count nor its complement is small', () => {
    expect(protectedShareText(40, 50)).toBe('80%');
    expect(protectedShareText(50, 50)).toBe('100%');
    expect(protectedShareText(0, 12)).toBe('0%');
  });

  it('shows a bound that does not pin the small count, and nothing below 5 cases', () => {
    // 48 of 50: 2 missed. "ten minste 92%" holds for 0–4 missed.
    expect(protectedShareText(48, 50)).toBe('ten minste 92%');
    expect(protectedShareText(2, 50)).toBe('hoogstens 8%');
    expect(protectedShareText(3, 4)).toBe('te weinig zaken');
  });

  it('gives the bound as data (the copy words it)', () => {
    expect(protectedShare(40, 50)).toEqual({ kind: 'exact', percent: 80 });
    expect(protectedShare(48, 50)).toEqual({ kind: 'atLeast', percent: 92 });
    expect(protectedShare(2, 50)).toEqual({ kind: 'atMost', percent: 8 });
    expect(protectedShare(3, 4)).toEqual({ kind: 'tooFewCases' });
  });
});
