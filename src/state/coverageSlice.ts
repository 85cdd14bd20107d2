/**
 * Coverage of the area's wards by the loaded and proposed services, as the reach worker last
 * worked it out, and what it was asked for: the latest request wins.
 */
import type { StoreApi } from 'zustand';
import type { ProposedService, ServiceFile } from '../data/services.ts';
import type { Coverage } from '../geo/reach.ts';
import type { WardSet } from '../geo/wardSet.ts';

export interface CoverageState {
  /** The latest coverage worked out; null before the first. */
  coverage: Coverage | null;
  /** The numbers of the proposed services, in the coverage's order. */
  proposedIds: number[];
  /** The services file the coverage is for. */
  services: ServiceFile | null;
  /** Whether the coverage is for what the page shows now (not still being worked out). */
  current: boolean;
  /** Share of the wards done, while working. */
  progress: number | null;
  /** How long the worker took for the last coverage. */
  milliseconds: number | null;
  error: string | null;
}

/** What a coverage request was for: compared input by input, by identity. */
export type CoverageInputs = readonly [
  wards: WardSet,
  area: string,
  services: ServiceFile | null,
  reachMetres: number,
  proposed: readonly ProposedService[],
];

export interface CoverageSlice {
  coverage: CoverageState;
  /** The inputs of the latest request, whose answer is the one wanted. */
  coverageRequested: CoverageInputs | null;
  setCoverage(change: Partial<CoverageState>): void;
  setCoverageRequested(inputs: CoverageInputs): void;
}

export function createCoverageSlice(
  set: StoreApi<CoverageSlice>['setState'],
  get: StoreApi<CoverageSlice>['getState'],
): CoverageSlice {
  return {
    coverage: {
      coverage: null,
      proposedIds: [],
      services: null,
      current: false,
      progress: null,
      milliseconds: null,
      error: null,
    },
    coverageRequested: null,
    setCoverage: (change) => set({ coverage: { ...get().coverage, ...change } }),
    setCoverageRequested: (coverageRequested) => set({ coverageRequested }),
  };
}
