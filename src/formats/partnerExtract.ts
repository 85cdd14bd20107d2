/**
 * A partnership's record-level extract of serious violence offences, one row per offence:
 * `offence_id`, `ward_code` or `longitude` + `latitude`, `occurred_from`, `occurred_to` (ISO
 * date-times in London time unless they carry an offset; `occurred_to` may be blank),
 * `domestic_abuse` and `sexual_violence` (true/false, yes/no, 1/0, Y/N) and `victim_age`.
 *
 * Themes: `domestic_abuse` and `sexual_violence` from the flags, `youth_violence` for victims under
 * 25, and `all_serious_violence` with every offence once. The extract is of serious violence
 * offences, so an offence with no flag and an adult victim still counts in "All serious
 * violence", and one in two themes counts there once.
 *
 * Time: an offence is known only to have happened between `occurred_from` and `occurred_to`, so
 * it is spread evenly over the hours of that window (aoristic weighting): a window touching k
 * hours adds 1/k to each of those weekday-and-hour cells; a window of more than 7 days says
 * nothing about the hour and counts as unknown time. The month is that of `occurred_from`.
 */

import { CubeBuilder, HOURS_PER_WEEK, timeSlot, UNKNOWN_TIME_SLOT } from '../data/cube.ts';
import {
  HOUR_MS,
  londonTime,
  type ParsedDateTime,
  parseLondonDateTime,
} from '../data/londonTime.ts';
import { formatCount } from '../data/numberFormat.ts';
import { PointsBuilder } from '../data/offencePoints.ts';
import type { RejectionLog } from '../data/report.ts';
import { DEDUPLICATED_ALL_THEME, type ThemeId, themeInfo } from '../data/themes.ts';
import type { WardLookup } from '../geo/wardLookup.ts';
import { findColumns } from './header.ts';
import type { OffenceFormat, OffenceReader, ReaderContext, ReaderResult } from './offenceFormat.ts';
import { NO_COORDINATES, OUTSIDE_WARDS } from './policeUkStreet.ts';
import { dateProblem, parseDecimal, twoDigitYearProblem } from './rowChecks.ts';

export const PARTNER_EXTRACT_FORMAT = 'Partner record-level extract';
export const PARTNER_EXTRACT_COLUMNS =
  'offence_id, ward_code or longitude + latitude, occurred_from; optional occurred_to, domestic_abuse, sexual_violence, victim_age';

const COLUMNS = {
  offenceId: ['offence_id'],
  wardCode: ['ward_code'],
  longitude: ['longitude'],
  latitude: ['latitude'],
  from: ['occurred_from'],
  to: ['occurred_to'],
  domesticAbuse: ['domestic_abuse'],
  sexualViolence: ['sexual_violence'],
  victimAge: ['victim_age'],
} as const;

type Columns = Record<keyof typeof COLUMNS, number>;

export function isPartnerExtractHeader(header: readonly string[]): boolean {
  const columns = findColumns(header, COLUMNS);
  return (
    columns.offenceId >= 0 &&
    columns.from >= 0 &&
    (columns.wardCode >= 0 || (columns.longitude >= 0 && columns.latitude >= 0))
  );
}

/** Victims younger than this count as youth violence. */
export const YOUTH_AGE_LIMIT = 25;

/** Yes/no cells as systems write them (a Map: "constructor" is not a key of it). */
const FLAG_VALUES: ReadonlyMap<string, boolean> = new Map([
  ['true', true],
  ['yes', true],
  ['y', true],
  ['1', true],
  ['false', false],
  ['no', false],
  ['n', false],
  ['0', false],
  ['', false],
]);

/** A yes/no cell; blank is no; undefined when unreadable. */
export function parseFlag(raw: string): boolean | undefined {
  return FLAG_VALUES.get(raw.trim().toLowerCase());
}

/** Where an offence's weight goes: the weekday-and-hour slots of its window, `weight` each. */
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

/**
 * A date-time cell of an offence, or null once the row is rejected: not a date-time, a two-digit
 * year, a placeholder for "not known" (31/12/9999, 01/01/1900) or a year out of range.
 */
