import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import { describe, expect, it } from 'vitest';
import { rectangle } from '../../tests/support/wards.ts';
import { pointInGeometry } from './labelPoint.ts';
import {
  buildWardTopology,
  DEFAULT_QUANTIZATION,
  describeWardFeatures,
  detectWardColumns,
  readWardFeatures,
  WardFileError,
  wardTopologyFromGeoJson,
} from './wardBoundaries.ts';

function box(x: number, y: number, size = 0.01): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + size, y],
        [x + size, y + size],
        [x, y + size],
        [x, y],
      ],
    ],
  };
}

function ward(properties: Record<string, unknown>, geometry: Geometry | null): Feature {
  return { type: 'Feature', properties, geometry: geometry as Geometry };
}

function collection(features: Feature[]): FeatureCollection {
  return { type: 'FeatureCollection', features };
}

describe('detectWardColumns', () => {
  it('detects the columns of any vintage, case-insensitively', () => {
    expect(detectWardColumns(['OBJECTID', 'WD22CD', 'WD22NM', 'LAD22CD', 'LAD22NM'])).toEqual({
      vintage: 'WD22',
      code: 'WD22CD',
      name: 'WD22NM',
      ladCode: 'LAD22CD',
      ladName: 'LAD22NM',
      lat: null,
      long: null,
    });
    expect(detectWardColumns(['wd24cd', 'wd24nm', 'lat', 'long'])).toMatchObject({
      vintage: 'WD24',
      code: 'wd24cd',
      name: 'wd24nm',
      ladCode: null,
      lat: 'lat',
      long: 'long',
    });
  });

  it('never takes the Welsh-name column for the name', () => {
    expect(detectWardColumns(['WD24CD', 'WD24NMW', 'WD24NM'])?.name).toBe('WD24NM');
    expect(detectWardColumns(['WD24CD', 'WD24NMW'])?.name).toBeNull();
    expect(detectWardColumns(['WD24CD', 'LAD24CD', 'LAD24NMW', 'LAD24NM'])?.ladName).toBe(
      'LAD24NM',
    );
  });

  it('prefers the newest ward code and columns of the same vintage', () => {
    const columns = detectWardColumns([
      'WD19CD',
      'WD23CD',
      'WD19NM',
      'WD23NM',
      'LAD19CD',
      'LAD23CD',
    ]);
    expect(columns).toMatchObject({
      vintage: 'WD23',
      code: 'WD23CD',
      name: 'WD23NM',
      ladCode: 'LAD23CD',
    });
    // A LAD column of another vintage is still used when it is the only one.
    expect(detectWardColumns(['WD24CD', 'LAD23CD', 'LAD23NM'])).toMatchObject({
      ladCode: 'LAD23CD',
      ladName: 'LAD23NM',
    });
  });

  it('returns null without a ward code column', () => {
    expect(detectWardColumns(['LSOA21CD', 'LAD24CD', 'WD24NM', 'WD24CDX'])).toBeNull();
  });
});

