/**
 * MPS Ward Level Crime as the London Datastore publishes it ("most recent 24 months" and
 * "historical"): one row per ward, borough, offence group (MajorText) and subgroup (MinorText),
 * then one column of counts per month, named YYYYMM. Column order differs between vintages.
 *
 * Every row lands in exactly one theme: sexual offences, violence with injury, robbery and
 * possession of weapons are serious violence; every other offence group is offered as other
 * recorded crime. Heathrow Villages appears under two boroughs (Hillingdon and Aviation Security
 * (SO18)): both rows count toward the ward.
 */

import { FIRST_DATA_YEAR, lastDataYear } from '../data/calendar.ts';
import { CubeBuilder } from '../data/cube.ts';
import type { RejectionLog } from '../data/report.ts';
import { type ThemeInfo, themeInfo } from '../data/themes.ts';
import type { WardLookup } from '../geo/wardLookup.ts';
import { findColumns, normaliseHeaderName } from './header.ts';
import { MONTH_RECORDED_NOTE, MonthRange, rowCount } from './mpsSeries.ts';
import type { OffenceFormat, OffenceReader, ReaderContext, ReaderResult } from './offenceFormat.ts';
import { countOrReject, dataMonths, plainCount } from './rowChecks.ts';

export const MPS_WARD_CRIME_FORMAT = 'MPS Ward Level Crime (monthly columns)';
export const MPS_WARD_CRIME_COLUMNS =
  'WardCode, MajorText, MinorText, LookUp_BoroughName and one column per month (YYYYMM, e.g. 202401)';

const COLUMN_ALIASES = {
  wardCode: ['wardcode'],
  majorText: ['majortext'],
  minorText: ['minortext'],
  borough: ['lookup_boroughname'],
} as const;

interface MonthColumn {
  column: number;
  month: number;
  name: string;
}

/** The YYYYMM columns of a header, those of months files may hold first, then the others (a
 * placeholder such as 999912, or a year out of range), which are not read. */
function monthColumns(header: readonly string[]): { read: MonthColumn[]; skipped: MonthColumn[] } {
  const read: MonthColumn[] = [];
  const skipped: MonthColumn[] = [];
  const { first, last } = dataMonths();
  header.forEach((raw, column) => {
    const name = normaliseHeaderName(raw);
    const match = /^(\d{4})(\d{2})$/.exec(name);
    const month = match ? Number(match[1]) * 12 + Number(match[2]) - 1 : -1;
    if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) return;
    (month >= first && month <= last ? read : skipped).push({ column, month, name });
  });
  return { read, skipped };
}

export function isMpsWardCrimeHeader(header: readonly string[]): boolean {
  const { read, skipped } = monthColumns(header);
  const columns = findColumns(header, COLUMN_ALIASES);
  return (
    columns.wardCode >= 0 &&
    columns.majorText >= 0 &&
    columns.minorText >= 0 &&
    read.length + skipped.length > 0
  );
}

/** A Map, so that a file's word such as "constructor" or "__proto__" is never found in it. */
const SERIOUS_VIOLENCE_GROUPS: ReadonlyMap<string, ThemeInfo> = new Map(
  Object.entries({
    'SEXUAL OFFENCES': themeInfo('sexual_violence', {
      label: 'Sexual offences (MPS recorded)',
      definition: 'Rape and other sexual offences recorded by the MPS',
    }),
    ROBBERY: themeInfo('robbery'),
    'POSSESSION OF WEAPONS': themeInfo('possession_of_weapons'),
  }),
);
const VIOLENCE_WITH_INJURY = themeInfo('violence_with_injury');
const OTHER_VIOLENCE = themeInfo('other_violence_against_the_person', {
  label: 'Violence against the person (other)',
  group: 'other_recorded_crime',
});
/** Offence-group words that stay in capitals in a label. */
const ACRONYMS = new Set(['NFIB', 'MPS']);

/** "ARSON AND CRIMINAL DAMAGE" -> "Arson and criminal damage"; "NFIB FRAUD" -> "NFIB fraud". */
function sentenceCase(text: string): string {
  const words = text.split(/\s+/).map((word) => (ACRONYMS.has(word) ? word : word.toLowerCase()));
  const [first = '', ...rest] = words;
  return [first.charAt(0).toUpperCase() + first.slice(1), ...rest].join(' ');
}

/** The theme of an offence group and subgroup, or null when the group is blank. */
export function wardCrimeTheme(majorText: string, minorText: string): ThemeInfo | null {
  const major = majorText.trim().toUpperCase().replace(/\s+/g, ' ');
  const minor = minorText.trim().toUpperCase().replace(/\s+/g, ' ');
  if (minor === 'VIOLENCE WITH INJURY') return VIOLENCE_WITH_INJURY;
  const serious = SERIOUS_VIOLENCE_GROUPS.get(major);
  if (serious) return serious;
  if (major === 'VIOLENCE AGAINST THE PERSON') return OTHER_VIOLENCE;
  const id = major
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!/^[a-z]/.test(id)) return null;
  return themeInfo(id.slice(0, 64), { label: sentenceCase(major), group: 'other_recorded_crime' });
}

