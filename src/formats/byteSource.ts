/**
 * Bytes of a file, read a chunk at a time: a user's File in the browser, or a file on disk in
 * Node (the bench reads one with `FileHandle.read`).
 */
export interface ByteSource {
  size: number;
  /** Bytes from `start` to `end` (exclusive); fewer at the end of the file. */
  read(start: number, end: number): Promise<Uint8Array>;
}

export function blobSource(blob: Blob): ByteSource {
  return {
    size: blob.size,
    read: async (start, end) => new Uint8Array(await blob.slice(start, end).arrayBuffer()),
  };
}
