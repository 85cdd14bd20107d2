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
    // Wards 0 and 1 share the first priority: a tie, shown as one.
    expect(rows.map((row) => row.tied)).toEqual([true, true, false, false]);
    // In the top 2 of: ward 0 ranks 1, 2, 2 (all three); ward 1 2, 1, 2 (three); ward 2 only
    // in C (1st); ward 3 in none.
    expect(rows.map((row) => row.topThemes)).toEqual([3, 3, 1, 0]);
  });

  it('weights themes, and a zero weight leaves a theme out', () => {
    const rows = prioritise(values, [2, 1, 0], 1);
    // Ward 0: (1 x 2 + 2 x 1) / 3 = 1.333; ward 1: (2 x 2 + 1) / 3 = 1.667; ward 2: (6 + 4) / 3 = 3.333;
    // ward 3: (8 + 3) / 3 = 3.667.
    expect(rows.map((row) => row.priority)).toEqual([1, 2, 3, 4]);
    expect(rows[0]?.score).toBeCloseTo(4 / 3, 12);
    // Top 1 among the weighted themes (A and B): ward 0 is 1st in A, ward 1 1st in B; ward 2's
    // 1st place in C does not count, C having no weight.
    expect(rows.map((row) => row.topThemes)).toEqual([1, 1, 0, 0]);
    expect(rows.some((row) => row.tied)).toBe(false);
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
    expect(rows.map((row) => row.topThemes)).toEqual([1, 1]);
  });

  it('ties wards whose weighted means are equal, however the sums were reached', () => {
    // Three themes of weight 0.1. Ward 0 ranks 4, 3, 2 and ward 1 ranks 4, 1, 4: both mean 3,
    // but in floating point (0.4 + 0.1 + 0.4) / 0.3 comes to 2.9999999999999996.
    const values = [
      [1, 1, 5, 6, 7],
      [7, 9, 8, 1, 2],
      [8, 2, 9, 1, 7],
    ];
    const rows = prioritise(values, [0.1, 0.1, 0.1], 1);
    expect(rows[0]?.themeRanks).toEqual([4, 3, 2]);
    expect(rows[1]?.themeRanks).toEqual([4, 1, 4]);
    expect(rows[0]?.priority).toBe(rows[1]?.priority);
    expect([rows[0]?.tied, rows[1]?.tied]).toEqual([true, true]);
  });
});
