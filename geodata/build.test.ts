import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Feature } from 'geojson';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DataManifest, WardFileProperties, WardTopology } from '../src/geo/wardFile.ts';
import { BuildError, buildWardData, main } from './build.ts';
import {
  closedPortUrl,
  type FakeArcgis,
  featureCollection,
  gridCode,
  gridWards,
  startFakeArcgis,
  tempDir,
  writeJson,
} from './fixtures.ts';

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const run = promisify(execFile);

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  vi.restoreAllMocks();
});

function folder(): string {
  const { dir, remove } = tempDir();
  cleanups.push(remove);
  return dir;
}

/** A project root with no `../shared/geodata` next to it. */
function isolatedProject(): string {
  const project = join(folder(), 'project');
  mkdirSync(project);
  return project;
}

/** A user download folder: a 3×3 grid (WD22 vintage, no LAD) plus two bad features. */
function userDownloads(options: { population?: boolean; lookup?: boolean } = {}): string {
  const dir = folder();
  const features: Feature[] = gridWards(3, (code, col, row) => ({
    WD22CD: code,
    WD22NM: `Ward ${row}-${col}`,
    WD22NMW: `Ward Cymraeg ${row}-${col}`,
  }));
  features.push({
    type: 'Feature',
    properties: { WD22CD: 'E05099999' },
    geometry: { type: 'Point', coordinates: [0, 51] },
  });
  features.push({ ...(features[0] as Feature) });
  writeJson(join(dir, 'Wards_May_2022_Boundaries.geojson'), featureCollection(features));
  if (options.population !== false) {
    const rows = ['WD22CD,ward_name,usual_residents,age_10_24'];
    for (let row = 0; row < 3; row += 1) {
      for (let col = 0; col < 3; col += 1)
        rows.push(`${gridCode(col, row)},W,"1,0${row}${col}",1${row}${col}`);
    }
    rows.push('not a code,W,5,1');
    writeFileSync(join(dir, 'census2021_population.csv'), `${rows.join('\n')}\n`);
  }
  if (options.lookup !== false) {
    const rows = ['WD22CD,WD22NM,LAD22CD,LAD22NM'];
    for (let col = 0; col < 3; col += 1)
      rows.push(`${gridCode(col, 0)},W,E09000020,Kensington and Chelsea`);
    writeFileSync(join(dir, 'ward_to_lad.csv'), `${rows.join('\n')}\n`);
  }
  return dir;
}

function readOutputs(outDir: string) {
  const topology = JSON.parse(
    readFileSync(join(outDir, 'wards.topo.json'), 'utf8'),
  ) as WardTopology;
  const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')) as DataManifest;
  const byCode = new Map(
    topology.objects.wards.geometries.map((g) => [
      String(g.id),
      g.properties as WardFileProperties,
    ]),
  );
  return { topology, manifest, byCode };
}

