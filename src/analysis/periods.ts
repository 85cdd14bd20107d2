/**
 * Periods that match tasking: presets worked out from the months the data holds, each with the
 * comparisons that make sense for it, and the words that name them wherever they are shown.
 *
 * The data's latest month is taken as the last complete month: MPS and data.police.uk files are
 * published a month at a time, and the computer's clock says nothing about what a file holds.
 */
import { type MonthKey, monthIndex, monthKey, monthLabel } from '../data/calendar.ts';

export interface Period {
  from: MonthKey;
  to: MonthKey;
}

/** First and last month index the data holds, inclusive. */
export interface MonthSpan {
  first: number;
  last: number;
}

export type PeriodPreset =
  | 'last-28-days'
  | 'last-month'
  | 'last-3-months'
  | 'last-12-months'
  | 'year-to-date'
  | 'financial-year';

export const PERIOD_PRESETS: readonly { id: PeriodPreset; label: string }[] = [
  { id: 'last-28-days', label: 'Last 28 days' },
  { id: 'last-month', label: 'Last complete month' },
  { id: 'last-3-months', label: 'Last 3 months against the 3 before' },
  { id: 'last-12-months', label: 'Last 12 months against the 12 before' },
  { id: 'year-to-date', label: 'Year to date against the same months last year' },
  { id: 'financial-year', label: 'Financial year to date against the same months last year' },
];

export function isPeriodPreset(value: string): value is PeriodPreset {
  return PERIOD_PRESETS.some((preset) => preset.id === value);
}

/** The financial year starts in April (month 3 counting January as 0). */
const FINANCIAL_YEAR_START = 3;

export function periodMonths(period: Period): number {
  return (monthIndex(period.to) as number) - (monthIndex(period.from) as number) + 1;
}

function periodOf(first: number, last: number): Period {
  return { from: monthKey(first), to: monthKey(last) };
}

/** "Feb 2026", "Dec 2025 to Feb 2026" */
export function periodText(period: Period): string {
  return period.from === period.to
    ? monthLabel(period.from)
    : `${monthLabel(period.from)} to ${monthLabel(period.to)}`;
}

/**
 * Why a preset cannot be offered for this data, or null when it can. Every loaded format counts
 * offences by month, so "last 28 days" waits for data with dates.
 */
export function presetUnavailable(preset: PeriodPreset, span: MonthSpan | null): string | null {
  if (preset === 'last-28-days') return 'The loaded data counts offences by month, not by day.';
  if (span === null) return 'No data is loaded.';
  const period = presetPeriodFor(preset, span);
  if (period === null) {
    const held = span.last - span.first + 1;
    return `The data holds ${held} ${held === 1 ? 'month' : 'months'}.`;
  }
  return null;
}

/** The months a preset covers, ending with the data's latest month; null when the data does
 * not reach back far enough. */
export function presetPeriodFor(preset: PeriodPreset, span: MonthSpan): Period | null {
  const { last } = span;
  let first: number;
  switch (preset) {
    case 'last-28-days':
      return null;
    case 'last-month':
      first = last;
      break;
    case 'last-3-months':
      first = last - 2;
      break;
    case 'last-12-months':
      first = last - 11;
      break;
    case 'year-to-date':
      first = last - (last % 12);
      break;
    case 'financial-year':
      first = last - (((last % 12) - FINANCIAL_YEAR_START + 12) % 12);
      break;
  }
  return first >= span.first ? periodOf(first, last) : null;
}

export type ComparisonKind = 'previous' | 'year-earlier';

/** A period the current one is compared with, and how the two relate, in words. */
export interface PeriodComparison {
  kind: ComparisonKind;
  period: Period;
  /** "the 3 months before", "the same months a year earlier" */
  relation: string;
}

/** "Change against Sep to Nov 2025 (the 3 months before)" without "Change". */
export function comparisonText(comparison: PeriodComparison): string {
  return `against ${periodText(comparison.period)} (${comparison.relation})`;
}

function monthsText(months: number): string {
  return months === 1 ? 'the month before' : `the ${months} months before`;
}

/**
 * The comparisons worth showing for a period, each a different pair of periods:
 * - year to date and financial year: the same months a year earlier only (the months just
 *   before belong to another part of the year);
 * - otherwise the period of the same length just before, and the same months a year earlier
 *   when the period is shorter than a year. At 12 months the two are the same comparison, and
 *   beyond 12 a year earlier overlaps the period itself.
 */
export function comparisonsFor(period: Period, preset: PeriodPreset | null): PeriodComparison[] {
  const first = monthIndex(period.from) as number;
  const last = monthIndex(period.to) as number;
  const months = last - first + 1;
  const yearEarlier: PeriodComparison = {
    kind: 'year-earlier',
    period: periodOf(first - 12, last - 12),
    relation: months === 1 ? 'the same month a year earlier' : 'the same months a year earlier',
  };
  if (preset === 'year-to-date' || preset === 'financial-year') return [yearEarlier];
  const previous: PeriodComparison = {
    kind: 'previous',
    period: periodOf(first - months, last - months),
    relation: monthsText(months),
  };
  return months < 12 ? [previous, yearEarlier] : [previous];
}

/** Whether the data holds every month of a period. */
export function spanCovers(span: MonthSpan | null, period: Period): boolean {
  if (span === null) return false;
  const first = monthIndex(period.from);
  const last = monthIndex(period.to);
  return first !== null && last !== null && first >= span.first && last <= span.last;
}

/** "Last 3 months: Dec 2025 to Feb 2026"; a custom period by its months alone. */
export function presetText(preset: PeriodPreset | null, period: Period): string {
  return preset === null
    ? periodText(period)
    : `${PRESET_SHORT_NAMES[preset]}: ${periodText(period)}`;
}

const PRESET_SHORT_NAMES: Readonly<Record<PeriodPreset, string>> = {
  'last-28-days': 'Last 28 days',
  'last-month': 'Last complete month',
  'last-3-months': 'Last 3 months',
  'last-12-months': 'Last 12 months',
  'year-to-date': 'Year to date',
  'financial-year': 'Financial year to date',
};

/**
 * Rates are per 1,000 residents per year, whatever the period: a period of `months` months has
 * `months / 12` person-years of exposure per resident, so quarters and years read on one scale.
 */
export function personYears(population: number, months: number): number {
  return (population * months) / 12;
}

/** "per 1,000 residents" for a year; "per 1,000 residents per year" for any other length. */
export function rateUnit(denominator: string, months: number): string {
  return months === 12 ? `per 1,000 ${denominator}` : `per 1,000 ${denominator} per year`;
}

/** A column's name for the rate: "Rate per 1,000", or "Rate per 1,000 per year". */
export function rateColumnName(months: number): string {
  return months === 12 ? 'Rate per 1,000' : 'Rate per 1,000 per year';
}
