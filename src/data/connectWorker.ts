/**
 * The one way the app reaches a worker: Comlink, so that a worker's functions are called as
 * promises typed by the worker's own API (`Remote<typeof api>`). A worker that stops (its script
 * fails to load, or it dies) fails every call in flight and after, where Comlink alone would
 * leave them waiting for ever.
 */
import { type Remote, wrap } from 'comlink';

export interface ConnectedWorker<Api> {
  api: Remote<Api>;
  /** The answer to a call of `api`, or the worker's failure. */
  answer<T>(call: Promise<T>): Promise<T>;
}

export function connectWorker<Api>(worker: Worker, stoppedMessage: string): ConnectedWorker<Api> {
  const stopped = new Promise<never>((_, reject) =>
    worker.addEventListener('error', (event) => reject(new Error(event.message || stoppedMessage))),
  );
  // A worker that stops while nothing is asked is only an error for the next call.
  stopped.catch(() => undefined);
  return { api: wrap<Api>(worker), answer: (call) => Promise.race([call, stopped]) };
}
