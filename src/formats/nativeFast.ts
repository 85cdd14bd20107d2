/**
 * The native aggregated CSV read straight from bytes into the cube builder: no string and no
 * array per row, a few hundred MB/s, so that all of London over five years (5 million rows)
 * loads in about a second.
 *
 * It gives exactly what NativeOffencesReader gives for the same rows, because it only takes the
 * rows it is sure of: ward and theme cells it has already resolved through the reader's own rules
 * (cached by their bytes), a month written YYYY-MM, a weekday Mon..Sun or 1-7, an hour of one or
 * two digits, a count of digits. Every other row, bad rows included, goes as text cells to the
 * reference path, which logs it with its reason.
 */

import { timeSlot, UNKNOWN_TIME_SLOT } from '../data/cube.ts';
import { normaliseThemeId, type ThemeId } from '../data/themes.ts';
import type { WardLookup } from '../geo/wardLookup.ts';
import type { CsvByteRows } from './csvBytes.ts';
import type { NativeOffencesReader } from './nativeOffences.ts';
import { dataMonths, MAX_COUNT } from './rowChecks.ts';

/** Distinct ward or theme cells remembered; beyond that (a file of garbage) rows go the slow way. */
const MAX_CACHED_KEYS = 1 << 16;

/** Exact byte strings to small integers, by open addressing on a FNV-1a hash. */
class ByteKeys {
  private slots = new Int32Array(1024).fill(-1);
  private hashes = new Int32Array(256);
  private keyStarts = new Int32Array(256);
  private keyLengths = new Int32Array(256);
  private pool = new Uint8Array(4096);
  private poolLength = 0;
  size = 0;

  /** Index of the key bytes[start, end), or -1. */
  find(bytes: Uint8Array, start: number, end: number): number {
    const hash = hashOf(bytes, start, end);
    const length = end - start;
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const key = this.slots[slot] as number;
      if (key < 0) return -1;
      if (this.hashes[key] === hash && this.keyLengths[key] === length) {
        const at = this.keyStarts[key] as number;
        let same = true;
        for (let index = 0; index < length; index += 1) {
          if (this.pool[at + index] !== bytes[start + index]) {
            same = false;
            break;
          }
        }
        if (same) return key;
      }
    }
  }

  /** Adds a key `find` did not find; returns its index, or -1 when the table is full. */
  add(bytes: Uint8Array, start: number, end: number): number {
    if (this.size === MAX_CACHED_KEYS) return -1;
    const key = this.size;
    this.size += 1;
    if (key === this.hashes.length) {
      this.hashes = grown(this.hashes, key * 2);
      this.keyStarts = grown(this.keyStarts, key * 2);
      this.keyLengths = grown(this.keyLengths, key * 2);
    }
    const length = end - start;
    if (this.poolLength + length > this.pool.length) {
      const pool = new Uint8Array(Math.max(this.pool.length * 2, this.poolLength + length));
      pool.set(this.pool);
      this.pool = pool;
    }
    this.pool.set(bytes.subarray(start, end), this.poolLength);
    this.hashes[key] = hashOf(bytes, start, end);
    this.keyStarts[key] = this.poolLength;
    this.keyLengths[key] = length;
    this.poolLength += length;
    if (this.size * 2 > this.slots.length) this.rehash();
    else this.place(key);
    return key;
  }

  private place(key: number): void {
    const mask = this.slots.length - 1;
    let slot = (this.hashes[key] as number) & mask;
    while ((this.slots[slot] as number) >= 0) slot = (slot + 1) & mask;
    this.slots[slot] = key;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    for (let key = 0; key < this.size; key += 1) this.place(key);
  }
}

function grown(array: Int32Array, length: number): Int32Array<ArrayBuffer> {
  const copy = new Int32Array(length);
  copy.set(array);
  return copy;
}

function hashOf(bytes: Uint8Array, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let index = start; index < end; index += 1)
    hash = Math.imul(hash ^ (bytes[index] as number), 0x01000193);
  return hash;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const ZERO = 0x30;
const NINE = 0x39;
const MINUS = 0x2d;

