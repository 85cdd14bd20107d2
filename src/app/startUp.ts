/**
 * Start-up: the app's own boundaries and populations (or the user's kept ones), then the services
 * and datasets kept from the last visit, or the demo offences that ship with the app when there
 * are none; from then on the user's data is kept in the browser.
 */
import type { Dataset } from '../data/dataset.ts';
import { loadDemo } from '../features/loading/loadFile.ts';
import { parsePopulationCsv } from '../formats/population.ts';
import {
  DATA_FOLDER_URL,
  type DataManifest,
  MANIFEST_FILE,
  POPULATION_FILE,
  WARDS_FILE,
  type WardTopology,
} from '../geo/wardFile.ts';
import { keptDatasets, keptValue } from '../state/persistence.ts';
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
      `The ward boundaries could not be loaded (${error instanceof Error ? error.message : String(error)}). Run "npm run data" to build them.`,
    );
    return;
  }
  kept.services = await keptValue('services').catch(() => null);
  if (kept.services) store.setServices(kept.services);
  if (!(await restoreKeptDatasets(kept))) await loadDemo();
  startKeeping(kept);
}

/** Puts back the datasets kept from the last visit; false when there are none. */
async function restoreKeptDatasets(kept: Kept): Promise<boolean> {
  const datasets = await keptDatasets().catch(() => [] as Dataset[]);
  if (datasets.length === 0) return false;
  for (const dataset of datasets) kept.datasets.set(dataset.id, dataset.replacedThemes.join());
  useAppStore.getState().restoreDatasets(datasets);
  return true;
}
