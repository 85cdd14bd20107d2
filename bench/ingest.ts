/**
 * Ingest speed on the all-London native file (bench/generate.ts), three ways:
 * - ingest_mb_per_s: the app's own path, readCsv as the worker runs it, reading the file from
 *   disk a chunk at a time into an OffenceCube;
 * - papaparse_mb_per_s: PapaParse streaming the same file with `chunk`, rows only counted;
 *   papaparse_reader_mb_per_s: the same rows through NativeOffencesReader (the reference path);
 * - duckdb_ingest_mb_per_s: DuckDB's read_csv + GROUP BY building the same aggregate.
 * Each is the best of a few runs (the machine is shared: the best run is the one least disturbed),
 * with every run's figure kept for the report. MB are 10^6 bytes of the file.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import Papa from 'papaparse';
import { RejectionLog } from '../src/data/report.ts';
import type { ByteSource } from '../src/formats/byteSource.ts';
import { NativeOffencesReader } from '../src/formats/nativeOffences.ts';
import { type ParsedFile, readCsv } from '../src/formats/readFile.ts';
import { type WardIdentity, WardLookup } from '../src/geo/wardLookup.ts';

export type OffencesFile = Extract<ParsedFile, { kind: 'offences' }>;

/** MB/s of each run, best first. */
export interface Speeds {
  best: number;
  samples: number[];
}

function speeds(samples: number[]): Speeds {
  return { best: Math.max(...samples), samples };
}

/** A file on disk read a chunk at a time, as a browser reads a File in the worker. */
export async function diskSource(file: string): Promise<ByteSource & { close(): Promise<void> }> {
  const handle = await open(file);
  const { size } = await handle.stat();
  return {
    size,
    read: async (start, end) => {
      const bytes = new Uint8Array(Math.max(0, Math.min(end, size) - start));
      const { bytesRead } = await handle.read(bytes, 0, bytes.length, start);
      return bytes.subarray(0, bytesRead);
    },
    close: () => handle.close(),
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function seconds(since: number): number {
  return (performance.now() - since) / 1000;
}

/** The app's ingest of the file; the last run's result is returned for the other figures. */
export async function appIngest(
  file: string,
  wards: readonly WardIdentity[],
  runs = 5,
): Promise<Speeds & { parsed: OffencesFile }> {
  const samples: number[] = [];
  let parsed: ParsedFile | null = null;
  for (let run = 0; run < runs; run += 1) {
    parsed = null; // let the previous cube go before the next one is built
    const source = await diskSource(file);
    const started = performance.now();
    parsed = await readCsv(source, { fileName: 'london.csv', lookup: new WardLookup(wards) })
      .result;
    samples.push(source.size / 1e6 / seconds(started));
    await source.close();
  }
  if (parsed?.kind !== 'offences') throw new Error(`the bench file read as ${parsed?.kind}`);
  return { ...speeds(samples), parsed };
}

/** PapaParse streaming the file with `chunk`; each row goes to `onRow` (header included). */
function papaStream(file: string, onRow: (cells: string[]) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    Papa.parse<string[]>(createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 22 }), {
      chunk: (results) => {
        for (const cells of results.data) onRow(cells);
      },
      complete: () => resolve(),
      error: reject,
    });
  });
}

export async function papaparseIngest(file: string, size: number, runs = 2): Promise<Speeds> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    let rows = 0;
    const started = performance.now();
    await papaStream(file, () => {
      rows += 1;
    });
    if (rows < 2) throw new Error('PapaParse read no rows');
    samples.push(size / 1e6 / seconds(started));
  }
  return speeds(samples);
}

/** PapaParse rows into the reference reader: the app's path before the fast reader. */
export async function papaparseReaderIngest(
  file: string,
  size: number,
  wards: readonly WardIdentity[],
  runs = 2,
): Promise<Speeds> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    let reader: NativeOffencesReader | null = null;
    let row = 1;
    const lookup = new WardLookup(wards);
    const started = performance.now();
    await papaStream(file, (cells) => {
      if (reader === null)
        reader = new NativeOffencesReader(cells, { lookup, log: new RejectionLog() });
      else {
        row += 1;
        reader.readRow(cells, row);
      }
    });
    (reader as NativeOffencesReader | null)?.builder.build();
    samples.push(size / 1e6 / seconds(started));
  }
  return speeds(samples);
}

/** SQL text of a string literal. */
export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

export const CSV_COLUMNS =
  "{'ward_code': 'VARCHAR', 'theme': 'VARCHAR', 'month': 'VARCHAR', 'weekday': 'VARCHAR', 'hour': 'TINYINT', 'count': 'INTEGER'}";

export async function duckdbIngest(file: string, size: number, runs = 3): Promise<Speeds> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const samples: number[] = [];
  try {
    for (let run = 0; run < runs; run += 1) {
      const started = performance.now();
      await connection.run(
        `CREATE OR REPLACE TABLE aggregate AS
         SELECT theme, month, ward_code, weekday, hour, sum(count) AS count
         FROM read_csv(${sqlString(file)}, header = true, columns = ${CSV_COLUMNS})
         GROUP BY ALL`,
      );
      samples.push(size / 1e6 / seconds(started));
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return speeds(samples);
}
