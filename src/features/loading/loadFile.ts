/**
 * Reading a file the user chooses, or the demo offences that ship with the app, in the worker,
 * and putting what it holds in the store. A newer read takes an older one's place.
 */

import type { Dataset } from '../../data/dataset.ts';
import { describeNotRead } from '../../data/report.ts';
import type { WorkerResult } from '../../formats/worker.ts';
import { forgetDatasetArrays, readInWorker, shareWards } from '../../formats/workerClient.ts';
import { ALL_LONDON_AREA } from '../../geo/areas.ts';
import { DEMO_OFFENCES_URL } from '../../geo/wardFile.ts';
import { decodeWardTopology } from '../../geo/wardSet.ts';
import { useAppStore } from '../../state/store.ts';

export const DEMO_SOURCE_NAME = 'Synthetic demo data';

/** Reads a file (or app URL) in the worker and applies what it holds. */
async function readAndApply(
  source: File | { url: string },
  fileName: string,
  synthetic: boolean,
): Promise<void> {
  const store = useAppStore.getState();
  store.loading?.cancel();
  const area = store.area === ALL_LONDON_AREA ? null : store.area;
  // Point data (data.police.uk, partner extracts) is placed in the wards shown.
  if (store.wards) shareWards(store.wards);
  const datasetId = crypto.randomUUID();
  const read = readInWorker({
    source,
    fileName,
    // A user's offences are written to the browser's storage by the worker as soon as read.
    ...(synthetic ? {} : { keepAs: datasetId }),
    wards: (store.wards?.wards ?? []).map(({ code, name, lad }) => ({ code, name, lad })),
    preferredLad: area,
    onProgress: (progress, detail) => {
      const loading = useAppStore.getState().loading;
      if (loading?.cancel === read.cancel)
        useAppStore.getState().setLoading({ ...loading, progress, ...(detail ? { detail } : {}) });
    },
  });
  store.setLoading({ fileName, progress: 0, cancel: read.cancel });
  store.setError(null);
  let parsed: WorkerResult | null = null;
  let failure: unknown = null;
  try {
    parsed = await read.result;
  } catch (error) {
    failure = error;
  }
  // A newer read took this one's place (a file chosen while the demo was loading): drop it.
  if (useAppStore.getState().loading?.cancel !== read.cancel) return;
  useAppStore.getState().setLoading(null);
  if (parsed === null) {
    const reason = failure instanceof Error ? failure.message : String(failure);
    useAppStore.getState().setError(`${fileName} could not be read: ${reason}`);
    return;
  }
  applyParsedFile(parsed, synthetic, datasetId);
}

/** Applies a read file; the report of the app's own demo file is not shown to users. */
export function applyParsedFile(parsed: WorkerResult, synthetic: boolean, datasetId: string): void {
  const store = useAppStore.getState();
  switch (parsed.kind) {
    case 'offences': {
      if (!synthetic) store.addReport(parsed.report);
      if (parsed.cube.monthCount === 0) {
        store.setError(
          `${parsed.report.fileName}: no row could be loaded, so the figures shown are unchanged.`,
        );
        return;
      }
      const { cube, themes, points, report } = parsed;
      const dataset: Dataset = {
        id: datasetId,
        fileName: report.fileName,
        format: report.format,
        synthetic,
        loadedAt: new Date().toISOString(),
        cube,
        themes,
        replacedThemes: [],
        report,
        points,
      };
      // Part of a file is kept only when the user says so, and then marked partial.
      if (report.notRead) store.setPartialRead(dataset);
      else store.addDataset(dataset);
      return;
    }
    case 'population':
    case 'services': {
      store.addReport(parsed.report);
      const { notRead, fileName } = parsed.report;
      if (notRead) {
        // Rates and catchments from part of a file would be wrong without a sign: not kept.
        store.setError(
          `${fileName} was not loaded. ${describeNotRead(notRead)} A ${parsed.kind === 'population' ? 'population' : 'services'} file is used whole: load it again.`,
        );
        return;
      }
      if (parsed.kind === 'population') {
        store.setPopulations(parsed.populations, { name: fileName, year: null });
        return;
      }
      if (parsed.file.services.length === 0) {
        store.setError(
          `${fileName}: no service could be loaded, so the services shown are unchanged.`,
        );
        return;
      }
      store.setServices(parsed.file);
      return;
    }
    case 'boundaries':
      // A user's ward boundary file (GeoJSON) replaces the wards; the Area picker follows.
      store.setWards(decodeWardTopology(parsed.topology));
      store.addReport(parsed.report);
      return;
    case 'unrecognised':
      store.setError(`${parsed.fileName}: ${parsed.message}`);
      return;
  }
}

export function loadUserFile(file: File): Promise<void> {
  return readAndApply(file, file.name, false);
}

/**
 * Keeps the part of a file read before a cancel, marked partial, or discards it, and with it the
 * copy the worker wrote of its arrays as it read them.
 */
export function resolvePartialRead(keep: boolean): void {
  const store = useAppStore.getState();
  const dataset = store.partialRead;
  store.resolvePartialRead(keep);
  if (!keep && dataset) void forgetDatasetArrays(dataset.id).catch(() => undefined);
}

export function cancelLoading(): void {
  useAppStore.getState().loading?.cancel();
}

/** The synthetic demo offences that ship with the app. */
export function loadDemo(): Promise<void> {
  return readAndApply(
    { url: new URL(DEMO_OFFENCES_URL, document.baseURI).href },
    DEMO_SOURCE_NAME,
    true,
  );
}
