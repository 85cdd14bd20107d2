/**
 * Shared by the end-to-end tests that place offences in wards: London's raw ward boundaries (read
 * from the test data folder, not through the app), the distance from a point to a ward's border, and
 * the ward table and file reports as the page shows them.
 */
import { readFileSync } from 'node:fs';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { Page } from 'playwright-core';
import { tableCounts as shownCounts } from './browser.ts';
import { geodataPath, WARDS } from './rawFiles.ts';

export type WardGeometry = Feature<Polygon | MultiPolygon, { WD24CD: string; LAD24CD: string }>;

export const rawWards = (
  JSON.parse(readFileSync(geodataPath(WARDS), 'utf8')) as {
    features: (WardGeometry & { properties: { WD24NM: string; LAT: number; LONG: number } })[];
  }
).features;

/** Distance in metres from a point to the nearest edge of a ward (flat-earth, fine at 1 m). */
export function metresToBorder(
  [longitude, latitude]: [number, number],
  ward: WardGeometry,
): number {
  const kx = 111_320 * Math.cos((latitude * Math.PI) / 180);
  const ky = 110_540;
  let best = Number.POSITIVE_INFINITY;
  const polygons =
    ward.geometry.type === 'Polygon' ? [ward.geometry.coordinates] : ward.geometry.coordinates;
  for (const rings of polygons)
    for (const ring of rings)
      for (let index = 1; index < ring.length; index += 1) {
        const [ax, ay] = (ring[index - 1] as Position).map((value, axis) =>
          axis === 0 ? (value - longitude) * kx : (value - latitude) * ky,
        ) as [number, number];
        const [bx, by] = (ring[index] as Position).map((value, axis) =>
          axis === 0 ? (value - longitude) * kx : (value - latitude) * ky,
        ) as [number, number];
        const dx = bx - ax;
        const dy = by - ay;
        const t = Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy || 1)));
        best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
      }
  return best;
}

export const report = (page: Page, file: string) =>
  page.locator('details.report', { hasText: file });

/** Ward name -> count as shown, in the table's order. */
export async function tableCounts(page: Page): Promise<Map<string, string>> {
  return new Map(Object.entries(await shownCounts(page)));
}
