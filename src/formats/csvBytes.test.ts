import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../scripts/demoData.ts';
import { encodeWindows1252 } from '../../tests/support/windows1252.ts';
import {
  CsvByteRows,
  type CsvDialect,
  detectDialect,
  type LineBreak,
  readCells,
} from './csvBytes.ts';

/**
 * Rows read as readFile streams a file: `chunkSize` bytes at a time, the row cut by a chunk
 * boundary carried in front of the next chunk.
 */
function rowsInChunks(bytes: Uint8Array, dialect: CsvDialect, chunkSize: number): string[][] {
  const rows = new CsvByteRows(dialect);
  const read: string[][] = [];
  let buffer = new Uint8Array(0);
  let position = 0;
  let readTo = 0;
  for (;;) {
    const final = readTo >= bytes.length;
    while (position < buffer.length) {
      const row = readCells(rows, buffer, position, final);
      if (row === null) break;
      read.push(row.cells);
      position = row.next;
    }
    if (final) return read;
    const chunk = bytes.subarray(readTo, readTo + chunkSize);
    readTo += chunk.length;
    const joined = new Uint8Array(buffer.length - position + chunk.length);
    joined.set(buffer.subarray(position));
    joined.set(chunk, buffer.length - position);
    buffer = joined;
    position = 0;
  }
}

/** PapaParse's rows of the text, without the empty row it adds after a final line break (the
 * byte reader stops there; readFile skips blank rows anyway). */
function papaRows(text: string, dialect: CsvDialect): string[][] {
  const rows = Papa.parse<string[]>(text, {
    delimiter: dialect.delimiter,
    newline: dialect.lineBreak,
  }).data;
  const last = rows.at(-1);
  if (text.endsWith(dialect.lineBreak) && last?.length === 1 && last[0] === '') rows.pop();
  return rows;
}

const LINE_BREAKS: LineBreak[] = ['\n', '\r\n', '\r'];
const DELIMITERS = [',', ';', '\t'];
/** Quotes, both line-break bytes, spaces and two delimiters come often: the hard cases. */
const ALPHABET = ['a', 'b', 'c', ' ', ',', ';', '\t', '"', '"', '"', '\r', '\n', 'é', '’', '1'];

describe('CSV rows from bytes', () => {
  it('splits rows exactly as PapaParse does, in any chunking, for UTF-8 and Windows-1252', () => {
    const random = mulberry32(7);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
    for (let trial = 0; trial < 3000; trial += 1) {
      const length = Math.floor(random() * 120);
      const text = Array.from({ length }, () => pick(ALPHABET)).join('');
      const encoding = random() < 0.5 ? 'utf-8' : 'windows-1252';
      const dialect: CsvDialect = {
        delimiter: pick(DELIMITERS),
        lineBreak: pick(LINE_BREAKS),
        encoding,
      };
      const bytes = encoding === 'utf-8' ? new TextEncoder().encode(text) : encodeWindows1252(text);
      const expected = papaRows(text, dialect);
      for (const chunkSize of [1, 2 + Math.floor(random() * 30), 1 << 20]) {
        const context = `${JSON.stringify(text)} ${JSON.stringify(dialect)} chunks of ${chunkSize}`;
        expect(rowsInChunks(bytes, dialect, chunkSize), context).toEqual(expected);
      }
    }
  });

  it('reads plain and quoted fields itself, and quoted fields PapaParse reads its own way', () => {
    const dialect: CsvDialect = { delimiter: ',', lineBreak: '\n', encoding: 'utf-8' };
    const rows = new CsvByteRows(dialect);
    const bytes = new TextEncoder().encode('a,"b,c",d\n"e ""f""",g\n"h"  ,i\n"never closed,j\n');
    // Row 1: split here; the quoted field keeps its delimiter.
    expect(readCells(rows, bytes, 0, true)).toEqual({ cells: ['a', 'b,c', 'd'], next: 10 });
    // Row 2 (12 bytes from 10): doubled quotes, left to PapaParse, which undoes them.
    expect(readCells(rows, bytes, 10, true)).toEqual({ cells: ['e "f"', 'g'], next: 22 });
    // Row 3 (8 bytes from 22): spaces after the closing quote, which PapaParse drops.
    expect(readCells(rows, bytes, 22, true)).toEqual({ cells: ['h', 'i'], next: 30 });
    // Row 4: a quote never closed takes the rest of the file, line break included.
    expect(readCells(rows, bytes, 30, true)).toEqual({
      cells: ['never closed,j\n'],
      next: bytes.length,
    });
    // Before the end of the file, that row might still close: more bytes are needed.
    expect(readCells(rows, bytes, 30, false)).toBeNull();
  });

  it('picks the delimiter and line break PapaParse picks', () => {
    expect(detectDialect('a;b;c\r\n1;2;3\r\n', 'utf-8')).toEqual({
      delimiter: ';',
      lineBreak: '\r\n',
      encoding: 'utf-8',
    });
    expect(detectDialect('a,b\n1,2\n', 'windows-1252')).toEqual({
      delimiter: ',',
      lineBreak: '\n',
      encoding: 'windows-1252',
    });
  });
});
