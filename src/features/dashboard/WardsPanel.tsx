/**
 * Beside the map: the area's headline and the wards to look at, each with its reasons; or, when
 * a ward is selected (on the map, in the list or the table), that ward's panel in their place.
 */
import type { AreaFigures, WardFigure } from '../../analysis/areaFigures.ts';
import { changeDisplay, hidden } from '../../analysis/display.ts';
import { areaHeadline } from '../../analysis/headline.ts';
import { comparisonText } from '../../analysis/periods.ts';
import { suppressionFor } from '../../analysis/suppression.ts';
import type { AreaStatistics } from '../../analysis/wardStatistics.ts';
import { formatCount, formatRate } from '../../data/numberFormat.ts';
import { wardsByRank } from '../../export/wardTableCsv.ts';
import { useAreaStatistics } from '../../state/selectors.ts';
import { useAppStore } from '../../state/store.ts';
import { useWhyStatements } from '../../ui/viewText.ts';
import { WardPanel } from './WardPanel.tsx';

/** How many wards the list gives: what a tasking meeting can take in at once. */
export const WARDS_TO_LOOK_AT = 5;

/** The ranked wards at the top of the list, in rank order. */
export function wardsToLookAt(figures: AreaFigures, count = WARDS_TO_LOOK_AT): WardFigure[] {
  return wardsByRank(figures.wards)
    .filter((ward) => ward.rank !== null)
    .slice(0, count);
}

function HeadlineCards({
  figures,
  statistics,
}: {
  figures: AreaFigures;
  statistics: AreaStatistics | null;
}) {
  const suppressAt = useAppStore((state) => suppressionFor(state.publication));
  const headline = areaHeadline(figures, statistics, suppressAt);
  const hotspots = figures.wards.filter((ward) => {
    const hotspot = statistics?.wards.get(ward.code)?.hotspot.hotspotClass ?? 'none';
    return !ward.suppressed && hotspot.startsWith('hot');
  }).length;
  return (
    <div className="headline-cards">
      <section className="card" aria-labelledby="headline-total">
        <h3 id="headline-total">{figures.area.name}</h3>
        <p className="card-figure">
          {headline.total} <span className="card-unit">offences</span>
        </p>
        {headline.totalNote && <p className="card-note">{headline.totalNote}.</p>}
        {headline.change && (
          <p className={headline.significant ? 'card-change significant' : 'card-change'}>
            {headline.change.charAt(0).toUpperCase() + headline.change.slice(1)}.
          </p>
        )}
      </section>
      <section className="card" aria-labelledby="headline-hotspots">
        <h3 id="headline-hotspots">Hot spots</h3>
        <p className="card-figure">
          {hotspots} <span className="card-unit">{hotspots === 1 ? 'ward' : 'wards'}</span>
        </p>
        <p className="card-note">
          {/* The answer changes with the study area: it is named beside the figure. */}
          Within {figures.area.name} (Gi*, false discovery rate corrected).
          {figures.noDataWards > 0 && ` ${figures.noDataWards} wards have no data.`}
        </p>
      </section>
    </div>
  );
}

/** In a phone's sheet at its lowest: this many wards, without their reasons. */
const PEEK_WARDS = 3;

function WardsList({
  figures,
  statistics,
  peek,
}: {
  figures: AreaFigures;
  statistics: AreaStatistics | null;
  peek: boolean;
}) {
  const measure = useAppStore((state) => state.measure);
  const suppressAt = useAppStore((state) => suppressionFor(state.publication));
  const selectWard = useAppStore((state) => state.selectWard);
  const reasonsFor = useWhyStatements(figures, statistics);
  const wards = wardsToLookAt(figures, peek ? PEEK_WARDS : WARDS_TO_LOOK_AT);
  const comparison = statistics?.comparisons[0];
  return (
    <section className="wards-to-look-at" aria-labelledby="wards-to-look-at-title">
      <h2 id="wards-to-look-at-title">Wards to look at</h2>
      <p className={peek ? 'visually-hidden' : 'hint'}>
        By {measure === 'rate' ? `rate ${figures.rateUnit}` : 'count'}
        {comparison ? `; change ${comparisonText(comparison)}` : ''}; * significant at the 5% level;
        above or below the area: beyond the 95% interval.
      </p>
      {wards.length === 0 ? (
        <p>No ward has figures for this theme, area and period.</p>
      ) : (
        <ol className="ward-list">
          {wards.map((ward) => {
            const wardStatistics = statistics?.wards.get(ward.code) ?? null;
            const change = changeDisplay(wardStatistics?.changes[0] ?? null, suppressAt);
            const reasons = reasonsFor(ward, true);
            const figure =
              ward.count === null || hidden(ward.count, suppressAt)
                ? null
                : measure === 'rate'
                  ? formatRate(ward.rate)
                  : formatCount(ward.count);
            return (
              <li key={ward.code}>
                <div className="ward-entry-line">
                  <span className="ward-rank" aria-hidden="true">
                    {ward.rank}
                  </span>
                  <button
                    type="button"
                    className="link-button ward-name"
                    onClick={() => selectWard(ward.code)}
                  >
                    {ward.name}
                  </button>
                  <span className="ward-figure">
                    {figure}
                    {change && (
                      <span className="ward-change" aria-hidden="true">
                        {' '}
                        {change.arrow}
                        {change.significant ? '*' : ''}
                      </span>
                    )}
                  </span>
                </div>
                {!peek && <p className="ward-reasons">{reasons.join('; ')}.</p>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

export function WardsPanel({
  figures,
  peek = false,
}: {
  figures: AreaFigures;
  /** The least room: the area's total and the first three wards, without reasons. */
  peek?: boolean;
}) {
  const statistics = useAreaStatistics();
  const selected = figures.wards.find((ward) => ward.code === figures.selectedWard);
  if (selected) return <WardPanel ward={selected} figures={figures} statistics={statistics} />;
  return (
    <div className={peek ? 'wards-panel peek' : 'wards-panel'}>
      <HeadlineCards figures={figures} statistics={statistics} />
      <WardsList figures={figures} statistics={statistics} peek={peek} />
    </div>
  );
}
