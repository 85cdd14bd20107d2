/**
 * A column mapping: which column of a partner's table plays which part (record id, dates, ward,
 * coordinates, flags...), what its offence types count as, and what its rows are. Plain data, so
 * that the store keeps it, IndexedDB and workspace files save it, and a colleague imports it as a
 * small JSON file. It is kept against the header's signature: the next file with the same columns
 * (in any order and case) is read with it at once.
 */
import { normaliseHeaderName } from './header.ts';

export const COLUMN_ROLES = [
  'ignore',
  'record_id',
  'from',
  'from_time',
  'to',
  'to_time',
  'ward_code',
  'ward_name',
  'lad_code',
  'lad_name',
  'longitude',
  'latitude',
  'easting',
  'northing',
  'victim_age',
  'domestic_abuse',
  'sexual_violence',
  'offence_type',
  'count',
] as const;

export type ColumnRole = (typeof COLUMN_ROLES)[number];

export const ROLE_LABELS: Readonly<Record<ColumnRole, string>> = {
  ignore: 'Not used',
  record_id: 'Record ID (crime reference)',
  from: 'Date or date-time (from)',
  from_time: 'Time (from), in its own column',
  to: 'Date or date-time (to)',
  to_time: 'Time (to), in its own column',
  ward_code: 'Ward code (E05…)',
  ward_name: 'Ward name',
  lad_code: 'Borough or district code (E06–E09…)',
  lad_name: 'Borough or district name',
  longitude: 'Longitude',
  latitude: 'Latitude',
  easting: 'Easting (British National Grid)',
  northing: 'Northing (British National Grid)',
  victim_age: 'Victim age or age band',
  domestic_abuse: 'Domestic abuse flag',
  sexual_violence: 'Sexual violence flag',
  offence_type: 'Offence type',
  count: 'Count (already aggregated)',
};

/** What each row of the table is. */
export type RowsAre =
  /** Serious violence offences: every row counts in "All serious violence", flags and ages add
   * the domestic abuse, sexual violence and youth violence themes. */
  | 'offences'
  /** Records of another kind (A&E assault attendances, youth justice cases): every row counts
   * in one theme named after the mapping, and in nothing else. */
  | 'own_theme'
  /** Features of a ward boundary file whose properties are not ONS-named (WDyyCD...). */
  | 'boundaries';

const ROWS_ARE: readonly RowsAre[] = ['offences', 'own_theme', 'boundaries'];

/** The roles of a ward boundary file's properties. */
export const BOUNDARY_ROLES: readonly ColumnRole[] = [
  'ignore',
  'ward_code',
  'ward_name',
  'lad_code',
  'lad_name',
];

/** The roles of a table's columns: all but the boroughs of boundary files. */
export const RECORD_ROLES: readonly ColumnRole[] = COLUMN_ROLES.filter(
  (role) => role !== 'lad_code' && role !== 'lad_name',
);

/** The theme an offence type counts in; "" when rows of that type are not counted. */
export type OffenceThemeChoice = string;

export interface ColumnMapping {
  id: string;
  /** The user's name for the source ("Police extract (Niche)", "A&E assault attendances"). */
  name: string;
  /** `headerSignature` of the header it was made for. */
  signature: string;
  /** Every column of that header, in order, with its role. */
  columns: { name: string; role: ColumnRole }[];
  rowsAre: RowsAre;
  /** Offence type as written (trimmed, any case) and the theme it counts in. Pairs, not an
   * object: a type called "constructor" must stay a type. */
  offenceThemes: [string, OffenceThemeChoice][];
  /** ISO date-time of the last change. */
  savedAt: string;
}

/** How many of the first rows the step's preview shows. */
export const PREVIEW_ROWS = 10;

/** The columns of a header, in any order and case: the key a mapping is kept under. */
export function headerSignature(header: readonly string[]): string {
  return JSON.stringify(header.map(normaliseHeaderName).sort());
}

export type RoleColumns = Record<ColumnRole, number>;

/**
 * The column index of each role in `header` (-1 when no column has it), matching the mapping's
 * columns by name (the same name twice is matched in order).
 */
export function roleColumns(
  mapping: Pick<ColumnMapping, 'columns'>,
  header: readonly string[],
): RoleColumns {
  const found = Object.fromEntries(COLUMN_ROLES.map((role) => [role, -1])) as RoleColumns;
  const names = header.map(normaliseHeaderName);
  const used = new Set<number>();
  for (const { name, role } of mapping.columns) {
    const wanted = normaliseHeaderName(name);
    const index = names.findIndex((candidate, at) => candidate === wanted && !used.has(at));
    if (index < 0) continue;
    used.add(index);
    if (role !== 'ignore' && found[role] < 0) found[role] = index;
  }
  return found;
}

