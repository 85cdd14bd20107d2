/** The selected ward's figures: what a tap on the map shows on a touch screen. */
import type { AreaFigures } from '../../analysis/areaFigures.ts';
import { ordinal } from '../../analysis/ranks.ts';
import { formatCount, formatRate } from '../../data/numberFormat.ts';
import { useAppStore } from '../../state/store.ts';

export function SelectedWard({ figures }: { figures: AreaFigures }) {
  const selectWard = useAppStore((state) => state.selectWard);
  const ward = figures.wards.find((candidate) => candidate.code === figures.selectedWard);
  if (!ward) {
    return (
      <p className="selected-ward hint">
        Tap or click a ward, or choose one in the table, to see its figures.
      </p>
    );
  }
  return (
    <section
      className="selected-ward"
      aria-label={`Selected ward: ${ward.name}`}
      aria-live="polite"
    >
      <h2>{ward.name}</h2>
      <dl>
        <div>
          <dt>Count</dt>
          <dd>{ward.count === null ? 'No data' : formatCount(ward.count)}</dd>
        </div>
        <div>
          <dt>Rate {figures.rateUnit}</dt>
          <dd>{formatRate(ward.rate)}</dd>
        </div>
        <div>
          <dt>Rank in {figures.area.name}</dt>
          <dd>{ward.rank === null ? '–' : `${ordinal(ward.rank)} of ${figures.rankedCount}`}</dd>
        </div>
      </dl>
      <button type="button" onClick={() => selectWard(null)}>
        Clear selection
      </button>
    </section>
  );
}
