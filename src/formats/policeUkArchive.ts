/**
 * The data.police.uk archive as downloaded: one zip of monthly folders (`2023-04/`), each with a
 * file per force of street-level crime (`2023-04-kent-street.csv`, the 12 police.uk columns) and
 * of outcomes and stop and search, which are not offences and are only counted. The archive is
 * read a file at a time from the zip (a GB archive is never held whole), month by month, every
 * street-level row placed in its ward by point-in-polygon into one cube without time of day.
 * Crime locations are not kept: millions of them would take more memory than the whole cube.
 */
import { monthLabel } from '../data/calendar.ts';
import { formatCount } from '../data/numberFormat.ts';
import { type NotRead, RejectionLog } from '../data/report.ts';
import type { WardLookup } from '../geo/wardLookup.ts';
import type { ByteSource } from './byteSource.ts';
import { CsvByteRows, detectDialect, type RowProblem, readCells, SPLIT_ROW } from './csvBytes.ts';
import {
  isPoliceUkHeader,
  OUTSIDE_WARDS,
  POLICE_UK_FORMAT,
  PoliceUkStreetReader,
  usedColumns,
} from './policeUkStreet.ts';
import {
  type FileReading,
  finishedOffences,
  type ParsedFile,
  rejectRowProblem,
} from './readFile.ts';
import { entryBytes, entryOf, type ZipEntry, ZipError, zipEntriesOf } from './zipArchive.ts';

export const POLICE_UK_ARCHIVE_FORMAT = `${POLICE_UK_FORMAT} (archive of monthly files)`;

/** `2023-04/2023-04-kent-street.csv`, in any folder of the archive. */
const MONTHLY_FILE =
  /(?:^|\/)(\d{4}-\d{2})\/\1-([a-z0-9-]+?)-(street|outcomes|stop-and-search)\.csv$/i;

/** A monthly file of one force holds a few MB; this is far beyond any. */
const ENTRY_LIMIT = 1 << 30;

export interface StreetFile {
  entry: ZipEntry;
  month: string;
  force: string;
}

export interface ArchiveContents {
  /** Street-level files by month, then force. */
  street: StreetFile[];
  /** Files that are not street-level crime, by kind: outcomes, stop-and-search, other. */
  skipped: Record<string, number>;
}

/** Sorts an archive's files: street-level crime to read, the others counted. */
export function archiveContents(entries: readonly ZipEntry[]): ArchiveContents {
  const street: StreetFile[] = [];
  const skipped: Record<string, number> = {};
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    const match = MONTHLY_FILE.exec(entry.name);
    const kind = match?.[3]?.toLowerCase() ?? 'other';
    if (match && kind === 'street')
      street.push({ entry, month: match[1] as string, force: (match[2] as string).toLowerCase() });
    else skipped[kind] = (skipped[kind] ?? 0) + 1;
  }
  street.sort((a, b) => a.month.localeCompare(b.month) || a.force.localeCompare(b.force));
  return { street, skipped };
}

/** Whether a zip's entries are a police.uk archive: at least one street-level file. */
export function isPoliceUkArchive(entries: readonly ZipEntry[]): boolean {
  return archiveContents(entries).street.length > 0;
}

/** Forces whose name is not their archive name in title case. */
const FORCE_NAMES: ReadonlyMap<string, string> = new Map([
  ['btp', 'British Transport Police'],
  ['dyfed-powys', 'Dyfed-Powys'],
  ['metropolitan', 'Metropolitan Police Service'],
]);

/** "kent" -> "Kent", "avon-and-somerset" -> "Avon and Somerset", as a report names a force. */
export function forceName(slug: string): string {
  return (
    // A Map: a file named "…-constructor-street.csv" is no force of every object.
    FORCE_NAMES.get(slug) ??
    slug
      .split('-')
      .map((word) =>
        word === 'and' || word === 'of' ? word : word.charAt(0).toUpperCase() + word.slice(1),
      )
      .join(' ')
  );
}

/**
 * A rejection log for the archive's files read one after another: a row is numbered as in the
 * files laid end to end (headers included), so that the list keeps the order they were read in,
 * and its reason names the file and the row there. Rows outside the loaded wards are counted by
 * force.
 */
