/// <reference lib="webworker" />
/**
 * Works out coverage off the main thread: polygon clipping for all of London's wards takes
 * seconds. The work gives way every few tens of milliseconds, so that a newer request (another
 * reach, a proposed service placed) takes over at once.
 */
import { CoverageModel } from './reach.ts';
import type { ReachRequest, ReachResponse } from './reachProtocol.ts';

declare const self: DedicatedWorkerGlobalScope;

/** How long the work runs before it gives way to new messages. */
const SLICE_MILLISECONDS = 40;

let model: CoverageModel | null = null;
let latest = 0;

function post(message: ReachResponse, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

const giveWay = () => new Promise((resolve) => setTimeout(resolve, 0));

self.onmessage = async (event: MessageEvent<ReachRequest>) => {
  const message = event.data;
  if (message.type === 'setWards') {
    model = new CoverageModel(message.geometries);
    return;
  }
  const { id, request } = message;
  latest = id;
  if (!model) {
    post({ type: 'failed', id, message: 'The ward shapes have not arrived.' });
    return;
  }
  try {
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
        post(
          { type: 'done', id, coverage, milliseconds: performance.now() - started },
          arrays.map((array) => array.buffer as ArrayBuffer),
        );
        return;
      }
      if (performance.now() - sliceStarted > SLICE_MILLISECONDS) {
        post({ type: 'progress', id, fraction: step.value });
        await giveWay();
        if (latest !== id) {
          post({ type: 'superseded', id });
          return;
        }
        sliceStarted = performance.now();
      }
    }
  } catch (error) {
    post({ type: 'failed', id, message: error instanceof Error ? error.message : String(error) });
  }
};
