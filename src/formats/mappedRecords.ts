/**
 * A record-level table read through a column mapping: one row per offence (or per A&E
 * attendance, youth justice case...), or per group of them with a count. The partner extract
 * format is this reader with the mapping its column names give.
 *
 * Themes, for rows that are offences: every row counts once in `all_serious_violence`; the
 * domestic abuse and sexual violence flags add those themes, a victim under 25 adds youth
 * violence, and an offence type adds the theme the mapping gives it. Rows of another kind count
 * in one theme named after the mapping, and in nothing else.
 *
 * Time: a record is known only to have happened between its date-time from and to, so it is
 * spread evenly over the hours of that window (aoristic weighting): a window touching k hours
 * adds 1/k to each of those weekday-and-hour cells; a window of more than 7 days says nothing
 * about the hour and counts as unknown time. The month is that of the date-time from.
 */

import { CubeBuilder, HOURS_PER_WEEK, timeSlot, UNKNOWN_TIME_SLOT } from '../data/cube.ts';
import {
  HOUR_MS,
  londonMinuteText,
  londonTime,
  type ParsedDateTime,
  parseLondonDateTime,
} from '../data/londonTime.ts';
import { formatCount } from '../data/numberFormat.ts';
import { PointsBuilder } from '../data/offencePoints.ts';
import type { RejectionLog } from '../data/report.ts';
import {
  DEDUPLICATED_ALL_THEME,
  type ThemeId,
  type ThemeInfo,
  themeIdFromName,
  themeInfo,
} from '../data/themes.ts';
import { isOnGrid } from '../geo/britishNationalGrid.ts';
import { gridToLonLat } from '../geo/gridConversion.ts';
import type { WardLookup } from '../geo/wardLookup.ts';
import type { ColumnMapping, RoleColumns, RowsAre } from './columnMapping.ts';
import type { OffenceReader, ReaderContext, ReaderResult } from './offenceFormat.ts';
import { NO_COORDINATES, OUTSIDE_WARDS } from './policeUkStreet.ts';
import { OFFENCE_THEME_CHOICES, proposeOffenceTheme } from './proposeRoles.ts';
import { FLAG_SPELLINGS, parseFlag, parseVictimAge } from './recordValues.ts';
import { dateProblem, parseCount, parseDecimal, shortYearProblem } from './rowChecks.ts';

/** Where a record's weight goes: the weekday-and-hour slots of its window, `weight` each. */
export interface TimeSpread {
  slots: number[];
  weight: number;
}

const UNKNOWN_TIME: TimeSpread = { slots: [UNKNOWN_TIME_SLOT], weight: 1 };

/**
 * The hour cells touched by the window from `from` to `to` (UTC instants, `to` ≥ `from`), from
 * the hour of `from` to the hour of `to`, each weighted 1/k; more than 7 days is unknown time. A
 * cell the window passes twice (the repeated hour when the clocks go back) gets 2/k.
 */
export function aoristicSpread(from: number, to: number): TimeSpread {
  if (to - from > HOURS_PER_WEEK * HOUR_MS) return UNKNOWN_TIME;
  const firstHour = Math.floor(from / HOUR_MS);
  const lastHour = Math.floor(to / HOUR_MS);
  const slots: number[] = [];
  for (let hour = firstHour; hour <= lastHour; hour += 1) {
    const { weekday, hour: localHour } = londonTime(hour * HOUR_MS);
    slots.push(timeSlot(weekday, localHour));
  }
  return { slots, weight: 1 / slots.length };
}

/** What a mapped table's rows are read with: the column of each role and what rows count as. */
export interface RecordMapping {
  /** Shown in notes; the theme of rows of another kind. */
  name: string;
  columns: RoleColumns;
  rowsAre: RowsAre;
  /** Offence type (trimmed, lower case) to theme; "" for types not counted. */
  offenceThemes: ReadonlyMap<string, string>;
}

