/**
 * data.police.uk street-level crime CSV, as downloaded: `Crime ID, Month, Reported by, Falls
 * within, Longitude, Latitude, Location, LSOA code, LSOA name, Crime type, Last outcome category,
 * Context`. Each row is one crime at an anonymised map point; the ward is the one whose boundary
 * holds the point (the worker's spatial index), not the LSOA's best-fit ward, which puts about 7%
 * of points in the wrong ward. Every crime type becomes a theme; the three that are serious
 * violence count towards "All serious violence". No time of day: the cube is untimed.
 */

import { CubeBuilder } from '../data/cube.ts';
import { formatCount } from '../data/numberFormat.ts';
import { PointsBuilder } from '../data/offencePoints.ts';
import type { RejectionLog } from '../data/report.ts';
import { type ThemeInfo, themeIdFromName, themeInfo } from '../data/themes.ts';
import { findColumns } from './header.ts';
import { MonthRange } from './mpsSeries.ts';
import type { OffenceFormat, OffenceReader, ReaderContext, ReaderResult } from './offenceFormat.ts';
import { monthOrReject, parseDecimal } from './rowChecks.ts';

export const POLICE_UK_FORMAT = 'data.police.uk street-level crime';
export const POLICE_UK_COLUMNS = 'Month, Longitude, Latitude, Crime type (and the other columns)';

export const NO_COORDINATES = 'No coordinates';
export const OUTSIDE_WARDS = 'Outside the loaded wards';

const COLUMNS = {
  month: ['month'],
  longitude: ['longitude'],
  latitude: ['latitude'],
  crimeType: ['crime type'],
} as const;

/** Where the columns the reader uses are in a header (-1 for one missing). */
export function usedColumns(header: readonly string[]): number[] {
  return Object.values(findColumns(header, COLUMNS));
}

export function isPoliceUkHeader(header: readonly string[]): boolean {
  return usedColumns(header).every((index) => index >= 0);
}

/** data.police.uk crime types that are serious violence; the others are other recorded crime. */
/** A Map, so that a file's word such as "constructor" or "__proto__" is never found in it. */
const SERIOUS_VIOLENCE: ReadonlyMap<string, Partial<Omit<ThemeInfo, 'id'>>> = new Map(
  Object.entries({
    violence_and_sexual_offences: {
      label: 'Violence and sexual offences (police.uk)',
      definition:
        'The data.police.uk category: violence against the person (with and without injury) and sexual offences.',
    },
    robbery: {},
    possession_of_weapons: {},
  }),
);

function crimeTypeTheme(crimeType: string): ThemeInfo {
  const id = themeIdFromName(crimeType);
  const serious = SERIOUS_VIOLENCE.get(id);
  if (serious) return themeInfo(id, { group: 'serious_violence', ...serious });
  return themeInfo(id, { label: crimeType.trim(), group: 'other_recorded_crime' });
}

/** A coordinate cell as a number, null when blank or not a decimal number. */
function coordinate(raw: string): number | null {
  return parseDecimal(raw.trim());
}

export class PoliceUkStreetReader implements OffenceReader {
  readonly builder = new CubeBuilder(false);
  rowsLoaded = 0;
  private columns: Record<keyof typeof COLUMNS, number>;
  private readonly log: RejectionLog;
  private readonly locate: ReaderContext['locate'];
  /** Null when the points are not kept (an archive of millions of crimes). */
  private readonly points: PointsBuilder | null;
  private readonly months = new MonthRange();
  /** Cube theme index by crime type as written. */
  private readonly themeByCrimeType = new Map<string, number>();
  private readonly themes: ThemeInfo[] = [];

  constructor(header: readonly string[], context: ReaderContext, keepPoints = true) {
    this.columns = findColumns(header, COLUMNS);
    this.log = context.log;
    this.locate = context.locate;
    this.points = keepPoints ? new PointsBuilder() : null;
  }

  /** Reads the next rows by this header (an archive's next file). */
  setHeader(header: readonly string[]): void {
    this.columns = findColumns(header, COLUMNS);
  }

  private theme(crimeType: string): number {
    let theme = this.themeByCrimeType.get(crimeType);
    if (theme === undefined) {
      const info = crimeTypeTheme(crimeType);
      theme = this.builder.themeId(info.id);
      if (theme === this.themes.length) this.themes.push(info);
      this.themeByCrimeType.set(crimeType, theme);
    }
    return theme;
  }

  readRow(cells: readonly string[], row: number): void {
    const { columns, log } = this;
    const month = monthOrReject(cells[columns.month] ?? '', row, log);
    if (month === null) return;
    const crimeType = (cells[columns.crimeType] ?? '').trim();
    // A crime type seen before has an id; the id is worked out only for a new one.
    if (!this.themeByCrimeType.has(crimeType) && themeIdFromName(crimeType) === '') {
      log.reject(row, 'No crime type');
      return;
    }
    const rawLongitude = (cells[columns.longitude] ?? '').trim();
    const rawLatitude = (cells[columns.latitude] ?? '').trim();
    const longitude = coordinate(rawLongitude);
    const latitude = coordinate(rawLatitude);
    if (longitude === null || latitude === null) {
      log.reject(
        row,
        NO_COORDINATES,
        rawLongitude === '' && rawLatitude === ''
          ? 'No longitude or latitude'
          : `Longitude and latitude are not numbers: "${rawLongitude}", "${rawLatitude}"`,
      );
      return;
    }
    const ward = this.locate(longitude, latitude);
    if (ward === null) {
      log.reject(
        row,
        OUTSIDE_WARDS,
        `The point (${longitude}, ${latitude}) is outside the loaded wards`,
      );
      return;
    }
    const theme = this.theme(crimeType);
    this.builder.addAt(theme, month, this.builder.wardId(ward), 0, 1);
    this.points?.add(longitude, latitude, theme, month);
    this.months.include(month);
    this.rowsLoaded += 1;
  }

  finish(): ReaderResult {
    const notes = this.months.notes();
    notes.push(
      'Each crime is placed in the ward whose boundary holds its map point. data.police.uk moves every point to a nearby anonymised location, so a crime near a ward border can fall in the neighbouring ward.',
    );
    if (this.points && this.points.count > 0)
      notes.push(
        `${formatCount(this.points.count)} crime locations can be shown on the point-density layer.`,
      );
    return { themes: this.themes, notes, points: this.points?.build() ?? null };
  }
}

export const policeUkStreetFormat: OffenceFormat = {
  name: POLICE_UK_FORMAT,
  columns: POLICE_UK_COLUMNS,
  matches: isPoliceUkHeader,
  createReader: (header, context) => new PoliceUkStreetReader(header, context),
};
