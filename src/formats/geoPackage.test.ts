import { readFileSync } from 'node:fs';
import path from 'node:path';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { WGS84_SRS, writeGeoPackage } from '../../tests/support/geoPackageWriter.ts';
import { decodeWardTopology } from '../geo/wardSet.ts';
import { geoPackageGeometry, readGeoPackage } from './geoPackage.ts';

const fixtures = path.resolve(import.meta.dirname, '../../tests/fixtures');
const sqlite = await initSqlJs();

const raw = JSON.parse(
  readFileSync(path.join(fixtures, 'london_wards_2024_bgc.geojson'), 'utf8'),
) as FeatureCollection<Polygon | MultiPolygon, Record<string, string>>;
const kensington = raw.features.filter((ward) => ward.properties.LAD24CD === 'E09000020');

describe('GeoPackage ward boundaries', () => {
  it('reads the British National Grid fixture, converting it, and reports the features it rejects', () => {
    const bytes = readFileSync(path.join(fixtures, 'kensington_chelsea_wards_2024_bng.gpkg'));
    const parsed = readGeoPackage(new Uint8Array(bytes), 'rbkc.gpkg', sqlite);
    if (parsed.kind !== 'boundaries') throw new Error(JSON.stringify(parsed));
    const { report } = parsed;
    expect(report.format).toBe('Ward boundaries (GeoPackage)');
    // 18 wards, then a point and a row without geometry (scripts/geoPackageFixture.ts).
    expect([report.rowsRead, report.rowsLoaded, report.rejectedCount]).toEqual([20, 18, 2]);
    expect(report.rejected).toEqual([
      {
        row: 19,
        reason: 'Geometry is a Point, not a Polygon or MultiPolygon (ward E05099998)',
      },
      { row: 20, reason: 'No geometry (ward E05099999)' },
    ]);
    expect(report.notes.join('\n')).toContain(
      'British National Grid (its spatial reference system is EPSG:27700)',
    );
    const wards = decodeWardTopology(parsed.topology).wards;
    expect(wards.map((ward) => ward.name).sort()).toEqual(
      kensington.map((ward) => ward.properties.WD24NM).sort(),
    );
    // Converted back to degrees, each ward's label point lies inside the same ward of the raw
    // ONS file (wards are hundreds of metres across; the grid round trip is good to centimetres).
    for (const ward of wards) {
      const source = kensington.find((feature) => feature.properties.WD24CD === ward.code);
      expect(source && booleanPointInPolygon(ward.label, source), ward.name).toBe(true);
    }
  });

  it('reads a layer in longitude and latitude as it is', async () => {
    const square = (west: number, south: number): [number, number][] => [
      [west, south],
      [west, south + 0.01],
      [west + 0.01, south + 0.01],
      [west + 0.01, south],
      [west, south],
    ];
    const bytes = await writeGeoPackage(
      'maidstone',
      [
        {
          geometry: { type: 'MultiPolygon', coordinates: [[square(0.5, 51.27)]] },
          properties: { WD24CD: 'E05015901', WD24NM: 'Allington' },
        },
      ],
      WGS84_SRS,
    );
    const parsed = readGeoPackage(bytes, 'kent.gpkg', sqlite);
    if (parsed.kind !== 'boundaries') throw new Error(JSON.stringify(parsed));
    expect(parsed.report.rowsLoaded).toBe(1);
    expect(parsed.report.notes.join('\n')).not.toContain('British National Grid');
    const [ward] = decodeWardTopology(parsed.topology).wards;
    if (!ward) throw new Error('no ward');
    expect(ward.code).toBe('E05015901');
    const [longitude, latitude] = ward.label;
    expect(longitude > 0.5 && longitude < 0.51 && latitude > 51.27 && latitude < 51.28).toBe(true);
  });

  it('says so when an SQLite database is not a GeoPackage, or is not SQLite at all', () => {
    const database = new sqlite.Database();
    database.run('CREATE TABLE notes (text TEXT)');
    expect(readGeoPackage(database.export(), 'notes.sqlite', sqlite)).toEqual({
      kind: 'unrecognised',
      fileName: 'notes.sqlite',
      message:
        'This is an SQLite database but not a GeoPackage (it has no gpkg_contents table): export the ward layer as a GeoPackage, a zipped Shapefile or a GeoJSON.',
    });
    const broken = new TextEncoder().encode(`SQLite format 3\0${'x'.repeat(200)}`);
    expect(readGeoPackage(broken, 'broken.gpkg', sqlite)).toMatchObject({
      kind: 'unrecognised',
      message: expect.stringMatching(
        /^The file starts as an SQLite database, as a GeoPackage does, but cannot be opened \(file is not a database\)/,
      ),
    });
  });
});

describe('geoPackageGeometry', () => {
  /** A blob: "GP", version 0, `flags`, srs id 27700, `envelope` bytes of zeros, then `wkb`. */
  function blob(flags: number, envelope: number, wkb: number[]): Uint8Array {
    const bytes = new Uint8Array(8 + envelope + wkb.length);
    bytes.set([0x47, 0x50, 0, flags]);
    new DataView(bytes.buffer).setInt32(4, 27700, true);
    bytes.set(wkb, 8 + envelope);
    return bytes;
  }
  const uint32 = (value: number, little: boolean) => {
    const view = new DataView(new ArrayBuffer(4));
    view.setUint32(0, value, little);
    return [...new Uint8Array(view.buffer)];
  };
  const doubles = (values: number[], little: boolean) =>
    values.flatMap((value) => {
      const view = new DataView(new ArrayBuffer(8));
      view.setFloat64(0, value, little);
      return [...new Uint8Array(view.buffer)];
    });
  // A triangle ring of four positions, each x, y, z.
  const ring = [
    [1, 2, 9],
    [3, 2, 9],
    [1, 5, 9],
    [1, 2, 9],
  ];
  /** The ring as GeoJSON keeps it: x and y. */
  const flatRing = ring.map(([x, y]) => [x, y]);

  it('reads an ISO polygon with z (1003) after an xyz envelope, keeping x and y', () => {
    // Flags 0b0101: little-endian header, envelope indicator 2 (xyz: 48 bytes).
    const wkb = [1, ...uint32(1003, true), ...uint32(1, true), ...uint32(4, true)];
    const geometry = geoPackageGeometry(blob(0b0101, 48, [...wkb, ...doubles(ring.flat(), true)]));
    expect(geometry).toEqual({ type: 'Polygon', coordinates: [flatRing] });
  });

  it('reads big-endian extended well-known binary (EWKB z flag) in a multipolygon', () => {
    const polygon = [0, ...uint32(0x80000003, false), ...uint32(1, false), ...uint32(4, false)];
    const wkb = [0, ...uint32(6, false), ...uint32(1, false), ...polygon];
    const geometry = geoPackageGeometry(blob(0b0001, 0, [...wkb, ...doubles(ring.flat(), false)]));
    expect(geometry).toEqual({ type: 'MultiPolygon', coordinates: [[flatRing]] });
  });

  it('gives null for an empty geometry and refuses a blob cut short or without its header', () => {
    // Flags bit 4: empty.
    expect(geoPackageGeometry(blob(0b1_0001, 0, []))).toBeNull();
    const cut = [1, ...uint32(3, true), ...uint32(1, true), ...uint32(4, true), 0, 0];
    expect(() => geoPackageGeometry(blob(0b0001, 0, cut))).toThrow('it ends too soon');
    expect(() => geoPackageGeometry(new Uint8Array(12))).toThrow(/does not start with/);
  });
});