/** The reading side of a stored mapping, for a header it fits. */
export function recordMapping(mapping: ColumnMapping, columns: RoleColumns): RecordMapping {
  return {
    name: mapping.name,
    columns,
    rowsAre: mapping.rowsAre,
    offenceThemes: new Map(
      mapping.offenceThemes.map(([type, theme]) => [type.trim().toLowerCase(), theme]),
    ),
  };
}

/** What one of the first rows became, for the "Match columns" preview. */
export type RowOutcome =
  | {
      row: number;
      loaded: true;
      /** London time of the window, as text: "Fri 10 Jan 2025 22:30 to 23:59". */
      when: string;
      ward: string;
      themes: string[];
      count: number;
    }
  | { row: number; loaded: false; reason: string };

function describeWindow(from: number, to: number): string {
  const start = londonMinuteText(from);
  return to === from ? start : `${start} to ${londonMinuteText(to)}`;
}

export class MappedRecordReader implements OffenceReader {
  readonly builder = new CubeBuilder(true);
  rowsLoaded = 0;
  /** The first rows' outcomes, when a preview was asked for. */
  readonly outcomes: RowOutcome[] = [];
  private readonly mapping: RecordMapping;
  private readonly header: readonly string[];
  private readonly lookup: WardLookup;
  private readonly log: RejectionLog;
  private readonly locate: ReaderContext['locate'];
  private readonly previewRows: number;
  private readonly points = new PointsBuilder();
  /** Row of each record id seen, to reject a record listed twice. */
  private readonly firstRow = new Map<string, number>();
  private readonly themes = new Map<ThemeId, number>();
  private readonly described = new Map<ThemeId, ThemeInfo>();
  private readonly ownTheme: ThemeInfo;
  private withoutAge = 0;
  private ageBandsSpanningLimit = 0;
  private longWindows = 0;
  private withOffset = 0;
  private unreadableCoordinates = 0;
  private gridPoints = 0;
  /** Dates written with a two-digit year, read as 20yy. */
  private shortYearDates = 0;
  /** Offence types found in no mapping, and the themes they were given. */
  private readonly unmappedTypes = new Map<string, number>();

  constructor(
    header: readonly string[],
    context: ReaderContext,
    mapping: RecordMapping,
    previewRows = 0,
  ) {
    this.header = header;
    this.mapping = mapping;
    this.lookup = context.lookup;
    this.log = context.log;
    this.locate = context.locate;
    this.previewRows = previewRows;
    this.ownTheme = themeInfo(themeIdFromName(mapping.name) || 'records', {
      label: mapping.name,
      group: 'serious_violence',
    });
  }

  /** The column's name as the file writes it. */
  private columnName(column: number): string {
    return (this.header[column] ?? '').trim();
  }

  private cell(cells: readonly string[], column: number): string {
    return column >= 0 ? (cells[column] ?? '').trim() : '';
  }

  private theme(info: ThemeInfo): number {
    let theme = this.themes.get(info.id);
    if (theme === undefined) {
      theme = this.builder.themeId(info.id);
      this.themes.set(info.id, theme);
      this.described.set(info.id, info);
    }
    return theme;
  }

  private reject(row: number, category: string, detail: string = category): void {
    this.log.reject(row, category, detail);
    if (this.outcomes.length < this.previewRows)
      this.outcomes.push({ row, loaded: false, reason: detail });
  }

  /** A date-time column with its optional time column; null once the row is rejected. */
  private dateTime(
    cells: readonly string[],
    row: number,
    dateColumn: number,
    timeColumn: number,
    endOfDay: boolean,
  ): ParsedDateTime | null {
    const date = this.cell(cells, dateColumn);
    const time = this.cell(cells, timeColumn);
    const parsed = parseLondonDateTime(date, endOfDay, time);
    // A date that cannot be right (a placeholder for "not known", a year out of range, a
    // two-digit year that read as 20yy is after next year) is rejected as every format rejects it.
    const problem =
      parsed === null
        ? null
        : parsed.twoDigitYear
          ? shortYearProblem(parsed.year, date)
          : dateProblem(parsed.year, parsed.month, parsed.day, date);
    if (problem) {
      this.reject(row, problem.category, `${this.columnName(dateColumn)}: ${problem.detail}`);
      return null;
    }
    if (parsed === null) {
      const what = time === '' ? `"${date}"` : `"${date}" with time "${time}"`;
      this.reject(
        row,
        'Bad date-time',
        date === ''
          ? `No date in ${this.columnName(dateColumn)}`
          : `${this.columnName(dateColumn)} is not a date or date-time: ${what}`,
      );
    }
    return parsed;
  }

