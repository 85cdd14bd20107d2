/**
 * MPS Violence Against Women and Girls (VAWG) offences by ward and month (London Datastore VAWG
 * dashboard data): `month, bcu, borough, ward_name, WD24CD, vawg_offences`, columns in any order,
 * any `WDyyCD` vintage. Rows with no ward code (borough "Other", unknown wards, other forces) are
 * reported as not mapped, with their borough and ward name, and their offences are counted in a
 * note: they are real offences that the map cannot place.
 */

import { CubeBuilder } from '../data/cube.ts';
import { formatCount } from '../data/numberFormat.ts';
import type { RejectionLog } from '../data/report.ts';
import { themeInfo } from '../data/themes.ts';
import type { WardLookup } from '../geo/wardLookup.ts';
import { findColumns, normaliseHeaderName } from './header.ts';
import { MONTH_RECORDED_NOTE, MonthRange, NOT_MAPPED, rowCount } from './mpsSeries.ts';
import type { OffenceFormat, OffenceReader, ReaderContext, ReaderResult } from './offenceFormat.ts';
import { countOrReject, monthOrReject } from './rowChecks.ts';

export const MPS_VAWG_FORMAT = 'MPS VAWG offences by ward';
export const MPS_VAWG_COLUMNS =
  'month, WD24CD (or another WDyyCD), vawg_offences; optional borough, ward_name';
const VAWG_THEME = 'vawg';

function vawgColumns(header: readonly string[]) {
  const wardCodes = header.map(normaliseHeaderName).filter((name) => /^wd\d{2}cd$/.test(name));
  return findColumns(header, {
    month: ['month'],
    borough: ['borough'],
    wardName: ['ward_name'],
    wardCode: wardCodes,
    offences: ['vawg_offences'],
  });
}

export function isMpsVawgHeader(header: readonly string[]): boolean {
  const columns = vawgColumns(header);
  return columns.month >= 0 && columns.wardCode >= 0 && columns.offences >= 0;
}

export class MpsVawgReader implements OffenceReader {
  readonly builder = new CubeBuilder(false);
  rowsLoaded = 0;
  private readonly columns: ReturnType<typeof vawgColumns>;
  private readonly lookup: WardLookup;
  private readonly log: RejectionLog;
  private readonly theme: number;
  private readonly months = new MonthRange();
  private unmappedRows = 0;
  private unmappedOffences = 0;

  constructor(header: readonly string[], context: Pick<ReaderContext, 'lookup' | 'log'>) {
    this.columns = vawgColumns(header);
    this.lookup = context.lookup;
    this.log = context.log;
    this.theme = this.builder.themeId(VAWG_THEME);
  }

  private cell(cells: readonly string[], column: number): string {
    return column >= 0 ? (cells[column] ?? '').trim() : '';
  }

  readRow(cells: readonly string[], row: number): void {
    const { columns, log } = this;
    const month = monthOrReject(this.cell(cells, columns.month), row, log);
    if (month === null) return;
    const count = countOrReject(cells[columns.offences] ?? '', row, log);
    if (count === null) return;
    const code = this.cell(cells, columns.wardCode);
    if (code === '') {
      const borough = this.cell(cells, columns.borough);
      const wardName = this.cell(cells, columns.wardName);
      this.unmappedRows += 1;
      this.unmappedOffences += count;
      log.reject(
        row,
        NOT_MAPPED,
        `No ward code (borough "${borough}", ${wardName === '' ? 'no ward name' : `ward "${wardName}"`})`,
      );
      return;
    }
    const ward = this.lookup.resolveCode(code);
    if ('error' in ward) {
      log.reject(row, 'Unknown ward', ward.error);
      return;
    }
    this.builder.addAt(this.theme, month, this.builder.wardId(ward.code), 0, count);
    this.months.include(month);
    this.rowsLoaded += 1;
  }

  finish(): ReaderResult {
    const notes = this.months.notes();
    notes.push(MONTH_RECORDED_NOTE);
    if (this.unmappedRows > 0)
      notes.push(
        `Not on the map, for want of a ward code (no ward name, another force, or not known): ${rowCount(this.unmappedRows)}, ${formatCount(this.unmappedOffences)} offences.`,
      );
    if (this.builder.repeatedKeys > 0)
      notes.push(
        `Added to an earlier row with the same ward and month: ${rowCount(this.builder.repeatedKeys)}.`,
      );
    return { themes: [themeInfo(VAWG_THEME)], notes, points: null };
  }
}

export const mpsVawgFormat: OffenceFormat = {
  name: MPS_VAWG_FORMAT,
  columns: MPS_VAWG_COLUMNS,
  matches: isMpsVawgHeader,
  createReader: (header, context) => new MpsVawgReader(header, context),
};
