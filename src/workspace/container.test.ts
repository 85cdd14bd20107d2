import { createHash, pbkdf2Sync } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { WORKSPACE_MAGIC } from '../formats/detectFormat.ts';
import {
  checkWorkspace,
  PBKDF2_ITERATIONS,
  sealWorkspace,
  unsealWorkspace,
  WORKSPACE_FORMAT_VERSION,
  WorkspaceError,
  type WorkspaceProblem,
} from './container.ts';

const PASSPHRASE = 'correct horse battery staple';

/** A payload of a few kinds of bytes, given in uneven chunks. */
function payloadChunks(): Uint8Array[] {
  const text = new TextEncoder().encode('{"hello":"workspace"}');
  const zeros = new Uint8Array(10_000);
  const counting = Uint8Array.from({ length: 3_001 }, (_, index) => (index * 7) % 251);
  return [text, zeros, counting];
}

function joined(chunks: readonly Uint8Array[]): Uint8Array {
  return Uint8Array.from(chunks.flatMap((chunk) => [...chunk]));
}

async function seal(passphrase: string | null, chunks = payloadChunks()) {
  const length = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  return sealWorkspace(chunks, length, { passphrase });
}

async function problemOf(work: () => Promise<unknown>): Promise<WorkspaceProblem | 'none'> {
  try {
    await work();
    return 'none';
  } catch (error) {
    if (error instanceof WorkspaceError) return error.problem;
    throw error;
  }
}

async function open(bytes: Uint8Array<ArrayBuffer>, passphrase: string | null) {
  return unsealWorkspace(await checkWorkspace(bytes), passphrase);
}

/** The header's JSON, read by the layout the README gives. */
function headerOf(bytes: Uint8Array): Record<string, unknown> {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  const length = view.getUint32(10, true);
  return JSON.parse(new TextDecoder().decode(bytes.subarray(14, 14 + length)));
}

/** The file with a new SHA-256 trailer, as someone editing it on purpose would write it. */
function withNewDigest(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(bytes);
  const digest = createHash('sha256')
    .update(copy.subarray(0, copy.length - 32))
    .digest();
  copy.set(digest, copy.length - 32);
  return copy;
}

/** The file with its header replaced (lengths and trailer rewritten). */
function withHeader(bytes: Uint8Array, header: object): Uint8Array<ArrayBuffer> {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  const oldLength = view.getUint32(10, true);
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const body = bytes.subarray(14 + oldLength, bytes.length - 32);
  const file = new Uint8Array(14 + headerBytes.length + body.length + 32);
  file.set(bytes.subarray(0, 10), 0);
  new DataView(file.buffer).setUint32(10, headerBytes.length, true);
  file.set(headerBytes, 14);
  file.set(body, 14 + headerBytes.length);
  return withNewDigest(file);
}