describe('buildWardData from WARD_DATA_DIR', () => {
  it('writes the ward file, population and manifest, reporting rejected features', async () => {
    const downloads = userDownloads();
    const outDir = join(folder(), 'data');
    const lines: string[] = [];
    const result = await buildWardData({
      projectRoot: isolatedProject(),
      outDir,
      env: { WARD_DATA_DIR: downloads },
      log: (line) => lines.push(line),
    });
    const log = lines.join('\n');
    expect(log).toContain('features read 11, valid 9, rejected 2');
    expect(log).toContain(
      'features[9] (E05099999): Geometry is a Point, not a Polygon or MultiPolygon',
    );
    expect(log).toContain(`features[10] (${gridCode(0, 0)}): Duplicate ward code`);
    expect(log).toContain('Lookup ward_to_lad.csv: 3 wards');
    expect(log).toContain('No borough (LAD) for 6 wards');
    expect(log).toContain('9 of 9 wards have a population');
    expect(log).toMatch(/wards\.topo\.json: [\d.]+ kB \([\d.]+ kB gzip\)/);

    const { topology, manifest, byCode } = readOutputs(outDir);
    expect(readdirSync(outDir).sort()).toEqual([
      'manifest.json',
      'population.csv',
      'wards.topo.json',
    ]);
    expect(topology.objects.wards.geometries).toHaveLength(9);
    expect(byCode.get(gridCode(1, 1))?.neighbours).toHaveLength(8);
    expect(byCode.get(gridCode(0, 0))).toMatchObject({
      name: 'Ward 0-0',
      lad: 'E09000020',
      ladName: 'Kensington and Chelsea',
    });
    expect(byCode.get(gridCode(2, 2))).toMatchObject({ name: 'Ward 2-2', lad: '', ladName: '' });
    expect(manifest).toEqual({
      boundaries: {
        file: 'wards.topo.json',
        source: 'ONS ward boundaries WD22 (Wards_May_2022_Boundaries.geojson)',
        vintage: 'WD22',
        wardCount: 9,
        attribution:
          'Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © Crown copyright and database right 2022.',
      },
      population: {
        file: 'population.csv',
        source: 'Census 2021 usual residents (census2021_population.csv)',
        year: 2021,
        attribution:
          'Source: Office for National Statistics licensed under the Open Government Licence v.3.0.',
      },
    });
    const population = readFileSync(join(outDir, 'population.csv'), 'utf8').split('\n');
    expect(population[0]).toBe('ward_code,population,population_10_24');
    expect(population).toContain(`${gridCode(2, 1)},1012,112`);
    expect(result.files.map((f) => f.name)).toEqual([
      'wards.topo.json',
      'population.csv',
      'manifest.json',
    ]);
    expect(result.files.every((f) => f.bytes > 0 && f.gzipBytes > 0)).toBe(true);
  });

  it('is deterministic and writes no path of this machine', async () => {
    const downloads = userDownloads();
    const project = isolatedProject();
    const outA = join(folder(), 'a');
    const outB = join(folder(), 'b');
    await buildWardData({ projectRoot: project, outDir: outA, env: { WARD_DATA_DIR: downloads } });
    await buildWardData({ projectRoot: project, outDir: outB, env: { WARD_DATA_DIR: downloads } });
    for (const name of readdirSync(outA)) {
      const a = readFileSync(join(outA, name), 'utf8');
      expect(readFileSync(join(outB, name), 'utf8')).toBe(a);
      expect(a).not.toContain(downloads);
      expect(a).not.toContain(project);
    }
  });

  it('writes population null, says rates are unavailable and removes a stale population file', async () => {
    const downloads = userDownloads({ population: false, lookup: false });
    const outDir = folder();
    writeFileSync(join(outDir, 'population.csv'), 'ward_code,population\nE05000000,1\n');
    const lines: string[] = [];
    await buildWardData({
      projectRoot: isolatedProject(),
      outDir,
      env: { WARD_DATA_DIR: downloads },
      log: (line) => lines.push(line),
    });
    expect(lines.join('\n')).toContain(
      'No population file: rates per 1,000 residents will be unavailable',
    );
    expect(lines.join('\n')).toContain('No borough (LAD) for 9 wards');
    expect(existsSync(join(outDir, 'population.csv'))).toBe(false);
    const { manifest, byCode } = readOutputs(outDir);
    expect(manifest.population).toBeNull();
    expect([...byCode.values()].every((p) => p.lad === '' && p.ladName === '')).toBe(true);
  });

  it('fails with a BuildError when WARD_DATA_DIR holds no ward boundaries', async () => {
    const empty = folder();
    await expect(
      buildWardData({
        projectRoot: isolatedProject(),
        outDir: folder(),
        env: { WARD_DATA_DIR: empty },
      }),
    ).rejects.toThrow(BuildError);
  });
});

/** The committed data folder of a project. */
const committedIn = (project: string) => join(project, 'geodata', 'london-2024');
const OUTPUTS = ['manifest.json', 'population.csv', 'wards.topo.json'];
const filesOf = (dir: string) =>
  Object.fromEntries(OUTPUTS.map((name) => [name, readFileSync(join(dir, name), 'utf8')]));

