/**
 * ONS ward boundary GeoJSON (any vintage) → the app's compact ward file (`WardTopology`).
 *
 * 1. `detectWardColumns` finds the `WDyyCD`/`WDyyNM`/`LADyyCD`/`LADyyNM`/`LAT`/`LONG` properties.
 * 2. `readWardFeatures` validates every feature: bad ones are rejected with their index and a
 *    reason, every valid one is kept.
 * 3. `buildWardTopology` quantises the wards into a TopoJSON topology (shared borders stored once)
 *    and adds each ward's queen neighbours and a label point inside it.
 *
 * Pure functions with no Node or DOM APIs: the pipeline (`geodata/build.ts`) and the browser
 * (user-supplied boundary files) both use them.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { feature as topoFeature } from 'topojson-client';
import { topology } from 'topojson-server';
import type { GeometryObject } from 'topojson-specification';
import { MAX_LISTED_REJECTIONS } from '../data/report.ts';
import { type LonLat, labelPoint } from './labelPoint.ts';
import { queenNeighbours } from './neighbours.ts';
import { inUk, OUTSIDE_UK, UK_BOUNDS } from './ukBounds.ts';
import { WARD_OBJECT, type WardFileProperties, type WardTopology } from './wardFile.ts';

/** The property names (as spelt in the file) holding each ward field; null when absent. */
export interface WardColumns {
  /** e.g. "WD24": the ward code vintage. */
  vintage: string;
  code: string;
  name: string | null;
  ladCode: string | null;
  ladName: string | null;
  lat: string | null;
  long: string | null;
}

function newest(names: readonly string[], pattern: RegExp): { name: string; year: string } | null {
  let best: { name: string; year: string } | null = null;
  for (const name of names) {
    const match = pattern.exec(name);
    if (match?.[1] !== undefined && (best === null || match[1] > best.year)) {
      best = { name, year: match[1] };
    }
  }
  return best;
}

/**
 * Finds the ward columns among property names, case-insensitively. When several vintages are
 * present the newest ward code wins, and names/LAD columns of the same vintage are preferred.
 * Welsh-name columns (`WD24NMW`, `LAD24NMW`) are never taken for names. Null without a ward code.
 */
export function detectWardColumns(propertyNames: Iterable<string>): WardColumns | null {
  const names = [...new Set(propertyNames)];
  const code = newest(names, /^wd(\d{2})cd$/i);
  if (!code) return null;
  const sameYear = (prefix: string, suffix: string) =>
    names.find((name) => name.toLowerCase() === `${prefix}${code.year}${suffix}`);
  const name = sameYear('wd', 'nm') ?? newest(names, /^wd(\d{2})nm$/i)?.name ?? null;
  const ladCode = sameYear('lad', 'cd') ?? newest(names, /^lad(\d{2})cd$/i)?.name ?? null;
  const ladYear = ladCode ? ladCode.slice(3, 5) : null;
  const ladName =
    (ladYear && names.find((n) => n.toLowerCase() === `lad${ladYear}nm`)) ||
    newest(names, /^lad(\d{2})nm$/i)?.name ||
    null;
  return {
    vintage: `WD${code.year}`,
    code: code.name,
    name,
    ladCode,
    ladName,
    lat: names.find((n) => /^lat$/i.test(n)) ?? null,
    long: names.find((n) => /^(long|lon)$/i.test(n)) ?? null,
  };
}

const WARD_CODE = /^[ENSW]05\d{6}$/i;
const AREA_CODE = /^(E0[6-9]|W06|S12|N09)\d{6}$/i;

/**
 * Ward columns told by their values, for boundary files that do not use ONS names ("code",
 * "ward_name", "borough"): the property whose values are ward codes (E05...), a property whose
 * name says name (a ward's rather than a borough's when there are both), and a property of
 * local authority codes (E06-E09...) with its name. Null without a column of ward codes.
 */
