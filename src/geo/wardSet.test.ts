import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { square } from '../../tests/support/wards.ts';
import { buildWardTopology, type ValidWard } from './wardBoundaries.ts';
import { type Bounds, decodeWardTopology, findArea } from './wardSet.ts';

function ward(
  code: string,
  name: string,
  lad: string,
  ladName: string,
  geometry: Polygon,
): ValidWard {
  return { code, name, lad, ladName, labelHint: null, geometry };
}

const KENSINGTON = ['E09000020', 'Kensington and Chelsea'] as const;
const WESTMINSTER = ['E09000033', 'Westminster'] as const;
const CAMDEN = ['E09000007', 'Camden'] as const;

// Given out of code order: the ward file sorts by code, so indices follow codes.
const holland = ward('E05000003', 'Holland', ...KENSINGTON, square(-0.2, 51.5));
const abingdon = ward('E05000001', 'Abingdon', ...KENSINGTON, square(-0.19, 51.5));
const vincentSquare = ward('E05000002', 'Vincent Square', ...WESTMINSTER, square(-0.14, 51.49));
const camdenTown = ward('E05000004', 'Camden Town', ...CAMDEN, square(-0.15, 51.53, 0.02));

function expectBounds(actual: Bounds, expected: Bounds) {
  // Quantised to 1e5 steps over at most 0.07 degrees: well under 1e-6 degrees off.
  for (const [position, value] of expected.entries()) {
    expect(actual[position]).toBeCloseTo(value, 5);
  }
}

describe('decodeWardTopology', () => {
  const wardSet = decodeWardTopology(
    buildWardTopology([holland, abingdon, vincentSquare, camdenTown]),
  );

  it('lists the wards in file (code) order with their properties', () => {
    expect(wardSet.wards.map((entry) => [entry.index, entry.code, entry.name, entry.lad])).toEqual([
      [0, 'E05000001', 'Abingdon', 'E09000020'],
      [1, 'E05000002', 'Vincent Square', 'E09000033'],
      [2, 'E05000003', 'Holland', 'E09000020'],
      [3, 'E05000004', 'Camden Town', 'E09000007'],
    ]);
    expect(wardSet.wards[1]?.ladName).toBe('Westminster');
    // Abingdon and Holland share an edge; the others touch nothing.
    expect(wardSet.wards[0]?.neighbours).toEqual([2]);
    expect(wardSet.wards[2]?.neighbours).toEqual([0]);
    expect(wardSet.wards[1]?.neighbours).toEqual([]);
  });

  it('finds a ward index by code', () => {
    expect(wardSet.byCode.get('E05000003')).toBe(2);
    expect(wardSet.byCode.get('E05000004')).toBe(3);
    expect(wardSet.byCode.get('E05999999')).toBeUndefined();
    expect(wardSet.byCode.size).toBe(4);
  });

  it('gives one feature per ward carrying its index', () => {
    expect(wardSet.features.map((feature) => feature.properties.index)).toEqual([0, 1, 2, 3]);
    expect(wardSet.features.every((feature) => feature.geometry.type === 'Polygon')).toBe(true);
  });

  it('lists boroughs by name, then All of London with every ward', () => {
    expect(wardSet.areas.map((area) => [area.id, area.name])).toEqual([
      ['E09000007', 'Camden'],
      ['E09000020', 'Kensington and Chelsea'],
      ['E09000033', 'Westminster'],
      ['london', 'All of London'],
    ]);
    expect(findArea(wardSet, 'E09000020')?.wardIndices).toEqual([0, 2]);
    expect(findArea(wardSet, 'london')?.wardIndices).toEqual([0, 1, 2, 3]);
    expect(findArea(wardSet, 'E09000001')).toBeUndefined();
  });

  it('bounds each area by the union of its wards', () => {
    // Kensington and Chelsea: Holland -0.20..-0.19 and Abingdon -0.19..-0.18, both 51.50..51.51.
    expectBounds(findArea(wardSet, 'E09000020')?.bounds as Bounds, [-0.2, 51.5, -0.18, 51.51]);
    // Westminster: one ward -0.14..-0.13, 51.49..51.50.
    expectBounds(findArea(wardSet, 'E09000033')?.bounds as Bounds, [-0.14, 51.49, -0.13, 51.5]);
    // Camden: -0.15..-0.13, 51.53..51.55.
    expectBounds(findArea(wardSet, 'E09000007')?.bounds as Bounds, [-0.15, 51.53, -0.13, 51.55]);
    // London: west of Holland, south of Vincent Square, east of Vincent Square and Camden Town,
    // north of Camden Town.
    expectBounds(findArea(wardSet, 'london')?.bounds as Bounds, [-0.2, 51.49, -0.13, 51.55]);
  });

  it('has no All of London area when the file holds one borough', () => {
    const oneBorough = decodeWardTopology(buildWardTopology([holland, abingdon]));
    expect(oneBorough.areas.map((area) => area.id)).toEqual(['E09000020']);
    expectBounds(oneBorough.areas[0]?.bounds as Bounds, [-0.2, 51.5, -0.18, 51.51]);
  });

  it('groups wards without a borough under their own name', () => {
    const orphan = ward('E05000005', 'Nowhere', '', '', square(-0.1, 51.4));
    const withOrphan = decodeWardTopology(buildWardTopology([holland, orphan]));
    expect(withOrphan.areas.map((area) => [area.id, area.name])).toEqual([
      ['E09000020', 'Kensington and Chelsea'],
      ['', 'Wards without a borough'],
      ['london', 'All of London'],
    ]);
  });

  it('names a borough given by its code alone by that code', () => {
    const coded = ward('E05000006', 'Somewhere', 'E09000033', '', square(-0.1, 51.4));
    const withCode = decodeWardTopology(buildWardTopology([holland, coded]));
    // Areas in order of their names.
    expect(withCode.areas.map((area) => [area.id, area.name])).toEqual([
      ['E09000033', 'E09000033'],
      ['E09000020', 'Kensington and Chelsea'],
      ['london', 'All of London'],
    ]);
  });
});