/** Runs the CLI in-process, quietly: its exit code and what it printed. */
async function runMain(
  argv: string[],
  env: Record<string, string>,
  project: string,
): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((line: unknown) => out.push(String(line)));
  vi.spyOn(console, 'error').mockImplementation((line: unknown) => err.push(String(line)));
  const code = await main(argv, env, project);
  vi.restoreAllMocks();
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run data by default: the committed London data', () => {
  it('copies the committed files byte for byte and downloads nothing', async () => {
    const outDir = folder();
    const lines: string[] = [];
    const fetchImpl = vi.fn<typeof fetch>();
    const result = await buildWardData({
      projectRoot: PROJECT_ROOT,
      outDir,
      env: {},
      fetchImpl,
      log: (line) => lines.push(line),
    });
    expect(fetchImpl).not.toHaveBeenCalled();
    expect(filesOf(outDir)).toEqual(filesOf(committedIn(PROJECT_ROOT)));
    expect(result.wards).toBeNull();
    expect(result.manifest.boundaries.wardCount).toBe(704);
    expect(lines[0]).toBe(
      'Wards: geodata/london-2024 (committed): ONS Wards (May 2024) Boundaries UK BGC (London wards), 704 wards (WD24)',
    );
    expect(lines).toContain(
      'Population: Census 2021 usual residents (census2021_ward_population_london.csv)',
    );
  });

  it('refuses committed data that does not match its manifest, saying how to restore it', async () => {
    const project = isolatedProject();
    const downloads = userDownloads();
    expect((await runMain(['--refresh'], { WARD_DATA_DIR: downloads }, project)).code).toBe(0);
    const manifestFile = join(committedIn(project), 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as DataManifest;
    writeJson(manifestFile, { ...manifest, boundaries: { ...manifest.boundaries, wardCount: 10 } });
    await expect(
      buildWardData({ projectRoot: project, outDir: folder(), env: {} }),
    ).rejects.toThrow(
      'The committed geodata/london-2024/wards.topo.json holds 9 wards where its manifest says 10; restore geodata/london-2024 with git, or rebuild it with npm run data:refresh.',
    );
  });
});

describe('npm run data:refresh (--refresh)', () => {
  it('rewrites the committed folder from WARD_DATA_DIR, the same bytes every time', async () => {
    const project = isolatedProject();
    const downloads = userDownloads();
    const first = await runMain(['--refresh'], { WARD_DATA_DIR: downloads }, project);
    expect(first.code).toBe(0);
    expect(first.out).toContain('Wrote 9 wards (WD22) to geodata/london-2024:');
    const committed = filesOf(committedIn(project));
    expect(await runMain(['--refresh'], { WARD_DATA_DIR: downloads }, project)).toMatchObject({
      code: 0,
    });
    expect(filesOf(committedIn(project))).toEqual(committed);
    // What it wrote is what a WARD_DATA_DIR build writes, and what npm run data then installs.
    const built = folder();
    await buildWardData({ projectRoot: project, outDir: built, env: { WARD_DATA_DIR: downloads } });
    expect(filesOf(built)).toEqual(committed);
    const installed = folder();
    expect((await runMain(['--out', installed], {}, project)).code).toBe(0);
    expect(filesOf(installed)).toEqual(committed);
  });

  it('with --download replaces the boundaries and keeps the committed population', async () => {
    const project = isolatedProject();
    await runMain(['--refresh'], { WARD_DATA_DIR: userDownloads() }, project);
    const before = filesOf(committedIn(project));
    const server = await startFakeArcgis([
      { code: gridCode(0, 0), name: 'Ward 0-0', lad: 'E09000020', ladName: 'RBKC', col: 0, row: 0 },
      { code: gridCode(1, 0), name: 'Ward 0-1', lad: 'E09000020', ladName: 'RBKC', col: 1, row: 0 },
    ]);
    cleanups.push(server.close);
    const refreshed = await runMain(
      ['--refresh', '--download'],
      { ONS_ARCGIS_BASE: server.baseUrl },
      project,
    );
    expect(refreshed.code).toBe(0);
    expect(refreshed.out).toContain(
      'Population: Census 2021 usual residents (census2021_population.csv) (committed in geodata/london-2024)',
    );
    const after = filesOf(committedIn(project));
    expect(after['population.csv']).toBe(before['population.csv']);
    const manifest = JSON.parse(after['manifest.json'] as string) as DataManifest;
    const previous = JSON.parse(before['manifest.json'] as string) as DataManifest;
    expect(manifest.population).toEqual(previous.population);
    expect(manifest.boundaries).toMatchObject({ vintage: 'WD24', wardCount: 2 });
  });

  it('exits 1 with the ways to give it files when there is nothing to refresh from', async () => {
    const { code, err } = await runMain(['--refresh'], {}, isolatedProject());
    expect(code).toBe(1);
    expect(err).toContain('Nothing to refresh geodata/london-2024 from: set WARD_DATA_DIR');
    expect(err).toContain('or add --download');
  });
});

