/**
 * CSV rows split straight from the bytes of a file, so that a format can read most rows without
 * making a string of them. Works for UTF-8 and Windows-1252 alike: the delimiter, quote and line
 * breaks are ASCII, and neither encoding uses ASCII bytes inside a multi-byte character.
 *
 * The rules are PapaParse's (RFC 4180, tolerant): a field that starts with a quote runs to a quote
 * followed (after optional spaces) by the delimiter, a line break or the end of the file; `""`
 * inside it is one quote, and any other quote is kept as it is. A field that does not start with
 * a quote runs to the delimiter or line break.
 *
 * Unlike PapaParse, a quote that is never closed does not swallow the rest of the file. A quoted
 * cell that runs on over lines shaped like the file's rows, past what a spreadsheet cell can hold
 * (QUOTED_CELL_LIMITS), or to the end of the file is reported as a runaway quote: the row where it
 * starts is rejected and reading goes on at the next line.
 */
export type LineBreak = '\n' | '\r' | '\r\n';

export interface CsvDialect {
  delimiter: string;
  lineBreak: LineBreak;
  /** 'utf-8' or 'windows-1252' (see detectEncoding in textEncoding.ts). */
  encoding: string;
}

/** Delimiters a file may use, in order of preference when a header has as many of two. */
const DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * The delimiter and line break of a file that starts with this text, from its header row: the
 * first line break outside quotes ends it, and the delimiter is the one it holds most of (a
 * header of one column: a comma). Every format is recognised by its header, whose names hold no
 * delimiter; the rows below may hold any number in quoted cells, which is what misleads a guess
 * made from the rows (PapaParse's).
 */
export function detectDialect(text: string, encoding: string): CsvDialect {
  let quoted = false;
  let end = text.length;
  let lineBreak: LineBreak = '\n';
  for (let at = 0; at < text.length; at += 1) {
    const character = text[at];
    if (character === '"') quoted = !quoted;
    else if (!quoted && (character === '\n' || character === '\r')) {
      end = at;
      lineBreak = character === '\n' ? '\n' : text[at + 1] === '\n' ? '\r\n' : '\r';
      break;
    }
  }
  const header = text.slice(0, end);
  const counts = DELIMITERS.map((delimiter) => header.split(delimiter).length - 1);
  const most = Math.max(...counts);
  const delimiter = most === 0 ? ',' : (DELIMITERS[counts.indexOf(most)] as string);
  return { delimiter, lineBreak, encoding };
}

/**
 * A quoted cell longer than a spreadsheet cell can be (Excel: 32,767 characters, at most 3 bytes
 * each in UTF-8; 253 line breaks) is a quote that was never closed.
 */
export const QUOTED_CELL_LIMITS = { bytes: 3 * 32_767, lineBreaks: 253 } as const;
/** A row without quotes longer than this is not a row of any format read here (a binary file?). */
export const MAX_ROW_BYTES = 1 << 20;

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const VERTICAL_TAB = 0x0b;
const FORM_FEED = 0x0c;

/** What `split` found at a position. */
export const SPLIT_ROW = 0;
/** The row may go on past the end of the bytes read so far. */
export const SPLIT_MORE = 1;
/** The row cannot be read: see `problem`. */
export const SPLIT_BAD = 2;
export type SplitResult = typeof SPLIT_ROW | typeof SPLIT_MORE | typeof SPLIT_BAD;

/** Why a row could not be read, and where reading goes on. */
export interface RowProblem {
  kind: 'runaway quote' | 'row too long';
  /** 0-based field of the quote that runs away. */
  field: number;
  /** How the quoted cell ran away. */
  detail: string;
  /** Where the next row starts: just after the line the row starts on; -1 when that line goes
   * on past the bytes read so far (skip to the next line break). */
  resumeAt: number;
}

export class CsvByteRows {
  /** Start and end (exclusive) of each field of the last row split, quotes removed. */
  starts = new Int32Array(32);
  ends = new Int32Array(32);
  /** 1 where a quoted field holds doubled quotes, to be undone in its text. */
  escaped = new Uint8Array(32);
  fieldCount = 0;
  /** Where the row after the last row split starts. */
  next = 0;
  /** Line breaks inside the quoted cells of the last row split (the row takes that many more
   * lines of the file). */
  lineBreaksInside = 0;
  /** Set when `split` answers SPLIT_BAD. */
  problem: RowProblem | null = null;
  /** The first quoted cell of the row being split that holds a line break: its field and where
   * its quote opens (-1: none). */
  private firstMultiLineField = 0;
  private firstMultiLineOpen = -1;
  /**
   * Fields of a row of this file (the header's), once known: a line inside a quoted cell with
   * that many fields' delimiters is a row the quote ran into.
   */
  expectedFields = 0;
  readonly dialect: CsvDialect;
  private readonly delimiter: number;
  /** 0: LF, 1: CR, 2: CR LF. */
  private readonly breakKind: 0 | 1 | 2;
  private readonly breakByte: number;
  private readonly decoder: TextDecoder;
  private readonly singleByteEncoding: boolean;

  constructor(dialect: CsvDialect) {
    this.dialect = dialect;
    this.delimiter = dialect.delimiter.charCodeAt(0);
    this.breakKind = dialect.lineBreak === '\n' ? 0 : dialect.lineBreak === '\r' ? 1 : 2;
    this.breakByte = this.breakKind === 0 ? LF : CR;
    // A byte-order mark inside the text is a character, as PapaParse sees it.
    this.decoder = new TextDecoder(dialect.encoding, { ignoreBOM: true });
    this.singleByteEncoding = dialect.encoding === 'windows-1252';
  }

  /**
   * Splits the row that starts at `start` into `starts`/`ends`/`fieldCount` and sets `next`.
   * `final`: the bytes run to the end of the file, so the last row needs no line break.
   */
  split(bytes: Uint8Array, start: number, final: boolean): SplitResult {
    const end = bytes.length;
    const delimiter = this.delimiter;
    const breakKind = this.breakKind;
    const breakByte = this.breakByte;
    // A field runs to the delimiter or to the byte that starts a line break; any byte above both
    // (letters, digits) needs one comparison.
    const highest = Math.max(delimiter, breakByte);
    const rowLimit = start + MAX_ROW_BYTES;
    let field = 0;
    let position = start;
    this.lineBreaksInside = 0;
    this.firstMultiLineOpen = -1;
    this.problem = null;
    for (;;) {
      if (field === this.starts.length) this.grow();
      if (position < end && bytes[position] === QUOTE) {
        const close = this.closingQuote(bytes, position, field, start, final);
        if (close < 0) return close === -1 ? SPLIT_MORE : SPLIT_BAD;
        if (close > rowLimit) return this.tooLong(bytes, start, close, end, final);
        this.starts[field] = position + 1;
        this.ends[field] = close;
        field += 1;
        // Spaces between the closing quote and what follows it are dropped.
        let after = close + 1;
        while (after < end && this.isPadding(bytes, after)) after += 1;
        if (after === end) return this.rowAtEnd(bytes, field, final, start);
        if (bytes[after] === delimiter) {
          position = after + 1;
          continue;
        }
        // closingQuote made sure a line break follows.
        return this.endRow(bytes, field, after + (breakKind === 2 ? 2 : 1), final, start);
      }
      this.starts[field] = position;
      this.escaped[field] = 0;
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
      if (position > rowLimit) return this.tooLong(bytes, start, position, end, final);
      if (position === end) {
        this.ends[field] = end;
        return this.rowAtEnd(bytes, field + 1, final, start);
      }
      this.ends[field] = position;
      field += 1;
      if (breakLength > 0) return this.endRow(bytes, field, position + breakLength, final, start);
      position += 1;
    }
  }

  private rowAtEnd(
    bytes: Uint8Array,
    fieldCount: number,
    final: boolean,
    rowStart: number,
  ): SplitResult {
    if (!final) return SPLIT_MORE;
    return this.endRow(bytes, fieldCount, bytes.length, final, rowStart);
  }

  /**
   * A row of fields up to `next`. A row with a line break inside a quoted cell must have the
   * header's fields: more or fewer means its quote ran on into the next row and closed there.
   */
  private endRow(
    bytes: Uint8Array,
    fieldCount: number,
    next: number,
    final: boolean,
    rowStart: number,
  ): SplitResult {
    const multiLine = this.firstMultiLineOpen;
    if (multiLine >= 0 && this.expectedFields > 0 && fieldCount !== this.expectedFields) {
      this.runaway(bytes, multiLine, this.firstMultiLineField, rowStart, final, 'rows');
      return SPLIT_BAD;
    }
    this.fieldCount = fieldCount;
    this.next = next;
    return SPLIT_ROW;
  }

  private tooLong(
    bytes: Uint8Array,
    start: number,
    position: number,
    end: number,
    final: boolean,
  ): SplitResult {
    this.problem = {
      kind: 'row too long',
      field: 0,
      detail: `the row is longer than ${MAX_ROW_BYTES >> 20} MB`,
      resumeAt: this.afterLineBreak(bytes, Math.min(position, end), final, start),
    };
    return SPLIT_BAD;
  }

  /**
   * Where the quoted field opened at `open` closes, setting `escaped[field]`; -1 when the bytes
   * end first (more are needed), -2 when the quote runs away (`problem` says how).
   */
  private closingQuote(
    bytes: Uint8Array,
    open: number,
    field: number,
    rowStart: number,
    final: boolean,
  ): number {
    const end = bytes.length;
    const delimiter = this.delimiter;
    let escaped = 0;
    let loneQuote = false;
    /** Line breaks in the row's earlier quoted cells. */
    const breaksBefore = this.lineBreaksInside;
    // Line breaks inside the cell are counted, and the lines between them looked at, as the
    // search for the closing quote passes them.
    let scanned = open + 1;
    let lineStart = -1;
    let quote = open;
    // Past this the cell is too long, whatever comes after: the search never looks further, so
    // that the answer is the same however the file is cut into chunks.
    const byteLimit = open + 1 + QUOTED_CELL_LIMITS.bytes;
    for (;;) {
      quote = bytes.indexOf(QUOTE, quote + 1);
      const scanTo = Math.min(quote < 0 ? end : quote, byteLimit);
      for (let at = scanned; at < scanTo; at += 1) {
        if (bytes[at] !== this.breakByte) continue;
        const length = this.breakLengthAt(bytes, at);
        if (length === 0) continue;
        // A carriage return last in the bytes: its line feed may come with the next ones.
        if (length < 0) {
          if (!final) return -1;
          continue;
        }
        if ((lineStart >= 0 && this.looksLikeRow(bytes, lineStart, at)) || loneQuote)
          return this.runaway(bytes, open, field, rowStart, final, 'rows');
        this.lineBreaksInside += 1;
        if (this.lineBreaksInside > QUOTED_CELL_LIMITS.lineBreaks)
          return this.runaway(bytes, open, field, rowStart, final, 'lines');
        lineStart = at + length;
        at += length - 1;
      }
      scanned = Math.max(scanned, scanTo);
      if (scanTo === byteLimit) return this.runaway(bytes, open, field, rowStart, final, 'bytes');
      if (quote < 0) return final ? this.runaway(bytes, open, field, rowStart, final, 'end') : -1;
      const next = quote + 1;
      if (next === end) {
        if (!final) return -1;
        break;
      }
      if (bytes[next] === QUOTE) {
        escaped = 1;
        quote = next;
        continue;
      }
      let after = next;
      while (after < end && this.isPadding(bytes, after)) after += 1;
      if (after === end) {
        if (!final) return -1;
        break;
      }
      if (bytes[after] === delimiter) break;
      const breakLength = this.breakLengthAt(bytes, after);
      if (breakLength > 0) break;
      if (breakLength < 0 && !final) return -1;
      // A quote followed by anything else is part of the cell. In a cell written as such, every
      // quote is doubled: a lone one and a line break in the same cell are the quote of the
      // next row's cell, which closed this one.
      if (this.lineBreaksInside > breaksBefore)
        return this.runaway(bytes, open, field, rowStart, final, 'rows');
      loneQuote = true;
    }
    if (lineStart >= 0) {
      // The last line of the cell, up to its closing quote, may be a row too.
      if (this.looksLikeRow(bytes, lineStart, quote))
        return this.runaway(bytes, open, field, rowStart, final, 'rows');
      if (this.firstMultiLineOpen < 0) {
        this.firstMultiLineOpen = open;
        this.firstMultiLineField = field;
      }
    }
    this.escaped[field] = escaped;
    return quote;
  }

  /**
   * White space between a closing quote and the delimiter or line break after it, which
   * PapaParse drops: ASCII white space that is neither the delimiter nor a line break.
   */
  private isPadding(bytes: Uint8Array, at: number): boolean {
    const byte = bytes[at] as number;
    if (byte === this.delimiter) return false;
    if (byte === SPACE || byte === TAB || byte === VERTICAL_TAB || byte === FORM_FEED) return true;
    return (byte === CR || byte === LF) && this.breakLengthAt(bytes, at) === 0;
  }

  /** Length of the line break at `at`: 0 when there is none, -1 when the bytes end too soon. */
  private breakLengthAt(bytes: Uint8Array, at: number): number {
    const byte = bytes[at];
    if (this.breakKind === 0) return byte === LF ? 1 : 0;
    if (byte !== CR) return 0;
    if (this.breakKind === 1) return 1;
    if (at + 1 < bytes.length) return bytes[at + 1] === LF ? 2 : 0;
    return -1;
  }

  /** Whether the line from `start` to `end` holds as many delimiters as a row of this file. */
  private looksLikeRow(bytes: Uint8Array, start: number, end: number): boolean {
    if (this.expectedFields < 2) return false;
    let delimiters = 0;
    for (let at = start; at < end; at += 1) if (bytes[at] === this.delimiter) delimiters += 1;
    return delimiters >= this.expectedFields - 1;
  }

  private runaway(
    bytes: Uint8Array,
    open: number,
    field: number,
    rowStart: number,
    final: boolean,
    how: 'rows' | 'lines' | 'bytes' | 'end',
  ): number {
    // A fault after a cell that already ran over a line break is that cell's: its quote took
    // the line break, and reading goes on after it.
    const earlier = this.firstMultiLineOpen >= 0 && this.firstMultiLineOpen < open;
    const cellOpen = earlier ? this.firstMultiLineOpen : open;
    const details = {
      rows: 'runs on into the rows after it',
      lines: `runs on over more than ${QUOTED_CELL_LIMITS.lineBreaks} line breaks`,
      bytes: `runs on for more than ${Math.round(QUOTED_CELL_LIMITS.bytes / 1000)} kB`,
      end: 'is still open at the end of the file',
    };
    this.problem = {
      kind: 'runaway quote',
      field: earlier ? this.firstMultiLineField : field,
      detail: details[earlier ? 'rows' : how],
      resumeAt: this.afterLineBreak(bytes, cellOpen, final, rowStart),
    };
    return -2;
  }

  /** Just after the first line break from `from`; the end of final bytes; -1 when there is none
   * yet. Never before `rowStart` + 1, so that reading always moves on. */
  private afterLineBreak(
    bytes: Uint8Array,
    from: number,
    final: boolean,
    rowStart: number,
  ): number {
    const after = this.nextLine(bytes, from);
    if (after >= 0) return Math.max(after, rowStart + 1);
    return final ? bytes.length : -1;
  }

  /** Just after the first line break from `from`, or -1 when the bytes hold none (yet). */
  nextLine(bytes: Uint8Array, from: number): number {
    for (
      let at = bytes.indexOf(this.breakByte, from);
      at >= 0;
      at = bytes.indexOf(this.breakByte, at + 1)
    ) {
      const length = this.breakLengthAt(bytes, at);
      if (length > 0) return at + length;
      if (length < 0) return -1;
    }
    return -1;
  }

  private grow(): void {
    const starts = new Int32Array(this.starts.length * 2);
    const ends = new Int32Array(this.ends.length * 2);
    const escaped = new Uint8Array(this.escaped.length * 2);
    starts.set(this.starts);
    ends.set(this.ends);
    escaped.set(this.escaped);
    this.starts = starts;
    this.ends = ends;
    this.escaped = escaped;
  }

  /** The fields of the last row split, as text. */
  cells(bytes: Uint8Array): string[] {
    const count = this.fieldCount;
    const cells: string[] = new Array(count);
    if (count === 0) return cells;
    const first = this.starts[0] as number;
    const last = this.ends[count - 1] as number;
    // A row whose bytes are one character each is decoded once and cut up.
    const row =
      last >= first && (this.singleByteEncoding || isAscii(bytes, first, last))
        ? this.decoder.decode(bytes.subarray(first, last))
        : null;
    for (let field = 0; field < count; field += 1) {
      const start = this.starts[field] as number;
      const end = this.ends[field] as number;
      const text =
        row === null
          ? this.decoder.decode(bytes.subarray(start, end))
          : row.slice(start - first, end - first);
      cells[field] = this.escaped[field] === 1 ? text.replaceAll('""', '"') : text;
    }
    return cells;
  }

  text(bytes: Uint8Array, start: number, end: number): string {
    return this.decoder.decode(bytes.subarray(start, end));
  }

  /** Line breaks (of this dialect) in bytes[start, end). */
  countLineBreaks(bytes: Uint8Array, start: number, end: number): number {
    let count = 0;
    for (let at = bytes.indexOf(this.breakByte, start); at >= 0 && at < end; ) {
      const length = this.breakLengthAt(bytes, at);
      if (length > 0 && at + length <= end) count += 1;
      at = bytes.indexOf(this.breakByte, at + Math.max(1, length));
    }
    return count;
  }
}

function isAscii(bytes: Uint8Array, start: number, end: number): boolean {
  for (let at = start; at < end; at += 1) if ((bytes[at] as number) >= 0x80) return false;
  return true;
}

/** The row at `start` as text cells and where the next row starts; null when it may go on or
 * cannot be read (see `rows.problem`). */
export function readCells(
  rows: CsvByteRows,
  bytes: Uint8Array,
  start: number,
  final: boolean,
): { cells: string[]; next: number } | null {
  if (rows.split(bytes, start, final) !== SPLIT_ROW) return null;
  return { cells: rows.cells(bytes), next: rows.next };
}