describe('the container layout', () => {
  it('starts with the magic bytes and the version, and ends with the SHA-256 of the rest', async () => {
    const bytes = await seal(null);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x57, 0x48, 0x44, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(new DataView(bytes.buffer).getUint16(8, true)).toBe(WORKSPACE_FORMAT_VERSION);
    const digest = createHash('sha256')
      .update(bytes.subarray(0, bytes.length - 32))
      .digest();
    expect([...bytes.subarray(bytes.length - 32)]).toEqual([...digest]);
  });

  it('holds the payload gzipped after the header, readable by any gzip reader', async () => {
    const bytes = await seal(null);
    const header = headerOf(bytes);
    const payload = joined(payloadChunks());
    expect(header).toEqual({ compression: 'gzip', payloadBytes: payload.length, encryption: null });
    const headerLength = new DataView(bytes.buffer).getUint32(10, true);
    const body = bytes.subarray(14 + headerLength, bytes.length - 32);
    expect([...gunzipSync(body)]).toEqual([...payload]);
    // 10,000 zeros compress: the file is much smaller than the payload.
    expect(bytes.length).toBeLessThan(payload.length / 2);
  });

  it('puts the salt, the iterations and the IV in the header, never the passphrase', async () => {
    const bytes = await seal(PASSPHRASE);
    const encryption = headerOf(bytes).encryption as Record<string, unknown>;
    expect(encryption).toMatchObject({
      cipher: 'AES-GCM',
      keyBits: 256,
      kdf: 'PBKDF2-SHA-256',
      iterations: 600_000,
    });
    expect(PBKDF2_ITERATIONS).toBe(600_000);
    expect(Buffer.from(encryption.salt as string, 'base64')).toHaveLength(16);
    expect(Buffer.from(encryption.iv as string, 'base64')).toHaveLength(12);
    const text = Buffer.from(bytes).toString('latin1');
    expect(text).not.toContain(PASSPHRASE);
    expect(text).not.toContain('workspace"}');
  });

  it('encrypts with AES-256-GCM under a PBKDF2-SHA-256 key, as Node computes them', async () => {
    const bytes = await seal(PASSPHRASE);
    const encryption = headerOf(bytes).encryption as Record<string, string>;
    const headerLength = new DataView(bytes.buffer).getUint32(10, true);
    const prefix = bytes.subarray(0, 14 + headerLength);
    const sealed = bytes.subarray(14 + headerLength, bytes.length - 32);
    const key = pbkdf2Sync(
      PASSPHRASE,
      Buffer.from(encryption.salt as string, 'base64'),
      600_000,
      32,
      'sha256',
    );
    const { createDecipheriv } = await import('node:crypto');
    const decipher = createDecipheriv(
      'aes-256-gcm',
      key,
      Buffer.from(encryption.iv as string, 'base64'),
    );
    decipher.setAAD(prefix);
    decipher.setAuthTag(sealed.subarray(sealed.length - 16));
    const compressed = Buffer.concat([
      decipher.update(sealed.subarray(0, sealed.length - 16)),
      decipher.final(),
    ]);
    expect([...gunzipSync(compressed)]).toEqual([...joined(payloadChunks())]);
  });

  it('uses a new salt and IV for every save', async () => {
    const first = headerOf(await seal(PASSPHRASE)).encryption as Record<string, string>;
    const second = headerOf(await seal(PASSPHRASE)).encryption as Record<string, string>;
    expect(first.salt).not.toBe(second.salt);
    expect(first.iv).not.toBe(second.iv);
  });
});

describe('round trips', () => {
  it('gives back the payload of an unencrypted file', async () => {
    expect([...(await open(await seal(null), null))]).toEqual([...joined(payloadChunks())]);
  });

  it('gives back the payload of an encrypted file with its passphrase', async () => {
    expect([...(await open(await seal(PASSPHRASE), PASSPHRASE))]).toEqual([
      ...joined(payloadChunks()),
    ]);
  });

  it('gives back an empty payload', async () => {
    expect(await open(await seal(null, []), null)).toHaveLength(0);
  });
});

