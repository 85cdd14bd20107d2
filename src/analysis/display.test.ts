import { describe, expect, it } from 'vitest';
import { compareCounts } from './change.ts';
import { changeDisplay, countText, intervalText, rankCell, rankText, rateText } from './display.ts';
import { countInterval, rateInterval } from './intervals.ts';

describe('figures as text', () => {
  it('shows wards with no data as no data, never as 0', () => {
    expect(countText(null, null)).toBe('No data');
    expect(countText(null, 4)).toBe('No data');
    expect(rateText(null, null, 4)).toBe('No data');
    expect(intervalText(null, null, 'count', null)).toBe('–');
  });

  it('marks tied ranks', () => {
    expect(rankText(3, true)).toBe('joint 3rd');
    expect(rankText(1, false)).toBe('1st');
    expect(rankCell(3, true)).toBe('=3');
    expect(rankCell(12, false)).toBe('12');
    expect(rankCell(null, false)).toBe('–');
  });

  it('hides counts from 1 to 4, and what is built on them, in publication mode', () => {
    expect(countText(3, 4)).toBe('<5');
    expect(countText(3, null)).toBe('3');
    expect(countText(0, 4)).toBe('0');
    expect(countText(1234, 4)).toBe('1,234');
    expect(rateText(3, 0.75, 4)).toBe('–');
    expect(rateText(3, 0.75, null)).toBe('0.75');
    expect(intervalText(countInterval(3), 3, 'count', 4)).toBe('–');
  });

  it('gives intervals in the units of the figure', () => {
    // 20 offences: Byar 12.2 to 30.9; per 1,000 of 4,000 residents: 3.05 to 7.72.
    expect(intervalText(countInterval(20), 20, 'count', null)).toBe('12.2 to 30.9');
    expect(intervalText(rateInterval(20, 4000), 20, 'rate', null)).toBe('3.1 to 7.7');
  });

  it('writes changes with sign, percentage, arrow and significance in words', () => {
    // 15 against 40: -25, -62.5%, p = 0.00102.
    expect(changeDisplay(compareCounts(15, 40), null)).toEqual({
      text: '−25 (−62.5%)',
      arrow: '▼',
      significant: true,
      noise: false,
      words: 'down 25 (−62.5%), significant (p = 0.001)',
    });
    expect(changeDisplay(compareCounts(20, 10), null)?.words).toBe(
      'up 10 (+100.0%), not significant (p = 0.099)',
    );
    // From zero there is no percentage.
    expect(changeDisplay(compareCounts(6, 0), null)?.text).toBe('+6');
    // 3 against 1 is within noise: no percentage (+200% would say more than four offences can),
    // and the words say so. p = 0.625 (binom.test(3, 4)).
    expect(changeDisplay(compareCounts(3, 1), null)).toMatchObject({
      text: '+2',
      noise: true,
      words: 'up 2, too few offences to tell from noise (p = 0.625)',
    });
    // Few offences but a significant test: the test is believed (6 against 0, p = 0.031).
    expect(changeDisplay(compareCounts(6, 0), null)?.noise).toBe(false);
    // A suppressed count on either side hides the change.
    expect(changeDisplay(compareCounts(3, 10), 4)).toBeNull();
    expect(changeDisplay(compareCounts(10, 2), 4)).toBeNull();
  });
});
