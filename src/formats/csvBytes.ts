/**
 * CSV rows split straight from the bytes of a file, exactly as PapaParse splits the decoded text,
 * so that a format can read most rows without making a string of them. Works for UTF-8 and
 * Windows-1252 alike: the delimiter, quote and line breaks are ASCII, and neither encoding uses
 * ASCII bytes inside a multi-byte character.
 *
 * PapaParse reads a quote only at the start of a field. A quoted field without quotes inside that
 * closes just before a delimiter, a line break or the end of the file is split here; any other
 * quoting (doubled quotes, text after the closing quote, a quote never closed) is left to
 * PapaParse itself, on a window of the bytes that starts at the row.
 */
import Papa from 'papaparse';

export type LineBreak = '\n' | '\r' | '\r\n';

export interface CsvDialect {
  delimiter: string;
  lineBreak: LineBreak;
  /** 'utf-8' or 'windows-1252' (see detectEncoding in readFile.ts). */
  encoding: string;
}

/**
 * The delimiter and line break PapaParse would pick for a file that starts with this text (it
 * guesses the line break from the first million characters and the delimiter from the first ten
 * rows), or null when it picks one that is not a single ASCII character.
 */
export function detectDialect(text: string, encoding: string): CsvDialect | null {
  const { meta } = Papa.parse<string[]>(text.slice(0, 1 << 20), { preview: 1 });
  const { delimiter, linebreak } = meta;
  if (delimiter.length !== 1 || delimiter.charCodeAt(0) > 0x7f) return null;
  if (linebreak !== '\n' && linebreak !== '\r' && linebreak !== '\r\n') return null;
  return { delimiter, lineBreak: linebreak, encoding };
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** What `split` found at a position. */
export const SPLIT_ROW = 0;
/** The row may go on past the end of the bytes read so far. */
export const SPLIT_MORE = 1;
/** A quoted field PapaParse reads in its own way: see `papaRow`. */
export const SPLIT_IRREGULAR = 2;
export type SplitResult = typeof SPLIT_ROW | typeof SPLIT_MORE | typeof SPLIT_IRREGULAR;

/** PapaParse's rows windowed from the bytes start small: a row is rarely longer than this. */
const FIRST_WINDOW = 1024;

export class CsvByteRows {
  /** Start and end (exclusive) of each field of the last row split, quotes removed. */
  starts = new Int32Array(32);
  ends = new Int32Array(32);
  fieldCount = 0;
  /** Where the row after the last row split starts. */
  next = 0;
  private readonly delimiter: number;
  private readonly lineBreak: LineBreak;
  /** 0: LF, 1: CR, 2: CR LF. */
  private readonly breakKind: 0 | 1 | 2;
  private readonly decoder: TextDecoder;
  readonly dialect: CsvDialect;

  constructor(dialect: CsvDialect) {
    this.dialect = dialect;
    this.delimiter = dialect.delimiter.charCodeAt(0);
    this.lineBreak = dialect.lineBreak;
    this.breakKind = dialect.lineBreak === '\n' ? 0 : dialect.lineBreak === '\r' ? 1 : 2;
    // A byte-order mark inside the text is a character, as PapaParse sees it.
    this.decoder = new TextDecoder(dialect.encoding, { ignoreBOM: true });
  }

  /**
   * Splits the row that starts at `start` into `starts`/`ends`/`fieldCount` and sets `next`.
   * `final`: the bytes run to the end of the file, so the last row needs no line break.
   */
  split(bytes: Uint8Array, start: number, final: boolean): SplitResult {
    const end = bytes.length;
    const delimiter = this.delimiter;
    const breakKind = this.breakKind;
    // A field runs to the delimiter or to the byte that starts a line break; any byte above both
    // (letters, digits) needs one comparison.
    const breakByte = breakKind === 0 ? LF : CR;
    const highest = Math.max(delimiter, breakByte);
    let starts = this.starts;
    let ends = this.ends;
    let field = 0;
    let position = start;
    for (;;) {
      if (field === starts.length) {
        this.grow();
        starts = this.starts;
        ends = this.ends;
      }
      if (position < end && bytes[position] === QUOTE) {
        const close = bytes.indexOf(QUOTE, position + 1);
        if (close < 0) return final ? SPLIT_IRREGULAR : SPLIT_MORE;
        starts[field] = position + 1;
        ends[field] = close;
        field += 1;
        const after = close + 1;
        if (after === end) {
          if (!final) return SPLIT_MORE;
          this.fieldCount = field;
          this.next = end;
          return SPLIT_ROW;
        }
        if (bytes[after] === delimiter) {
          position = after + 1;
          continue;
        }
        const breakLength = this.lineBreakAt(bytes, after, final);
        if (breakLength > 0) {
          this.fieldCount = field;
          this.next = after + breakLength;
          return SPLIT_ROW;
        }
        return breakLength < 0 ? SPLIT_MORE : SPLIT_IRREGULAR;
      }
      starts[field] = position;
      let breakLength = 0;
      while (position < end) {
        const byte = bytes[position] as number;
        if (byte > highest) {
          position += 1;
          continue;
        }
        if (byte === delimiter) break;
        if (byte === breakByte) {
          if (breakKind !== 2) {
            breakLength = 1;
            break;
          }
          if (position + 1 < end) {
            if (bytes[position + 1] === LF) {
              breakLength = 2;
              break;
            }
          } else if (!final) return SPLIT_MORE;
        }
        position += 1;
      }
      if (position === end) {
        if (!final) return SPLIT_MORE;
        ends[field] = end;
        this.fieldCount = field + 1;
        this.next = end;
        return SPLIT_ROW;
      }
      ends[field] = position;
      field += 1;
      if (breakLength > 0) {
        this.fieldCount = field;
        this.next = position + breakLength;
        return SPLIT_ROW;
      }
      position += 1;
    }
  }

  /** Length of the line break at `at`, 0 when there is none, -1 when the bytes end too soon. */
  private lineBreakAt(bytes: Uint8Array, at: number, final: boolean): number {
    const byte = bytes[at];
    if (this.breakKind === 0) return byte === LF ? 1 : 0;
    if (byte !== CR) return 0;
    if (this.breakKind === 1) return 1;
    if (at + 1 < bytes.length) return bytes[at + 1] === LF ? 2 : 0;
    return final ? 0 : -1;
  }

  private grow(): void {
    const starts = new Int32Array(this.starts.length * 2);
    const ends = new Int32Array(this.ends.length * 2);
    starts.set(this.starts);
    ends.set(this.ends);
    this.starts = starts;
    this.ends = ends;
  }

  /** The fields of the last row split, as text. */
  cells(bytes: Uint8Array): string[] {
    const cells: string[] = [];
    for (let field = 0; field < this.fieldCount; field += 1)
      cells.push(this.text(bytes, this.starts[field] as number, this.ends[field] as number));
    return cells;
  }

  text(bytes: Uint8Array, start: number, end: number): string {
    return this.decoder.decode(bytes.subarray(start, end));
  }

  /**
   * The row at `start` as PapaParse reads it, for the rows `split` calls irregular: PapaParse
   * parses a window of decoded text from the row on, widened until the row ends inside it. Null
   * when the row may go on past the bytes read so far.
   */
  papaRow(
    bytes: Uint8Array,
    start: number,
    final: boolean,
  ): { cells: string[]; next: number } | null {
    for (let size = FIRST_WINDOW; ; size *= 4) {
      const windowEnd = Math.min(bytes.length, start + size);
      const atEnd = windowEnd === bytes.length;
      const text = new TextDecoder(this.dialect.encoding, { ignoreBOM: true }).decode(
        bytes.subarray(start, windowEnd),
        { stream: !(atEnd && final) },
      );
      const parsed = new Papa.Parser({
        delimiter: this.dialect.delimiter,
        newline: this.lineBreak,
        preview: 1,
        fastMode: false,
      }).parse(text, 0, !(atEnd && final)) as Papa.ParseResult<string[]>;
      const cells = parsed.data[0];
      if (cells !== undefined) {
        const cursor = parsed.meta.cursor;
        const next =
          cursor >= text.length && atEnd && final
            ? bytes.length
            : this.afterLineBreaks(bytes, start, countOf(text.slice(0, cursor), this.lineBreak));
        return { cells, next };
      }
      if (atEnd) return null;
    }
  }

  /** Position just after the `count`-th line break from `start`. */
  private afterLineBreaks(bytes: Uint8Array, start: number, count: number): number {
    let position = start;
    let found = 0;
    while (found < count) {
      const at = bytes.indexOf(this.breakKind === 0 ? LF : CR, position);
      if (at < 0) return bytes.length;
      if (this.breakKind === 2 && bytes[at + 1] !== LF) {
        position = at + 1;
        continue;
      }
      found += 1;
      position = at + (this.breakKind === 2 ? 2 : 1);
    }
    return position;
  }
}

/** Occurrences of `part` in `text`, left to right, not overlapping. */
function countOf(text: string, part: string): number {
  let count = 0;
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length)) count += 1;
  return count;
}

/** The row at `start` as text cells and where the next row starts; null when it may go on. */
export function readCells(
  rows: CsvByteRows,
  bytes: Uint8Array,
  start: number,
  final: boolean,
): { cells: string[]; next: number } | null {
  const split = rows.split(bytes, start, final);
  if (split === SPLIT_MORE) return null;
  if (split === SPLIT_IRREGULAR) return rows.papaRow(bytes, start, final);
  return { cells: rows.cells(bytes), next: rows.next };
}
