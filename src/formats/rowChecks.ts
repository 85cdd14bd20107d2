/**
 * Checks of cells that several formats share: a month or a date, an offence count, a decimal
 * coordinate. Each either gives the value or logs the row as rejected, with the same categories
 * and words in every format.
 *
 * Dates are offences' dates: years from FIRST_DATA_YEAR to next year. Police and council systems
 * write 31/12/9999 or 01/01/1900 for "not known": such placeholders are rejected as what they are,
 * as are years such as 0025 (which JavaScript reads as 1925). A date written with a two-digit year
 * (10/01/25) is read as 20yy when that is no later than next year, and rejected otherwise: 95
 * may be 1995 or 2095. A month with a two-digit year (25-01) is rejected. Counts are whole
 * numbers in plain decimal digits, up to MAX_COUNT a row: "1e3", "0x10" or "0b101" are numbers to
 * JavaScript, not counts a file should hold.
 */
import { FIRST_DATA_YEAR, lastDataYear } from '../data/calendar.ts';
import type { RejectionLog } from '../data/report.ts';

/** The most offences one row may count: no ward records a million of one kind in a month. */
export const MAX_COUNT = 1_000_000;

export type CountParse = { value: number } | { category: string; error: string };

const DIGITS = /^\d+$/;
const DECIMAL = /^\d+\.\d*$/;

/** The count a cell of plain decimal digits holds, up to MAX_COUNT; -1 for any other cell. A
 * loop over the characters: wide files have millions of count cells. */
export function plainCount(text: string): number {
  if (text.length === 0 || text.length > 16) return -1;
  let value = 0;
  for (let index = 0; index < text.length; index += 1) {
    const digit = text.charCodeAt(index) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value <= MAX_COUNT ? value : -1;
}

/** A count written in plain decimal digits, from 0 to MAX_COUNT. */
export function parseCount(raw: string): CountParse {
  const text = raw.trim();
  if (text === '') return { category: 'Bad count', error: 'Count is missing' };
  const value = plainCount(text);
  if (value >= 0) return { value };
  if (DIGITS.test(text)) {
    return {
      category: 'Count too large',
      error: `Count ${text} is more than ${MAX_COUNT.toLocaleString('en-GB')}, the most one row can hold`,
    };
  }
  if (text.startsWith('-') && (DIGITS.test(text.slice(1)) || DECIMAL.test(text.slice(1))))
    return { category: 'Negative count', error: `Count is negative: ${text}` };
  if (DECIMAL.test(text))
    return { category: 'Bad count', error: `Count is not a whole number: ${text}` };
  if (Number.isNaN(Number(text)))
    return { category: 'Bad count', error: `Count is not a number: "${text}"` };
  return {
    category: 'Bad count',
    error: `Count is not written in plain digits: "${text}"`,
  };
}

/** A whole-number count ≥ 0, or null once the row is rejected; `where` names the cell in a wide row. */
export function countOrReject(
  raw: string,
  row: number,
  log: RejectionLog,
  where = '',
): number | null {
  const count = parseCount(raw);
  if ('value' in count) return count.value;
  log.reject(row, count.category, `${where}${count.error}`);
  return null;
}

/** A decimal number as spreadsheets write it ("51.5", "-0.19"); null for anything else. */
export function parseDecimal(text: string): number | null {
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : null;
}

export interface DateProblem {
  category: string;
  detail: string;
}

/** Dates systems write for "not known", by year, month and day (0: any). */
const PLACEHOLDERS: readonly [year: number, month: number, day: number][] = [
  [9999, 0, 0],
  [1900, 1, 1],
  // Excel's day 0 and day 1 where it shows them as dates before 1900.
  [1899, 12, 30],
  [1899, 12, 31],
  // The first date of .NET and of SQL Server's datetime.
  [1, 1, 1],
  [1753, 1, 1],
];

function isPlaceholder(year: number, month: number, day: number | null): boolean {
  return PLACEHOLDERS.some(
    ([y, m, d]) => y === year && (m === 0 || m === month) && (d === 0 || day === null || d === day),
  );
}

/**
 * What is wrong with a date of an offence, from its year, month and day (null for a month alone)
 * as written (`written`, for the message), or null when it is a plausible date.
 */
export function dateProblem(
  year: number,
  month: number,
  day: number | null,
  written: string,
  now = new Date(),
): DateProblem | null {
  const what = day === null ? 'Month' : 'Date';
  if (isPlaceholder(year, month, day))
    return {
      category: 'Placeholder date',
      detail: `${what} "${written}" is a placeholder that systems write for "not known", not a ${day === null ? 'month' : 'date'}`,
    };
  if (year < 1000)
    return {
      category: 'Year not in full',
      detail: `${what} "${written}" has the year ${String(year).padStart(4, '0')}: write the year in full`,
    };
  const last = lastDataYear(now);
  if (year < FIRST_DATA_YEAR || year > last)
    return {
      category: 'Date out of range',
      detail: `${what} "${written}" is not in ${FIRST_DATA_YEAR} to ${last}, the years the dashboard reads`,
    };
  return null;
}

/** What is wrong with a date written with a two-digit year and read as 20yy (`year`), or null
 * when 20yy is a year the dashboard reads (it is after FIRST_DATA_YEAR by construction). */
export function shortYearProblem(
  year: number,
  written: string,
  now = new Date(),
): DateProblem | null {
  const last = lastDataYear(now);
  return year > last
    ? {
        category: 'Two-digit year',
        detail: `"${written.trim()}" has a two-digit year, and ${year} is after ${last}: write the year in full (e.g. 19${String(year).slice(2)})`,
      }
    : null;
}

/** A two-digit year where only a year in full is read: "25-01", "10/01/25", "10.01.25 22:30". */
export function twoDigitYearProblem(written: string): DateProblem | null {
  const text = written.trim();
  return /^\d{2}-\d{1,2}$/.test(text) || /^\d{1,2}([/.-])\d{1,2}\1\d{2}(\s|,|$)/.test(text)
    ? {
        category: 'Two-digit year',
        detail: `"${text}" has a two-digit year: write the year in full (e.g. 2025)`,
      }
    : null;
}

/** The month index of a `YYYY-MM` cell of an offence, or null once the row is rejected. */
export function monthOrReject(raw: string, row: number, log: RejectionLog): number | null {
  const text = raw.trim();
  const match = /^(\d{4})-(\d{2})$/.exec(text);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const problem =
    match && month >= 1 && month <= 12
      ? dateProblem(year, month, null, text)
      : (twoDigitYearProblem(text) ?? {
          category: 'Bad month',
          detail: `Month is not YYYY-MM: "${text}"`,
        });
  if (problem) {
    log.reject(row, problem.category, problem.detail);
    return null;
  }
  return year * 12 + month - 1;
}

/** The months a file may hold, as month indices: the fast path checks against them. */
export function dataMonths(now = new Date()): { first: number; last: number } {
  return { first: FIRST_DATA_YEAR * 12, last: lastDataYear(now) * 12 + 11 };
}
