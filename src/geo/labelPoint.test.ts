import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  labelPoint,
  largestPolygon,
  pointInGeometry,
  poleOfInaccessibility,
  polygonArea,
} from './labelPoint.ts';

/** A 4×4 square with a 2×2 hole in the middle. */
const squareWithHole: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [4, 0],
      [4, 4],
      [0, 4],
      [0, 0],
    ],
    [
      [1, 1],
      [1, 3],
      [3, 3],
      [3, 1],
      [1, 1],
    ],
  ],
};

/**
 * A "U" open to the north, 3 wide and 3 tall with 1-wide arms and base. The notch is x 1..2,
 * y 1..3, and the centroid (1.5, 1.357) lies in it, outside the shape.
 */
const uShape: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [3, 0],
      [3, 3],
      [2, 3],
      [2, 1],
      [1, 1],
      [1, 3],
      [0, 3],
      [0, 0],
    ],
  ],
};

describe('pointInGeometry', () => {
  it('is true inside, false outside and false in a hole', () => {
    expect(pointInGeometry([0.5, 0.5], squareWithHole)).toBe(true);
    expect(pointInGeometry([2, 2], squareWithHole)).toBe(false);
    expect(pointInGeometry([5, 2], squareWithHole)).toBe(false);
  });

  it('tests every part of a MultiPolygon', () => {
    const multi: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [
        squareWithHole.coordinates,
        [
          [
            [10, 10],
            [11, 10],
            [11, 11],
            [10, 10],
          ],
        ],
      ],
    };
    expect(pointInGeometry([10.8, 10.2], multi)).toBe(true);
    expect(pointInGeometry([10.2, 10.8], multi)).toBe(false);
    expect(pointInGeometry([0.5, 3.5], multi)).toBe(true);
  });
});

describe('areas', () => {
  it('subtracts holes and picks the largest part of a MultiPolygon', () => {
    expect(polygonArea(squareWithHole.coordinates)).toBe(12);
    const small = [
      [
        [10, 10],
        [11, 10],
        [11, 11],
        [10, 10],
      ],
    ];
    const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [small, uShape.coordinates] };
    expect(largestPolygon(multi)).toBe(uShape.coordinates);
  });
});

describe('labelPoint', () => {
  it('uses the hint when it lies inside the ward, rounded to 6 decimals', () => {
    expect(labelPoint(uShape, [0.123456789, 2.5])).toEqual([0.123457, 2.5]);
  });

  it('finds a point inside when the hint and the centroid fall in the notch of a U', () => {
    expect(pointInGeometry([1.5, 1.357], uShape)).toBe(false);
    const label = labelPoint(uShape, [1.5, 1.357]);
    expect(pointInGeometry(label, uShape)).toBe(true);
    // The pole of inaccessibility is in the base of the U, half a unit from its edges.
    expect(label[1]).toBeGreaterThan(0.3);
    expect(label[1]).toBeLessThan(0.7);
  });

  it('avoids holes and works without a hint', () => {
    const label = labelPoint(squareWithHole);
    expect(pointInGeometry(label, squareWithHole)).toBe(true);
  });

  it('labels the largest part of a MultiPolygon', () => {
    const multi: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [10, 10],
            [10.1, 10],
            [10.1, 10.1],
            [10, 10],
          ],
        ],
        uShape.coordinates,
      ],
    };
    const label = labelPoint(multi);
    expect(pointInGeometry(label, uShape)).toBe(true);
  });

  it('keeps a thin sliver label inside (real longitude/latitude scale)', () => {
    const sliver: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [-0.2, 51.5],
          [-0.1, 51.5],
          [-0.1, 51.50001],
          [-0.2, 51.50002],
          [-0.2, 51.5],
        ],
      ],
    };
    expect(pointInGeometry(labelPoint(sliver), sliver)).toBe(true);
  });

  it('returns a point of a degenerate (zero-area) outline rather than failing', () => {
    const flat: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [2, 0],
          [0, 0],
        ],
      ],
    };
    const label = labelPoint(flat);
    expect(label.every(Number.isFinite)).toBe(true);
  });
});

describe('poleOfInaccessibility', () => {
  it('finds the centre of a square to the requested precision', () => {
    const { point, distance } = poleOfInaccessibility(
      [
        [
          [0, 0],
          [10, 0],
          [10, 10],
          [0, 10],
          [0, 0],
        ],
      ],
      0.01,
    );
    expect(point[0]).toBeCloseTo(5, 1);
    expect(point[1]).toBeCloseTo(5, 1);
    expect(distance).toBeCloseTo(5, 1);
  });
});
