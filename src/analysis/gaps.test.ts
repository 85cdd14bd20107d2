import { describe, expect, it } from 'vitest';
import { gapTable, highNeedCutoff, isGap, type NeedWard } from './gaps.ts';

function ward(index: number, name: string, count: number, needRank: number | null): NeedWard {
  return {
    index,
    code: `E0500000${index}`,
    name,
    ladName: 'Borough',
    count,
    rate: null,
    need: needRank === null ? null : 100 - needRank,
    needRank,
  };
}

const THIRD_BELOW_HALF = { topShare: 1 / 3, coverageBelow: 0.5 };

describe('the gap rule', () => {
  it('takes the top share of the ranked wards, rounded up', () => {
    // 18 wards: the top third is 6 wards; 704: 234.67, so 235; 7 wards: 2.33, so 3.
    expect(highNeedCutoff(18, 1 / 3)).toBe(6);
    expect(highNeedCutoff(704, 1 / 3)).toBe(235);
    expect(highNeedCutoff(7, 1 / 3)).toBe(3);
    expect(highNeedCutoff(18, 1 / 4)).toBe(5);
    expect(highNeedCutoff(18, 1 / 2)).toBe(9);
    expect(highNeedCutoff(0, 1 / 3)).toBe(0);
  });

  it('needs both high need and coverage below the threshold', () => {
    expect(isGap(6, 0.49, 6, THIRD_BELOW_HALF)).toBe(true);
    // Exactly 50% is not below 50%.
    expect(isGap(6, 0.5, 6, THIRD_BELOW_HALF)).toBe(false);
    expect(isGap(7, 0, 6, THIRD_BELOW_HALF)).toBe(false);
    expect(isGap(null, 0, 6, THIRD_BELOW_HALF)).toBe(false);
  });
});

describe('the gap table', () => {
  // Six wards, need ranks 1, 2, 2, 4, 5 and none. Top third of the 5 ranked: ceil(1.67) = 2,
  // so ranks 1 and 2 (both wards tied at 2) are high need.
  const wards = [
    ward(10, 'Abbey', 40, 2),
    ward(11, 'Bridge', 10, 5),
    ward(12, 'Castle', 100, 1),
    ward(13, 'Dock', 30, 2),
    ward(14, 'Elm', 20, 4),
    ward(15, 'Ford', 5, null),
  ];
  // Shares in the order of the area's ward indices (not the order of the wards above).
  const wardIndices = [15, 14, 13, 12, 11, 10];
  const chosenBefore = [0, 0, 0.2, 0.6, 0, 0.1];
  const chosen = [0, 0, 0.7, 0.6, 0, 0.1];
  const proposed = [0, 0, 0.5, 0, 0, 0];
  const table = gapTable(
    wards,
    {
      wardIndices,
      chosen,
      chosenBefore,
      byType: [chosen, [0, 0, 0, 0, 0, 1]],
      proposed: [{ id: 1, shares: proposed }],
    },
    THIRD_BELOW_HALF,
  );

  it('orders wards by need, ties by name, wards without a figure last', () => {
    expect(table.rows.map((row) => row.name)).toEqual([
      'Castle',
      'Abbey',
      'Dock',
      'Elm',
      'Bridge',
      'Ford',
    ]);
    expect(table.rankedCount).toBe(5);
    expect(table.cutoff).toBe(2);
  });

  it('picks out the high-need wards with low coverage, before and after the proposals', () => {
    // Castle (rank 1) has 60%: no gap. Abbey (rank 2) 10%: a gap. Dock (rank 2) had 20%, a gap,
    // and has 70% with the proposal: no longer a gap.
    const gaps = (rows: typeof table.rows, key: 'gap' | 'gapBefore') =>
      rows.filter((row) => row[key]).map((row) => row.name);
    expect(gaps(table.rows, 'gap')).toEqual(['Abbey']);
    expect(gaps(table.rows, 'gapBefore')).toEqual(['Abbey', 'Dock']);
    expect(table.gapCount).toBe(1);
    expect(table.gapCountBefore).toBe(2);
    expect(table.rows.find((row) => row.name === 'Abbey')?.byType).toEqual([0.1, 1]);
  });

  it('weighs each ward’s offences by the share of its area within reach', () => {
    // Before: Dock 30 × 0.2 + Castle 100 × 0.6 + Abbey 40 × 0.1 = 6 + 60 + 4 = 70.
    // After: Dock 30 × 0.7 = 21 instead of 6: 85. The proposal alone: Dock 30 × 0.5 = 15.
    expect(table.offencesWithinReachBefore).toBeCloseTo(70, 10);
    expect(table.offencesWithinReach).toBeCloseTo(85, 10);
    expect(table.proposals).toEqual([{ id: 1, offences: 15 }]);
  });
});
