import { describe, expect, it } from 'vitest';
import { rectangle } from '../../tests/support/wards.ts';
import { CATCHMENT_STEPS, CoverageModel, type CoverageRequest, computeCoverage } from './reach.ts';

const R = 6_371_008.8;
const radians = (degrees: number) => (degrees * Math.PI) / 180;
/**
 * Two wards side by side at 51.5°N, each 0.03° of longitude by 0.02° of latitude: on a sphere of
 * Turf's radius, R²·Δλ·(sin φ2 − sin φ1) = 6,371,008.8² × 0.000523599 × (sin 51.52° − sin 51.5°)
 * = 4,617,178 m² each (about 2.08 km by 2.22 km).
 */
const WEST = rectangle(-0.23, 51.5, 0.03, 0.02);
const EAST = rectangle(-0.2, 51.5, 0.03, 0.02);
const WARD_AREA = R * R * radians(0.03) * (Math.sin(radians(51.52)) - Math.sin(radians(51.5)));
/** A 64-sided polygon has sin(2π/64)/(2π/64) = 0.998394 of its circle's area. */
const POLYGON_FACTOR =
  Math.sin((2 * Math.PI) / CATCHMENT_STEPS) / ((2 * Math.PI) / CATCHMENT_STEPS);

function request(overrides: Partial<CoverageRequest>): CoverageRequest {
  return {
    wardIndices: [0, 1],
    types: ['Youth hub', 'Advocate'],
    services: [],
    proposed: [],
    reachMetres: 800,
    ...overrides,
  };
}

