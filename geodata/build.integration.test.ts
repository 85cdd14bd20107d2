/**
 * Builds from the real ONS file in `../shared/geodata` when that folder exists next to the
 * project (skipped otherwise).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import { afterAll, describe, expect, it } from 'vitest';
import { pointInGeometry } from '../src/geo/labelPoint.ts';
import type { WardFileProperties, WardTopology } from '../src/geo/wardFile.ts';
import { buildWardData } from './build.ts';
import { tempDir } from './fixtures.ts';
import { BOUNDARIES_FILE, sharedGeodataDir } from './sources.ts';

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = sharedGeodataDir(PROJECT_ROOT);
const present = existsSync(join(SHARED, BOUNDARIES_FILE));
const title = present
  ? 'the real London ward file (../shared/geodata)'
  : `the real London ward file: SKIPPED, ${join('..', 'shared', 'geodata', BOUNDARIES_FILE)} not found`;

describe.skipIf(!present)(title, () => {
  const out = tempDir();
  afterAll(out.remove);

  async function build() {
    const result = await buildWardData({ projectRoot: PROJECT_ROOT, outDir: out.dir, env: {} });
    const topology = JSON.parse(
      readFileSync(join(out.dir, 'wards.topo.json'), 'utf8'),
    ) as WardTopology;
    return { result, topology };
  }

  it('builds 704 wards with neighbours and labels inside each ward', async () => {
    const { result, topology } = await build();
    expect(result.wards.rejectedCount).toBe(0);
    expect(result.manifest.boundaries).toMatchObject({ vintage: 'WD24', wardCount: 704 });
    expect(result.manifest.population).toMatchObject({ file: 'population.csv', year: 2021 });

    const geometries = topology.objects.wards.geometries;
    expect(geometries).toHaveLength(704);
    const properties = geometries.map((g) => g.properties as WardFileProperties);
    const codes = geometries.map((g) => String(g.id));

    const rbkc = properties.filter((p) => p.lad === 'E09000020');
    expect(rbkc).toHaveLength(18);
    expect(rbkc.every((p) => p.ladName === 'Kensington and Chelsea')).toBe(true);

    const golborne = properties[codes.indexOf('E05009396')];
    const neighbours = (golborne?.neighbours ?? []).map((i) => codes[i]);
    expect(neighbours).toContain('E05009394'); // Dalgarno
    expect(neighbours).toContain('E05009392'); // Colville

    const lonely = codes.filter((_, i) => (properties[i]?.neighbours.length ?? 0) === 0);
    expect(lonely).toEqual([]);

    const decoded = feature(topology, topology.objects.wards);
    const outside = decoded.features
      .filter((f) => !pointInGeometry(f.properties.label, f.geometry as Polygon | MultiPolygon))
      .map((f) => f.id);
    expect(outside).toEqual([]);

    const size = result.files.find((f) => f.name === 'wards.topo.json');
    expect(size?.gzipBytes).toBeLessThan(150 * 1024);
  });

  it('writes the same bytes on a second run', async () => {
    const first = readFileSync(join(out.dir, 'wards.topo.json'), 'utf8');
    await build();
    expect(readFileSync(join(out.dir, 'wards.topo.json'), 'utf8')).toBe(first);
  });
});
