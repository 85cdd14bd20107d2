/**
 * The one place a file's format is told: what kind of file it is from its first bytes, what a zip
 * archive holds from its entries, and which table format a header row is.
 */

import type { OffenceFormat } from './offenceFormat.ts';
import { OFFENCE_FORMATS } from './offenceFormats.ts';
import { isPopulationHeader } from './population.ts';
import { isServicesHeader } from './services.ts';
import { byteOrderMark } from './textEncoding.ts';
import { isZip, type ZipEntry } from './zipArchive.ts';

export type DetectedFile =
  /** A zip archive: an Excel workbook or a zipped Shapefile, told by `detectArchive`. */
  | { kind: 'archive' }
  /** GeoJSON ward boundaries. */
  | { kind: 'geojson' }
  /** An SQLite database: a GeoPackage of ward boundaries, or said not to be one by its reader. */
  | { kind: 'geopackage' }
  /** Text taken to be a table (CSV), whose header `detectFormat` reads. */
  | { kind: 'table' }
  /** A kind the app does not read, with what to do instead. */
  | { kind: 'unreadable'; message: string };

/** A workspace file's first bytes ("\x89WHD\r\n\x1a\n", after PNG's): see src/workspace. */
export const WORKSPACE_MAGIC: readonly number[] = [0x89, 0x57, 0x48, 0x44, 0x0d, 0x0a, 0x1a, 0x0a];

/** Binary kinds told by their first bytes that the app does not read, and what to do instead. */
const UNREADABLE: readonly { prefix: readonly number[]; message: string }[] = [
  {
    prefix: WORKSPACE_MAGIC,
    message: 'This is a workspace file: open it with Open workspace, under Share.',
  },
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
    prefix: [0x25, 0x50, 0x44, 0x46],
    message: 'This is a PDF document, not a data file.',
  },
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/** Markup (KML, XML, HTML) told by its first tag, which no table's header starts with. */
function markupMessage(start: string): string | null {
  if (!start.startsWith('<')) return null;
  return /<kml[\s>]/i.test(start)
    ? 'This is a KML file (Google Earth), which the app does not read: export the ward boundaries as GeoJSON or a zipped Shapefile.'
    : 'This is an XML or web page (HTML) document, not a table: save the data as CSV or as an Excel Workbook (.xlsx).';
}

const NOT_TEXT =
  'This file is not text (it holds binary bytes) and is no kind the app reads: load a CSV, an Excel Workbook (.xlsx), a zipped Shapefile, a GeoPackage or a GeoJSON file.';

/** The first bytes of every SQLite database file. */
const SQLITE = [...'SQLite format 3\0'].map((character) => character.charCodeAt(0));

/**
 * A file's kind from its first bytes (64 are plenty) rather than its name, which partners' systems
 * often get wrong; only GeoJSON, which is text like a CSV, is also told by its name.
 */
export function detectFile(head: Uint8Array, fileName: string): DetectedFile {
  const unreadable = UNREADABLE.find(({ prefix }) => startsWith(head, prefix));
  if (unreadable) return { kind: 'unreadable', message: unreadable.message };
  if (startsWith(head, SQLITE)) return { kind: 'geopackage' };
  if (isZip(head)) return { kind: 'archive' };
  // Text has no zero bytes, unless it is UTF-16 (told by its byte order mark).
  if (head.includes(0) && !byteOrderMark(head)?.encoding.startsWith('utf-16'))
    return { kind: 'unreadable', message: NOT_TEXT };
  const start = new TextDecoder().decode(head).replace(/^\uFEFF/, '');
  const markup = markupMessage(start.trimStart());
  if (markup) return { kind: 'unreadable', message: markup };
  if (/\.(geo)?json$/i.test(fileName) || start.trimStart().startsWith('{'))
    return { kind: 'geojson' };
  return { kind: 'table' };
}

export type DetectedArchive =
  | { kind: 'shapefile'; shp: ZipEntry }
  | { kind: 'workbook' }
  | { kind: 'unreadable'; message: string };

/** What a zip archive holds: a Shapefile (a .shp, not in a macOS resource folder) or a workbook. */
export function detectArchive(entries: readonly ZipEntry[]): DetectedArchive {
  const shp = entries.find(
    (entry) => /\.shp$/i.test(entry.name) && !entry.name.includes('__MACOSX'),
  );
  if (shp) return { kind: 'shapefile', shp };
  if (entries.some((entry) => entry.name.toLowerCase() === 'xl/workbook.xml'))
    return { kind: 'workbook' };
  return {
    kind: 'unreadable',
    message:
      'This zip archive holds no Excel workbook, no Shapefile (.shp with its .dbf) and no data.police.uk street-level files (month folders such as 2023-04/ with files such as 2023-04-kent-street.csv).',
  };
}

export type DetectedFormat =
  | { kind: 'offences'; format: OffenceFormat }
  | { kind: 'population' }
  | { kind: 'services' };

/** The format whose header this is (offence formats first, in order); null for none. */
export function detectFormat(header: readonly string[]): DetectedFormat | null {
  const format = OFFENCE_FORMATS.find((candidate) => candidate.matches(header));
  if (format) return { kind: 'offences', format };
  if (isPopulationHeader(header)) return { kind: 'population' };
  if (isServicesHeader(header)) return { kind: 'services' };
  return null;
}
