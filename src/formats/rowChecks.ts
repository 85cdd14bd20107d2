/**
 * Checks of cells that several formats share: a month and an offence count. Each either gives
 * the value or logs the row as rejected, with the same categories and words in every format.
 */
import { monthIndex } from '../data/calendar.ts';
import type { RejectionLog } from '../data/report.ts';

export type CountParse = { value: number } | { error: string };

export function parseCount(raw: string): CountParse {
  const text = raw.trim();
  if (text === '') return { error: 'Count is missing' };
  const value = Number(text);
  if (!Number.isFinite(value)) return { error: `Count is not a number: "${text}"` };
  if (value < 0) return { error: `Count is negative: ${text}` };
  if (!Number.isInteger(value)) return { error: `Count is not a whole number: ${text}` };
  return { value };
}

/** The month index of a `YYYY-MM` cell, or null once the row is rejected. */
export function monthOrReject(raw: string, row: number, log: RejectionLog): number | null {
  const text = raw.trim();
  const month = monthIndex(text);
  if (month === null) log.reject(row, 'Bad month', `Month is not YYYY-MM: "${text}"`);
  return month;
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
  const category = count.error.startsWith('Count is negative') ? 'Negative count' : 'Bad count';
  log.reject(row, category, `${where}${count.error}`);
  return null;
}
