/**
 * MPS knife crime by ward and borough, from the MPS Monthly Crime Dashboard data: `month,
 * area_type, area_code, area_name, LAD24CD, LAD24NM, borough_snt, crime_subtype, measure, count,
 * financial_year`, columns in any order.
 *
 * Three subtype-and-measure pairs become themes, among them the London VRU's youth violence
 * indicator. They nest (knife crime with injury is part of knife crime, whose victims the youth
 * indicator counts), so "All serious violence" is knife crime offences alone, not their sum. Only ward ("Ward (SNT)") rows are added: borough rows hold the same offences again.
 * Other subtypes and measures (positive outcomes, personal robbery, victims including domestic
 * abuse) are set aside, as borough rows are: not errors, but not loaded.
 */

import { CubeBuilder } from '../data/cube.ts';
import type { RejectionLog } from '../data/report.ts';
import { DEDUPLICATED_ALL_THEME, type ThemeInfo, themeInfo } from '../data/themes.ts';
import type { WardLookup } from '../geo/wardLookup.ts';
import { findColumns } from './header.ts';
import { MONTH_RECORDED_NOTE, MonthRange, NOT_MAPPED, rowCount } from './mpsSeries.ts';
import type { OffenceFormat, OffenceReader, ReaderContext, ReaderResult } from './offenceFormat.ts';
import { countOrReject, monthOrReject } from './rowChecks.ts';

export const MPS_KNIFE_CRIME_FORMAT = 'MPS knife crime by ward and borough';
export const MPS_KNIFE_CRIME_COLUMNS =
  'month, area_type, area_code, crime_subtype, measure, count; optional area_name, borough_snt';

const COLUMN_ALIASES = {
  month: ['month'],
  areaType: ['area_type'],
  areaCode: ['area_code'],
  areaName: ['area_name'],
  boroughSnt: ['borough_snt'],
  subtype: ['crime_subtype'],
  measure: ['measure'],
  count: ['count'],
} as const;

export function isMpsKnifeCrimeHeader(header: readonly string[]): boolean {
  const columns = findColumns(header, COLUMN_ALIASES);
  return (
    columns.month >= 0 &&
    columns.areaType >= 0 &&
    columns.areaCode >= 0 &&
    columns.subtype >= 0 &&
    columns.measure >= 0 &&
    columns.count >= 0
  );
}

/** Themes by lower-case "crime_subtype|measure". */
/** A Map, so that a file's word such as "constructor" or "__proto__" is never found in it. */
const THEMES: ReadonlyMap<string, ThemeInfo> = new Map(
  Object.entries({
    'knife injury victims (non da 1-24)|offences': themeInfo('youth_violence', {
      label: 'Knife-injury victims aged 1–24, non-domestic',
      definition:
        "The London VRU's youth violence indicator: victims aged 1 to 24 of knife injuries outside domestic abuse (MPS Monthly Crime Dashboard)",
    }),
    'knife crime|offences': themeInfo('knife_crime'),
    'knife crime with injury|offences': themeInfo('knife_crime_with_injury'),
  }),
);
const KNIFE_CRIME = 'knife_crime';
/** Borough rows hold the ward rows' offences again: added, they would count twice. */
const BOROUGH_TOTAL = 'Borough total, not added: the ward rows hold the same offences';
const ALL_KNIFE_CRIME = themeInfo(DEDUPLICATED_ALL_THEME, {
  definition:
    'Knife crime offences, each counted once: knife crime with injury is part of them and knife-injury victims are their victims.',
});

export class MpsKnifeCrimeReader implements OffenceReader {
  readonly builder = new CubeBuilder(false);
  rowsLoaded = 0;
  private readonly columns: Record<keyof typeof COLUMN_ALIASES, number>;
  private readonly lookup: WardLookup;
  private readonly log: RejectionLog;
  private readonly months = new MonthRange();
  /** Theme and its builder id by subtype and measure as written; null when skipped. */
  private readonly themes = new Map<string, { info: ThemeInfo; id: number } | null>();
  /** Month, ward and theme of every row added, to tell repeated rows. */
  private readonly rowKeys = new Set<string>();
  private repeatedRows = 0;

