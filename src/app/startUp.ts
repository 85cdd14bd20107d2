/**
 * Start-up: the app's own boundaries and populations (or the user's kept ones), then the services
 * and datasets kept from the last visit, or the demo offences that ship with the app when there
 * are none; from then on the user's data is kept in the browser.
 */

import type { Dataset } from '../data/dataset.ts';
import { errorMessage } from '../data/errorMessage.ts';
import { type DatasetRecord, datasetFromStored } from '../data/keptDataset.ts';
import { mergeSavedViews } from '../data/savedViews.ts';
import { loadDemo } from '../features/loading/loadFile.ts';
import { parsePopulationCsv } from '../formats/population.ts';
import { forgetDatasetArraysOtherThan, keptDatasetBytes } from '../formats/workerClient.ts';
import {
  DATA_FOLDER_URL,
  type DataManifest,
  MANIFEST_FILE,
  POPULATION_FILE,
  WARDS_FILE,
  type WardTopology,
} from '../geo/wardFile.ts';
import { forgetDatasetRecord, keptDatasetRecords, keptValue } from '../state/persistence.ts';
import { useAppStore } from '../state/store.ts';
import { type Kept, nothingKept, startKeeping } from './keepInBrowser.ts';

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load ${url} (HTTP ${response.status}).`);
  return response;
}

/** `keptViewApplied` settles once the view kept from the last visit is in the store. */
export async function loadAppData(keptViewApplied: Promise<void>): Promise<void> {
  const store = useAppStore.getState();
  const kept = nothingKept();
  // The kept datasets are read (in the worker) while the boundaries are fetched.
  const keptData = readKeptDatasets();
  try {
    // The three files are fetched while the browser reads what it kept; the manifest only says
    // whether there are populations.
    const folder = new URL(DATA_FOLDER_URL, document.baseURI);
    const [manifest, topology, populationText, boundaries, populations] = await Promise.all([
      fetchOk(new URL(MANIFEST_FILE, folder).href).then(
        (response) => response.json() as Promise<DataManifest>,
      ),
      fetchOk(new URL(WARDS_FILE, folder).href).then(
        (response) => response.json() as Promise<WardTopology>,
      ),
      fetch(new URL(POPULATION_FILE, folder).href).then((response) =>
        response.ok ? response.text() : null,
      ),
      keptValue('boundaries').catch(() => null),
      keptValue('populations').catch(() => null),
      // The kept view names an area of the boundaries: apply it first.
      keptViewApplied,
    ]);
    kept.boundaries = boundaries;
    kept.populations = populations?.populations ?? null;
    store.setAppData({
      topology,
      wards: null,
      // About 700 short rows: quicker here than a round trip to the worker.
      populations:
        manifest.population && populationText !== null
          ? {
              populations: parsePopulationCsv(POPULATION_FILE, populationText).populations,
              source: { name: manifest.population.source, year: manifest.population.year },
            }
          : null,
    });
    if (boundaries) store.setWards(boundaries);
    else store.showAppWards();
    const shown = populations ?? useAppStore.getState().appData?.populations;
    if (shown) store.setPopulations(shown.populations, shown.source);
  } catch (error) {
    store.setError(
      `The ward boundaries could not be loaded (${errorMessage(error)}). Run "npm run data" to build them.`,
    );
    return;
  }
  kept.services = await keptValue('services').catch(() => null);
  if (kept.services) store.setServices(kept.services);
  const mappings = await keptValue('columnMappings').catch(() => null);
  if (mappings) store.saveColumnMappings(mappings);
  kept.columnMappings = mappings ? useAppStore.getState().columnMappings : null;
  const savedViews = await keptValue('savedViews').catch(() => null);
  if (savedViews) {
    // A view saved while the browser was being read stays, after the kept ones.
    store.setSavedViews(mergeSavedViews(savedViews, useAppStore.getState().savedViews));
    kept.savedViews = savedViews;
  }
  if (!restoreKeptDatasets(await keptData, kept)) await loadDemo();
  startKeeping(kept);
}

interface KeptData {
  datasets: Dataset[];
  /** Records whose arrays the browser no longer holds (a write that never finished). */
  lost: DatasetRecord[];
}

/** The datasets kept from the last visit, with their arrays read back by the worker. */
async function readKeptDatasets(): Promise<KeptData> {
  const records = await keptDatasetRecords().catch(() => [] as DatasetRecord[]);
  const restored = await Promise.all(
    records.map(async (record) => {
      const bytes = await keptDatasetBytes(record.id).catch(() => null);
      return { record, dataset: bytes && datasetFromStored(record, bytes) };
    }),
  );
  // Arrays that no record names were left by a tab closed while writing them.
  void forgetDatasetArraysOtherThan(records.map((record) => record.id)).catch(() => undefined);
  return {
    datasets: restored.flatMap(({ dataset }) => (dataset ? [dataset] : [])),
    lost: restored.flatMap(({ record, dataset }) => (dataset ? [] : [record])),
  };
}

/** Puts back the datasets kept from the last visit; false when there are none. */
function restoreKeptDatasets({ datasets, lost }: KeptData, kept: Kept): boolean {
  const store = useAppStore.getState();
  for (const record of lost) void forgetDatasetRecord(record.id).catch(() => undefined);
  if (lost.length > 0)
    store.setError(
      `${lost.map((record) => record.fileName).join(', ')} could not be found in this browser's storage any more: load ${lost.length === 1 ? 'it' : 'them'} again.`,
    );
  if (datasets.length === 0) return false;
  for (const dataset of datasets) {
    kept.datasets.set(dataset.id, dataset.replacedThemes.join());
    store.setDatasetKeeping(dataset.id, 'kept');
  }
  store.restoreDatasets(datasets);
  return true;
}
