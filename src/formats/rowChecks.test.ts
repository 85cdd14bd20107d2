import { describe, expect, it } from 'vitest';
import { RejectionLog, reasonCounts } from '../data/report.ts';
import {
  dataMonths,
  dateProblem,
  MAX_COUNT,
  monthOrReject,
  parseCount,
  parseDecimal,
  plainCount,
  shortYearProblem,
  twoDigitYearProblem,
} from './rowChecks.ts';

const NOW = new Date('2026-11-29T12:00:00Z');

describe('counts', () => {
  it('reads plain decimal digits up to the bound, exactly', () => {
    expect(parseCount('0')).toEqual({ value: 0 });
    expect(parseCount(' 42 ')).toEqual({ value: 42 });
    expect(parseCount('007')).toEqual({ value: 7 });
    expect(parseCount(String(MAX_COUNT))).toEqual({ value: 1_000_000 });
    expect(plainCount('999999')).toBe(999_999);
  });

  it('rejects what JavaScript reads as a number but no file writes as a count', () => {
    for (const text of ['1e3', '0x10', '0b101', '0o7', '1e39', 'Infinity', '+5', '1_000', '١٢'])
      expect(parseCount(text), text).toMatchObject({ category: 'Bad count' });
    expect(parseCount('0x10')).toEqual({
      category: 'Bad count',
      error: 'Count is not written in plain digits: "0x10"',
    });
    expect(parseCount('abc')).toEqual({
      category: 'Bad count',
      error: 'Count is not a number: "abc"',
    });
    expect(parseCount('2.5')).toEqual({
      category: 'Bad count',
      error: 'Count is not a whole number: 2.5',
    });
    expect(parseCount('-3')).toEqual({
      category: 'Negative count',
      error: 'Count is negative: -3',
    });
    expect(parseCount('')).toEqual({ category: 'Bad count', error: 'Count is missing' });
  });

  it('rejects counts past the bound as too large, however many digits', () => {
    for (const text of ['1000001', '16777217', '1000000000000000', '9'.repeat(40)])
      expect(parseCount(text), text).toMatchObject({ category: 'Count too large' });
    expect(plainCount('1000001')).toBe(-1);
  });
});

describe('dates', () => {
  it('takes years from 1990 to next year', () => {
    expect(dateProblem(1990, 1, 1, '1990-01-01', NOW)).toBeNull();
    expect(dateProblem(2027, 12, 31, '2027-12-31', NOW)).toBeNull();
    expect(dateProblem(2028, 1, 1, '2028-01-01', NOW)).toEqual({
      category: 'Date out of range',
      detail: 'Date "2028-01-01" is not in 1990 to 2027, the years the dashboard reads',
    });
    expect(dateProblem(1989, 12, null, '1989-12', NOW)?.category).toBe('Date out of range');
  });

  it('names placeholders for "not known" as such', () => {
    for (const [year, month, day] of [
      [9999, 12, 31],
      [9999, 1, 1],
      [1900, 1, 1],
      [1899, 12, 30],
      [1, 1, 1],
      [1753, 1, 1],
    ] as const)
      expect(dateProblem(year, month, day, 'x', NOW)?.category, `${year}-${month}-${day}`).toBe(
        'Placeholder date',
      );
    expect(dateProblem(9999, 12, null, '9999-12', NOW)?.detail).toBe(
      'Month "9999-12" is a placeholder that systems write for "not known", not a month',
    );
    // 2 January 1900 is no placeholder: just out of range.
    expect(dateProblem(1900, 1, 2, '02/01/1900', NOW)?.category).toBe('Date out of range');
  });

  it('asks for the year in full', () => {
    expect(dateProblem(25, 1, 10, '0025-01-10', NOW)).toEqual({
      category: 'Year not in full',
      detail: 'Date "0025-01-10" has the year 0025: write the year in full',
    });
    expect(twoDigitYearProblem('10/01/25')?.category).toBe('Two-digit year');
    expect(twoDigitYearProblem('10/01/25 22:30')?.category).toBe('Two-digit year');
    expect(twoDigitYearProblem('25-01')?.category).toBe('Two-digit year');
    expect(twoDigitYearProblem('10/01/2025')).toBeNull();
  });

  it('takes a date written with a two-digit year, read as 20yy, up to next year', () => {
    // NOW is in 2026: next year is 2027, the last year read.
    expect(shortYearProblem(2025, '10/01/25', NOW)).toBeNull();
    expect(shortYearProblem(2027, '10/01/27', NOW)).toBeNull();
    expect(shortYearProblem(2028, ' 10/01/28 ', NOW)).toEqual({
      category: 'Two-digit year',
      detail:
        '"10/01/28" has a two-digit year, and 2028 is after 2027: write the year in full (e.g. 1928)',
    });
    expect(shortYearProblem(2095, '10/01/95', NOW)?.detail).toBe(
      '"10/01/95" has a two-digit year, and 2095 is after 2027: write the year in full (e.g. 1995)',
    );
  });

  it('rejects months with the reason, and gives the index of good ones', () => {
    const log = new RejectionLog();
    expect(monthOrReject('2025-03', 2, log)).toBe(2025 * 12 + 2);
    for (const [row, text] of [
      [3, '9999-12'],
      [4, '0025-01'],
      [5, '25-01'],
      [6, '2025-13'],
      [7, 'March'],
    ] as const)
      expect(monthOrReject(text, row, log)).toBeNull();
    expect(reasonCounts(log.summary())).toEqual({
      'Placeholder date': 1,
      'Year not in full': 1,
      'Two-digit year': 1,
      'Bad month': 2,
    });
  });

  it('bounds the months the fast path may take', () => {
    expect(dataMonths(NOW)).toEqual({ first: 1990 * 12, last: 2027 * 12 + 11 });
  });
});

describe('decimals', () => {
  it('reads decimals as spreadsheets write them and nothing else', () => {
    expect(parseDecimal('51.5')).toBe(51.5);
    expect(parseDecimal('-0.19')).toBe(-0.19);
    expect(parseDecimal('.5')).toBe(0.5);
    for (const text of ['', '0x10', '1e3', 'Infinity', ' 1', '1,5'])
      expect(parseDecimal(text)).toBeNull();
  });
});
