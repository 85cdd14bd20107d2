/**
 * The loaded data, held by reference: wards, offence datasets, populations and services. Each is
 * replaced, never mutated, so a selector that read one knows by identity when it changed. Also the
 * app's own boundaries and populations (what "Clear data" goes back to), the file being read,
 * the reports of the files read and the last problem.
 */
import type { StoreApi } from 'zustand';
import { themeMonthSpan } from '../analysis/dataCoverage.ts';
import { type MonthSpan, presetPeriodFor } from '../analysis/periods.ts';
import { monthIndex, monthKey } from '../data/calendar.ts';
import {
  type Dataset,
  type DatasetSummary,
  overlappingThemes,
  summarise,
  themeSources,
} from '../data/dataset.ts';
import type { PopulationSource, Populations, WardPopulation } from '../data/population.ts';
import type { LoadReport } from '../data/report.ts';
import { mergeSavedViews, type SavedView } from '../data/savedViews.ts';
import type { ServiceFile } from '../data/services.ts';
import { ALL_THEMES, type ThemeId } from '../data/themes.ts';
import type { WardTopology } from '../geo/wardFile.ts';
import { decodeWardTopology, type WardSet } from '../geo/wardSet.ts';
import type { Camera } from '../map/mapView.ts';
import type { DisplaySlice } from './displaySlice.ts';
import { DEFAULT_PRESET, initialView, type ViewSlice, type ViewState } from './viewSlice.ts';
import type { WorkspaceSlice } from './workspaceSlice.ts';

/** Boundaries and populations that ship with the app, as fetched at start-up. */
export interface AppData {
  topology: WardTopology;
  /** Decoded the first time they are shown: a user's kept boundaries may be shown instead. */
  wards: WardSet | null;
  populations: Populations | null;
}

export interface DataSlice {
  wards: WardSet | null;
  /** The loaded offence datasets, in loading order. */
  datasets: Dataset[];
  /** A file that overlaps loaded data, waiting for "Replace" or "Add". */
  pending: { dataset: Dataset; overlaps: ThemeId[] } | null;
  /** Offences read from part of a file (a cancelled or stopped load), waiting for the user to
   * keep them, marked partial, or discard them. */
  partialRead: Dataset | null;
  populations: ReadonlyMap<string, WardPopulation> | null;
  populationSource: PopulationSource | null;
  services: ServiceFile | null;
  appData: AppData | null;
  /** A file being read, with the share read so far (and the part being read, an archive's
   * month) and how to stop reading it. */
  loading: { fileName: string; progress: number; detail?: string; cancel(): void } | null;
  /** Reports of the files loaded in this session, newest first, numbered in loading order. */
  reports: { id: number; report: LoadReport }[];
  /** A problem with a whole file or with the app's own data files. */
  error: string | null;

  setWards(wards: WardSet): void;
  /** Adds a dataset, or holds it for the user's choice when it overlaps loaded data. Synthetic
   * demo data makes way for the first real file. */
  addDataset(dataset: Dataset): void;
  resolvePending(choice: PendingChoice): void;
  /** Holds part of a file for the user's choice. */
  setPartialRead(dataset: Dataset): void;
  /** Keeps the part of a file held (marked partial), or discards it. */
  resolvePartialRead(keep: boolean): void;
  /** Puts back datasets kept from an earlier visit, all at once, so that the period asked for
   * survives even when no single dataset covers it. */
  restoreDatasets(datasets: Dataset[]): void;
  removeDataset(id: string): void;
  /** Forgets every dataset. */
  clearDatasets(): void;
  setPopulations(populations: ReadonlyMap<string, WardPopulation>, source: PopulationSource): void;
  /** Replaces the loaded services; null removes them. */
  setServices(file: ServiceFile | null): void;
  setAppData(appData: AppData): void;
  /** The app's own boundaries, decoded the first time they are asked for. */
  appWards(): WardSet;
  /** Shows the app's own boundaries. */
  showAppWards(): void;
  setLoading(loading: DataSlice['loading']): void;
  addReport(report: LoadReport): void;
  setError(error: string | null): void;
  /** Puts an opened workspace in place, in one step (see WorkspaceOpening). */
  openWorkspace(opening: WorkspaceOpening): void;
}

/**
 * What opening a workspace puts in place, all in one step. "replace": the workspace's data and
 * view take the place of everything loaded (the caller gives the app's own boundaries and
 * populations when it has none). "add": its datasets join those loaded (the demo makes way), and
 * its boundaries, populations and services replace the loaded ones only where it has them (null
 * keeps them); the view stays. Either way its saved views join the list, and files waiting for a
 * choice and proposed services are put away.
 */
export type WorkspaceOpening =
  | {
      mode: 'replace';
      datasets: Dataset[];
      wards: WardSet;
      populations: Populations | null;
      services: ServiceFile | null;
      view: Partial<ViewState>;
      camera: Camera | null;
      savedViews: SavedView[];
    }
  | {
      mode: 'add';
      datasets: Dataset[];
      wards: WardSet | null;
      populations: Populations | null;
      services: ServiceFile | null;
      savedViews: SavedView[];
    };

