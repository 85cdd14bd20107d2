/**
 * Reads one data file, detecting its format from the header row. Pure streaming code with no
 * DOM or worker API of its own, so the worker, the tests and the bench run the same path.
 *
 * Every file is read as bytes, a chunk at a time: rows are split from the bytes (csvBytes.ts)
 * and handed to the format's reader as text cells. A native offence file's rows in the common
 * shape go straight from the bytes into the cube (nativeFast.ts). Every row read is accounted
 * for in the report: loaded, rejected or set aside, each with its reason; blank lines and lines
 * inside quoted cells are counted, and what a cancel or a fatal error left unread is measured.
 * An Excel workbook's sheet feeds its rows to the same formats (readWorkbook). A header of no known
 * format is read with the user's column matching, saved or being made, or goes to the "Match
 * columns" step with its first rows.
 */

import type { OffenceCube } from '../data/cube.ts';
import type { OffencePoints } from '../data/dataset.ts';
import { errorMessage } from '../data/errorMessage.ts';
import type { WardPopulation } from '../data/population.ts';
import {
  buildReport,
  type LoadReport,
  type NotRead,
  type NumberedRow,
  type ReadAccount,
  RejectionLog,
} from '../data/report.ts';
import type { ServiceFile } from '../data/services.ts';
import { type ThemeInfo, themeInfo } from '../data/themes.ts';
import type { WardLookup } from '../geo/wardLookup.ts';
import { type ByteSource, blobSource } from './byteSource.ts';
import {
  type ColumnMapping,
  type ColumnRole,
  headerSignature,
  roleColumns,
} from './columnMapping.ts';
import { CsvByteRows, detectDialect, type RowProblem, SPLIT_BAD, SPLIT_MORE } from './csvBytes.ts';
import { type DetectedFormat, detectFormat } from './detectFormat.ts';
import { MappedRecordReader, type RowOutcome, recordMapping } from './mappedRecords.ts';
import { NativeFastReader } from './nativeFast.ts';
import { NativeOffencesReader } from './nativeOffences.ts';
import type { OffenceFormat, OffenceReader } from './offenceFormat.ts';
import { OFFENCE_FORMATS } from './offenceFormats.ts';
import { POPULATION_FORMAT, readPopulationRows } from './population.ts';
import { readServiceRows, SERVICES_COLUMNS, SERVICES_FORMAT } from './services.ts';
import { byteOrderMark, detectEncoding, type Encoding, Utf8Check } from './textEncoding.ts';
import { openWorkbook, readSheet, type Sheet, type Workbook, WorkbookError } from './xlsx.ts';
import { ZipError } from './zipArchive.ts';

export type ParsedFile =
  | {
      kind: 'offences';
      cube: OffenceCube;
      themes: ThemeInfo[];
      points: OffencePoints | null;
      report: LoadReport;
      /** The column mapping the file was read with, if any. */
      mapping?: ColumnMapping;
      /** What the first rows became, for the "Match columns" preview. */
      preview?: RowOutcome[];
    }
  | { kind: 'population'; populations: Map<string, WardPopulation>; report: LoadReport }
  | { kind: 'services'; file: ServiceFile; report: LoadReport }
  | ColumnsToMatch
  | { kind: 'unrecognised'; fileName: string; message: string };

/** A table whose header is no known format and fits no saved mapping: the "Match columns" step
 * shows its header and first rows. */
export interface ColumnsToMatch {
  kind: 'columns';
  fileName: string;
  header: string[];
  /** The first rows (blank rows left out), as read. */
  rows: string[][];
  /** Why the step is shown: the columns each known format expects. */
  message: string;
  /** A workbook's sheets, and the one read. */
  sheets?: string[];
  sheet?: string;
  /** A ward boundary file: its features' properties as columns, one feature a row. */
  boundaries?: boolean;
  /** The roles proposed by the reader (a boundary file's, told from its features' values). */
  roles?: ColumnRole[];
}

