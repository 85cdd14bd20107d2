/**
 * Chooses where the geodata pipeline reads its wards from. `npm run data` (mode `data`):
 * 1. the folder named by the `WARD_DATA_DIR` environment variable (the user's downloads);
 * 2. the ONS Open Geography Portal, only when asked (`--download`);
 * 3. otherwise the London data committed in `geodata/london-2024`, so the default needs no network.
 * `npm run data:refresh` (mode `refresh`) rewrites that committed data from official files:
 * `WARD_DATA_DIR`, else the download when asked, else `../shared/geodata`; never silently nothing.
 */
import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  statSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { isWardLadLookupHeader } from '../src/formats/ladLookup.ts';
import { isPopulationHeader, splitCsv } from '../src/formats/population.ts';
import { detectWardColumns } from '../src/geo/wardBoundaries.ts';
import { MANIFEST_FILE } from '../src/geo/wardFile.ts';

/** The preferred boundary file: ONS Wards (May 2024) Boundaries UK BGC, cut to London. */
export const BOUNDARIES_FILE = 'london_wards_2024_bgc.geojson';
/** Census 2021 usual residents by ward, in `../shared/geodata`. */
export const POPULATION_FILE = 'census2021_ward_population_london.csv';
/** The committed London data, relative to the project root. */
export const COMMITTED_DATA_FOLDER = 'geodata/london-2024';

export interface SourceFiles {
  origin: 'WARD_DATA_DIR' | 'shared';
  dir: string;
  boundaries: string;
  population: string | null;
  lookup: string | null;
}

/** What the pipeline reads: official files in a folder, the ONS download, or the committed data. */
export type WardSource =
  | { kind: 'files'; files: SourceFiles }
  | { kind: 'download' }
  | { kind: 'committed'; dir: string };

export type BuildMode = 'data' | 'refresh';

/** A source folder that was asked for but cannot be used. */
export class SourceError extends Error {
  override name = 'SourceError';
}

/** The committed London data (`geodata/london-2024`) of a project. */
export function committedDataDir(projectRoot: string): string {
  return resolve(projectRoot, COMMITTED_DATA_FOLDER);
}

/** `../shared/geodata` relative to the project root. */
export function sharedGeodataDir(projectRoot: string): string {
  return resolve(projectRoot, '..', 'shared', 'geodata');
}

/** The first `bytes` of a file as text. */
function readHead(file: string, bytes: number): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(bytes, statSync(file).size));
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** Property names of the first feature, read from the start of the file when possible. */
export function firstFeaturePropertyNames(file: string): string[] {
  const head = readHead(file, 1 << 20);
  const features = head.indexOf('"features"');
  const match = features >= 0 ? /"properties"\s*:\s*(\{[^{}]*\})/.exec(head.slice(features)) : null;
  if (match?.[1]) {
    try {
      return Object.keys(JSON.parse(match[1]) as object);
    } catch {
      // Fall through to reading the whole file.
    }
  }
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as {
      features?: { properties?: object | null }[];
    };
    return Object.keys(parsed.features?.[0]?.properties ?? {});
  } catch {
    return [];
  }
}

/** Whether a GeoJSON file's first feature has a ward code property (`WDyyCD`). */
export function isWardBoundaryFile(file: string): boolean {
  return detectWardColumns(firstFeaturePropertyNames(file)) !== null;
}

/** The header row of a CSV file. */
export function csvHeader(file: string): string[] {
  const head = readHead(file, 64 * 1024);
  const firstLine = head.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return splitCsv(firstLine).header;
}

/**
 * The usable files of a folder: a ward boundary GeoJSON (`london_wards_2024_bgc.geojson` first,
 * else the first `*.geojson` by name whose first feature has `WDyyCD`), a population CSV
 * (`isPopulationHeader`) and a ward → LAD lookup CSV (`WDyyCD`, `LADyyCD`, `LADyyNM`).
 */
