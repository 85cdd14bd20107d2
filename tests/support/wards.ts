/** Test fixtures: square wards built through the same TopoJSON path as real boundaries. */
import type { Polygon } from 'geojson';
import { buildWardTopology, type WardFeature } from '../../src/geo/wardBoundaries.ts';
import { decodeWardTopology, type WardSet } from '../../src/geo/wardSet.ts';

export const KENSINGTON = { lad: 'E09000020', ladName: 'Kensington and Chelsea' } as const;
export const WESTMINSTER = { lad: 'E09000033', ladName: 'Westminster' } as const;

/** A square [west, south] to [west + size, south + size], in degrees. */
export function square(west: number, south: number, size = 0.01): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [west, south],
        [west + size, south],
        [west + size, south + size],
        [west, south + size],
        [west, south],
      ],
    ],
  };
}

export function squareWard(
  code: string,
  name: string,
  borough: { lad: string; ladName: string },
  west: number,
  south: number,
): WardFeature {
  return { code, name, ...borough, labelHint: null, geometry: square(west, south) };
}

/** The ward set the app would decode from these wards' compact file. */
export function wardSetOf(wards: readonly WardFeature[]): WardSet {
  return decodeWardTopology(buildWardTopology(wards));
}
