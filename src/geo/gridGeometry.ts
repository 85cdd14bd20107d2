/**
 * Boundary files in British National Grid metres: told from a GeoJSON `crs` member, a
 * Shapefile's .prj, or the coordinates themselves, and converted to longitude and latitude
 * (britishNationalGrid.ts) before the wards are checked.
 */
import type { FeatureCollection } from 'geojson';
import { isOnGrid } from './britishNationalGrid.ts';
import { gridToLonLat } from './gridConversion.ts';

/** How the grid was recognised, for the report; null when the file is not on the grid. */
export type GridEvidence = 'crs' | 'prj' | 'coordinates' | null;

/** The coordinate pairs of a geometry's nested arrays, each handed to `visit`. */
function forEachPosition(value: unknown, visit: (position: number[]) => void): void {
  if (!Array.isArray(value)) return;
  if (typeof value[0] === 'number') {
    visit(value as number[]);
    return;
  }
  for (const item of value) forEachPosition(item, visit);
}

function coordinatesOf(feature: unknown): unknown {
  const geometry = (feature as { geometry?: { coordinates?: unknown } } | null)?.geometry;
  return geometry?.coordinates;
}

/** A GeoJSON `crs` member naming EPSG:27700 (old GeoJSON, QGIS and ogr2ogr write it). */
function crsIsGrid(input: unknown): boolean {
  const name = (input as { crs?: { properties?: { name?: unknown } } } | null)?.crs?.properties
    ?.name;
  return (
    typeof name === 'string' && /(EPSG::?|epsg:)27700\b|OSGB|British.National.Grid/i.test(name)
  );
}

/** A .prj (WKT) for British National Grid. */
export function prjIsGrid(prj: string): boolean {
  return /British_National_Grid|OSGB.?1936|OSGB36|27700/i.test(prj);
}

/**
 * Whether a boundary collection is in grid metres: by its `crs` member or .prj, or because every
 * position of its first features lies on the grid and some are far beyond longitude and latitude.
 */
export function gridEvidence(input: unknown, prj = ''): GridEvidence {
  if (crsIsGrid(input)) return 'crs';
  if (prj !== '' && prjIsGrid(prj)) return 'prj';
  const features = (input as Partial<FeatureCollection> | null)?.features;
  if (!Array.isArray(features)) return null;
  let onGrid = 0;
  let offGrid = 0;
  let beyondDegrees = 0;
  for (const feature of features.slice(0, 50))
    forEachPosition(coordinatesOf(feature), ([x, y]) => {
      if (typeof x !== 'number' || typeof y !== 'number') return;
      if (isOnGrid(x, y)) onGrid += 1;
      else offGrid += 1;
      if (Math.abs(x) > 180 || Math.abs(y) > 90) beyondDegrees += 1;
    });
  return onGrid > 0 && offGrid === 0 && beyondDegrees > 0 ? 'coordinates' : null;
}

/** Converts every position of the collection's geometries from grid metres, in place. */
export function convertFromGrid(input: unknown): void {
  const features = (input as Partial<FeatureCollection> | null)?.features;
  if (!Array.isArray(features)) return;
  for (const feature of features)
    forEachPosition(coordinatesOf(feature), (position) => {
      const [x, y] = position;
      if (typeof x !== 'number' || typeof y !== 'number') return;
      const [longitude, latitude] = gridToLonLat(x, y);
      position[0] = longitude;
      position[1] = latitude;
    });
}
