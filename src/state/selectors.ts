/**
 * Derived figures for the current view. Each is computed once per change of the inputs it
 * depends on and shared by every component, so the map, legend, table and heatmap never disagree.
 */
import {
  type AreaFigures,
  computeAreaFigures,
  type FigureInputs,
} from '../analysis/areaFigures.ts';
import { type AreaPriorities, areaPriorities } from '../analysis/priorities.ts';
import { computeTrends, type Trends } from '../analysis/trends.ts';
import { type AreaStatistics, computeAreaStatistics } from '../analysis/wardStatistics.ts';
import { type DatasetSummary, describeTheme } from '../data/dataset.ts';
import { DEDUPLICATED_ALL_THEME, type ThemeInfo } from '../data/themes.ts';
import { findArea } from '../geo/wardSet.ts';
import { loadedData } from './registry.ts';
import { liveThemeIds, type StoreState, useAppStore, type ViewState, viewOf } from './store.ts';

/** The inputs a derived value depends on: the view and the versions of the data. */
type StateKey = ViewState &
  Pick<StoreState, 'wardsVersion' | 'offencesVersion' | 'populationVersion'>;

function stateKey(state: StoreState): StateKey {
  return {
    ...viewOf(state),
    wardsVersion: state.wardsVersion,
    offencesVersion: state.offencesVersion,
    populationVersion: state.populationVersion,
  };
}

/** Objects in the view (time filter, classes) are replaced, never mutated: compare by identity. */
function sameKey(a: StateKey, b: StateKey): boolean {
  return (Object.keys(a) as (keyof StateKey)[]).every((name) => a[name] === b[name]);
}

/** A selector that recomputes only when the view or the data change. */
function memoised<T>(compute: (key: StateKey, state: StoreState) => T): (state: StoreState) => T {
  let lastKey: StateKey | null = null;
  let lastValue: T;
  return (state) => {
    const key = stateKey(state);
    if (lastKey === null || !sameKey(lastKey, key)) {
      lastValue = compute(key, state);
      lastKey = key;
    }
    return lastValue;
  };
}

function inputsFor(key: StateKey): FigureInputs | null {
  const wards = loadedData.wards;
  const area = wards ? findArea(wards, key.area) : undefined;
  if (!wards || !area) return null;
  return {
    wards,
    area,
    datasets: loadedData.datasets,
    populations: loadedData.populations,
    view: key,
  };
}

/** Figures for a store state; null until the ward boundaries are loaded. */
export const selectAreaFigures = memoised((key) => {
  const inputs = inputsFor(key);
  return inputs ? computeAreaFigures(inputs) : null;
});

/** Intervals, changes, hot spots and London ranks for the wards of the current view. */
export const selectAreaStatistics = memoised((key, state): AreaStatistics | null => {
  const inputs = inputsFor(key);
  const figures = selectAreaFigures(state);
  return inputs && figures ? computeAreaStatistics(inputs, figures) : null;
});

/** Serious-violence themes of the loaded data, each counted once, for the priorities. */
export function priorityThemes(datasets: readonly DatasetSummary[]): ThemeInfo[] {
  return liveThemeIds(datasets)
    .filter((id) => id !== DEDUPLICATED_ALL_THEME)
    .map((id) => describeTheme(datasets, id))
    .filter((info) => info.group === 'serious_violence');
}

/** Each ward's rank in each serious-violence theme and the combined score. */
export const selectPriorities = memoised((key, state): AreaPriorities | null => {
  const inputs = inputsFor(key);
  return inputs
    ? areaPriorities(inputs, priorityThemes(state.datasets), key.weights, key.topN)
    : null;
});

export function usePriorities(): AreaPriorities | null {
  return useAppStore(selectPriorities);
}

export function useAreaFigures(): AreaFigures | null {
  return useAppStore(selectAreaFigures);
}

export function useAreaStatistics(): AreaStatistics | null {
  return useAppStore(selectAreaStatistics);
}

/** How the loaded datasets describe a theme. */
export function useThemeInfo(theme: string): ThemeInfo {
  const datasets = useAppStore((state) => state.datasets);
  return describeTheme(datasets, theme);
}

/** Monthly series of the selected ward against its area, one per serious-violence theme. */
export const selectTrends = memoised((key, state): Trends | null => {
  const inputs = inputsFor(key);
  if (!inputs || key.ward === null) return null;
  return computeTrends(inputs, key.ward, priorityThemes(state.datasets));
});

export function useTrends(): Trends | null {
  return useAppStore(selectTrends);
}
