/**
 * Reads one data file, detecting its format from the header row. Pure streaming code with no
 * DOM or worker API of its own, so the worker and the tests run the same path.
 */
import Papa from 'papaparse';
import type { WardLookup } from '../geo/wardLookup.ts';
import type { OffenceCube } from './cube.ts';
import type { OffencePoints } from './dataset.ts';
import type { OffenceFormat, OffenceReader } from './formats/offenceFormat.ts';
import { OFFENCE_FORMATS } from './formats/offenceFormats.ts';
import {
  isPopulationHeader,
  POPULATION_FORMAT,
  parsePopulationRows,
} from './formats/population.ts';
import type { WardPopulation } from './population.ts';
import { type LoadReport, RejectionLog } from './report.ts';
import { type ThemeInfo, themeInfo } from './themes.ts';

export type ParsedFile =
  | {
      kind: 'offences';
      cube: OffenceCube;
      themes: ThemeInfo[];
      points: OffencePoints | null;
      report: LoadReport;
    }
  | { kind: 'population'; populations: Map<string, WardPopulation>; report: LoadReport }
  | { kind: 'unrecognised'; fileName: string; message: string };

/** What each known format needs, for the message about a file that matches none. */
export function knownFormats(): { name: string; columns: string }[] {
  return [
    ...OFFENCE_FORMATS.map(({ name, columns }) => ({ name, columns })),
    { name: POPULATION_FORMAT, columns: 'ward_code, population; optional population_10_24' },
  ];
}

export function unrecognisedMessage(header: readonly string[]): string {
  const seen = header.length > 0 ? header.map((name) => `"${name}"`).join(', ') : 'no columns';
  const expected = knownFormats()
    .map((format) => `${format.name}: ${format.columns}`)
    .join('; ');
  return `The columns of this file (${seen}) match no known format. Expected: ${expected}.`;
}

export interface ReadOptions {
  fileName: string;
  lookup: WardLookup;
  /** Ward code of a point; files with coordinates need it. */
  locate?: (longitude: number, latitude: number) => string | null;
  /** Text encoding of a File source (see detectEncoding). */
  encoding?: string;
  /** Called with the share of the file read, 0 to 1. */
  onProgress?: (fraction: number) => void;
  /** Bytes per chunk handed over by the CSV parser. */
  chunkSize?: number;
}

/** A read in progress; `abort` stops it between chunks and `result` then holds what was read. */
export interface FileReading {
  result: Promise<ParsedFile>;
  abort(): void;
}

/** UTF-8 (with or without BOM) when the bytes decode as UTF-8, otherwise Windows-1252 (Excel's
 * "CSV" on Windows). */
export function detectEncoding(sample: Uint8Array): 'utf-8' | 'windows-1252' {
  try {
    // Streaming mode: a character cut at the end of the sample is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

interface FormatSink {
  readRow(cells: readonly string[], row: number): void;
  finish(rowsRead: number, aborted: boolean): ParsedFile;
}

function offenceSink(
  format: OffenceFormat,
  header: readonly string[],
  options: ReadOptions,
): FormatSink {
  const log = new RejectionLog();
  const reader: OffenceReader = format.createReader(header, {
    lookup: options.lookup,
    log,
    locate: options.locate ?? (() => null),
  });
  return {
    readRow: (cells, row) => reader.readRow(cells, row),
    finish: (rowsRead, aborted) => {
      const result = reader.finish();
      const cube = reader.builder.build();
      const described = new Map(result.themes.map((info) => [info.id, info]));
      const notes = [...result.notes];
      if (aborted)
        notes.push('Loading was cancelled: only the rows read before cancelling are shown.');
      return {
        kind: 'offences',
        cube,
        themes: cube.themes.map((id) => described.get(id) ?? themeInfo(id)),
        points: result.points,
        report: {
          fileName: options.fileName,
          format: format.name,
          rowsRead,
          rowsLoaded: reader.rowsLoaded,
          rejectedCount: log.count,
          rejected: log.rejected,
          rejectedByReason: log.byReason,
          notes,
        },
      };
    },
  };
}

function populationSink(header: readonly string[], options: ReadOptions): FormatSink {
  const rows: string[][] = [];
  return {
    readRow: (cells) => {
      rows.push([...cells]);
    },
    finish: () => ({ kind: 'population', ...parsePopulationRows(options.fileName, header, rows) }),
  };
}

function sinkFor(header: readonly string[], options: ReadOptions): FormatSink | null {
  const format = OFFENCE_FORMATS.find((candidate) => candidate.matches(header));
  if (format) return offenceSink(format, header, options);
  if (isPopulationHeader(header)) return populationSink(header, options);
  return null;
}

export function readCsv(source: string | File, options: ReadOptions): FileReading {
  let aborted = false;
  let parser: Papa.Parser | null = null;
  const totalBytes = typeof source === 'string' ? source.length : source.size;

  const result = new Promise<ParsedFile>((resolve, reject) => {
    let sink: FormatSink | null = null;
    let unrecognised: ParsedFile | null = null;
    let rowNumber = 1;
    let rowsRead = 0;

    const config = {
      chunkSize: options.chunkSize ?? 1 << 22,
      ...(options.encoding ? { encoding: options.encoding } : {}),
      chunk: (results: Papa.ParseResult<string[]>, chunkParser: Papa.Parser) => {
        parser = chunkParser;
        for (const cells of results.data) {
          if (sink === null) {
            const header = cells.map((name: string, index: number) =>
              index === 0 ? name.replace(/^\uFEFF/, '') : name,
            );
            sink = sinkFor(header, options);
            if (!sink) {
              unrecognised = {
                kind: 'unrecognised',
                fileName: options.fileName,
                message: unrecognisedMessage(header),
              };
              chunkParser.abort();
              return;
            }
            continue;
          }
          rowNumber += 1;
          if (isBlankRow(cells)) continue;
          rowsRead += 1;
          sink.readRow(cells, rowNumber);
        }
        if (aborted) chunkParser.abort();
        options.onProgress?.(Math.min(1, results.meta.cursor / Math.max(1, totalBytes)));
      },
      complete: () => {
        if (unrecognised) return resolve(unrecognised);
        if (!sink)
          return resolve({
            kind: 'unrecognised',
            fileName: options.fileName,
            message: 'The file is empty.',
          });
        options.onProgress?.(1);
        try {
          resolve(sink.finish(rowsRead, aborted));
        } catch (error) {
          reject(error);
        }
      },
      error: (error: Error) => reject(error),
    };
    if (typeof source === 'string') Papa.parse<string[]>(source, { ...config, worker: false });
    else Papa.parse<string[], File>(source, config);
  });

  return {
    result,
    abort: () => {
      aborted = true;
      parser?.abort();
    },
  };
}
