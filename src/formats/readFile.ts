/**
 * Reads one data file, detecting its format from the header row. Pure streaming code with no
 * DOM or worker API of its own, so the worker, the tests and the bench run the same path.
 *
 * Text and most formats go through PapaParse. A native offence file given as bytes (a File, or a
 * Blob of a file on disk) takes a fast path: chunks of bytes go straight into the cube (see
 * formats/nativeFast.ts), with PapaParse's own rules for the rows it does not take.
 */
import Papa from 'papaparse';
import type { OffenceCube } from '../data/cube.ts';
import type { OffencePoints } from '../data/dataset.ts';
import type { WardPopulation } from '../data/population.ts';
import { type LoadReport, RejectionLog } from '../data/report.ts';
import type { ServiceFile } from '../data/services.ts';
import { type ThemeInfo, themeInfo } from '../data/themes.ts';
import type { WardLookup } from '../geo/wardLookup.ts';
import { CsvByteRows, detectDialect, readCells } from './csvBytes.ts';
import { detectFormat } from './detectFormat.ts';
import { NativeFastReader } from './nativeFast.ts';
import { NativeOffencesReader, nativeOffencesFormat } from './nativeOffences.ts';
import type { OffenceFormat, OffenceReader } from './offenceFormat.ts';
import { OFFENCE_FORMATS } from './offenceFormats.ts';
import { POPULATION_FORMAT, parsePopulationRows } from './population.ts';
import {
  type NumberedRow,
  parseServiceRows,
  SERVICES_COLUMNS,
  SERVICES_FORMAT,
} from './services.ts';

export type ParsedFile =
  | {
      kind: 'offences';
      cube: OffenceCube;
      themes: ThemeInfo[];
      points: OffencePoints | null;
      report: LoadReport;
    }
  | { kind: 'population'; populations: Map<string, WardPopulation>; report: LoadReport }
  | { kind: 'services'; file: ServiceFile; report: LoadReport }
  | { kind: 'unrecognised'; fileName: string; message: string };

/** What each known format needs, for the message about a file that matches none. */
export function knownFormats(): { name: string; columns: string }[] {
  return [
    ...OFFENCE_FORMATS.map(({ name, columns }) => ({ name, columns })),
    { name: POPULATION_FORMAT, columns: 'ward_code, population; optional population_10_24' },
    { name: SERVICES_FORMAT, columns: SERVICES_COLUMNS },
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
  /** Bytes per chunk read from a file. */
  chunkSize?: number;
}

const DEFAULT_CHUNK_SIZE = 1 << 22;
/** A row longer than this (a quote never closed swallows the rest of the file) ends the read. */
const MAX_ROW_BYTES = 1 << 24;

/** A read in progress; `abort` stops it between chunks and `result` then holds what was read. */
export interface FileReading {
  result: Promise<ParsedFile>;
  abort(): void;
}

/** How much of a file detectEncoding looks at. */
export const ENCODING_SAMPLE_BYTES = 1 << 16;
/** PapaParse guesses the line break from the first million characters: 4 MB of UTF-8 at most. */
const HEAD_BYTES = 1 << 22;

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
  const reader = format.createReader(header, {
    lookup: options.lookup,
    log,
    locate: options.locate ?? (() => null),
  });
  return readerSink(format, reader, log, options);
}

