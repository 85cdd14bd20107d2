/**
 * One ward, as a benchmark comparison (after OHID Fingertips): its figure and interval, against
 * the area in the same terms, against each earlier period with its test, its hot spot class with
 * the study area and correction, and the reasons in words. A back button returns to the list.
 */
import type { AreaFigures, WardFigure } from '../../analysis/areaFigures.ts';
import {
  COMPARISON_TEXT,
  changeDisplay,
  countText,
  hidden,
  intervalText,
  rankText,
  rateText,
} from '../../analysis/display.ts';
import { HOTSPOT_CLASS_LABELS } from '../../analysis/hotspots.ts';
import { comparisonText } from '../../analysis/periods.ts';
import { ordinal } from '../../analysis/ranks.ts';
import { suppressionFor } from '../../analysis/suppression.ts';
import type { AreaStatistics } from '../../analysis/wardStatistics.ts';
import { formatCount, formatRate } from '../../data/numberFormat.ts';
import { useAppStore } from '../../state/store.ts';
import { usePeriodText, useWhyStatements } from '../../ui/viewText.ts';

export function WardPanel({
  ward,
  figures,
  statistics,
}: {
  ward: WardFigure;
  figures: AreaFigures;
  statistics: AreaStatistics | null;
}) {
  const measure = useAppStore((state) => state.measure);
  const suppressAt = useAppStore((state) => suppressionFor(state.publication));
  const selectWard = useAppStore((state) => state.selectWard);
  const period = usePeriodText();
  const reasons = useWhyStatements(figures, statistics)(ward);
  const wardStatistics = statistics?.wards.get(ward.code) ?? null;
  const shown = ward.count !== null && !hidden(ward.count, suppressAt);
  const benchmark = statistics?.benchmark ?? null;
  return (
    <section className="ward-panel" aria-labelledby="ward-panel-title" aria-live="polite">
      <div className="ward-panel-head">
        <button type="button" className="back" onClick={() => selectWard(null)}>
          <span aria-hidden="true">←</span> Wards to look at
        </button>
        <h2 id="ward-panel-title">{ward.name}</h2>
        <p className="hint">
          {figures.theme.label}, {period}
        </p>
      </div>
      <dl className="benchmark">
        <div>
          <dt>Count</dt>
          <dd>{countText(ward.count, suppressAt)}</dd>
        </div>
        <div>
          <dt>Rate {figures.rateUnit}</dt>
          <dd>{rateText(ward.count, ward.rate, suppressAt)}</dd>
        </div>
        <div>
          <dt>95% interval of the {measure}</dt>
          <dd>{intervalText(wardStatistics?.interval ?? null, ward.count, measure, suppressAt)}</dd>
        </div>
        <div>
          <dt>Rank in {figures.area.name}</dt>
          <dd>
            {ward.rank === null
              ? 'Not ranked'
              : `${rankText(ward.rank, figures.tiedRanks.has(ward.rank))} of ${figures.rankedCount} by ${measure}`}
          </dd>
        </div>
        {shown && benchmark && wardStatistics?.againstArea && (
          <div>
            <dt>
              Against {figures.area.name}{' '}
              {benchmark.measure === 'rate'
                ? `(${formatRate(benchmark.value)} ${figures.rateUnit})`
                : `(average ward, ${formatCount(Math.round(benchmark.value * 10) / 10)})`}
            </dt>
            <dd className={`comparison ${wardStatistics.againstArea}`}>
              {COMPARISON_TEXT[wardStatistics.againstArea]}
              {wardStatistics.fewOffences && ': too few offences to tell apart'}
            </dd>
          </div>
        )}
        {(statistics?.comparisons ?? []).map((comparison, index) => {
          const change = changeDisplay(wardStatistics?.changes[index] ?? null, suppressAt);
          return (
            <div key={comparison.kind}>
              <dt>Change {comparisonText(comparison)}</dt>
              <dd>{change ? change.words : '–'}</dd>
            </div>
          );
        })}
        {shown && (
          <div>
            <dt>Hot spot (Gi* within {figures.area.name}, false discovery rate corrected)</dt>
            <dd>{HOTSPOT_CLASS_LABELS[wardStatistics?.hotspot.hotspotClass ?? 'none']}</dd>
          </div>
        )}
        {shown && wardStatistics?.londonRank != null && statistics?.londonRanked != null && (
          <div>
            <dt>Rank in London</dt>
            <dd>
              {ordinal(wardStatistics.londonRank)} of {statistics.londonRanked}
            </dd>
          </div>
        )}
      </dl>
      <h3>Why this ward</h3>
      <ul className="reasons">
        {reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
    </section>
  );
}
