/**
 * One connection to an IndexedDB database, opened when first needed and shared: the app's data
 * (state/persistence.ts) and the base map file (baseMapFile.ts) each have one.
 */
export interface DatabaseConnection {
  open(): Promise<IDBDatabase>;
  /** Whether a connection is open or opening. */
  isOpen(): boolean;
  /** Closes the connection once the writes under way have finished. */
  close(): Promise<void>;
}

export function databaseConnection(
  name: string,
  version: number,
  /** Given the version the browser held (0 for a new database). */
  upgrade: (database: IDBDatabase, oldVersion: number) => void,
): DatabaseConnection {
  let connection: Promise<IDBDatabase> | null = null;
  const open = (): Promise<IDBDatabase> => {
    connection ??= new Promise<IDBDatabase>((resolve, reject) => {
      if (typeof indexedDB === 'undefined') {
        reject(new Error('This browser offers no IndexedDB.'));
        return;
      }
      const request = indexedDB.open(name, version);
      request.onupgradeneeded = (event) => upgrade(request.result, event.oldVersion);
      request.onsuccess = () => {
        const database = request.result;
        // Another tab clearing the data deletes the database: let it, and reopen when next needed.
        database.onversionchange = () => {
          database.close();
          connection = null;
        };
        database.onclose = () => {
          connection = null;
        };
        resolve(database);
      };
      request.onerror = () => reject(request.error);
    });
    const opening = connection;
    opening.catch(() => {
      if (connection === opening) connection = null;
    });
    return opening;
  };
  return {
    open,
    isOpen: () => connection !== null,
    close: async () => {
      const opening = connection;
      connection = null;
      if (opening) (await opening.catch(() => null))?.close();
    },
  };
}