  constructor(header: readonly string[], context: Pick<ReaderContext, 'lookup' | 'log'>) {
    this.columns = findColumns(header, COLUMN_ALIASES);
    this.lookup = context.lookup;
    this.log = context.log;
  }

  private cell(cells: readonly string[], column: number): string {
    return column >= 0 ? (cells[column] ?? '').trim() : '';
  }

  private themeOf(subtype: string, measure: string) {
    const key = `${subtype}|${measure}`;
    let theme = this.themes.get(key);
    if (theme === undefined) {
      const info = THEMES.get(key.toLowerCase());
      theme = info ? { info, id: this.builder.themeId(info.id) } : null;
      this.themes.set(key, theme);
    }
    return theme;
  }

  readRow(cells: readonly string[], row: number): void {
    const { columns, log } = this;
    const areaType = this.cell(cells, columns.areaType);
    const kind = areaType.toLowerCase();
    if (kind === 'borough') {
      log.setAside(row, BOROUGH_TOTAL);
      return;
    }
    if (!kind.startsWith('ward')) {
      log.reject(
        row,
        'Unknown area type',
        `Area type is neither "Borough" nor "Ward (SNT)": "${areaType}"`,
      );
      return;
    }
    const subtype = this.cell(cells, columns.subtype);
    const measure = this.cell(cells, columns.measure);
    const theme = this.themeOf(subtype, measure);
    if (theme === null) {
      log.setAside(row, `Not mapped by the dashboard: ${subtype} (${measure})`);
      return;
    }
    const code = this.cell(cells, columns.areaCode);
    const ward = this.lookup.resolveCode(code);
    if ('error' in ward) {
      const place = [this.cell(cells, columns.areaName), this.cell(cells, columns.boroughSnt)]
        .filter((text) => text !== '')
        .join(', ');
      log.reject(
        row,
        NOT_MAPPED,
        `${code === '' ? 'No area code' : `Area code "${code}" is not a ward of the loaded boundaries`}${place ? ` (${place})` : ''}`,
      );
      return;
    }
    const month = monthOrReject(this.cell(cells, columns.month), row, log);
    if (month === null) return;
    const count = countOrReject(cells[columns.count] ?? '', row, log);
    if (count === null) return;
    const wardId = this.builder.wardId(ward.code);
    const rowKey = `${month} ${wardId} ${theme.id}`;
    if (this.rowKeys.has(rowKey)) this.repeatedRows += 1;
    else this.rowKeys.add(rowKey);
    this.builder.addAt(theme.id, month, wardId, 0, count);
    if (theme.info.id === KNIFE_CRIME)
      this.builder.addAt(this.builder.themeId(ALL_KNIFE_CRIME.id), month, wardId, 0, count);
    this.months.include(month);
    this.rowsLoaded += 1;
  }

  finish(): ReaderResult {
    const notes = this.months.notes();
    notes.push(MONTH_RECORDED_NOTE);
    if (this.repeatedRows > 0)
      notes.push(
        `Added to an earlier row with the same ward, month, subtype and measure: ${rowCount(this.repeatedRows)}.`,
      );
    const themes = new Map<string, ThemeInfo>();
    for (const theme of this.themes.values()) if (theme) themes.set(theme.info.id, theme.info);
    if (themes.has(KNIFE_CRIME)) themes.set(ALL_KNIFE_CRIME.id, ALL_KNIFE_CRIME);
    return { themes: [...themes.values()], notes, points: null };
  }
}

export const mpsKnifeCrimeFormat: OffenceFormat = {
  name: MPS_KNIFE_CRIME_FORMAT,
  columns: MPS_KNIFE_CRIME_COLUMNS,
  matches: isMpsKnifeCrimeHeader,
  createReader: (header, context) => new MpsKnifeCrimeReader(header, context),
};
