/**
 * The text encoding of a file: a byte-order mark decides it, as a browser decodes a file;
 * otherwise UTF-8 when the bytes are UTF-8, else Windows-1252 (Excel's "CSV" on Windows). The
 * guess is made from the first bytes and checked on every later byte as the file streams
 * (Utf8Check), so that an "Earl’s Court" saved by Excel deep in a file is not misread.
 */
export type Encoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

const BYTE_ORDER_MARKS: { bytes: readonly number[]; encoding: Encoding }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/** The encoding a byte-order mark at the start names, and the mark's length. */
export function byteOrderMark(head: Uint8Array): { encoding: Encoding; length: number } | null {
  const mark = BYTE_ORDER_MARKS.find(({ bytes }) =>
    bytes.every((byte, index) => head[index] === byte),
  );
  return mark ? { encoding: mark.encoding, length: mark.bytes.length } : null;
}

/** UTF-8 when the bytes decode as UTF-8 (a character cut at the end is not an error), otherwise
 * Windows-1252. */
export function detectEncoding(sample: Uint8Array): 'utf-8' | 'windows-1252' {
  const check = new Utf8Check();
  return check.push(sample) ? 'utf-8' : 'windows-1252';
}

/**
 * Checks that bytes are UTF-8 as they arrive in chunks (a character may be cut between two). Runs
 * at over a GB/s: ASCII is passed four bytes at a time.
 */
export class Utf8Check {
  /** Where in the stream the first byte that is not UTF-8 is; -1 while all are. */
  firstBad = -1;
  private checked = 0;
  /** Continuation bytes still to come, and the range the next one must be in. */
  private pending = 0;
  private lower = 0x80;
  private upper = 0xbf;

  /** Checks the next bytes of the stream; false once a byte is not UTF-8. */
  push(bytes: Uint8Array): boolean {
    if (this.firstBad >= 0) return false;
    const length = bytes.length;
    let at = 0;
    // Words are read where the bytes are aligned to four.
    const misalignment = bytes.byteOffset & 3;
    const words =
      misalignment === 0
        ? new Uint32Array(bytes.buffer, bytes.byteOffset, length >> 2)
        : new Uint32Array(0);
    while (at < length) {
      if (this.pending === 0 && (at & 3) === 0 && at + 4 <= length && words.length > 0) {
        let word = at >> 2;
        while (word < words.length && ((words[word] as number) & 0x80808080) === 0) word += 1;
        at = word << 2;
        if (at >= length) break;
      }
      if (!this.step(bytes[at] as number)) {
        this.firstBad = this.checked + at;
        return false;
      }
      at += 1;
    }
    this.checked += length;
    return true;
  }

  /** Whether the stream so far ends on a whole character. */
  get complete(): boolean {
    return this.pending === 0;
  }

  private step(byte: number): boolean {
    if (this.pending > 0) {
      if (byte < this.lower || byte > this.upper) return false;
      this.pending -= 1;
      this.lower = 0x80;
      this.upper = 0xbf;
      return true;
    }
    if (byte < 0x80) return true;
    // Lead bytes, with the range of the byte after them that rules out overlong forms,
    // surrogates and code points past U+10FFFF (the Unicode standard's table 3-7).
    if (byte >= 0xc2 && byte <= 0xdf) this.pending = 1;
    else if (byte === 0xe0) [this.pending, this.lower] = [2, 0xa0];
    else if ((byte >= 0xe1 && byte <= 0xec) || byte === 0xee || byte === 0xef) this.pending = 2;
    else if (byte === 0xed) [this.pending, this.upper] = [2, 0x9f];
    else if (byte === 0xf0) [this.pending, this.lower] = [3, 0x90];
    else if (byte >= 0xf1 && byte <= 0xf3) this.pending = 3;
    else if (byte === 0xf4) [this.pending, this.upper] = [3, 0x8f];
    else return false;
    return true;
  }
}