class ArchiveLog extends RejectionLog {
  file = '';
  force = '';
  /** Rows of the files read before this one. */
  rowsBefore = 0;
  readonly outsideByForce = new Map<string, number>();

  override reject(row: number, category: string, detail: string = category): void {
    if (category === OUTSIDE_WARDS)
      this.outsideByForce.set(this.force, (this.outsideByForce.get(this.force) ?? 0) + 1);
    super.reject(this.rowsBefore + row, category, `${this.file} row ${row}: ${detail}`);
  }
}

export interface ArchiveReadOptions {
  fileName: string;
  lookup: WardLookup;
  locate: (longitude: number, latitude: number) => string | null;
  /** The share of the archive read, and the month being read ("Apr 2023"). */
  onProgress?: (fraction: number, detail: string) => void;
}

/** Rows of one file: read (blank lines apart), and blank lines. */
interface FileRows {
  rowsRead: number;
  blankRows: number;
}

/** What one file held: its rows, and the number of its last row (the header is row 1). */
interface FileRead extends FileRows {
  lastRow: number;
}

/**
 * The rows of one street-level file, its header giving the reader the columns; null when the
 * file has no police.uk street-level header.
 */
function readStreetFile(
  bytes: Uint8Array,
  reader: PoliceUkStreetReader,
  log: RejectionLog,
): FileRead | null {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const rows = new CsvByteRows(
    detectDialect(
      new TextDecoder('utf-8').decode(bytes.subarray(start, start + (1 << 16)), { stream: true }),
      'utf-8',
    ),
  );
  const header = readCells(rows, bytes, start, true);
  if (!header || !isPoliceUkHeader(header.cells)) return null;
  reader.setHeader(header.cells);
  rows.expectedFields = header.cells.length;
  // Only the cells the reader uses are decoded (not the 64-digit crime id, the LSOA...), unless
  // all of them are empty: then the whole row, to tell a blank row from a row to reject.
  const used = usedColumns(header.cells);
  const usedCells: string[] = header.cells.map(() => '');
  const counts: FileRead = { rowsRead: 0, blankRows: 0, lastRow: 1 };
  let row = 1;
  for (let at = header.next; at < bytes.length; ) {
    const split = rows.split(bytes, at, true);
    row += 1;
    if (split !== SPLIT_ROW) {
      // A quote never closed, or a row too long: rejected, and reading goes on at the next line.
      const problem = rows.problem as RowProblem;
      counts.rowsRead += 1;
      rejectRowProblem(log, row, header.cells, problem);
      if (problem.resumeAt < 0) break;
      at = problem.resumeAt;
      continue;
    }
    at = rows.next;
    let cells: readonly string[] = usedCells;
    for (const index of used)
      usedCells[index] =
        index < rows.fieldCount && rows.escaped[index] === 0
          ? rows.text(bytes, rows.starts[index] as number, rows.ends[index] as number)
          : '';
    if (
      used.some((index) => rows.escaped[index] === 1) ||
      used.every((index) => (usedCells[index] as string).trim() === '')
    )
      cells = rows.cells(bytes);
    if (cells.every((cell) => cell.trim() === '')) {
      counts.blankRows += 1;
      continue;
    }
    counts.rowsRead += 1;
    reader.readRow(cells, row);
  }
  counts.lastRow = row;
  return counts;
}

/** "Not offences, so not read: 9 outcomes files, 1 other file." */
function skippedNote(skipped: Record<string, number>): string[] {
  const order = ['outcomes', 'stop-and-search', 'other'];
  const kinds = Object.entries(skipped)
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(
      ([kind, count]) =>
        `${formatCount(count)} ${kind.replaceAll('-', ' ')} ${count === 1 ? 'file' : 'files'}`,
    );
  return kinds.length > 0 ? [`Not offences, so not read: ${kinds.join(', ')}.`] : [];
}

