/**
 * The one store: the current view (what the URL describes) and the versions and provenance of
 * the loaded data. Large arrays live in `registry.ts`, never here.
 */
import { create } from 'zustand';
import type { TimeFilter } from '../analysis/aggregate.ts';
import { type ClassChoice, DEFAULT_CLASSES } from '../analysis/areaFigures.ts';
import { DEFAULT_SERVICES_VIEW, type ServicesView } from '../analysis/servicesView.ts';
import { monthIndex, monthKey } from '../data/calendar.ts';
import {
  type Dataset,
  type DatasetSummary,
  overlappingThemes,
  summarise,
} from '../data/dataset.ts';
import type { WardPopulation } from '../data/population.ts';
import type { LoadReport } from '../data/report.ts';
import {
  type ProposedService,
  type ServiceFile,
  type ServicesSummary,
  summariseServices,
} from '../data/services.ts';
import { ALL_THEMES, type ThemeId } from '../data/themes.ts';
import { DEFAULT_AREA } from '../geo/areas.ts';
import type { WardSet } from '../geo/wardSet.ts';
import type { MapLayers, MapMode } from '../map/mapView.ts';
import { loadedData } from './registry.ts';

export type Measure = 'count' | 'rate';

export interface ViewState {
  area: string;
  theme: ThemeId;
  /** YYYY-MM, inclusive; null until data gives a default (the latest 12 months). */
  from: string | null;
  to: string | null;
  measure: Measure;
  /** Selected ward code. */
  ward: string | null;
  time: TimeFilter | null;
  classes: ClassChoice;
  /** What the map's colours show. */
  mapMode: MapMode;
  /** Counts from 1 to 4 shown as "<5" and the rates built on them hidden. */
  publication: boolean;
  page: Page;
  /** Priorities: weight of each theme in the combined score (1 when not set), and the top N. */
  weights: Readonly<Record<string, number>>;
  topN: number;
  /** Services page: walking distance, need, service type and gap rule. */
  servicesView: ServicesView;
}

export type Page =
  | 'dashboard'
  | 'priorities'
  | 'services'
  | 'methods'
  | 'accessibility'
  | 'briefing';

export interface DataState {
  wardsVersion: number;
  /** Grows whenever the set of datasets, or the themes they count, changes. */
  offencesVersion: number;
  populationVersion: number;
  /** The loaded offence datasets, in loading order. */
  datasets: DatasetSummary[];
  /** A file that overlaps loaded data, waiting for "Replace" or "Add". */
  pending: { dataset: DatasetSummary; overlaps: ThemeId[] } | null;
  populationSource: { name: string; year: number | null } | null;
  /** The loaded services file (its services are in the registry), and its version. */
  services: ServicesSummary | null;
  servicesVersion: number;
  /** A file being read, with the share read so far. */
  loading: { fileName: string; progress: number } | null;
  /** Reports of the files loaded in this session, newest first, numbered in loading order. */
  reports: { id: number; report: LoadReport }[];
  /** A problem with a whole file or with the app's own data files. */
  error: string | null;
}

export type PendingChoice = 'replace' | 'add' | 'cancel';

export interface Actions {
  setArea(area: string): void;
  setTheme(theme: ThemeId): void;
  setPeriod(from: string, to: string): void;
  setMeasure(measure: Measure): void;
  selectWard(ward: string | null): void;
  setTimeFilter(time: TimeFilter | null): void;
  setClasses(classes: ClassChoice): void;
  setMapMode(mapMode: MapMode): void;
  setPublication(publication: boolean): void;
  setPage(page: Page): void;
  setLayer(layer: keyof MapLayers, shown: boolean): void;
  setLocation(location: DeviceLocation): void;
  setWeight(theme: ThemeId, weight: number): void;
  setTopN(topN: number): void;
  setWards(wards: WardSet): void;
  /** Adds a dataset, or holds it for the user's choice when it overlaps loaded data. Synthetic
   * demo data makes way for the first real file. */
  addDataset(dataset: Dataset): void;
  resolvePending(choice: PendingChoice): void;
  /** Puts back datasets kept from an earlier visit, all at once, so that the period asked for
   * survives even when no single dataset covers it. */
  restoreDatasets(datasets: Dataset[]): void;
  removeDataset(id: string): void;
  /** Forgets every dataset. */
  clearDatasets(): void;
  setPopulations(
    populations: ReadonlyMap<string, WardPopulation>,
    source: { name: string; year: number | null },
  ): void;
  /** Replaces the loaded services; null removes them. */
  setServices(file: ServiceFile | null): void;
  addProposedService(service: Omit<ProposedService, 'id'>): void;
  removeProposedService(id: number): void;
  clearProposedServices(): void;
  /** The type a tap on the map places, or null when taps select wards. */
  setPlacingService(type: string | null): void;
  setServicesView(change: Partial<ServicesView>): void;
  setLoading(loading: DataState['loading']): void;
  addReport(report: LoadReport): void;
  setError(error: string | null): void;
}

