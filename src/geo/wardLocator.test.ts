import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../scripts/demoData.ts';
import { ring } from '../../tests/support/wards.ts';
import { createWardLocator, type LocatableWard } from './wardLocator.ts';

function polygon(...rings: Position[][]): Polygon {
  return { type: 'Polygon', coordinates: rings };
}

describe('createWardLocator on hand-made wards', () => {
  // A: [0,4]² with a hole [1,3]²; B fills the hole; C is two squares apart.
  const wards: LocatableWard[] = [
    { code: 'A', geometry: polygon(ring(0, 0, 4, 4), ring(1, 1, 3, 3)) },
    { code: 'B', geometry: polygon(ring(1, 1, 3, 3)) },
    {
      code: 'C',
      geometry: {
        type: 'MultiPolygon',
        coordinates: [[ring(10, 10, 11, 11)], [ring(12, 12, 13, 13)]],
      },
    },
  ];
  const locator = createWardLocator(wards);

  it('respects holes and the island inside one', () => {
    expect(locator.codeAt(0.5, 0.5)).toBe('A');
    expect(locator.codeAt(3.5, 2)).toBe('A');
    expect(locator.codeAt(2, 2)).toBe('B');
    expect(createWardLocator([wards[0] as LocatableWard]).codeAt(2, 2)).toBeNull();
  });

  it('finds every part of a MultiPolygon and nothing between them', () => {
    expect(locator.codeAt(10.5, 10.5)).toBe('C');
    expect(locator.codeAt(12.5, 12.5)).toBe('C');
    expect(locator.codeAt(11.5, 11.5)).toBeNull();
  });

  it('gives the border of the hole to the ward on its right or above', () => {
    // (1, 2): B's left edge, A's hole's left edge: B owns its left border.
    expect(locator.codeAt(1, 2)).toBe('B');
    // (3, 2): B's right edge: A, whose hole does not own its right border.
    expect(locator.codeAt(3, 2)).toBe('A');
    // (2, 1): B's bottom edge belongs to B; (2, 3): B's top edge belongs to A.
    expect(locator.codeAt(2, 1)).toBe('B');
    expect(locator.codeAt(2, 3)).toBe('A');
  });

  it('treats points outside the extent and unreadable numbers as outside', () => {
    expect(locator.indexAt(-1, 2)).toBe(-1);
    expect(locator.indexAt(Number.NaN, 2)).toBe(-1);
    expect(locator.indexAt(2, Number.POSITIVE_INFINITY)).toBe(-1);
    expect(createWardLocator([]).codeAt(0, 0)).toBeNull();
  });

  it('assigns in bulk with ward indices', () => {
    const longitudes = new Float64Array([0.5, 2, 10.5, 11.5]);
    const latitudes = new Float64Array([0.5, 2, 10.5, 11.5]);
    expect([...locator.assign(longitudes, latitudes)]).toEqual([0, 1, 2, -1]);
  });
});

describe('shared borders of four squares', () => {
  // S1 [0,1]×[0,1], S2 [1,2]×[0,1] (clockwise), S3 [0,1]×[1,2], S4 [1,2]×[1,2]. Each square owns
  // its left and bottom borders and not its right and top ones.
  const clockwise = [...ring(1, 0, 2, 1)].reverse();
  const wards: LocatableWard[] = [
    { code: 'S1', geometry: polygon(ring(0, 0, 1, 1)) },
    { code: 'S2', geometry: polygon(clockwise) },
    { code: 'S3', geometry: polygon(ring(0, 1, 1, 2)) },
    { code: 'S4', geometry: polygon(ring(1, 1, 2, 2)) },
  ];
  const cases: [number, number, string | null][] = [
    [1, 0.5, 'S2'],
    [0.5, 1, 'S3'],
    [1, 1, 'S4'],
    [1, 1.5, 'S4'],
    [1.5, 1, 'S4'],
    [0, 0, 'S1'],
    [0, 0.5, 'S1'],
    [1, 0, 'S2'],
    [2, 0.5, null],
    [0.5, 2, null],
  ];

  it.each(cases)('(%d, %d) goes to %s', (longitude, latitude, code) => {
    expect(createWardLocator(wards).codeAt(longitude, latitude)).toBe(code);
  });

  it('gives the same wards whatever the order of the input', () => {
    const reversed = createWardLocator([...wards].reverse());
    for (const [longitude, latitude, code] of cases)
      expect(reversed.codeAt(longitude, latitude)).toBe(code);
  });
});

/**
 * Wards shaped like real ones, built here: a 6 × 5 lattice around Kensington with jittered
 * corners and wiggly borders of several vertices, each border shared exactly (the same
 * coordinates) by the two wards on either side; one ward has a hole filled by an island ward, and
 * one ward is a MultiPolygon with a detached part.
 */