/** Rows of a table the "Match columns" step shows and proposes roles from. */
export const SAMPLE_ROWS = 200;

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
  /** Called with the share of the file read, 0 to 1, and what is being read when a file has
   * parts (an archive's month). */
  onProgress?: (fraction: number, detail?: string) => void;
  /** Bytes per chunk read from a file. */
  chunkSize?: number;
  /** False reads every row of a native offence file as text cells: the reference that the
   * rows read straight from bytes must match (tests and the bench compare them). */
  fastPath?: boolean;
  /** Mappings the user saved: a file whose header has one's signature is read with it. */
  mappings?: readonly ColumnMapping[];
  /** Read the file with this mapping (the "Match columns" step's choice). */
  mapping?: ColumnMapping;
  /** Show the "Match columns" step even for a header of a known format. */
  matchColumns?: boolean;
  /** How many of the first rows' outcomes a mapped read keeps for the step's preview. */
  previewRows?: number;
  /** The sheet of a workbook to read (the first visible one when not given). */
  sheet?: string;
}

const DEFAULT_CHUNK_SIZE = 1 << 22;
/** The head of a file tells the encoding, the delimiter and line break (PapaParse guesses the
 * line break from the first million characters: 4 MB of UTF-8 at most). */
const HEAD_BYTES = 1 << 22;

/** A read in progress; `abort` stops it between chunks and `result` then holds what was read. */
export interface FileReading {
  result: Promise<ParsedFile>;
  abort(): void;
}

/** Text (a test's, or a fetched file's) read as the UTF-8 bytes a file of it would hold. */
function textSource(text: string): ByteSource {
  const bytes = new TextEncoder().encode(text);
  return { size: bytes.length, read: async (start, end) => bytes.subarray(start, end) };
}

/** Reads text (tests), a user's File, or any other source of bytes. */
export function readCsv(source: string | Blob | ByteSource, options: ReadOptions): FileReading {
  const bytes =
    typeof source === 'string'
      ? textSource(source)
      : source instanceof Blob
        ? blobSource(source)
        : source;
  const state = { aborted: false };
  return { result: readFile(bytes, options, state), abort: () => (state.aborted = true) };
}

/** A format's reader of rows, and what it makes of them once they are read. */
interface FormatSink {
  readRow(cells: readonly string[], row: number): void;
  /** Reads rows in the common shape straight from bytes (native offence files). */
  fast: NativeFastReader | null;
  /** True once no more rows are wanted (the "Match columns" step's first rows are in). */
  enough?(): boolean;
  finish(account: ReadAccount, readingNotes: string[]): ParsedFile;
}

function readerContext(options: ReadOptions, log: RejectionLog) {
  return { lookup: options.lookup, log, locate: options.locate ?? (() => null) };
}

/** A sink for an offence reader; `rows` (a CSV's) lets a native file's rows go the fast way. */
function readerSink(
  formatName: string,
  reader: OffenceReader,
  rows: CsvByteRows | null,
  log: RejectionLog,
  options: ReadOptions,
): FormatSink & { finish(account: ReadAccount, readingNotes: string[]): ParsedFile } {
  return {
    readRow: (cells, row) => reader.readRow(cells, row),
    fast:
      rows && reader instanceof NativeOffencesReader && options.fastPath !== false
        ? new NativeFastReader(rows, reader, options.lookup)
        : null,
    finish: (account, readingNotes) =>
      finishedOffences(reader, log, options.fileName, formatName, account, (notes) => [
        ...notes,
        ...readingNotes,
      ]),
  };
}

/**
 * The cube, themes and report of an offence reader that has read its rows; `notes` places the
 * reader's own notes among the caller's.
 */
