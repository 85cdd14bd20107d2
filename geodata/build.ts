/**
 * The geodata pipeline: ward boundaries and populations → `public/data/wards.topo.json`,
 * `population.csv` and `manifest.json`.
 *
 * Usage: node geodata/build.ts [--out dir] [--download] [--refresh]
 * - `npm run data`: the London data committed in `geodata/london-2024`, checked and copied (no
 *   network); `WARD_DATA_DIR` builds another area or vintage from the user's ONS files instead, and
 *   `--download` fetches London's wards from the ONS Open Geography Portal (`ONS_ARCGIS_BASE`
 *   overrides the services root).
 * - `npm run data:refresh` (`--refresh`): rebuilds the committed data from the official files, in
 *   `WARD_DATA_DIR` or `../shared/geodata` (or by `--download`).
 * The same input always writes the same bytes (no timestamps, no paths of this machine).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
import {
  type DataManifest,
  MANIFEST_FILE as MANIFEST_OUTPUT,
  POPULATION_FILE as POPULATION_OUTPUT,
  WARD_OBJECT,
  WARDS_FILE as WARDS_OUTPUT,
  type WardTopology,
} from '../src/geo/wardFile.ts';
import {
  DEFAULT_ARCGIS_BASE,
  DOWNLOAD_SOURCE,
  DownloadError,
  downloadHelp,
  downloadWardBoundaries,
} from './download.ts';
import {
  BOUNDARIES_FILE,
  type BuildMode,
  COMMITTED_DATA_FOLDER,
  chooseSource,
  committedDataDir,
  SourceError,
  type WardSource,
} from './sources.ts';

const ONS_ATTRIBUTION =
  'Source: Office for National Statistics licensed under the Open Government Licence v.3.0.';

export interface BuildOptions {
  /** The project folder (holds `geodata/london-2024`; `../shared/geodata` is looked for next to it). */
  projectRoot: string;
  /** Where the files are written: `<projectRoot>/public/data`, or the committed folder to refresh it. */
  outDir: string;
  /** `data` (the default) or `refresh`: see `chooseSource`. */
  mode?: BuildMode;
  /** Download the boundaries from the ONS Open Geography Portal (`--download`). */
  download?: boolean;
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
  /** The features read from the boundary GeoJSON; null when the committed data was copied. */
  wards: WardFeaturesResult | null;
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
  const { lookup, rowsRead, skipped } = parseWardLadLookup(
    header,
    rows.map((row) => row.cells),
  );
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
  for (const { reason, count } of report.reasons) lines.push(`  rejected ${count}: ${reason}`);
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

/** Writes the outputs (in this order), removes a stale population file, and logs the sizes. */
function writeOutputs(
  projectRoot: string,
  outDir: string,
  texts: { wards: string; population: string | null; manifest: DataManifest },
  log: (line: string) => void,
): OutputFile[] {
  mkdirSync(outDir, { recursive: true });
  const outputs: [string, string][] = [[WARDS_OUTPUT, texts.wards]];
  if (texts.population !== null) outputs.push([POPULATION_OUTPUT, texts.population]);
  else rmSync(join(outDir, POPULATION_OUTPUT), { force: true });
  outputs.push([MANIFEST_OUTPUT, `${JSON.stringify(texts.manifest, null, 2)}\n`]);
  const files: OutputFile[] = [];
  for (const [name, text] of outputs) {
    writeFileSync(join(outDir, name), text);
    files.push({
      name,
      bytes: Buffer.byteLength(text),
      gzipBytes: gzipSync(text, { level: 9 }).length,
    });
  }
  const { wardCount, vintage } = texts.manifest.boundaries;
  log(`Wrote ${wardCount} wards (${vintage}) to ${shown(projectRoot, outDir)}:`);
  for (const file of files) log(`  ${file.name}: ${kB(file.bytes)} (${kB(file.gzipBytes)} gzip)`);
  return files;
}

