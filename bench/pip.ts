/**
 * Point-in-polygon speed: 1 million seeded random points inside London's wards (from
 * public/data/wards.topo.json; `npm run data` builds it), assigned in bulk by the ward locator
 * (src/geo/wardLocator.ts), against Turf's booleanPointInPolygon over every ward on a subsample,
 * whose assignments must be identical.
 *
 * `pipFigures()` returns the figures and prints nothing; `node bench/pip.ts` prints them as
 * `name: value` lines. Target: at least 1,000,000 points per second.
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { mulberry32 } from '../scripts/demoData.ts';
import { WARDS_FILE, type WardTopology } from '../src/geo/wardFile.ts';
import { createWardLocator, type LocatableWard } from '../src/geo/wardLocator.ts';
import { decodeWardTopology } from '../src/geo/wardSet.ts';

const root = path.resolve(import.meta.dirname, '..');
const POINT_COUNT = 1_000_000;
const NAIVE_SAMPLE = 20_000;
const TIMED_RUNS = 5;

export interface PipFigures {
  pip_points_per_s: number;
  pip_speedup_vs_naive: number;
  /** Share of the subsample where the locator and Turf give the same ward (1 = all). */
  pip_identical_share: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

type Geometry = LocatableWard['geometry'];

/** A ward shape moved `by` degrees of longitude. */
function shifted(geometry: Geometry, by: number): Geometry {
  const ring = (points: number[][]) => points.map(([x, y]) => [(x as number) + by, y as number]);
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: geometry.coordinates.map(ring) }
    : {
        type: 'MultiPolygon',
        coordinates: geometry.coordinates.map((polygon) => polygon.map(ring)),
      };
}

/**
 * `copies` > 1 stands in for a country's wards: London's, side by side that many times (10 make
 * 7,040 wards, about England and Wales's number), each a degree of longitude west of the last.
 */
export function pipFigures(
  options: { pointCount?: number; naiveSample?: number; copies?: number } = {},
): PipFigures {
  const pointCount = options.pointCount ?? POINT_COUNT;
  const naiveSample = Math.min(pointCount, options.naiveSample ?? NAIVE_SAMPLE);
  const copies = options.copies ?? 1;
  const topology = JSON.parse(
    readFileSync(path.join(root, 'public/data', WARDS_FILE), 'utf8'),
  ) as WardTopology;
  const wardSet = decodeWardTopology(topology);
  const london = wardSet.wards.map((ward) => ({
    code: ward.code,
    geometry: (wardSet.features[ward.index] as (typeof wardSet.features)[number]).geometry,
  }));
  const wards = Array.from({ length: copies }, (_, copy) =>
    london.map(({ code, geometry }) => ({
      code: copy === 0 ? code : `${code}-${copy}`,
      geometry: copy === 0 ? geometry : shifted(geometry, -copy),
    })),
  ).flat();
  const locator = createWardLocator(wards);

  // Uniform over the wards' extent, keeping the points that fall in a ward.
  const [londonWest, south, east, north] = (wardSet.areas.at(-1) ?? { bounds: [0, 0, 0, 0] })
    .bounds;
  const west = londonWest - (copies - 1);
  const random = mulberry32(20_260_101);
  const longitudes = new Float64Array(pointCount);
  const latitudes = new Float64Array(pointCount);
  for (let kept = 0; kept < pointCount; ) {
    const longitude = west + random() * (east - west);
    const latitude = south + random() * (north - south);
    if (locator.indexAt(longitude, latitude) < 0) continue;
    longitudes[kept] = longitude;
    latitudes[kept] = latitude;
    kept += 1;
  }

  locator.assign(longitudes.subarray(0, 10_000), latitudes.subarray(0, 10_000));
  const seconds: number[] = [];
  let assigned: Int32Array = new Int32Array(0);
  for (let run = 0; run < TIMED_RUNS; run += 1) {
    const start = performance.now();
    assigned = locator.assign(longitudes, latitudes);
    seconds.push((performance.now() - start) / 1000);
  }
  const pointsPerSecond = pointCount / median(seconds);

  // Naive: every ward in turn, the first that holds the point (the wards do not overlap).
  const start = performance.now();
  let identical = 0;
  for (let point = 0; point < naiveSample; point += 1) {
    const position = [longitudes[point] as number, latitudes[point] as number];
    const ward = wards.findIndex((candidate) =>
      booleanPointInPolygon(position, candidate.geometry),
    );
    if (ward === assigned[point]) identical += 1;
  }
  const naivePerSecond = naiveSample / ((performance.now() - start) / 1000);

  return {
    pip_points_per_s: Math.round(pointsPerSecond),
    pip_speedup_vs_naive: Math.round(pointsPerSecond / naivePerSecond),
    pip_identical_share: identical / naiveSample,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const [name, value] of Object.entries(pipFigures())) console.log(`${name}: ${value}`);
}
