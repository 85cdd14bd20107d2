import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { propertySettings } from '../../tests/support/properties.ts';
import { encodeWindows1252 } from '../../tests/support/windows1252.ts';
import {
  CsvByteRows,
  type CsvDialect,
  detectDialect,
  type LineBreak,
  QUOTED_CELL_LIMITS,
  readCells,
  SPLIT_BAD,
  SPLIT_MORE,
} from './csvBytes.ts';

type Read = { cells: string[] } | { runaway: number };

/**
 * Rows read as a file streams, `chunkSize` bytes at a time, the row cut by a chunk boundary
 * carried in front of the next chunk; a row that cannot be read is recorded by its field and
 * reading goes on where the reader says.
 */
function readInChunks(
  bytes: Uint8Array,
  dialect: CsvDialect,
  chunkSize: number,
  expectedFields = 0,
): Read[] {
  const rows = new CsvByteRows(dialect);
  rows.expectedFields = expectedFields;
  const read: Read[] = [];
  let buffer = new Uint8Array(0);
  let position = 0;
  let readTo = 0;
  let skipping = false;
  for (;;) {
    const final = readTo >= bytes.length;
    while (position < buffer.length) {
      if (skipping) {
        const after = rows.nextLine(buffer, position);
        if (after < 0) {
          position = final ? buffer.length : Math.max(position, buffer.length - 1);
          break;
        }
        skipping = false;
        position = after;
        continue;
      }
      const split = rows.split(buffer, position, final);
      if (split === SPLIT_MORE) break;
      if (split === SPLIT_BAD) {
        const problem = rows.problem;
        if (!problem) throw new Error('a bad row without a problem');
        read.push({ runaway: problem.field });
        if (problem.resumeAt < 0) skipping = true;
        else position = problem.resumeAt;
        continue;
      }
      read.push({ cells: rows.cells(buffer) });
      position = rows.next;
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

const LINE_BREAKS: LineBreak[] = ['\n', '\r\n', '\r'];
const DELIMITERS = [',', ';', '\t'];

const dialects = fc.record({
  delimiter: fc.constantFrom(...DELIMITERS),
  lineBreak: fc.constantFrom(...LINE_BREAKS),
  encoding: fc.constantFrom('utf-8', 'windows-1252'),
});

function encode(text: string, encoding: string): Uint8Array {
  return encoding === 'utf-8' ? new TextEncoder().encode(text) : encodeWindows1252(text);
}

/** Characters that make CSV hard: quotes, every delimiter, both line-break bytes, spaces, and
 * letters that take two or three bytes in UTF-8 (and one in Windows-1252). */
const HARD_CHARACTERS = ['a', 'b', '1', ' ', ',', ';', '\t', '"', '\r', '\n', 'é', '’'];
const fields = fc.string({ unit: fc.constantFrom(...HARD_CHARACTERS), maxLength: 12 });

/** A cell as a careful writer writes it: quoted when it must be, its quotes doubled. */
function writeCell(cell: string, dialect: CsvDialect): string {
  const mustQuote =
    cell.includes(dialect.delimiter) ||
    cell.includes('"') ||
    cell.includes('\r') ||
    cell.includes('\n');
  return mustQuote ? `"${cell.replaceAll('"', '""')}"` : cell;
}

const SETTINGS = propertySettings(16, 300);

describe('CSV rows from bytes', () => {
  it('reads back every cell a careful writer wrote, in any dialect, encoding and chunking', () => {
    fc.assert(
      fc.property(
        dialects,
        fc.array(fc.array(fields, { minLength: 1, maxLength: 5 }), { maxLength: 8 }),
        fc.integer({ min: 1, max: 40 }),
        (dialect, table, chunkSize) => {
          // A last row of one empty cell would be an empty last line: no row at all.
          const text = table
            .map(
              (row) =>
                `${row.map((cell) => writeCell(cell, dialect)).join(dialect.delimiter)}${dialect.lineBreak}`,
            )
            .join('');
          const bytes = encode(text, dialect.encoding);
          expect(readInChunks(bytes, dialect, chunkSize)).toEqual(
            table.map((cells) => ({ cells })),
          );
        },
      ),
      SETTINGS,
    );
  });

  it('splits any text as PapaParse does, wherever PapaParse finds the quotes well formed', () => {
    fc.assert(
      fc.property(
        dialects,
        fc.string({ unit: fc.constantFrom(...HARD_CHARACTERS, '"', '"'), maxLength: 80 }),
        fc.integer({ min: 1, max: 40 }),
        (dialect, text, chunkSize) => {
          const parsed = Papa.parse<string[]>(text, {
            delimiter: dialect.delimiter,
            newline: dialect.lineBreak,
          });
          // A quote never closed, or a lone quote inside a quoted cell, is a fault: the byte
          // reader's own rules for faults are tested below.
          fc.pre(!parsed.errors.some((error) => error.type === 'Quotes'));
          const rows = parsed.data;
          // PapaParse adds an empty row after a final line break; the byte reader stops there.
          const last = rows.at(-1);
          if (text.endsWith(dialect.lineBreak) && last?.length === 1 && last[0] === '') rows.pop();
          const bytes = encode(text, dialect.encoding);
          expect(readInChunks(bytes, dialect, chunkSize)).toEqual(rows.map((cells) => ({ cells })));
        },
      ),
      SETTINGS,
    );
  });

  it('gives the same rows and the same faults however the file is cut into chunks', () => {
    fc.assert(
      fc.property(
        dialects,
        fc.string({ unit: fc.constantFrom(...HARD_CHARACTERS, '"'), maxLength: 120 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 1, max: 40 }),
        (dialect, text, expectedFields, chunkSize) => {
          const bytes = encode(text, dialect.encoding);
          expect(readInChunks(bytes, dialect, chunkSize, expectedFields)).toEqual(
            readInChunks(bytes, dialect, bytes.length + 1, expectedFields),
          );
        },
      ),
      SETTINGS,
    );
  });

  it('rejects only the row where a stray quote opens, and reads every other row', () => {
    const plainCell = fc.string({ unit: fc.constantFrom('a', 'b', '1', ' ', 'é'), maxLength: 6 });
    /**
     * A cell other rows may quote: quotes, a line break, at most one delimiter (a line of a
     * notes cell is never shaped like a row of three columns or more). It starts with a letter:
     * a quoted cell that starts with a line break or a delimiter could close a stray quote just
     * before it, and the two readings of the file would be equally good.
     */
    const notesCell = (dialect: CsvDialect) =>
      fc
        .tuple(
          fc.string({
            unit: fc.constantFrom('a', ' ', '"', 'é', dialect.lineBreak),
            maxLength: 8,
          }),
          fc.boolean(),
        )
        .map(([text, withDelimiter]) => `n${text}${withDelimiter ? dialect.delimiter : ''}`);
    fc.assert(
      fc.property(
        dialects.chain((dialect) =>
          fc.tuple(
            fc.constant(dialect),
            fc.integer({ min: 3, max: 5 }).chain((width) =>
              fc.tuple(
                fc.array(
                  fc.array(fc.oneof(plainCell, notesCell(dialect)), {
                    minLength: width,
                    maxLength: width,
                  }),
                  { minLength: 1, maxLength: 12 },
                ),
                fc.array(plainCell, { minLength: width, maxLength: width }),
                fc.nat(),
                fc.nat(width - 1),
              ),
            ),
          ),
        ),
        fc.boolean(),
        fc.integer({ min: 1, max: 40 }),
        ([dialect, [others, strayRow, rowSeed, strayField]], trailingBreak, chunkSize) => {
          const stray = rowSeed % (others.length + 1);
          const table = [...others.slice(0, stray), strayRow, ...others.slice(stray)];
          const lines = table.map((row, index) =>
            row
              .map((cell, field) =>
                index === stray && field === strayField ? `"${cell}` : writeCell(cell, dialect),
              )
              .join(dialect.delimiter),
          );
          const text = lines.join(dialect.lineBreak) + (trailingBreak ? dialect.lineBreak : '');
          const bytes = encode(text, dialect.encoding);
          const expected: Read[] = table.map((cells, index) =>
            index === stray ? { runaway: strayField } : { cells },
          );
          expect(readInChunks(bytes, dialect, chunkSize, strayRow.length)).toEqual(expected);
        },
      ),
      SETTINGS,
    );
  });

  it('says how a quoted cell ran away and where reading goes on', () => {
    const dialect: CsvDialect = { delimiter: ',', lineBreak: '\n', encoding: 'utf-8' };
    const rows = new CsvByteRows(dialect);
    rows.expectedFields = 3;
    const bytes = new TextEncoder().encode('a,"b,c\nd,e,f\ng,h,i\n');
    expect(rows.split(bytes, 0, true)).toBe(SPLIT_BAD);
    expect(rows.problem).toEqual({
      kind: 'runaway quote',
      field: 1,
      detail: 'runs on into the rows after it',
      resumeAt: 7,
    });
    expect(readCells(rows, bytes, 7, true)).toEqual({ cells: ['d', 'e', 'f'], next: 13 });

    // A cell longer than a spreadsheet cell can be, even on one line.
    const long = new TextEncoder().encode(`"${'x'.repeat(QUOTED_CELL_LIMITS.bytes + 10)}"\nz\n`);
    expect(rows.split(long, 0, true)).toBe(SPLIT_BAD);
    expect(rows.problem?.detail).toBe('runs on for more than 98 kB');
    // 254 short lines: more line breaks than a spreadsheet cell holds.
    const tall = new TextEncoder().encode(`"${'x\n'.repeat(254)}"\n`);
    expect(rows.split(tall, 0, true)).toBe(SPLIT_BAD);
    expect(rows.problem?.detail).toBe('runs on over more than 253 line breaks');
    // A quoted cell over a few lines, shaped unlike a row, is a cell.
    const notes = new TextEncoder().encode('1,"first line\nsecond line",3\n');
    expect(readCells(rows, notes, 0, true)).toEqual({
      cells: ['1', 'first line\nsecond line', '3'],
      next: notes.length,
    });
    expect(rows.lineBreaksInside).toBe(1);
    // Still open at the end of the file.
    const open = new TextEncoder().encode('1,2,"never closed');
    expect(rows.split(open, 0, false)).toBe(SPLIT_MORE);
    expect(rows.split(open, 0, true)).toBe(SPLIT_BAD);
    expect(rows.problem).toMatchObject({ detail: 'is still open at the end of the file' });
  });

  it('takes the delimiter and line break from the header row', () => {
    expect(detectDialect('a;b;c\r\n1;2;3\r\n', 'utf-8')).toEqual({
      delimiter: ';',
      lineBreak: '\r\n',
      encoding: 'utf-8',
    });
    // Commas in a quoted cell of the rows below do not count.
    expect(detectDialect('a;b\r"1,2,3";4\r', 'windows-1252')).toEqual({
      delimiter: ';',
      lineBreak: '\r',
      encoding: 'windows-1252',
    });
    // A line break inside a quoted header name does not end the header.
    expect(detectDialect('"a\nb"\tc\n', 'utf-8')).toMatchObject({
      delimiter: '\t',
      lineBreak: '\n',
    });
    // One column, one line: a comma and a line feed.
    expect(detectDialect('ward_code', 'utf-8')).toMatchObject({ delimiter: ',', lineBreak: '\n' });
  });
});
