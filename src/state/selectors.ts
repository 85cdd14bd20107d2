/**
 * Derived figures for the current view. Computed once per change of the inputs they depend on
 * and shared by every component, so the map, legend, table and heatmap never disagree.
 */
import { type AreaFigures, computeAreaFigures, type FigureView } from '../analysis/areaFigures.ts';
import { describeTheme } from '../data/dataset.ts';
import type { ThemeInfo } from '../data/themes.ts';
import { findArea } from '../geo/wardSet.ts';
import { loadedData } from './registry.ts';
import { type StoreState, useAppStore } from './store.ts';

interface FigureKey extends FigureView {
  wardsVersion: number;
  offencesVersion: number;
  populationVersion: number;
}

function figureKey(state: StoreState): FigureKey {
  return {
    area: state.area,
    theme: state.theme,
    from: state.from,
    to: state.to,
    measure: state.measure,
    ward: state.ward,
    time: state.time,
    wardsVersion: state.wardsVersion,
    offencesVersion: state.offencesVersion,
    populationVersion: state.populationVersion,
  };
}

let lastKey: FigureKey | null = null;
let lastFigures: AreaFigures | null = null;

function sameKey(a: FigureKey, b: FigureKey): boolean {
  return (Object.keys(a) as (keyof FigureKey)[]).every((name) =>
    name === 'time'
      ? a.time?.weekday === b.time?.weekday &&
        a.time?.hourFrom === b.time?.hourFrom &&
        a.time?.hourTo === b.time?.hourTo
      : a[name] === b[name],
  );
}

/** Figures for a store state; null until the ward boundaries are loaded. */
export function selectAreaFigures(state: StoreState): AreaFigures | null {
  const key = figureKey(state);
  if (lastKey !== null && sameKey(lastKey, key)) return lastFigures;
  const wards = loadedData.wards;
  const area = wards ? findArea(wards, state.area) : undefined;
  lastKey = key;
  lastFigures =
    wards && area
      ? computeAreaFigures({
          wards,
          area,
          datasets: loadedData.datasets,
          populations: loadedData.populations,
          view: key,
        })
      : null;
  return lastFigures;
}

export function useAreaFigures(): AreaFigures | null {
  return useAppStore(selectAreaFigures);
}

/** How the loaded datasets describe a theme. */
export function useThemeInfo(theme: string): ThemeInfo {
  const datasets = useAppStore((state) => state.datasets);
  return describeTheme(datasets, theme);
}
