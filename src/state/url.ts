/**
 * The view in the address bar, so that a copied link reopens the same view:
 * `?area=E09000020&theme=youth_violence&period=last-3-months&from=2025-10&to=2026-09&measure=rate&ward=E05009396&day=Fri&hours=22-1&map=13.2/51.5/-0.19`.
 * Written with replaceState: changing a control does not add a browser history entry.
 */
import type { TimeFilter } from '../analysis/aggregate.ts';
import type { ClassChoice } from '../analysis/areaFigures.ts';
import type { ClassMethod } from '../analysis/classify.ts';
import { isPeriodPreset } from '../analysis/periods.ts';
import { defaultWeight } from '../analysis/priorities.ts';
import {
  DEFAULT_SERVICES_VIEW,
  type ServicesView,
  type TopShare,
  validCoveragePercent,
  validReach,
} from '../analysis/servicesView.ts';
import { monthIndex, WEEKDAYS } from '../data/calendar.ts';
import { normaliseThemeId } from '../data/themes.ts';
import type { Camera } from '../map/mapView.ts';
import { initialView, type Page, type ViewState } from './viewSlice.ts';

/** The services view a query string gives; null when it names none of it. Bad parts are ignored. */
function servicesViewFromSearch(params: URLSearchParams): ServicesView | null {
  if (!['reach', 'need', 'stype', 'gap'].some((name) => params.has(name))) return null;
  const view = { ...DEFAULT_SERVICES_VIEW };
  const reach = Number(params.get('reach'));
  if (validReach(reach)) view.reachMetres = reach;
  const need = params.get('need');
  if (need === 'theme' || need === 'priority') view.need = need;
  const type = params.get('stype')?.trim();
  if (type) view.serviceType = type.slice(0, 100);
  const gap = /^(quarter|third|half)-(\d{1,3})$/.exec(params.get('gap') ?? '');
  if (gap && validCoveragePercent(Number(gap[2]))) {
    view.topShare = gap[1] as TopShare;
    view.coverageBelowPercent = Number(gap[2]);
  }
  return view;
}

/** Query parameters for a services view; null removes a parameter left at its default. */
function servicesSearch(view: ServicesView): [string, string | null][] {
  const defaults = DEFAULT_SERVICES_VIEW;
  const gap = `${view.topShare}-${view.coverageBelowPercent}`;
  return [
    ['reach', view.reachMetres === defaults.reachMetres ? null : String(view.reachMetres)],
    ['need', view.need === defaults.need ? null : view.need],
    ['stype', view.serviceType],
    ['gap', gap === `${defaults.topShare}-${defaults.coverageBelowPercent}` ? null : gap],
  ];
}

function parseHours(raw: string | null): [number, number] | null {
  if (raw === null) return null;
  const match = /^(\d{1,2})(?:-(\d{1,2}))?$/.exec(raw);
  if (!match) return null;
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : Number(match[2]);
  return from <= 23 && to <= 23 ? [from, to] : null;
}

/** The parts of a view that the query string gives validly; anything malformed is ignored. */
export function viewFromSearch(search: string): Partial<ViewState> {
  const params = new URLSearchParams(search);
  const view: Partial<ViewState> = {};
  const area = params.get('area');
  if (area && /^[A-Za-z0-9_-]{1,20}$/.test(area)) view.area = area;
  const theme = params.get('theme');
  if (theme) {
    const id = normaliseThemeId(theme);
    if (id) view.theme = id;
  }
  const from = params.get('from');
  const to = params.get('to');
  if (from && to && monthIndex(from) !== null && monthIndex(to) !== null) {
    view.from = from;
    view.to = to;
    view.preset = null;
  }
  // A preset wins over the months written beside it: its months follow the data.
  const preset = params.get('period');
  if (preset && isPeriodPreset(preset)) view.preset = preset;
  const measure = params.get('measure');
  if (measure === 'count' || measure === 'rate') view.measure = measure;
  const ward = params.get('ward');
  if (ward && /^[A-Z]\d{8}$/.test(ward)) view.ward = ward;
  const hours = parseHours(params.get('hours'));
  const dayIndex = (WEEKDAYS as readonly string[]).indexOf(params.get('day') ?? '');
  if (hours) {
    view.time = { weekday: dayIndex >= 0 ? dayIndex : null, hourFrom: hours[0], hourTo: hours[1] };
  }
  const classes = parseClasses(params.get('classes'), params.get('breaks'));
  if (classes) view.classes = classes;
  const mode = params.get('mode');
  if (mode === 'hotspots' || mode === 'choropleth') view.mapMode = mode;
  if (params.has('publication')) view.publication = params.get('publication') === '1';
  if (params.has('meeting')) view.meeting = params.get('meeting') === '1';
  const weights = parseWeights(params.get('weights'));
  if (weights) view.weights = weights;
  const top = Number(params.get('top'));
  if (Number.isInteger(top) && top >= 1 && top <= 50) view.topN = top;
  const page = params.get('page');
  const pages: readonly Page[] = [
    'dashboard',
    'priorities',
    'services',
    'methods',
    'accessibility',
    'briefing',
  ];
  const known = pages.find((candidate) => candidate === page);
  if (known) view.page = known;
  const servicesView = servicesViewFromSearch(params);
  if (servicesView) view.servicesView = servicesView;
  return view;
}