describe('readWardFeatures', () => {
  const good = (code: string, x: number) =>
    ward(
      {
        WD24CD: code,
        WD24NM: `Ward ${code}`,
        LAD24CD: 'E09000020',
        LAD24NM: 'Kensington and Chelsea',
      },
      box(x, 51.5),
    );

  it('rejects bad features with their index and reason and keeps every valid one', () => {
    const nonFinite = box(0.3, 51.5);
    (nonFinite.coordinates[0] as number[][])[1] = [Number.NaN, 51.5];
    const shortRing: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 51],
          [1, 51],
          [0, 51],
        ],
      ],
    };
    const result = readWardFeatures(
      collection([
        good('E05000001', 0), // 0: valid
        ward({ WD24CD: 'E05000002' }, null), // 1: no geometry
        ward({ WD24CD: 'E05000003' }, { type: 'Point', coordinates: [0, 51] }), // 2
        ward({ WD24NM: 'No code' }, box(0.1, 51.5)), // 3: missing code
        good('E05000001', 0.2), // 4: duplicate
        ward({ WD24CD: 'E05000005' }, nonFinite), // 5
        ward({ WD24CD: 'E05000006' }, box(530000, 180000, 100)), // 6: British National Grid
        ward({ WD24CD: 'E05000007' }, shortRing), // 7
        ward({ WD24CD: 'E05000008' }, {
          type: 'Polygon',
          coordinates: 'oops',
        } as unknown as Polygon), // 8
        good('E05000009', 0.4), // 9: valid
      ]),
    );
    expect(result.featuresRead).toBe(10);
    expect(result.features.map((w) => w.code)).toEqual(['E05000001', 'E05000009']);
    expect(result.rejectedCount).toBe(8);
    expect(result.rejected.map((r) => [r.index, r.code])).toEqual([
      [1, 'E05000002'],
      [2, 'E05000003'],
      [3, null],
      [4, 'E05000001'],
      [5, 'E05000005'],
      [6, 'E05000006'],
      [7, 'E05000007'],
      [8, 'E05000008'],
    ]);
    expect(result.rejected[1]?.reason).toBe('Geometry is a Point, not a Polygon or MultiPolygon');
    expect(result.rejected[3]?.reason).toMatch(/^Duplicate ward code E05000001/);
    expect(result.rejected[5]?.reason).toMatch(/not longitude\/latitude.*WGS84/);
    expect(result.rejectedByReason).toEqual({
      'No geometry': 1,
      'Not a Polygon or MultiPolygon': 1,
      'Missing ward code': 1,
      'Duplicate ward code': 1,
      'Non-finite coordinates': 1,
      'Not longitude/latitude': 1,
      'Invalid geometry': 2,
    });
    const summary = describeWardFeatures(result).join('\n');
    expect(summary).toContain('features read 10, valid 2, rejected 8');
    expect(summary).toContain('features[1] (E05000002): No geometry');
    expect(summary).toContain('rejected 2: Invalid geometry');
  });

  it('reads names, boroughs and label hints, closes open rings and drops heights', () => {
    const open: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 51, 5],
          [0.01, 51, 5],
          [0.01, 51.01, 5],
          [0, 51.01, 5],
        ],
      ],
    };
    const result = readWardFeatures(
      collection([
        ward(
          {
            wd23cd: ' e05000001 ',
            wd23nm: 'Abbey',
            lad23cd: 'E09000002',
            lad23nm: 'Barking',
            lat: '51.005',
            long: 0.005,
          },
          open,
        ),
      ]),
    );
    expect(result.features[0]).toEqual({
      code: 'E05000001',
      name: 'Abbey',
      lad: 'E09000002',
      ladName: 'Barking',
      labelHint: [0.005, 51.005],
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [0, 51],
            [0.01, 51],
            [0.01, 51.01],
            [0, 51.01],
            [0, 51],
          ],
        ],
      },
    });
  });

  it('takes the borough from a lookup when the boundaries have none, else leaves it empty', () => {
    const lookup = new Map([
      ['E05000001', { lad: 'E09000020', ladName: 'Kensington and Chelsea' }],
    ]);
    const features = collection([
      ward({ WD24CD: 'E05000001', WD24NM: 'A' }, box(0, 51.5)),
      ward({ WD24CD: 'E05000002', WD24NM: 'B' }, box(0.01, 51.5)),
    ]);
    const withLookup = readWardFeatures(features, { lookup });
    expect(withLookup.features.map((w) => [w.lad, w.ladName])).toEqual([
      ['E09000020', 'Kensington and Chelsea'],
      ['', ''],
    ]);
    expect([withLookup.ladFromLookup, withLookup.withoutLad]).toEqual([1, 1]);
    expect(readWardFeatures(features).features.map((w) => w.lad)).toEqual(['', '']);
  });

  it('throws for a file that is not ward boundaries', () => {
    expect(() => readWardFeatures({ type: 'Feature' })).toThrow(WardFileError);
    expect(() =>
      readWardFeatures(collection([ward({ LSOA21CD: 'E01000001' }, box(0, 51))])),
    ).toThrow(/No ward code property \(WDyyCD/);
  });
});

describe('buildWardTopology', () => {
  const wards = readWardFeatures(
    collection([
      ward(
        {
          WD24CD: 'E05000003',
          WD24NM: 'C',
          LAD24CD: 'E09000001',
          LAD24NM: 'City',
          LAT: 51.505,
          LONG: 0.025,
        },
        box(0.02, 51.5),
      ),
      ward(
        {
          WD24CD: 'E05000001',
          WD24NM: 'A',
          LAD24CD: 'E09000001',
          LAD24NM: 'City',
          LAT: 99,
          LONG: 0,
        },
        box(0, 51.5),
      ),
      ward({ WD24CD: 'E05000002', WD24NM: 'B', LAD24CD: 'E09000001', LAD24NM: 'City' }, {
        type: 'MultiPolygon',
        coordinates: [box(0.01, 51.5).coordinates, box(0.5, 51.8, 0.001).coordinates],
      } satisfies MultiPolygon),
    ]),
  ).features;

  it('writes one geometry per ward, sorted by code, with the ward file properties', () => {
    const topology = buildWardTopology(wards);
    expect(topology.type).toBe('Topology');
    expect(topology.transform).toBeDefined();
    const geometries = topology.objects.wards.geometries;
    expect(geometries.map((g) => [g.id, g.type])).toEqual([
      ['E05000001', 'Polygon'],
      ['E05000002', 'MultiPolygon'],
      ['E05000003', 'Polygon'],
    ]);
    expect(geometries[2]?.properties).toEqual({
      name: 'C',
      lad: 'E09000001',
      ladName: 'City',
      label: [0.025, 51.505],
      neighbours: [1],
    });
    expect(geometries[1]?.properties).toMatchObject({ neighbours: [0, 2] });
  });

  it('puts every label inside its ward (a hint outside the ward is replaced)', () => {
    const topology = buildWardTopology(wards);
    const decoded = feature(topology, topology.objects.wards);
    for (const f of decoded.features) {
      expect(pointInGeometry(f.properties.label, f.geometry as Polygon | MultiPolygon)).toBe(true);
    }
    // Ward A's hint (latitude 99) is not inside, so the label is the square's centre.
    const a = decoded.features[0]?.properties.label ?? [0, 0];
    expect(a[0]).toBeCloseTo(0.005, 4);
    expect(a[1]).toBeCloseTo(51.505, 4);
  });

  it('is deterministic whatever the input order', () => {
    const forward = JSON.stringify(buildWardTopology(wards));
    expect(JSON.stringify(buildWardTopology([...wards].reverse()))).toBe(forward);
    expect(JSON.stringify(buildWardTopology(wards))).toBe(forward);
  });

  it('quantises to the requested grid and does not change its input', () => {
    const before = JSON.stringify(wards);
    const coarse = buildWardTopology(wards, { quantization: 1000 });
    const fine = buildWardTopology(wards);
    expect(coarse.transform?.scale[0]).toBeCloseTo(0.501 / 999, 9);
    expect(fine.transform?.scale[0]).toBeCloseTo(0.501 / (DEFAULT_QUANTIZATION - 1), 12);
    expect(JSON.stringify(wards)).toBe(before);
  });
});