export type PendingChoice = 'replace' | 'add' | 'cancel';

export const DEFAULT_PERIOD_MONTHS = 12;

/** First and last month (indices) over datasets, or null when none holds any month. */
export function monthSpan(datasets: readonly DatasetSummary[]): MonthSpan | null {
  const withMonths = datasets.filter((dataset) => dataset.lastMonth >= dataset.firstMonth);
  if (withMonths.length === 0) return null;
  return {
    first: Math.min(...withMonths.map((dataset) => dataset.firstMonth)),
    last: Math.max(...withMonths.map((dataset) => dataset.lastMonth)),
  };
}

/** The months a user can choose, YYYY-MM. */
export function monthsOf(datasets: readonly DatasetSummary[]): string[] {
  const span = monthSpan(datasets);
  if (!span) return [];
  return Array.from({ length: span.last - span.first + 1 }, (_, index) =>
    monthKey(span.first + index),
  );
}

/** The period to show: the requested one when it overlaps the data (clamped to it), else the
 * latest 12 months. */
export function periodForSpan(
  span: MonthSpan,
  from: string | null,
  to: string | null,
): { from: string; to: string } {
  const { first, last } = span;
  const clamp = (month: number) => Math.min(last, Math.max(first, month));
  const requestedFrom = from === null ? null : monthIndex(from);
  const requestedTo = to === null ? null : monthIndex(to);
  if (
    requestedFrom !== null &&
    requestedTo !== null &&
    requestedFrom <= requestedTo &&
    requestedTo >= first &&
    requestedFrom <= last
  ) {
    return { from: monthKey(clamp(requestedFrom)), to: monthKey(clamp(requestedTo)) };
  }
  return { from: monthKey(Math.max(first, last - DEFAULT_PERIOD_MONTHS + 1)), to: monthKey(last) };
}

/**
 * The theme to show after a file is loaded: the one shown when the file carries it, else "All
 * serious violence" when the file has any serious-violence theme, else the file's first theme.
 */
export function themeAfterLoading(loaded: DatasetSummary, theme: ThemeId): ThemeId {
  const live = loaded.themes.filter((info) => !loaded.replacedThemes.includes(info.id));
  if (themeSources([loaded], theme).length > 0) return theme;
  if (live.some((info) => info.group === 'serious_violence')) return ALL_THEMES;
  return live[0]?.id ?? theme;
}

/** Theme ids offered for a set of datasets (not counting replaced ones). */
export function liveThemeIds(
  datasets: readonly Pick<DatasetSummary, 'themes' | 'replacedThemes'>[],
): ThemeId[] {
  const ids = new Set<ThemeId>();
  for (const dataset of datasets) {
    for (const info of dataset.themes)
      if (!dataset.replacedThemes.includes(info.id)) ids.add(info.id);
  }
  return [...ids];
}

/**
 * A new list of datasets with a theme and period that exist. A file the user loads (`loaded`)
 * moves the view to its themes and its latest months; otherwise the period chosen (or given by a
 * link) is kept where the data allows. A preset's months follow the data: "last 3 months" is
 * always the latest three.
 */
function datasetsChange(
  datasets: Dataset[],
  view: Pick<ViewState, 'theme' | 'from' | 'to' | 'preset'>,
  loaded: DatasetSummary | null,
): Pick<DataSlice, 'datasets'> & Partial<ViewState> {
  const { from, to } = view;
  const requested = loaded ? themeAfterLoading(loaded, view.theme) : view.theme;
  const theme =
    requested === ALL_THEMES || liveThemeIds(datasets).includes(requested) ? requested : ALL_THEMES;
  const preset = loaded && view.preset === null ? DEFAULT_PRESET : view.preset;
  const span = themeMonthSpan(datasets, theme);
  const presetPeriod = span && preset ? presetPeriodFor(preset, span) : null;
  return {
    datasets,
    theme,
    ...(presetPeriod
      ? { ...presetPeriod, preset }
      : span
        ? { ...periodForSpan(span, loaded ? null : from, loaded ? null : to), preset: null }
        : {}),
  };
}

/** New wards with an area and a selected ward that exist in them. */
function wardsChange(
  wards: WardSet,
  view: Pick<ViewState, 'area' | 'ward'>,
): Pick<DataSlice, 'wards'> & Pick<ViewState, 'area' | 'ward'> {
  const areaExists = wards.areas.some((candidate) => candidate.id === view.area);
  return {
    wards,
    area: areaExists ? view.area : (wards.areas[0]?.id ?? view.area),
    ward: view.ward !== null && wards.byCode.has(view.ward) ? view.ward : null,
  };
}

