/** Months are handled as integers (year * 12 + month - 1) so that ranges are plain arithmetic. */
export type MonthKey = string; // YYYY-MM

/** Month index of January 1900, the earliest month accepted. */
export const FIRST_MONTH_INDEX = 1900 * 12;

export function monthIndex(key: MonthKey): number | null {
  const match = /^(\d{4})-(\d{2})$/.exec(key);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12 || year < 1900 || year > 2200) return null;
  return year * 12 + month - 1;
}

/**
 * The first year of offences a file may hold: police and partner systems hold no records of this
 * kind from before it, so an earlier year is a slip or a placeholder (see formats/rowChecks.ts).
 */
export const FIRST_DATA_YEAR = 1990;

/** The last year of offences a file may hold: next year (a file of this December can be dated
 * January by a system ahead of the clock). */
export function lastDataYear(now = new Date()): number {
  return now.getFullYear() + 1;
}

export function monthKey(index: number): MonthKey {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${String(month).padStart(2, '0')}`;
}

export const MONTH_NAMES = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

/** "Mar 2024" */
export function monthLabel(key: MonthKey): string {
  const index = monthIndex(key);
  if (index === null) return key;
  return `${MONTH_NAMES[index % 12]} ${Math.floor(index / 12)}`;
}

/** ISO weekday order, Monday first. */
export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export const WEEKDAY_NAMES = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;
