import { describe, expect, it } from 'vitest';
import { isOnGrid } from './britishNationalGrid.ts';
import { gridToLonLat } from './gridConversion.ts';

/** Great-circle distance in metres (haversine, mean Earth radius). */
function metresBetween(a: [number, number], b: [number, number]): number {
  const radians = Math.PI / 180;
  const dLat = (b[1] - a[1]) * radians;
  const dLon = (b[0] - a[0]) * radians;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a[1] * radians) * Math.cos(b[1] * radians) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

const dms = (degrees: number, minutes: number, seconds: number) =>
  degrees + minutes / 60 + seconds / 3600;

describe('British National Grid to WGS84', () => {
  it('places the Ordnance Survey worked example within 5 metres', () => {
    // "A guide to coordinate systems in Great Britain" (Ordnance Survey), worked example: Caister
    // water tower, OSGB36 E 651409.903 N 313177.270 (OSGB36 52°39'27.2531"N 1°43'4.5177"E) is
    // ETRS89 (WGS84 to within a metre) 52°39'28.8282"N 1°42'57.7870"E. Without the datum shift
    // the point would be about 125 m away.
    const expected: [number, number] = [dms(1, 42, 57.787), dms(52, 39, 28.8282)];
    const found = gridToLonLat(651409.903, 313177.27);
    expect(metresBetween(found, expected)).toBeLessThan(5);
  });

  it('places a London grid reference in London: Trafalgar Square', () => {
    // Nelson's Column, TQ 30005 80426 (E 530005, N 180426), is at about 51.5078N 0.1280W on
    // published maps (to some 10 m).
    const found = gridToLonLat(530005, 180426);
    expect(metresBetween(found, [-0.128, 51.5078])).toBeLessThan(20);
  });

  it('knows the extent of the grid', () => {
    expect(isOnGrid(530005, 180426)).toBe(true);
    expect(isOnGrid(-0.128, 51.5)).toBe(false);
    expect(isOnGrid(800_000, 100)).toBe(false);
  });
});
