/** The ward table: the accessible alternative to the map, sortable, and a way to select a ward. */
import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AreaFigures, WardFigure } from '../../analysis/areaFigures.ts';
import { describeView } from '../../analysis/describeView.ts';
import {
  type ChangeDisplay,
  COMPARISON_TEXT,
  changeDisplay,
  countText,
  HOTSPOT_SHORT_TEXT,
  intervalText,
  rankCell,
  rateText,
} from '../../analysis/display.ts';
import type { Comparison } from '../../analysis/intervals.ts';
import { comparisonText, type PeriodComparison, rateColumnName } from '../../analysis/periods.ts';
import { ordinal } from '../../analysis/ranks.ts';
import { DEFAULT_SUPPRESSION_THRESHOLD } from '../../analysis/suppression.ts';
import type { AreaStatistics } from '../../analysis/wardStatistics.ts';
import { formatCount, formatRate } from '../../data/numberFormat.ts';
import { useAreaStatistics } from '../../state/selectors.ts';
import { useAppStore } from '../../state/store.ts';

type SortKey = 'name' | 'count' | 'rate' | 'rank' | 'change';

function columns(figures: AreaFigures): { key: SortKey; label: string; numeric: boolean }[] {
  return [
    { key: 'name', label: 'Ward', numeric: false },
    { key: 'count', label: 'Count', numeric: true },
    { key: 'rate', label: rateColumnName(figures.rateMonths), numeric: true },
    { key: 'rank', label: 'Rank', numeric: true },
  ];
}

function sortValue(
  figure: WardFigure,
  key: Exclude<SortKey, 'name'>,
  statistics: AreaStatistics | null,
): number | null {
  // Hidden counts sort together, so that their order gives nothing away.
  if (figure.suppressed) return null;
  if (key === 'change') return statistics?.wards.get(figure.code)?.changes[0]?.absolute ?? null;
  return key === 'count' ? figure.count : key === 'rate' ? figure.rate : figure.rank;
}

/** Sorted copy; wards without a value go last in either direction, ties by name. */
export function sortWards(
  wards: readonly WardFigure[],
  key: SortKey,
  ascending: boolean,
  statistics: AreaStatistics | null = null,
): WardFigure[] {
  const byName = (a: WardFigure, b: WardFigure) => a.name.localeCompare(b.name, 'en-GB');
  return [...wards].sort((a, b) => {
    if (key === 'name') return ascending ? byName(a, b) : byName(b, a);
    const left = sortValue(a, key, statistics);
    const right = sortValue(b, key, statistics);
    if (left === null || right === null)
      return (left === null ? 1 : 0) - (right === null ? 1 : 0) || byName(a, b);
    return (ascending ? left - right : right - left) || byName(a, b);
  });
}

