/// <reference lib="webworker" />
/**
 * Works out coverage off the main thread: polygon clipping for all of London's wards takes
 * seconds. The work gives way every few tens of milliseconds, so that a newer request (another
 * reach, a proposed service placed) takes over at once. Reached through Comlink
 * (data/connectWorker.ts); `ReachApi` is its type.
 */

import { expose, transfer } from 'comlink';
import type { MultiPolygon, Polygon } from 'geojson';
import { type Coverage, CoverageModel, type CoverageRequest } from './reach.ts';

/** How long the work runs before it gives way to new messages. */
const SLICE_MILLISECONDS = 40;

let model: CoverageModel | null = null;
let latest = 0;

const giveWay = () => new Promise((resolve) => setTimeout(resolve, 0));

export interface CoverageAnswer {
  coverage: Coverage;
  milliseconds: number;
}

const reach = {
  /** The ward set's shapes, in index order; sent when the wards change. */
  setWards(geometries: (Polygon | MultiPolygon)[]): void {
    model = new CoverageModel(geometries);
  },

  /**
   * Coverage for a request; null when a newer request came before this one finished (its answer
   * is not wanted). `onProgress` comes wrapped in Comlink's `proxy`.
   */
  async coverage(
    id: number,
    request: CoverageRequest,
    onProgress: (fraction: number) => void,
  ): Promise<CoverageAnswer | null> {
    latest = id;
    if (!model) throw new Error('The ward shapes have not arrived.');
    const started = performance.now();
    const steps = model.compute(request);
    let sliceStarted = started;
    for (;;) {
      const step = steps.next();
      if (step.done) {
        const coverage = step.value;
        const arrays = [
          ...coverage.shares,
          ...coverage.baseline,
          ...coverage.proposedShares,
          coverage.serviceWards,
          coverage.proposedWards,
        ];
        return transfer(
          { coverage, milliseconds: performance.now() - started },
          arrays.map((array) => array.buffer as ArrayBuffer),
        );
      }
      if (performance.now() - sliceStarted > SLICE_MILLISECONDS) {
        onProgress(step.value);
        await giveWay();
        if (latest !== id) return null;
        sliceStarted = performance.now();
      }
    }
  },
};

export type ReachApi = typeof reach;

expose(reach);