export function findInFolder(dir: string): {
  boundaries: string | null;
  population: string | null;
  lookup: string | null;
} {
  const names = readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isFile())
    .sort();
  const geojson = names.filter((name) => /\.geojson$/i.test(name));
  const preferred = geojson.find((name) => name.toLowerCase() === BOUNDARIES_FILE);
  const boundaries =
    preferred ?? geojson.find((name) => isWardBoundaryFile(join(dir, name))) ?? null;
  let population: string | null = null;
  let lookup: string | null = null;
  for (const name of names.filter((n) => /\.csv$/i.test(n))) {
    const header = csvHeader(join(dir, name));
    if (population === null && isPopulationHeader(header)) population = name;
    else if (lookup === null && isWardLadLookupHeader(header)) lookup = name;
  }
  const path = (name: string | null) => (name === null ? null : join(dir, name));
  return { boundaries: path(boundaries), population: path(population), lookup: path(lookup) };
}

/** The folder named by `WARD_DATA_DIR`, or null when it is not set. Throws `SourceError` when it
 * is not a folder holding a ward boundary GeoJSON. */
function userFolder(
  projectRoot: string,
  env: Readonly<Record<string, string | undefined>>,
): SourceFiles | null {
  const userDir = env.WARD_DATA_DIR?.trim();
  if (!userDir) return null;
  const dir = resolve(projectRoot, userDir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new SourceError(`WARD_DATA_DIR is not a folder: ${dir}`);
  }
  const found = findInFolder(dir);
  if (!found.boundaries) {
    throw new SourceError(
      `WARD_DATA_DIR (${dir}) holds no ward boundary GeoJSON: expected ${BOUNDARIES_FILE} or a ` +
        '*.geojson whose features have a WDyyCD property (e.g. WD24CD).',
    );
  }
  return { origin: 'WARD_DATA_DIR', dir, ...found, boundaries: found.boundaries };
}

/** `../shared/geodata` when it holds the London ward boundaries, else null. */
function sharedFolder(projectRoot: string): SourceFiles | null {
  const shared = sharedGeodataDir(projectRoot);
  const boundaries = join(shared, BOUNDARIES_FILE);
  if (!existsSync(boundaries)) return null;
  const population = join(shared, POPULATION_FILE);
  return {
    origin: 'shared',
    dir: shared,
    boundaries,
    population: existsSync(population) ? population : null,
    lookup: null,
  };
}

/**
 * Where to read the wards from (see the top of this file for the order). Throws `SourceError`
 * with the user's next step when the choice cannot be used.
 */
export function chooseSource(
  projectRoot: string,
  env: Readonly<Record<string, string | undefined>>,
  options: { mode: BuildMode; download: boolean },
): WardSource {
  const user = userFolder(projectRoot, env);
  if (user && options.download) {
    throw new SourceError('Choose one source: WARD_DATA_DIR or --download, not both.');
  }
  if (user) return { kind: 'files', files: user };
  if (options.download) return { kind: 'download' };
  if (options.mode === 'refresh') {
    const shared = sharedFolder(projectRoot);
    if (shared) return { kind: 'files', files: shared };
    throw new SourceError(
      `Nothing to refresh ${COMMITTED_DATA_FOLDER} from: set WARD_DATA_DIR to a folder holding ` +
        `${BOUNDARIES_FILE} and ${POPULATION_FILE}, put them in ../shared/geodata, or add ` +
        '--download to fetch the boundaries from the ONS Open Geography Portal.',
    );
  }
  const dir = committedDataDir(projectRoot);
  if (!existsSync(join(dir, MANIFEST_FILE))) {
    throw new SourceError(
      `The committed ward data is missing (${join(dir, MANIFEST_FILE)}): restore it with git, or ` +
        'set WARD_DATA_DIR to a folder of ONS ward boundaries.',
    );
  }
  return { kind: 'committed', dir };
}