describe('buildWardData by download', () => {
  it('downloads from the ONS services (ONS_ARCGIS_BASE) when asked', async () => {
    const server: FakeArcgis = await startFakeArcgis(
      [
        {
          code: 'E05009396',
          name: 'Golborne',
          lad: 'E09000020',
          ladName: 'Kensington and Chelsea',
          col: 0,
          row: 1,
        },
        {
          code: 'E05009394',
          name: 'Dalgarno',
          lad: 'E09000020',
          ladName: 'Kensington and Chelsea',
          col: 0,
          row: 0,
        },
        {
          code: 'E05013804',
          name: "Queen's Park",
          lad: 'E09000033',
          ladName: 'Westminster',
          col: 1,
          row: 1,
        },
      ],
      2,
    );
    cleanups.push(server.close);
    const outDir = folder();
    const lines: string[] = [];
    await buildWardData({
      projectRoot: isolatedProject(),
      outDir,
      download: true,
      env: { ONS_ARCGIS_BASE: server.baseUrl },
      log: (line) => lines.push(line),
    });
    const { manifest, byCode } = readOutputs(outDir);
    expect(manifest.boundaries).toMatchObject({
      source: 'ONS Wards (May 2024) Boundaries UK BGC (Open Geography Portal)',
      vintage: 'WD24',
      wardCount: 3,
    });
    expect(manifest.population).toBeNull();
    expect(byCode.get('E05013804')).toMatchObject({
      name: "Queen's Park",
      lad: 'E09000033',
      ladName: 'Westminster',
    });
    expect(byCode.get('E05009396')?.neighbours).toEqual([0, 2]);
    // The service's LAT/LONG (cell centres) are inside the wards, so they are the labels.
    expect(byCode.get('E05009396')?.label).toEqual([-0.195, 51.515]);
    expect(lines.join('\n')).toContain('Downloaded 3 ward boundaries');
  });

  it('without network, exits non-zero telling the user what to download and to set WARD_DATA_DIR', async () => {
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((message: unknown) => {
      errors.push(String(message));
    });
    vi.spyOn(console, 'log').mockImplementation(() => {});
    const code = await main(
      ['--out', folder(), '--download'],
      { ONS_ARCGIS_BASE: await closedPortUrl() },
      isolatedProject(),
    );
    expect(code).toBe(1);
    const message = errors.join('\n');
    expect(message).toContain(
      'Could not download the ward boundaries from the ONS Open Geography Portal',
    );
    expect(message).toContain('london_wards_2024_bgc.geojson');
    expect(message).toContain('census2021_ward_population_london.csv');
    expect(message).toContain('WARD_DATA_DIR=/path/to/folder npm run data');
  });
});

describe('the CLI (node geodata/build.ts, Node type stripping)', () => {
  const node = join(PROJECT_ROOT, 'node_modules', '.bin', 'node');

  it('builds from WARD_DATA_DIR into --out and prints the sizes', async () => {
    const outDir = folder();
    const { stdout } = await run(node, ['geodata/build.ts', '--out', outDir], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, WARD_DATA_DIR: userDownloads() },
    });
    expect(stdout).toContain('Wrote 9 wards (WD22)');
    expect(stdout).toMatch(/wards\.topo\.json: [\d.]+ kB \([\d.]+ kB gzip\)/);
    expect(readdirSync(outDir).sort()).toEqual([
      'manifest.json',
      'population.csv',
      'wards.topo.json',
    ]);
  });

  it('with no WARD_DATA_DIR and no network, writes the committed London data', async () => {
    const outDir = folder();
    const { WARD_DATA_DIR: _ignored, ...env } = process.env;
    const { stdout } = await run(node, ['geodata/build.ts', '--out', outDir], {
      cwd: PROJECT_ROOT,
      // Were it to try the ONS portal, it would find nothing listening here and fail.
      env: { ...env, ONS_ARCGIS_BASE: await closedPortUrl() },
    });
    expect(stdout).toContain('Wards: geodata/london-2024 (committed)');
    expect(filesOf(outDir)).toEqual(filesOf(committedIn(PROJECT_ROOT)));
  });

  it('exits 1 with a clear message for a bad WARD_DATA_DIR', async () => {
    const failure = await run(node, ['geodata/build.ts', '--out', folder()], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, WARD_DATA_DIR: join(folder(), 'missing') },
    }).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toContain('WARD_DATA_DIR is not a folder');
  });
});
