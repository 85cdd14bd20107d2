/**
 * Ward → local authority lookups (ONS "Ward to Local Authority District Lookup", or any table
 * with `WDyyCD, LADyyCD[, LADyyNM]` columns, e.g. the LSOA → ward → LAD best-fit lookup).
 * Pure; no Node or DOM APIs.
 */
import type { LadInfo } from '../geo/wardBoundaries.ts';
import { normaliseHeaderName } from './header.ts';

function newestMatching(names: readonly string[], pattern: RegExp): number {
  let best = -1;
  let bestYear = -1;
  names.forEach((name, index) => {
    const match = pattern.exec(name);
    if (match && Number(match[1]) > bestYear) {
      best = index;
      bestYear = Number(match[1]);
    }
  });
  return best;
}

/** Column indices of a lookup header (newest vintage wins), or null when it is not one. */
export function wardLadLookupColumns(
  header: readonly string[],
): { ward: number; lad: number; ladName: number } | null {
  const names = header.map(normaliseHeaderName);
  const ward = newestMatching(names, /^wd(\d{2})cd$/);
  const lad = newestMatching(names, /^lad(\d{2})cd$/);
  if (ward < 0 || lad < 0) return null;
  const ladYear = /^lad(\d{2})cd$/.exec(names[lad] ?? '')?.[1];
  let ladName = names.indexOf(`lad${ladYear}nm`);
  if (ladName < 0) ladName = newestMatching(names, /^lad(\d{2})nm$/);
  return { ward, lad, ladName };
}

export function isWardLadLookupHeader(header: readonly string[]): boolean {
  return wardLadLookupColumns(header) !== null;
}

export interface WardLadLookupResult {
  lookup: Map<string, LadInfo>;
  rowsRead: number;
  /** Rows skipped: no ward or LAD code, or a ward given a different LAD than earlier rows. */
  skipped: number;
}

/** Reads lookup rows (repeated wards, as in LSOA best-fit lookups, are fine when consistent). */
export function parseWardLadLookup(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): WardLadLookupResult {
  const columns = wardLadLookupColumns(header);
  if (!columns)
    throw new Error('Not a ward to local authority lookup: no WDyyCD and LADyyCD columns');
  const lookup = new Map<string, LadInfo>();
  let skipped = 0;
  for (const cells of rows) {
    const ward = (cells[columns.ward] ?? '').trim().toUpperCase();
    const lad = (cells[columns.lad] ?? '').trim().toUpperCase();
    const ladName = columns.ladName >= 0 ? (cells[columns.ladName] ?? '').trim() : '';
    const existing = lookup.get(ward);
    if (ward === '' || lad === '' || (existing && existing.lad !== lad)) {
      skipped += 1;
      continue;
    }
    if (!existing) lookup.set(ward, { lad, ladName });
  }
  return { lookup, rowsRead: rows.length, skipped };
}