type DataStore = DataSlice &
  ViewSlice &
  Pick<DisplaySlice, 'proposedServices' | 'placingService'> &
  Pick<WorkspaceSlice, 'savedViews'>;

export function createDataSlice(
  set: StoreApi<DataStore>['setState'],
  get: StoreApi<DataStore>['getState'],
): DataSlice {
  const setDatasets = (datasets: Dataset[], loaded: DatasetSummary | null = null) =>
    set(datasetsChange(datasets, get(), loaded));

  const commit = (datasets: Dataset[], dataset: Dataset) =>
    setDatasets([...datasets, dataset], dataset.synthetic ? null : summarise(dataset));

  return {
    wards: null,
    datasets: [],
    pending: null,
    partialRead: null,
    populations: null,
    populationSource: null,
    services: null,
    appData: null,
    loading: null,
    reports: [],
    error: null,

    setWards: (wards) => set(wardsChange(wards, get())),

    addDataset: (dataset) => {
      const loaded = get().datasets;
      // The demo arriving after the user's own file (it is fetched at start-up) is not wanted.
      if (dataset.synthetic && loaded.some((existing) => !existing.synthetic)) return;
      const kept = dataset.synthetic ? loaded : loaded.filter((existing) => !existing.synthetic);
      const overlaps = overlappingThemes(kept.map(summarise), summarise(dataset));
      if (overlaps.length === 0) {
        commit(kept, dataset);
        return;
      }
      set({ pending: { dataset, overlaps } });
      // Removing the demo data is already a change worth showing.
      if (kept !== loaded) setDatasets(kept);
    },

    resolvePending: (choice) => {
      const pending = get().pending;
      set({ pending: null });
      if (!pending || choice === 'cancel') return;
      let datasets = get().datasets;
      if (choice === 'replace') {
        datasets = datasets
          .map((existing) => ({
            ...existing,
            replacedThemes: [
              ...new Set([
                ...existing.replacedThemes,
                ...pending.overlaps.filter((id) => existing.themes.some((info) => info.id === id)),
              ]),
            ],
          }))
          .filter((existing) =>
            existing.themes.some((info) => !existing.replacedThemes.includes(info.id)),
          );
      }
      commit(datasets, pending.dataset);
    },

    setPartialRead: (partialRead) => set({ partialRead }),
    resolvePartialRead: (keep) => {
      const dataset = get().partialRead;
      set({ partialRead: null });
      if (keep && dataset) get().addDataset(dataset);
    },

    restoreDatasets: (datasets) => setDatasets([...datasets, ...get().datasets]),
    removeDataset: (id) => setDatasets(get().datasets.filter((dataset) => dataset.id !== id)),
    clearDatasets: () => {
      set({ pending: null, partialRead: null, reports: [] });
      setDatasets([]);
    },

    setPopulations: (populations, populationSource) => set({ populations, populationSource }),
    setServices: (services) => set({ services }),
    setAppData: (appData) => set({ appData }),
    appWards: () => {
      const appData = get().appData;
      if (!appData) throw new Error("The app's boundaries are not loaded.");
      const wards = appData.wards ?? decodeWardTopology(appData.topology);
      if (wards !== appData.wards) set({ appData: { ...appData, wards } });
      return wards;
    },
    showAppWards: () => get().setWards(get().appWards()),
    setLoading: (loading) => set({ loading }),
    addReport: (report) =>
      set({ reports: [{ id: get().reports.length + 1, report }, ...get().reports] }),
    setError: (error) => set({ error }),

    openWorkspace: (opening) => {
      const shared = {
        pending: null,
        partialRead: null,
        proposedServices: [],
        placingService: null,
        savedViews: mergeSavedViews(get().savedViews, opening.savedViews),
      };
      const populations = (loaded: Populations | null) => ({
        populations: loaded?.populations ?? null,
        populationSource: loaded?.source ?? null,
      });
      if (opening.mode === 'replace') {
        const view = { ...initialView, ...opening.view };
        set({
          ...shared,
          ...view,
          ...wardsChange(opening.wards, view),
          ...datasetsChange(opening.datasets, view, null),
          ...populations(opening.populations),
          services: opening.services,
          camera: opening.camera ?? get().camera,
          cameraRequest: opening.camera,
        });
        return;
      }
      const loaded = get().datasets.filter((dataset) => !dataset.synthetic);
      // The same workspace added twice adds its datasets twice, under ids of their own.
      const ids = new Set(loaded.map((dataset) => dataset.id));
      const datasets = [
        ...loaded,
        ...opening.datasets.map((dataset) =>
          ids.has(dataset.id) ? { ...dataset, id: crypto.randomUUID() } : dataset,
        ),
      ];
      set({
        ...shared,
        ...(opening.wards ? wardsChange(opening.wards, get()) : {}),
        ...datasetsChange(datasets, get(), null),
        ...(opening.populations ? populations(opening.populations) : {}),
        ...(opening.services ? { services: opening.services } : {}),
      });
    },
  };
}
