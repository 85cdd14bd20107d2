/**
 * The files inside a zip archive (an Excel workbook, a zipped Shapefile), read from its central
 * directory, each decompressed on demand with fflate's streaming inflate: a chunk at a time, so
 * that a large worksheet never becomes one string, and so that an entry that inflates past its
 * limit (a "zip bomb") stops there. These files come from other organisations: every size and
 * offset is checked against the archive before use.
 */
import { Inflate } from 'fflate';
import type { ByteSource } from './byteSource.ts';

export interface ZipEntry {
  name: string;
  /** 0: stored, 8: deflated. */
  method: number;
  compressedSize: number;
  /** As the archive declares it: a limit, not a promise. */
  size: number;
  localHeaderOffset: number;
}

export class ZipError extends Error {
  override name = 'ZipError';
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** The end record is 22 bytes, followed by a comment of up to 65,535. */
const END_SEARCH = 22 + 0xffff;

/** Where the end record is in the bytes that end an archive, and where its directory starts. */
function directoryOf(bytes: Uint8Array): { end: number; directoryOffset: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - END_SEARCH); at -= 1) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipError('The zip archive is damaged: its directory is missing.');
  const count = view.getUint16(end + 10, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (directoryOffset === 0xffffffff || count === 0xffff)
    throw new ZipError('Zip archives over 4 GB (ZIP64) cannot be read.');
  return { end, directoryOffset };
}

/**
 * The entries of a zip archive, from its central directory; `bytes` are the archive from `base`
 * on (all of it by default; from its directory on for one too large to hold).
 */
export function zipEntries(bytes: Uint8Array, base = 0): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { end, directoryOffset } = directoryOf(bytes);
  const count = view.getUint16(end + 10, true);
  const names = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  let at = directoryOffset - base;
  for (let index = 0; index < count; index += 1) {
    if (at < 0 || at + 46 > bytes.length || view.getUint32(at, true) !== DIRECTORY_ENTRY)
      throw new ZipError('The zip archive is damaged: its directory is cut short.');
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    entries.push({
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * The entries of an archive too large to hold whole (the police.uk archive, GBs): only its end
 * and its central directory are read.
 */
export async function zipEntriesOf(source: ByteSource): Promise<ZipEntry[]> {
  const tailStart = Math.max(0, source.size - END_SEARCH);
  const { directoryOffset } = directoryOf(await source.read(tailStart, source.size));
  return zipEntries(await source.read(directoryOffset, source.size), directoryOffset);
}

/**
 * An entry's local header and compressed bytes, read from the archive, with the entry as it
 * stands in them: enough for `inflateEntry` without holding the rest of the archive.
 */
export async function entryOf(
  source: ByteSource,
  entry: ZipEntry,
): Promise<{ bytes: Uint8Array; entry: ZipEntry }> {
  const at = entry.localHeaderOffset;
  const header = await source.read(at, at + 30);
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  if (header.length < 30 || view.getUint32(0, true) !== LOCAL_HEADER)
    throw new ZipError(`The zip archive is damaged: ${entry.name} cannot be found in it.`);
  const length = 30 + view.getUint16(26, true) + view.getUint16(28, true) + entry.compressedSize;
  const bytes = await source.read(at, at + length);
  if (bytes.length < length)
    throw new ZipError(`The zip archive is damaged: ${entry.name} is cut short.`);
  return { bytes, entry: { ...entry, localHeaderOffset: 0 } };
}

/** The compressed bytes of an entry. */
function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const at = entry.localHeaderOffset;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER)
    throw new ZipError(`The zip archive is damaged: ${entry.name} cannot be found in it.`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length)
    throw new ZipError(`The zip archive is damaged: ${entry.name} is cut short.`);
  return bytes.subarray(start, end);
}

/** Compressed bytes handed to the inflater at a time. */
const INFLATE_STEP = 1 << 16;

/**
 * Decompresses an entry, giving its content a chunk at a time to `onChunk`; stops with an error
 * past `limit` bytes. `onStep` is awaited between steps (progress, and a turn for a cancel).
 */
export async function inflateEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  limit: number,
  onChunk: (chunk: Uint8Array) => void,
  onStep: (fraction: number) => Promise<boolean> = async () => true,
): Promise<void> {
  const data = entryData(bytes, entry);
  const tooLarge = () =>
    new ZipError(
      `${entry.name} is larger than ${Math.round(limit / 2 ** 20)} MB once unzipped, more than the app reads.`,
    );
  if (entry.method === 0) {
    if (data.length > limit) throw tooLarge();
    for (let at = 0; at < data.length; at += INFLATE_STEP) {
      onChunk(data.subarray(at, at + INFLATE_STEP));
      if (!(await onStep(Math.min(1, (at + INFLATE_STEP) / data.length)))) return;
    }
    return;
  }
  if (entry.method !== 8)
    throw new ZipError(
      `${entry.name} is compressed in a way the app cannot read (method ${entry.method}).`,
    );
  let inflated = 0;
  const inflater = new Inflate((chunk) => {
    inflated += chunk.length;
    if (inflated > limit) throw tooLarge();
    onChunk(chunk);
  });
  try {
    for (let at = 0; at < data.length; at += INFLATE_STEP) {
      inflater.push(data.subarray(at, at + INFLATE_STEP), at + INFLATE_STEP >= data.length);
      if (!(await onStep(Math.min(1, (at + INFLATE_STEP) / data.length)))) return;
    }
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof ZipError) throw error;
    throw new ZipError(`${entry.name} cannot be unzipped: the archive is damaged.`);
  }
}

/** An entry's whole content (small entries: a workbook's directory, styles, a .prj). */
export async function entryBytes(
  bytes: Uint8Array,
  entry: ZipEntry,
  limit: number,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  await inflateEntry(bytes, entry, limit, (chunk) => chunks.push(chunk.slice()));
  const whole = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.length;
  }
  return whole;
}

/** Zip archives begin with a local file header ("PK\3\4"); an empty one with its end record. */
export function isZip(head: Uint8Array): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5);
}