function latticeWards(): { wards: LocatableWard[]; rim: Set<string> } {
  const random = mulberry32(7);
  const columns = 6;
  const rows = 5;
  const step = 0.01;
  const corner: Position[][] = [];
  for (let i = 0; i <= columns; i += 1) {
    corner.push([]);
    for (let j = 0; j <= rows; j += 1) {
      const inner = i > 0 && i < columns && j > 0 && j < rows;
      corner[i]?.push([
        -0.22 + (i + (inner ? (random() - 0.5) * 0.3 : 0)) * step,
        51.48 + (j + (inner ? (random() - 0.5) * 0.3 : 0)) * step,
      ]);
    }
  }
  const borders = new Map<string, Position[]>();
  /** Positions on the outside of the lattice, by `position.join()`. */
  const rim = new Set<string>();
  const onRim = ([i, j]: [number, number]) => i === 0 || i === columns || j === 0 || j === rows;
  /** Corner a to corner b through wiggles across the straight line, the same for both sides. */
  const border = (a: [number, number], b: [number, number]): Position[] => {
    const key = `${a.join()}-${b.join()}`;
    let line = borders.get(key);
    if (!line) {
      const [ax, ay] = (corner[a[0]] as Position[])[a[1]] as [number, number];
      const [bx, by] = (corner[b[0]] as Position[])[b[1]] as [number, number];
      const length = Math.hypot(bx - ax, by - ay);
      line = [[ax, ay]];
      for (let k = 1; k < 6; k += 1) {
        const t = k / 6;
        // Up to 5% of a step either side, along the perpendicular of the border.
        const wiggle = (random() - 0.5) * 0.1 * step;
        line.push([
          ax + (bx - ax) * t - (wiggle * (by - ay)) / length,
          ay + (by - ay) * t + (wiggle * (bx - ax)) / length,
        ]);
      }
      line.push([bx, by]);
      borders.set(key, line);
      if (onRim(a) && onRim(b) && (a[0] === b[0] ? a[0] % columns === 0 : a[1] % rows === 0))
        for (const position of line) rim.add(position.join());
    }
    return line;
  };
  const wards: LocatableWard[] = [];
  for (let i = 0; i < columns; i += 1) {
    for (let j = 0; j < rows; j += 1) {
      const bottom = border([i, j], [i + 1, j]);
      const right = border([i + 1, j], [i + 1, j + 1]);
      const top = border([i, j + 1], [i + 1, j + 1]);
      const left = border([i, j], [i, j + 1]);
      const ring = [
        ...bottom,
        ...right.slice(1),
        ...[...top].reverse().slice(1),
        ...[...left].reverse().slice(1),
      ];
      wards.push({ code: `W${i}${j}`, geometry: polygon(ring) });
    }
  }
  // A hole in ward (3, 2), filled by an island ward of its own.
  const [cx, cy] = (corner[3] as Position[])[2] as [number, number];
  const hole: Position[] = [
    [cx + 0.003, cy + 0.003],
    [cx + 0.004, cy + 0.0065],
    [cx + 0.0065, cy + 0.0068],
    [cx + 0.0062, cy + 0.0031],
    [cx + 0.003, cy + 0.003],
  ];
  const holed = wards.find((ward) => ward.code === 'W32') as LocatableWard;
  holed.geometry = polygon((holed.geometry as Polygon).coordinates[0] as Position[], hole);
  wards.push({ code: 'ISLAND', geometry: polygon([...hole].reverse()) });
  // Ward (0, 0) also owns a detached part to the south-west.
  const first = wards[0] as LocatableWard;
  first.geometry = {
    type: 'MultiPolygon',
    coordinates: [(first.geometry as Polygon).coordinates, [ring(-0.235, 51.465, -0.225, 51.475)]],
  };
  return { wards, rim };
}

describe('createWardLocator against Turf on real-ward-shaped wards', () => {
  const { wards, rim } = latticeWards();
  const locator = createWardLocator(wards);
  /** Every ward Turf says holds the point, its border included. */
  const turfWards = (position: Position) =>
    wards.flatMap((ward, index) => (booleanPointInPolygon(position, ward.geometry) ? [index] : []));

  it('assigns random points exactly as Turf does, twice over (the grid remembers cells)', () => {
    const random = mulberry32(42);
    const count = 20_000;
    const longitudes = new Float64Array(count);
    const latitudes = new Float64Array(count);
    for (let point = 0; point < count; point += 1) {
      longitudes[point] = -0.24 + random() * 0.09;
      latitudes[point] = 51.46 + random() * 0.08;
    }
    const expected = Array.from({ length: count }, (_, point) => {
      const found = turfWards([longitudes[point] as number, latitudes[point] as number]);
      // Random points never land exactly on a border.
      expect(found.length).toBeLessThanOrEqual(1);
      return found[0] ?? -1;
    });
    expect([...locator.assign(longitudes, latitudes)]).toEqual(expected);
    expect([...locator.assign(longitudes, latitudes)]).toEqual(expected);
    // The fixture is not trivial: points fall in the island, the detached part and outside.
    const island = wards.findIndex((ward) => ward.code === 'ISLAND');
    expect(expected.filter((ward) => ward === island).length).toBeGreaterThan(0);
    expect(expected.filter((ward) => ward === -1).length).toBeGreaterThan(0);
  });

  it('puts every point on a shared border in exactly one of the wards that share it', () => {
    const vertices = new Map<string, Position>();
    for (const ward of wards) {
      const polygons =
        ward.geometry.type === 'Polygon' ? [ward.geometry.coordinates] : ward.geometry.coordinates;
      for (const rings of polygons)
        for (const ring of rings)
          for (const position of ring) vertices.set(position.join(), position);
    }
    let shared = 0;
    for (const [key, position] of vertices) {
      const holders = turfWards(position);
      // On the outside of the lattice a point may belong to no ward at all.
      if (holders.length < 2 || rim.has(key)) continue;
      shared += 1;
      const [longitude, latitude] = position as [number, number];
      expect(holders).toContain(locator.indexAt(longitude, latitude));
      // The same answer on every call, and from a locator built afresh.
      expect(createWardLocator(wards).indexAt(longitude, latitude)).toBe(
        locator.indexAt(longitude, latitude),
      );
    }
    // Inside the lattice: 5 × 4 corners, 5 inner vertices on each of the 6 × 4 + 5 × 5 = 49
    // inner borders, and the island's 4 corners: 20 + 245 + 4 = 269.
    expect(shared).toBe(269);
  });
});