/**
 * Weekday 0-6 of a three-letter English abbreviation in any case, -1 otherwise. Setting bit 5
 * lowers the case of an ASCII letter, and turns no other byte into a lower-case letter.
 */
function weekdayOfLetters(first: number, second: number, third: number): number {
  switch (((first | 0x20) << 16) | ((second | 0x20) << 8) | (third | 0x20)) {
    case 0x6d6f6e: // mon
      return 0;
    case 0x747565: // tue
      return 1;
    case 0x776564: // wed
      return 2;
    case 0x746875: // thu
      return 3;
    case 0x667269: // fri
      return 4;
    case 0x736174: // sat
      return 5;
    case 0x73756e: // sun
      return 6;
    default:
      return -1;
  }
}

/** What the fast path reads from each column. */
const OTHER = 0;
const WARD = 1;
const THEME = 2;
const MONTH = 3;
const WEEKDAY = 4;
const HOUR = 5;
const COUNT = 6;

/** fastRow's answer for a row it leaves to the general path. */
const NOT_FAST = -1;

export class NativeFastReader {
  private readonly rows: CsvByteRows;
  private readonly reader: NativeOffencesReader;
  private readonly lookup: WardLookup;
  /** Rows read here rather than handed over as cells: every one of them loaded. */
  fastRows = 0;

  /** The role of each column up to the last one the format reads. */
  private readonly roles: Uint8Array;
  private readonly wardByCode: boolean;
  private readonly delimiter: number;
  /** The byte a line break starts with, and whether it is CR LF. */
  private readonly breakByte: number;
  private readonly crlf: boolean;
  /** Bytes above this are neither the delimiter nor a line break. */
  private readonly highest: number;
  private readonly inDocumentedOrder: boolean;
  /** The months files may hold: others go to the general path, which says why not. */
  private readonly months = dataMonths();

