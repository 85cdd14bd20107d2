import { describe, expect, it } from 'vitest';
import { regularisedBeta } from './special.ts';

describe('regularised incomplete beta function', () => {
  it('matches the closed forms of small shapes', () => {
    for (const x of [0.01, 0.2, 0.5, 0.73, 0.99]) {
      // Beta(1, 1) is uniform: I_x = x.
      expect(regularisedBeta(x, 1, 1)).toBeCloseTo(x, 13);
      // Beta(a, 1) has CDF x^a; Beta(1, b) has CDF 1 - (1 - x)^b.
      expect(regularisedBeta(x, 7, 1)).toBeCloseTo(x ** 7, 13);
      expect(regularisedBeta(x, 1, 5)).toBeCloseTo(1 - (1 - x) ** 5, 13);
      // Beta(2, 2) has density 6x(1 - x), whose integral is 3x^2 - 2x^3.
      expect(regularisedBeta(x, 2, 2)).toBeCloseTo(3 * x ** 2 - 2 * x ** 3, 13);
    }
  });

  it('is one half at the middle of a symmetric shape, however large', () => {
    for (const shape of [3, 40, 5000, 400_000])
      expect(regularisedBeta(0.5, shape, shape)).toBeCloseTo(0.5, 9);
  });

  it('gives the binomial tail: P(X <= 1) for Binomial(10, 0.3) is I_0.7(9, 2)', () => {
    // 0.7^10 + 10 x 0.3 x 0.7^9 = 0.0282475249 + 0.1210608210 = 0.1493083459.
    expect(regularisedBeta(0.7, 9, 2)).toBeCloseTo(0.1493083459, 10);
  });

  it('is 0 and 1 at the ends', () => {
    expect(regularisedBeta(0, 3, 4)).toBe(0);
    expect(regularisedBeta(1, 3, 4)).toBe(1);
  });
});