/**
 * Why a choice of roles cannot be read: a date and somewhere to put each row are needed, a time
 * needs its date, coordinates come in pairs, and each role belongs to one column.
 */
export function mappingProblems(
  roles: readonly ColumnRole[],
  rowsAre: RowsAre = 'offences',
): string[] {
  const problems: string[] = [];
  const has = (role: ColumnRole) => roles.includes(role);
  for (const role of COLUMN_ROLES) {
    if (role === 'ignore') continue;
    const times = roles.filter((candidate) => candidate === role).length;
    if (times > 1) problems.push(`“${ROLE_LABELS[role]}” is chosen for ${times} columns.`);
  }
  if (rowsAre === 'boundaries') {
    if (!has('ward_code')) problems.push('Choose the property with the ward code.');
    return problems;
  }
  if (!has('from')) problems.push('Choose the column with the date (from).');
  if (has('from_time') && !has('from')) problems.push('A time (from) needs a date (from).');
  if (has('to_time') && !has('to')) problems.push('A time (to) needs a date (to).');
  if (has('longitude') !== has('latitude'))
    problems.push('Longitude and latitude go together: choose both or neither.');
  if (has('easting') !== has('northing'))
    problems.push('Easting and northing go together: choose both or neither.');
  const located =
    has('ward_code') ||
    has('ward_name') ||
    (has('longitude') && has('latitude')) ||
    (has('easting') && has('northing'));
  if (!located)
    problems.push(
      'Choose where each row is: a ward code, a ward name, longitude and latitude, or easting and northing.',
    );
  return problems;
}

/** A mapping file's content: the mappings, checked field by field, or why it cannot be read. */
export function parseMappingsFile(text: string): { mappings: ColumnMapping[] } | { error: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { error: 'The file is not JSON.' };
  }
  return checkedMappings(
    typeof data === 'object' && data !== null && 'mappings' in data
      ? (data as { mappings: unknown }).mappings
      : null,
  );
}

/** A list of mappings (from a mapping file, a workspace), checked field by field. */
export function checkedMappings(list: unknown): { mappings: ColumnMapping[] } | { error: string } {
  if (!Array.isArray(list)) return { error: 'The file has no list of column mappings.' };
  const mappings: ColumnMapping[] = [];
  for (const [index, item] of list.entries()) {
    const mapping = checkedMapping(item);
    if (!mapping) return { error: `Column mapping ${index + 1} is not complete.` };
    mappings.push(mapping);
  }
  return { mappings };
}

const isString = (value: unknown): value is string => typeof value === 'string';

function checkedMapping(item: unknown): ColumnMapping | null {
  if (typeof item !== 'object' || item === null) return null;
  const { id, name, columns, rowsAre, offenceThemes, savedAt } = item as Record<string, unknown>;
  if (!isString(id) || !isString(name) || name.trim() === '') return null;
  if (!ROWS_ARE.includes(rowsAre as RowsAre)) return null;
  if (!Array.isArray(columns) || !Array.isArray(offenceThemes)) return null;
  const checkedColumns: ColumnMapping['columns'] = [];
  for (const column of columns) {
    const { name: columnName, role } = (column ?? {}) as Record<string, unknown>;
    if (!isString(columnName) || !COLUMN_ROLES.includes(role as ColumnRole)) return null;
    checkedColumns.push({ name: columnName, role: role as ColumnRole });
  }
  const pairs: [string, string][] = [];
  for (const pair of offenceThemes) {
    if (!Array.isArray(pair) || !isString(pair[0]) || !isString(pair[1])) return null;
    pairs.push([pair[0], pair[1]]);
  }
  return {
    id,
    name: name.trim(),
    // Worked out again rather than trusted: it must match the columns.
    signature: headerSignature(checkedColumns.map((column) => column.name)),
    columns: checkedColumns,
    rowsAre: rowsAre as RowsAre,
    offenceThemes: pairs,
    savedAt: isString(savedAt) ? savedAt : new Date(0).toISOString(),
  };
}

/** The JSON file a user exports for colleagues. */
export function mappingsFileText(mappings: readonly ColumnMapping[]): string {
  return `${JSON.stringify({ format: 'ward-dashboard column mappings', version: 1, mappings }, null, 2)}\n`;
}
