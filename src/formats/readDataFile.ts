/**
 * Any file given to "Load data", told by its first bytes rather than its name: a zip archive (an
 * Excel workbook or a zipped Shapefile), a file of another binary kind the app cannot read (named,
 * with what to do), a GeoJSON of ward boundaries, or a table (CSV) for readFile.ts.
 */

import { isBoundaryFile, type ParsedBoundaries, readBoundaryFile } from './boundaryFile.ts';
import { blobSource } from './byteSource.ts';
import { isPoliceUkArchive, readPoliceUkArchive } from './policeUkArchive.ts';
import {
  type FileReading,
  type ParsedFile,
  type ReadOptions,
  readCsv,
  readWorkbook,
} from './readFile.ts';
import { isWorkbook } from './xlsx.ts';
import { isZip, type ZipEntry, ZipError, zipEntriesOf } from './zipArchive.ts';

export type DataFileResult = ParsedFile | ParsedBoundaries;

/** Binary kinds told by their first bytes that the app does not read, and what to do instead. */
const UNREADABLE: readonly { prefix: readonly number[]; message: string }[] = [
  {
    prefix: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    message:
      'This is an old-style Excel workbook (.xls), which the app does not read: open it in Excel and save it as an Excel Workbook (.xlsx) or CSV.',
  },
  {
    prefix: [0x1f, 0x8b],
    message: 'This is a gzip-compressed file: decompress it first, then load the file inside.',
  },
  {
    prefix: [...'SQLite format 3'].map((character) => character.charCodeAt(0)),
    message:
      'This is an SQLite database (a GeoPackage?), which the app does not read yet: export the ward layer as a zipped Shapefile or a GeoJSON.',
  },
  {
    prefix: [0x25, 0x50, 0x44, 0x46],
    message: 'This is a PDF document, not a data file.',
  },
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/** Reads a user's file (or the app's own) of any kind the app knows. */
export function readDataFile(
  file: Blob,
  options: ReadOptions,
): { result: Promise<DataFileResult>; abort(): void } {
  let inner: FileReading | null = null;
  let aborted = false;
  const result = (async (): Promise<DataFileResult> => {
    const head = new Uint8Array(await file.slice(0, 64).arrayBuffer());
    const unreadable = UNREADABLE.find(({ prefix }) => startsWith(head, prefix));
    if (unreadable)
      return { kind: 'unrecognised', fileName: options.fileName, message: unreadable.message };
    if (isZip(head)) {
      const source = blobSource(file);
      let entries: ZipEntry[];
      try {
        // From the archive's directory alone: the police.uk archive is GBs.
        entries = await zipEntriesOf(source);
      } catch (error) {
        if (!(error instanceof ZipError)) throw error;
        return { kind: 'unrecognised', fileName: options.fileName, message: error.message };
      }
      if (isPoliceUkArchive(entries)) {
        inner = readPoliceUkArchive(source, { ...options, locate: options.locate ?? (() => null) });
        if (aborted) inner.abort();
        return inner.result;
      }
      const bytes = new Uint8Array(await file.arrayBuffer());
      // Shapefiles are rare: their reader (shpjs) loads only for them.
      const shapefile = await import('./shapefile.ts');
      if (shapefile.shapefileEntry(entries))
        return shapefile.readShapefileZip(bytes, entries, options.fileName);
      if (!isWorkbook(entries))
        return {
          kind: 'unrecognised',
          fileName: options.fileName,
          message:
            'This zip archive holds neither an Excel workbook nor a Shapefile (.shp with its .dbf).',
        };
      inner = readWorkbook(
        { size: bytes.length, read: async (start, end) => bytes.subarray(start, end) },
        options,
      );
    } else if (isBoundaryFile(options.fileName, new TextDecoder().decode(head))) {
      return readBoundaryFile(await file.text(), options.fileName);
    } else inner = readCsv(file, options);
    if (aborted) inner.abort();
    return inner.result;
  })();
  return {
    result,
    abort: () => {
      aborted = true;
      inner?.abort();
    },
  };
}
