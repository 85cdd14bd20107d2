/** The app's side of the file-reading worker: one worker, many reads, each cancellable. */
import type { WardIdentity } from '../geo/wardLookup.ts';
import type { WardFeature, WardSet } from '../geo/wardSet.ts';
import type { WorkerRequest, WorkerResponse, WorkerResult } from './workerProtocol.ts';

export interface ReadRequest {
  source: File | { url: string };
  fileName: string;
  wards: WardIdentity[];
  preferredLad: string | null;
  onProgress?: (fraction: number) => void;
}

export interface WorkerRead {
  result: Promise<WorkerResult>;
  cancel(): void;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<
  number,
  {
    resolve: (file: WorkerResult) => void;
    reject: (error: Error) => void;
    onProgress?: (fraction: number) => void;
  }
>();

function getWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./worker.ts', import.meta.url), {
    type: 'module',
    name: 'file-reader',
  });
  worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
    const message = event.data;
    const entry = pending.get(message.id);
    if (!entry) return;
    if (message.type === 'progress') {
      entry.onProgress?.(message.fraction);
      return;
    }
    pending.delete(message.id);
    if (message.type === 'done') entry.resolve(message.result);
    else entry.reject(new Error(message.message));
  };
  worker.onerror = (event) => {
    for (const entry of pending.values())
      entry.reject(new Error(event.message || 'The file reader stopped'));
    pending.clear();
  };
  return worker;
}

export function readInWorker(request: ReadRequest): WorkerRead {
  const id = nextId;
  nextId += 1;
  const result = new Promise<WorkerResult>((resolve, reject) => {
    const entry: {
      resolve: (file: WorkerResult) => void;
      reject: (error: Error) => void;
      onProgress?: (fraction: number) => void;
    } = { resolve, reject };
    if (request.onProgress) entry.onProgress = request.onProgress;
    pending.set(id, entry);
  });
  const message: WorkerRequest = {
    id,
    type: 'read',
    source: request.source,
    fileName: request.fileName,
    wards: request.wards,
    preferredLad: request.preferredLad,
  };
  getWorker().postMessage(message);
  return {
    result,
    cancel: () => getWorker().postMessage({ id, type: 'cancel' } satisfies WorkerRequest),
  };
}

/** The ward set whose shapes the worker holds. */
let sharedWards: WardSet | null = null;

/** Gives the worker the wards' shapes, once per ward set: it places offence points in them. */
export function shareWards(wards: WardSet): void {
  if (wards === sharedWards) return;
  sharedWards = wards;
  const message: WorkerRequest = {
    type: 'setWards',
    wards: wards.wards.map((ward) => ({
      code: ward.code,
      geometry: (wards.features[ward.index] as WardFeature).geometry,
    })),
  };
  getWorker().postMessage(message);
}
