/**
 * The geodata pipeline: ONS ward boundaries (any vintage) → `public/data/wards.topo.json`,
 * `population.csv` and `manifest.json`.
 *
 * Usage: node geodata/build.ts [--out dir]
 * Sources: `WARD_DATA_DIR`, else `../shared/geodata`, else a download from the ONS Open Geography
 * Portal (`ONS_ARCGIS_BASE` overrides the services root). The same input always writes the same
 * bytes (no timestamps).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parseWardLadLookup } from '../src/formats/ladLookup.ts';
import {
  formatPopulationCsv,
  type PopulationResult,
  parsePopulationCsv,
  splitCsv,
} from '../src/formats/population.ts';
import {
  buildWardTopology,
  DEFAULT_QUANTIZATION,
  describeWardFeatures,
  readWardFeatures,
  type WardFeaturesResult,
  type WardLadLookup,
} from '../src/geo/wardBoundaries.ts';
import type { DataManifest } from '../src/geo/wardFile.ts';
import {
  MANIFEST_FILE as MANIFEST_OUTPUT,
  POPULATION_FILE as POPULATION_OUTPUT,
  WARDS_FILE as WARDS_OUTPUT,
} from '../src/geo/wardFile.ts';
import {
  DEFAULT_ARCGIS_BASE,
  DOWNLOAD_SOURCE,
  DownloadError,
  downloadHelp,
  downloadWardBoundaries,
} from './download.ts';
import { BOUNDARIES_FILE, findSources, SourceError, type SourceFiles } from './sources.ts';

const ONS_ATTRIBUTION =
  'Source: Office for National Statistics licensed under the Open Government Licence v.3.0.';

export interface BuildOptions {
  /** The project folder (`../shared/geodata` is looked for next to it). */
  projectRoot: string;
  /** Where the files are written, normally `<projectRoot>/public/data`. */
  outDir: string;
  env?: Readonly<Record<string, string | undefined>>;
  log?: (line: string) => void;
  fetchImpl?: typeof fetch;
  quantization?: number;
}

export interface OutputFile {
  name: string;
  bytes: number;
  gzipBytes: number;
}

export interface BuildResult {
  manifest: DataManifest;
  files: OutputFile[];
  wards: WardFeaturesResult;
  milliseconds: number;
}

