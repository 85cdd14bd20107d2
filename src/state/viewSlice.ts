/**
 * The view: what a link describes (area, theme, period, measure, ward, time of day, classes, map
 * mode, publication mode, page, priorities and the Services page's choices), and the map's
 * camera, which the address bar carries too but no component renders from.
 */
import type { StoreApi } from 'zustand';
import type { TimeFilter } from '../analysis/aggregate.ts';
import {
  type ClassChoice,
  DEFAULT_CLASSES,
  type FigureView,
  type Measure,
} from '../analysis/areaFigures.ts';
import { themeMonthSpan } from '../analysis/dataCoverage.ts';
import { type PeriodPreset, presetPeriodFor } from '../analysis/periods.ts';
import { DEFAULT_SERVICES_VIEW, type ServicesView } from '../analysis/servicesView.ts';
import type { Dataset } from '../data/dataset.ts';
import { ALL_THEMES, type ThemeId } from '../data/themes.ts';
import { DEFAULT_AREA } from '../geo/areas.ts';
import type { Camera, MapMode } from '../map/mapView.ts';

/** What a link describes: the figures' view (area, theme, period, measure, ward, time, classes)
 * and the rest of the page. */
export interface ViewState extends FigureView {
  /** The preset that set the period, kept as the data changes; null for months chosen by hand. */
  preset: PeriodPreset | null;
  classes: ClassChoice;
  /** What the map's colours show. */
  mapMode: MapMode;
  /** Counts from 1 to 4 shown as "<5" and the rates built on them hidden. */
  publication: boolean;
  /** Meeting (projector) mode: larger type, thicker outlines, the list and the legend only. */
  meeting: boolean;
  page: Page;
  /** Priorities: weight of each theme in the combined score (1 when not set), and the top N. */
  weights: Readonly<Record<string, number>>;
  topN: number;
  /** Services page: reach (straight-line distance), need, service type and gap rule. */
  servicesView: ServicesView;
}

export type Page =
  | 'dashboard'
  | 'priorities'
  | 'services'
  | 'methods'
  | 'accessibility'
  | 'briefing';

export interface ViewSlice extends ViewState {
  /** Where the map looks, as it last reported; null until it has moved (the URL's, if any). */
  camera: Camera | null;
  /** A camera the map should move to once (a saved view's, an opened workspace's); the map
   * clears it when it has moved. */
  cameraRequest: Camera | null;
  setArea(area: string): void;
  setTheme(theme: ThemeId): void;
  /** Months chosen by hand: a custom period, compared with the period before it. */
  setPeriod(from: string, to: string): void;
  /** A preset's months for the data loaded (ignored when the data does not reach back far enough). */
  setPreset(preset: PeriodPreset): void;
  setMeasure(measure: Measure): void;
  selectWard(ward: string | null): void;
  setTimeFilter(time: TimeFilter | null): void;
  setClasses(classes: ClassChoice): void;
  setMapMode(mapMode: MapMode): void;
  setPublication(publication: boolean): void;
  setMeeting(meeting: boolean): void;
  setPage(page: Page): void;
  setWeight(theme: ThemeId, weight: number): void;
  setTopN(topN: number): void;
  setServicesView(change: Partial<ServicesView>): void;
  setCamera(camera: Camera): void;
  setCameraRequest(camera: Camera | null): void;
  /** Shows a view (a saved one): what it does not say goes back to the defaults, as opening its
   * link would, and the map moves to its camera when it has one. */
  showView(view: Partial<ViewState>, camera: Camera | null): void;
}

export const DEFAULT_PRESET: PeriodPreset = 'last-12-months';

export const initialView: ViewState = {
  area: DEFAULT_AREA,
  theme: ALL_THEMES,
  from: null,
  to: null,
  preset: DEFAULT_PRESET,
  measure: 'count',
  ward: null,
  time: null,
  classes: DEFAULT_CLASSES,
  mapMode: 'choropleth',
  publication: false,
  meeting: false,
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

/** The view's actions read the loaded datasets: a preset's months follow the data. */
type ViewStore = ViewSlice & { datasets: readonly Dataset[] };

export function createViewSlice(
  set: StoreApi<ViewStore>['setState'],
  get: StoreApi<ViewStore>['getState'],
): ViewSlice {
  /** A preset's months for a theme's data; null when the data does not reach back far enough. */
  const presetPeriod = (preset: PeriodPreset | null, theme: ThemeId) => {
    const span = preset ? themeMonthSpan(get().datasets, theme) : null;
    return span && preset ? presetPeriodFor(preset, span) : null;
  };
  return {
    ...initialView,
    camera: null,
    cameraRequest: null,
    setArea: (area) => set({ area, ward: null }),
    setTheme: (theme) => set({ theme, ...presetPeriod(get().preset, theme) }),
    setPeriod: (from, to) =>
      from <= to ? set({ from, to, preset: null }) : set({ from: to, to: from, preset: null }),
    setPreset: (preset) => {
      const period = presetPeriod(preset, get().theme);
      if (period) set({ ...period, preset });
    },
    setMeasure: (measure) => set({ measure }),
    selectWard: (ward) => set({ ward }),
    setTimeFilter: (time) => set({ time }),
    setClasses: (classes) => set({ classes }),
    setMapMode: (mapMode) => set({ mapMode }),
    setPublication: (publication) => set({ publication }),
    setMeeting: (meeting) => set({ meeting }),
    setPage: (page) => set({ page }),
    setWeight: (theme, weight) => set({ weights: { ...get().weights, [theme]: weight } }),
    setTopN: (topN) => set({ topN }),
    setServicesView: (change) => set({ servicesView: { ...get().servicesView, ...change } }),
    setCamera: (camera) => set({ camera }),
    setCameraRequest: (cameraRequest) => set({ cameraRequest }),
    showView: (view, camera) => {
      const shown = { ...initialView, ...view };
      // A preset's months follow the data, as when its link is opened.
      set({
        ...shown,
        ...presetPeriod(shown.preset, shown.theme),
        camera: camera ?? get().camera,
        cameraRequest: camera,
      });
    },
  };
}
