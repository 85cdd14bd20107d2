import { describe, expect, it } from 'vitest';
import { binomialTestTwoSided, compareCounts } from './change.ts';
import { logGamma } from './special.ts';

describe('exact test for two Poisson counts', () => {
  it('matches R: poisson.test(c(20, 10)) gives p = 0.09874', () => {
    // Given 30 offences, 20 in the current period: P(X <= 10) + P(X >= 20) for Binomial(30, 1/2)
    // = 2 x 0.0493686 = 0.0987371.
    const change = compareCounts(20, 10);
    expect(change.pValue).toBeCloseTo(0.0987371, 6);
    expect(change.significant).toBe(false);
    expect(change.absolute).toBe(10);
    expect(change.percent).toBeCloseTo(100, 10);
  });

  it('finds a fall from 40 to 15 significant', () => {
    // Binomial(55, 1/2): P(X <= 15) = sum of C(55, k) for k <= 15 over 2^55 = 0.00050792,
    // doubled by symmetry: 0.00101585.
    const change = compareCounts(15, 40);
    expect(change.pValue).toBeCloseTo(0.00101585, 7);
    expect(change.significant).toBe(true);
    expect(change.percent).toBeCloseTo(-62.5, 10);
  });

  it('gives p = 1 for no change and no percentage from zero', () => {
    expect(compareCounts(7, 7).pValue).toBeCloseTo(1, 10);
    expect(compareCounts(0, 0).pValue).toBe(1);
    expect(compareCounts(3, 0).percent).toBeNull();
  });

  it('sums the outcomes no more likely than the one seen when p is not one half', () => {
    // Binomial(4, 0.25): P = 0.3164, 0.4219, 0.2109, 0.0469, 0.0039. Seeing 3: outcomes with
    // probability <= 0.0469 are 3 and 4: p = 0.0469 + 0.0039 = 0.0508.
    expect(binomialTestTwoSided(3, 4, 0.25)).toBeCloseTo(0.05078125, 8);
  });

  it('weights by exposure: twice the population expects twice the count', () => {
    expect(compareCounts(20, 10, 2).pValue).toBeCloseTo(1, 6);
  });

  it('equals the sum over every outcome, for small and large counts', () => {
    // The definition, outcome by outcome: every outcome no more likely than k (within R's
    // 1 + 1e-7), each probability from the log of C(n, k) p^k (1 - p)^(n - k).
    const byDefinition = (k: number, n: number, p: number) => {
      const log = (x: number) =>
        logGamma(n + 1) -
        logGamma(x + 1) -
        logGamma(n - x + 1) +
        x * Math.log(p) +
        (n - x) * Math.log(1 - p);
      const limit = log(k) + Math.log1p(1e-7);
      let total = 0;
      for (let x = 0; x <= n; x += 1) if (log(x) <= limit) total += Math.exp(log(x));
      return Math.min(1, total);
    };
    const cases: [number, number, number][] = [
      [0, 1, 0.5],
      [1, 1, 0.5],
      [0, 9, 0.5],
      [9, 9, 0.5],
      [4, 9, 0.5],
      [5, 9, 0.5],
      [1200, 2300, 0.5],
      [1100, 2300, 0.5],
      [1150, 2300, 0.5],
      [40, 5000, 0.01],
      [70, 5000, 0.01],
      [3400, 5000, 2 / 3],
      [3333, 5000, 2 / 3],
      [0, 5000, 0.3],
      [5000, 5000, 0.3],
      [20, 30, 0.8],
    ];
    for (const [k, n, p] of cases)
      expect(binomialTestTwoSided(k, n, p), `${k} of ${n} at ${p}`).toBeCloseTo(
        byDefinition(k, n, p),
        // Log-gamma and the ratios of successive terms each carry rounding of about 1e-13.
        10,
      );
  });
});