  /** A pair of coordinate cells as numbers; null when both are blank. */
  private pair(
    cells: readonly string[],
    first: number,
    second: number,
  ): { a: number; b: number } | { error: string } | null {
    if (first < 0 || second < 0) return null;
    const rawFirst = this.cell(cells, first);
    const rawSecond = this.cell(cells, second);
    if (rawFirst === '' && rawSecond === '') return null;
    const a = parseDecimal(rawFirst);
    const b = parseDecimal(rawSecond);
    if (a === null || b === null) return { error: `"${rawFirst}", "${rawSecond}"` };
    return { a, b };
  }

  /** Longitude and latitude of the row, null when it has no coordinates, or why they fail. */
  private point(cells: readonly string[]): [number, number] | null | { error: string } {
    const { columns } = this.mapping;
    const lonLat = this.pair(cells, columns.longitude, columns.latitude);
    if (lonLat && 'a' in lonLat) {
      if (Math.abs(lonLat.a) <= 180 && Math.abs(lonLat.b) <= 90) return [lonLat.a, lonLat.b];
      return {
        error: isOnGrid(lonLat.a, lonLat.b)
          ? `(${lonLat.a}, ${lonLat.b}) are not a longitude and latitude but look like British National Grid metres: match these columns as easting and northing`
          : `(${lonLat.a}, ${lonLat.b}) are not a longitude and latitude`,
      };
    }
    const grid = this.pair(cells, columns.easting, columns.northing);
    if (grid && 'a' in grid) {
      if (!isOnGrid(grid.a, grid.b))
        return {
          error: `(${grid.a}, ${grid.b}) are not British National Grid eastings and northings in metres`,
        };
      return gridToLonLat(grid.a, grid.b);
    }
    const unreadable = lonLat ?? grid;
    return unreadable ? { error: `The coordinates are not numbers: ${unreadable.error}` } : null;
  }

  /** The row's coordinates as the file writes them: "(-0.2, 51.5)" or "(E 525500, N 177900)". */
  private writtenPoint(cells: readonly string[]): string {
    const { columns } = this.mapping;
    const longitude = this.cell(cells, columns.longitude);
    if (longitude !== '') return `(${longitude}, ${this.cell(cells, columns.latitude)})`;
    return `(E ${this.cell(cells, columns.easting)}, N ${this.cell(cells, columns.northing)})`;
  }