/** Where "Locate me" found the device; kept in this tab only, never in the URL or storage. */
export type DeviceLocation =
  | { status: 'idle' }
  | { status: 'locating' }
  | { status: 'found'; longitude: number; latitude: number; accuracy: number; ward: string | null }
  | { status: 'failed'; message: string };

/** How the page is shown, apart from the view a link describes. */
export interface DisplayState {
  /** Which layers the map draws. */
  layers: MapLayers;
  location: DeviceLocation;
  /** Services placed to try a scenario: in this tab only, never kept or in the URL. */
  proposedServices: ProposedService[];
  placingService: string | null;
}

export type StoreState = ViewState & DataState & DisplayState & Actions;

export const DEFAULT_PERIOD_MONTHS = 12;

export const initialView: ViewState = {
  area: DEFAULT_AREA,
  theme: ALL_THEMES,
  from: null,
  to: null,
  measure: 'count',
  ward: null,
  time: null,
  classes: DEFAULT_CLASSES,
  mapMode: 'choropleth',
  publication: false,
  page: 'dashboard',
  weights: {},
  topN: 5,
  servicesView: DEFAULT_SERVICES_VIEW,
};

/** The view part of a store state: what a link describes. */
export function viewOf(state: ViewState): ViewState {
  const view = {} as Record<keyof ViewState, unknown>;
  for (const key of Object.keys(initialView) as (keyof ViewState)[]) view[key] = state[key];
  return view as unknown as ViewState;
}

