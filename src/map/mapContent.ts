/** Turns the figures of a view into what the map draws. Pure, so it is tested without WebGL. */
import type { AreaFigures, WardFigure } from '../analysis/areaFigures.ts';
import {
  countText,
  HIDDEN,
  intervalText,
  rankText,
  rateText,
  type SuppressAt,
} from '../analysis/display.ts';
import { HOTSPOT_CLASS_LABELS } from '../analysis/hotspots.ts';
import {
  HOTSPOT_COLOURS,
  NO_DATA_COLOUR,
  SUPPRESSED_COLOUR,
  sequentialPalette,
} from '../analysis/palette.ts';
import { isSuppressed } from '../analysis/suppression.ts';
import type { AreaStatistics } from '../analysis/wardStatistics.ts';
import { monthIndex } from '../data/calendar.ts';
import type { Dataset } from '../data/dataset.ts';
import { pointsInView } from '../data/offencePoints.ts';
import type { ThemeId } from '../data/themes.ts';
import type { Area, WardFeature, WardSet } from '../geo/wardSet.ts';
import type { MapMode } from './mapView.ts';

/** Area wards beyond this many are not labelled: the names would overlap into a grey mass. */
export const MAX_LABELLED_WARDS = 60;

/** What the map draws of an area's wards whatever the view: their shapes and names. */
interface AreaDrawing {
  features: WardFeature[];
  labels: MapContent['labels'];
}

const drawingByArea = new WeakMap<Area, AreaDrawing>();

/**
 * The same arrays for the same area, so the map uploads geometry and lays out names only when
 * the area changes. The names in the order of the area's figures (by name).
 */
function areaDrawing(wards: WardSet, figures: AreaFigures): AreaDrawing {
  let drawing = drawingByArea.get(figures.area);
  if (!drawing) {
    const labels: MapContent['labels'] = [];
    for (const figure of figures.wards) {
      const ward = wards.wards[figure.index];
      if (ward) labels.push({ index: figure.index, position: ward.label, text: ward.name });
    }
    drawing = {
      features: figures.area.wardIndices.map((index) => wards.features[index] as WardFeature),
      labels,
    };
    drawingByArea.set(figures.area, drawing);
  }
  return drawing;
}

/** How the map is asked to draw: the mode, the statistics behind hot spots, publication mode. */
/** What the map shows for the current view; one entry per ward of the area. */
export interface MapContent {
  features: WardFeature[];
  /** Fill colour (#rrggbb) by ward index. */
  colours: ReadonlyMap<number, string>;
  labels: { index: number; position: [number, number]; text: string }[];
  /** A ward's tooltip text by its index, written when asked: only the ward under the pointer
   * needs one, and writing all of London's on every change of view took longer than drawing. */
  tooltip: (index: number) => string | undefined;
  selected: number | null;
}

export interface MapContentOptions {
  mapMode: MapMode;
  measure: 'count' | 'rate';
  statistics: AreaStatistics | null;
  suppressAt: SuppressAt;
}

const DEFAULT_OPTIONS: MapContentOptions = {
  mapMode: 'choropleth',
  measure: 'count',
  statistics: null,
  suppressAt: null,
};

export function wardTooltip(
  figure: WardFigure,
  figures: AreaFigures,
  options: MapContentOptions = DEFAULT_OPTIONS,
): string {
  const { suppressAt } = options;
  if (figure.count === null)
    return `${figure.name}\nNo data: the loaded files do not cover this ward for this theme and period`;
  const suppressed = isSuppressed(figure.count, suppressAt);
  const rate =
    figure.rate === null
      ? 'Rate: no population'
      : `Rate: ${rateText(figure.count, figure.rate, suppressAt)} ${figures.rateUnit}`;
  const rank =
    figure.rank === null
      ? suppressed
        ? 'Rank: not ranked (count hidden)'
        : 'Rank: none'
      : `Rank: ${rankText(figure.rank, figures.tiedRanks.has(figure.rank))} of ${figures.rankedCount} in ${figures.area.name}`;
  const lines = [figure.name, `Count: ${countText(figure.count, suppressAt)}`, rate, rank];
  const statistics = options.statistics?.wards.get(figure.code);
  if (statistics && !suppressed) {
    const interval = intervalText(statistics.interval, figure.count, options.measure, suppressAt);
    if (interval !== HIDDEN) lines.push(`95% interval: ${interval}`);
  }
  if (statistics && !suppressed && statistics.hotspot.hotspotClass !== 'none') {
    lines.push(HOTSPOT_CLASS_LABELS[statistics.hotspot.hotspotClass]);
  }
  return lines.join('\n');
}

/** Fill colour of each class; the no-data grey, or the colour of hidden counts. */
export function wardColour(figure: WardFigure, figures: AreaFigures): string {
  if (figure.suppressed) return SUPPRESSED_COLOUR;
  if (figure.classIndex === null || figures.classification === null) return NO_DATA_COLOUR;
  const palette = sequentialPalette(figures.classification.thresholds.length + 1);
  return palette[figure.classIndex] ?? NO_DATA_COLOUR;
}

function hotspotColour(figure: WardFigure, options: MapContentOptions): string {
  if (figure.count === null) return NO_DATA_COLOUR;
  if (figure.suppressed) return SUPPRESSED_COLOUR;
  return HOTSPOT_COLOURS[
    options.statistics?.wards.get(figure.code)?.hotspot.hotspotClass ?? 'none'
  ];
}

export function mapContentFor(
  figures: AreaFigures,
  wards: WardSet,
  options: MapContentOptions = DEFAULT_OPTIONS,
): MapContent {
  const colours = new Map<number, string>();
  const figureByIndex = new Map<number, WardFigure>();
  let selected: number | null = null;
  for (const figure of figures.wards) {
    colours.set(
      figure.index,
      options.mapMode === 'hotspots' ? hotspotColour(figure, options) : wardColour(figure, figures),
    );
    figureByIndex.set(figure.index, figure);
    if (figure.code === figures.selectedWard) selected = figure.index;
  }
  const tooltip = (index: number) => {
    const figure = figureByIndex.get(index);
    return figure && wardTooltip(figure, figures, options);
  };
  return { ...areaDrawing(wards, figures), colours, tooltip, selected };
}

/**
 * Colours of the point-density layer, from few to many offences: viridis, which people with any
 * common colour vision deficiency read in order, and which stands apart from the choropleth's
 * yellow-to-red.
 */
export const DENSITY_RAMP: readonly string[] = [
  '#440154',
  '#414487',
  '#2a788e',
  '#22a884',
  '#7ad151',
  '#fde725',
];

/** Positions of the loaded offence points of a theme and period (YYYY-MM), for the density layer. */
export function densityPositions(
  datasets: readonly Pick<Dataset, 'themes' | 'replacedThemes' | 'points'>[],
  theme: ThemeId,
  from: string | null,
  to: string | null,
): Float32Array {
  const first = from === null ? null : monthIndex(from);
  const final = to === null ? null : monthIndex(to);
  return first === null || final === null
    ? new Float32Array(0)
    : pointsInView(datasets, theme, first, final);
}
