/**
 * A services file: one row per service with `name, type, latitude, longitude`, optional `themes`
 * (theme ids separated by ";" or "|") and `notes`. Every row is checked; a bad row is reported
 * with its spreadsheet row number and reason, and every good row loads.
 */
import type { NumberedRow, RejectionLog } from '../data/report.ts';
import { type Service, type ServiceFile, serviceTypeKey } from '../data/services.ts';
import { normaliseThemeId, type ThemeId } from '../data/themes.ts';
import { inUk, OUTSIDE_UK } from '../geo/ukBounds.ts';
import { findColumns } from './header.ts';
import { parseDecimal } from './rowChecks.ts';

export const SERVICES_FORMAT = 'Services';
export const SERVICES_COLUMNS = 'name, type, latitude, longitude; optional themes, notes';

function serviceColumns(header: readonly string[]) {
  return findColumns(header, {
    name: ['name', 'service_name', 'service'],
    type: ['type', 'service_type'],
    latitude: ['latitude', 'lat'],
    longitude: ['longitude', 'lon', 'lng', 'long'],
    themes: ['themes', 'theme'],
    notes: ['notes', 'note'],
  });
}

export function isServicesHeader(header: readonly string[]): boolean {
  const columns = serviceColumns(header);
  return columns.name >= 0 && columns.type >= 0 && columns.latitude >= 0 && columns.longitude >= 0;
}

/** A position from latitude and longitude as typed, or why it is not one. */
export function readPosition(
  latitudeCell: string,
  longitudeCell: string,
): { latitude: number; longitude: number } | { category: string; detail: string } {
  const missing = [
    latitudeCell === '' ? 'latitude' : null,
    longitudeCell === '' ? 'longitude' : null,
  ].filter((name) => name !== null);
  if (missing.length > 0) {
    const what = missing.join(' and ');
    return {
      category: 'Coordinates missing',
      detail: `${what.charAt(0).toUpperCase()}${what.slice(1)} ${missing.length > 1 ? 'are' : 'is'} empty`,
    };
  }
  const latitude = parseDecimal(latitudeCell);
  const longitude = parseDecimal(longitudeCell);
  if (latitude === null || longitude === null) {
    const [name, cell] =
      latitude === null ? ['Latitude', latitudeCell] : ['Longitude', longitudeCell];
    return {
      category: 'Coordinates not numbers',
      detail: `${name} is not a decimal number: "${cell}"`,
    };
  }
  if (!inUk(latitude, longitude)) {
    const swapped = inUk(longitude, latitude);
    return {
      category: 'Coordinates outside the UK',
      detail: `Latitude ${latitudeCell}, longitude ${longitudeCell} is ${OUTSIDE_UK}${swapped ? ': latitude and longitude look swapped' : ''}`,
    };
  }
  return { latitude, longitude };
}

/** Theme ids of a cell, or the first one that is not an id. */
function readThemes(cell: string): ThemeId[] | { bad: string } {
  const themes: ThemeId[] = [];
  for (const part of cell.split(/[;|]/)) {
    if (part.trim() === '') continue;
    const id = normaliseThemeId(part);
    if (!id) return { bad: part.trim() };
    if (!themes.includes(id)) themes.push(id);
  }
  return themes;
}

/** Reads the rows of a services file; each good row is a service, each other one is logged. */
export function readServiceRows(
  fileName: string,
  header: readonly string[],
  rows: readonly NumberedRow[],
  loadedAt: string,
  log: RejectionLog,
): { file: ServiceFile; notes: string[] } {
  const columns = serviceColumns(header);
  const services: Service[] = [];
  /** The first spelling of each type, by its key. */
  const typeNames = new Map<string, string>();
  let respelt = 0;
  const cell = (cells: readonly string[], column: number) =>
    column < 0 ? '' : (cells[column] ?? '').trim();

  for (const { row, cells } of rows) {
    const name = cell(cells, columns.name).replace(/\s+/g, ' ');
    const rawType = cell(cells, columns.type).replace(/\s+/g, ' ');
    if (name === '') {
      log.reject(row, 'Name missing', 'Name is empty');
      continue;
    }
    if (rawType === '') {
      log.reject(row, 'Type missing', 'Type is empty');
      continue;
    }
    const position = readPosition(cell(cells, columns.latitude), cell(cells, columns.longitude));
    if ('category' in position) {
      log.reject(row, position.category, position.detail);
      continue;
    }
    const themes = readThemes(cell(cells, columns.themes));
    if ('bad' in themes) {
      log.reject(row, 'Theme not understood', `Theme not understood: "${themes.bad}"`);
      continue;
    }
    const key = serviceTypeKey(rawType);
    const type = typeNames.get(key) ?? rawType;
    if (!typeNames.has(key)) typeNames.set(key, rawType);
    if (type !== rawType) respelt += 1;
    services.push({
      row,
      name,
      type,
      longitude: position.longitude,
      latitude: position.latitude,
      themes,
      notes: cell(cells, columns.notes),
    });
  }

  const notes: string[] = [];
  if (respelt > 0)
    notes.push(
      `${respelt} ${respelt === 1 ? 'row spells its type' : 'rows spell their type'} differently from an earlier row (case or spaces): the first spelling is used.`,
    );
  return {
    file: {
      fileName,
      loadedAt,
      services,
      types: [...typeNames.values()].sort((a, b) => a.localeCompare(b, 'en-GB')),
    },
    notes,
  };
}
