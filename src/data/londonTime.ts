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

import { MONTH_NAMES, WEEKDAYS } from './calendar.ts';

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

/** "Fri 10 Jan 2025 22:30": a UTC instant in London time, to the minute. */
export function londonMinuteText(instant: number): string {
  const wall = new Date(instant + londonOffset(instant));
  const twoDigits = (value: number) => String(value).padStart(2, '0');
  return `${WEEKDAYS[(wall.getUTCDay() + 6) % 7]} ${wall.getUTCDate()} ${MONTH_NAMES[wall.getUTCMonth()]} ${wall.getUTCFullYear()} ${twoDigits(wall.getUTCHours())}:${twoDigits(wall.getUTCMinutes())}`;
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
  /** The year was written with two digits (`10/01/25`), read as 20yy so that the reader can
   * say so; formats/rowChecks.ts (shortYearProblem) says when 20yy cannot be right. */
  twoDigitYear: boolean;
}

const DAY_MS = 24 * HOUR_MS;

/** A time of day as written: `22:30`, `22:30:15`, `10:30 pm`, `10pm`, `24:00`, optional fraction
 * of a second. The groups are hour, minute, second and AM/PM. */
const TIME = /(\d{1,2})(?::(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*([ap]\.?m\.?)?/i;
const TIME_ALONE = new RegExp(`^${TIME.source}$`, 'i');
const ISO = new RegExp(
  `^(\\d{4})-(\\d{2})-(\\d{2})(?:[T ]${TIME.source}\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?)?$`,
  'i',
);
/** Day first, as written in the UK: `10/01/2025`, `10-01-25`, `10.01.2025 22:30`. */
const UK = new RegExp(
  `^(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4}|\\d{2})(?:,?\\s+${TIME.source})?$`,
  'i',
);
/** A month alone, as aggregated tables write it: `2025-01`, `Jan 2025`, `January 2025`. */
const ISO_MONTH = /^(\d{4})-(\d{2})$/;
const NAMED_MONTH = /^([a-z]{3})[a-z]*\.?\s+(\d{4})$/i;
/** An Excel serial date: days since 30 December 1899, the fraction being the time of day. */
const EXCEL_SERIAL = /^\d{1,7}(?:\.\d+)?$/;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
/** 31 December 9999, Excel's last date. */
const LAST_EXCEL_SERIAL = 2_958_465;

/**
 * Milliseconds from midnight of a time of day from the groups of `TIME`, null when not a real
 * time. `24:00` is the midnight that ends the day; with AM/PM the hour is 1 to 12.
 */
function timeFromParts(
  hourText: string | undefined,
  minuteText: string | undefined,
  secondText: string | undefined,
  meridiem: string | undefined,
): number | null {
  let hour = Number(hourText);
  const minute = minuteText === undefined ? 0 : Number(minuteText);
  const second = secondText === undefined ? 0 : Number(secondText);
  // "10" alone is not a time; "10pm" is.
  if (minuteText === undefined && meridiem === undefined) return null;
  if (minute > 59 || second > 59) return null;
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return null;
    const pm = meridiem.toLowerCase().startsWith('p');
    hour = (hour % 12) + (pm ? 12 : 0);
  } else if (hour > 24 || (hour === 24 && (minute > 0 || second > 0))) return null;
  return ((hour * 60 + minute) * 60 + second) * 1000;
}

/**
 * A time of day in a column of its own, in milliseconds from midnight (up to 24:00 = one day):
 * `22:30`, `22:30:15`, `10:30 PM`, `10pm`, `24:00`, or an Excel time (a fraction of a day such as
 * 0.9375). Null when blank or unreadable.
 */
export function parseTimeOfDay(text: string): number | null {
  const trimmed = text.trim();
  const time = TIME_ALONE.exec(trimmed);
  if (time) return timeFromParts(time[1], time[2], time[3], time[4]);
  if (/^(?:0(?:\.\d+)?|1(?:\.0+)?|\.\d+)$/.test(trimmed))
    return Math.round(Number(trimmed) * 86_400) * 1000;
  return null;
}

/** London wall time given as if it were UTC, and the zone the text named, if any. */
interface WallTime {
  wall: number;
  zone: string | undefined;
  hasTime: boolean;
  twoDigitYear: boolean;
  /** A month alone: it stands for the whole month. */
  wholeMonth?: boolean;
}

/** Date.UTC of a date, null when the day does not exist (31 February). */
function wallDate(year: number, month: number, day: number): number | null {
  if (!(month >= 1 && month <= 12 && day >= 1)) return null;
  const wall = Date.UTC(year, month - 1, day);
  const date = new Date(wall);
  // Date.UTC maps years 0-99 to 1900-1999: set the year itself.
  date.setUTCFullYear(year);
  return date.getUTCDate() === day ? date.getTime() : null;
}

function readWallTime(text: string): WallTime | null {
  const iso = ISO.exec(text);
  if (iso) {
    const date = wallDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (date === null) return null;
    if (iso[4] === undefined)
      return { wall: date, zone: undefined, hasTime: false, twoDigitYear: false };
    // ISO times carry minutes: `T22` alone is not one.
    if (iso[5] === undefined) return null;
    const time = timeFromParts(iso[4], iso[5], iso[6], iso[7]);
    if (time === null) return null;
    return { wall: date + time, zone: iso[8], hasTime: true, twoDigitYear: false };
  }
  const uk = UK.exec(text);
  if (uk) {
    const yearText = uk[4] as string;
    const twoDigitYear = yearText.length === 2;
    const shortYear = Number(yearText);
    // 20yy: where that is after next year ("95": 1995 or 2095?) the reader rejects the date
    // rather than guess the century.
    const year = twoDigitYear ? 2000 + shortYear : shortYear;
    const date = wallDate(year, Number(uk[3]), Number(uk[1]));
    if (date === null) return null;
    if (uk[5] === undefined) return { wall: date, zone: undefined, hasTime: false, twoDigitYear };
    const time = timeFromParts(uk[5], uk[6], uk[7], uk[8]);
    if (time === null) return null;
    return { wall: date + time, zone: undefined, hasTime: true, twoDigitYear };
  }
  const isoMonth = ISO_MONTH.exec(text);
  const namedMonth = NAMED_MONTH.exec(text);
  if (isoMonth || namedMonth) {
    const [year, month] = isoMonth
      ? [Number(isoMonth[1]), Number(isoMonth[2])]
      : [
          Number(namedMonth?.[2]),
          MONTH_NAMES.findIndex((name) => name.toLowerCase() === namedMonth?.[1]?.toLowerCase()) +
            1,
        ];
    const date = wallDate(year, month, 1);
    if (date === null) return null;
    return { wall: date, zone: undefined, hasTime: false, twoDigitYear: false, wholeMonth: true };
  }
  if (EXCEL_SERIAL.test(text)) {
    const serial = Number(text);
    if (serial < 1 || serial >= LAST_EXCEL_SERIAL + 1) return null;
    // To the second, as Excel shows it: a stored 0.9375 day is 22:30:00.000 give or take 1e-10.
    const wall = EXCEL_EPOCH + Math.round(serial * 86_400) * 1000;
    return {
      wall,
      zone: undefined,
      hasTime: !Number.isInteger(serial),
      twoDigitYear: false,
    };
  }
  return null;
}

/**
 * A date-time as partners write it, in London time unless it names a zone; null when unreadable
 * or not a real date and time.
 * - ISO: `2025-01-10T22:30`, `2025-01-10 22:30:00`, `...Z`, `...+01:00`, `2025-01-10`;
 * - UK, day first: `10/01/2025`, `10/01/25` (a two-digit year is 20yy), `10-01-2025`,
 *   `10.01.2025`, with an optional time `22:30`, `22:30:15`, `10:30 pm`;
 * - an Excel serial date, `45667` or `45667.9375` (with its time of day);
 * - `24:00` is the midnight at the end of the day;
 * - a month alone (`2025-01`, `Jan 2025`), as aggregated tables give it.
 * `time`, from a column of its own, gives the time of a date written alone. A date without a time
 * stands for the start of its day (a month for the start of the month) in London; `endOfDay`
 * gives the last minute of that day (or month) instead.
 */
export function parseLondonDateTime(
  text: string,
  endOfDay = false,
  time = '',
): ParsedDateTime | null {
  const read = readWallTime(text.trim());
  if (read === null) return null;
  let { wall } = read;
  if (time.trim() !== '') {
    const timeOfDay = parseTimeOfDay(time);
    // A date-time and a time as well: which is meant cannot be told.
    const midnight = Math.floor(wall / DAY_MS) * DAY_MS;
    if (timeOfDay === null || (read.hasTime && wall !== midnight)) return null;
    wall = midnight + timeOfDay;
  } else if (read.wholeMonth && endOfDay) {
    const end = new Date(wall);
    end.setUTCMonth(end.getUTCMonth() + 1);
    wall = end.getTime() - 60_000;
  } else if (!read.hasTime && endOfDay) wall += DAY_MS - 60_000;
  const { zone } = read;
  const date = new Date(read.wall);
  const written = {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    twoDigitYear: read.twoDigitYear,
  };
  if (zone === undefined) return { instant: fromLondonWall(wall), hadOffset: false, ...written };
  if (zone.toUpperCase() === 'Z') return { instant: wall, hadOffset: true, ...written };
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offset = (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0')) * 60_000;
  return { instant: wall - sign * offset, hadOffset: true, ...written };
}
