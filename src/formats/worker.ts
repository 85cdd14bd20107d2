/// <reference lib="webworker" />
/**
 * Reads data files off the main thread, so a large file never freezes the map or the controls.
 * Reached through Comlink (data/connectWorker.ts); `FileReaderApi` is its type.
 */
import { expose, transfer } from 'comlink';
import type { OffencePoints } from '../data/dataset.ts';
import { datasetArrays } from '../data/keptDataset.ts';
import { storedFiles } from '../data/storedFiles.ts';
import { createWardLocator, type LocatableWard, type WardLocator } from '../geo/wardLocator.ts';
import { type WardIdentity, WardLookup } from '../geo/wardLookup.ts';
import type { ColumnMapping } from './columnMapping.ts';
import { type DataFileResult, readDataFile } from './readDataFile.ts';

/** What a read gives: offences or populations, ward boundaries, or columns to match. */
export type WorkerResult = DataFileResult;

/**
 * How the user wants a file read: their saved column mappings, or the "Match columns" step's
 * choices.
 */
export interface ReadChoices {
  mappings: ColumnMapping[];
  mapping?: ColumnMapping;
  matchColumns?: boolean;
  sheet?: string;
  previewRows?: number;
}

export interface WorkerReadRequest {
  /** A user's file, or a URL of the app's own (the demo data). */
  source: File | { url: string };
  fileName: string;
  wards: WardIdentity[];
  preferredLad: string | null;
  choices: ReadChoices;
  /** Keep the offences read in the browser under this dataset id (a user's file). */
  keepAs?: string;
}

/** Datasets' arrays, one stored file per dataset id. */
const datasetFiles = storedFiles('datasets');
/** Writes under way or done in this session, by dataset id. */
const writes = new Map<string, Promise<void>>();
/** Grows with each "forget everything": writes from before it stop. */
let generation = 0;

function write(id: string, arrays: readonly ArrayBufferView[]): Promise<void> {
  const startedIn = generation;
  // After the read's answer has gone: the page shows the figures while the worker writes.
  const writing = new Promise((resolve) => setTimeout(resolve, 0)).then(() =>
    datasetFiles.write(id, arrays, () => generation !== startedIn),
  );
  writes.set(id, writing);
  // A failure is for whoever asks whether the dataset was kept.
  writing.catch(() => undefined);
  return writing;
}

const readings = new Map<number, { abort(): void }>();
/** Reads cancelled before they started (the app's own file may still be on its way). */
const cancelledEarly = new Set<number>();

let wards: LocatableWard[] = [];
/** Built on the first point a file asks about, not for files without points. */
let locator: WardLocator | null = null;

function locate(longitude: number, latitude: number): string | null {
  locator ??= createWardLocator(wards);
  return locator.codeAt(longitude, latitude);
}

async function sourceOf(request: WorkerReadRequest): Promise<File> {
  if (request.source instanceof File) return request.source;
  const response = await fetch(request.source.url);
  if (!response.ok)
    throw new Error(`Could not fetch ${request.source.url}: HTTP ${response.status}`);
  // As a File, the app's own data takes the same byte-level path as the user's.
  return new File([await response.blob()], request.fileName);
}

async function readFile(
  id: number,
  request: WorkerReadRequest,
  onProgress: (fraction: number, detail?: string) => void,
): Promise<WorkerResult> {
  const source = await sourceOf(request);
  if (cancelledEarly.delete(id)) throw new Error('Cancelled');
  // Told by its first bytes: a workbook, a Shapefile, boundaries, or a table whose encoding
  // (UTF-8, or Excel's Windows-1252) readCsv tells.
  const reading = readDataFile(source, {
    fileName: request.fileName,
    lookup: new WardLookup(request.wards, request.preferredLad),
    locate,
    onProgress,
    ...request.choices,
  });
  readings.set(id, reading);
  const result = await reading.result;
  // Kept from a copy, written once the arrays have been handed over to the page.
  if (result.kind === 'offences' && request.keepAs)
    write(
      request.keepAs,
      datasetArrays(result).map((array) => array.slice()),
    );
  // Hand the typed arrays over rather than copying them.
  const transferred = new Set<ArrayBuffer>();
  if ('report' in result) {
    transferred.add(result.report.rejections.rows.buffer as ArrayBuffer);
    transferred.add(result.report.rejections.reasons.buffer as ArrayBuffer);
  }
  if (result.kind === 'offences') {
    for (const block of result.cube.cumulative) transferred.add(block.buffer as ArrayBuffer);
    const points: OffencePoints | null = result.points;
    if (points)
      for (const array of Object.values(points)) transferred.add(array.buffer as ArrayBuffer);
  }
  return transfer(result, [...transferred]);
}

const fileReader = {
  /** The wards' shapes, for placing offences given as points; sent when the wards change. */
  setWards(shapes: LocatableWard[]): void {
    wards = shapes;
    locator = null;
  },

  /** `onProgress` comes wrapped in Comlink's `proxy`, as the file's share read so far (and for
   * an archive, the month being read). */
  async read(
    id: number,
    request: WorkerReadRequest,
    onProgress: (fraction: number, detail?: string) => void,
  ): Promise<WorkerResult> {
    try {
      return await readFile(id, request, onProgress);
    } finally {
      readings.delete(id);
    }
  },

  /**
   * Keeps a dataset's arrays in the browser: those of a file read with `keepAs` are being written
   * already, others are given (copied here). Rejects when they could not be kept.
   */
  keepDataset(id: string, arrays?: ArrayBufferView[]): Promise<void> {
    const writing = writes.get(id);
    if (writing) return writing;
    if (!arrays) return Promise.reject(new Error(`Nothing to keep for dataset ${id}.`));
    return write(id, arrays);
  },

  /** The bytes kept for a dataset, or null when there are none. */
  async keptDataset(id: string): Promise<ArrayBuffer | null> {
    await writes.get(id)?.catch(() => undefined);
    const bytes = await datasetFiles.read(id);
    return bytes && transfer(bytes, [bytes]);
  },

  /** Removes the kept arrays of a dataset, once any write of them has finished. */
  async forgetDataset(id: string): Promise<void> {
    await writes.get(id)?.catch(() => undefined);
    writes.delete(id);
    await datasetFiles.remove(id);
  },

  /** Removes every dataset's kept arrays, stopping writes under way ("Clear data"). */
  async forgetAllDatasets(): Promise<void> {
    generation += 1;
    await Promise.all([...writes.values()].map((writing) => writing.catch(() => undefined)));
    writes.clear();
    await Promise.all((await datasetFiles.names()).map((name) => datasetFiles.remove(name)));
  },

  /** Removes arrays left by an earlier visit that no kept record names (a tab closed while
   * writing). */
  async forgetDatasetsOtherThan(kept: readonly string[]): Promise<void> {
    const names = await datasetFiles.names();
    await Promise.all(
      names
        .filter((name) => !kept.includes(name) && !writes.has(name))
        .map((name) => datasetFiles.remove(name)),
    );
  },

  /** Stops a read; the rows read so far are the result, with what was not read counted. */
  cancel(id: number): void {
    const reading = readings.get(id);
    if (reading) reading.abort();
    else cancelledEarly.add(id);
  },
};

export type FileReaderApi = typeof fileReader;

expose(fileReader);