function readerSink(
  format: OffenceFormat,
  reader: OffenceReader,
  log: RejectionLog,
  options: ReadOptions,
): FormatSink {
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

function servicesSink(header: readonly string[], options: ReadOptions): FormatSink {
  const rows: NumberedRow[] = [];
  return {
    readRow: (cells, row) => {
      rows.push({ row, cells: [...cells] });
    },
    finish: () => ({
      kind: 'services',
      ...parseServiceRows(options.fileName, header, rows, new Date().toISOString()),
    }),
  };
}

function sinkFor(header: readonly string[], options: ReadOptions): FormatSink | null {
  const detected = detectFormat(header);
  switch (detected?.kind) {
    case 'offences':
      return offenceSink(detected.format, header, options);
    case 'population':
      return populationSink(header, options);
    case 'services':
      return servicesSink(header, options);
    default:
      return null;
  }
}

/**
 * Bytes of a file, read a chunk at a time: a user's File in the browser, or a file on disk in
 * Node (the bench reads one with `FileHandle.read`).
 */
export interface ByteSource {
  size: number;
  /** Bytes from `start` to `end` (exclusive); fewer at the end of the file. */
  read(start: number, end: number): Promise<Uint8Array>;
}

function blobSource(blob: Blob): ByteSource {
  return {
    size: blob.size,
    read: async (start, end) => new Uint8Array(await blob.slice(start, end).arrayBuffer()),
  };
}

/** Reads text (a fetched file, tests), a user's File, or any other source of bytes. */
export function readCsv(source: string | Blob | ByteSource, options: ReadOptions): FileReading {
  if (typeof source === 'string') return readWithPapa(source, options);
  if (source instanceof Blob)
    // PapaParse streams a File itself, in a browser.
    return readBytes(blobSource(source), options, () => readWithPapa(source, options));
  return readBytes(source, options, async (encoding) =>
    readWithPapa(new TextDecoder(encoding).decode(await source.read(0, source.size)), options),
  );
}

function readWithPapa(source: string | Blob, options: ReadOptions): FileReading {
  let aborted = false;
  let parser: Papa.Parser | null = null;
  const totalBytes = typeof source === 'string' ? source.length : source.size;

  const result = new Promise<ParsedFile>((resolve, reject) => {
    let sink: FormatSink | null = null;
    let unrecognised: ParsedFile | null = null;
    let rowNumber = 1;
    let rowsRead = 0;

    const config = {
      chunkSize: options.chunkSize ?? DEFAULT_CHUNK_SIZE,
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
    else Papa.parse<string[], File>(source as File, config);
  });

  return {
    result,
    abort: () => {
      aborted = true;
      parser?.abort();
    },
  };
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16_BOMS: [number[], string][] = [
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

/** How much of the next chunk is first joined to a row cut by a chunk boundary: a row is
 * rarely longer. */
const FIRST_JOIN_BYTES = 256;

/**
 * Reads the row cut by the end of the last chunk, and any after it in the first bytes of the next
 * chunk, from a copy of them joined; returns where reading goes on. Only a row that runs on (a
 * long quoted field) has the whole chunk joined to it: copying every chunk would double the
 * garbage a large file leaves behind.
 */
function joinCut(
  fast: NativeFastReader,
  cut: Uint8Array,
  chunk: Uint8Array,
): { buffer: Uint8Array; position: number } {
  if (cut.length === 0) return { buffer: chunk, position: 0 };
  for (
    let take = Math.min(chunk.length, FIRST_JOIN_BYTES);
    ;
    take = Math.min(chunk.length, take * 4)
  ) {
    const joined = new Uint8Array(cut.length + take);
    joined.set(cut);
    joined.set(chunk.subarray(0, take), cut.length);
    // All of the chunk: the caller reads it, knowing whether it is the last.
    if (take === chunk.length) return { buffer: joined, position: 0 };
    const stop = fast.readRows(joined, 0, false);
    if (stop >= cut.length) return { buffer: chunk, position: stop - cut.length };
  }
}

/**
 * A file: the header comes from the first chunk; a native offence file then streams through the
 * fast reader, chunk by chunk, and any other file goes to `otherFormat` (PapaParse), given the
 * file's encoding.
 */
function readBytes(
  source: ByteSource,
  options: ReadOptions,
  otherFormat: (encoding: string) => FileReading | Promise<FileReading>,
): FileReading {
  let aborted = false;
  let other: FileReading | null = null;
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const readOtherFormat = async (encoding: string) => {
    other = await otherFormat(encoding);
    if (aborted) other.abort();
    return other.result;
  };

  const result = (async (): Promise<ParsedFile> => {
    // The head of the file tells the encoding, the delimiter and line break, and the header.
    const head = await source.read(0, Math.max(chunkSize, HEAD_BYTES));
    // A byte-order mark decides the encoding, as a browser decodes a file.
    const utf16 = UTF16_BOMS.find(([bom]) => startsWith(head, bom));
    if (utf16) return readOtherFormat(utf16[1]);
    const bom = startsWith(head, UTF8_BOM);
    const encoding = bom
      ? 'utf-8'
      : (options.encoding ?? detectEncoding(head.subarray(0, ENCODING_SAMPLE_BYTES)));
    const start = bom ? UTF8_BOM.length : 0;
    if (head.length === start)
      return { kind: 'unrecognised', fileName: options.fileName, message: 'The file is empty.' };
    const dialect = detectDialect(
      new TextDecoder(encoding, { ignoreBOM: true }).decode(head.subarray(start), {
        stream: true,
      }),
      encoding,
    );
    const rows = dialect && new CsvByteRows(dialect);
    const header = rows && readCells(rows, head, start, head.length === source.size);
    if (!rows || !header) return readOtherFormat(encoding);
    const detected = detectFormat(header.cells);
    // The native format has a fast path of its own; every other format goes through PapaParse.
    if (detected?.kind !== 'offences' || detected.format !== nativeOffencesFormat) {
      if (!detected)
        return {
          kind: 'unrecognised',
          fileName: options.fileName,
          message: unrecognisedMessage(header.cells),
        };
      return readOtherFormat(encoding);
    }

    const log = new RejectionLog();
    const reader = new NativeOffencesReader(header.cells, { lookup: options.lookup, log });
    const sink = readerSink(nativeOffencesFormat, reader, log, options);
    let rowsRead = 0;
    const fast = new NativeFastReader(rows, reader, options.lookup, (cells, row) => {
      if (isBlankRow(cells)) return;
      rowsRead += 1;
      sink.readRow(cells, row);
    });

    // The rows stream in chunks from the header on; the head is the first chunk unless it is
    // longer (a small chunk size, as the tests use).
    let buffer = head.length <= chunkSize ? head : await source.read(0, header.next + chunkSize);
    let position = header.next;
    let readTo = buffer.length;
    // The next chunk is read while this one is parsed.
    let next = readTo < source.size ? source.read(readTo, readTo + chunkSize) : null;
    for (;;) {
      const last = next === null;
      position = fast.readRows(buffer, position, last);
      options.onProgress?.(Math.min(1, (readTo - (buffer.length - position)) / source.size));
      if (last || aborted) break;
      const cut = buffer.subarray(position);
      if (cut.length > MAX_ROW_BYTES) {
        log.reject(
          fast.row + 1,
          'Row too long',
          `Row is longer than ${MAX_ROW_BYTES >> 20} MB (a quote that is never closed?): the rest of the file was not read`,
        );
        break;
      }
      const chunk = await (next as Promise<Uint8Array>);
      readTo += chunk.length;
      // A file that shrank while being read ends where its bytes end.
      next =
        chunk.length > 0 && readTo < source.size ? source.read(readTo, readTo + chunkSize) : null;
      ({ buffer, position } = joinCut(fast, cut, chunk));
    }
    options.onProgress?.(1);
    return sink.finish(rowsRead + fast.fastRows, aborted);
  })();

  return {
    result,
    abort: () => {
      aborted = true;
      other?.abort();
    },
  };
}
