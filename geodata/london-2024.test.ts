/**
 * The London data committed in `geodata/london-2024`, which `npm run data` installs: what the app
 * needs of it, checked on the files themselves (that they are what the pipeline makes of the
 * official files is `build.real-data.test.ts`, run by `npm run test:real-data`).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import { describe, expect, it } from 'vitest';
import { LONDON_LAD_CODES } from '../src/geo/areas.ts';
import { pointInGeometry } from '../src/geo/labelPoint.ts';
import type { DataManifest, WardFileProperties, WardTopology } from '../src/geo/wardFile.ts';

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const committed = (name: string) =>
  readFileSync(join(PROJECT_ROOT, 'geodata', 'london-2024', name), 'utf8');
const wardsText = committed('wards.topo.json');
const topology = JSON.parse(wardsText) as WardTopology;
const manifest = JSON.parse(committed('manifest.json')) as DataManifest;
const geometries = topology.objects.wards.geometries;
const codes = geometries.map((g) => String(g.id));
const properties = geometries.map((g) => g.properties as WardFileProperties);

describe('the committed London wards', () => {
  it('are the 704 wards of the 33 London boroughs, May 2024, with their attribution', () => {
    expect(manifest.boundaries).toEqual({
      file: 'wards.topo.json',
      source: 'ONS Wards (May 2024) Boundaries UK BGC (London wards)',
      vintage: 'WD24',
      wardCount: 704,
      attribution:
        'Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © Crown copyright and database right 2024.',
    });
    expect(geometries).toHaveLength(704);
    expect(new Set(codes).size).toBe(704);
    expect([...new Set(properties.map((p) => p.lad))].sort()).toEqual([...LONDON_LAD_CODES].sort());
    const rbkc = properties.filter((p) => p.lad === 'E09000020');
    expect(rbkc).toHaveLength(18);
    expect(rbkc.every((p) => p.ladName === 'Kensington and Chelsea')).toBe(true);
    // 25 City of London wards and 679 borough wards (the MPS files' 679 ward codes).
    expect(properties.filter((p) => p.lad === 'E09000001')).toHaveLength(25);
  });

  it('carry each ward neighbours and a label point inside it', () => {
    const golborne = properties[codes.indexOf('E05009396')];
    const neighbours = (golborne?.neighbours ?? []).map((i) => codes[i]);
    expect(neighbours).toContain('E05009394'); // Dalgarno
    expect(neighbours).toContain('E05009392'); // Colville
    expect(codes.filter((_, i) => (properties[i]?.neighbours.length ?? 0) === 0)).toEqual([]);
    const decoded = feature(topology, topology.objects.wards);
    const outside = decoded.features
      .filter((f) => !pointInGeometry(f.properties.label, f.geometry as Polygon | MultiPolygon))
      .map((f) => f.id);
    expect(outside).toEqual([]);
  });

  it('stay small: under 400 kB, 150 kB gzipped', () => {
    expect(Buffer.byteLength(wardsText)).toBeLessThan(400 * 1024);
    expect(gzipSync(wardsText, { level: 9 }).length).toBeLessThan(150 * 1024);
  });
});

describe('the committed London populations', () => {
  const rows = committed('population.csv').trim().split('\n');
  const byCode = new Map(
    rows.slice(1).map((line) => {
      const [code = '', all = '', youth = ''] = line.split(',');
      return [code, { all: Number(all), youth: Number(youth) }];
    }),
  );

  it('are Census 2021 usual residents and residents aged 10 to 24 for every borough ward', () => {
    expect(manifest.population).toEqual({
      file: 'population.csv',
      source: 'Census 2021 usual residents (census2021_ward_population_london.csv)',
      year: 2021,
      attribution:
        'Source: Office for National Statistics licensed under the Open Government Licence v.3.0.',
    });
    expect(rows[0]).toBe('ward_code,population,population_10_24');
    const boroughWards = codes.filter((_, i) => properties[i]?.lad !== 'E09000001');
    expect(boroughWards.filter((code) => !byCode.has(code))).toEqual([]);
    // The City of London is one row of the Census ward tables.
    expect([...byCode.keys()].filter((code) => !codes.includes(code))).toEqual(['E09000001']);
    // As the published table says: Golborne 8,803, Dalgarno 7,212, the borough 143,371.
    expect(byCode.get('E05009396')?.all).toBe(8803);
    expect(byCode.get('E05009394')?.all).toBe(7212);
    const rbkc = codes.filter((_, i) => properties[i]?.lad === 'E09000020');
    expect(rbkc.reduce((sum, code) => sum + (byCode.get(code)?.all ?? 0), 0)).toBe(143_371);
  });

  it('match the published rows of the Census fixture (usual_residents, age_10_24)', () => {
    const text = readFileSync(
      join(PROJECT_ROOT, 'tests', 'fixtures', 'census2021_ward_population_london.csv'),
      'utf8',
    );
    // No quoted cells in this cut, so a plain split reads it.
    expect(text).not.toContain('"');
    const [header = [], ...published] = text
      .trim()
      .split(/\r?\n/)
      .map((line) => line.split(','));
    const [code, all, youth] = ['WD22CD', 'usual_residents', 'age_10_24'].map((name) =>
      header.indexOf(name),
    ) as [number, number, number];
    expect(published.length).toBeGreaterThan(70);
    for (const row of published) {
      expect({ code: row[code], ...byCode.get(row[code] as string) }).toEqual({
        code: row[code],
        all: Number(row[all]),
        youth: Number(row[youth]),
      });
    }
  });
});
