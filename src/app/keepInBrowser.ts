/**
 * Keeping the user's data in the browser (IndexedDB) while the store says so. The app's own
 * files are never kept: they ship with it. Every write is checked against what is kept, so that
 * a change made while writes are paused ("Clear data") is caught up on resumption.
 */
import type { WardPopulation } from '../data/population.ts';
import type { ServiceFile } from '../data/services.ts';
import type { WardSet } from '../geo/wardSet.ts';
import {
  forgetDataset,
  isStorageFull,
  keepDataset,
  keepReplacedThemes,
  keepValue,
} from '../state/persistence.ts';
import { type AppStore, type StoreState, useAppStore } from '../state/store.ts';

/** What the browser holds: dataset ids with their replaced themes (null: could not be kept). */
export interface Kept {
  datasets: Map<string, string | null>;
  populations: ReadonlyMap<string, WardPopulation> | null;
  boundaries: WardSet | null;
  services: ServiceFile | null;
}

export function nothingKept(): Kept {
  return { datasets: new Map(), populations: null, boundaries: null, services: null };
}

/** Writes the user's data to the browser from now on, starting from what it already holds. */
export function startKeeping(alreadyKept: Kept, store: AppStore = useAppStore): void {
  let kept = alreadyKept;
  /** Grows with each "Clear data": failures of writes from before it are not worth a note. */
  let generation = 0;

  /** The data stays loaded for the session when it cannot be kept; the user is told so. */
  const noteIfNotKept = (writing: Promise<void>, fileName: string, onFailure?: () => void) => {
    const writtenIn = generation;
    writing.catch((error: unknown) => {
      if (writtenIn !== generation) return;
      onFailure?.();
      store
        .getState()
        .setError(
          isStorageFull(error)
            ? `${fileName} is too large to keep in this browser; it will need loading again next time.`
            : `${fileName} could not be kept in this browser; it will need loading again next time.`,
        );
    });
  };

  const keepDatasets = ({ datasets }: StoreState) => {
    const userDatasets = datasets.filter((dataset) => !dataset.synthetic);
    for (const id of [...kept.datasets.keys()]) {
      if (userDatasets.some((dataset) => dataset.id === id)) continue;
      kept.datasets.delete(id);
      forgetDataset(id).catch(() => undefined);
    }
    for (const dataset of userDatasets) {
      const replaced = dataset.replacedThemes.join();
      const state = kept.datasets.get(dataset.id);
      if (state === undefined) {
        kept.datasets.set(dataset.id, replaced);
        noteIfNotKept(keepDataset(dataset), dataset.fileName, () =>
          kept.datasets.set(dataset.id, null),
        );
      } else if (state !== null && state !== replaced) {
        kept.datasets.set(dataset.id, replaced);
        noteIfNotKept(keepReplacedThemes(dataset.id, dataset.replacedThemes), dataset.fileName);
      }
    }
  };

  const keepPopulations = ({ populations, populationSource, appData }: StoreState) => {
    const users =
      populations !== null &&
      populationSource !== null &&
      populations !== appData?.populations?.populations
        ? populations
        : null;
    if (users === kept.populations) return;
    kept.populations = users;
    if (users === null || populationSource === null)
      keepValue('populations', null).catch(() => undefined);
    else
      noteIfNotKept(
        keepValue('populations', { populations: users, source: populationSource }),
        populationSource.name,
      );
  };

  const keepBoundaries = ({ wards, appData }: StoreState) => {
    const users = wards !== null && wards !== appData?.wards ? wards : null;
    if (users === kept.boundaries) return;
    kept.boundaries = users;
    if (users === null) keepValue('boundaries', null).catch(() => undefined);
    else noteIfNotKept(keepValue('boundaries', users), 'The boundary file');
  };

  const keepServices = ({ services }: StoreState) => {
    if (services === kept.services) return;
    kept.services = services;
    if (services === null) keepValue('services', null).catch(() => undefined);
    else noteIfNotKept(keepValue('services', services), services.fileName);
  };

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
    keepViewWhileUserDataKept();
  };

  store.subscribe((state, previous) => {
    if (state.keeping !== previous.keeping) {
      if (state.keeping) {
        keepAll(state);
      } else {
        // "Clear data" removes everything the browser holds.
        generation += 1;
        kept = nothingKept();
        keepViewWhileUserDataKept();
      }
      return;
    }
    if (!state.keeping) return;
    if (state.datasets !== previous.datasets) keepDatasets(state);
    if (state.populations !== previous.populations) keepPopulations(state);
    if (state.wards !== previous.wards) keepBoundaries(state);
    if (state.services !== previous.services) keepServices(state);
    keepViewWhileUserDataKept();
  });
  store.getState().setKeeping(true);
}