function dateTimeOrReject(
  raw: string,
  name: string,
  endOfDay: boolean,
  row: number,
  log: RejectionLog,
): ParsedDateTime | null {
  const parsed = parseLondonDateTime(raw, endOfDay);
  const problem = parsed
    ? dateProblem(parsed.year, parsed.month, parsed.day, raw)
    : twoDigitYearProblem(raw);
  if (problem) log.reject(row, problem.category, `${name}: ${problem.detail}`);
  else if (!parsed) log.reject(row, 'Bad date-time', `${name} is not an ISO date-time: "${raw}"`);
  return problem ? null : parsed;
}

export class PartnerExtractReader implements OffenceReader {
  readonly builder = new CubeBuilder(true);
  rowsLoaded = 0;
  private readonly columns: Columns;
  private readonly lookup: WardLookup;
  private readonly log: RejectionLog;
  private readonly locate: ReaderContext['locate'];
  private readonly points = new PointsBuilder();
  /** Row of each offence id seen, to reject an offence listed twice. */
  private readonly firstRow = new Map<string, number>();
  private readonly themes = new Map<ThemeId, number>();
  private withoutAge = 0;
  private longWindows = 0;
  private withOffset = 0;
  private unreadableCoordinates = 0;

  constructor(header: readonly string[], context: ReaderContext) {
    this.columns = findColumns(header, COLUMNS);
    this.lookup = context.lookup;
    this.log = context.log;
    this.locate = context.locate;
  }

  private cell(cells: readonly string[], column: number): string {
    return column >= 0 ? (cells[column] ?? '').trim() : '';
  }

  private theme(id: ThemeId): number {
    let theme = this.themes.get(id);
    if (theme === undefined) {
      theme = this.builder.themeId(id);
      this.themes.set(id, theme);
    }
    return theme;
  }

  /** Longitude and latitude when both are numbers, null when both are blank. */
  private point(cells: readonly string[]): [number, number] | null | 'unreadable' {
    const rawLongitude = this.cell(cells, this.columns.longitude);
    const rawLatitude = this.cell(cells, this.columns.latitude);
    if (rawLongitude === '' && rawLatitude === '') return null;
    const longitude = parseDecimal(rawLongitude);
    const latitude = parseDecimal(rawLatitude);
    return longitude !== null && latitude !== null ? [longitude, latitude] : 'unreadable';
  }

