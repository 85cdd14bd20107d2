/**
 * The outer layer of a workspace file: what makes a stream of bytes a workspace, compressed, with
 * its integrity checked and, when the user gives a passphrase, encrypted. It knows nothing of what
 * the payload holds (contents.ts does). Layout, all integers little-endian:
 *
 *   offset  bytes  what
 *   0       8      magic: 89 57 48 44 0D 0A 1A 0A ("\x89WHD\r\n\x1a\n", after PNG's: a transfer
 *                  that mangles line ends or the high bit is caught at once)
 *   8       2      format version (uint16)
 *   10      4      header length H (uint32)
 *   14      H      header: UTF-8 JSON (`ContainerHeader`); never the passphrase
 *   14+H    B      body: gzip(payload), or AES-GCM(gzip(payload)) with its 16-byte tag at the end
 *   end-32  32     SHA-256 of every byte before it
 *
 * The digest catches damage and a changed byte anywhere, encrypted or not. It is no signature:
 * someone who edits an unencrypted file can compute a new one. An encrypted file is also
 * authenticated by AES-GCM, whose additional data is the first 14+H bytes, so that its header
 * cannot be changed either without the passphrase.
 */

import { WORKSPACE_MAGIC } from '../formats/detectFormat.ts';

export const WORKSPACE_FORMAT_VERSION = 1;
const PREFIX_BYTES = 14;
const DIGEST_BYTES = 32;

/** OWASP Password Storage Cheat Sheet (2023 onwards): PBKDF2-HMAC-SHA-256, 600,000 iterations. */
export const PBKDF2_ITERATIONS = 600_000;
/** Files may ask for more (stronger) but not so many that opening one hangs for minutes. */
const MAX_PBKDF2_ITERATIONS = 10_000_000;
const SALT_BYTES = 16;
const IV_BYTES = 12;
/** A header is a few hundred bytes; anything far larger is not one of ours. */
const MAX_HEADER_BYTES = 64 * 1024;
/** No payload larger than this is allocated, whatever a header says (4 GiB less one byte). */
export const MAX_PAYLOAD_BYTES = 2 ** 32 - 1;

export interface Encryption {
  cipher: 'AES-GCM';
  keyBits: 256;
  kdf: 'PBKDF2-SHA-256';
  iterations: number;
  /** Base64. */
  salt: string;
  /** Base64, 96 bits. */
  iv: string;
}

export interface ContainerHeader {
  compression: 'gzip';
  /** Bytes of the payload once decompressed (and decrypted). */
  payloadBytes: number;
  encryption: Encryption | null;
}

export type WorkspaceProblem =
  | 'not-a-workspace'
  | 'newer-format'
  | 'damaged'
  | 'passphrase-needed'
  | 'wrong-passphrase'
  | 'invalid-contents';

/** Why a file cannot be opened, in words for the user. */
export class WorkspaceError extends Error {
  readonly problem: WorkspaceProblem;
  constructor(problem: WorkspaceProblem, message: string) {
    super(message);
    this.name = 'WorkspaceError';
    this.problem = problem;
  }
}

const DAMAGED =
  'This workspace file is damaged or was changed after it was saved, so it is not opened. Ask for the file again.';

function assertLittleEndian(): void {
  if (new Uint8Array(Uint16Array.of(1).buffer)[0] !== 1)
    throw new Error('Workspaces need a little-endian device.');
}

export function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const raw = atob(text);
  return Uint8Array.from(raw, (character) => character.charCodeAt(0));
}

async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
}

async function deriveKey(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Concatenates chunks into one array of exactly their length. */
function concatenated(chunks: readonly Uint8Array[], length: number): Uint8Array<ArrayBuffer> {
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  return joined;
}

/** Gzips chunks as they are produced, so that the payload is never held whole twice. */
async function gzip(chunks: Iterable<Uint8Array>): Promise<Uint8Array<ArrayBuffer>> {
  const iterator = chunks[Symbol.iterator]();
  const source = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
  });
  const reader = source
    .pipeThrough(new CompressionStream('gzip') as ReadableWritablePair<Uint8Array, Uint8Array>)
    .getReader();
  const out: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    out.push(value);
    length += value.length;
  }
  return concatenated(out, length);
}