export function guessWardColumns(
  features: readonly unknown[],
  propertyNames: readonly string[],
): WardColumns | null {
  const sample = features
    .slice(0, 200)
    .map(
      (item) => ((item as Partial<Feature> | null)?.properties ?? {}) as Record<string, unknown>,
    );
  const share = (name: string, pattern: RegExp) =>
    sample.filter((properties) => pattern.test(text(properties[name]))).length /
    Math.max(1, sample.length);
  const code = propertyNames.find((name) => share(name, WARD_CODE) >= 0.9);
  if (!code) return null;
  const ladCode = propertyNames.find((name) => name !== code && share(name, AREA_CODE) >= 0.9);
  const named = propertyNames.filter(
    (name) => /name|nm$/i.test(name) && name !== code && share(name, /\p{L}/u) >= 0.9,
  );
  const isArea = (name: string) => /lad|borough|district|authority|council|la_?n/i.test(name);
  return {
    vintage: 'matched by values',
    code,
    name: named.find((name) => !isArea(name)) ?? null,
    ladCode: ladCode ?? null,
    ladName: named.find(isArea) ?? null,
    lat: propertyNames.find((name) => /^lat$/i.test(name)) ?? null,
    long: propertyNames.find((name) => /^(long|lon)$/i.test(name)) ?? null,
  };
}

/** One valid ward: geometry normalised (closed rings, 2D positions). */
export interface ValidWard {
  code: string;
  name: string;
  lad: string;
  ladName: string;
  /** The file's own label point (`LONG`, `LAT`), used when it lies inside the ward. */
  labelHint: LonLat | null;
  geometry: Polygon | MultiPolygon;
}

/** The local authority a ward is in, from a ward-to-LAD lookup. */
export interface LadInfo {
  lad: string;
  ladName: string;
}

export type WardLadLookup = ReadonlyMap<string, LadInfo>;

export interface RejectedFeature {
  /** Index in the file's `features` array (0-based). */
  index: number;
  /** The ward code when the feature had one. */
  code: string | null;
  /** What kind of fault, for counts by reason; `reason` says it of this feature. */
  category: string;
  reason: string;
}

export interface WardFeaturesResult {
  columns: WardColumns;
  featuresRead: number;
  features: ValidWard[];
  rejectedCount: number;
  /** Every rejected feature, in file order. */
  rejected: RejectedFeature[];
  /** Rejected features per reason category. */
  rejectedByReason: Record<string, number>;
  /** Valid wards whose borough came from the lookup, and those with no borough at all. */
  ladFromLookup: number;
  withoutLad: number;
}

/** A file that cannot be read as ward boundaries at all (not a single feature is usable). */
export class WardFileError extends Error {
  override name = 'WardFileError';
}

type Invalid = { category: string; detail: string };

const INVALID = 'Invalid geometry';
const NON_FINITE = 'Non-finite coordinates';
const NOT_LON_LAT = 'Not longitude/latitude';

/** Within the British National Grid's extent: eastings 0 to 700 km, northings 0 to 1,300 km. */
function isBritishNationalGrid(x: number, y: number): boolean {
  return x >= 0 && x <= 700_000 && y >= 0 && y <= 1_300_000;
}

function readPosition(value: unknown): Position | Invalid {
  if (!Array.isArray(value) || value.length < 2) {
    return { category: INVALID, detail: 'Invalid geometry: a position is not [x, y]' };
  }
  const [x, y] = value as unknown[];
  if (
    typeof x !== 'number' ||
    typeof y !== 'number' ||
    !Number.isFinite(x) ||
    !Number.isFinite(y)
  ) {
    return { category: NON_FINITE, detail: `Non-finite coordinates: [${String(x)}, ${String(y)}]` };
  }
  if (Math.abs(x) > 180 || Math.abs(y) > 90) {
    const grid = isBritishNationalGrid(x, y)
      ? ', but British National Grid eastings and northings (EPSG:27700)'
      : '';
    return {
      category: NOT_LON_LAT,
      detail: `Coordinates [${x}, ${y}] are not longitude/latitude${grid}: export the file in WGS84 (EPSG:4326)`,
    };
  }
  return [x, y];
}

function readRing(value: unknown): Position[] | Invalid {
  if (!Array.isArray(value))
    return { category: INVALID, detail: 'Invalid geometry: a ring is not an array' };
  const ring: Position[] = [];
  for (const item of value) {
    const position = readPosition(item);
    if (!Array.isArray(position)) return position;
    ring.push(position);
  }
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ring.push([...first]);
  if (ring.length < 4) {
    return { category: INVALID, detail: 'Invalid geometry: a ring has fewer than 4 positions' };
  }
  return ring;
}

