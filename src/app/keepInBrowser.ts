/**
 * Keeping the user's data in the browser while the store says so: datasets' arrays in stored
 * files written by the worker, everything else in IndexedDB. The app's own files are never kept:
 * they ship with it. Every write is checked against what is kept, so that a change made while
 * writes are paused ("Clear data") is caught up on resumption.
 */
import type { Dataset } from '../data/dataset.ts';
import { errorMessage } from '../data/errorMessage.ts';
import { datasetRecord } from '../data/keptDataset.ts';
import type { WardPopulation } from '../data/population.ts';
import type { SavedView } from '../data/savedViews.ts';
import type { ServiceFile } from '../data/services.ts';
import { askToPersist, isStorageFull } from '../data/storedFiles.ts';
import type { ColumnMapping } from '../formats/columnMapping.ts';
import { forgetDatasetArrays, keepDatasetArrays } from '../formats/workerClient.ts';
import type { WardSet } from '../geo/wardSet.ts';
import { hearOtherTabs, tellOtherTabs } from '../state/otherTabs.ts';
import {
  forgetDatasetRecord,
  type KeptValues,
  keepDatasetRecord,
  keepReplacedThemes,
  keepValue,
  keptDatasetRecords,
} from '../state/persistence.ts';
import { selectUsersBoundaries, selectUsersPopulations } from '../state/selectors.ts';
import { type AppStore, type StoreState, useAppStore } from '../state/store.ts';

/** What the browser holds: dataset ids with their replaced themes (null: could not be kept). */
export interface Kept {
  datasets: Map<string, string | null>;
  populations: ReadonlyMap<string, WardPopulation> | null;
  boundaries: WardSet | null;
  services: ServiceFile | null;
  /** The saved column matchings, null when none are kept. */
  columnMappings: ColumnMapping[] | null;
  /** The saved views, null when none are kept. */
  savedViews: SavedView[] | null;
}

export function nothingKept(): Kept {
  return {
    datasets: new Map(),
    populations: null,
    boundaries: null,
    services: null,
    columnMappings: null,
    savedViews: null,
  };
}

/** The arrays first (in the worker), then the record that says they are there. */
async function keepDataset(dataset: Dataset): Promise<void> {
  await keepDatasetArrays(dataset);
  try {
    await keepDatasetRecord(datasetRecord(dataset));
  } catch (error) {
    await forgetDatasetArrays(dataset.id).catch(() => undefined);
    throw error;
  }
}

async function forgetDataset(id: string): Promise<void> {
  await forgetDatasetRecord(id);
  await forgetDatasetArrays(id);
}

/** Tells the other tabs, once a change to what the browser keeps is made. */
function tellWhenDone(change: Promise<void>): void {
  change.then(
    () => tellOtherTabs('kept data changed'),
    () => undefined,
  );
}

