/**
 * Native aggregated offence CSV, version 1: one row per ward × theme × month × weekday × hour.
 * Columns in any order, names case-insensitive: `ward_code` or `ward_name`, `theme`, `month`
 * (YYYY-MM), `weekday` (Mon..Sun or ISO 1-7; blank = unknown), `hour` (0-23; blank = unknown),
 * `count` (whole number ≥ 0). Rows with the same keys are summed.
 */

import { CubeBuilder, timeSlot, UNKNOWN_TIME_SLOT } from '../data/cube.ts';
import type { RejectionLog } from '../data/report.ts';
import { normaliseThemeId, themeInfo } from '../data/themes.ts';
import type { WardLookup } from '../geo/wardLookup.ts';
import { findColumns } from './header.ts';
import type { OffenceFormat, OffenceReader, ReaderContext, ReaderResult } from './offenceFormat.ts';
import { countOrReject, monthOrReject } from './rowChecks.ts';

export const NATIVE_OFFENCES_FORMAT = 'Aggregated offences (native CSV v1)';
export const NATIVE_OFFENCES_COLUMNS =
  'ward_code or ward_name, theme, month, count; optional weekday, hour';

const COLUMN_ALIASES = {
  wardCode: ['ward_code'],
  wardName: ['ward_name'],
  theme: ['theme'],
  month: ['month'],
  weekday: ['weekday'],
  hour: ['hour'],
  count: ['count'],
} as const;

export type NativeColumns = Record<keyof typeof COLUMN_ALIASES, number>;

export function isNativeOffencesHeader(header: readonly string[]): boolean {
  const columns = findColumns(header, COLUMN_ALIASES);
  return (
    (columns.wardCode >= 0 || columns.wardName >= 0) &&
    columns.theme >= 0 &&
    columns.month >= 0 &&
    columns.count >= 0
  );
}

/** Weekday names and abbreviations, Monday = 0 (a Map: a cell such as "constructor" is not a
 * key of it, as it would be of an object). */
const WEEKDAY_BY_NAME: ReadonlyMap<string, number> = new Map([
  ['mon', 0],
  ['monday', 0],
  ['tue', 1],
  ['tues', 1],
  ['tuesday', 1],
  ['wed', 2],
  ['wednesday', 2],
  ['thu', 3],
  ['thur', 3],
  ['thurs', 3],
  ['thursday', 3],
  ['fri', 4],
  ['friday', 4],
  ['sat', 5],
  ['saturday', 5],
  ['sun', 6],
  ['sunday', 6],
]);

/** Weekday 0 (Monday) to 6, `null` for blank, `undefined` when unreadable. */
export function parseWeekday(raw: string): number | null | undefined {
  const text = raw.trim().toLowerCase();
  if (text === '') return null;
  if (/^[1-7]$/.test(text)) return Number(text) - 1;
  return WEEKDAY_BY_NAME.get(text);
}

/** Hour 0-23, `null` for blank, `undefined` when out of range or unreadable. */
export function parseHour(raw: string): number | null | undefined {
  const text = raw.trim();
  if (text === '') return null;
  const match = /^(\d{1,2})(?::00)?$/.exec(text);
  if (!match) return undefined;
  const hour = Number(match[1]);
  return hour <= 23 ? hour : undefined;
}

/** Reads rows of one native file into a cube builder, logging each rejected row. */
export class NativeOffencesReader implements OffenceReader {
  readonly columns: NativeColumns;
  private readonly lookup: WardLookup;
  readonly builder: CubeBuilder;
  private readonly log: RejectionLog;
  private readonly themeCache = new Map<string, string | null>();
  rowsLoaded = 0;
  rowsWithUnknownTime = 0;

  constructor(header: readonly string[], context: Pick<ReaderContext, 'lookup' | 'log'>) {
    this.columns = findColumns(header, COLUMN_ALIASES);
    this.lookup = context.lookup;
    this.log = context.log;
    // A file without weekday and hour columns has no times: keep its cube small.
    this.builder = new CubeBuilder(
      this.columns.weekday >= 0 || this.columns.hour >= 0,
      context.lookup.size,
    );
  }

  finish(): ReaderResult {
    const notes: string[] = [];
    if (this.builder.repeatedKeys > 0) {
      notes.push(
        `${this.builder.repeatedKeys} rows repeated the ward, theme, month, weekday and hour of an earlier row and were added to it.`,
      );
    }
    if (this.rowsWithUnknownTime > 0) {
      notes.push(
        `${this.rowsWithUnknownTime} rows have no weekday or hour and count as unknown time.`,
      );
    }
    const ids = new Set([...this.themeCache.values()].filter((id): id is string => id !== null));
    return { themes: [...ids].map((id) => themeInfo(id)), notes, points: null };
  }

  readRow(cells: readonly string[], row: number): void {
    const { columns, log } = this;
    const ward =
      columns.wardCode >= 0 && (cells[columns.wardCode] ?? '').trim() !== ''
        ? this.lookup.resolveCode(cells[columns.wardCode] ?? '')
        : columns.wardName >= 0
          ? this.lookup.resolveName(cells[columns.wardName] ?? '')
          : { error: 'No ward code' };
    if ('error' in ward) {
      log.reject(row, 'Unknown ward', ward.error);
      return;
    }

    const rawTheme = cells[columns.theme] ?? '';
    let theme = this.themeCache.get(rawTheme);
    if (theme === undefined) {
      theme = normaliseThemeId(rawTheme);
      this.themeCache.set(rawTheme, theme);
    }
    if (theme === null) {
      log.reject(row, 'Bad theme', `Theme is not a valid id: "${rawTheme.trim()}"`);
      return;
    }

    const month = monthOrReject(cells[columns.month] ?? '', row, log);
    if (month === null) return;

    const weekday = columns.weekday >= 0 ? parseWeekday(cells[columns.weekday] ?? '') : null;
    if (weekday === undefined) {
      log.reject(
        row,
        'Bad weekday',
        `Weekday is not Mon..Sun or 1-7: "${(cells[columns.weekday] ?? '').trim()}"`,
      );
      return;
    }
    const hour = columns.hour >= 0 ? parseHour(cells[columns.hour] ?? '') : null;
    if (hour === undefined) {
      log.reject(
        row,
        'Hour out of range',
        `Hour is not 0-23: "${(cells[columns.hour] ?? '').trim()}"`,
      );
      return;
    }

    const count = countOrReject(cells[columns.count] ?? '', row, log);
    if (count === null) return;

    const knownTime = weekday !== null && hour !== null;
    if (!knownTime) this.rowsWithUnknownTime += 1;
    this.builder.add(
      theme,
      month,
      ward.code,
      knownTime ? timeSlot(weekday, hour) : UNKNOWN_TIME_SLOT,
      count,
    );
    this.rowsLoaded += 1;
  }
}

export const nativeOffencesFormat: OffenceFormat = {
  name: NATIVE_OFFENCES_FORMAT,
  columns: NATIVE_OFFENCES_COLUMNS,
  matches: isNativeOffencesHeader,
  createReader: (header, context) => new NativeOffencesReader(header, context),
};
