/**
 * The legend of the map as data: each class's colour, range and number of wards, or the hot spot
 * classes. The legend on screen (src/ui/Legend.tsx) and the exported map both draw it.
 */
import type { AreaFigures, Measure } from '../analysis/areaFigures.ts';
import { CLASS_METHOD_LABELS, classLabels } from '../analysis/classify.ts';
import { HOTSPOT_CLASS_LABELS, type HotspotClass } from '../analysis/hotspots.ts';
import {
  HOTSPOT_COLOURS,
  NO_DATA_COLOUR,
  SUPPRESSED_COLOUR,
  sequentialPalette,
} from '../analysis/palette.ts';
import type { AreaStatistics } from '../analysis/wardStatistics.ts';
import { formatCount, formatRate } from '../data/numberFormat.ts';
import type { MapMode } from './mapView.ts';

export interface LegendEntry {
  label: string;
  colour: string;
  wards: number;
}

export interface MapLegend {
  title: string;
  entries: LegendEntry[];
}

const HOTSPOT_ORDER: readonly HotspotClass[] = [
  'hot99',
  'hot95',
  'hot90',
  'none',
  'cold90',
  'cold95',
  'cold99',
];

/** Wards drawn without a class: no data, and counts publication mode hides. */
function missingEntries(figures: AreaFigures): LegendEntry[] {
  const entries: LegendEntry[] = [];
  if (figures.suppressedWards > 0)
    entries.push({
      label: 'Count hidden (publication mode)',
      colour: SUPPRESSED_COLOUR,
      wards: figures.suppressedWards,
    });
  if (figures.noDataWards > 0)
    entries.push({ label: 'No data', colour: NO_DATA_COLOUR, wards: figures.noDataWards });
  return entries;
}

export function mapLegend(
  figures: AreaFigures,
  statistics: AreaStatistics | null,
  mapMode: MapMode,
  measure: Measure,
): MapLegend {
  if (mapMode === 'hotspots') {
    const counts = new Map<HotspotClass, number>();
    for (const ward of figures.wards) {
      if (ward.count === null || ward.suppressed) continue;
      const hotspot = statistics?.wards.get(ward.code)?.hotspot.hotspotClass ?? 'none';
      counts.set(hotspot, (counts.get(hotspot) ?? 0) + 1);
    }
    return {
      title: `Hot and cold spots of ${measure === 'rate' ? 'rates' : 'counts'} within ${figures.area.name} (Getis-Ord Gi*, false discovery rate corrected)`,
      entries: [
        ...HOTSPOT_ORDER.map((hotspot) => ({
          label: HOTSPOT_CLASS_LABELS[hotspot],
          colour: HOTSPOT_COLOURS[hotspot],
          wards: counts.get(hotspot) ?? 0,
        })),
        ...missingEntries(figures),
      ],
    };
  }
  const { classification } = figures;
  const labels = classification
    ? classLabels(classification, measure === 'rate' ? formatRate : formatCount)
    : [];
  const palette = classification ? sequentialPalette(labels.length) : [];
  const entries = labels.map((label, index) => ({
    label,
    colour: palette[index] as string,
    wards: classification?.classCounts[index] ?? 0,
  }));
  entries.push(...missingEntries(figures));
  const noPopulation = figures.wards.filter(
    (ward) => ward.count !== null && !ward.suppressed && ward.value === null,
  ).length;
  if (noPopulation > 0)
    entries.push({ label: 'No population', colour: NO_DATA_COLOUR, wards: noPopulation });
  const title = measure === 'rate' ? `Rate ${figures.rateUnit}` : 'Number of offences';
  const method = classification ? ` (classes: ${CLASS_METHOD_LABELS[classification.method]})` : '';
  return { title: `${title}${method}`, entries };
}
