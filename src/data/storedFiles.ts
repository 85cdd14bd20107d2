/**
 * Big data kept in this browser: files in the Origin Private File System, one folder per kind of
 * data (datasets' counts, a base map). Written and read in a worker through synchronous access
 * handles, which copy bytes straight to and from disk: a cube of a few hundred MB is written in a
 * fraction of a second and never blocks the page. IndexedDB holds only the small records that
 * say what these files are (state/persistence.ts).
 *
 * OPFS and IndexedDB share the origin's quota and are evicted together, so a record whose file is
 * missing means a write that never finished (the tab closed), not a partial eviction.
 */

export class StorageError extends Error {
  override name = 'StorageError';
}

/** What a folder of stored files offers; `write` and `read` run in a worker only. */
export interface StoredFiles {
  /** Writes the parts one after another as the file `name`, replacing it; `shouldStop` is asked
   * between parts (a "Clear data" meanwhile) and removes what was written. */
  write(name: string, parts: readonly ArrayBufferView[], shouldStop?: () => boolean): Promise<void>;
  /** The whole file, or null when there is none. */
  read(name: string): Promise<ArrayBuffer | null>;
  remove(name: string): Promise<void>;
  names(): Promise<string[]>;
}

function storageOf(): StorageManager | null {
  // Older browsers, and some private windows, have no origin private file system.
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  return storage && 'getDirectory' in storage ? storage : null;
}

async function folder(name: string): Promise<FileSystemDirectoryHandle> {
  const storage = storageOf();
  if (!storage) throw new StorageError('This browser cannot keep large files (no file system).');
  const root = await storage.getDirectory();
  return root.getDirectoryHandle(name, { create: true });
}

/** Bytes the origin may still write, or null when the browser does not say. */
async function roomLeft(): Promise<number | null> {
  const estimate = await storageOf()?.estimate?.();
  if (!estimate?.quota) return null;
  return estimate.quota - (estimate.usage ?? 0);
}

/** The error for a file the browser has no room for, with how much room there is. */
export class StorageFullError extends StorageError {
  override name = 'StorageFullError';
  constructor(needed: number, available: number | null) {
    super(
      available === null
        ? 'the browser has no room left for it'
        : `it needs ${megabytes(needed)} and the browser allows this site ${megabytes(Math.max(0, available))} more`,
    );
  }
}

export function megabytes(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1e6)).toLocaleString('en-GB')} MB`;
}

/** Whether an error (possibly rebuilt by Comlink, which keeps only its name) means no room. */
export function isStorageFull(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'QuotaExceededError' || name === 'StorageFullError';
}

export function storedFiles(folderName: string): StoredFiles {
  return {
    async write(name, parts, shouldStop = () => false) {
      const bytes = parts.reduce((sum, part) => sum + part.byteLength, 0);
      const available = await roomLeft();
      if (available !== null && bytes > available) throw new StorageFullError(bytes, available);
      const directory = await folder(folderName);
      const file = await directory.getFileHandle(name, { create: true });
      const handle = await file.createSyncAccessHandle();
      let stopped = false;
      try {
        handle.truncate(0);
        let at = 0;
        for (const part of parts) {
          if (shouldStop()) {
            stopped = true;
            break;
          }
          const view = new Uint8Array(part.buffer, part.byteOffset, part.byteLength);
          const written = handle.write(view, { at });
          if (written !== view.length) throw new StorageFullError(bytes, await roomLeft());
          at += written;
        }
        handle.flush();
      } catch (error) {
        stopped = true;
        throw isStorageFull(error) ? new StorageFullError(bytes, await roomLeft()) : error;
      } finally {
        handle.close();
        if (stopped) await directory.removeEntry(name).catch(() => undefined);
      }
    },

    async read(name) {
      const directory = await folder(folderName);
      let file: FileSystemFileHandle;
      try {
        file = await directory.getFileHandle(name);
      } catch {
        return null;
      }
      const handle = await file.createSyncAccessHandle();
      try {
        const bytes = new ArrayBuffer(handle.getSize());
        handle.read(new Uint8Array(bytes), { at: 0 });
        return bytes;
      } finally {
        handle.close();
      }
    },

    async remove(name) {
      const directory = await folder(folderName);
      await directory.removeEntry(name).catch((error: unknown) => {
        if ((error as { name?: string }).name !== 'NotFoundError') throw error;
      });
    },

    async names() {
      const directory = await folder(folderName);
      const names: string[] = [];
      for await (const name of (directory as unknown as { keys(): AsyncIterable<string> }).keys())
        names.push(name);
      return names;
    },
  };
}

/** Removes every stored file of the origin (for "Clear data"); nothing to do without OPFS. */
export async function removeAllStoredFiles(): Promise<void> {
  const storage = storageOf();
  if (!storage) return;
  const root = await storage.getDirectory();
  const names: string[] = [];
  for await (const name of (root as unknown as { keys(): AsyncIterable<string> }).keys())
    names.push(name);
  await Promise.all(names.map((name) => root.removeEntry(name, { recursive: true })));
}

/**
 * Asks the browser not to evict the origin's data under storage pressure (Chromium decides
 * without asking the user; Firefox asks). Whether it agreed.
 */
export async function askToPersist(): Promise<boolean> {
  const storage = storageOf();
  if (!storage?.persist) return false;
  if (await storage.persisted?.()) return true;
  return storage.persist().catch(() => false);
}