export function WardTable({ figures }: { figures: AreaFigures }) {
  const [sort, setSort] = useState<{ key: SortKey; ascending: boolean }>({
    key: 'rank',
    ascending: true,
  });
  const view = useAppStore(
    useShallow((state) => ({
      from: state.from,
      to: state.to,
      time: state.time,
    })),
  );
  const measure = useAppStore((state) => state.measure);
  const selectWard = useAppStore((state) => state.selectWard);
  const statistics = useAreaStatistics();
  const publication = useAppStore((state) => state.publication);
  const suppressAt = publication ? DEFAULT_SUPPRESSION_THRESHOLD : null;
  const londonRanked = statistics?.londonRanked ?? null;
  const comparisons = statistics?.comparisons ?? [];
  const captionId = useId();
  const rows = sortWards(figures.wards, sort.key, sort.ascending, statistics);
  const manyBoroughs = new Set(figures.wards.map((ward) => ward.ladName)).size > 1;

  const sortBy = (key: SortKey) =>
    setSort((current) =>
      current.key === key
        ? { key, ascending: !current.ascending }
        : { key, ascending: key === 'name' || key === 'rank' },
    );

  return (
    <div className="table-scroll">
      <p id={`${captionId}-notes`} className="table-notes">
        {comparisons.length === 0
          ? 'Change: the data has no earlier period to compare with. '
          : comparisons.map((comparison, index) => (
              <span key={comparison.kind} id={`${captionId}-change-${index}`}>
                {`${changeColumnName(comparison)}: ${comparisonText(comparison)}. `}
              </span>
            ))}
        ▲ rise, ▼ fall, * significant at the 5% level. 95% interval of the {measure}. Against area:
        the ward's 95% interval lies above (higher) or below (lower){' '}
        {benchmarkText(statistics, figures)}.
        {figures.noDataWards > 0 &&
          ` No data: ${figures.noDataWards} wards the loaded data does not cover, left out of ranks and of the area's figures.`}
        {suppressAt !== null &&
          ` Publication mode: counts of 1 to ${suppressAt} show as "<${suppressAt + 1}" and are not ranked.`}
      </p>
      <table className="ward-table" aria-describedby={`${captionId}-notes`}>
        <caption id={captionId}>
          Wards in {figures.area.name}: {describeView({ ...view, themeLabel: figures.theme.label })}
          . Rate {figures.rateUnit}. Rank by {measure}: 1 is highest, = marks a tie.
        </caption>
        <thead>
          <tr>
            {columns(figures).map((column) => (
              <th
                key={column.key}
                scope="col"
                className={column.numeric ? 'numeric' : undefined}
                aria-sort={
                  sort.key === column.key
                    ? sort.ascending
                      ? 'ascending'
                      : 'descending'
                    : undefined
                }
              >
                <button type="button" className="sort" onClick={() => sortBy(column.key)}>
                  {column.label}
                  <span aria-hidden="true" className="sort-mark">
                    {sort.key === column.key ? (sort.ascending ? '▲' : '▼') : ''}
                  </span>
                </button>
              </th>
            ))}
            <th scope="col" className="numeric">
              95% interval
            </th>
            <th scope="col">Against area</th>
            {comparisons.map((comparison, index) => (
              <th scope="col" className="numeric" key={comparison.kind}>
                {index === 0 ? (
                  <button
                    type="button"
                    className="sort"
                    onClick={() => sortBy('change')}
                    aria-describedby={`${captionId}-change-0`}
                  >
                    {changeColumnName(comparison)}
                    <span aria-hidden="true" className="sort-mark">
                      {sort.key === 'change' ? (sort.ascending ? '▲' : '▼') : ''}
                    </span>
                  </button>
                ) : (
                  <span aria-describedby={`${captionId}-change-${index}`}>
                    {changeColumnName(comparison)}
                  </span>
                )}
              </th>
            ))}
            <th scope="col">Hot spot</th>
            {londonRanked !== null && (
              <th scope="col" className="numeric">
                London rank
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((ward) => {
            const selected = ward.code === figures.selectedWard;
            const wardStatistics = statistics?.wards.get(ward.code);
            const shown = ward.count !== null && !ward.suppressed;
            const hotspot = shown ? (wardStatistics?.hotspot.hotspotClass ?? 'none') : 'none';
            return (
              <tr key={ward.code} className={selected ? 'selected' : undefined}>
                <th scope="row">
                  <button
                    type="button"
                    className="ward-button"
                    aria-pressed={selected}
                    onClick={() => selectWard(selected ? null : ward.code)}
                  >
                    {manyBoroughs ? `${ward.name}, ${ward.ladName}` : ward.name}
                  </button>
                </th>
                <td className="numeric">{countText(ward.count, suppressAt)}</td>
                <td className="numeric">{rateText(ward.count, ward.rate, suppressAt)}</td>
                <td className="numeric">
                  {rankCell(ward.rank, ward.rank !== null && figures.tiedRanks.has(ward.rank))}
                </td>
                <td className="numeric interval">
                  {intervalText(wardStatistics?.interval ?? null, ward.count, measure, suppressAt)}
                </td>
                <td>
                  <ComparisonCell
                    comparison={shown ? (wardStatistics?.againstArea ?? null) : null}
                  />
                </td>
                {comparisons.map((comparison, index) => (
                  <td className="numeric" key={comparison.kind}>
                    <ChangeCell
                      change={changeDisplay(wardStatistics?.changes[index] ?? null, suppressAt)}
                    />
                  </td>
                ))}
                <td className={`hotspot ${hotspot}`}>{HOTSPOT_SHORT_TEXT[hotspot]}</td>
                {londonRanked !== null && (
                  <td className="numeric">
                    {!shown ||
                    wardStatistics?.londonRank === null ||
                    wardStatistics?.londonRank === undefined
                      ? '–'
                      : `${ordinal(wardStatistics.londonRank)} of ${londonRanked}`}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** "Change", or "Year on year" for the same months a year earlier. */
function changeColumnName(comparison: PeriodComparison): string {
  return comparison.kind === 'year-earlier' ? 'Year on year' : 'Change';
}

/** "the area's rate of 8.0 per 1,000 residents per year", or its average ward count. */
export function benchmarkText(statistics: AreaStatistics | null, figures: AreaFigures): string {
  const benchmark = statistics?.benchmark;
  if (!benchmark) return "the area's figure";
  return benchmark.measure === 'rate'
    ? `the area's rate of ${formatRate(benchmark.value)} ${figures.rateUnit}`
    : `the area's average ward count of ${formatCount(Math.round(benchmark.value * 10) / 10)}`;
}

function ChangeCell({ change }: { change: ChangeDisplay | null }) {
  if (change === null) return <>–</>;
  return (
    <span title={change.words}>
      <span className="visually-hidden">{change.words}</span>
      <span aria-hidden="true">
        {change.text} {change.arrow}
        {change.significant ? '*' : ''}
      </span>
    </span>
  );
}

function ComparisonCell({ comparison }: { comparison: Comparison | null }) {
  if (comparison === null) return <>–</>;
  const mark = comparison === 'higher' ? '▲ ' : comparison === 'lower' ? '▼ ' : '';
  return (
    <span className={`comparison ${comparison}`}>
      <span aria-hidden="true">{mark}</span>
      {COMPARISON_TEXT[comparison]}
    </span>
  );
}