describe('wardTopologyFromGeoJson', () => {
  it('validates and converts in one step', () => {
    const { topology, result } = wardTopologyFromGeoJson(
      collection([
        ward({ WD24CD: 'E05000001' }, box(0, 51.5)),
        ward({ WD24CD: 'E05000002' }, null),
      ]),
    );
    expect(topology.objects.wards.geometries).toHaveLength(1);
    expect(topology.objects.wards.geometries[0]?.properties).toMatchObject({ name: 'E05000001' });
    expect(result.rejectedCount).toBe(1);
  });

  it('throws when no feature is valid', () => {
    expect(() =>
      wardTopologyFromGeoJson(collection([ward({ WD24CD: 'E05000001' }, null)])),
    ).toThrow('No valid ward features (1 rejected: 1 no geometry). Feature 1: No geometry');
  });

  it('says a British National Grid file is one, and what to do, when no feature is valid', () => {
    // Two wards in Kensington as eastings and northings, as a GIS exports them in EPSG:27700.
    const file = collection([
      ward({ WD24CD: 'E05009391' }, box(525000, 180000, 500)),
      ward({ WD24CD: 'E05009392' }, box(525500, 180000, 500)),
    ]);
    expect(() => wardTopologyFromGeoJson(file)).toThrow(
      'No valid ward features (2 rejected: 2 not longitude/latitude). Feature 1: Coordinates [525000, 180000] are not longitude/latitude, but British National Grid eastings and northings (EPSG:27700): export the file in WGS84 (EPSG:4326)',
    );
  });

  it('rejects wards with latitude and longitude swapped, round the world, of no area or outside the UK', () => {
    const line: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [-0.2, 51.5],
          [-0.1, 51.5],
          [-0.15, 51.5],
          [-0.2, 51.5],
        ],
      ],
    };
    const result = readWardFeatures(
      collection([
        ward({ WD24CD: 'E05000001' }, box(51.5, -0.2)), // latitude first
        ward({ WD24CD: 'E05000002' }, rectangle(-180, -90, 360, 180)), // the whole world
        ward({ WD24CD: 'E05000003' }, line),
        ward({ WD24CD: 'E05000004' }, box(2.35, 48.85)), // Paris
        ward({ WD24CD: 'E05000005' }, box(-1.3, 60.3)), // Shetland: a UK ward
        ward({ WD24CD: 'E05000006' }, box(-6.3, 49.9)), // the Isles of Scilly
      ]),
    );
    expect(result.features.map((each) => each.code)).toEqual(['E05000005', 'E05000006']);
    expect(result.rejected.map(({ index, category, reason }) => [index, category, reason])).toEqual(
      [
        [
          0,
          'Latitude and longitude swapped',
          'Coordinates such as [51.5, -0.2] are [latitude, longitude]: GeoJSON gives longitude first, so the ward would be drawn outside the UK (latitude 49.8 to 61, longitude −8.7 to 2)',
        ],
        [
          1,
          'Too large for a ward',
          'The ward spans 360° of longitude by 180° of latitude: no ward spans more than 3°',
        ],
        [2, 'No area', 'The ward encloses no area: its points lie on a line'],
        [
          3,
          'Outside the UK',
          'The ward at [2.35, 48.85] is outside the UK (latitude 49.8 to 61, longitude −8.7 to 2)',
        ],
      ],
    );
  });
});
