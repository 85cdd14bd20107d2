/** The app's side of the file-reading worker: one worker, many reads, each cancellable. */
import { proxy } from 'comlink';
import { type ConnectedWorker, connectWorker } from '../data/connectWorker.ts';
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

function fileReader(): ConnectedWorker<FileReaderApi> {
  reader ??= connectWorker<FileReaderApi>(
    new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'file-reader' }),
    'The file reader stopped',
  );
  return reader;
}

export function readInWorker(
  request: WorkerReadRequest & { onProgress?: (fraction: number) => void },
): WorkerRead {
  const id = nextId;
  nextId += 1;
  const { api, answer } = fileReader();
  const { onProgress = () => undefined, ...read } = request;
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
