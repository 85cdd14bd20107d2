/** The map legend: each class's colour, range and number of wards; or the hot spot classes. */
import type { AreaFigures } from '../analysis/areaFigures.ts';
import { mapLegend } from '../map/mapLegend.ts';
import { useAreaStatistics } from '../state/selectors.ts';
import { useAppStore } from '../state/store.ts';

const wardsText = (count: number) => `${count} ${count === 1 ? 'ward' : 'wards'}`;

export function Legend({ figures }: { figures: AreaFigures }) {
  const measure = useAppStore((state) => state.measure);
  const mapMode = useAppStore((state) => state.mapMode);
  const statistics = useAreaStatistics();
  const { title, entries } = mapLegend(figures, statistics, mapMode, measure);
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
