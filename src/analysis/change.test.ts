import { describe, expect, it } from 'vitest';
import { binomialTestTwoSided, compareCounts, EXACT_TEST_UP_TO } from './change.ts';
import { logGamma } from './special.ts';

/** The definition, outcome by outcome: every outcome no more likely than k (within R's
 * 1 + 1e-7), each probability from the log of C(n, k) p^k (1 - p)^(n - k). */
function byDefinition(k: number, n: number, p: number): number {
  const log = (x: number) =>
    logGamma(n + 1) -
    logGamma(x + 1) -
    logGamma(n - x + 1) +
    x * Math.log(p) +
    (n - x) * Math.log(1 - p);
  const limit = log(k) + Math.log1p(1e-7);
  let total = 0;
  for (let x = 0; x <= n; x += 1) {
    const logProbability = log(x);
    if (logProbability <= limit) total += Math.exp(logProbability);
  }
  return Math.min(1, total);
}

/** Summing a million outcomes by definition takes about a second each on a busy machine. */
const SUM_OF_A_MILLION_OUTCOMES = 60_000;

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

  it(
    'equals the sum over every outcome at the largest count it treats exactly',
    () => {
      // A million offences: the continued fraction's slowest case, tails near the mode.
      const n = EXACT_TEST_UP_TO;
      for (const [k, p] of [
        [n / 2 - 1000, 0.5],
        [666_000, 2 / 3],
      ] as const)
        expect(binomialTestTwoSided(k, n, p), `${k} of ${n} at ${p}`).toBeCloseTo(
          byDefinition(k, n, p),
          // Log-gamma of a million carries rounding of about 1e-9.
          7,
        );
    },
    SUM_OF_A_MILLION_OUTCOMES,
  );

  it(
    'is within 2e-4 of the sum over every outcome just past the exact range',
    () => {
      // The normal approximation's error falls as 1 / sqrt(n): at its start it is largest, and
      // larger when the periods differ in length (p is not one half: the distribution is skewed).
      const n = EXACT_TEST_UP_TO + 2;
      const mean = (p: number) => Math.round(n * p);
      for (const [k, p, within] of [
        [mean(0.5) + 1000, 0.5, 1e-6],
        [mean(2 / 3) + 900, 2 / 3, 2e-4],
      ] as const) {
        const error = Math.abs(binomialTestTwoSided(k, n, p) - byDefinition(k, n, p));
        expect(error, `${k} of ${n} at ${p}`).toBeLessThan(within);
      }
    },
    SUM_OF_A_MILLION_OUTCOMES,
  );

  it('tests a million million offences in closed form', () => {
    // n = 10^12, p = 1/2: mean 5 x 10^11, standard deviation sqrt(10^12 / 4) = 500,000. Seeing
    // 980,000 above the mean: z = (980,000 - 0.5) / 500,000 = 1.959999, and
    // 2 (1 - Phi(1.96)) = 2 x 0.0249979 = 0.0499958, plus 2 phi(1.96) x 10^-6 = 1.2e-7.
    expect(binomialTestTwoSided(5e11 + 980_000, 1e12, 0.5)).toBeCloseTo(0.049996, 6);
    // The same distance below the mean, by symmetry.
    expect(binomialTestTwoSided(5e11 - 980_000, 1e12, 0.5)).toBeCloseTo(0.049996, 6);
    // Within half an offence of the mean: p = 1.
    expect(binomialTestTwoSided(5e11, 1e12, 0.5)).toBe(1);
  });
});
