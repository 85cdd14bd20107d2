import { describe, expect, it } from 'vitest';
import {
  byarInterval,
  compareWithBenchmark,
  countInterval,
  exactPoissonInterval,
  rateInterval,
} from './intervals.ts';

describe('exact Poisson intervals', () => {
  // Published exact 95% limits for a Poisson count (e.g. Ulm 1990, Am J Epidemiol 131:373;
  // the same values as chi2(0.025, 2k)/2 and chi2(0.975, 2k + 2)/2 in any chi-square table).
  const published: [number, number, number][] = [
    [0, 0, 3.6889],
    [1, 0.0253, 5.5716],
    [2, 0.2422, 7.2247],
    [5, 1.6235, 11.6683],
    [10, 4.7954, 18.3904],
    [20, 12.2165, 30.8884],
  ];
  it.each(published)('count %i: %f to %f', (count, lower, upper) => {
    const interval = exactPoissonInterval(count);
    expect(interval.lower).toBeCloseTo(lower, 3);
    expect(interval.upper).toBeCloseTo(upper, 3);
  });

  it('widens for 99% confidence', () => {
    // chi2(0.005, 20)/2 = 7.4338/2... i.e. 3.7169; chi2(0.995, 22)/2 = 42.7957/2 = 21.3979.
    const interval = exactPoissonInterval(10, 0.99);
    expect(interval.lower).toBeCloseTo(3.7169, 3);
    expect(interval.upper).toBeCloseTo(21.3979, 3);
  });
});

describe("Byar's approximation", () => {
  it('matches the exact limits closely for 10 and more', () => {
    // Byar for 10: 10 (1 - 1/90 - 1.959964/(3 sqrt 10))^3 = 10 x 0.782291^3 = 4.7874;
    // upper 11 (1 - 1/99 + 1.959964/(3 sqrt 11))^3 = 11 x 1.186883^3 = 18.3915
    // (exact: 4.7954 and 18.3904).
    const ten = byarInterval(10);
    expect(ten.lower).toBeCloseTo(4.7874, 3);
    expect(ten.upper).toBeCloseTo(18.3915, 3);
    const exact = exactPoissonInterval(100);
    const byar = byarInterval(100);
    expect(Math.abs(byar.lower - exact.lower)).toBeLessThan(0.05);
    expect(Math.abs(byar.upper - exact.upper)).toBeLessThan(0.05);
  });

  it('is used from 10 upwards, exact below', () => {
    expect(countInterval(9).method).toBe('exact');
    expect(countInterval(10).method).toBe('byar');
  });
});

describe('rate intervals', () => {
  it('divide the count interval by the population, per 1,000', () => {
    // APHO worked example style: 5 events among 2,000 residents: 2.5 per 1,000,
    // 95% CI 1.6235/2,000 x 1,000 = 0.81 to 11.6683/2,000 x 1,000 = 5.83.
    const interval = rateInterval(5, 2000);
    expect(interval.lower).toBeCloseTo(0.8118, 3);
    expect(interval.upper).toBeCloseTo(5.8342, 3);
  });
});

describe('comparison with the area rate', () => {
  it('marks a ward whose interval lies above or below the area rate', () => {
    // 20 offences among 1,000 residents: 20 per 1,000, Byar 95% CI 12.21 to 30.89 per 1,000.
    // Against an area rate of 10: higher; of 25: similar; of 35: lower.
    expect(compareWithBenchmark(20, 1000, 10)).toBe('higher');
    expect(compareWithBenchmark(20, 1000, 25)).toBe('similar');
    expect(compareWithBenchmark(20, 1000, 35)).toBe('lower');
  });

  it('finds the same rate significant only with enough residents (the funnel)', () => {
    // 4 per 1,000 against an area rate of 2: 2 of 500 is not significant (exact CI 0.2422 and
    // 7.2247 over 500: 0.48 to 14.45 per 1,000); 40 of 10,000 is (Byar CI 2.86 to 5.45 per 1,000).
    expect(compareWithBenchmark(2, 500, 2)).toBe('similar');
    expect(compareWithBenchmark(40, 10_000, 2)).toBe('higher');
  });

  it('gives no comparison without a population or an area rate', () => {
    expect(compareWithBenchmark(3, null, 2)).toBeNull();
    expect(compareWithBenchmark(3, 100, null)).toBeNull();
  });
});
