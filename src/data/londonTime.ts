/**
 * Date-times of partner extracts, in London time. A date-time without an offset is London wall
 * time; one with `Z` or an offset (`+01:00`) is converted. British Summer Time runs from 01:00
 * UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October (the rule since
 * 1996), so the small rule here gives the same answers as the time zone database without
 * depending on it, and London's offsets are whole hours, so UTC hours and London hours start
 * together.
 *
 * Wall times that do not exist (01:00-01:59 when the clocks go forward) are read as GMT, i.e.
 * 02:00-02:59 BST; wall times that occur twice (01:00-01:59 when they go back) are read as the
 * first, BST.
 */

export const HOUR_MS = 3_600_000;

/** Day of the month of the last Sunday of a month (0-based month). */
function lastSunday(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return lastDay.getUTCDate() - lastDay.getUTCDay();
}

/** Offset of London from UTC, in ms, at a UTC instant. */
export function londonOffset(instant: number): number {
  const year = new Date(instant).getUTCFullYear();
  const start = Date.UTC(year, 2, lastSunday(year, 2), 1);
  const end = Date.UTC(year, 9, lastSunday(year, 9), 1);
  return instant >= start && instant < end ? HOUR_MS : 0;
}

/** The UTC instant of a London wall time given as if it were UTC (Date.UTC of its fields). */
function fromLondonWall(wall: number): number {
  const year = new Date(wall).getUTCFullYear();
  // In wall-clock terms BST runs from 02:00 on the day it starts to 02:00 on the day it ends.
  const start = Date.UTC(year, 2, lastSunday(year, 2), 2);
  const end = Date.UTC(year, 9, lastSunday(year, 9), 2);
  return wall >= start && wall < end ? wall - HOUR_MS : wall;
}

/** London wall-clock fields of a UTC instant. */
export interface LondonTime {
  /** Month index: year * 12 + month - 1 (as in calendar.ts). */
  month: number;
  /** Monday = 0 ... Sunday = 6. */
  weekday: number;
  hour: number;
}

export function londonTime(instant: number): LondonTime {
  const wall = new Date(instant + londonOffset(instant));
  return {
    month: wall.getUTCFullYear() * 12 + wall.getUTCMonth(),
    weekday: (wall.getUTCDay() + 6) % 7,
    hour: wall.getUTCHours(),
  };
}

export interface ParsedDateTime {
  /** UTC instant, ms. */
  instant: number;
  /** The text gave `Z` or an offset from UTC. */
  hadOffset: boolean;
  /** The date as written, for the checks of its year (formats/rowChecks.ts). */
  year: number;
  month: number;
  day: number;
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
/** Excel in a UK locale saves ISO date-times as "10/01/2025 22:30". */
const UK = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * An ISO date-time (`2025-01-10T22:30`, `2025-01-10 22:30:00`, `...Z`, `...+01:00`), an ISO date,
 * or a UK date-time (`10/01/2025 22:30`); null when unreadable or not a real date and time. A date
 * alone stands for the start of its day in London; `endOfDay` gives its last hour instead.
 */
export function parseLondonDateTime(text: string, endOfDay = false): ParsedDateTime | null {
  const trimmed = text.trim();
  // Year, month, day, hour, minute, second; a missing time is the start (or end) of the day.
  let parts: (string | undefined)[];
  let zone: string | undefined;
  const iso = ISO.exec(trimmed);
  if (iso) {
    parts = iso.slice(1, 7);
    zone = iso[7];
  } else {
    const uk = UK.exec(trimmed);
    if (!uk) return null;
    parts = [uk[3], uk[2], uk[1], uk[4], uk[5], uk[6]];
  }
  const part = (index: number, missing: number) => {
    const value = parts[index];
    return value === undefined ? missing : Number(value);
  };
  const year = part(0, Number.NaN);
  const month = part(1, Number.NaN);
  const day = part(2, Number.NaN);
  const h = part(3, endOfDay ? 23 : 0);
  const m = part(4, endOfDay ? 59 : 0);
  const s = part(5, 0);
  if (!(month >= 1 && month <= 12) || h > 23 || m > 59 || s > 59) return null;
  // Date.UTC reads years 0 to 99 as 1900 to 1999: setUTCFullYear takes the year as it is.
  const date = new Date(Date.UTC(2000, month - 1, day, h, m, s));
  date.setUTCFullYear(year, month - 1, day);
  const wall = date.getTime();
  // 31 February rolls over into March: such a date is not real.
  if (date.getUTCDate() !== day) return null;
  const written = { year, month, day };
  if (zone === undefined) return { instant: fromLondonWall(wall), hadOffset: false, ...written };
  if (zone.toUpperCase() === 'Z') return { instant: wall, hadOffset: true, ...written };
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offset = (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0')) * 60_000;
  return { instant: wall - sign * offset, hadOffset: true, ...written };
}