function readPolygon(value: unknown): Position[][] | Invalid {
  if (!Array.isArray(value) || value.length === 0) {
    return { category: INVALID, detail: 'Invalid geometry: a polygon has no rings' };
  }
  const rings: Position[][] = [];
  for (const item of value) {
    const ring = readRing(item);
    if (!Array.isArray(ring)) return ring;
    rings.push(ring);
  }
  return rings;
}

function readGeometry(value: unknown): Polygon | MultiPolygon | Invalid {
  if (value === null || value === undefined)
    return { category: 'No geometry', detail: 'No geometry' };
  if (typeof value !== 'object')
    return { category: INVALID, detail: 'Invalid geometry: not an object' };
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  if (type === 'Polygon') {
    const rings = readPolygon(coordinates);
    return Array.isArray(rings) ? { type, coordinates: rings } : rings;
  }
  if (type === 'MultiPolygon') {
    if (!Array.isArray(coordinates) || coordinates.length === 0) {
      return { category: INVALID, detail: 'Invalid geometry: a MultiPolygon has no polygons' };
    }
    const polygons: Position[][][] = [];
    for (const item of coordinates) {
      const rings = readPolygon(item);
      if (!Array.isArray(rings)) return rings;
      polygons.push(rings);
    }
    return { type, coordinates: polygons };
  }
  return {
    category: 'Not a Polygon or MultiPolygon',
    detail: `Geometry is a ${typeof type === 'string' ? type : 'unknown type'}, not a Polygon or MultiPolygon`,
  };
}

/** No ward spans more than this in longitude or latitude (the largest, in the Highlands, about 2°). */
export const MAX_WARD_DEGREES = 3;

/** Twice the signed area of a ring, in square degrees (the shoelace formula). */
function ringArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let index = 1; index < ring.length; index += 1) {
    const [x0, y0] = ring[index - 1] as Position;
    const [x1, y1] = ring[index] as Position;
    sum += (x0 as number) * (y1 as number) - (x1 as number) * (y0 as number);
  }
  return sum;
}

/**
 * What makes a well-formed polygon implausible as a UK ward, or null: its latitude and longitude
 * swapped (GeoJSON gives longitude first), a span no ward has (a ward drawn round the whole
 * world), no area, or a place outside the UK. Any of them would draw a blank or broken map.
 */
function implausibleWard(geometry: Polygon | MultiPolygon): Invalid | null {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  let area = 0;
  for (const rings of polygons) {
    for (const ring of rings) {
      for (const [x, y] of ring as [number, number][]) {
        west = Math.min(west, x);
        east = Math.max(east, x);
        south = Math.min(south, y);
        north = Math.max(north, y);
      }
    }
    area += Math.abs(ringArea(rings[0] as Position[])) / 2;
  }
  const corner = `[${west}, ${south}]`;
  if (!inUk(south, west) && inUk(west, south) && inUk(east, north))
    return {
      category: 'Latitude and longitude swapped',
      detail: `Coordinates such as ${corner} are [latitude, longitude]: GeoJSON gives longitude first, so the ward would be drawn ${OUTSIDE_UK}`,
    };
  if (east - west > MAX_WARD_DEGREES || north - south > MAX_WARD_DEGREES)
    return {
      category: 'Too large for a ward',
      detail: `The ward spans ${east - west}° of longitude by ${north - south}° of latitude: no ward spans more than ${MAX_WARD_DEGREES}°`,
    };
  if (area === 0)
    return { category: 'No area', detail: 'The ward encloses no area: its points lie on a line' };
  if (
    east < UK_BOUNDS.west ||
    west > UK_BOUNDS.east ||
    north < UK_BOUNDS.south ||
    south > UK_BOUNDS.north
  )
    return { category: 'Outside the UK', detail: `The ward at ${corner} is ${OUTSIDE_UK}` };
  return null;
}

/** A feature's geometry, or why it is no ward's. */
function readWardGeometry(value: unknown): Polygon | MultiPolygon | Invalid {
  const geometry = readGeometry(value);
  return 'category' in geometry ? geometry : (implausibleWard(geometry) ?? geometry);
}

