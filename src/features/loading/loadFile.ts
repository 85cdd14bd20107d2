/**
 * Reading a file the user chooses, or the demo offences that ship with the app, in the worker,
 * and putting what it holds in the store. A newer read takes an older one's place.
 */

import type { Dataset } from '../../data/dataset.ts';
import { errorMessage } from '../../data/errorMessage.ts';
import { describeNotRead } from '../../data/report.ts';
import { type ColumnMapping, PREVIEW_ROWS } from '../../formats/columnMapping.ts';
import type { ReadChoices, WorkerResult } from '../../formats/worker.ts';
import {
  forgetDatasetArrays,
  readInWorker,
  shareWards,
  type WorkerRead,
} from '../../formats/workerClient.ts';
import { ALL_LONDON_AREA } from '../../geo/areas.ts';
import { DEMO_OFFENCES_URL } from '../../geo/wardFile.ts';
import { decodeWardTopology } from '../../geo/wardSet.ts';
import { useAppStore } from '../../state/store.ts';

export const DEMO_SOURCE_NAME = 'Synthetic demo data';

/** Starts reading a file in the worker, with the wards to place its rows in and the user's saved
 * column matchings. */
function startRead(
  source: File | { url: string },
  fileName: string,
  choices: Omit<ReadChoices, 'mappings'>,
  /** `detail`: what is being read when a file has parts (an archive's month). */
  onProgress: (progress: number, read: WorkerRead, detail?: string) => void,
  /** The dataset id under which the worker keeps the offences read (a user's file to load). */
  keepAs?: string,
): WorkerRead {
  const store = useAppStore.getState();
  const area = store.area === ALL_LONDON_AREA ? null : store.area;
  // Point data (data.police.uk, partner extracts) is placed in the wards shown.
  if (store.wards) shareWards(store.wards);
  const read: WorkerRead = readInWorker({
    source,
    fileName,
    ...(keepAs ? { keepAs } : {}),
    wards: (store.wards?.wards ?? []).map(({ code, name, lad }) => ({ code, name, lad })),
    preferredLad: area,
    choices: { mappings: store.columnMappings, ...choices },
    onProgress: (progress, detail) => onProgress(progress, read, detail),
  });
  return read;
}

/** Reads a file (or app URL) in the worker and applies what it holds; a table of no known
 * format goes to the "Match columns" step. */
async function readAndApply(
  source: File | { url: string },
  fileName: string,
  synthetic: boolean,
  choices: Omit<ReadChoices, 'mappings'> = {},
): Promise<void> {
  const store = useAppStore.getState();
  store.loading?.cancel();
  const datasetId = crypto.randomUUID();
  const read = startRead(
    source,
    fileName,
    choices,
    (progress, reading, detail) => {
      const loading = useAppStore.getState().loading;
      if (loading?.cancel === reading.cancel)
        useAppStore.getState().setLoading({ ...loading, progress, ...(detail ? { detail } : {}) });
    },
    // A user's offences are written to the browser's storage by the worker as soon as read.
    synthetic ? undefined : datasetId,
  );
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
    const reason = errorMessage(failure);
    useAppStore.getState().setError(`${fileName} could not be read: ${reason}`);
    return;
  }
  if (parsed.kind === 'columns' && source instanceof File) {
    useAppStore.getState().setMatching({ file: source, columns: parsed, mapping: null });
    return;
  }
  applyParsedFile(parsed, synthetic, datasetId);
}

/**
 * The "Match columns" step's read of its file with the matching as it stands: the whole file, as
 * a load would read it, with the first rows' outcomes. Nothing is applied until `loadMatched`.
 */
export function readWithMapping(
  file: File,
  mapping: ColumnMapping,
  sheet: string | undefined,
  onProgress: (progress: number) => void,
): WorkerRead {
  return startRead(
    file,
    file.name,
    { mapping, previewRows: PREVIEW_ROWS, ...(sheet ? { sheet } : {}) },
    onProgress,
  );
}

/** The step's read of another sheet, until it answers or the step closes. */
let sheetRead: WorkerRead | null = null;

/** The header and first rows of another sheet of the step's workbook. Only the latest sheet
 * chosen is shown, and nothing once the step has closed (Cancel while a large workbook opens). */
export async function readSheetColumns(file: File, sheet: string): Promise<void> {
  sheetRead?.cancel();
  const read = startRead(file, file.name, { matchColumns: true, sheet }, () => {});
  sheetRead = read;
  const parsed = await read.result.catch((error: unknown) =>
    error instanceof Error ? error : new Error(String(error)),
  );
  // A later sheet, or closing the step, took this read's place.
  if (sheetRead !== read) return;
  sheetRead = null;
  const store = useAppStore.getState();
  if (parsed instanceof Error) store.setError(`${file.name} could not be read: ${parsed.message}`);
  else if (parsed.kind === 'columns') store.setMatching({ file, columns: parsed, mapping: null });
  else if (parsed.kind === 'unrecognised') store.setError(parsed.message);
}

/** Closes the "Match columns" step without loading: a sheet being read is dropped. */
export function closeMatching(): void {
  sheetRead?.cancel();
  sheetRead = null;
  useAppStore.getState().setMatching(null);
}

/** Saves the step's matching and applies the file it read (none when a saved matching was
 * changed without a file). The preview's read kept nothing: its arrays are kept from the page's
 * copy when it loads. */
export function loadMatched(parsed: WorkerResult | null, mapping: ColumnMapping): void {
  const store = useAppStore.getState();
  store.saveColumnMappings([mapping]);
  closeMatching();
  if (parsed) applyParsedFile(parsed, false, crypto.randomUUID());
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
    case 'columns':
    case 'unrecognised':
      store.setError(`${parsed.fileName}: ${parsed.message}`);
      return;
  }
}

/** `matchColumns`: the user asked to match the columns even of a file of a known format. */
export function loadUserFile(file: File, matchColumns = false): Promise<void> {
  return readAndApply(file, file.name, false, matchColumns ? { matchColumns } : {});
}

/**
 * Files chosen or dropped together, one after another. Each read clears the message of the one
 * before, so the messages of every file that could not be loaded are gathered and shown together.
 */
export async function loadUserFiles(files: readonly File[], matchColumns = false): Promise<void> {
  const messages: string[] = [];
  for (const file of files) {
    await loadUserFile(file, matchColumns);
    const { error } = useAppStore.getState();
    if (error) messages.push(error);
  }
  if (messages.length > 1) useAppStore.getState().setError(messages.join('\n'));
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
