/**
 * The wards the app knows, decoded once from the compact ward file, and the areas (boroughs, or
 * all of them) a user can pick.
 */
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import { ALL_LONDON_AREA, ALL_LONDON_LABEL } from './areas.ts';
import { WARD_OBJECT, type WardFileProperties, type WardTopology } from './wardFile.ts';

export interface Ward {
  /** Position in WardSet.wards and in the map's feature array. */
  index: number;
  code: string;
  name: string;
  lad: string;
  ladName: string;
  label: [number, number];
  neighbours: number[];
}

export type WardFeature = Feature<Polygon | MultiPolygon, { index: number }>;

/** [west, south, east, north] */
export type Bounds = [number, number, number, number];

export interface Area {
  /** LAD code, or ALL_LONDON_AREA for every ward. */
  id: string;
  name: string;
  wardIndices: number[];
  bounds: Bounds;
}

export interface WardSet {
  wards: Ward[];
  features: WardFeature[];
  byCode: ReadonlyMap<string, number>;
  /** Every borough in the file, by name, then all of them together. */
  areas: Area[];
}

function extendBounds(bounds: Bounds, ring: readonly Position[]): void {
  for (const [lon, lat] of ring as [number, number][]) {
    if (lon < bounds[0]) bounds[0] = lon;
    if (lat < bounds[1]) bounds[1] = lat;
    if (lon > bounds[2]) bounds[2] = lon;
    if (lat > bounds[3]) bounds[3] = lat;
  }
}

export function featureBounds(ward: WardFeature): Bounds {
  const bounds: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
  const polygons =
    ward.geometry.type === 'Polygon' ? [ward.geometry.coordinates] : ward.geometry.coordinates;
  for (const polygon of polygons) extendBounds(bounds, polygon[0] ?? []);
  return bounds;
}

function unionBounds(all: readonly Bounds[]): Bounds {
  const bounds: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [west, south, east, north] of all) {
    extendBounds(bounds, [
      [west, south],
      [east, north],
    ]);
  }
  return bounds;
}

export function decodeWardTopology(topology: WardTopology): WardSet {
  const collection = topology.objects[WARD_OBJECT];
  const wards: Ward[] = [];
  const features: WardFeature[] = [];
  collection.geometries.forEach((geometry, index) => {
    const properties = geometry.properties as WardFileProperties;
    const decoded = feature(topology, geometry) as Feature<Polygon | MultiPolygon>;
    wards.push({
      index,
      code: String(geometry.id),
      name: properties.name,
      lad: properties.lad,
      ladName: properties.ladName,
      label: properties.label,
      neighbours: properties.neighbours,
    });
    features.push({ type: 'Feature', geometry: decoded.geometry, properties: { index } });
  });
  return buildWardSet(wards, features);
}

/** A ward set from its wards and their shapes (same order, `index` their position). */
export function buildWardSet(wards: Ward[], features: WardFeature[]): WardSet {
  const wardBounds = features.map(featureBounds);

  const byLad = new Map<string, Area>();
  for (const ward of wards) {
    let area = byLad.get(ward.lad);
    if (!area) {
      area = {
        id: ward.lad,
        // A borough code without its name (a boundary file's choice) is named by its code.
        name: ward.ladName || ward.lad || 'Wards without a borough',
        wardIndices: [],
        bounds: [0, 0, 0, 0],
      };
      byLad.set(ward.lad, area);
    }
    area.wardIndices.push(ward.index);
  }
  const areas = [...byLad.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  for (const area of areas)
    area.bounds = unionBounds(area.wardIndices.map((index) => wardBounds[index] as Bounds));
  if (areas.length > 1) {
    areas.push({
      id: ALL_LONDON_AREA,
      name: ALL_LONDON_LABEL,
      wardIndices: wards.map((ward) => ward.index),
      bounds: unionBounds(wardBounds),
    });
  }
  return {
    wards,
    features,
    byCode: new Map(wards.map((ward) => [ward.code, ward.index])),
    areas,
  };
}

/** The ward with a code, if the set has it. */
export function wardByCode(wardSet: WardSet | null, code: string): Ward | undefined {
  const index = wardSet?.byCode.get(code);
  return index === undefined ? undefined : wardSet?.wards[index];
}

export function findArea(wardSet: WardSet, id: string): Area | undefined {
  return wardSet.areas.find((area) => area.id === id);
}
