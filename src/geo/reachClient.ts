/** The app's side of the reach worker: one worker, the latest request wins. */
import { proxy } from 'comlink';
import { type ConnectedWorker, connectWorker } from '../data/connectWorker.ts';
import type { CoverageRequest } from './reach.ts';
import type { CoverageAnswer, ReachApi } from './reachWorker.ts';
import type { WardFeature, WardSet } from './wardSet.ts';

let worker: ConnectedWorker<ReachApi> | null = null;
let nextId = 1;
let sharedWards: WardSet | null = null;

/**
 * Coverage for a request over a ward set; null when a later request took its place. The worker
 * is given the wards' shapes once per ward set.
 */
export function requestCoverage(
  wards: WardSet,
  request: CoverageRequest,
  onProgress: (fraction: number) => void,
): Promise<CoverageAnswer | null> {
  worker ??= connectWorker<ReachApi>(
    new Worker(new URL('./reachWorker.ts', import.meta.url), { type: 'module', name: 'reach' }),
    'The coverage worker stopped',
  );
  const { api, answer } = worker;
  if (wards !== sharedWards) {
    sharedWards = wards;
    void api.setWards(wards.features.map((feature: WardFeature) => feature.geometry));
  }
  const id = nextId;
  nextId += 1;
  return answer<CoverageAnswer | null>(api.coverage(id, request, proxy(onProgress)));
}