export function finishedOffences(
  reader: OffenceReader,
  log: RejectionLog,
  fileName: string,
  format: string,
  account: ReadAccount,
  notes: (readerNotes: string[]) => string[],
): ParsedFile {
  const result = reader.finish();
  const cube = reader.builder.build();
  const described = new Map(result.themes.map((info) => [info.id, info]));
  return {
    kind: 'offences',
    cube,
    themes: cube.themes.map((id) => described.get(id) ?? themeInfo(id)),
    points: result.points,
    report: buildReport(fileName, format, account, reader.rowsLoaded, log, notes(result.notes)),
  };
}

/** Rejects a row that cannot be read (a quote never closed, a row too long), saying why. */
export function rejectRowProblem(
  log: RejectionLog,
  row: number,
  header: readonly string[],
  problem: RowProblem,
): void {
  if (problem.kind === 'runaway quote') {
    const name = header[problem.field];
    log.reject(
      row,
      'Quote not closed',
      `The quoted cell in column ${problem.field + 1}${name ? ` (${name.trim()})` : ''} ${problem.detail}: the row is rejected and reading goes on at the next line`,
    );
  } else
    log.reject(
      row,
      'Row too long',
      `The row is longer than any this format has (${problem.detail}): it is rejected and reading goes on at the next line`,
    );
}

function offenceSink(
  format: OffenceFormat,
  header: readonly string[],
  rows: CsvByteRows | null,
  log: RejectionLog,
  options: ReadOptions,
): FormatSink {
  const reader = format.createReader(header, readerContext(options, log));
  return readerSink(format.name, reader, rows, log, options);
}

/** A table read through a column mapping, saved or being made. */
function mappedSink(
  mapping: ColumnMapping,
  header: readonly string[],
  log: RejectionLog,
  options: ReadOptions,
): FormatSink {
  const reader = new MappedRecordReader(
    header,
    readerContext(options, log),
    recordMapping(mapping, roleColumns(mapping, header)),
    options.previewRows ?? 0,
  );
  const sink = readerSink(mapping.name, reader, null, log, options);
  return {
    ...sink,
    finish: (account, readingNotes) => {
      const parsed = sink.finish(account, readingNotes);
      if (parsed.kind !== 'offences') return parsed;
      parsed.report.notes.unshift(
        options.mapping
          ? `Columns matched as “${mapping.name}”.`
          : `Read with the saved column matching “${mapping.name}”, kept for files with these columns.`,
      );
      return { ...parsed, mapping, preview: reader.outcomes };
    },
  };
}

/** The header and first rows of a table for the "Match columns" step; the rest is not read. */
function columnsSink(header: string[], options: ReadOptions): FormatSink {
  const rows: string[][] = [];
  return {
    readRow: (cells) => {
      if (rows.length < SAMPLE_ROWS) rows.push([...cells]);
    },
    fast: null,
    enough: () => rows.length >= SAMPLE_ROWS,
    finish: () => ({
      kind: 'columns',
      fileName: options.fileName,
      header,
      rows,
      message: unrecognisedMessage(header),
    }),
  };
}

/**
 * How a header is read: with the mapping the user chose; by the known format it matches (unless
 * the user asked to match columns); with a saved mapping made for these columns; or not at all
 * (null: the "Match columns" step).
 */
type Reading = { kind: 'mapping'; mapping: ColumnMapping } | DetectedFormat;

function readingFor(header: readonly string[], options: ReadOptions): Reading | null {
  if (options.mapping) return { kind: 'mapping', mapping: options.mapping };
  if (options.matchColumns) return null;
  const detected = detectFormat(header);
  if (detected) return detected;
  const signature = headerSignature(header);
  const saved = options.mappings?.find(
    (mapping) => mapping.signature === signature && mapping.rowsAre !== 'boundaries',
  );
  return saved ? { kind: 'mapping', mapping: saved } : null;
}