/** Gunzips into an array of the length the header gave; anything else means damage. */
async function gunzip(body: Uint8Array<ArrayBuffer>, payloadBytes: number): Promise<Uint8Array> {
  const payload = new Uint8Array(payloadBytes);
  let offset = 0;
  try {
    const reader = new Blob([body])
      .stream()
      .pipeThrough(new DecompressionStream('gzip') as ReadableWritablePair<Uint8Array, Uint8Array>)
      .getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (offset + value.length > payloadBytes) {
        await reader.cancel();
        throw new WorkspaceError('damaged', DAMAGED);
      }
      payload.set(value, offset);
      offset += value.length;
    }
  } catch (error) {
    if (error instanceof WorkspaceError) throw error;
    throw new WorkspaceError('damaged', DAMAGED);
  }
  if (offset !== payloadBytes) throw new WorkspaceError('damaged', DAMAGED);
  return payload;
}

export interface SealOptions {
  /** Encrypts the body when given (and not empty). */
  passphrase: string | null;
}

/** A workspace file around a payload given as chunks (`payloadBytes` long in all). */
export async function sealWorkspace(
  payload: Iterable<Uint8Array>,
  payloadBytes: number,
  options: SealOptions,
): Promise<Uint8Array<ArrayBuffer>> {
  assertLittleEndian();
  if (payloadBytes > MAX_PAYLOAD_BYTES) throw new Error('The workspace is too large to save.');
  let body = await gzip(payload);
  let encryption: Encryption | null = null;
  let key: CryptoKey | null = null;
  let iv: Uint8Array<ArrayBuffer> | null = null;
  if (options.passphrase) {
    const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
    iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
    key = await deriveKey(options.passphrase, salt, PBKDF2_ITERATIONS);
    encryption = {
      cipher: 'AES-GCM',
      keyBits: 256,
      kdf: 'PBKDF2-SHA-256',
      iterations: PBKDF2_ITERATIONS,
      salt: toBase64(salt),
      iv: toBase64(iv),
    };
  }
  const header: ContainerHeader = { compression: 'gzip', payloadBytes, encryption };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const prefix = new Uint8Array(PREFIX_BYTES + headerBytes.length);
  prefix.set(WORKSPACE_MAGIC, 0);
  const fields = new DataView(prefix.buffer);
  fields.setUint16(8, WORKSPACE_FORMAT_VERSION, true);
  fields.setUint32(10, headerBytes.length, true);
  prefix.set(headerBytes, PREFIX_BYTES);
  if (key && iv) {
    body = new Uint8Array(
      await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: prefix }, key, body),
    );
  }
  const file = new Uint8Array(prefix.length + body.length + DIGEST_BYTES);
  file.set(prefix, 0);
  file.set(body, prefix.length);
  file.set(await sha256(file.subarray(0, file.length - DIGEST_BYTES)), file.length - DIGEST_BYTES);
  return file;
}

/** Whether the bytes start with a workspace's magic bytes. */
function startsAsWorkspace(bytes: Uint8Array): boolean {
  return (
    bytes.length >= WORKSPACE_MAGIC.length &&
    WORKSPACE_MAGIC.every((byte, index) => bytes[index] === byte)
  );
}

