import { describe, expect, it } from 'vitest';
import { protectTable } from './tableProtection.ts';

/** Indices of the hidden cells. */
function hiddenAt(counts: number[], suppressUpTo = 4): number[] {
  return protectTable(counts, suppressUpTo).flatMap((hidden, index) => (hidden ? [index] : []));
}

describe('protectTable', () => {
  it('hides nothing when no count is from 1 to the threshold', () => {
    expect(hiddenAt([0, 7, 12, 30])).toEqual([]);
    expect(hiddenAt([])).toEqual([]);
  });

  it('hides a lone small count and the smallest count shown, so the total cannot give it', () => {
    // 3 alone would be the total minus 49. With 7 hidden too: two cells summing to 10, each 1 to
    // 12 (the smallest count left), so either is anything from 1 to 9.
    expect(hiddenAt([3, 7, 12, 30])).toEqual([0, 1]);
  });

  it('hides more when the hidden cells would sum to their fewest possible', () => {
    // 1 + 1 = 2 over two cells: both must be 1. Hiding 9 as well: 11 over three cells, each 1 to
    // 20, so each is anything from 1 to 9.
    expect(hiddenAt([1, 1, 9, 20])).toEqual([0, 1, 2]);
  });

  it('leaves two small counts whose sum does not pin them', () => {
    // 4 + 4 = 8 over two cells, each 1 to 6 (the smallest count left): 2 to 6 each.
    expect(hiddenAt([4, 4, 6, 50])).toEqual([0, 1]);
    // 2 + 3 = 5, each 1 to 7: 1 to 4 each.
    expect(hiddenAt([2, 0, 3, 7, 7])).toEqual([0, 2]);
  });

  it('hides a zero when only zeros are left to hide', () => {
    // 2 alone with zeros: the total is 2. Hiding the first zero: two cells summing to 2, each 0
    // to 2.
    expect(hiddenAt([2, 0, 0])).toEqual([0, 1]);
    expect(hiddenAt([1, 1, 0, 0])).toEqual([0, 1, 2]);
  });

  it('cannot do more when every cell is already hidden', () => {
    expect(hiddenAt([1, 1])).toEqual([0, 1]);
  });

  it('rounds fractional counts first', () => {
    // 0.4 rounds to 0 and 4.6 to 5: nothing from 1 to 4.
    expect(hiddenAt([0.4, 4.6, 9])).toEqual([]);
    // 1.4 rounds to 1: hidden, with the smallest shown (5.2 -> 5).
    expect(hiddenAt([1.4, 5.2, 9])).toEqual([0, 1]);
  });

  it('follows the threshold given', () => {
    expect(hiddenAt([9, 20, 30], 9)).toEqual([0, 1]);
    expect(hiddenAt([9, 20, 30], 4)).toEqual([]);
  });

  it('never leaves a hidden cell with one possible value, given the total and the bounds', () => {
    // Brute force over every table of four counts 0 to 7: a reader knows the cells shown, the
    // total, and that a hidden cell is a whole number from 1 (0 once a zero is hidden) to the
    // larger of the threshold and the smallest count shown. Every hidden cell must have two
    // values at least that fit, unless every cell is hidden.
    const values = [0, 1, 2, 3, 4, 5, 6, 7];
    const pinned: number[][] = [];
    const check = (table: number[]) => {
      const hidden = protectTable(table, 4);
      const hiddenIndices = hidden.flatMap((isHidden, index) => (isHidden ? [index] : []));
      if (hiddenIndices.length === 0 || hiddenIndices.length === table.length) return;
      const shown = table.filter((_, index) => !hidden[index]);
      const hiddenSum = table.reduce((sum, value, index) => sum + (hidden[index] ? value : 0), 0);
      const least = hiddenIndices.some((index) => table[index] === 0) ? 0 : 1;
      const shownCounts = shown.filter((value) => value > 0);
      // With no count shown, a hidden cell may be as large as the hidden sum.
      const most = shownCounts.length > 0 ? Math.max(4, Math.min(...shownCounts)) : hiddenSum;
      const fits = new Set<number>();
      const enumerate = (chosen: number[]) => {
        if (chosen.length === hiddenIndices.length) {
          if (chosen.reduce((sum, value) => sum + value, 0) === hiddenSum)
            fits.add(chosen[0] as number);
          return;
        }
        for (let value = least; value <= most; value += 1) enumerate([...chosen, value]);
      };
      enumerate([]);
      // The cells are interchangeable in this model: the first hidden cell stands for all.
      if (fits.size < 2) pinned.push(table);
    };
    for (const a of values)
      for (const b of values) for (const c of values) for (const d of values) check([a, b, c, d]);
    expect(pinned).toEqual([]);
  });
});
