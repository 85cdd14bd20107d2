import { describe, expect, it } from 'vitest';
import { areaFigures, areaStatistics, wardFigure } from '../../tests/support/figures.ts';
import { compareCounts } from './change.ts';
import { areaHeadline } from './headline.ts';
import type { PeriodComparison } from './periods.ts';

const previous: PeriodComparison = {
  kind: 'previous',
  period: { from: '2025-09', to: '2025-11' },
  relation: 'the 3 months before',
};

// Wards of 60, 40 and 3 offences: 103 in all.
const wards = [
  wardFigure({ code: 'a', count: 60 }),
  wardFigure({ code: 'b', count: 40 }),
  wardFigure({ code: 'c', count: 3 }),
];

describe('the area headline', () => {
  it('gives the total and its change with the test', () => {
    // 103 against 82: +25.61%; p = binom.test(103, 185) = 0.1412, not significant.
    const headline = areaHeadline(
      areaFigures({ wards }),
      areaStatistics([], { comparisons: [previous], areaChanges: [compareCounts(103, 82)] }),
      null,
    );
    expect(headline).toEqual({
      total: '103',
      totalNote: null,
      change:
        'up 25.6% against Sep 2025 to Nov 2025 (the 3 months before): not significant (p = 0.141)',
      significant: false,
    });
  });

  it('gives a range, not a total, when publication mode hides a ward’s count', () => {
    // Ward c's 3 is hidden: the wards shown add to 100, so the total is 101 to 104.
    const hidden = wards.map((ward) => (ward.code === 'c' ? { ...ward, suppressed: true } : ward));
    const headline = areaHeadline(
      areaFigures({ wards: hidden }),
      areaStatistics([], { comparisons: [previous], areaChanges: [compareCounts(103, 60)] }),
      4,
    );
    expect(headline.total).toBe('101 to 104');
    expect(headline.totalNote).toBe('1 ward’s count is hidden, each 1 to 4');
    // 103 against 60 is significant (p = 0.0012); no figure that would give the total away.
    expect(headline.change).toBe(
      'up against Sep 2025 to Nov 2025 (the 3 months before): significant',
    );
  });

  it('has no change without a comparison', () => {
    expect(areaHeadline(areaFigures({ wards }), areaStatistics([]), null).change).toBeNull();
  });
});
