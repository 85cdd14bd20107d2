/**
 * 95% (or other) confidence intervals for counts and rates, treating a count as Poisson.
 * Exact (Garwood 1936) intervals for counts below 10, Byar's approximation from 10 upwards, as in
 * the Association of Public Health Observatories' "Commonly used public health statistics and
 * their confidence intervals" (APHO, 2008) and Public Health England's Fingertips tools.
 */
import { inverseRegularisedGammaP, normalQuantile } from './special.ts';

export interface Interval {
  lower: number;
  upper: number;
  method: 'exact' | 'byar';
}

/** Counts from this size use Byar's approximation. */
export const BYAR_FROM = 10;

/**
 * Below 10 offences a count's 95% interval runs from under half to about double the count
 * (9: 4.1 to 17.1), so differences between wards or periods are within noise.
 */
export const FEW_OFFENCES = 10;

/** Exact Poisson interval: the Gamma quantiles that chi-square tables give as chi2(2k)/2. */
export function exactPoissonInterval(count: number, confidence = 0.95): Interval {
  const alpha = 1 - confidence;
  const lower = count === 0 ? 0 : inverseRegularisedGammaP(count, alpha / 2);
  const upper = inverseRegularisedGammaP(count + 1, 1 - alpha / 2);
  return { lower, upper, method: 'exact' };
}

/** Byar's approximation (Breslow and Day 1987, p. 69). */
export function byarInterval(count: number, confidence = 0.95): Interval {
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const lower = count === 0 ? 0 : count * (1 - 1 / (9 * count) - z / (3 * Math.sqrt(count))) ** 3;
  const next = count + 1;
  const upper = next * (1 - 1 / (9 * next) + z / (3 * Math.sqrt(next))) ** 3;
  return { lower, upper, method: 'byar' };
}

/** The interval for a count: exact below 10, Byar's from 10. Fractional counts (spread times)
 * are rounded, since intervals are for whole offences. */
export function countInterval(count: number, confidence = 0.95): Interval {
  const whole = Math.round(count);
  return whole < BYAR_FROM
    ? exactPoissonInterval(whole, confidence)
    : byarInterval(whole, confidence);
}

/** The interval for a rate per 1,000: the count's interval divided by the population. */
export function rateInterval(count: number, population: number, confidence = 0.95): Interval {
  const interval = countInterval(count, confidence);
  return {
    ...interval,
    lower: (interval.lower / population) * 1000,
    upper: (interval.upper / population) * 1000,
  };
}

export type Comparison = 'higher' | 'lower' | 'similar';

/**
 * A ward's rate against the area's: significantly higher or lower when the ward's confidence
 * interval lies wholly above or below the area's rate, as Fingertips compares areas with a
 * benchmark. Near the funnel's mouth (small populations) the interval is wide and few wards differ.
 */
export function compareWithBenchmark(
  count: number,
  population: number | null,
  benchmarkRate: number | null,
  confidence = 0.95,
): Comparison | null {
  if (population === null || population <= 0 || benchmarkRate === null) return null;
  const interval = rateInterval(count, population, confidence);
  if (interval.lower > benchmarkRate) return 'higher';
  if (interval.upper < benchmarkRate) return 'lower';
  return 'similar';
}
