import { describe, expect, it } from 'vitest';
import { prioritise } from './priorities.ts';

describe('priorities across themes', () => {
  // Four wards, three themes.
  const values = [
    [30, 20, 10, 5], // theme A ranks: 1, 2, 3, 4
    [8, 9, 1, 2], //    theme B ranks: 2, 1, 4, 3
    [5, 5, 7, 0], //    theme C ranks: 2, 2, 1, 4
  ];

  it('scores each ward by its mean rank and ranks the scores, lowest first', () => {
    const rows = prioritise(values, [1, 1, 1], 2);
    // Mean ranks: ward 0 (1+2+2)/3 = 1.667; ward 1 (2+1+2)/3 = 1.667; ward 2 (3+4+1)/3 = 2.667;
    // ward 3 (4+3+4)/3 = 3.667.
    expect(rows.map((row) => row.themeRanks)).toEqual([
      [1, 2, 2],
      [2, 1, 2],
      [3, 4, 1],
      [4, 3, 4],
    ]);
    rows.forEach((row, index) => {
      expect(row.score).toBeCloseTo([5 / 3, 5 / 3, 8 / 3, 11 / 3][index] as number, 12);
    });
    expect(rows.map((row) => row.priority)).toEqual([1, 1, 3, 4]);
    // Top 2 in every theme: wards 0 and 1 (ward 2 is 3rd in A).
    expect(rows.map((row) => row.topInEveryTheme)).toEqual([true, true, false, false]);
  });

  it('weights themes, and a zero weight leaves a theme out', () => {
    const rows = prioritise(values, [2, 1, 0], 1);
    // Ward 0: (1 x 2 + 2 x 1) / 3 = 1.333; ward 1: (2 x 2 + 1) / 3 = 1.667; ward 2: (6 + 4) / 3 = 3.333;
    // ward 3: (8 + 3) / 3 = 3.667.
    expect(rows.map((row) => row.priority)).toEqual([1, 2, 3, 4]);
    expect(rows[0]?.score).toBeCloseTo(4 / 3, 12);
    // The top-N test still looks at every theme: ward 0 is 2nd in B.
    expect(rows.every((row) => !row.topInEveryTheme)).toBe(true);
  });

  it('scores wards missing a theme on the others', () => {
    const rows = prioritise(
      [
        [10, 5],
        [null, 3],
      ],
      [1, 1],
      1,
    );
    // Ward 0: rank 1 in the first theme only: score 1; ward 1: (2 + 1) / 2 = 1.5.
    expect(rows.map((row) => row.score)).toEqual([1, 1.5]);
    expect(rows[0]?.topInEveryTheme).toBe(false);
  });
});
