/**
 * A ward boundary GeoJSON chosen with "Load data" (any ONS vintage, any area: Kent's districts as
 * well as London's boroughs), read with the same validation as the geodata pipeline. Every
 * rejected feature is reported with its number in the file and the reason; the valid ones become
 * the wards the app shows.
 */

import { errorMessage } from '../data/errorMessage.ts';
import { formatCount } from '../data/numberFormat.ts';
import { buildReport, type LoadReport, RejectionLog } from '../data/report.ts';
import { convertFromGrid, type GridEvidence, gridEvidence } from '../geo/gridGeometry.ts';
import {
  describeWardFeatures,
  detectWardColumns,
  featuresOf,
  proposeWardColumns,
  type WardColumns,
  WardFileError,
  wardPropertyNames,
  wardTopologyFromGeoJson,
} from '../geo/wardBoundaries.ts';
import type { WardTopology } from '../geo/wardFile.ts';
import { BOUNDARY_FORMAT, GEOPACKAGE_FORMAT } from './boundaryFormats.ts';
import {
  type ColumnMapping,
  type ColumnRole,
  headerSignature,
  roleColumns,
} from './columnMapping.ts';
import type { ColumnsToMatch } from './readFile.ts';

export type ParsedBoundaries =
  | { kind: 'boundaries'; topology: WardTopology; report: LoadReport }
  | ColumnsToMatch
  | { kind: 'unrecognised'; fileName: string; message: string };

/** How the user wants a boundary file's properties read: their saved matchings, the "Match
 * columns" step's choice, or the step even for ONS names. */
export interface BoundaryChoices {
  mappings?: readonly ColumnMapping[];
  mapping?: ColumnMapping;
  matchColumns?: boolean;
}

/** Features whose properties the "Match columns" step shows and proposes roles from. */
const SAMPLE_FEATURES = 200;

/** The ward columns a boundary matching gives for these property names. */
function mappedColumns(mapping: ColumnMapping, names: readonly string[]): WardColumns {
  const found = roleColumns(mapping, names);
  const name = (role: ColumnRole) => (found[role] >= 0 ? (names[found[role]] as string) : null);
  return {
    vintage: 'as matched',
    code: name('ward_code') ?? '',
    name: name('ward_name'),
    ladCode: name('lad_code'),
    ladName: name('lad_name'),
    lat: null,
    long: null,
  };
}

/** The step's view of a boundary file: each property as a column, each feature as a row, with
 * the roles proposed from the names and values. */
function boundaryColumnsToMatch(
  features: readonly unknown[],
  names: string[],
  fileName: string,
): ColumnsToMatch {
  const proposed = proposeWardColumns(features, names);
  const roleOf = (name: string): ColumnRole =>
    name === proposed?.code
      ? 'ward_code'
      : name === proposed?.name
        ? 'ward_name'
        : name === proposed?.ladCode
          ? 'lad_code'
          : name === proposed?.ladName
            ? 'lad_name'
            : 'ignore';
  return {
    kind: 'columns',
    fileName,
    header: names,
    rows: features.slice(0, SAMPLE_FEATURES).map((item) => {
      const properties = ((item as { properties?: unknown } | null)?.properties ?? {}) as Record<
        string,
        unknown
      >;
      return names.map((name) => {
        const value = properties[name];
        return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
      });
    }),
    message: '',
    boundaries: true,
    roles: names.map(roleOf),
  };
}

export function readBoundaryFile(
  text: string,
  fileName: string,
  choices: BoundaryChoices = {},
): ParsedBoundaries {
  let input: unknown;
  try {
    input = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return {
      kind: 'unrecognised',
      fileName,
      message: `The file is not valid JSON (${errorMessage(error)}), so it cannot be read as ward boundaries.`,
    };
  }
  return readBoundaryCollection(input, fileName, '', BOUNDARY_FORMAT, choices);
}

const GRID_NOTES: Readonly<Record<Exclude<GridEvidence, null> | 'srs', string>> = {
  crs: 'its crs member names EPSG:27700',
  prj: 'its .prj names it',
  srs: 'its spatial reference system is EPSG:27700',
  coordinates: 'its coordinates are metres within the grid',
};

/**
 * A FeatureCollection of ward boundaries (from GeoJSON or a Shapefile), in longitude and latitude
 * or in British National Grid metres (told by `prj`, a `crs` member or the coordinates). A
 * GeoPackage gives its spatial reference system's definition as `prj`.
 */
export function readBoundaryCollection(
  input: unknown,
  fileName: string,
  prj = '',
  format = BOUNDARY_FORMAT,
  choices: BoundaryChoices = {},
): ParsedBoundaries {
  let converted: ReturnType<typeof wardTopologyFromGeoJson>;
  let grid: GridEvidence = null;
  /** The saved matching the properties were read with. */
  let savedMatching: string | null = null;
  try {
    // Properties not ONS-named are matched as a table's columns are: by the user's choice, a
    // saved matching for these names, or the "Match columns" step.
    const features = featuresOf(input);
    const names = wardPropertyNames(features);
    let mapping: ColumnMapping | null = null;
    if (choices.mapping?.rowsAre === 'boundaries') mapping = choices.mapping;
    else if (names.length > 0 && (choices.matchColumns || detectWardColumns(names) === null)) {
      const signature = headerSignature(names);
      mapping = choices.matchColumns
        ? null
        : (choices.mappings?.find(
            (saved) => saved.rowsAre === 'boundaries' && saved.signature === signature,
          ) ?? null);
      if (!mapping) return boundaryColumnsToMatch(features, names, fileName);
      savedMatching = mapping.name;
    }
    grid = gridEvidence(input, prj);
    if (grid) convertFromGrid(input);
    converted = wardTopologyFromGeoJson(
      input,
      mapping ? { columns: mappedColumns(mapping, names) } : {},
    );
  } catch (error) {
    if (!(error instanceof WardFileError)) throw error;
    return { kind: 'unrecognised', fileName, message: `${error.message}.` };
  }
  const { topology, result } = converted;
  const areas = new Set(result.features.map((ward) => ward.lad));
  // The first line of the pipeline's summary names the code property; the rest repeats what the
  // report lists itself.
  const [columns] = describeWardFeatures(result);
  const notes = [
    ...(savedMatching
      ? [
          `Read with the saved column matching “${savedMatching}”, kept for files with these properties.`,
        ]
      : []),
    `${columns}.`,
    `${formatCount(result.features.length)} wards in ${formatCount(areas.size)} ${areas.size === 1 ? 'area' : 'areas'}: these boundaries replace the wards shown until "Clear data".`,
    'Feature numbers count the features of the file from 1.',
  ];
  if (grid)
    notes.push(
      `British National Grid (${GRID_NOTES[grid === 'prj' && format === GEOPACKAGE_FORMAT ? 'srs' : grid]}), converted to longitude and latitude with the Ordnance Survey's Helmert transformation, good to about 5 metres.`,
    );
  if (result.withoutLad > 0)
    notes.push(
      `No local authority (LADyyCD) for ${formatCount(result.withoutLad)} wards: they are shown together as one area.`,
    );
  const log = new RejectionLog();
  for (const { index, code, category, reason } of result.rejected)
    log.reject(index + 1, category, code ? `${reason} (ward ${code})` : reason);
  const account = { rowsRead: result.featuresRead, blankRows: 0, lines: null, notRead: null };
  return {
    kind: 'boundaries',
    topology,
    report: buildReport(fileName, format, account, result.features.length, log, notes),
  };
}