/** Reads rows of one ward crime file: all month cells of a row load, or none of them do. */
export class MpsWardCrimeReader implements OffenceReader {
  readonly builder = new CubeBuilder(false);
  rowsLoaded = 0;
  private readonly columns: Record<keyof typeof COLUMN_ALIASES, number>;
  private readonly months: MonthColumn[];
  /** Month columns not read, and the offences their cells hold in the rows that loaded. */
  private readonly skipped: MonthColumn[];
  private skippedOffences = 0;
  private readonly width: number;
  private readonly lookup: WardLookup;
  private readonly log: RejectionLog;
  /** Theme and its builder id by "MajorText\u0000MinorText" as written. */
  private readonly themes = new Map<string, { info: ThemeInfo; id: number } | null>();
  private readonly rowKeys = new Set<string>();
  private repeatedRows = 0;
  private readonly values: Float64Array;

  constructor(header: readonly string[], context: Pick<ReaderContext, 'lookup' | 'log'>) {
    this.columns = findColumns(header, COLUMN_ALIASES);
    ({ read: this.months, skipped: this.skipped } = monthColumns(header));
    this.width = header.length;
    this.lookup = context.lookup;
    this.log = context.log;
    this.values = new Float64Array(this.months.length);
  }

  private themeOf(majorText: string, minorText: string) {
    const key = `${majorText}\u0000${minorText}`;
    let theme = this.themes.get(key);
    if (theme === undefined) {
      const info = wardCrimeTheme(majorText, minorText);
      theme = info ? { info, id: this.builder.themeId(info.id) } : null;
      this.themes.set(key, theme);
    }
    return theme;
  }

  readRow(cells: readonly string[], row: number): void {
    const { columns, log, months, values } = this;
    if (cells.length < this.width) {
      log.reject(
        row,
        'Row cut short',
        `Row has ${cells.length} cells but the header has ${this.width}`,
      );
      return;
    }
    const ward = this.lookup.resolveCode(cells[columns.wardCode] ?? '');
    if ('error' in ward) {
      log.reject(row, 'Unknown ward', ward.error);
      return;
    }
    const majorText = cells[columns.majorText] ?? '';
    const minorText = cells[columns.minorText] ?? '';
    const theme = this.themeOf(majorText, minorText);
    if (theme === null) {
      log.reject(
        row,
        'No offence group',
        majorText.trim() === ''
          ? 'MajorText is blank'
          : `MajorText is not an offence group: "${majorText.trim()}"`,
      );
      return;
    }
    // Check every cell before adding any, so that a rejected row leaves no trace in the figures.
    for (let index = 0; index < months.length; index += 1) {
      const { column, name } = months[index] as MonthColumn;
      const raw = cells[column] as string;
      const value = raw === '' ? 0 : plainCount(raw);
      if (value >= 0) {
        values[index] = value;
        continue;
      }
      const count = countOrReject(raw, row, log, `Month ${name}: `);
      if (count === null) return;
      values[index] = count;
    }
    for (const { column } of this.skipped)
      this.skippedOffences += Math.max(0, plainCount((cells[column] as string).trim()));
    const wardId = this.builder.wardId(ward.code);
    for (let index = 0; index < months.length; index += 1)
      this.builder.addAt(
        theme.id,
        (months[index] as MonthColumn).month,
        wardId,
        0,
        values[index] as number,
      );

    const borough = columns.borough >= 0 ? (cells[columns.borough] ?? '').trim() : '';
    const rowKey = `${ward.code}\u0000${borough}\u0000${majorText.trim()}\u0000${minorText.trim()}`;
    if (this.rowKeys.has(rowKey)) this.repeatedRows += 1;
    else this.rowKeys.add(rowKey);
    this.rowsLoaded += 1;
  }

  finish(): ReaderResult {
    const range = new MonthRange();
    for (const { month } of this.months) range.include(month);
    const notes = this.rowsLoaded > 0 ? range.notes() : [];
    const present = new Set(this.months.map(({ month }) => month));
    const missing = range.last - range.first + 1 - present.size;
    if (missing > 0)
      notes.push(
        `Months between the first and last month columns that have no column, and count as 0: ${missing}.`,
      );
    notes.push(MONTH_RECORDED_NOTE);
    if (this.skipped.length > 0)
      notes.push(
        `Month columns not read, as they are not months of ${FIRST_DATA_YEAR} to ${lastDataYear()} (a placeholder such as 999912, or a slip): ${this.skipped.map(({ name }) => name).join(', ')}, holding ${this.skippedOffences.toLocaleString('en-GB')} offences in the rows loaded.`,
      );
    if (this.repeatedRows > 0)
      notes.push(
        `Added to an earlier row with the same ward code, borough, MajorText and MinorText: ${rowCount(this.repeatedRows)}.`,
      );
    const themes = new Map<string, ThemeInfo>();
    for (const theme of this.themes.values()) if (theme) themes.set(theme.info.id, theme.info);
    return { themes: [...themes.values()], notes, points: null };
  }
}

export const mpsWardCrimeFormat: OffenceFormat = {
  name: MPS_WARD_CRIME_FORMAT,
  columns: MPS_WARD_CRIME_COLUMNS,
  matches: isMpsWardCrimeHeader,
  createReader: (header, context) => new MpsWardCrimeReader(header, context),
};