/** A sink for a small file read whole once its rows are in (populations, services). */
function rowsSink(read: (rows: NumberedRow[]) => FormatSink['finish']): FormatSink {
  const rows: NumberedRow[] = [];
  return {
    readRow: (cells, row) => {
      rows.push({ row, cells });
    },
    fast: null,
    finish: (account, readingNotes) => read(rows)(account, readingNotes),
  };
}

/** The reader of a file's rows: its column matching, or the format its header is; the "Match
 * columns" step's first rows when neither. */
function sinkFor(
  header: string[],
  rows: CsvByteRows | null,
  log: RejectionLog,
  options: ReadOptions,
): FormatSink {
  const detected = readingFor(header, options);
  switch (detected?.kind) {
    case undefined:
      return columnsSink(header, options);
    case 'mapping':
      return mappedSink(detected.mapping, header, log, options);
    case 'offences':
      return offenceSink(detected.format, header, rows, log, options);
    case 'population':
      return rowsSink((numbered) => (account, readingNotes) => {
        const { populations, rowsLoaded, notes } = readPopulationRows(header, numbered, log);
        return {
          kind: 'population',
          populations,
          report: buildReport(options.fileName, POPULATION_FORMAT, account, rowsLoaded, log, [
            ...notes,
            ...readingNotes,
          ]),
        };
      });
    case 'services':
      return rowsSink((numbered) => (account, readingNotes) => {
        const { file, notes } = readServiceRows(
          options.fileName,
          header,
          numbered,
          new Date().toISOString(),
          log,
        );
        return {
          kind: 'services',
          file,
          report: buildReport(
            options.fileName,
            SERVICES_FORMAT,
            account,
            file.services.length,
            log,
            [...notes, ...readingNotes],
          ),
        };
      });
  }
}

/** The file in chunks, read one ahead of the one being parsed. */
interface ChunkStream {
  next(): Promise<{ bytes: Uint8Array; last: boolean }>;
  /** Bytes of the source per byte of the stream (UTF-16 is read as UTF-8). */
  readonly ratio: number;
}

/** The source from `start`, in chunks; the first comes from `head` when it holds one. */
function plainChunks(
  source: ByteSource,
  start: number,
  chunkSize: number,
  head: Uint8Array | null,
): ChunkStream {
  let readTo = start;
  const readNext = (): Promise<Uint8Array> => {
    const from = readTo;
    readTo = Math.min(source.size, readTo + chunkSize);
    if (head && readTo <= head.length) return Promise.resolve(head.subarray(from, readTo));
    return source.read(from, readTo);
  };
  let ahead: Promise<Uint8Array> | null = readNext();
  return {
    ratio: 1,
    async next() {
      const bytes = ahead ? await ahead : new Uint8Array(0);
      // A file that shrank while being read ends where its bytes end.
      const last = readTo >= source.size || bytes.length === 0;
      ahead = last ? null : readNext();
      return { bytes, last };
    },
  };
}

/** A UTF-16 file (Excel's "Unicode text") as UTF-8, decoded a chunk at a time. */
function utf16Chunks(
  source: ByteSource,
  encoding: Encoding,
  start: number,
  chunkSize: number,
): ChunkStream {
  const plain = plainChunks(source, start, chunkSize, null);
  const decoder = new TextDecoder(encoding, { ignoreBOM: true });
  const encoder = new TextEncoder();
  let read = 0;
  let made = 0;
  return {
    get ratio() {
      return made > 0 ? read / made : 1;
    },
    async next() {
      const { bytes, last } = await plain.next();
      const utf8 = encoder.encode(decoder.decode(bytes, { stream: !last }));
      read += bytes.length;
      made += utf8.length;
      return { bytes: utf8, last };
    },
  };
}

/** Joins the bytes left over from one chunk to the next. */
function joined(cut: Uint8Array, chunk: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(cut.length + chunk.length);
  bytes.set(cut);
  bytes.set(chunk, cut.length);
  return bytes;
}

