import type { Feature, Polygon } from 'geojson';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { square as squareOf } from '../../tests/support/wards.ts';
import { queenNeighbours } from './neighbours.ts';
import { buildWardTopology, readWardFeatures } from './wardBoundaries.ts';
import type { WardFileProperties } from './wardFile.ts';

const STEP = 0.01;

/** A square ward of side STEP whose south-west corner is grid cell (col, row) near London. */
function square(code: string, col: number, row: number): Feature<Polygon> {
  const x = -0.2 + col * STEP;
  const y = 51.5 + row * STEP;
  return {
    type: 'Feature',
    properties: { WD24CD: code, WD24NM: `Ward ${code}` },
    geometry: squareOf(x, y, STEP),
  };
}

/** Neighbours by ward code, from the built ward file. */
function neighboursByCode(features: Feature[]): Record<string, string[]> {
  const { features: wards } = readWardFeatures({ type: 'FeatureCollection', features });
  const topology = buildWardTopology(wards);
  const geometries = topology.objects.wards.geometries;
  const result: Record<string, string[]> = {};
  for (const geometry of geometries) {
    result[String(geometry.id)] = (geometry.properties as WardFileProperties).neighbours.map((i) =>
      String(geometries[i]?.id),
    );
  }
  return result;
}

describe('queen neighbours', () => {
  // Codes: G<row><col>, e.g. G11 is the centre of the 3×3 grid.
  const grid: Feature[] = [];
  for (let row = 0; row < 3; row += 1) {
    for (let col = 0; col < 3; col += 1) grid.push(square(`G${row}${col}`, col, row));
  }

  it('gives the centre of a 3×3 grid 8 neighbours, an edge square 5 and a corner 3', () => {
    const neighbours = neighboursByCode(grid);
    expect(neighbours.G11).toEqual(['G00', 'G01', 'G02', 'G10', 'G12', 'G20', 'G21', 'G22']);
    expect(neighbours.G01).toEqual(['G00', 'G02', 'G10', 'G11', 'G12']);
    expect(neighbours.G00).toEqual(['G01', 'G10', 'G11']);
    expect(neighbours.G22).toEqual(['G11', 'G12', 'G21']);
    for (const list of Object.values(neighbours)) expect([3, 5, 8]).toContain(list.length);
  });

  it('counts two squares touching only at a corner as neighbours, and not squares apart', () => {
    const neighbours = neighboursByCode([square('A', 0, 0), square('B', 1, 1), square('C', 5, 5)]);
    expect(neighbours).toEqual({ A: ['B'], B: ['A'], C: [] });
  });

  it('is symmetric and stores geometry indices in ascending order', () => {
    const { features } = readWardFeatures({ type: 'FeatureCollection', features: grid });
    const topology = buildWardTopology(features);
    const lists = queenNeighbours(topology, 'wards');
    lists.forEach((list, a) => {
      expect([...list].sort((x, y) => x - y)).toEqual(list);
      for (const b of list) expect(lists[b]).toContain(a);
    });
  });

  it('works on a topology without quantisation (absolute arc coordinates)', () => {
    const topology: Topology = {
      type: 'Topology',
      arcs: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 1],
          [0, 0],
        ],
        [
          [1, 1],
          [2, 1],
          [2, 2],
          [1, 2],
          [1, 1],
        ],
        [
          [5, 5],
          [6, 5],
          [6, 6],
          [5, 5],
        ],
      ],
      objects: {
        wards: {
          type: 'GeometryCollection',
          geometries: [
            { type: 'Polygon', arcs: [[0]] },
            { type: 'MultiPolygon', arcs: [[[2]], [[~1]]] },
            { type: 'Polygon', arcs: [[2]] },
          ],
        },
      },
    };
    // 0 and 1 share the corner (1, 1); 1 and 2 share the arc 2.
    expect(queenNeighbours(topology, 'wards')).toEqual([[1], [0, 2], [1]]);
  });

  it('throws for a missing object', () => {
    const topology: Topology = { type: 'Topology', arcs: [], objects: {} };
    expect(() => queenNeighbours(topology, 'wards')).toThrow(/no GeometryCollection named "wards"/);
  });
});
