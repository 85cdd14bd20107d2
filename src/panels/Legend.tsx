/** The map legend: each class's colour, range and number of wards; or the hot spot classes. */
import type { AreaFigures } from '../analysis/areaFigures.ts';
import { CLASS_METHOD_LABELS, classLabels } from '../analysis/classify.ts';
import { formatCount, formatRate } from '../analysis/format.ts';
import { HOTSPOT_CLASS_LABELS, type HotspotClass } from '../analysis/hotspots.ts';
import { HOTSPOT_COLOURS, NO_DATA_COLOUR, sequentialPalette } from '../analysis/palette.ts';
import { useAreaStatistics } from '../state/selectors.ts';
import { useAppStore } from '../state/store.ts';

const HOTSPOT_ORDER: HotspotClass[] = [
  'hot99',
  'hot95',
  'hot90',
  'none',
  'cold90',
  'cold95',
  'cold99',
];

const wardsText = (count: number) => `${count} ${count === 1 ? 'ward' : 'wards'}`;

interface LegendEntry {
  label: string;
  colour: string;
  wards: number;
}

function LegendList({ title, entries }: { title: string; entries: LegendEntry[] }) {
  return (
    <figure className="legend" aria-labelledby="legend-title">
      <figcaption id="legend-title">{title}</figcaption>
      <ul>
        {entries.map((entry) => (
          <li key={entry.label}>
            <span className="swatch" style={{ background: entry.colour }} aria-hidden="true" />
            <span>{entry.label}</span>
            <span className="legend-count">{wardsText(entry.wards)}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

export function Legend({ figures }: { figures: AreaFigures }) {
  const measure = useAppStore((state) => state.measure);
  const mapMode = useAppStore((state) => state.mapMode);
  const statistics = useAreaStatistics();
  const missing = figures.wards.filter((ward) => ward.value === null).length;
  const noPopulation: LegendEntry[] =
    missing > 0 ? [{ label: 'No population', colour: NO_DATA_COLOUR, wards: missing }] : [];

  if (mapMode === 'hotspots') {
    const counts = new Map<HotspotClass, number>();
    for (const ward of figures.wards) {
      const hotspot = statistics?.wards.get(ward.code)?.hotspot.hotspotClass ?? 'none';
      counts.set(hotspot, (counts.get(hotspot) ?? 0) + 1);
    }
    const entries = HOTSPOT_ORDER.map((hotspot) => ({
      label: HOTSPOT_CLASS_LABELS[hotspot],
      colour: HOTSPOT_COLOURS[hotspot],
      wards: counts.get(hotspot) ?? 0,
    }));
    return (
      <LegendList
        title={`Hot and cold spots of ${measure === 'rate' ? 'rates' : 'counts'} (Getis-Ord Gi*, false discovery rate corrected)`}
        entries={entries}
      />
    );
  }

  const { classification } = figures;
  const title = measure === 'rate' ? `Rate per 1,000 ${figures.denominator}` : 'Number of offences';
  const labels = classification
    ? classLabels(classification, measure === 'rate' ? formatRate : formatCount)
    : [];
  const palette = classification ? sequentialPalette(labels.length) : [];
  const entries = labels.map((label, index) => ({
    label,
    colour: palette[index] as string,
    wards: classification?.classCounts[index] ?? 0,
  }));
  const method = classification ? ` (classes: ${CLASS_METHOD_LABELS[classification.method]})` : '';
  return <LegendList title={`${title}${method}`} entries={[...entries, ...noPopulation]} />;
}
