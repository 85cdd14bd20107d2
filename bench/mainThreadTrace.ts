/**
 * What a page's main thread did in its long tasks, from a Chromium trace: how much of each task
 * was work, and how much was waiting for the GPU process. With software compositing (headless
 * Chromium, SwiftShader) the compositor reads every WebGL canvas back before it commits a frame,
 * and that read waits until the software GPU has drawn the canvas: seconds for London's ward
 * outlines. A hardware GPU composites the canvas without that wait, so the bench reports the
 * two apart.
 */
import type { CDPSession } from 'playwright-core';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

export interface MainThreadTask {
  /** The task's length in ms. */
  durationMs: number;
  /** The part of it spent waiting for the GPU process, in ms. */
  gpuWaitMs: number;
}

/** Categories that hold the main thread's tasks and its waits for the GPU process. */
const CATEGORIES = 'toplevel,gpu';
const TASK = 'ThreadControllerImpl::RunTask';
/** The renderer's blocking waits on its command buffer (a readPixels, a finish, a sync query). */
const GPU_WAIT = /^CommandBufferProxyImpl::WaitFor/;

/** Tasks on the renderer main threads longer than `overMs`, with their GPU waits. */
export function longMainThreadTasks(
  events: readonly TraceEvent[],
  overMs: number,
): MainThreadTask[] {
  const mainThreads = new Set(
    events
      .filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      .map((event) => `${event.pid}:${event.tid}`),
  );
  const onMain = (event: TraceEvent) =>
    event.ph === 'X' && event.dur !== undefined && mainThreads.has(`${event.pid}:${event.tid}`);
  const waits = events.filter((event) => onMain(event) && GPU_WAIT.test(event.name));
  return events
    .filter(
      (event) => onMain(event) && event.name === TASK && (event.dur as number) > overMs * 1000,
    )
    .map((task) => {
      const end = task.ts + (task.dur as number);
      // Waits can nest (a finish inside a read): count the time covered, once.
      const inside = waits
        .filter(
          (wait) =>
            wait.pid === task.pid && wait.tid === task.tid && wait.ts >= task.ts && wait.ts < end,
        )
        .map((wait) => [wait.ts, Math.min(end, wait.ts + (wait.dur as number))] as const)
        .sort((a, b) => a[0] - b[0]);
      let waited = 0;
      let coveredTo = -Infinity;
      for (const [start, stop] of inside) {
        const from = Math.max(start, coveredTo);
        if (stop > from) waited += stop - from;
        coveredTo = Math.max(coveredTo, stop);
      }
      return { durationMs: (task.dur as number) / 1000, gpuWaitMs: waited / 1000 };
    });
}

/** Starts tracing the page; the returned function stops it and gives back its events. */
export async function traceMainThread(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) =>
    events.push(...(value as unknown as TraceEvent[])),
  );
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  return async () => {
    const complete = new Promise<void>((resolve) =>
      cdp.once('Tracing.tracingComplete', () => resolve()),
    );
    await cdp.send('Tracing.end');
    await complete;
    return events;
  };
}