/** Reads the street-level files of an archive into one cube; `abort` stops between files. */
export function readPoliceUkArchive(source: ByteSource, options: ArchiveReadOptions): FileReading {
  let aborted = false;
  const result = (async (): Promise<ParsedFile> => {
    const { street, skipped } = archiveContents(await zipEntriesOf(source));
    const log = new ArchiveLog();
    // Each file's header gives the reader its columns before it reads that file's rows.
    const reader = new PoliceUkStreetReader(
      [],
      { lookup: options.lookup, log, locate: options.locate },
      false,
    );
    const counts: FileRows = { rowsRead: 0, blankRows: 0 };
    const monthsStarted: string[] = [];
    const monthsRead = new Set<string>();
    const forcesRead = new Set<string>();
    const totalBytes = street.reduce((sum, file) => sum + file.entry.compressedSize, 0);
    const monthCount = new Set(street.map((file) => file.month)).size;
    /** Compressed bytes of the files read (or found unreadable) so far. */
    let bytesDone = 0;
    let filesRead = 0;
    /** Why a street-level file could not be read, one sentence each. */
    const unreadable: string[] = [];
    for (const file of street) {
      if (aborted) break;
      if (monthsStarted.at(-1) !== file.month) monthsStarted.push(file.month);
      options.onProgress?.(
        bytesDone / Math.max(1, totalBytes),
        `${monthLabel(file.month)} (month ${monthsStarted.length} of ${monthCount})`,
      );
      let bytes: Uint8Array;
      try {
        const local = await entryOf(source, file.entry);
        bytes = await entryBytes(local.bytes, local.entry, ENTRY_LIMIT);
      } catch (error) {
        // A damaged file is reported; the others still load.
        if (!(error instanceof ZipError)) throw error;
        unreadable.push(error.message);
        bytesDone += file.entry.compressedSize;
        continue;
      }
      // A cancel that came while the file was unzipped.
      if (aborted) break;
      log.file = file.entry.name;
      log.force = file.force;
      const fileRows = readStreetFile(bytes, reader, log);
      bytesDone += file.entry.compressedSize;
      if (fileRows === null) {
        unreadable.push(
          `${file.entry.name} was not read: its columns are not those of a police.uk street-level file.`,
        );
        continue;
      }
      counts.rowsRead += fileRows.rowsRead;
      counts.blankRows += fileRows.blankRows;
      log.rowsBefore += fileRows.lastRow;
      forcesRead.add(file.force);
      monthsRead.add(file.month);
      filesRead += 1;
    }
    options.onProgress?.(1, '');
    const rowsSeen = counts.rowsRead + counts.blankRows;
    const bytesLeft = totalBytes - bytesDone;
    const notRead: NotRead | null = aborted
      ? {
          cause: 'cancelled',
          message: null,
          bytes: bytesLeft,
          // At the rows per compressed byte of the files read.
          estimatedRows:
            bytesDone > 0 && rowsSeen > 0 ? Math.round((bytesLeft / bytesDone) * rowsSeen) : null,
        }
      : null;
    const outsideNote =
      log.outsideByForce.size > 0
        ? [
            `Outside the loaded wards, by force: ${[...log.outsideByForce]
              .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
              .map(([force, count]) => `${forceName(force)} ${formatCount(count)}`)
              .join(', ')}.`,
          ]
        : [];
    return finishedOffences(
      reader,
      log,
      options.fileName,
      POLICE_UK_ARCHIVE_FORMAT,
      // Lines are counted for a single file; an archive's are many files'.
      { ...counts, lines: null, notRead },
      (readerNotes) => [
        `${formatCount(filesRead)} street-level ${filesRead === 1 ? 'file' : 'files'} read: ${formatCount(monthsRead.size)} ${monthsRead.size === 1 ? 'month' : 'months'} from ${formatCount(forcesRead.size)} ${forcesRead.size === 1 ? 'force' : 'forces'}.`,
        ...readerNotes,
        ...skippedNote(skipped),
        ...outsideNote,
        ...unreadable,
        'Crime locations are not kept for an archive: the map shows ward figures only.',
      ],
    );
  })();
  return {
    result,
    abort: () => {
      aborted = true;
    },
  };
}
