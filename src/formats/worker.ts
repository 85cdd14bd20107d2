/// <reference lib="webworker" />
/**
 * Reads data files off the main thread, so a large file never freezes the map or the controls.
 * Reached through Comlink (data/connectWorker.ts); `FileReaderApi` is its type.
 */
import { expose, transfer } from 'comlink';
import type { OffencePoints } from '../data/dataset.ts';
import { createWardLocator, type LocatableWard, type WardLocator } from '../geo/wardLocator.ts';
import { type WardIdentity, WardLookup } from '../geo/wardLookup.ts';
import { isBoundaryFile, type ParsedBoundaries, readBoundaryFile } from './boundaryFile.ts';
import { type FileReading, type ParsedFile, readCsv } from './readFile.ts';

/** What a read gives: offences or populations, or ward boundaries (a GeoJSON file). */
export type WorkerResult = ParsedFile | ParsedBoundaries;

export interface WorkerReadRequest {
  /** A user's file, or a URL of the app's own (the demo data). */
  source: File | { url: string };
  fileName: string;
  wards: WardIdentity[];
  preferredLad: string | null;
}

const readings = new Map<number, FileReading>();
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
  onProgress: (fraction: number) => void,
): Promise<WorkerResult> {
  const source = await sourceOf(request);
  if (cancelledEarly.delete(id)) throw new Error('Cancelled');
  if (isBoundaryFile(source.name, await source.slice(0, 64).text()))
    return readBoundaryFile(await source.text(), request.fileName);
  // readCsv tells the encoding (UTF-8, or Excel's Windows-1252) from the file's first bytes.
  const reading = readCsv(source, {
    fileName: request.fileName,
    lookup: new WardLookup(request.wards, request.preferredLad),
    locate,
    onProgress,
  });
  readings.set(id, reading);
  const result = await reading.result;
  // Hand the typed arrays over rather than copying them.
  const transferred = new Set<ArrayBuffer>();
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

  /** `onProgress` comes wrapped in Comlink's `proxy`, as the file's share read so far. */
  async read(
    id: number,
    request: WorkerReadRequest,
    onProgress: (fraction: number) => void,
  ): Promise<WorkerResult> {
    try {
      return await readFile(id, request, onProgress);
    } finally {
      readings.delete(id);
    }
  },

  /** Stops a read; the rows read so far still load. */
  cancel(id: number): void {
    const reading = readings.get(id);
    if (reading) reading.abort();
    else cancelledEarly.add(id);
  },
};

export type FileReaderApi = typeof fileReader;

expose(fileReader);