/** The committed data's files, read and checked against its manifest. */
function readCommittedData(
  projectRoot: string,
  dir: string,
): { manifest: DataManifest; wards: string; population: string | null; wardCodes: Set<string> } {
  const restore = `restore ${COMMITTED_DATA_FOLDER} with git, or rebuild it with npm run data:refresh`;
  const read = (name: string) => {
    try {
      return readFileSync(join(dir, name), 'utf8');
    } catch (error) {
      throw new BuildError(
        `Cannot read the committed ${name}: ${(error as Error).message}; ${restore}.`,
      );
    }
  };
  let manifest: DataManifest;
  let topology: WardTopology;
  const wards = read(WARDS_OUTPUT);
  try {
    manifest = JSON.parse(read(MANIFEST_OUTPUT)) as DataManifest;
    topology = JSON.parse(wards) as WardTopology;
  } catch (error) {
    throw new BuildError(
      `The committed data is not valid JSON (${(error as Error).message}); ${restore}.`,
    );
  }
  const geometries = topology.objects?.[WARD_OBJECT]?.geometries ?? [];
  if (topology.type !== 'Topology' || geometries.length !== manifest.boundaries?.wardCount) {
    throw new BuildError(
      `The committed ${shown(projectRoot, join(dir, WARDS_OUTPUT))} holds ${geometries.length} wards where its manifest says ${manifest.boundaries?.wardCount}; ${restore}.`,
    );
  }
  const population = manifest.population ? read(POPULATION_OUTPUT) : null;
  return { manifest, wards, population, wardCodes: new Set(geometries.map((g) => String(g.id))) };
}

/** `npm run data` by default: the committed London data, checked, copied byte for byte. */
function installCommittedData(
  projectRoot: string,
  dir: string,
  outDir: string,
  log: (line: string) => void,
): { manifest: DataManifest; files: OutputFile[] } {
  const committed = readCommittedData(projectRoot, dir);
  const { boundaries, population } = committed.manifest;
  log(
    `Wards: ${shown(projectRoot, dir)} (committed): ${boundaries.source}, ${boundaries.wardCount} wards (${boundaries.vintage})`,
  );
  if (committed.population !== null && population) {
    const result = parsePopulationCsv(POPULATION_OUTPUT, committed.population);
    if (result.report.rejectedCount > 0 || result.populations.size === 0) {
      throw new BuildError(
        `The committed ${POPULATION_OUTPUT} has ${result.report.rejectedCount} rejected rows; restore ${COMMITTED_DATA_FOLDER} with git.`,
      );
    }
    log(`Population: ${population.source}`);
    for (const line of describePopulation(result, committed.wardCodes).slice(1)) log(line);
  }
  const files = writeOutputs(projectRoot, outDir, committed, log);
  return { manifest: committed.manifest, files };
}

/** Reads the boundary GeoJSON (and lookup) of a source folder, or downloads London's. */
async function readBoundaries(
  projectRoot: string,
  source: Exclude<WardSource, { kind: 'committed' }>,
  options: BuildOptions,
  log: (line: string) => void,
): Promise<{ input: unknown; lookup?: WardLadLookup; sourceName: string | null }> {
  const env = options.env ?? {};
  if (source.kind === 'files') {
    const { files } = source;
    const origin = files.origin === 'WARD_DATA_DIR' ? 'WARD_DATA_DIR' : '../shared/geodata';
    log(`Boundaries: ${shown(projectRoot, files.boundaries)} (from ${origin})`);
    let input: unknown;
    try {
      input = JSON.parse(readFileSync(files.boundaries, 'utf8'));
    } catch (error) {
      throw new BuildError(`Cannot read ${files.boundaries} as JSON: ${(error as Error).message}`);
    }
    const lookup = files.lookup ? readLookup(files.lookup, log) : undefined;
    return { input, lookup, sourceName: null };
  }
  try {
    const downloaded = await downloadWardBoundaries({
      baseUrl: env.ONS_ARCGIS_BASE || DEFAULT_ARCGIS_BASE,
      fetchImpl: options.fetchImpl,
      log,
    });
    return {
      input: downloaded.collection,
      sourceName: `${DOWNLOAD_SOURCE} (Open Geography Portal)`,
    };
  } catch (error) {
    if (error instanceof DownloadError) throw new BuildError(downloadHelp(error.message));
    throw error;
  }
}

