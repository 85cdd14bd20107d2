/**
 * Derived figures for the current view. Each is worked out once per change of exactly the inputs
 * it reads and shared by every component, so the map, legend, table and heatmap never disagree;
 * a change of page, walking distance or map mode leaves the area's figures as they are.
 */
import {
  type AreaFigures,
  computeAreaFigures,
  type FigureInputs,
  withDisclosureControl,
} from '../analysis/areaFigures.ts';
import { type ThemeData, themeData, themeMonthSpan } from '../analysis/dataCoverage.ts';
import { type AreaPriorities, areaPriorities } from '../analysis/priorities.ts';
import { suppressionFor } from '../analysis/suppression.ts';
import { computeTrends, type Trends } from '../analysis/trends.ts';
import { type AreaStatistics, computeAreaStatistics } from '../analysis/wardStatistics.ts';
import { monthIndex } from '../data/calendar.ts';
import { type DatasetSummary, describeTheme, summarise } from '../data/dataset.ts';
import type { Populations } from '../data/population.ts';
import {
  ALL_THEMES,
  DEDUPLICATED_ALL_THEME,
  type ThemeId,
  type ThemeInfo,
} from '../data/themes.ts';
import { mapSvg, priorityMapImage } from '../export/mapSvg.ts';
import { findArea, type WardSet } from '../geo/wardSet.ts';
import { densityPositions } from '../map/mapContent.ts';
import { liveThemeIds } from './dataSlice.ts';
import { derived } from './memo.ts';
import { type StoreState, useAppStore } from './store.ts';

/** What each loaded dataset holds, without its cube. */
export const selectDatasetSummaries = derived(
  (state: StoreState) => [state.datasets] as const,
  (datasets): DatasetSummary[] => datasets.map(summarise),
);

export function useDatasetSummaries(): DatasetSummary[] {
  return useAppStore(selectDatasetSummaries);
}

/** The figures' inputs: the loaded data and the parts of the view the figures read. */
const selectFigureInputs = derived(
  (state: StoreState) =>
    [
      state.wards,
      state.datasets,
      state.populations,
      state.area,
      state.theme,
      state.from,
      state.to,
      state.preset,
      state.measure,
      state.ward,
      state.time,
      state.classes,
    ] as const,
  (wards, datasets, populations, area, theme, from, to, preset, measure, ward, time, classes) => {
    const shown = wards ? findArea(wards, area) : undefined;
    if (!wards || !shown) return null;
    const inputs: FigureInputs = {
      wards,
      area: shown,
      datasets,
      populations,
      view: { area, theme, from, to, preset, measure, ward, time, classes },
    };
    return inputs;
  },
);

/** Figures before publication mode: what statistics and exports start from; null until the
 * ward boundaries are loaded. */
export const selectRawFigures = derived(
  (state: StoreState) => [selectFigureInputs(state)] as const,
  (inputs) => (inputs ? computeAreaFigures(inputs) : null),
);

/** Figures as the screen shows them (publication mode applied); null until the ward boundaries
 * are loaded. */
export const selectAreaFigures = derived(
  (state: StoreState) => [selectRawFigures(state), state.publication, state.classes] as const,
  (figures, publication, classes) =>
    figures ? withDisclosureControl(figures, suppressionFor(publication), classes) : null,
);

/** The figures an export shows, with the exports' own publication setting applied. */
export const selectExportFigures = derived(
  (state: StoreState) => [selectRawFigures(state), state.exportPublication, state.classes] as const,
  (figures, publication, classes) =>
    figures ? withDisclosureControl(figures, suppressionFor(publication), classes) : null,
);

/** Intervals, changes, hot spots and London ranks for the wards of the current view. */
export const selectAreaStatistics = derived(
  (state: StoreState) => [selectFigureInputs(state), selectRawFigures(state)] as const,
  (inputs, figures): AreaStatistics | null =>
    inputs && figures ? computeAreaStatistics(inputs, figures) : null,
);

