import { describe, expect, it } from 'vitest';
import {
  classIndex,
  classify,
  classLabels,
  naturalBreaks,
  quantile,
  roundToSignificant,
} from './classify.ts';

describe('quantile class breaks', () => {
  it('interpolates quantiles linearly (R type 7)', () => {
    // positions (n - 1) p: 0.25 of [1, 2, 4, 8] is 0.75 of the way from 1 to 2.
    expect(quantile([1, 2, 4, 8], 0.25)).toBe(1.75);
    expect(quantile([1, 2, 4, 8], 0.5)).toBe(3);
    expect(quantile([7], 0.9)).toBe(7);
  });

  it('splits whole-number counts into classes of equal size with whole thresholds', () => {
    // 0.2 quantile of 1..10 is 2.8 -> 3; 0.4 -> 4.6 -> 5; 0.6 -> 6.4 -> 7; 0.8 -> 8.2 -> 9.
    const classification = classify([10, 1, 2, 3, 4, 5, 6, 7, 8, 9], 5);
    expect(classification.thresholds).toEqual([3, 5, 7, 9]);
    expect(classification.classCounts).toEqual([2, 2, 2, 2, 2]);
    expect(classLabels(classification, String)).toEqual(['1–2', '3–4', '5–6', '7–8', '9–10']);
  });

  it('rounds rate thresholds to two significant figures', () => {
    // Median of [0.5, 1.25, 2, 10] is 1.625, shown as 1.6.
    const classification = classify([0.5, 1.25, 2, 10], 2);
    expect(classification.thresholds).toEqual([1.6]);
    expect(classification.classCounts).toEqual([2, 2]);
    expect(classLabels(classification, String)).toEqual(['under 1.6', '1.6 or more']);
  });

  it('merges classes that would be empty when many values are equal', () => {
    const classification = classify([0, 0, 0, 0, 0, 0, 3, 8], 4);
    // Quantiles at positions 1.75, 3.5 and 5.25 are 0, 0 and 0.75 (-> 1); the thresholds at the
    // minimum would make empty classes and are dropped.
    expect(classification.thresholds).toEqual([1]);
    expect(classification.classCounts).toEqual([6, 2]);
    expect(classLabels(classification, String)).toEqual(['0', '1–8']);
  });

  it('gives one class when every value is the same', () => {
    const classification = classify([4, 4, 4], 5);
    expect(classification.thresholds).toEqual([]);
    expect(classLabels(classification, String)).toEqual(['4']);
  });

  it('places a value on a threshold in the class above', () => {
    expect(classIndex([3, 5], 2.99)).toBe(0);
    expect(classIndex([3, 5], 3)).toBe(1);
    expect(classIndex([3, 5], 5)).toBe(2);
  });

  it('rounds to significant figures', () => {
    expect(roundToSignificant(12.345)).toBe(12);
    expect(roundToSignificant(0.04567)).toBe(0.046);
    expect(roundToSignificant(1234)).toBe(1200);
  });
});

describe('natural breaks (ckmeans)', () => {
  it('reproduces the simple-statistics documentation example', () => {
    // ckmeans([-1, 2, -1, 2, 4, 5, 6, -1, 2, -1], 3) -> [[-1, -1, -1, -1], [2, 2, 2], [4, 5, 6]]
    // (simple-statistics docs, after Wang and Song 2011): thresholds 2 and 4.
    const sorted = [-1, 2, -1, 2, 4, 5, 6, -1, 2, -1].sort((a, b) => a - b);
    expect(naturalBreaks(sorted, 3)).toEqual([2, 4]);
    expect(classify([-1, 2, -1, 2, 4, 5, 6, -1, 2, -1], 3, 'natural-breaks').classCounts).toEqual([
      4, 3, 3,
    ]);
  });

  it('separates obvious clusters however many wards sit in each', () => {
    // Three groups: sums of squares within them are tiny next to any other split.
    const values = [1, 2, 2, 3, 40, 41, 42, 200, 210];
    expect(naturalBreaks(values, 3)).toEqual([40, 200]);
    // Fewer distinct values than classes: one class per value.
    expect(naturalBreaks([5, 5, 9], 4)).toEqual([9]);
  });
});

describe('equal interval and your own breaks', () => {
  it('splits the range into equal steps', () => {
    // 0 to 100 in 4: 25, 50, 75.
    expect(classify([0, 10, 30, 55, 80, 100], 4, 'equal-interval').thresholds).toEqual([
      25, 50, 75,
    ]);
    // 0 to 226 in 5 steps of 45.2: 45.2, 90.4, 135.6, 180.8 -> whole-number thresholds 46, 91, 136, 181.
    expect(classify([0, 226], 5, 'equal-interval').thresholds).toEqual([46, 91, 136, 181]);
  });

  it('keeps the user breaks as given, sorted, dropping those outside the data', () => {
    const classification = classify([1.5, 4, 12, 30], 3, 'custom', [20, 2.5, 10, 99]);
    expect(classification.thresholds).toEqual([2.5, 10, 20]);
    expect(classification.classCounts).toEqual([1, 1, 1, 1]);
  });
});
