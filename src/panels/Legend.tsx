/** The choropleth legend: each class's colour, range and number of wards. */
import type { AreaFigures } from '../analysis/areaFigures.ts';
import { classLabels } from '../analysis/classify.ts';
import { formatCount, formatRate } from '../analysis/format.ts';
import { NO_DATA_COLOUR, sequentialPalette } from '../analysis/palette.ts';
import { useAppStore } from '../state/store.ts';

export function Legend({ figures }: { figures: AreaFigures }) {
  const measure = useAppStore((state) => state.measure);
  const { classification } = figures;
  const missing = figures.wards.filter((ward) => ward.value === null).length;
  const title = measure === 'rate' ? `Rate per 1,000 ${figures.denominator}` : 'Number of offences';
  const labels = classification
    ? classLabels(classification, measure === 'rate' ? formatRate : formatCount)
    : [];
  const palette = classification ? sequentialPalette(labels.length) : [];
  const wardsText = (count: number) => `${count} ${count === 1 ? 'ward' : 'wards'}`;

  return (
    <figure className="legend" aria-labelledby="legend-title">
      <figcaption id="legend-title">{title} (quantile classes)</figcaption>
      <ul>
        {labels.map((label, index) => (
          <li key={label}>
            <span className="swatch" style={{ background: palette[index] }} aria-hidden="true" />
            <span>{label}</span>
            <span className="legend-count">
              {wardsText(classification?.classCounts[index] ?? 0)}
            </span>
          </li>
        ))}
        {missing > 0 && (
          <li>
            <span className="swatch" style={{ background: NO_DATA_COLOUR }} aria-hidden="true" />
            <span>No population</span>
            <span className="legend-count">{wardsText(missing)}</span>
          </li>
        )}
      </ul>
    </figure>
  );
}
