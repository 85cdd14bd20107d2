/** Turns the figures of a view into what the map draws. Pure, so it is tested without WebGL. */
import type { AreaFigures, WardFigure } from '../analysis/areaFigures.ts';
import { formatCount, formatRate } from '../analysis/format.ts';
import { NO_DATA_COLOUR, sequentialPalette } from '../analysis/palette.ts';
import { ordinal } from '../analysis/ranks.ts';
import type { Area, WardFeature, WardSet } from '../geo/wardSet.ts';
import type { MapContent } from './wardMap.ts';

const featuresByArea = new WeakMap<Area, WardFeature[]>();

/** The same array for the same area, so the map uploads geometry only when the area changes. */
function areaFeatures(wards: WardSet, area: Area): WardFeature[] {
  let features = featuresByArea.get(area);
  if (!features) {
    features = area.wardIndices.map((index) => wards.features[index] as WardFeature);
    featuresByArea.set(area, features);
  }
  return features;
}

export function wardTooltip(figure: WardFigure, figures: AreaFigures): string {
  const rate =
    figure.rate === null
      ? 'Rate: no population'
      : `Rate: ${formatRate(figure.rate)} per 1,000 ${figures.denominator}`;
  const rank =
    figure.rank === null
      ? 'Rank: none'
      : `Rank: ${ordinal(figure.rank)} of ${figures.rankedCount} in ${figures.area.name}`;
  return [figure.name, `Count: ${formatCount(figure.count)}`, rate, rank].join('\n');
}

/** Fill colour of each class, or the no-data grey. */
export function wardColour(figure: WardFigure, figures: AreaFigures): string {
  if (figure.classIndex === null || figures.classification === null) return NO_DATA_COLOUR;
  const palette = sequentialPalette(figures.classification.thresholds.length + 1);
  return palette[figure.classIndex] ?? NO_DATA_COLOUR;
}

export function mapContentFor(figures: AreaFigures, wards: WardSet): MapContent {
  const colours = new Map<number, string>();
  const tooltips = new Map<number, string>();
  const labels: MapContent['labels'] = [];
  let selected: number | null = null;
  for (const figure of figures.wards) {
    colours.set(figure.index, wardColour(figure, figures));
    tooltips.set(figure.index, wardTooltip(figure, figures));
    const ward = wards.wards[figure.index];
    if (ward) labels.push({ index: figure.index, position: ward.label, text: ward.name });
    if (figure.code === figures.selectedWard) selected = figure.index;
  }
  return { features: areaFeatures(wards, figures.area), colours, labels, tooltips, selected };
}
