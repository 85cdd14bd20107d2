/**
 * A workspace file from contents, and contents from a file: the payload (contents.ts) inside the
 * container (container.ts). The worker runs these; the bench times them.
 */
import { checkWorkspace, sealWorkspace, unsealWorkspace } from './container.ts';
import { decodeContents, encodeContents, type WorkspaceContents } from './contents.ts';

/** The file's bytes; encrypted when a passphrase is given. */
export function writeWorkspace(
  contents: WorkspaceContents,
  passphrase: string | null,
): Promise<Uint8Array<ArrayBuffer>> {
  const payload = encodeContents(contents);
  return sealWorkspace(payload.chunks, payload.bytes, { passphrase });
}

/** Checks the file whole (magic, version, digest, passphrase) before reading any of it. */
export async function readWorkspace(
  bytes: Uint8Array<ArrayBuffer>,
  passphrase: string | null,
): Promise<WorkspaceContents> {
  const container = await checkWorkspace(bytes);
  return decodeContents(await unsealWorkspace(container, passphrase));
}