function text(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

function coordinate(value: unknown): number | null {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : null;
}

/**
 * Why a file gave no valid ward: every reason with its count, and the first feature's own words,
 * which for a British National Grid file say so and what to do.
 */
function noValidWardsMessage(result: WardFeaturesResult): string {
  const reasons = Object.entries(result.rejectedByReason)
    .map(([reason, count]) => `${count} ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`)
    .join(', ');
  const first = result.rejected[0];
  return `No valid ward features (${result.rejectedCount} rejected: ${reasons})${first ? `. Feature ${first.index + 1}: ${first.reason}` : ''}`;
}

/** The features of a GeoJSON FeatureCollection; throws `WardFileError` for anything else. */
export function featuresOf(input: unknown): unknown[] {
  const collection = input as Partial<FeatureCollection> | null;
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    throw new WardFileError('Not a GeoJSON FeatureCollection');
  }
  return collection.features;
}

/** Every property name of the features, in the order they first appear. */
export function wardPropertyNames(features: readonly unknown[]): string[] {
  const names = new Set<string>();
  for (const item of features) {
    const properties = (item as Partial<Feature> | null)?.properties;
    if (properties && typeof properties === 'object')
      for (const key of Object.keys(properties)) names.add(key);
  }
  return [...names];
}

/**
 * The ward columns proposed for a boundary file's properties: ONS names, else those the values
 * give (guessWardColumns), and failing a property named as a name, the first other property whose
 * values are words, different for nearly every ward ("label"). Null without ward codes.
 */
export function proposeWardColumns(
  features: readonly unknown[],
  propertyNames: readonly string[],
): WardColumns | null {
  const columns = detectWardColumns(propertyNames) ?? guessWardColumns(features, propertyNames);
  if (!columns || columns.name !== null) return columns;
  const values = (name: string) =>
    features
      .slice(0, 200)
      .map((item) => text(((item as Partial<Feature> | null)?.properties ?? {})[name]));
  const taken = [columns.code, columns.ladCode, columns.ladName];
  const name = propertyNames.find((candidate) => {
    if (taken.includes(candidate)) return false;
    const sample = values(candidate);
    const words = sample.filter((value) => /\p{L}/u.test(value) && !WARD_CODE.test(value));
    return words.length >= 0.9 * sample.length && new Set(words).size >= 0.9 * sample.length;
  });
  return { ...columns, name: name ?? null };
}

/**
 * Validates the features of a ward boundary FeatureCollection. Throws `WardFileError` when the
 * input is not a FeatureCollection or no feature has a ward code property (`WDyyCD`). A `lookup`
 * supplies the borough of wards whose own properties have none.
 */
export function readWardFeatures(
  input: unknown,
  options: { lookup?: WardLadLookup; columns?: WardColumns } = {},
): WardFeaturesResult {
  const features = featuresOf(input);
  const propertyNames = wardPropertyNames(features);
  const columns =
    options.columns ??
    detectWardColumns(propertyNames) ??
    guessWardColumns(features, propertyNames);
  if (!columns) {
    throw new WardFileError(
      'No ward code property (WDyyCD, e.g. WD24CD, or any property of ward codes such as E05009396) in the features: is this a ward boundary file?',
    );
  }

  const valid: ValidWard[] = [];
  const rejected: RejectedFeature[] = [];
  const rejectedByReason: Record<string, number> = {};
  let rejectedCount = 0;
  const reject = (index: number, code: string | null, category: string, detail: string) => {
    rejectedCount += 1;
    rejectedByReason[category] = (rejectedByReason[category] ?? 0) + 1;
    rejected.push({ index, code, category, reason: detail });
  };
  const seen = new Set<string>();
  let ladFromLookup = 0;
  let withoutLad = 0;

  for (const [index, item] of features.entries()) {
    const raw = (item ?? {}) as Partial<Feature>;
    const properties = (raw.properties ?? {}) as Record<string, unknown>;
    const code = text(properties[columns.code]).toUpperCase();
    if (code === '') {
      reject(index, null, 'Missing ward code', `Missing ward code (${columns.code})`);
      continue;
    }
    const geometry = readWardGeometry(raw.geometry);
    if ('category' in geometry) {
      reject(index, code, geometry.category, geometry.detail);
      continue;
    }
    if (seen.has(code)) {
      const detail = `Duplicate ward code ${code}: the first feature is kept`;
      reject(index, code, 'Duplicate ward code', detail);
      continue;
    }
    seen.add(code);

    let lad = columns.ladCode ? text(properties[columns.ladCode]).toUpperCase() : '';
    let ladName = columns.ladName ? text(properties[columns.ladName]) : '';
    if (lad === '') {
      const fromLookup = options.lookup?.get(code);
      if (fromLookup) {
        lad = fromLookup.lad;
        ladName = fromLookup.ladName;
        ladFromLookup += 1;
      } else {
        ladName = '';
        withoutLad += 1;
      }
    }
    const lat = columns.lat ? coordinate(properties[columns.lat]) : null;
    const long = columns.long ? coordinate(properties[columns.long]) : null;
    valid.push({
      code,
      name: (columns.name ? text(properties[columns.name]) : '') || code,
      lad,
      ladName,
      labelHint: lat !== null && long !== null ? [long, lat] : null,
      geometry,
    });
  }

  return {
    columns,
    featuresRead: features.length,
    features: valid,
    rejectedCount,
    rejected,
    rejectedByReason,
    ladFromLookup,
    withoutLad,
  };
}