/** First and last month (indices) over datasets, or null when none holds any month. */
export function monthSpan(
  datasets: readonly DatasetSummary[],
): { first: number; last: number } | null {
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
  span: { first: number; last: number },
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

/** Theme ids offered for a set of datasets (not counting replaced ones). */
export function liveThemeIds(datasets: readonly DatasetSummary[]): ThemeId[] {
  const ids = new Set<ThemeId>();
  for (const dataset of datasets) {
    for (const info of dataset.themes)
      if (!dataset.replacedThemes.includes(info.id)) ids.add(info.id);
  }
  return [...ids];
}

export function createAppStore(view: Partial<ViewState> = {}) {
  return create<StoreState>()((set, get) => {
    /**
     * After any change of datasets: summaries, version, and a theme and period that exist. A file
     * the user loads shows its latest 12 months (`latestPeriod`); otherwise the period chosen (or
     * given by a link) is kept where the data allows.
     */
    const publishDatasets = (latestPeriod = false) => {
      const datasets = loadedData.datasets.map(summarise);
      const { theme, from, to, offencesVersion } = get();
      const span = monthSpan(datasets);
      const themeExists = theme === ALL_THEMES || liveThemeIds(datasets).includes(theme);
      set({
        datasets,
        offencesVersion: offencesVersion + 1,
        theme: themeExists ? theme : ALL_THEMES,
        ...(span
          ? latestPeriod
            ? periodForSpan(span, null, null)
            : periodForSpan(span, from, to)
          : {}),
      });
    };

    const commit = (dataset: Dataset) => {
      loadedData.datasets = [...loadedData.datasets, dataset];
      publishDatasets(!dataset.synthetic);
    };

    return {
      ...initialView,
      ...view,
      wardsVersion: 0,
      offencesVersion: 0,
      populationVersion: 0,
      datasets: [],
      pending: null,
      populationSource: null,
      services: null,
      servicesVersion: 0,
      loading: null,
      reports: [],
      error: null,
      layers: { choropleth: true, density: false, labels: true },
      location: { status: 'idle' },
      proposedServices: [],
      placingService: null,

      setArea: (area) => set({ area, ward: null }),
      setTheme: (theme) => set({ theme }),
      setPeriod: (from, to) => (from <= to ? set({ from, to }) : set({ from: to, to: from })),
      setMeasure: (measure) => set({ measure }),
      selectWard: (ward) => set({ ward }),
      setTimeFilter: (time) => set({ time }),
      setClasses: (classes) => set({ classes }),
      setMapMode: (mapMode) => set({ mapMode }),
      setPublication: (publication) => set({ publication }),
      setPage: (page) => set({ page }),
      setLayer: (layer, shown) => set({ layers: { ...get().layers, [layer]: shown } }),
      setLocation: (location) => set({ location }),
      setWeight: (theme, weight) => set({ weights: { ...get().weights, [theme]: weight } }),
      setTopN: (topN) => set({ topN }),

      setWards: (wards) => {
        loadedData.wards = wards;
        const { area, ward } = get();
        const areaExists = wards.areas.some((candidate) => candidate.id === area);
        set({
          wardsVersion: get().wardsVersion + 1,
          area: areaExists ? area : (wards.areas[0]?.id ?? area),
          ward: ward !== null && wards.byCode.has(ward) ? ward : null,
        });
      },

      addDataset: (dataset) => {
        // The demo arriving after the user's own file (it is fetched at start-up) is not wanted.
        if (dataset.synthetic && loadedData.datasets.some((existing) => !existing.synthetic))
          return;
        if (!dataset.synthetic)
          loadedData.datasets = loadedData.datasets.filter((existing) => !existing.synthetic);
        const overlaps = overlappingThemes(loadedData.datasets.map(summarise), summarise(dataset));
        if (overlaps.length === 0) {
          commit(dataset);
          return;
        }
        loadedData.pending = dataset;
        set({ pending: { dataset: summarise(dataset), overlaps } });
        // Removing the demo data is already a change worth showing.
        publishDatasets();
      },

      resolvePending: (choice) => {
        const dataset = loadedData.pending;
        const pending = get().pending;
        loadedData.pending = null;
        set({ pending: null });
        if (!dataset || !pending || choice === 'cancel') return;
        if (choice === 'replace') {
          loadedData.datasets = loadedData.datasets
            .map((existing) => ({
              ...existing,
              replacedThemes: [
                ...new Set([
                  ...existing.replacedThemes,
                  ...pending.overlaps.filter((id) =>
                    existing.themes.some((info) => info.id === id),
                  ),
                ]),
              ],
            }))
            .filter((existing) =>
              existing.themes.some((info) => !existing.replacedThemes.includes(info.id)),
            );
        }
        commit(dataset);
      },

      restoreDatasets: (datasets) => {
        loadedData.datasets = [...datasets, ...loadedData.datasets];
        publishDatasets();
      },

      removeDataset: (id) => {
        loadedData.datasets = loadedData.datasets.filter((dataset) => dataset.id !== id);
        publishDatasets();
      },

      clearDatasets: () => {
        loadedData.datasets = [];
        loadedData.pending = null;
        set({ pending: null, reports: [] });
        publishDatasets();
      },

      setPopulations: (populations, source) => {
        loadedData.populations = populations;
        set({ populationVersion: get().populationVersion + 1, populationSource: source });
      },
      setServices: (file) => {
        loadedData.services = file;
        set({
          services: file ? summariseServices(file) : null,
          servicesVersion: get().servicesVersion + 1,
        });
      },
      addProposedService: (service) => {
        const proposed = get().proposedServices;
        const id = Math.max(0, ...proposed.map((existing) => existing.id)) + 1;
        set({ proposedServices: [...proposed, { ...service, id }] });
      },
      removeProposedService: (id) =>
        set({ proposedServices: get().proposedServices.filter((service) => service.id !== id) }),
      clearProposedServices: () => set({ proposedServices: [], placingService: null }),
      setPlacingService: (placingService) => set({ placingService }),
      setServicesView: (change) => set({ servicesView: { ...get().servicesView, ...change } }),
      setLoading: (loading) => set({ loading }),
      addReport: (report) =>
        set({ reports: [{ id: get().reports.length + 1, report }, ...get().reports] }),
      setError: (error) => set({ error }),
    };
  });
}

export type AppStore = ReturnType<typeof createAppStore>;

/** The app's store. Tests reset the view with `useAppStore.setState(...)`; data versions only ever grow. */
export const useAppStore = createAppStore();