/** A build that cannot produce a ward file; the message says what the user should do. */
export class BuildError extends Error {
  override name = 'BuildError';
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/** `path` relative to the project when inside it, for messages only (never written to files). */
function shown(projectRoot: string, path: string): string {
  const rel = relative(projectRoot, path);
  return rel.startsWith('..') ? path : rel;
}

function boundarySourceName(fileName: string, vintage: string): string {
  if (fileName.toLowerCase() === BOUNDARIES_FILE) return `${DOWNLOAD_SOURCE} (London wards)`;
  return `ONS ward boundaries ${vintage} (${fileName})`;
}

function boundaryAttribution(vintage: string): string {
  const year = `20${vintage.slice(2, 4)}`;
  return `${ONS_ATTRIBUTION} Contains OS data © Crown copyright and database right ${year}.`;
}

function populationYear(
  fileName: string,
  env: Readonly<Record<string, string | undefined>>,
  log: (line: string) => void,
): number {
  const fromEnv = Number(env.POPULATION_YEAR);
  if (env.POPULATION_YEAR && Number.isInteger(fromEnv)) return fromEnv;
  const match = /(?:19|20)\d{2}/.exec(fileName);
  if (match) return Number(match[0]);
  log(`  No year in the population file name: assuming 2021 (set POPULATION_YEAR to change it).`);
  return 2021;
}

function readLookup(file: string, log: (line: string) => void): WardLadLookup {
  const { header, rows } = splitCsv(readFileSync(file, 'utf8'));
  const { lookup, rowsRead, skipped } = parseWardLadLookup(header, rows);
  log(
    `Lookup ${basename(file)}: ${lookup.size} wards from ${rowsRead} rows` +
      (skipped > 0 ? ` (${skipped} rows skipped: empty or conflicting)` : ''),
  );
  return lookup;
}

function describePopulation(result: PopulationResult, wardCodes: ReadonlySet<string>): string[] {
  const { report, populations } = result;
  const lines = [
    `Population ${report.fileName}: ${report.rowsLoaded} of ${report.rowsRead} rows loaded, ${report.rejectedCount} rejected`,
  ];
  for (const [reason, count] of Object.entries(report.rejectedByReason)) {
    lines.push(`  rejected ${count}: ${reason}`);
  }
  for (const { row, reason } of report.rejected.slice(0, 10)) lines.push(`  row ${row}: ${reason}`);
  for (const note of report.notes) lines.push(`  ${note}`);
  const covered = [...wardCodes].filter((code) => populations.has(code)).length;
  const unknown = [...populations.keys()].filter((code) => !wardCodes.has(code));
  lines.push(`  ${covered} of ${wardCodes.size} wards have a population`);
  if (unknown.length > 0) {
    const examples = unknown.slice(0, 5).join(', ');
    lines.push(
      `  ${unknown.length} codes are not wards of the boundary file (${examples}${unknown.length > 5 ? ', ...' : ''})`,
    );
  }
  return lines;
}

/** Runs the pipeline. Throws `BuildError` (with the user's next step) when it cannot. */
export async function buildWardData(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const env = options.env ?? {};
  const log = options.log ?? (() => {});
  const { projectRoot, outDir } = options;

  let sources: SourceFiles | null;
  try {
    sources = findSources(projectRoot, env);
  } catch (error) {
    if (error instanceof SourceError) throw new BuildError(error.message);
    throw error;
  }

  let input: unknown;
  let lookup: WardLadLookup | undefined;
  let sourceName: string | null = null;
  if (sources) {
    const origin = sources.origin === 'WARD_DATA_DIR' ? 'WARD_DATA_DIR' : '../shared/geodata';
    log(`Boundaries: ${shown(projectRoot, sources.boundaries)} (from ${origin})`);
    try {
      input = JSON.parse(readFileSync(sources.boundaries, 'utf8'));
    } catch (error) {
      throw new BuildError(
        `Cannot read ${sources.boundaries} as JSON: ${(error as Error).message}`,
      );
    }
    if (sources.lookup) lookup = readLookup(sources.lookup, log);
  } else {
    log('No local ward files (WARD_DATA_DIR is not set and ../shared/geodata is absent).');
    try {
      const downloaded = await downloadWardBoundaries({
        baseUrl: env.ONS_ARCGIS_BASE || DEFAULT_ARCGIS_BASE,
        fetchImpl: options.fetchImpl,
        log,
      });
      input = downloaded.collection;
      sourceName = `${DOWNLOAD_SOURCE} (Open Geography Portal)`;
    } catch (error) {
      if (error instanceof DownloadError) throw new BuildError(downloadHelp(error.message));
      throw error;
    }
  }

  let wards: WardFeaturesResult;
  try {
    wards = readWardFeatures(input, { lookup });
  } catch (error) {
    throw new BuildError(`The boundary file cannot be used: ${(error as Error).message}`);
  }
  for (const line of describeWardFeatures(wards)) log(line);
  if (wards.features.length === 0) {
    throw new BuildError('No valid ward features: nothing to write.');
  }
  const topology = buildWardTopology(wards.features, {
    quantization: options.quantization ?? DEFAULT_QUANTIZATION,
  });
  const vintage = wards.columns.vintage;

  let populationCsv: string | null = null;
  let population: DataManifest['population'] = null;
  if (sources?.population) {
    const fileName = basename(sources.population);
    const result = parsePopulationCsv(fileName, readFileSync(sources.population, 'utf8'));
    for (const line of describePopulation(result, new Set(wards.features.map((w) => w.code)))) {
      log(line);
    }
    if (result.populations.size > 0) {
      populationCsv = formatPopulationCsv(result.populations);
      const year = populationYear(fileName, env, log);
      population = {
        file: POPULATION_OUTPUT,
        source: `${year === 2021 ? 'Census 2021 usual residents' : 'Ward population'} (${fileName})`,
        year,
        attribution: ONS_ATTRIBUTION,
      };
    }
  }
  if (!population) {
    log('No population file: rates per 1,000 residents will be unavailable (counts only).');
  }

  const manifest: DataManifest = {
    boundaries: {
      file: WARDS_OUTPUT,
      source: sourceName ?? boundarySourceName(basename(sources?.boundaries ?? ''), vintage),
      vintage,
      wardCount: topology.objects.wards.geometries.length,
      attribution: boundaryAttribution(vintage),
    },
    population,
  };

  mkdirSync(outDir, { recursive: true });
  const outputs: [string, string][] = [[WARDS_OUTPUT, JSON.stringify(topology)]];
  if (populationCsv !== null) outputs.push([POPULATION_OUTPUT, populationCsv]);
  else rmSync(join(outDir, POPULATION_OUTPUT), { force: true });
  outputs.push([MANIFEST_OUTPUT, `${JSON.stringify(manifest, null, 2)}\n`]);
  const files: OutputFile[] = [];
  for (const [name, text] of outputs) {
    writeFileSync(join(outDir, name), text);
    files.push({
      name,
      bytes: Buffer.byteLength(text),
      gzipBytes: gzipSync(text, { level: 9 }).length,
    });
  }
  const milliseconds = performance.now() - started;
  log(
    `Wrote ${manifest.boundaries.wardCount} wards (${vintage}) to ${shown(projectRoot, outDir)}:`,
  );
  for (const file of files) log(`  ${file.name}: ${kB(file.bytes)} (${kB(file.gzipBytes)} gzip)`);
  log(`Done in ${(milliseconds / 1000).toFixed(2)} s`);
  return { manifest, files, wards, milliseconds };
}

function outArgument(argv: readonly string[]): string | undefined {
  const at = argv.indexOf('--out');
  if (at >= 0) return argv[at + 1];
  return argv.find((arg) => arg.startsWith('--out='))?.slice('--out='.length);
}

/** The CLI: returns the exit code. */
export async function main(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..'),
): Promise<number> {
  const out = outArgument(argv);
  try {
    await buildWardData({
      projectRoot,
      outDir: resolve(projectRoot, out ?? 'public/data'),
      env,
      log: (line) => console.log(line),
    });
    return 0;
  } catch (error) {
    if (error instanceof BuildError) {
      console.error(`\ngeodata: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2), process.env);
}
