/** Test fixtures: square wards built through the same TopoJSON path as real boundaries. */
import type { Feature, Polygon, Position } from 'geojson';
import { buildWardTopology, type ValidWard } from '../../src/geo/wardBoundaries.ts';
import { decodeWardTopology, type WardSet } from '../../src/geo/wardSet.ts';

export const KENSINGTON = { lad: 'E09000020', ladName: 'Kensington and Chelsea' } as const;
export const WESTMINSTER = { lad: 'E09000033', ladName: 'Westminster' } as const;

/** The outer ring of the rectangle [west, south] to [east, north], anticlockwise. */
export function ring(west: number, south: number, east: number, north: number): Position[] {
  return [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ];
}

/** A rectangle [west, south] to [west + width, south + height], in degrees. */
export function rectangle(west: number, south: number, width: number, height: number): Polygon {
  return { type: 'Polygon', coordinates: [ring(west, south, west + width, south + height)] };
}

/** A square [west, south] to [west + size, south + size], in degrees. */
export function square(west: number, south: number, size = 0.01): Polygon {
  return rectangle(west, south, size, size);
}

/** Square wards of 0.02° in Maidstone, Kent, by column and row, as a 2023 ONS boundary file has
 * them. */
export function maidstoneWard(
  code: string,
  name: string,
  column: number,
  row: number,
): Feature<Polygon> {
  return {
    type: 'Feature',
    properties: { WD23CD: code, WD23NM: name, LAD23CD: 'E07000110', LAD23NM: 'Maidstone' },
    geometry: square(0.5 + column * 0.02, 51.26 + row * 0.02, 0.02),
  };
}

export function squareWard(
  code: string,
  name: string,
  borough: { lad: string; ladName: string },
  west: number,
  south: number,
): ValidWard {
  return { code, name, ...borough, labelHint: null, geometry: square(west, south) };
}

/** The ward set the app would decode from these wards' compact file. */
export function wardSetOf(wards: readonly ValidWard[]): WardSet {
  return decodeWardTopology(buildWardTopology(wards));
}

/** Wards of the component tests: four of Kensington and Chelsea and one of Westminster. */
export const ABINGDON = 'E05009364';
export const BROMPTON = 'E05009366';
export const CHELSEA_RIVERSIDE = 'E05009367';
export const COURTFIELD = 'E05009368';
export const MARYLEBONE = 'E05013800';

/** Abingdon, Brompton, Chelsea Riverside and Courtfield as squares side by side, Marylebone
 * apart in its own borough. */
export function kensingtonAndMarylebone(): WardSet {
  return wardSetOf([
    squareWard(ABINGDON, 'Abingdon', KENSINGTON, -0.2, 51.49),
    squareWard(BROMPTON, 'Brompton', KENSINGTON, -0.19, 51.49),
    squareWard(CHELSEA_RIVERSIDE, 'Chelsea Riverside', KENSINGTON, -0.18, 51.48),
    squareWard(COURTFIELD, 'Courtfield', KENSINGTON, -0.2, 51.48),
    squareWard(MARYLEBONE, 'Marylebone', WESTMINSTER, -0.16, 51.52),
  ]);
}