const EMPTY_FILE = 'The file is empty.';
/** The read met a byte that is not UTF-8 after the first chunk said UTF-8: read it again. */
const NOT_UTF8 = Symbol('not UTF-8');

async function readFile(
  source: ByteSource,
  options: ReadOptions,
  state: { aborted: boolean },
): Promise<ParsedFile> {
  const head = await source.read(0, Math.min(source.size, HEAD_BYTES));
  const mark = byteOrderMark(head);
  const markLength = mark?.length ?? 0;
  if (head.length === markLength)
    return { kind: 'unrecognised', fileName: options.fileName, message: EMPTY_FILE };
  const encoding = mark?.encoding ?? detectEncoding(head);
  const first = await readAs(source, head, encoding, markLength, mark === null, options, state, []);
  if (first !== NOT_UTF8) return first;
  const second = await readAs(source, head, 'windows-1252', 0, false, options, state, [
    'Read as Windows-1252 (Excel’s CSV on Windows): the file began as UTF-8, but a later byte is not UTF-8, so it was read again from the start.',
  ]);
  if (second === NOT_UTF8) throw new Error('Windows-1252 takes every byte');
  return second;
}

/** What the reading loop has counted so far. */
interface Tally {
  /** Spreadsheet row number of the last row: the header is row 1. */
  row: number;
  rowsRead: number;
  blankRows: number;
  /** Lines the rows read take, by the rows' own count. */
  lines: number;
  /** Line breaks found in the bytes read, for the cross-check of `lines`. */
  lineBreaks: number;
  multiLineRows: number;
  firstMultiLineRow: { row: number; lines: number } | null;
}