  readRow(cells: readonly string[], row: number): void {
    const { columns } = this.mapping;
    const recordId = this.cell(cells, columns.record_id);
    if (columns.record_id >= 0) {
      if (recordId === '') {
        this.reject(row, 'No record ID', `No ${this.columnName(columns.record_id)}`);
        return;
      }
      const earlier = this.firstRow.get(recordId);
      if (earlier !== undefined) {
        this.reject(
          row,
          this.mapping.rowsAre === 'offences' ? 'Offence listed twice' : 'Record listed twice',
          `${this.mapping.rowsAre === 'offences' ? 'Offence' : 'Record'} ${recordId} is already on row ${earlier}: only the first is counted`,
        );
        return;
      }
    }

    const from = this.dateTime(cells, row, columns.from, columns.from_time, false);
    if (from === null) return;
    // A date alone as the end means up to the end of that day; none means the record's time is
    // the start (its whole day when that is a date alone).
    const noEnd = this.cell(cells, columns.to) === '';
    const to = noEnd
      ? this.dateTime(cells, row, columns.from, columns.from_time, true)
      : this.dateTime(cells, row, columns.to, columns.to_time, true);
    if (to === null) return;
    if (to.instant < from.instant) {
      const written = (dateColumn: number, timeColumn: number) =>
        `${this.columnName(dateColumn)} (${[this.cell(cells, dateColumn), this.cell(cells, timeColumn)].join(' ').trim()})`;
      this.reject(
        row,
        'Ends before it starts',
        `${written(columns.to, columns.to_time)} is before ${written(columns.from, columns.from_time)}`,
      );
      return;
    }

    let count = 1;
    if (columns.count >= 0) {
      const parsed = parseCount(this.cell(cells, columns.count));
      if ('error' in parsed) {
        this.reject(row, parsed.category, parsed.error);
        return;
      }
      count = parsed.value;
    }

    const themes: ThemeInfo[] = [];
    let youth: boolean | null = null;
    if (this.mapping.rowsAre === 'own_theme') themes.push(this.ownTheme);
    else {
      themes.push(themeInfo(DEDUPLICATED_ALL_THEME));
      for (const theme of ['domestic_abuse', 'sexual_violence'] as const) {
        const column = columns[theme];
        const raw = this.cell(cells, column);
        const flag = parseFlag(raw);
        if (flag === undefined) {
          this.reject(
            row,
            'Bad flag',
            `${this.columnName(column)} is not ${FLAG_SPELLINGS}: "${raw}"`,
          );
          return;
        }
        if (flag) themes.push(themeInfo(theme));
      }
      const rawAge = this.cell(cells, columns.victim_age);
      const age = parseVictimAge(rawAge);
      if (age === undefined) {
        this.reject(
          row,
          'Bad age',
          `${this.columnName(columns.victim_age)} is not an age in years or an age band: "${rawAge}"`,
        );
        return;
      }
      youth = age.youth;
      if (age.youth) themes.push(themeInfo('youth_violence'));
      if (age.spansLimit) this.ageBandsSpanningLimit += 1;
      if (columns.offence_type >= 0) {
        const type = this.cell(cells, columns.offence_type);
        const theme = this.offenceTheme(type);
        if (theme === '') {
          this.reject(row, 'Offence type not counted', `"${type}" is not counted (Match columns)`);
          return;
        }
        if (theme !== null && !themes.some((info) => info.id === theme.id)) themes.push(theme);
      }
    }

    const point = this.point(cells);
    const rawWardCode = this.cell(cells, columns.ward_code);
    const rawWardName = this.cell(cells, columns.ward_name);
    let ward: string;
    if (rawWardCode !== '' || rawWardName !== '') {
      const resolved =
        rawWardCode !== ''
          ? this.lookup.resolveCode(rawWardCode)
          : this.lookup.resolveName(rawWardName);
      if ('error' in resolved) {
        this.reject(row, 'Unknown ward', resolved.error);
        return;
      }
      ward = resolved.code;
    } else if (point === null || !Array.isArray(point)) {
      this.reject(
        row,
        NO_COORDINATES,
        point === null ? 'No ward and no coordinates' : `No ward, and ${point.error}`,
      );
      return;
    } else {
      const located = this.locate(point[0], point[1]);
      if (located === null) {
        this.reject(
          row,
          OUTSIDE_WARDS,
          `The point ${this.writtenPoint(cells)} is outside the loaded wards`,
        );
        return;
      }
      ward = located;
    }

    if (columns.record_id >= 0) this.firstRow.set(recordId, row);
    if (columns.victim_age >= 0 && youth === null) this.withoutAge += 1;
    if (from.hadOffset || to.hadOffset) this.withOffset += 1;
    // The end is the start again when the row gives none: its date is counted once.
    this.shortYearDates += Number(from.twoDigitYear) + Number(!noEnd && to.twoDigitYear);
    if (point !== null && !Array.isArray(point)) this.unreadableCoordinates += 1;
    if (Array.isArray(point) && columns.easting >= 0 && this.cell(cells, columns.longitude) === '')
      this.gridPoints += 1;
    const spread = aoristicSpread(from.instant, to.instant);
    if (spread === UNKNOWN_TIME) this.longWindows += 1;
    const { month } = londonTime(from.instant);
    const wardId = this.builder.wardId(ward);
    for (const info of themes) {
      const theme = this.theme(info);
      for (const slot of spread.slots)
        this.builder.addAt(theme, month, wardId, slot, spread.weight * count);
      // A point is one record: counted rows have none.
      if (Array.isArray(point) && columns.count < 0)
        this.points.add(point[0], point[1], theme, month);
    }
    this.rowsLoaded += 1;
    if (this.outcomes.length < this.previewRows)
      this.outcomes.push({
        row,
        loaded: true,
        when: describeWindow(from.instant, to.instant),
        ward,
        themes: themes.map((info) => info.label),
        count,
      });
  }