/** The population for the wards: the source folder's file, or for downloaded London wards the
 * committed Census 2021 population (the portal has boundaries only). */
function readPopulation(
  projectRoot: string,
  source: Exclude<WardSource, { kind: 'committed' }>,
  wardCodes: ReadonlySet<string>,
  env: Readonly<Record<string, string | undefined>>,
  log: (line: string) => void,
): { csv: string; entry: NonNullable<DataManifest['population']> } | null {
  if (source.kind === 'download') {
    const dir = committedDataDir(projectRoot);
    if (!existsSync(join(dir, MANIFEST_OUTPUT))) return null;
    const committed = readCommittedData(projectRoot, dir);
    if (committed.population === null || !committed.manifest.population) return null;
    log(
      `Population: ${committed.manifest.population.source} (committed in ${COMMITTED_DATA_FOLDER})`,
    );
    return { csv: committed.population, entry: committed.manifest.population };
  }
  const file = source.files.population;
  if (!file) return null;
  const fileName = basename(file);
  const result = parsePopulationCsv(fileName, readFileSync(file, 'utf8'));
  for (const line of describePopulation(result, wardCodes)) log(line);
  if (result.populations.size === 0) return null;
  const year = populationYear(fileName, env, log);
  return {
    csv: formatPopulationCsv(result.populations),
    entry: {
      file: POPULATION_OUTPUT,
      source: `${year === 2021 ? 'Census 2021 usual residents' : 'Ward population'} (${fileName})`,
      year,
      attribution: ONS_ATTRIBUTION,
    },
  };
}

/** Runs the pipeline. Throws `BuildError` (with the user's next step) when it cannot. */
export async function buildWardData(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const env = options.env ?? {};
  const log = options.log ?? (() => {});
  const { projectRoot, outDir } = options;

  let source: WardSource;
  try {
    source = chooseSource(projectRoot, env, {
      mode: options.mode ?? 'data',
      download: options.download ?? false,
    });
  } catch (error) {
    if (error instanceof SourceError) throw new BuildError(error.message);
    throw error;
  }
  const done = (result: Omit<BuildResult, 'milliseconds'>): BuildResult => {
    const milliseconds = performance.now() - started;
    log(`Done in ${(milliseconds / 1000).toFixed(2)} s`);
    return { ...result, milliseconds };
  };
  if (source.kind === 'committed') {
    return done({ ...installCommittedData(projectRoot, source.dir, outDir, log), wards: null });
  }

  const { input, lookup, sourceName } = await readBoundaries(projectRoot, source, options, log);
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
  const wardCodes = new Set(wards.features.map((w) => w.code));
  const population = readPopulation(projectRoot, source, wardCodes, env, log);
  if (!population) {
    log('No population file: rates per 1,000 residents will be unavailable (counts only).');
  }

  const boundariesFile = source.kind === 'files' ? basename(source.files.boundaries) : '';
  const manifest: DataManifest = {
    boundaries: {
      file: WARDS_OUTPUT,
      source: sourceName ?? boundarySourceName(boundariesFile, vintage),
      vintage,
      wardCount: topology.objects.wards.geometries.length,
      attribution: boundaryAttribution(vintage),
    },
    population: population?.entry ?? null,
  };
  const files = writeOutputs(
    projectRoot,
    outDir,
    { wards: JSON.stringify(topology), population: population?.csv ?? null, manifest },
    log,
  );
  return done({ manifest, files, wards });
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
  const mode: BuildMode = argv.includes('--refresh') ? 'refresh' : 'data';
  const out = outArgument(argv) ?? (mode === 'refresh' ? COMMITTED_DATA_FOLDER : 'public/data');
  try {
    await buildWardData({
      projectRoot,
      outDir: resolve(projectRoot, out),
      mode,
      download: argv.includes('--download'),
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