/** Human summary lines of a validation: counts, reasons and the first rejected features. */
export function describeWardFeatures(result: WardFeaturesResult): string[] {
  const lines = [
    `Ward code property ${result.columns.code} (${/^WD\d\d$/.test(result.columns.vintage) ? `vintage ${result.columns.vintage}` : result.columns.vintage}); ` +
      `features read ${result.featuresRead}, valid ${result.features.length}, rejected ${result.rejectedCount}`,
  ];
  for (const [reason, count] of Object.entries(result.rejectedByReason)) {
    lines.push(`  rejected ${count}: ${reason}`);
  }
  const listed = result.rejected.slice(0, MAX_LISTED_REJECTIONS);
  for (const { index, code, reason } of listed) {
    lines.push(`  features[${index}]${code ? ` (${code})` : ''}: ${reason}`);
  }
  if (result.rejectedCount > listed.length) {
    lines.push(`  ... and ${result.rejectedCount - listed.length} more`);
  }
  if (result.ladFromLookup > 0)
    lines.push(`Borough taken from the lookup for ${result.ladFromLookup} wards`);
  if (result.withoutLad > 0) {
    lines.push(
      `No borough (LAD) for ${result.withoutLad} wards: they can only be shown as part of all wards`,
    );
  }
  return lines;
}

/**
 * Grid steps across the bounding box: 1e6 is about 6 cm across all of London, so that a point a
 * few centimetres inside a ward's edge in the source stays inside it (1e5, at 60 cm, moved 15 of
 * 8,184 police.uk points to the ward next door). It costs 17 kB more gzipped than 1e5.
 */
export const DEFAULT_QUANTIZATION = 1e6;

/**
 * Builds the ward file: wards sorted by code, quantised into one topology, each with its queen
 * neighbours (indices into the geometries) and a label point inside its quantised outline.
 * Deterministic: the same wards give the same topology, whatever their input order.
 */
export function buildWardTopology(
  wards: readonly ValidWard[],
  options: { quantization?: number } = {},
): WardTopology {
  const sorted = [...wards].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const collection: FeatureCollection<Polygon | MultiPolygon, WardFileProperties> = {
    type: 'FeatureCollection',
    features: sorted.map((ward) => ({
      type: 'Feature',
      id: ward.code,
      properties: {
        name: ward.name,
        lad: ward.lad,
        ladName: ward.ladName,
        label: [0, 0],
        neighbours: [],
      },
      // A copy: topojson-server reuses the input arrays.
      geometry: structuredClone(ward.geometry),
    })),
  };
  const result = topology(
    { [WARD_OBJECT]: collection },
    options.quantization ?? DEFAULT_QUANTIZATION,
  ) as unknown as WardTopology;
  const neighbours = queenNeighbours(result, WARD_OBJECT);
  result.objects[WARD_OBJECT].geometries.forEach((geometry, index) => {
    const properties = geometry.properties as WardFileProperties;
    const decoded = (
      topoFeature(result, geometry as GeometryObject) as Feature<Polygon | MultiPolygon>
    ).geometry;
    properties.label = labelPoint(decoded, sorted[index]?.labelHint ?? null);
    properties.neighbours = neighbours[index] ?? [];
  });
  return result;
}

/** Validation and conversion in one step, for user-supplied boundary files. */
export function wardTopologyFromGeoJson(
  input: unknown,
  options: { lookup?: WardLadLookup; quantization?: number; columns?: WardColumns } = {},
): { topology: WardTopology; result: WardFeaturesResult } {
  const result = readWardFeatures(input, options);
  if (result.features.length === 0) throw new WardFileError(noValidWardsMessage(result));
  return { topology: buildWardTopology(result.features, options), result };
}