  private readonly wardKeys = new ByteKeys();
  /** Ward code of each ward key, null when it does not resolve. */
  private readonly wardCodes: (string | null)[] = [];
  /** Builder ward id of each ward key, -1 until its first count. */
  private wardIds = new Int32Array(64);
  private readonly themeKeys = new ByteKeys();
  private readonly themeNames: (ThemeId | null)[] = [];
  private themeIds = new Int32Array(64);
  /** The bytes being read, and a view of them for comparing four at a time. */
  private bytes: Uint8Array | null = null;
  private words: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));
  /**
   * Where the last ward and theme cells looked up are in the current bytes (their keys are in
   * wardKey and themeKey): files sorted by ward or theme repeat them row after row, and a repeat
   * costs a comparison.
   */
  private lastWardStart = 0;
  private lastWardLength = -1;
  private lastThemeStart = 0;
  private lastThemeLength = -1;
  /** Fields start at most this far into the current bytes (16 before the end). */
  private lastFieldStart = 0;
  /** The fields of the row being read. */
  private wardKey = -1;
  private themeKey = -1;
  private month = -1;
  private weekday = -1;
  private hour = -1;
  private count = -1;

  /** `reader` reads the rows this one does not take, and holds the cube both add to. */
  constructor(rows: CsvByteRows, reader: NativeOffencesReader, lookup: WardLookup) {
    this.rows = rows;
    this.reader = reader;
    this.lookup = lookup;
    const { columns } = reader;
    this.wardByCode = columns.wardCode >= 0;
    const byColumn: [number, number][] = [
      [this.wardByCode ? columns.wardCode : columns.wardName, WARD],
      [columns.theme, THEME],
      [columns.month, MONTH],
      [columns.weekday, WEEKDAY],
      [columns.hour, HOUR],
      [columns.count, COUNT],
    ];
    this.roles = new Uint8Array(Math.max(...byColumn.map(([column]) => column)) + 1);
    for (const [column, role] of byColumn) if (column >= 0) this.roles[column] = role;
    const { delimiter, lineBreak } = rows.dialect;
    this.delimiter = delimiter.charCodeAt(0);
    this.breakByte = lineBreak === '\n' ? LF : CR;
    this.crlf = lineBreak === '\r\n';
    this.highest = Math.max(this.delimiter, this.breakByte);
    this.inDocumentedOrder = [WARD, THEME, MONTH, WEEKDAY, HOUR, COUNT].every(
      (role, column) => this.roles[column] === role,
    );
  }

  /**
   * Reads the rows from `start` on that are in the common shape and end with a line break inside
   * the bytes, and returns where the first other row starts: the general path reads that one
   * (and the rows cut by the end of a chunk). `fastRows` counts the rows read here.
   */
  readFastRows(bytes: Uint8Array, start: number): number {
    if (bytes !== this.bytes) {
      this.bytes = bytes;
      this.words = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      this.lastFieldStart = bytes.length - 16;
      this.lastWardLength = -1;
      this.lastThemeLength = -1;
    }
    let position = start;
    for (;;) {
      const next = this.fastRow(bytes, position);
      if (next === NOT_FAST) return position;
      position = next;
    }
  }

  /**
   * Reads the row at `start` in one pass over its bytes when it is in the common shape and ends
   * with a line break inside the bytes, and returns where the next row starts; NOT_FAST leaves
   * everything untouched for the general path (which also sees the rows cut by the chunk end).
   */
  private fastRow(bytes: Uint8Array, start: number): number {
    let position = this.inDocumentedOrder ? this.documentedOrderFields(bytes, start) : NOT_FAST;
    if (position === NOT_FAST) position = this.anyOrderFields(bytes, start);
    if (position === NOT_FAST) return NOT_FAST;

    const { reader, wardKey, themeKey, weekday, hour } = this;
    const known = weekday >= 0 && hour >= 0;
    if (!known) reader.rowsWithUnknownTime += 1;
    // Ids are given on first use, theme before ward, as CubeBuilder.add does.
    let themeId = this.themeIds[themeKey] as number;
    if (themeId < 0) {
      themeId = reader.builder.themeId(this.themeNames[themeKey] as ThemeId);
      this.themeIds[themeKey] = themeId;
    }
    let wardId = this.wardIds[wardKey] as number;
    if (wardId < 0) {
      wardId = reader.builder.wardId(this.wardCodes[wardKey] as string);
      this.wardIds[wardKey] = wardId;
    }
    reader.builder.addAt(
      themeId,
      this.month,
      wardId,
      known ? timeSlot(weekday, hour) : UNKNOWN_TIME_SLOT,
      this.count,
    );
    reader.rowsLoaded += 1;
    this.fastRows += 1;
    return position;
  }

  /** ward_code, theme, month, weekday, hour, count, as the README writes them: straight-line. */
  private documentedOrderFields(bytes: Uint8Array, start: number): number {
    const delimiter = this.delimiter;
    // A blank weekday or hour leaves its value as it is: unknown.
    this.weekday = -1;
    this.hour = -1;
    let position = this.readWard(bytes, start);
    if (position === NOT_FAST || bytes[position] !== delimiter) return NOT_FAST;
    position = this.readTheme(bytes, position + 1);
    if (position === NOT_FAST || bytes[position] !== delimiter) return NOT_FAST;
    position = this.readMonth(bytes, position + 1);
    if (position === NOT_FAST || bytes[position] !== delimiter) return NOT_FAST;
    position = this.readWeekday(bytes, position + 1);
    if (position === NOT_FAST || bytes[position] !== delimiter) return NOT_FAST;
    position = this.readHour(bytes, position + 1);
    if (position === NOT_FAST || bytes[position] !== delimiter) return NOT_FAST;
    position = this.readCount(bytes, position + 1);
    return position === NOT_FAST ? NOT_FAST : this.afterLineBreak(bytes, position);
  }

  /** Columns in any order, and any others beside them. */
  private anyOrderFields(bytes: Uint8Array, start: number): number {
    const { roles, delimiter } = this;
    this.weekday = -1;
    this.hour = -1;
    let position = start;
    for (let field = 0; ; field += 1) {
      const role = field < roles.length ? (roles[field] as number) : OTHER;
      position =
        role === WARD
          ? this.readWard(bytes, position)
          : role === THEME
            ? this.readTheme(bytes, position)
            : role === MONTH
              ? this.readMonth(bytes, position)
              : role === WEEKDAY
                ? this.readWeekday(bytes, position)
                : role === HOUR
                  ? this.readHour(bytes, position)
                  : role === COUNT
                    ? this.readCount(bytes, position)
                    : this.readOther(bytes, position);
      if (position === NOT_FAST) return NOT_FAST;
      if (bytes[position] === delimiter) position += 1;
      else return field + 1 < roles.length ? NOT_FAST : this.afterLineBreak(bytes, position);
    }
  }

  /**
   * Whether a field can be read here: it starts at least 16 bytes before the end, so that no
   * read below goes past the end (that makes V8 drop its optimised code), and without a quote
   * (CsvByteRows' business).
   */
  private fieldStartsAt(bytes: Uint8Array, position: number): boolean {
    return position <= this.lastFieldStart && bytes[position] !== QUOTE;
  }

  /** Where the row goes on after the line break at `position`, NOT_FAST when there is none. */
  private afterLineBreak(bytes: Uint8Array, position: number): number {
    if (bytes[position] !== this.breakByte) return NOT_FAST;
    if (!this.crlf) return position + 1;
    return bytes[position + 1] === LF ? position + 2 : NOT_FAST;
  }

  /** Each read… sets the value of its field and returns where the field ends, or NOT_FAST. */
  private readWard(bytes: Uint8Array, position: number): number {
    if (!this.fieldStartsAt(bytes, position)) return NOT_FAST;
    const length = this.lastWardLength;
    if (this.repeats(bytes, position, this.lastWardStart, length)) return position + length;
    const end = this.readOther(bytes, position);
    const key = this.wardKeyOf(bytes, position, end);
    if (key < 0) return NOT_FAST;
    this.wardKey = key;
    this.lastWardStart = position;
    this.lastWardLength = end - position;
    return end;
  }

  private readTheme(bytes: Uint8Array, position: number): number {
    if (!this.fieldStartsAt(bytes, position)) return NOT_FAST;
    const length = this.lastThemeLength;
    if (this.repeats(bytes, position, this.lastThemeStart, length)) return position + length;
    const end = this.readOther(bytes, position);
    const key = this.themeKeyOf(bytes, position, end);
    if (key < 0) return NOT_FAST;
    this.themeKey = key;
    this.lastThemeStart = position;
    this.lastThemeLength = end - position;
    return end;
  }

  /** Exactly YYYY-MM, a month of the years files may hold (rowChecks' dataMonths). */
  private readMonth(bytes: Uint8Array, position: number): number {
    if (!this.fieldStartsAt(bytes, position) || bytes[position + 4] !== MINUS) return NOT_FAST;
    const year = digits(bytes, position, 4);
    const monthOfYear = digits(bytes, position + 5, 2);
    if (year < 0 || monthOfYear < 1 || monthOfYear > 12) return NOT_FAST;
    const month = year * 12 + monthOfYear - 1;
    if (month < this.months.first || month > this.months.last) return NOT_FAST;
    this.month = month;
    return position + 7;
  }

  /** Blank, 1-7, or Mon..Sun in any case. */
  private readWeekday(bytes: Uint8Array, position: number): number {
    if (!this.fieldStartsAt(bytes, position)) return NOT_FAST;
    const first = bytes[position] as number;
    if (first >= 0x31 && first <= 0x37) {
      this.weekday = first - 0x31;
      return position + 1;
    }
    if (first === this.delimiter || first === this.breakByte) return position;
    this.weekday = weekdayOfLetters(
      first,
      bytes[position + 1] as number,
      bytes[position + 2] as number,
    );
    return this.weekday < 0 ? NOT_FAST : position + 3;
  }

  /** Blank, or one or two digits up to 23. */
  private readHour(bytes: Uint8Array, position: number): number {
    if (!this.fieldStartsAt(bytes, position)) return NOT_FAST;
    const first = (bytes[position] as number) - ZERO;
    if (!(first >= 0 && first <= 9)) return position;
    const second = (bytes[position + 1] as number) - ZERO;
    if (!(second >= 0 && second <= 9)) {
      this.hour = first;
      return position + 1;
    }
    this.hour = first * 10 + second;
    return this.hour > 23 ? NOT_FAST : position + 2;
  }

  /** Digits only, up to MAX_COUNT (seven digits at most). */
  private readCount(bytes: Uint8Array, position: number): number {
    if (!this.fieldStartsAt(bytes, position)) return NOT_FAST;
    const limit = Math.min(position + 8, bytes.length);
    let at = position;
    let count = 0;
    for (; at < limit; at += 1) {
      const digit = (bytes[at] as number) - ZERO;
      if (!(digit >= 0 && digit <= 9)) break;
      count = count * 10 + digit;
    }
    this.count = count;
    return at === position || count > MAX_COUNT ? NOT_FAST : at;
  }

  /** Where an unquoted field ends: at the delimiter or a line break (or 16 bytes from the end). */
  private readOther(bytes: Uint8Array, position: number): number {
    if (!this.fieldStartsAt(bytes, position)) return NOT_FAST;
    const { delimiter, breakByte, highest, lastFieldStart } = this;
    let at = position;
    while (at < lastFieldStart) {
      const byte = bytes[at] as number;
      if (byte <= highest && (byte === delimiter || byte === breakByte)) break;
      at += 1;
    }
    return at;
  }

  /**
   * Whether the field at `position` holds the `length` bytes at `other` and ends there (the
   * previous row's cell: the key is then the same). Compares four bytes at a time.
   */
  private repeats(bytes: Uint8Array, position: number, other: number, length: number): boolean {
    if (length < 0 || position + length >= bytes.length) return false;
    const words = this.words;
    let index = 0;
    for (; index + 4 <= length; index += 4)
      if (words.getInt32(position + index) !== words.getInt32(other + index)) return false;
    for (; index < length; index += 1)
      if (bytes[position + index] !== bytes[other + index]) return false;
    const after = bytes[position + length];
    return after === this.delimiter || after === this.breakByte;
  }

  /** Key of a ward cell that resolves to a ward, -1 when it does not or cannot be cached. */
  private wardKeyOf(bytes: Uint8Array, start: number, end: number): number {
    let key = this.wardKeys.find(bytes, start, end);
    if (key < 0) {
      const text = this.rows.text(bytes, start, end);
      // A blank code sends the reference to the name column: leave such rows to it.
      if (this.wardByCode && text.trim() === '') return -1;
      const resolved = this.wardByCode
        ? this.lookup.resolveCode(text)
        : this.lookup.resolveName(text);
      key = this.wardKeys.add(bytes, start, end);
      if (key < 0) return -1;
      this.wardCodes[key] = 'code' in resolved ? resolved.code : null;
      if (key === this.wardIds.length) this.wardIds = grownIds(this.wardIds);
      this.wardIds[key] = -1;
    }
    return this.wardCodes[key] === null ? -1 : key;
  }

  /** Key of a theme cell that is a valid theme id, -1 otherwise. */
  private themeKeyOf(bytes: Uint8Array, start: number, end: number): number {
    let key = this.themeKeys.find(bytes, start, end);
    if (key < 0) {
      key = this.themeKeys.add(bytes, start, end);
      if (key < 0) return -1;
      this.themeNames[key] = normaliseThemeId(this.rows.text(bytes, start, end));
      if (key === this.themeIds.length) this.themeIds = grownIds(this.themeIds);
      this.themeIds[key] = -1;
    }
    return this.themeNames[key] === null ? -1 : key;
  }
}

function grownIds(ids: Int32Array): Int32Array<ArrayBuffer> {
  const copy = new Int32Array(ids.length * 2).fill(-1);
  copy.set(ids);
  return copy;
}

/** The whole number written by `length` ASCII digits at `at`, -1 when one is not a digit. */
function digits(bytes: Uint8Array, at: number, length: number): number {
  let value = 0;
  for (let index = at; index < at + length; index += 1) {
    const byte = bytes[index] as number;
    if (byte < ZERO || byte > NINE) return -1;
    value = value * 10 + (byte - ZERO);
  }
  return value;
}