/** Writes the user's data to the browser from now on, starting from what it already holds. */
export function startKeeping(alreadyKept: Kept, store: AppStore = useAppStore): void {
  let kept = alreadyKept;
  /** Grows with each "Clear data": failures of writes from before it are not worth a note. */
  let generation = 0;

  /** The data stays loaded for the session when it cannot be kept; the user is told so. Once
   * kept, the other tabs hear that the data kept has changed. */
  const noteIfNotKept = (writing: Promise<void>, fileName: string, onFailure?: () => void) => {
    const writtenIn = generation;
    tellWhenDone(writing);
    writing.catch((error: unknown) => {
      if (writtenIn !== generation) return;
      onFailure?.();
      // The worker's own error says how much room the file needs and how much there is.
      const why =
        (error as { name?: unknown }).name === 'StorageFullError'
          ? ` (${errorMessage(error)})`
          : '';
      store
        .getState()
        .setError(
          `${fileName} ${isStorageFull(error) ? `is too large to keep in this browser${why}` : 'could not be kept in this browser'}; it stays loaded until this page is closed, and will need loading again next time.`,
        );
    });
  };

  /** Asked once, when the first of the user's datasets is kept: eviction would lose it. */
  let persistenceAsked = false;
  const askToPersistOnce = () => {
    if (persistenceAsked) return;
    persistenceAsked = true;
    void askToPersist().then((persistent) => store.getState().setStoragePersistent(persistent));
  };

  const keepDatasets = ({ datasets }: StoreState) => {
    const userDatasets = datasets.filter((dataset) => !dataset.synthetic);
    for (const id of [...kept.datasets.keys()]) {
      if (userDatasets.some((dataset) => dataset.id === id)) continue;
      kept.datasets.delete(id);
      store.getState().setDatasetKeeping(id, null);
      tellWhenDone(forgetDataset(id));
    }
    for (const dataset of userDatasets) {
      const replaced = dataset.replacedThemes.join();
      const state = kept.datasets.get(dataset.id);
      if (state === undefined) {
        kept.datasets.set(dataset.id, replaced);
        askToPersistOnce();
        const { setDatasetKeeping } = store.getState();
        setDatasetKeeping(dataset.id, 'keeping');
        const keeping = keepDataset(dataset);
        const writtenIn = generation;
        keeping.then(
          () => writtenIn === generation && setDatasetKeeping(dataset.id, 'kept'),
          () => undefined,
        );
        noteIfNotKept(keeping, dataset.fileName, () => {
          kept.datasets.set(dataset.id, null);
          setDatasetKeeping(dataset.id, 'not kept');
        });
      } else if (state !== null && state !== replaced) {
        kept.datasets.set(dataset.id, replaced);
        noteIfNotKept(keepReplacedThemes(dataset.id, dataset.replacedThemes), dataset.fileName);
      }
    }
  };

  const keepPopulations = (state: StoreState) => {
    const users = selectUsersPopulations(state);
    if ((users?.populations ?? null) === kept.populations) return;
    kept.populations = users?.populations ?? null;
    if (users === null) tellWhenDone(keepValue('populations', null));
    else noteIfNotKept(keepValue('populations', users), users.source.name);
  };

  const keepBoundaries = (state: StoreState) => {
    const users = selectUsersBoundaries(state);
    if (users === kept.boundaries) return;
    kept.boundaries = users;
    if (users === null) tellWhenDone(keepValue('boundaries', null));
    else noteIfNotKept(keepValue('boundaries', users), 'The boundary file');
  };

  const keepServices = ({ services }: StoreState) => {
    if (services === kept.services) return;
    kept.services = services;
    if (services === null) tellWhenDone(keepValue('services', null));
    else noteIfNotKept(keepValue('services', services), services.fileName);
  };

  /** A list the user saves (column matchings, saved views), kept while it has any: none saved
   * and none kept writes nothing (and creates no database). */
  const keepList = <Key extends 'columnMappings' | 'savedViews'>(
    key: Key,
    list: KeptValues[Key],
    what: string,
  ) => {
    const users = list.length > 0 ? list : null;
    if (users === kept[key]) return;
    kept[key] = users as Kept[Key];
    if (users === null) keepValue(key, null).catch(() => undefined);
    else noteIfNotKept(keepValue(key, users), what);
  };
  const keepColumnMappings = ({ columnMappings }: StoreState) =>
    keepList('columnMappings', columnMappings, 'The column matchings');
  const keepSavedViews = ({ savedViews }: StoreState) =>
    keepList('savedViews', savedViews, 'The saved views');

  /** The last view is kept while the user's own data is. */
  const keepViewWhileUserDataKept = () => {
    const userDataKept =
      kept.datasets.size > 0 ||
      kept.populations !== null ||
      kept.boundaries !== null ||
      kept.services !== null;
    if (store.getState().keepingView !== userDataKept)
      store.getState().setKeepingView(userDataKept);
  };

  const keepAll = (state: StoreState) => {
    keepDatasets(state);
    keepPopulations(state);
    keepBoundaries(state);
    keepServices(state);
    keepColumnMappings(state);
    keepSavedViews(state);
    keepViewWhileUserDataKept();
  };

  /** Another tab changed what is kept: a dataset of this tab it removed is no longer said to be
   * kept here (nor written again, which would undo the other tab's removal). */
  const followOtherTabsKeeping = async () => {
    const stored = new Set((await keptDatasetRecords().catch(() => [])).map(({ id }) => id));
    const { datasetKeeping, setDatasetKeeping } = store.getState();
    for (const [id, replaced] of kept.datasets) {
      if (replaced === null || stored.has(id) || datasetKeeping[id] !== 'kept') continue;
      kept.datasets.set(id, null);
      setDatasetKeeping(id, 'not kept');
    }
  };
  hearOtherTabs((message) => {
    if (message === 'kept data changed') void followOtherTabsKeeping();
  });

  store.subscribe((state, previous) => {
    if (state.keeping !== previous.keeping) {
      if (state.keeping) {
        keepAll(state);
      } else {
        // "Clear data" removes everything the browser holds.
        generation += 1;
        kept = nothingKept();
        for (const id of Object.keys(state.datasetKeeping)) state.setDatasetKeeping(id, null);
        keepViewWhileUserDataKept();
      }
      return;
    }
    if (!state.keeping) return;
    if (state.datasets !== previous.datasets) keepDatasets(state);
    if (state.populations !== previous.populations) keepPopulations(state);
    if (state.wards !== previous.wards) keepBoundaries(state);
    if (state.services !== previous.services) keepServices(state);
    if (state.columnMappings !== previous.columnMappings) keepColumnMappings(state);
    if (state.savedViews !== previous.savedViews) keepSavedViews(state);
    keepViewWhileUserDataKept();
  });
  store.getState().setKeeping(true);
}
