import { describe, expect, it } from 'vitest';
import { monthIndex } from '../data/calendar.ts';
import {
  comparisonsFor,
  comparisonText,
  PERIOD_PRESETS,
  periodMonths,
  personYears,
  presetPeriodFor,
  presetText,
  presetUnavailable,
  rateColumnName,
  rateUnit,
  spanCovers,
} from './periods.ts';

const month = (key: string) => monthIndex(key) as number;
/** The MPS ward file of March 2024 to February 2026. */
const mps = { first: month('2024-03'), last: month('2026-02') };

describe('period presets', () => {
  it('end with the data’s latest month, whatever the date today', () => {
    expect(presetPeriodFor('last-month', mps)).toEqual({ from: '2026-02', to: '2026-02' });
    expect(presetPeriodFor('last-3-months', mps)).toEqual({ from: '2025-12', to: '2026-02' });
    expect(presetPeriodFor('last-12-months', mps)).toEqual({ from: '2025-03', to: '2026-02' });
    // The calendar year of February 2026 began in January.
    expect(presetPeriodFor('year-to-date', mps)).toEqual({ from: '2026-01', to: '2026-02' });
    // February 2026 is in the financial year that began in April 2025.
    expect(presetPeriodFor('financial-year', mps)).toEqual({ from: '2025-04', to: '2026-02' });
  });

  it('start the financial year in April, and in the same April when the data ends there', () => {
    expect(presetPeriodFor('financial-year', { first: 0, last: month('2025-04') })).toEqual({
      from: '2025-04',
      to: '2025-04',
    });
    expect(presetPeriodFor('financial-year', { first: 0, last: month('2025-03') })).toEqual({
      from: '2024-04',
      to: '2025-03',
    });
    expect(presetPeriodFor('year-to-date', { first: 0, last: month('2025-12') })).toEqual({
      from: '2025-01',
      to: '2025-12',
    });
  });

  it('are not offered when the data does not reach back far enough, and say why', () => {
    const eightMonths = { first: month('2025-07'), last: month('2026-02') };
    expect(presetPeriodFor('last-12-months', eightMonths)).toBeNull();
    expect(presetUnavailable('last-12-months', eightMonths)).toBe('The data holds 8 months.');
    expect(presetUnavailable('last-3-months', eightMonths)).toBeNull();
    // Every loaded format is monthly.
    expect(presetUnavailable('last-28-days', mps)).toMatch(/by month, not by day/);
    expect(presetUnavailable('last-month', null)).toBe('No data is loaded.');
  });

  it('each have a label', () => {
    expect(PERIOD_PRESETS.map((preset) => preset.label)).toContain(
      'Last 3 months against the 3 before',
    );
  });
});

describe('comparisons', () => {
  it('compare the last 3 months with the 3 before and with a year earlier', () => {
    const comparisons = comparisonsFor({ from: '2025-12', to: '2026-02' }, 'last-3-months');
    expect(comparisons.map((comparison) => comparison.period)).toEqual([
      { from: '2025-09', to: '2025-11' },
      { from: '2024-12', to: '2025-02' },
    ]);
    expect(comparisons.map(comparisonText)).toEqual([
      'against Sep 2025 to Nov 2025 (the 3 months before)',
      'against Dec 2024 to Feb 2025 (the same months a year earlier)',
    ]);
  });

  it('never show the same comparison twice: 12 months have one', () => {
    const comparisons = comparisonsFor({ from: '2025-03', to: '2026-02' }, 'last-12-months');
    expect(comparisons).toHaveLength(1);
    expect(comparisons[0]?.period).toEqual({ from: '2024-03', to: '2025-02' });
    // A custom 12 months is the same.
    expect(comparisonsFor({ from: '2025-03', to: '2026-02' }, null)).toHaveLength(1);
    // Every comparison of every preset is a different pair of periods.
    for (const period of [
      { from: '2026-02', to: '2026-02' },
      { from: '2025-12', to: '2026-02' },
      { from: '2024-01', to: '2025-12' },
    ]) {
      const periods = comparisonsFor(period, null).map((comparison) => comparison.period.from);
      expect(new Set(periods).size).toBe(periods.length);
    }
  });

  it('compare a year to date with the same months a year earlier only', () => {
    expect(comparisonsFor({ from: '2026-01', to: '2026-02' }, 'year-to-date')).toEqual([
      {
        kind: 'year-earlier',
        period: { from: '2025-01', to: '2025-02' },
        relation: 'the same months a year earlier',
      },
    ]);
    expect(comparisonsFor({ from: '2025-04', to: '2026-02' }, 'financial-year')[0]?.period).toEqual(
      { from: '2024-04', to: '2025-02' },
    );
  });

  it('name a single month’s comparisons in the singular', () => {
    expect(
      comparisonsFor({ from: '2026-02', to: '2026-02' }, 'last-month').map(comparisonText),
    ).toEqual([
      'against Jan 2026 (the month before)',
      'against Feb 2025 (the same month a year earlier)',
    ]);
  });

  it('leave a year earlier out beyond 12 months, where it would overlap the period', () => {
    const comparisons = comparisonsFor({ from: '2024-03', to: '2026-02' }, null);
    expect(comparisons.map((comparison) => comparison.kind)).toEqual(['previous']);
    expect(comparisons[0]?.period).toEqual({ from: '2022-03', to: '2024-02' });
  });

  it('are kept only where the data holds every month', () => {
    expect(spanCovers(mps, { from: '2024-03', to: '2024-05' })).toBe(true);
    expect(spanCovers(mps, { from: '2024-02', to: '2024-04' })).toBe(false);
    expect(spanCovers(null, { from: '2024-03', to: '2024-05' })).toBe(false);
  });
});

describe('names and rates', () => {
  it('name presets and periods', () => {
    expect(presetText('last-3-months', { from: '2025-12', to: '2026-02' })).toBe(
      'Last 3 months: Dec 2025 to Feb 2026',
    );
    expect(presetText(null, { from: '2026-02', to: '2026-02' })).toBe('Feb 2026');
    expect(periodMonths({ from: '2025-12', to: '2026-02' })).toBe(3);
  });

  it('count person-years, so that rates over any period are per year', () => {
    // 3 months of 12,000 residents: 3,000 person-years. 30 offences: 10 per 1,000 per year.
    expect(personYears(12_000, 3)).toBe(3000);
    expect((30 / personYears(12_000, 3)) * 1000).toBe(10);
    expect(rateUnit('residents', 12)).toBe('per 1,000 residents');
    expect(rateUnit('residents aged 10–24', 3)).toBe('per 1,000 residents aged 10–24 per year');
    expect(rateColumnName(12)).toBe('Rate per 1,000');
    expect(rateColumnName(1)).toBe('Rate per 1,000 per year');
  });
});
