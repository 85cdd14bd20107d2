/**
 * Large data lives here, outside the reactive store: the store only holds version numbers and
 * small summaries that change when one of these is replaced, so subscribers re-render without
 * the store ever copying or diffing megabytes of typed arrays.
 */
import type { Dataset } from '../data/dataset.ts';
import type { WardPopulation } from '../data/population.ts';
import type { ServiceFile } from '../data/services.ts';
import type { WardSet } from '../geo/wardSet.ts';

export interface LoadedData {
  wards: WardSet | null;
  /** Offence datasets in loading order. */
  datasets: Dataset[];
  /** A dataset waiting for the user to say whether it replaces or adds to overlapping data. */
  pending: Dataset | null;
  populations: ReadonlyMap<string, WardPopulation> | null;
  services: ServiceFile | null;
}

export const loadedData: LoadedData = {
  wards: null,
  datasets: [],
  pending: null,
  populations: null,
  services: null,
};