describe('coverage of wards by catchments', () => {
  it('gives half of a ward to a circle at its corner holding half its area', () => {
    expect(WARD_AREA).toBeCloseTo(4_617_178, -1);
    // πr²/4 = A/2 gives r = sqrt(2A/π) = 1,714.5 m, less than both sides: the quarter circle
    // inside the ward is half its area, less the polygon's shortfall: 0.5 × 0.998394 = 0.49920.
    const reachMetres = Math.sqrt((2 * WARD_AREA) / Math.PI);
    const coverage = computeCoverage(
      new CoverageModel([WEST]),
      request({
        wardIndices: [0],
        services: [{ type: 'Youth hub', longitude: -0.23, latitude: 51.5 }],
        reachMetres,
      }),
    );
    // Within 0.001: the parallel along the ward's south edge bends away from the circle's
    // eastward radius by about 0.3 m over 1.7 km.
    expect(coverage.shares[0]?.[0]).toBeCloseTo(0.5 * POLYGON_FACTOR, 3);
    expect(coverage.shares[1]?.[0]).toBe(0);
    // Any type: the same circle.
    expect(coverage.shares[2]?.[0]).toBeCloseTo(0.5 * POLYGON_FACTOR, 3);
  });

  it('gives a half circle on an edge, counts overlapping circles once, and a whole ward in reach', () => {
    const model = new CoverageModel([WEST, EAST]);
    // A 600 m circle centred on the middle of the west ward's west edge: half of it is inside,
    // 0.998394 × π × 600² / 2 / 4,617,178 = 0.12228. Twice at the same place: still 0.12228.
    const edge = { longitude: -0.23, latitude: 51.51 };
    const coverage = computeCoverage(
      model,
      request({
        services: [
          { type: 'Youth hub', ...edge },
          { type: 'Youth hub', ...edge },
          // An advocate at the centre of the east ward with a reach beyond its corners (half
          // diagonal about 1.52 km): all of it.
          { type: 'Advocate', longitude: -0.185, latitude: 51.51 },
        ],
        reachMetres: 1600,
      }),
    );
    const halfCircle = (POLYGON_FACTOR * Math.PI * 1600 ** 2) / 2 / WARD_AREA;
    // 1,600 m is more than half the west ward's height (1.11 km): the half circle pokes out of
    // the top and bottom, so it covers less than its half area.
    expect(coverage.shares[0]?.[0]).toBeLessThan(halfCircle);
    expect(coverage.shares[1]?.[1]).toBe(1);
    // The advocate reaches 1.6 km west of the east ward's centre, 0.56 km into the west ward
    // (the shared border is 1.04 km from it).
    expect(coverage.shares[1]?.[0]).toBeGreaterThan(0);

    const small = computeCoverage(
      model,
      request({
        services: [
          { type: 'Youth hub', ...edge },
          { type: 'Youth hub', ...edge },
        ],
        reachMetres: 600,
      }),
    );
    expect(small.shares[0]?.[0]).toBeCloseTo(
      (POLYGON_FACTOR * Math.PI * 600 ** 2) / 2 / WARD_AREA,
      3,
    );
    expect(small.shares[0]?.[0]).toBeCloseTo(0.12228, 3);
    expect(small.shares[0]?.[1]).toBe(0);
  });

  it('joins the types for "any type", without counting an overlap twice', () => {
    // A youth hub on the middle of the west edge and an advocate on the middle of the east edge
    // of the west ward, 600 m each: disjoint half circles, 0.12228 each, 0.24456 together.
    // Moved onto the same place, "any type" is one half circle.
    const model = new CoverageModel([WEST, EAST]);
    const apart = computeCoverage(
      model,
      request({
        services: [
          { type: 'Youth hub', longitude: -0.23, latitude: 51.51 },
          { type: 'Advocate', longitude: -0.2, latitude: 51.51 },
        ],
        reachMetres: 600,
      }),
    );
    expect(apart.shares[0]?.[0]).toBeCloseTo(0.12228, 3);
    expect(apart.shares[1]?.[0]).toBeCloseTo(0.12228, 3);
    expect(apart.shares[2]?.[0]).toBeCloseTo(0.24456, 3);
    // The advocate's other half covers the east ward as much.
    expect(apart.shares[1]?.[1]).toBeCloseTo(0.12228, 3);
    const together = computeCoverage(
      model,
      request({
        services: [
          { type: 'Youth hub', longitude: -0.23, latitude: 51.51 },
          { type: 'Advocate', longitude: -0.23, latitude: 51.51 },
        ],
        reachMetres: 600,
      }),
    );
    expect(together.shares[2]?.[0]).toBeCloseTo(0.12228, 3);
  });

  it('adds proposed services to the shares, keeps the baseline, and gives each its own share', () => {
    const model = new CoverageModel([WEST, EAST]);
    const services = [{ type: 'Youth hub', longitude: -0.23, latitude: 51.51 }];
    // A proposed youth hub on the shared border (the east edge of the west ward), and a proposed
    // "Night shelter" (a type of its own) at the same place.
    const proposed = [
      { type: 'Youth hub', longitude: -0.2, latitude: 51.51 },
      { type: 'Night shelter', longitude: -0.2, latitude: 51.51 },
    ];
    const coverage = computeCoverage(
      model,
      request({ types: ['Youth hub', 'Night shelter'], services, proposed, reachMetres: 600 }),
    );
    // Youth hubs in the west ward: two disjoint half circles, 0.24456; 0.12228 before.
    expect(coverage.shares[0]?.[0]).toBeCloseTo(0.24456, 3);
    expect(coverage.baseline[0]?.[0]).toBeCloseTo(0.12228, 3);
    // The east ward: half the proposed circle, none before.
    expect(coverage.shares[0]?.[1]).toBeCloseTo(0.12228, 3);
    expect(coverage.baseline[0]?.[1]).toBe(0);
    expect(coverage.shares[1]?.[1]).toBeCloseTo(0.12228, 3);
    // Any type: the two proposals overlap exactly, so the west ward has 0.24456, not 0.36684.
    expect(coverage.shares[2]?.[0]).toBeCloseTo(0.24456, 3);
    expect(coverage.baseline[2]?.[0]).toBeCloseTo(0.12228, 3);
    expect([...(coverage.proposedShares[0] ?? [])].map((share) => share.toFixed(3))).toEqual([
      '0.122',
      '0.122',
    ]);
    // Wards of the services: the youth hub sits on the west ward's outer edge, which the ward
    // owns (left and bottom edges are a ward's own); the proposals on the shared border go to the
    // east ward, whose left edge it is.
    expect([...coverage.serviceWards]).toEqual([0]);
    expect([...coverage.proposedWards]).toEqual([1, 1]);

    // The model keeps the services' cover: the same request on a fresh model agrees.
    const fresh = computeCoverage(
      new CoverageModel([WEST, EAST]),
      request({ types: ['Youth hub', 'Night shelter'], services, proposed, reachMetres: 600 }),
    );
    expect(fresh.shares.map((row) => [...row])).toEqual(coverage.shares.map((row) => [...row]));
    // Without the proposals, the shares fall back to the baseline.
    const removed = computeCoverage(
      model,
      request({ types: ['Youth hub', 'Night shelter'], services, reachMetres: 600 }),
    );
    expect([...(removed.shares[0] ?? [])]).toEqual([...(coverage.baseline[0] ?? [])]);
  });

  it('reports its progress a ward at a time', () => {
    const steps = new CoverageModel([WEST, EAST]).compute(request({}));
    expect(steps.next()).toEqual({ done: false, value: 0.5 });
    expect(steps.next()).toEqual({ done: false, value: 1 });
    expect(steps.next().done).toBe(true);
  });

  it('refuses a service whose type is not listed', () => {
    expect(() =>
      computeCoverage(
        new CoverageModel([WEST]),
        request({ services: [{ type: 'Other', longitude: -0.2, latitude: 51.5 }] }),
      ),
    ).toThrow(/not listed/);
  });
});