/** A workspace file whose magic, version, header and digest have been checked. */
export interface CheckedContainer {
  version: number;
  header: ContainerHeader;
  /** The magic, version, header length and header: AES-GCM's additional data. */
  prefix: Uint8Array<ArrayBuffer>;
  body: Uint8Array<ArrayBuffer>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkedEncryption(value: unknown): Encryption | null {
  if (value === null) return null;
  if (
    !isObject(value) ||
    value.cipher !== 'AES-GCM' ||
    value.keyBits !== 256 ||
    value.kdf !== 'PBKDF2-SHA-256' ||
    typeof value.iterations !== 'number' ||
    !Number.isInteger(value.iterations) ||
    value.iterations < PBKDF2_ITERATIONS ||
    value.iterations > MAX_PBKDF2_ITERATIONS ||
    typeof value.salt !== 'string' ||
    typeof value.iv !== 'string'
  )
    throw new WorkspaceError('damaged', DAMAGED);
  try {
    if (fromBase64(value.iv).length !== IV_BYTES || fromBase64(value.salt).length < SALT_BYTES)
      throw new WorkspaceError('damaged', DAMAGED);
  } catch {
    throw new WorkspaceError('damaged', DAMAGED);
  }
  return value as unknown as Encryption;
}

/**
 * Checks that the bytes are a workspace this app can read, whole and unchanged: the magic, then
 * the version (a newer format is refused before anything else is read), then the digest over
 * every byte, then the header. Nothing needs the passphrase yet.
 */
export async function checkWorkspace(bytes: Uint8Array<ArrayBuffer>): Promise<CheckedContainer> {
  assertLittleEndian();
  if (!startsAsWorkspace(bytes))
    throw new WorkspaceError(
      'not-a-workspace',
      'This is not a workspace file: workspaces are saved by this app with Save workspace.',
    );
  if (bytes.length < PREFIX_BYTES + DIGEST_BYTES) throw new WorkspaceError('damaged', DAMAGED);
  const fields = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = fields.getUint16(8, true);
  if (version > WORKSPACE_FORMAT_VERSION)
    throw new WorkspaceError(
      'newer-format',
      `This workspace was saved by a newer version of the app (format ${version}); this version reads formats up to ${WORKSPACE_FORMAT_VERSION}. Open it with the newer version.`,
    );
  if (version < 1) throw new WorkspaceError('damaged', DAMAGED);
  const expected = await sha256(bytes.subarray(0, bytes.length - DIGEST_BYTES));
  const stored = bytes.subarray(bytes.length - DIGEST_BYTES);
  if (!expected.every((byte, index) => stored[index] === byte))
    throw new WorkspaceError('damaged', DAMAGED);
  const headerLength = fields.getUint32(10, true);
  if (headerLength > MAX_HEADER_BYTES || PREFIX_BYTES + headerLength > bytes.length - DIGEST_BYTES)
    throw new WorkspaceError('damaged', DAMAGED);
  let header: unknown;
  try {
    header = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(
        bytes.subarray(PREFIX_BYTES, PREFIX_BYTES + headerLength),
      ),
    );
  } catch {
    throw new WorkspaceError('damaged', DAMAGED);
  }
  if (
    !isObject(header) ||
    header.compression !== 'gzip' ||
    typeof header.payloadBytes !== 'number' ||
    !Number.isInteger(header.payloadBytes) ||
    header.payloadBytes < 0 ||
    header.payloadBytes > MAX_PAYLOAD_BYTES
  )
    throw new WorkspaceError('damaged', DAMAGED);
  return {
    version,
    header: {
      compression: 'gzip',
      payloadBytes: header.payloadBytes,
      encryption: checkedEncryption(header.encryption ?? null),
    },
    prefix: bytes.slice(0, PREFIX_BYTES + headerLength),
    body: bytes.subarray(PREFIX_BYTES + headerLength, bytes.length - DIGEST_BYTES),
  };
}

/** The payload of a checked file: decrypted with the passphrase when it is encrypted. */
export async function unsealWorkspace(
  container: CheckedContainer,
  passphrase: string | null,
): Promise<Uint8Array> {
  const { encryption, payloadBytes } = container.header;
  let compressed = container.body;
  if (encryption) {
    if (!passphrase)
      throw new WorkspaceError(
        'passphrase-needed',
        'This workspace is encrypted: type its passphrase to open it.',
      );
    const key = await deriveKey(passphrase, fromBase64(encryption.salt), encryption.iterations);
    try {
      compressed = new Uint8Array(
        await crypto.subtle.decrypt(
          { name: 'AES-GCM', iv: fromBase64(encryption.iv), additionalData: container.prefix },
          key,
          container.body,
        ),
      );
    } catch {
      throw new WorkspaceError(
        'wrong-passphrase',
        'The passphrase is wrong (or the file was changed after it was saved). Nothing was opened.',
      );
    }
  }
  return gunzip(compressed, payloadBytes);
}
