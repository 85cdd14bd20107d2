/**
 * A ward boundary GeoJSON chosen with "Load data" (any ONS vintage, any area: Kent's districts as
 * well as London's boroughs), read with the same validation as the geodata pipeline. Every
 * rejected feature is reported with its number in the file and the reason; the valid ones become
 * the wards the app shows.
 */
import { formatCount } from '../data/numberFormat.ts';
import { buildReport, type LoadReport, RejectionLog } from '../data/report.ts';
import { convertFromGrid, type GridEvidence, gridEvidence } from '../geo/gridGeometry.ts';
import {
  describeWardFeatures,
  WardFileError,
  wardTopologyFromGeoJson,
} from '../geo/wardBoundaries.ts';
import type { WardTopology } from '../geo/wardFile.ts';
import { BOUNDARY_FORMAT, GEOPACKAGE_FORMAT } from './boundaryFormats.ts';

export type ParsedBoundaries =
  | { kind: 'boundaries'; topology: WardTopology; report: LoadReport }
  | { kind: 'unrecognised'; fileName: string; message: string };

export function readBoundaryFile(text: string, fileName: string): ParsedBoundaries {
  let input: unknown;
  try {
    input = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return {
      kind: 'unrecognised',
      fileName,
      message: `The file is not valid JSON (${error instanceof Error ? error.message : String(error)}), so it cannot be read as ward boundaries.`,
    };
  }
  return readBoundaryCollection(input, fileName);
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
): ParsedBoundaries {
  const grid = gridEvidence(input, prj);
  if (grid) convertFromGrid(input);
  let converted: ReturnType<typeof wardTopologyFromGeoJson>;
  try {
    converted = wardTopologyFromGeoJson(input);
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
