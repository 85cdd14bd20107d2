/**
 * The data-scale figures of the data issue, on all of London: ingest, filter and memory against
 * PapaParse and DuckDB, saving and opening it as a workspace, and point-in-polygon when
 * bench/pip.ts is there. bench/run.ts prints them with the first-paint figures;
 * `node bench/london.ts` prints them alone.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { datasetOf, duckdbFilterTimes, filterTimes, londonWards, viewChanges } from './filter.ts';
import { londonFile } from './generate.ts';
import {
  appIngest,
  duckdbIngest,
  papaparseIngest,
  papaparseReaderIngest,
  type Speeds,
} from './ingest.ts';
import { workspaceFigures } from './workspace.ts';

const root = path.resolve(import.meta.dirname, '..');

export const TARGETS = {
  filterMs: 10,
  heapMb: 250,
  pipPointsPerS: 1_000_000,
};

export interface Figures {
  /** `name: value` lines, in order. */
  figures: [string, number | string][];
  /** `# ...` lines: samples, how things were measured, targets met or missed. */
  comments: string[];
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

const verdict = (met: boolean) => (met ? 'met' : 'MISSED');

interface MemoryFigures {
  heapMb: number;
  peakRssMb: number;
  baseRssMb: number;
  rows: number;
}

/** Memory in a process of its own, so that nothing else the bench did is counted. */
function memoryFigures(file: string): MemoryFigures {
  const result = spawnSync(process.execPath, ['--expose-gc', 'bench/memory.ts', file], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`bench/memory.ts failed (${result.status})`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as MemoryFigures;
}

type PipModule = { pipFigures: () => Record<string, number> };

export async function londonFigures(): Promise<Figures> {
  const figures: Figures['figures'] = [];
  const comments: string[] = [];
  const round = (value: number, digits = 0) => Number(value.toFixed(digits));

  log('all-London native file (generated once, reused)');
  const file = londonFile();
  const mb = file.bytes / 1e6;
  const wards = londonWards();

  log('ingest: the app (readCsv from disk, as the worker reads a File)');
  const ours = await appIngest(file.path, wards.wards);
  log('ingest: PapaParse alone, then into the reference reader');
  const papaparse = await papaparseIngest(file.path, file.bytes);
  const papaparseReader = await papaparseReaderIngest(file.path, file.bytes, wards.wards);
  log('ingest: DuckDB read_csv + GROUP BY');
  const duckdb = await duckdbIngest(file.path, file.bytes);
  figures.push(
    ['ingest_mb_per_s', round(ours.best)],
    ['papaparse_mb_per_s', round(papaparse.best)],
    ['papaparse_reader_mb_per_s', round(papaparseReader.best)],
    ['duckdb_ingest_mb_per_s', round(duckdb.best)],
  );
  const samples = (runs: Speeds) => runs.samples.map((value) => value.toFixed(0)).join(' ');
  comments.push(
    `# ingest: ${path.relative(root, file.path)}, ${mb.toFixed(1)} MB, ${file.parameters.rows.toLocaleString('en-GB')} rows, ${file.wardCodes.length} wards, ${file.parameters.themes.length} themes, ${file.parameters.months} months; MB = 10^6 bytes; best of each run's MB/s:`,
    `#   app ${samples(ours)} (first cold; ${ours.parsed.report.rowsLoaded.toLocaleString('en-GB')} rows loaded), PapaParse ${samples(papaparse)}, PapaParse + reader ${samples(papaparseReader)}, DuckDB ${samples(duckdb)}`,
  );

  log('filter: computeAreaFigures for All of London, then DuckDB');
  const dataset = datasetOf(ours.parsed);
  const views = viewChanges(dataset, 50);
  const filter = filterTimes(dataset, wards, views);
  const duckdbFilter = await duckdbFilterTimes(file.path, dataset, views);
  figures.push(
    ['filter_ms_median', round(filter.msMedian, 2)],
    ['duckdb_ms_median', round(duckdbFilter.msMedian, 2)],
  );
  comments.push(
    `# filter: ${views.length} changes of theme, period or hours on all ${wards.wards.length} wards of London (map values, ranks, classes and heatmap); ` +
      `max ${Math.max(...filter.samples).toFixed(2)} ms, DuckDB max ${Math.max(...duckdbFilter.samples).toFixed(2)} ms`,
  );

  log('workspace: save and open the all-London cube (bench/workspace.ts)');
  const workspace = await workspaceFigures(dataset);
  figures.push(...workspace.figures);
  comments.push(...workspace.comments);

  log('memory: loading the file in a process of its own');
  const memory = memoryFigures(file.path);
  figures.push(['heap_mb', round(memory.heapMb)]);
  comments.push(
    `# heap_mb: heapUsed + arrayBuffers after GC with the ${memory.rows.toLocaleString('en-GB')}-row cube held; ` +
      `resident memory ${memory.baseRssMb.toFixed(0)} MB before loading, ${memory.peakRssMb.toFixed(0)} MB at its peak`,
  );

  const pipFile = path.join(root, 'bench/pip.ts');
  let pip: Record<string, number> | null = null;
  if (existsSync(pipFile)) {
    log('point in polygon (bench/pip.ts)');
    // Imported by path: the point-in-polygon bench is its own module and may be absent.
    const module = (await import(pathToFileURL(pipFile).href)) as PipModule;
    pip = module.pipFigures();
    for (const [name, value] of Object.entries(pip)) figures.push([name, value]);
  } else comments.push('# pip_points_per_s: skipped, bench/pip.ts is not there');

  const pipPerS = pip?.pip_points_per_s;
  comments.push(
    `# targets: ingest_mb_per_s >= duckdb_ingest_mb_per_s (${verdict(ours.best >= duckdb.best)}), ` +
      `filter_ms_median <= ${TARGETS.filterMs} (${verdict(filter.msMedian <= TARGETS.filterMs)}), ` +
      `filter_ms_median <= duckdb_ms_median / 2 (${verdict(filter.msMedian <= duckdbFilter.msMedian / 2)}), ` +
      `heap_mb <= ${TARGETS.heapMb} (${verdict(memory.heapMb <= TARGETS.heapMb)})` +
      (pipPerS === undefined
        ? ''
        : `, pip_points_per_s >= ${TARGETS.pipPointsPerS} (${verdict(pipPerS >= TARGETS.pipPointsPerS)})`),
  );
  return { figures, comments };
}

if (process.argv[1] === import.meta.filename) {
  const { figures, comments } = await londonFigures();
  for (const [name, value] of figures) console.log(`${name}: ${value}`);
  for (const comment of comments) console.log(comment);
}
