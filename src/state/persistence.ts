/**
 * Keeps what the user loaded in this browser (IndexedDB), so that it comes back after a reload,
 * and forgets all of it on request. Values go in by structured clone: typed arrays are stored as
 * they are, never through JSON. A dataset's big arrays are not here: the file-reading worker
 * writes them to files of their own (data/storedFiles.ts), and this database holds the record
 * that describes them (data/keptDataset.ts).
 */

import type { BaseMapSettings } from '../data/baseMapSettings.ts';
import { databaseConnection } from '../data/indexedDb.ts';
import type { DatasetRecord } from '../data/keptDataset.ts';
import type { Populations } from '../data/population.ts';
import type { SavedView } from '../data/savedViews.ts';
import type { ServiceFile } from '../data/services.ts';
import { removeAllStoredFiles } from '../data/storedFiles.ts';
import type { ThemeId } from '../data/themes.ts';
import type { ColumnMapping } from '../formats/columnMapping.ts';
import type { WardSet } from '../geo/wardSet.ts';

export const DATABASE_NAME = 'ward-hotspot-dashboard';
/** 2: datasets' arrays moved out to stored files; the records of version 1 held them. */
const DATABASE_VERSION = 2;
/** Dataset records without their replaced themes, keyed by id. */
const DATASETS = 'datasets';
/** `{ id, replacedThemes }`: apart from the cube, so that a later "Replace" does not rewrite it. */
const REPLACED_THEMES = 'replacedThemes';
/** Single values by name (`KeptValues`). */
const VALUES = 'values';

export interface KeptValues {
  /** The query string of the last view. */
  view: string;
  /** Populations from a user's file. */
  populations: Populations;
  /** Boundaries from a user's file. */
  boundaries: WardSet;
  /** The services file. */
  services: ServiceFile;
  /** The base map settings (the file itself is in a database of its own: baseMapFile.ts). */
  baseMap: BaseMapSettings;
  /** The column mappings the user saved. */
  columnMappings: ColumnMapping[];
  /** Named views. */
  savedViews: SavedView[];
}

const connection = databaseConnection(DATABASE_NAME, DATABASE_VERSION, (database, oldVersion) => {
  if (oldVersion < 1) {
    database.createObjectStore(REPLACED_THEMES, { keyPath: 'id' });
    database.createObjectStore(VALUES);
  } else database.deleteObjectStore(DATASETS);
  database.createObjectStore(DATASETS, { keyPath: 'id' });
});
const openDatabase = connection.open;

/** Whether the database exists, without creating it as opening it would. */
async function databaseExists(): Promise<boolean> {
  if (connection.isOpen()) return true;
  // Without databases() (older browsers), opening is the only way to know.
  if (typeof indexedDB === 'undefined' || !indexedDB.databases) return true;
  return (await indexedDB.databases()).some(({ name }) => name === DATABASE_NAME);
}

/** Runs requests in one transaction; settles when it commits, rejects with why it aborted. */
async function transact<T>(
  stores: string[],
  mode: IDBTransactionMode,
  work: (transaction: IDBTransaction) => IDBRequest<T> | undefined,
): Promise<T> {
  const database = await openDatabase();
  return new Promise<T>((resolve, reject) => {
    const transaction = database.transaction(stores, mode);
    let request: IDBRequest<T> | undefined;
    transaction.oncomplete = () => resolve(request?.result as T);
    // A quota error arrives here, on commit, rather than on the put that caused it.
    transaction.onabort = () =>
      reject(transaction.error ?? new DOMException('The transaction was aborted.', 'AbortError'));
    try {
      request = work(transaction);
    } catch (error) {
      // A value that cannot be cloned throws at once.
      transaction.abort();
      reject(error);
    }
  });
}

/** Keeps a dataset's record; its arrays are kept apart, by the worker. */
export function keepDatasetRecord(record: DatasetRecord): Promise<void> {
  const { replacedThemes, ...rest } = record;
  return transact([DATASETS, REPLACED_THEMES], 'readwrite', (transaction) => {
    transaction.objectStore(DATASETS).put(rest);
    transaction.objectStore(REPLACED_THEMES).put({ id: record.id, replacedThemes });
    return undefined;
  });
}

export function keepReplacedThemes(id: string, replacedThemes: readonly ThemeId[]): Promise<void> {
  return transact([REPLACED_THEMES], 'readwrite', (transaction) => {
    transaction.objectStore(REPLACED_THEMES).put({ id, replacedThemes });
    return undefined;
  });
}

export function forgetDatasetRecord(id: string): Promise<void> {
  return transact([DATASETS, REPLACED_THEMES], 'readwrite', (transaction) => {
    transaction.objectStore(DATASETS).delete(id);
    transaction.objectStore(REPLACED_THEMES).delete(id);
    return undefined;
  });
}

/** The records of the kept datasets in the order they were loaded. */
export async function keptDatasetRecords(): Promise<DatasetRecord[]> {
  // A visit that keeps nothing leaves nothing behind, not even an empty database.
  if (!(await databaseExists())) return [];
  let replaced: IDBRequest<{ id: string; replacedThemes: ThemeId[] }[]> | undefined;
  const datasets = await transact<Omit<DatasetRecord, 'replacedThemes'>[]>(
    [DATASETS, REPLACED_THEMES],
    'readonly',
    (transaction) => {
      replaced = transaction.objectStore(REPLACED_THEMES).getAll();
      return transaction.objectStore(DATASETS).getAll();
    },
  );
  const replacedById = new Map(
    (replaced?.result ?? []).map((record) => [record.id, record.replacedThemes]),
  );
  return datasets
    .map((dataset) => ({ ...dataset, replacedThemes: replacedById.get(dataset.id) ?? [] }))
    .sort((a, b) => a.loadedAt.localeCompare(b.loadedAt));
}

/** Keeps a value; null forgets it. */
export function keepValue<Name extends keyof KeptValues>(
  name: Name,
  value: KeptValues[Name] | null,
): Promise<void> {
  return transact([VALUES], 'readwrite', (transaction) => {
    const store = transaction.objectStore(VALUES);
    if (value === null) store.delete(name);
    else store.put(value, name);
    return undefined;
  });
}

export async function keptValue<Name extends keyof KeptValues>(
  name: Name,
): Promise<KeptValues[Name] | null> {
  if (!(await databaseExists())) return null;
  const value = await transact<KeptValues[Name] | undefined>([VALUES], 'readonly', (transaction) =>
    transaction.objectStore(VALUES).get(name),
  );
  return value ?? null;
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    // A connection elsewhere that does not close delays the deletion, which still happens once
    // it closes: waiting for it would hang "Clear data".
    request.onblocked = () => resolve();
  });
}

/**
 * Removes everything this origin stored in the browser: every IndexedDB database (ours and any
 * other), every stored file, localStorage and sessionStorage. What the app did not write is
 * cleared too so that "Clear data" keeps its promise whatever a later module stores.
 */
export async function forgetEverything(): Promise<void> {
  // Writes already under way finish first; the deletion then waits for the close.
  await connection.close();
  if (typeof localStorage !== 'undefined') localStorage.clear();
  if (typeof sessionStorage !== 'undefined') sessionStorage.clear();
  // A file the worker is still writing goes when its write stops (it is told to, first).
  await removeAllStoredFiles().catch(() => undefined);
  if (typeof indexedDB === 'undefined') return;
  const names = new Set([DATABASE_NAME]);
  for (const { name } of (await indexedDB.databases?.()) ?? []) if (name) names.add(name);
  await Promise.all([...names].map(deleteDatabase));
}
