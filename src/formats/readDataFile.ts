/**
 * Any file given to "Load data", read as the kind detectFormat.ts tells from its first bytes: an
 * Excel workbook or a zipped Shapefile, a GeoJSON or GeoPackage of ward boundaries, or a table (CSV) for
 * readFile.ts; a binary kind the app cannot read is named, with what to do.
 */
import { type ParsedBoundaries, readBoundaryFile } from './boundaryFile.ts';
import { blobSource } from './byteSource.ts';
import { detectArchive, detectFile } from './detectFormat.ts';
import { isPoliceUkArchive, readPoliceUkArchive } from './policeUkArchive.ts';
import {
  type FileReading,
  type ParsedFile,
  type ReadOptions,
  readCsv,
  readWorkbook,
} from './readFile.ts';
import { type ZipEntry, ZipError, zipEntriesOf } from './zipArchive.ts';

export type DataFileResult = ParsedFile | ParsedBoundaries;

/** Reads a user's file (or the app's own) of any kind the app knows. */
export function readDataFile(
  file: Blob,
  options: ReadOptions,
): { result: Promise<DataFileResult>; abort(): void } {
  let inner: FileReading | null = null;
  let aborted = false;
  const result = (async (): Promise<DataFileResult> => {
    const detected = detectFile(
      new Uint8Array(await file.slice(0, 64).arrayBuffer()),
      options.fileName,
    );
    const unrecognised = (message: string): DataFileResult => ({
      kind: 'unrecognised',
      fileName: options.fileName,
      message,
    });
    switch (detected.kind) {
      case 'unreadable':
        return unrecognised(detected.message);
      case 'geojson':
        return readBoundaryFile(await file.text(), options.fileName, options);
      case 'geopackage': {
        // GeoPackages are rare: SQLite (sql.js and its WebAssembly) loads only for them.
        const [{ readGeoPackage }, { loadSqlite }] = await Promise.all([
          import('./geoPackage.ts'),
          import('./sqlite.ts'),
        ]);
        const sqlite = await loadSqlite();
        return readGeoPackage(
          new Uint8Array(await file.arrayBuffer()),
          options.fileName,
          sqlite,
          options,
        );
      }
      case 'table':
        inner = readCsv(file, options);
        break;
      case 'archive': {
        const source = blobSource(file);
        let entries: ZipEntry[];
        try {
          // From the archive's directory alone: the police.uk archive is GBs.
          entries = await zipEntriesOf(source);
        } catch (error) {
          if (!(error instanceof ZipError)) throw error;
          return unrecognised(error.message);
        }
        // The police.uk archive is told here, not in detectArchive: detectFormat.ts is part of
        // readFile.ts, which policeUkArchive.ts builds on, so it cannot ask policeUkArchive.ts.
        if (isPoliceUkArchive(entries)) {
          inner = readPoliceUkArchive(source, {
            ...options,
            locate: options.locate ?? (() => null),
          });
          break;
        }
        const archive = detectArchive(entries);
        if (archive.kind === 'unreadable') return unrecognised(archive.message);
        if (archive.kind === 'shapefile') {
          // Shapefiles are rare: their reader (shpjs) loads only for them.
          const { readShapefileZip } = await import('./shapefile.ts');
          const bytes = new Uint8Array(await file.arrayBuffer());
          return readShapefileZip(bytes, entries, archive.shp, options.fileName, options);
        }
        inner = readWorkbook(source, options);
      }
    }
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