async function readAs(
  source: ByteSource,
  head: Uint8Array,
  encoding: Encoding,
  markLength: number,
  checkUtf8: boolean,
  options: ReadOptions,
  state: { aborted: boolean },
  readingNotes: string[],
): Promise<ParsedFile | typeof NOT_UTF8> {
  const { fileName } = options;
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const utf16 = encoding === 'utf-16le' || encoding === 'utf-16be';
  const chunks = utf16
    ? utf16Chunks(source, encoding, markLength, chunkSize)
    : plainChunks(source, markLength, chunkSize, head);
  const textEncoding = utf16 ? 'utf-8' : encoding;
  const utf8 = checkUtf8 && encoding === 'utf-8' ? new Utf8Check() : null;
  const unrecognised = (message: string): ParsedFile => ({
    kind: 'unrecognised',
    fileName,
    message,
  });

  const dialect = detectDialect(
    new TextDecoder(encoding, { ignoreBOM: true }).decode(head.subarray(markLength), {
      stream: true,
    }),
    textEncoding,
  );
  let { bytes: buffer, last: final } = await chunks.next();
  if (utf8 && (!utf8.push(buffer) || (final && !utf8.complete))) return NOT_UTF8;
  const rows = new CsvByteRows(dialect);

  // The header: chunks are joined until it ends.
  for (;;) {
    const split = rows.split(buffer, 0, final);
    if (split === SPLIT_BAD)
      return unrecognised(
        `The first row of this file is not a header row: ${(rows.problem as RowProblem).detail}.`,
      );
    if (split !== SPLIT_MORE) break;
    const chunk = await chunks.next();
    if (utf8 && (!utf8.push(chunk.bytes) || (chunk.last && !utf8.complete))) return NOT_UTF8;
    buffer = joined(buffer, chunk.bytes);
    final = chunk.last;
  }
  const header = rows
    .cells(buffer)
    .map((name, index) => (index === 0 ? name.replace(/^\uFEFF/, '') : name));
  if (header.every((name) => name.trim() === '')) return unrecognised(EMPTY_FILE);
  const log = new RejectionLog();
  const sink = sinkFor(header, rows, log, options);
  rows.expectedFields = header.length;
  const headerLines = 1 + rows.lineBreaksInside;

  const tally: Tally = {
    row: 1,
    rowsRead: 0,
    blankRows: 0,
    lines: headerLines,
    lineBreaks: rows.countLineBreaks(buffer, 0, rows.next),
    multiLineRows: 0,
    firstMultiLineRow: null,
  };
  const { fast } = sink;
  /** Skipping the rest of a line too long to read, up to its line break. */
  let skipping = false;

  const rejectProblem = (problem: RowProblem) => {
    tally.row += 1;
    tally.rowsRead += 1;
    rejectRowProblem(log, tally.row, header, problem);
  };

  /** All of the bytes from `at`, except a carriage return at the end that may start a CR LF. */
  const untilEnd = (bytes: Uint8Array, last: boolean) =>
    !last && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;

  /** Reads the rows that end in `bytes` from `start`; returns where the first that does not
   * end starts. */
  const readRows = (bytes: Uint8Array, start: number, last: boolean): number => {
    let position = start;
    while (position < bytes.length) {
      if (skipping) {
        const after = rows.nextLine(bytes, position);
        if (after < 0) {
          // The line runs on; at the end of the file it is the last line.
          if (last) tally.lines += 1;
          return untilEnd(bytes, last);
        }
        tally.lines += 1;
        tally.lineBreaks += 1;
        skipping = false;
        position = after;
        continue;
      }
      if (fast) {
        const before = fast.fastRows;
        position = fast.readFastRows(bytes, position);
        const read = fast.fastRows - before;
        // Each row in the common shape is one line, ended by its line break.
        tally.row += read;
        tally.rowsRead += read;
        tally.lines += read;
        tally.lineBreaks += read;
        if (position >= bytes.length) break;
      }
      const split = rows.split(bytes, position, last);
      if (split === SPLIT_MORE) return position;
      if (split === SPLIT_BAD) {
        const problem = rows.problem as RowProblem;
        rejectProblem(problem);
        const resumeAt = problem.resumeAt < 0 ? untilEnd(bytes, last) : problem.resumeAt;
        // Lines of the row up to where reading goes on: its quoted cells' and its first.
        const breaks = rows.countLineBreaks(bytes, position, resumeAt);
        tally.lineBreaks += breaks;
        tally.lines += problem.resumeAt < 0 ? breaks : Math.max(1, breaks);
        if (problem.resumeAt < 0) {
          skipping = true;
          return resumeAt;
        }
        position = resumeAt;
        continue;
      }
      tally.row += 1;
      const lines = 1 + rows.lineBreaksInside;
      tally.lines += lines;
      tally.lineBreaks += rows.countLineBreaks(bytes, position, rows.next);
      const cells = rows.cells(bytes);
      if (cells.every((cell) => cell.trim() === '')) tally.blankRows += 1;
      else {
        tally.rowsRead += 1;
        if (lines > 1) {
          tally.multiLineRows += 1;
          tally.firstMultiLineRow ??= { row: tally.row, lines };
        }
        sink.readRow(cells, tally.row);
      }
      position = rows.next;
    }
    return position;
  };

  let position = rows.next;
  let notRead: NotRead | null = null;
  /** Where buffer[0] is in the stream of bytes read (after any byte-order mark). */
  let bufferStart = 0;
  const dataStart = rows.next;
  /** Bytes of the source up to a place in the stream (a UTF-16 file's differ). */
  const inSource = (offset: number) => markLength + offset * chunks.ratio;
  const stop = (cause: NotRead['cause'], message: string | null = null) => {
    const consumed = inSource(bufferStart + position);
    return notReadAfter(
      source.size - consumed,
      consumed - inSource(dataStart),
      tally,
      cause,
      message,
    );
  };
  try {
    for (;;) {
      position = readRows(buffer, position, final);
      options.onProgress?.(Math.min(1, inSource(bufferStart + position) / source.size));
      if (final || sink.enough?.()) break;
      if (state.aborted) {
        notRead = stop('cancelled');
        break;
      }
      const cutStart = bufferStart + position;
      const chunkStart = bufferStart + buffer.length;
      const cut = buffer.subarray(position);
      const chunk = await chunks.next();
      if (utf8 && (!utf8.push(chunk.bytes) || (chunk.last && !utf8.complete))) return NOT_UTF8;
      final = chunk.last;
      const next = joinCut(cut, chunk.bytes, readRows);
      bufferStart = next.buffer === chunk.bytes ? chunkStart : cutStart;
      ({ buffer, position } = next);
    }
  } catch (error) {
    notRead = stop('stopped', errorMessage(error));
  }
  options.onProgress?.(1);
  return sink.finish(
    {
      rowsRead: tally.rowsRead,
      blankRows: tally.blankRows,
      lines: tally.lines,
      notRead,
    },
    [...readingNotes, ...tallyNotes(tally, notRead === null, final, buffer)],
  );
}

