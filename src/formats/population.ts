/**
 * Ward population CSVs, the rate denominators. Two layouts are read:
 * - native: `ward_code, population[, population_10_24]`;
 * - the Census 2021 ward table as published here: `WD22CD, ..., usual_residents, ..., age_10_24`
 *   (any ward code vintage, `WDyyCD`).
 */
import Papa from 'papaparse';
import type { WardPopulation } from '../data/population.ts';
import { type LoadReport, RejectionLog } from '../data/report.ts';
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

export function parsePopulationRows(
  fileName: string,
  header: readonly string[],
  rows: readonly (readonly string[])[],
): PopulationResult {
  const columns = populationColumns(header);
  const log = new RejectionLog();
  const populations = new Map<string, WardPopulation>();
  const notes: string[] = [];
  rows.forEach((cells, index) => {
    const row = index + 2;
    const code = (cells[columns.wardCode] ?? '').trim().toUpperCase();
    if (!WARD_CODE_PATTERN.test(code)) {
      log.reject(row, 'Not a ward code', `Not a ward code: "${code}"`);
      return;
    }
    const population = parseWholeNumber(cells[columns.population]);
    if (population === null) {
      log.reject(
        row,
        'Population is not a whole number',
        `Population is not a whole number: "${cells[columns.population] ?? ''}"`,
      );
      return;
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
        return;
      }
    }
    if (populations.has(code)) {
      log.reject(row, 'Ward listed twice', `Ward ${code} is listed twice; the first row is used`);
      return;
    }
    populations.set(code, { population, population10to24 });
  });
  if (columns.population10to24 < 0) {
    notes.push('No population aged 10-24: youth violence rates use all residents.');
  }
  return {
    populations,
    report: {
      fileName,
      format: POPULATION_FORMAT,
      rowsRead: rows.length,
      rowsLoaded: populations.size,
      rejectedCount: log.count,
      rejected: log.rejected,
      rejectedByReason: log.byReason,
      notes,
    },
  };
}

/** Splits CSV text into a header and data rows, dropping blank lines. */
export function splitCsv(text: string): { header: string[]; rows: string[][] } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const [header = [], ...rows] = parsed.data;
  return { header, rows };
}

export function parsePopulationCsv(fileName: string, text: string): PopulationResult {
  const { header, rows } = splitCsv(text);
  return parsePopulationRows(fileName, header, rows);
}

/** Writes populations in the native layout. */
export function formatPopulationCsv(populations: ReadonlyMap<string, WardPopulation>): string {
  const lines = ['ward_code,population,population_10_24'];
  for (const [code, { population, population10to24 }] of populations) {
    lines.push(`${code},${population},${population10to24 ?? ''}`);
  }
  return `${lines.join('\n')}\n`;
}
