/**
 * Change between two periods of equal length, and whether it is more than chance: the exact
 * conditional test for two Poisson counts (Przyborowski and Wilenski 1940): given the total
 * n = a + b, a is binomial with p = the first period's share of the exposure (one half for periods
 * of equal length and population). The two-sided p-value sums the outcomes no more likely than the
 * one seen, as R's binom.test and poisson.test do.
 */
import { logGamma } from './special.ts';

export interface Change {
  current: number;
  previous: number;
  absolute: number;
  /** Percentage change; null when the previous count is 0. */
  percent: number | null;
  pValue: number;
  /** At the 5% level. */
  significant: boolean;
}

export const SIGNIFICANCE_LEVEL = 0.05;

function logBinomialProbability(k: number, n: number, p: number): number {
  if (p === 0) return k === 0 ? 0 : Number.NEGATIVE_INFINITY;
  if (p === 1) return k === n ? 0 : Number.NEGATIVE_INFINITY;
  return (
    logGamma(n + 1) -
    logGamma(k + 1) -
    logGamma(n - k + 1) +
    k * Math.log(p) +
    (n - k) * Math.log(1 - p)
  );
}

/** Two-sided exact binomial test of k successes in n trials with probability p. */
export function binomialTestTwoSided(k: number, n: number, p: number): number {
  if (n === 0) return 1;
  const observed = logBinomialProbability(k, n, p);
  // Outcomes as likely as the one seen count too, allowing for rounding as R does (1 + 1e-7).
  const limit = observed + Math.log1p(1e-7);
  let total = 0;
  for (let outcome = 0; outcome <= n; outcome += 1) {
    const logProbability = logBinomialProbability(outcome, n, p);
    if (logProbability <= limit) total += Math.exp(logProbability);
  }
  return Math.min(1, total);
}

/**
 * Compares the current period's count with a previous one. `exposureRatio` is current exposure
 * over previous exposure (1 for periods of equal length and population). Counts spread over
 * hours may be fractional: the test uses whole offences.
 */
export function compareCounts(current: number, previous: number, exposureRatio = 1): Change {
  const a = Math.round(current);
  const b = Math.round(previous);
  const share = exposureRatio / (1 + exposureRatio);
  const pValue = binomialTestTwoSided(a, a + b, share);
  return {
    current,
    previous,
    absolute: current - previous,
    percent: previous === 0 ? null : ((current - previous) / previous) * 100,
    pValue,
    significant: pValue < SIGNIFICANCE_LEVEL,
  };
}
