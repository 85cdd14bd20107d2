/**
 * Large data lives here, outside the reactive store: the store only holds version numbers that
 * change when one of these is replaced, so subscribers re-render without the store ever copying
 * or diffing megabytes of typed arrays.
 */
import type { OffenceCube } from '../data/cube.ts';
import type { WardPopulation } from '../data/population.ts';
import type { WardSet } from '../geo/wardSet.ts';

export interface LoadedData {
  wards: WardSet | null;
  offences: OffenceCube | null;
  populations: ReadonlyMap<string, WardPopulation> | null;
}

export const loadedData: LoadedData = {
  wards: null,
  offences: null,
  populations: null,
};