  readRow(cells: readonly string[], row: number): void {
    const { columns, log } = this;
    const offenceId = this.cell(cells, columns.offenceId);
    if (offenceId === '') {
      log.reject(row, 'No offence ID');
      return;
    }
    const earlier = this.firstRow.get(offenceId);
    if (earlier !== undefined) {
      log.reject(
        row,
        'Offence listed twice',
        `Offence ${offenceId} is already on row ${earlier}: only the first is counted`,
      );
      return;
    }

    const rawFrom = this.cell(cells, columns.from);
    if (rawFrom === '') {
      log.reject(row, 'Bad date-time', 'No occurred_from date-time');
      return;
    }
    const from = dateTimeOrReject(rawFrom, 'occurred_from', false, row, log);
    if (from === null) return;
    const rawTo = this.cell(cells, columns.to);
    // A date alone as `occurred_to` means up to the end of that day; a blank one, or none, means
    // the offence's time is `occurred_from` (its whole day when that is a date alone).
    const to = dateTimeOrReject(rawTo === '' ? rawFrom : rawTo, 'occurred_to', true, row, log);
    if (to === null) return;
    if (to.instant < from.instant) {
      log.reject(
        row,
        'Ends before it starts',
        `occurred_to (${rawTo}) is before occurred_from (${rawFrom})`,
      );
      return;
    }

    const flags: [ThemeId, number][] = [
      ['domestic_abuse', columns.domesticAbuse],
      ['sexual_violence', columns.sexualViolence],
    ];
    const themes: ThemeId[] = [DEDUPLICATED_ALL_THEME];
    for (const [theme, column] of flags) {
      const raw = this.cell(cells, column);
      const flag = parseFlag(raw);
      if (flag === undefined) {
        log.reject(row, 'Bad flag', `${theme} is not true/false, yes/no, 1/0 or Y/N: "${raw}"`);
        return;
      }
      if (flag) themes.push(theme);
    }
    const rawAge = this.cell(cells, columns.victimAge);
    const age = rawAge === '' ? null : parseDecimal(rawAge);
    if (rawAge !== '' && !(age !== null && age >= 0 && age < 130)) {
      log.reject(row, 'Bad age', `victim_age is not an age in years: "${rawAge}"`);
      return;
    }
    if (age !== null && age < YOUTH_AGE_LIMIT) themes.push('youth_violence');

    const point = columns.longitude >= 0 && columns.latitude >= 0 ? this.point(cells) : null;
    const rawWard = this.cell(cells, columns.wardCode);
    let ward: string;
    if (rawWard !== '') {
      const resolved = this.lookup.resolveCode(rawWard);
      if ('error' in resolved) {
        log.reject(row, 'Unknown ward', resolved.error);
        return;
      }
      ward = resolved.code;
    } else if (point === null || point === 'unreadable') {
      log.reject(
        row,
        NO_COORDINATES,
        point === null
          ? 'No ward code and no longitude or latitude'
          : 'No ward code, and the longitude and latitude are not numbers',
      );
      return;
    } else {
      const located = this.locate(point[0], point[1]);
      if (located === null) {
        log.reject(
          row,
          OUTSIDE_WARDS,
          `The point (${point[0]}, ${point[1]}) is outside the loaded wards`,
        );
        return;
      }
      ward = located;
    }

    this.firstRow.set(offenceId, row);
    if (age === null) this.withoutAge += 1;
    if (from.hadOffset || to.hadOffset) this.withOffset += 1;
    if (point === 'unreadable') this.unreadableCoordinates += 1;
    const spread = aoristicSpread(from.instant, to.instant);
    if (spread === UNKNOWN_TIME) this.longWindows += 1;
    const { month } = londonTime(from.instant);
    const wardId = this.builder.wardId(ward);
    for (const id of themes) {
      const theme = this.theme(id);
      for (const slot of spread.slots)
        this.builder.addAt(theme, month, wardId, slot, spread.weight);
      if (point !== null && point !== 'unreadable')
        this.points.add(point[0], point[1], theme, month);
    }
    this.rowsLoaded += 1;
  }

  finish(): ReaderResult {
    const offences = (count: number) =>
      `${formatCount(count)} ${count === 1 ? 'offence' : 'offences'}`;
    const notes = [
      'Each offence counts in the month of its occurred_from date-time, in London time.',
      'An offence known only to have happened within a window of hours is spread evenly over them: a window touching k hours adds 1/k to each hour of the time-of-day chart.',
      '"All serious violence" counts every offence in the extract once, including offences in two themes and offences in none of the other themes.',
    ];
    if (this.longWindows > 0)
      notes.push(
        `Windows of more than 7 days, counted as unknown time: ${offences(this.longWindows)}.`,
      );
    if (this.withoutAge > 0)
      notes.push(`No victim age, so not counted as youth violence: ${offences(this.withoutAge)}.`);
    if (this.withOffset > 0)
      notes.push(
        `Date-times with a UTC offset, converted to London time: ${offences(this.withOffset)}.`,
      );
    if (this.unreadableCoordinates > 0)
      notes.push(
        `A ward code but unreadable coordinates, so mapped by ward but not on the point-density layer: ${offences(this.unreadableCoordinates)}.`,
      );
    if (this.points.count > 0)
      notes.push('Offences with coordinates can be shown on the point-density layer.');
    return {
      themes: [...this.themes.keys()].map((id) => themeInfo(id)),
      notes,
      points: this.points.build(),
    };
  }
}

export const partnerExtractFormat: OffenceFormat = {
  name: PARTNER_EXTRACT_FORMAT,
  columns: PARTNER_EXTRACT_COLUMNS,
  matches: isPartnerExtractHeader,
  createReader: (header, context) => new PartnerExtractReader(header, context),
};
