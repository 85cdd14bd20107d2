/**
 * Reads one data file, detecting its format from the header row. Pure streaming code with no
 * DOM or worker API of its own, so the worker and the tests run the same path.
 */
import Papa from 'papaparse';
import type { WardLookup } from '../geo/wardLookup.ts';
import { CubeBuilder, type OffenceCube } from './cube.ts';
import {
  isNativeOffencesHeader,
  NATIVE_OFFENCES_COLUMNS,
  NATIVE_OFFENCES_FORMAT,
  NativeOffencesReader,
} from './formats/nativeOffences.ts';
import { isPopulationHeader, parsePopulationRows } from './formats/population.ts';
import type { WardPopulation } from './population.ts';
import { type LoadReport, RejectionLog } from './report.ts';

export type ParsedFile =
  | { kind: 'offences'; cube: OffenceCube; report: LoadReport }
  | { kind: 'population'; populations: Map<string, WardPopulation>; report: LoadReport }
  | { kind: 'unrecognised'; fileName: string; message: string };

/** What each known format needs, for the message about a file that matches none. */
export const KNOWN_FORMATS: readonly { name: string; columns: string }[] = [
  { name: NATIVE_OFFENCES_FORMAT, columns: NATIVE_OFFENCES_COLUMNS },
  { name: 'Ward population', columns: 'ward_code, population; optional population_10_24' },
];

export function unrecognisedMessage(header: readonly string[]): string {
  const seen = header.length > 0 ? header.map((name) => `"${name}"`).join(', ') : 'no columns';
  const expected = KNOWN_FORMATS.map((format) => `${format.name}: ${format.columns}`).join('; ');
  return `The columns of this file (${seen}) match no known format. Expected: ${expected}.`;
}

export interface ReadOptions {
  fileName: string;
  lookup: WardLookup;
  /** Called with the share of the file read, 0 to 1. */
  onProgress?: (fraction: number) => void;
  /** Rows per chunk handed over by the CSV parser. */
  chunkSize?: number;
}

/** A parser that can be stopped between chunks; `read` resolves with what was read by then. */
export interface FileReading {
  result: Promise<ParsedFile>;
  abort(): void;
}

type RowSink = (cells: readonly string[], row: number) => void;

function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

export function readCsv(source: string | File, options: ReadOptions): FileReading {
  let aborted = false;
  let parser: Papa.Parser | null = null;
  const totalBytes = typeof source === 'string' ? source.length : source.size;

  const result = new Promise<ParsedFile>((resolve, reject) => {
    let header: string[] | null = null;
    let sink: RowSink | null = null;
    let finish: (() => ParsedFile) | null = null;
    let unrecognised: ParsedFile | null = null;
    let rowNumber = 1;
    let rowsRead = 0;

    const startFormat = (columns: string[]) => {
      header = columns;
      if (isNativeOffencesHeader(columns)) {
        const builder = new CubeBuilder();
        const log = new RejectionLog();
        const reader = new NativeOffencesReader(columns, options.lookup, builder, log);
        sink = (cells, row) => reader.readRow(cells, row);
        finish = () => {
          const notes: string[] = [];
          if (builder.repeatedKeys > 0) {
            notes.push(
              `${builder.repeatedKeys} rows repeated the ward, theme, month, weekday and hour of an earlier row and were added to it.`,
            );
          }
          if (reader.rowsWithUnknownTime > 0) {
            notes.push(
              `${reader.rowsWithUnknownTime} rows have no weekday or hour and count as unknown time.`,
            );
          }
          if (aborted)
            notes.push('Loading was cancelled: only the rows read before cancelling are shown.');
          return {
            kind: 'offences',
            cube: builder.build(),
            report: {
              fileName: options.fileName,
              format: NATIVE_OFFENCES_FORMAT,
              rowsRead,
              rowsLoaded: reader.rowsLoaded,
              rejectedCount: log.count,
              rejected: log.rejected,
              rejectedByReason: log.byReason,
              notes,
            },
          };
        };
      } else if (isPopulationHeader(columns)) {
        const rows: string[][] = [];
        sink = (cells) => {
          rows.push([...cells]);
        };
        finish = () => {
          const parsed = parsePopulationRows(options.fileName, columns, rows);
          return { kind: 'population', ...parsed };
        };
      } else {
        unrecognised = {
          kind: 'unrecognised',
          fileName: options.fileName,
          message: unrecognisedMessage(columns),
        };
      }
    };

    const config = {
      chunkSize: options.chunkSize ?? 1 << 20,
      chunk: (results: Papa.ParseResult<string[]>, chunkParser: Papa.Parser) => {
        parser = chunkParser;
        for (const cells of results.data) {
          if (header === null) {
            startFormat(
              cells.map((name: string, index: number) =>
                index === 0 ? name.replace(/^\uFEFF/, '') : name,
              ),
            );
            if (unrecognised) {
              chunkParser.abort();
              return;
            }
            continue;
          }
          rowNumber += 1;
          if (isBlankRow(cells)) continue;
          rowsRead += 1;
          sink?.(cells, rowNumber);
        }
        if (aborted) chunkParser.abort();
        options.onProgress?.(Math.min(1, results.meta.cursor / Math.max(1, totalBytes)));
      },
      complete: () => {
        if (unrecognised) return resolve(unrecognised);
        if (!finish) {
          return resolve({
            kind: 'unrecognised',
            fileName: options.fileName,
            message: 'The file is empty.',
          });
        }
        options.onProgress?.(1);
        resolve(finish());
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
