/// <reference lib="webworker" />
/**
 * Reads data files off the main thread, so a large file never freezes the map or the controls.
 */

import type { OffencePoints } from '../data/dataset.ts';
import { createWardLocator, type LocatableWard, type WardLocator } from '../geo/wardLocator.ts';
import { WardLookup } from '../geo/wardLookup.ts';
import { isBoundaryFile, readBoundaryFile } from './boundaryFile.ts';
import { type FileReading, readCsv } from './readFile.ts';
import type { WorkerRequest, WorkerResponse } from './workerProtocol.ts';

declare const self: DedicatedWorkerGlobalScope;

const readings = new Map<number, FileReading>();

let wards: LocatableWard[] = [];
/** Built on the first point a file asks about, not for files without points. */
let locator: WardLocator | null = null;

function locate(longitude: number, latitude: number): string | null {
  locator ??= createWardLocator(wards);
  return locator.codeAt(longitude, latitude);
}

function post(message: WorkerResponse, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

/** Reads cancelled before they started (the app's own file may still be on its way). */
const cancelledEarly = new Set<number>();

async function sourceOf(request: Extract<WorkerRequest, { type: 'read' }>): Promise<File> {
  if (request.source instanceof File) return request.source;
  const response = await fetch(request.source.url);
  if (!response.ok)
    throw new Error(`Could not fetch ${request.source.url}: HTTP ${response.status}`);
  // As a File, the app's own data takes the same byte-level path as the user's.
  return new File([await response.blob()], request.fileName);
}

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.type === 'setWards') {
    wards = request.wards;
    locator = null;
    return;
  }
  if (request.type === 'cancel') {
    const reading = readings.get(request.id);
    if (reading) reading.abort();
    else cancelledEarly.add(request.id);
    return;
  }
  try {
    const source = await sourceOf(request);
    if (cancelledEarly.delete(request.id)) {
      post({ id: request.id, type: 'failed', message: 'Cancelled' });
      return;
    }
    if (isBoundaryFile(source.name, await source.slice(0, 64).text())) {
      post({
        id: request.id,
        type: 'done',
        result: readBoundaryFile(await source.text(), request.fileName),
      });
      return;
    }
    // readCsv tells the encoding (UTF-8, or Excel's Windows-1252) from the file's first bytes.
    const reading = readCsv(source, {
      fileName: request.fileName,
      lookup: new WardLookup(request.wards, request.preferredLad),
      locate,
      onProgress: (fraction) => post({ id: request.id, type: 'progress', fraction }),
    });
    readings.set(request.id, reading);
    const result = await reading.result;
    readings.delete(request.id);
    // Hand the typed arrays over rather than copying them.
    const transfer = new Set<ArrayBuffer>();
    if (result.kind === 'offences') {
      for (const block of result.cube.cumulative) transfer.add(block.buffer as ArrayBuffer);
      const points: OffencePoints | null = result.points;
      if (points)
        for (const array of Object.values(points)) transfer.add(array.buffer as ArrayBuffer);
    }
    post({ id: request.id, type: 'done', result }, [...transfer]);
  } catch (error) {
    readings.delete(request.id);
    post({
      id: request.id,
      type: 'failed',
      message: error instanceof Error ? error.message : String(error),
    });
  }
};