/** How much of a chunk is first joined to a row cut by a chunk boundary: a row is rarely longer. */
const FIRST_JOIN_BYTES = 256;

/**
 * Reads the row cut by the end of the last chunk, and any after it in the first bytes of the next
 * chunk, from a copy of them joined; returns where reading goes on. Only a row that runs on (a
 * long quoted field) has the whole chunk joined to it: copying every chunk would double the
 * garbage a large file leaves behind. `position` is 0 when the buffer is the whole join.
 */
function joinCut(
  cut: Uint8Array,
  chunk: Uint8Array,
  readRows: (bytes: Uint8Array, start: number, last: boolean) => number,
): { buffer: Uint8Array; position: number } {
  if (cut.length === 0) return { buffer: chunk, position: 0 };
  for (
    let take = Math.min(chunk.length, FIRST_JOIN_BYTES);
    ;
    take = Math.min(chunk.length, take * 4)
  ) {
    const bytes = joined(cut, chunk.subarray(0, take));
    // All of the chunk: the caller reads it, knowing whether it is the last.
    if (take === chunk.length) return { buffer: bytes, position: 0 };
    const stop = readRows(bytes, 0, false);
    if (stop >= cut.length) return { buffer: chunk, position: stop - cut.length };
  }
}

function notReadAfter(
  bytes: number,
  dataBytesRead: number,
  tally: Tally,
  cause: NotRead['cause'],
  message: string | null = null,
): NotRead {
  const rowsSeen = tally.rowsRead + tally.blankRows;
  return {
    cause,
    message,
    bytes: Math.max(0, bytes),
    estimatedRows:
      rowsSeen > 0 && dataBytesRead > 0 ? Math.round((bytes / dataBytesRead) * rowsSeen) : null,
  };
}

/** What the count of rows and lines tells the user: rows over several lines, and the check of
 * the lines counted against the line breaks found. */
function tallyNotes(tally: Tally, whole: boolean, final: boolean, buffer: Uint8Array): string[] {
  const notes: string[] = [];
  if (tally.multiLineRows > 0 && tally.firstMultiLineRow) {
    const { row, lines } = tally.firstMultiLineRow;
    notes.push(
      `Rows with a line break inside a quoted cell: ${tally.multiLineRows.toLocaleString('en-GB')} (the first is row ${row}, over ${lines} lines).`,
    );
  }
  // The last line of a file need not end with a line break.
  const lastByte = buffer[buffer.length - 1];
  const physical = tally.lineBreaks + (final && lastByte !== 0x0a && lastByte !== 0x0d ? 1 : 0);
  if (whole && physical !== tally.lines)
    notes.push(
      `Line check: the file has ${physical.toLocaleString('en-GB')} lines, but its rows account for ${tally.lines.toLocaleString('en-GB')}.`,
    );
  return notes;
}

/** Workbooks larger than this are refused: the whole file is held while its sheet streams. */
export const MAX_WORKBOOK_BYTES = 200 << 20;