/** `weights=youth_violence:2,sexual_violence:0` */
function parseWeights(raw: string | null): Record<string, number> | null {
  if (!raw) return null;
  const weights: [string, number][] = [];
  for (const part of raw.split(',')) {
    const [theme, value] = part.split(':');
    const id = normaliseThemeId(theme ?? '');
    const weight = Number(value);
    if (!id || !Number.isFinite(weight) || weight < 0 || weight > 100) return null;
    weights.push([id, weight]);
  }
  // Own properties whatever the ids ("__proto__" assigned would set the prototype instead).
  return Object.fromEntries(weights);
}

const CLASS_METHODS: readonly ClassMethod[] = [
  'quantile',
  'natural-breaks',
  'equal-interval',
  'custom',
];

/** `classes=natural-breaks-5`; `breaks=1.5,3,10` with `classes=custom-4`. */
function parseClasses(raw: string | null, rawBreaks: string | null): ClassChoice | null {
  const match = raw ? /^([a-z-]+)-([3-7])$/.exec(raw) : null;
  const method = CLASS_METHODS.find((candidate) => candidate === match?.[1]);
  if (!match || !method) return null;
  const breaks = (rawBreaks ?? '')
    .split(',')
    .filter((part) => part.trim() !== '')
    .map(Number);
  if (breaks.some((value) => !Number.isFinite(value))) return null;
  return { method, count: Number(match[2]), breaks: method === 'custom' ? breaks : [] };
}

export function cameraFromSearch(search: string): Camera | null {
  const raw = new URLSearchParams(search).get('map');
  const parts = raw?.split('/').map(Number) ?? [];
  if (parts.length !== 3 || parts.some((part) => !Number.isFinite(part))) return null;
  const [zoom, latitude, longitude] = parts as [number, number, number];
  if (zoom < 0 || zoom > 22 || Math.abs(latitude) > 85 || Math.abs(longitude) > 180) return null;
  return { zoom, latitude, longitude };
}

function formatTime(time: TimeFilter): { day: string | null; hours: string } {
  const hours =
    time.hourFrom === time.hourTo ? String(time.hourFrom) : `${time.hourFrom}-${time.hourTo}`;
  return { day: time.weekday === null ? null : (WEEKDAYS[time.weekday] ?? null), hours };
}

/** Query string for a view and camera, keeping any parameters the app does not own. */
export function searchFor(view: ViewState, camera: Camera | null, current: string): string {
  const params = new URLSearchParams(current);
  const set = (name: string, value: string | null) => {
    if (value === null) params.delete(name);
    else params.set(name, value);
  };
  set('area', view.area);
  set('theme', view.theme);
  set('period', view.preset);
  set('from', view.from);
  set('to', view.to);
  set('measure', view.measure);
  set('ward', view.ward);
  const time = view.time ? formatTime(view.time) : null;
  set('day', time?.day ?? null);
  set('hours', time?.hours ?? null);
  set('classes', `${view.classes.method}-${view.classes.count}`);
  set('breaks', view.classes.method === 'custom' ? view.classes.breaks.join(',') : null);
  set('mode', view.mapMode === 'choropleth' ? null : view.mapMode);
  set('publication', view.publication ? '1' : null);
  set('meeting', view.meeting ? '1' : null);
  set('page', view.page === 'dashboard' ? null : view.page);
  const weights = Object.entries(view.weights).filter(
    ([theme, weight]) => weight !== defaultWeight(theme).weight,
  );
  set(
    'weights',
    weights.length > 0 ? weights.map(([theme, weight]) => `${theme}:${weight}`).join(',') : null,
  );
  set('top', view.topN === initialView.topN ? null : String(view.topN));
  for (const [name, value] of servicesSearch(view.servicesView)) set(name, value);
  if (camera) {
    set(
      'map',
      `${camera.zoom.toFixed(2)}/${camera.latitude.toFixed(5)}/${camera.longitude.toFixed(5)}`,
    );
  }
  // Slashes and commas are legal in a query: keep them readable in a copied link.
  return `?${params.toString().replace(/%2F/g, '/').replace(/%2C/g, ',')}`;
}