describe('refusals', () => {
  it('asks for the passphrase of an encrypted file, and refuses a wrong one', async () => {
    const bytes = await seal(PASSPHRASE);
    expect(await problemOf(() => open(bytes, null))).toBe('passphrase-needed');
    expect(await problemOf(() => open(bytes, 'correct horse battery stapler'))).toBe(
      'wrong-passphrase',
    );
  });

  it('refuses a file that is not a workspace', async () => {
    const csv = new TextEncoder().encode('ward_code,theme,month,weekday,hour,count\n');
    expect(await problemOf(() => checkWorkspace(csv))).toBe('not-a-workspace');
    expect(await problemOf(() => checkWorkspace(new Uint8Array(0)))).toBe('not-a-workspace');
  });

  it('refuses a newer format before reading anything else', async () => {
    const bytes = await seal(null);
    new DataView(bytes.buffer).setUint16(8, WORKSPACE_FORMAT_VERSION + 1, true);
    const error = await checkWorkspace(bytes).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WorkspaceError);
    expect((error as WorkspaceError).problem).toBe('newer-format');
    expect((error as WorkspaceError).message).toContain(`format ${WORKSPACE_FORMAT_VERSION + 1}`);
  });

  it.each([
    ['unencrypted', null],
    ['encrypted', PASSPHRASE],
  ])('refuses the %s file with any one byte changed, wherever it is', async (_, passphrase) => {
    const bytes = await seal(passphrase, [new TextEncoder().encode('{"a":1}')]);
    const accepted: number[] = [];
    for (let index = 0; index < bytes.length; index += 1) {
      const changed = new Uint8Array(bytes);
      changed[index] = (changed[index] as number) ^ 0x01;
      if ((await problemOf(() => checkWorkspace(changed))) === 'none') accepted.push(index);
    }
    expect(accepted).toEqual([]);
  });

  it.each([
    ['unencrypted', null],
    ['encrypted', PASSPHRASE],
  ])('refuses the %s file cut short at any length', async (_, passphrase) => {
    const bytes = await seal(passphrase, [new TextEncoder().encode('{"a":1}')]);
    const problems = new Set<WorkspaceProblem | 'none'>();
    for (let length = WORKSPACE_MAGIC.length; length < bytes.length; length += 1)
      problems.add(await problemOf(() => open(bytes.slice(0, length), passphrase)));
    // Shorter than the magic, it is not recognised as a workspace at all.
    expect(await problemOf(() => open(bytes.slice(0, 4), passphrase))).toBe('not-a-workspace');
    expect([...problems]).toEqual(['damaged']);
  });

  it('says what is wrong in words, never a bare code', async () => {
    const bytes = await seal(PASSPHRASE);
    const cut = await checkWorkspace(bytes.slice(0, 100)).catch((error: unknown) => error);
    expect((cut as Error).message).toMatch(/damaged or was changed after it was saved/);
    const wrong = await open(bytes, 'not the passphrase').catch((error: unknown) => error);
    expect((wrong as Error).message).toMatch(/passphrase is wrong.*Nothing was opened/);
  });

  it('refuses an encrypted file whose body or header was edited and given a new digest', async () => {
    const bytes = await seal(PASSPHRASE);
    const body = new Uint8Array(bytes);
    const last = body.length - 40;
    body[last] = (body[last] as number) ^ 0x80;
    expect(await problemOf(() => open(withNewDigest(body), PASSPHRASE))).toBe('wrong-passphrase');
    // The header is authenticated too: a larger stated payload is caught by AES-GCM.
    const header = headerOf(bytes) as { payloadBytes: number };
    const edited = withHeader(bytes, { ...header, payloadBytes: header.payloadBytes + 1 });
    expect(await problemOf(() => open(edited, PASSPHRASE))).toBe('wrong-passphrase');
  });

  it('refuses an unencrypted file whose compressed body was edited and given a new digest', async () => {
    const bytes = await seal(null);
    const changed = new Uint8Array(bytes);
    // In the gzip trailer's CRC-32: the content no longer matches it.
    const crc = changed.length - 32 - 8;
    changed[crc] = (changed[crc] as number) ^ 0x01;
    expect(await problemOf(() => open(withNewDigest(changed), null))).toBe('damaged');
  });

  it('refuses a header whose payload size does not match the body', async () => {
    const bytes = await seal(null);
    const header = headerOf(bytes) as { payloadBytes: number };
    for (const payloadBytes of [header.payloadBytes - 1, header.payloadBytes + 1]) {
      expect(
        await problemOf(() => open(withHeader(bytes, { ...header, payloadBytes }), null)),
      ).toBe('damaged');
    }
  });

  it('refuses headers that are not valid, and too few iterations', async () => {
    const bytes = await seal(PASSPHRASE);
    const header = headerOf(bytes) as { encryption: Record<string, unknown> };
    const cases: object[] = [
      { ...header, compression: 'zstd' },
      { ...header, payloadBytes: -1 },
      { ...header, payloadBytes: 2 ** 40 },
      { ...header, encryption: { ...header.encryption, iterations: 1_000 } },
      { ...header, encryption: { ...header.encryption, iterations: 1e12 } },
      { ...header, encryption: { ...header.encryption, iv: 'AAAA' } },
      { ...header, encryption: { ...header.encryption, kdf: 'none' } },
    ];
    for (const edited of cases)
      expect(await problemOf(() => checkWorkspace(withHeader(bytes, edited)))).toBe('damaged');
  });
});
