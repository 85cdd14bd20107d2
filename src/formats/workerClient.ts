/** The app's side of the file-reading worker: one worker, many reads, each cancellable. */
import { proxy } from 'comlink';
import { type ConnectedWorker, connectWorker } from '../data/connectWorker.ts';
import type { Dataset } from '../data/dataset.ts';
import { datasetArrays } from '../data/keptDataset.ts';
import type { WardFeature, WardSet } from '../geo/wardSet.ts';
import type { FileReaderApi, WorkerReadRequest, WorkerResult } from './worker.ts';

export interface WorkerRead {
  result: Promise<WorkerResult>;
  cancel(): void;
}

let reader: ConnectedWorker<FileReaderApi> | null = null;
let nextId = 1;
/** The ward set whose shapes the worker holds. */
let sharedWards: WardSet | null = null;
/** Datasets whose arrays the worker writes as it reads them (`keepAs`). */
const keptAsRead = new Set<string>();

function fileReader(): ConnectedWorker<FileReaderApi> {
  reader ??= connectWorker<FileReaderApi>(
    new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'file-reader' }),
    'The file reader stopped',
  );
  return reader;
}

export function readInWorker(
  request: WorkerReadRequest & { onProgress?: (fraction: number, detail?: string) => void },
): WorkerRead {
  const id = nextId;
  nextId += 1;
  const { api, answer } = fileReader();
  const { onProgress = () => undefined, ...read } = request;
  if (read.keepAs) keptAsRead.add(read.keepAs);
  return {
    result: answer<WorkerResult>(api.read(id, read, proxy(onProgress))),
    cancel: () => void api.cancel(id),
  };
}

/** Gives the worker the wards' shapes, once per ward set: it places offence points in them. */
export function shareWards(wards: WardSet): void {
  if (wards === sharedWards) return;
  sharedWards = wards;
  void fileReader().api.setWards(
    wards.wards.map((ward) => ({
      code: ward.code,
      geometry: (wards.features[ward.index] as WardFeature).geometry,
    })),
  );
}

/**
 * Keeps a dataset's arrays in the browser, in the worker: those of a file read with `keepAs` are
 * written there already; any other dataset's are copied to it. Rejects when they are not kept.
 */
export function keepDatasetArrays(dataset: Dataset): Promise<void> {
  const { api, answer } = fileReader();
  return answer(
    keptAsRead.has(dataset.id)
      ? api.keepDataset(dataset.id)
      : api.keepDataset(dataset.id, datasetArrays(dataset)),
  );
}

/** The bytes of a dataset's kept arrays, or null when the browser holds none. */
export function keptDatasetBytes(id: string): Promise<ArrayBuffer | null> {
  const { api, answer } = fileReader();
  return answer(api.keptDataset(id));
}

export function forgetDatasetArrays(id: string): Promise<void> {
  keptAsRead.delete(id);
  const { api, answer } = fileReader();
  return answer(api.forgetDataset(id));
}

export function forgetAllDatasetArrays(): Promise<void> {
  keptAsRead.clear();
  const { api, answer } = fileReader();
  return answer(api.forgetAllDatasets());
}

export function forgetDatasetArraysOtherThan(kept: readonly string[]): Promise<void> {
  const { api, answer } = fileReader();
  return answer(api.forgetDatasetsOtherThan(kept));
}