  /** The theme of an offence type: "" when not counted, null when blank. */
  private offenceTheme(type: string): ThemeInfo | '' | null {
    if (type === '') return null;
    let id = this.mapping.offenceThemes.get(type.toLowerCase());
    if (id === '') return '';
    if (id === undefined) {
      id = proposeOffenceTheme(type);
      this.unmappedTypes.set(type, (this.unmappedTypes.get(type) ?? 0) + 1);
    }
    if (id === '') return null;
    // A theme of its own is labelled as the file writes the type.
    return (
      this.described.get(id) ??
      (OFFENCE_THEME_CHOICES.some((choice) => choice.id === id)
        ? themeInfo(id)
        : themeInfo(id, { label: type }))
    );
  }

  finish(): ReaderResult {
    const records = (count: number) =>
      `${formatCount(count)} ${count === 1 ? 'record' : 'records'}`;
    const notes = [
      'Each record counts in the month of its date (from), in London time.',
      'A record known only to have happened within a window of hours is spread evenly over them: a window touching k hours adds 1/k to each hour of the time-of-day chart.',
    ];
    if (this.mapping.rowsAre === 'offences')
      notes.push(
        '"All serious violence" counts every offence in the table once, including offences in two themes and offences in none of the other themes.',
      );
    else notes.push(`Every record counts in “${this.mapping.name}” and in no other theme.`);
    if (this.longWindows > 0)
      notes.push(
        `Windows of more than 7 days, counted as unknown time: ${records(this.longWindows)}.`,
      );
    if (this.withoutAge > 0)
      notes.push(`No victim age, so not counted as youth violence: ${records(this.withoutAge)}.`);
    if (this.ageBandsSpanningLimit > 0)
      notes.push(
        `An age band that spans 25, so not counted as youth violence: ${records(this.ageBandsSpanningLimit)}.`,
      );
    if (this.withOffset > 0)
      notes.push(
        `Date-times with a UTC offset, converted to London time: ${records(this.withOffset)}.`,
      );
    if (this.shortYearDates > 0)
      notes.push(
        `${formatCount(this.shortYearDates)} ${this.shortYearDates === 1 ? 'date' : 'dates'} written with a two-digit year, read as 20yy (10/01/25 as 10 January 2025).`,
      );
    if (this.gridPoints > 0)
      notes.push(
        `British National Grid eastings and northings converted to longitude and latitude (to about 5 metres): ${records(this.gridPoints)}.`,
      );
    if (this.unreadableCoordinates > 0)
      notes.push(
        `A ward but unreadable coordinates, so mapped by ward but not on the point-density layer: ${records(this.unreadableCoordinates)}.`,
      );
    if (this.unmappedTypes.size > 0)
      notes.push(
        `Offence types not in the column matching, given a theme by their name: ${[
          ...this.unmappedTypes,
        ]
          .map(([type, count]) => `${type} (${formatCount(count)})`)
          .join(', ')}.`,
      );
    if (this.points.count > 0)
      notes.push('Records with coordinates can be shown on the point-density layer.');
    return {
      themes: [...this.described.values()],
      notes,
      points: this.points.build(),
    };
  }
}