/**
 * Reads a sheet of an Excel workbook (the one `options.sheet` names, else the first visible), its
 * rows going through the same formats and column matching as a CSV's.
 */
export function readWorkbook(source: ByteSource, options: ReadOptions): FileReading {
  const state = { aborted: false };
  return { result: readSheetRows(source, options, state), abort: () => (state.aborted = true) };
}

async function readSheetRows(
  source: ByteSource,
  options: ReadOptions,
  state: { aborted: boolean },
): Promise<ParsedFile> {
  const { fileName } = options;
  if (source.size > MAX_WORKBOOK_BYTES)
    return {
      kind: 'unrecognised',
      fileName,
      message: `This workbook is ${Math.round(source.size / 2 ** 20)} MB; the app reads workbooks up to ${MAX_WORKBOOK_BYTES / 2 ** 20} MB. Save the sheet as CSV (any size loads).`,
    };
  const bytes = await source.read(0, source.size);
  let workbook: Workbook;
  try {
    workbook = await openWorkbook(bytes);
  } catch (error) {
    if (!(error instanceof WorkbookError || error instanceof ZipError)) throw error;
    return { kind: 'unrecognised', fileName, message: error.message };
  }
  const sheet =
    workbook.sheets.find((candidate) => candidate.name === options.sheet) ??
    workbook.sheets.find((candidate) => !candidate.hidden) ??
    (workbook.sheets[0] as Sheet);
  const log = new RejectionLog();
  let sink: FormatSink | null = null;
  // Row numbers as the sheet shows them: rows above the header count too.
  const tally = { row: 0, rowsRead: 0, blankRows: 0 };
  /** The share of the sheet read so far. */
  let share = 0;
  const onRow = (cells: string[]): boolean => {
    tally.row += 1;
    const blank = cells.every((cell) => cell.trim() === '');
    if (sink === null) {
      if (!blank) sink = sinkFor(cells, null, log, options);
      return true;
    }
    if (blank) tally.blankRows += 1;
    else {
      tally.rowsRead += 1;
      sink.readRow(cells, tally.row);
    }
    return !sink.enough?.();
  };
  try {
    await readSheet(bytes, workbook, sheet, {
      onRow,
      onStep: async (fraction) => {
        share = fraction;
        options.onProgress?.(fraction);
        // A turn of the event loop, so that a cancel can arrive.
        await new Promise((resolve) => setTimeout(resolve, 0));
        return !state.aborted;
      },
    });
  } catch (error) {
    if (!(error instanceof WorkbookError || error instanceof ZipError)) throw error;
    return { kind: 'unrecognised', fileName, message: error.message };
  }
  options.onProgress?.(1);
  const read = sink as FormatSink | null;
  if (read === null) return { kind: 'unrecognised', fileName, message: EMPTY_FILE };
  const rowsSeen = tally.rowsRead + tally.blankRows;
  // The unread part of a cancelled sheet, measured as the share of the workbook's bytes.
  const notRead: NotRead | null =
    state.aborted && share < 1
      ? {
          cause: 'cancelled',
          message: null,
          bytes: Math.round(source.size * (1 - share)),
          estimatedRows:
            rowsSeen > 0 && share > 0 ? Math.round((rowsSeen * (1 - share)) / share) : null,
        }
      : null;
  const parsed = read.finish(
    { rowsRead: tally.rowsRead, blankRows: tally.blankRows, lines: null, notRead },
    [],
  );
  const names = workbook.sheets.map((candidate) => candidate.name);
  if (parsed.kind === 'columns') return { ...parsed, sheets: names, sheet: sheet.name };
  if ('report' in parsed && names.length > 1)
    parsed.report.notes.unshift(
      `Read the sheet “${sheet.name}” of ${names.length}: ${names.map((name) => `“${name}”`).join(', ')}.`,
    );
  return parsed;
}
