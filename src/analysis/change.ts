/**
 * Change between two periods of equal length, and whether it is more than chance: the exact
 * conditional test for two Poisson counts (Przyborowski and Wilenski 1940): given the total
 * n = a + b, a is binomial with p = the first period's share of the exposure (one half for periods
 * of equal length and population). The two-sided p-value is the probability of the outcomes no
 * more likely than the one seen, as R's binom.test and poisson.test give it, in closed form: never
 * a step per offence (a few thousand steps at most, at a million offences; a few beyond that).
 */
import { logGamma, normalCdf, regularisedBeta } from './special.ts';

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

/**
 * The last outcome, moving from the mode towards `end`, whose probability is above `limit`:
 * probabilities fall monotonically on each side of the mode, so a binary search finds it.
 */
function lastAbove(mode: number, end: number, limit: number, n: number, p: number): number {
  let inside = mode;
  let outside = end + (end < mode ? -1 : 1);
  while (Math.abs(outside - inside) > 1) {
    const middle = Math.trunc((inside + outside) / 2);
    if (logBinomialProbability(middle, n, p) > limit) inside = middle;
    else outside = middle;
  }
  return inside;
}

/** Above this many offences in the two periods together, the test uses the normal
 * approximation: its error is then below 2e-4 (1e-6 for periods of equal length), falling as
 * 1 / sqrt(n), far under what changes a verdict at 5%. */
export const EXACT_TEST_UP_TO = 1_000_000;

/**
 * Two-sided binomial test of k successes in n trials with probability p: the sum of the
 * probabilities of the outcomes no more likely than k. Those outcomes are the two tails beyond
 * the outcomes more likely than k, which lie around the mode; each tail is a regularised
 * incomplete beta function (P(X <= j) = I_(1-p)(n - j, j + 1)), so no outcome is summed one by
 * one. Above EXACT_TEST_UP_TO trials, the normal approximation with continuity correction.
 */
export function binomialTestTwoSided(k: number, n: number, p: number): number {
  if (n === 0) return 1;
  if (n > EXACT_TEST_UP_TO) {
    const distance = Math.abs(k - n * p) - 0.5;
    return distance <= 0 ? 1 : Math.min(1, 2 * normalCdf(-distance / Math.sqrt(n * p * (1 - p))));
  }
  const observed = logBinomialProbability(k, n, p);
  // Outcomes as likely as the one seen count too, allowing for rounding as R does (1 + 1e-7).
  const limit = observed + Math.log1p(1e-7);
  const mode = Math.min(n, Math.floor((n + 1) * p));
  if (logBinomialProbability(mode, n, p) <= limit) return 1;
  const low = lastAbove(mode, 0, limit, n, p) - 1;
  const high = lastAbove(mode, n, limit, n, p) + 1;
  const total =
    (low >= 0 ? regularisedBeta(1 - p, n - low, low + 1) : 0) +
    (high <= n ? regularisedBeta(p, high, n - high + 1) : 0);
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
