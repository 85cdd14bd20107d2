/** The app's side of the reach worker: one worker, the latest request wins. */

import type { Coverage, CoverageRequest } from './reach.ts';
import type { ReachRequest, ReachResponse } from './reachProtocol.ts';
import type { WardFeature, WardSet } from './wardSet.ts';

export interface CoverageAnswer {
  coverage: Coverage;
  milliseconds: number;
}

let worker: Worker | null = null;
let nextId = 1;
let sharedWards: WardSet | null = null;
const pending = new Map<
  number,
  {
    resolve(answer: CoverageAnswer | null): void;
    reject(error: Error): void;
    onProgress(fraction: number): void;
  }
>();

function getWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./reachWorker.ts', import.meta.url), {
    type: 'module',
    name: 'reach',
  });
  worker.onmessage = (event: MessageEvent<ReachResponse>) => {
    const message = event.data;
    const entry = pending.get(message.id);
    if (!entry) return;
    if (message.type === 'progress') {
      entry.onProgress(message.fraction);
      return;
    }
    pending.delete(message.id);
    if (message.type === 'done')
      entry.resolve({ coverage: message.coverage, milliseconds: message.milliseconds });
    else if (message.type === 'superseded') entry.resolve(null);
    else entry.reject(new Error(message.message));
  };
  worker.onerror = (event) => {
    for (const entry of pending.values())
      entry.reject(new Error(event.message || 'The coverage worker stopped'));
    pending.clear();
  };
  return worker;
}

/**
 * Coverage for a request over a ward set; null when a later request took its place. The worker
 * is given the wards' shapes once per ward set.
 */
export function requestCoverage(
  wards: WardSet,
  request: CoverageRequest,
  onProgress: (fraction: number) => void,
): Promise<CoverageAnswer | null> {
  const reach = getWorker();
  if (wards !== sharedWards) {
    sharedWards = wards;
    const message: ReachRequest = {
      type: 'setWards',
      geometries: wards.features.map((feature: WardFeature) => feature.geometry),
    };
    reach.postMessage(message);
  }
  const id = nextId;
  nextId += 1;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, onProgress });
    reach.postMessage({ type: 'coverage', id, request } satisfies ReachRequest);
  });
}
