/**
 * Ward population CSVs, the rate denominators. Two layouts are read:
 * - native: `ward_code, population[, population_10_24]`;
 * - the Census 2021 ward table as published here: `WD22CD, ..., usual_residents, ..., age_10_24`
 *   (any ward code vintage, `WDyyCD`).
 */
import Papa from 'papaparse';
import type { WardPopulation } from '../data/population.ts';
import { buildReport, type LoadReport, type NumberedRow, RejectionLog } from '../data/report.ts';
import { findColumns, normaliseHeaderName } from './header.ts';

export const POPULATION_FORMAT = 'Ward population';

const WARD_CODE_PATTERN = /^[EWSN]\d{8}$/;

function populationColumns(header: readonly string[]) {
  const wardCodeAliases = ['ward_code'];
  for (const name of header.map(normaliseHeaderName)) {
    if (/^wd\d{2}cd$/.test(name)) wardCodeAliases.push(name);
  }
  return findColumns(header, {
    wardCode: wardCodeAliases,
    population: ['population', 'usual_residents'],
    population10to24: ['population_10_24', 'age_10_24'],
  });
}

export function isPopulationHeader(header: readonly string[]): boolean {
  const columns = populationColumns(header);
  return columns.wardCode >= 0 && columns.population >= 0;
}

/** Reads a whole-number count, allowing thousands separators ("8,803"). */
export function parseWholeNumber(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  const text = raw.trim().replace(/,/g, '');
  if (!/^\d+$/.test(text)) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : null;
}

export interface PopulationResult {
  populations: Map<string, WardPopulation>;
  report: LoadReport;
}

/** Reads the rows of a population file; each good row loads, each other one is logged. */
export function readPopulationRows(
  header: readonly string[],
  rows: readonly NumberedRow[],
  log: RejectionLog,
): { populations: Map<string, WardPopulation>; rowsLoaded: number; notes: string[] } {
  const columns = populationColumns(header);
  const populations = new Map<string, WardPopulation>();
  const notes: string[] = [];
  for (const { row, cells } of rows) {
    const code = (cells[columns.wardCode] ?? '').trim().toUpperCase();
    if (!WARD_CODE_PATTERN.test(code)) {
      log.reject(row, 'Not a ward code', `Not a ward code: "${code}"`);
      continue;
    }
    const population = parseWholeNumber(cells[columns.population]);
    if (population === null) {
      log.reject(
        row,
        'Population is not a whole number',
        `Population is not a whole number: "${cells[columns.population] ?? ''}"`,
      );
      continue;
    }
    let population10to24: number | null = null;
    const youthCell = (cells[columns.population10to24] ?? '').trim();
    if (youthCell !== '') {
      population10to24 = parseWholeNumber(youthCell);
      if (population10to24 === null) {
        log.reject(
          row,
          'Population aged 10-24 is not a whole number',
          `Population aged 10-24 is not a whole number: "${cells[columns.population10to24] ?? ''}"`,
        );
        continue;
      }
    }
    if (populations.has(code)) {
      log.reject(row, 'Ward listed twice', `Ward ${code} is listed twice; the first row is used`);
      continue;
    }
    populations.set(code, { population, population10to24 });
  }
  if (columns.population10to24 < 0) {
    notes.push('No population aged 10-24: youth violence rates use all residents.');
  }
  return { populations, rowsLoaded: populations.size, notes };
}

/** Splits CSV text into a header and data rows, dropping blank lines. */
export function splitCsv(text: string): { header: string[]; rows: NumberedRow[] } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''));
  const [header = [], ...lines] = parsed.data;
  const rows: NumberedRow[] = [];
  lines.forEach((cells, index) => {
    if (cells.some((cell) => cell.trim() !== '')) rows.push({ row: index + 2, cells });
  });
  return { header, rows };
}

/** A population file the app ships with (or the boundary pipeline reads): small, read at once. */
export function parsePopulationCsv(fileName: string, text: string): PopulationResult {
  const { header, rows } = splitCsv(text);
  const log = new RejectionLog();
  const { populations, rowsLoaded, notes } = readPopulationRows(header, rows, log);
  const account = { rowsRead: rows.length, blankRows: 0, lines: null, notRead: null };
  return {
    populations,
    report: buildReport(fileName, POPULATION_FORMAT, account, rowsLoaded, log, notes),
  };
}

/** Writes populations in the native layout. */
export function formatPopulationCsv(populations: ReadonlyMap<string, WardPopulation>): string {
  const lines = ['ward_code,population,population_10_24'];
  for (const [code, { population, population10to24 }] of populations) {
    lines.push(`${code},${population},${population10to24 ?? ''}`);
  }
  return `${lines.join('\n')}\n`;
}