/** For the theme picker: whether each theme has offences in the area and period shown. */
export const selectThemeData = derived(
  (state: StoreState) => [state.wards, state.datasets, state.area, state.from, state.to] as const,
  (wards, datasets, area, from, to): ReadonlyMap<ThemeId, ThemeData> => {
    const data = new Map<ThemeId, ThemeData>();
    const shown = wards ? findArea(wards, area) : undefined;
    const first = from === null ? null : monthIndex(from);
    const last = to === null ? null : monthIndex(to);
    if (!wards || !shown || first === null || last === null) return data;
    for (const theme of [ALL_THEMES, ...liveThemeIds(datasets)])
      data.set(theme, themeData(datasets, theme, wards, shown, { first, last }));
    return data;
  },
);

/** The months a period can cover for the theme shown (what the presets can offer). */
export const selectPeriodSpan = derived(
  (state: StoreState) => [state.datasets, state.theme] as const,
  themeMonthSpan,
);

/** Serious-violence themes of the loaded data, each counted once, for the priorities. */
export function priorityThemes(datasets: readonly DatasetSummary[]): ThemeInfo[] {
  return liveThemeIds(datasets)
    .filter((id) => id !== DEDUPLICATED_ALL_THEME)
    .map((id) => describeTheme(datasets, id))
    .filter((info) => info.group === 'serious_violence');
}

const selectPriorityThemes = derived(
  (state: StoreState) => [selectDatasetSummaries(state)] as const,
  priorityThemes,
);

/** Each ward's rank in each serious-violence theme and the combined score. */
export const selectPriorities = derived(
  (state: StoreState) =>
    [
      selectFigureInputs(state),
      selectPriorityThemes(state),
      state.weights,
      state.topN,
      state.publication,
    ] as const,
  (inputs, themes, weights, topN, publication): AreaPriorities | null =>
    inputs ? areaPriorities(inputs, themes, weights, topN, suppressionFor(publication)) : null,
);

/** The priority score's map, drawn as the briefing's map is (vector SVG markup). */
export const selectPriorityMap = derived(
  (state: StoreState) => [selectAreaFigures(state), state.wards, selectPriorities(state)] as const,
  (figures, wards, priorities): string | null =>
    figures && wards && priorities ? mapSvg(priorityMapImage(figures, wards, priorities)) : null,
);

export function usePriorities(): AreaPriorities | null {
  return useAppStore(selectPriorities);
}

export function useAreaFigures(): AreaFigures | null {
  return useAppStore(selectAreaFigures);
}

export function useAreaStatistics(): AreaStatistics | null {
  return useAppStore(selectAreaStatistics);
}

/** Monthly series of the selected ward against its area, one per serious-violence theme. */
export const selectTrends = derived(
  (state: StoreState) => [selectFigureInputs(state), selectPriorityThemes(state)] as const,
  (inputs, themes): Trends | null =>
    inputs && inputs.view.ward !== null ? computeTrends(inputs, inputs.view.ward, themes) : null,
);

export function useTrends(): Trends | null {
  return useAppStore(selectTrends);
}

/** Positions of the loaded offence points of the theme and period, for the density layer. */
export const selectDensityPositions = derived(
  (state: StoreState) => [state.datasets, state.theme, state.from, state.to] as const,
  densityPositions,
);

/** The boundaries loaded when they are the user's own, not the app's. */
export function selectUsersBoundaries({ wards, appData }: StoreState): WardSet | null {
  return wards !== null && wards !== appData?.wards ? wards : null;
}

/** The populations loaded, with their source, when they are the user's own, not the app's. */
export function selectUsersPopulations({
  populations,
  populationSource,
  appData,
}: StoreState): Populations | null {
  return populations !== null &&
    populationSource !== null &&
    populations !== appData?.populations?.populations
    ? { populations, source: populationSource }
    : null;
}
