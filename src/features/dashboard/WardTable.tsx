/** The ward table: the accessible alternative to the map, sortable, and a way to select a ward. */
import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AreaFigures, WardFigure } from '../../analysis/areaFigures.ts';
import { describePeriod, describeView } from '../../analysis/describeView.ts';
import {
  type ChangeDisplay,
  COMPARISON_TEXT,
  changeDisplay,
  countText,
  HOTSPOT_SHORT_TEXT,
  intervalText,
  rateText,
} from '../../analysis/display.ts';
import type { Comparison } from '../../analysis/intervals.ts';
import { ordinal } from '../../analysis/ranks.ts';
import { DEFAULT_SUPPRESSION_THRESHOLD, isSuppressed } from '../../analysis/suppression.ts';
import type { AreaStatistics } from '../../analysis/wardStatistics.ts';
import { formatRate } from '../../data/numberFormat.ts';
import { useAreaStatistics } from '../../state/selectors.ts';
import { useAppStore } from '../../state/store.ts';

type SortKey = 'name' | 'count' | 'rate' | 'rank' | 'change';

const COLUMNS: { key: SortKey; label: string; numeric: boolean }[] = [
  { key: 'name', label: 'Ward', numeric: false },
  { key: 'count', label: 'Count', numeric: true },
  { key: 'rate', label: 'Rate per 1,000', numeric: true },
  { key: 'rank', label: 'Rank', numeric: true },
];

function sortValue(
  figure: WardFigure,
  key: Exclude<SortKey, 'name'>,
  statistics: AreaStatistics | null,
): number | null {
  if (key === 'change') return statistics?.wards.get(figure.code)?.previous?.absolute ?? null;
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
        <span id={`${captionId}-previous`}>
          {statistics?.previousPeriod
            ? `Change: against ${describePeriod(statistics.previousPeriod.from, statistics.previousPeriod.to)}.`
            : 'Change: the data has no earlier period of the same length.'}
        </span>{' '}
        {statistics?.yearEarlierPeriod
          ? `Year on year: against ${describePeriod(statistics.yearEarlierPeriod.from, statistics.yearEarlierPeriod.to)}.`
          : ''}{' '}
        ▲ rise, ▼ fall, * significant at the 5% level. Against area: the ward's 95% interval lies
        above (higher) or below (lower) the area's rate
        {statistics?.areaRate != null ? ` of ${formatRate(statistics.areaRate)} per 1,000` : ''}.
        {suppressAt !== null &&
          ` Publication mode: counts of 1 to ${suppressAt} show as "<${suppressAt + 1}".`}
      </p>
      <table className="ward-table" aria-describedby={`${captionId}-notes`}>
        <caption id={captionId}>
          Wards in {figures.area.name}: {describeView({ ...view, themeLabel: figures.theme.label })}
          . Rate per 1,000 {figures.denominator}. Rank by {measure}: 1 is highest.
        </caption>
        <thead>
          <tr>
            {COLUMNS.map((column) => (
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
            <th scope="col" className="numeric">
              <button
                type="button"
                className="sort"
                onClick={() => sortBy('change')}
                aria-describedby={`${captionId}-previous`}
              >
                Change
                <span aria-hidden="true" className="sort-mark">
                  {sort.key === 'change' ? (sort.ascending ? '▲' : '▼') : ''}
                </span>
              </button>
            </th>
            <th scope="col" className="numeric">
              Year on year
            </th>
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
                <td className="numeric">{ward.rank ?? '–'}</td>
                <td className="numeric interval">
                  {intervalText(wardStatistics?.interval ?? null, ward.count, measure, suppressAt)}
                </td>
                <td>
                  <ComparisonCell
                    comparison={
                      isSuppressed(ward.count, suppressAt)
                        ? null
                        : (wardStatistics?.comparison ?? null)
                    }
                  />
                </td>
                <td className="numeric">
                  <ChangeCell
                    change={changeDisplay(wardStatistics?.previous ?? null, suppressAt)}
                  />
                </td>
                <td className="numeric">
                  <ChangeCell
                    change={changeDisplay(wardStatistics?.yearEarlier ?? null, suppressAt)}
                  />
                </td>
                <td className={`hotspot ${wardStatistics?.hotspot.hotspotClass ?? 'none'}`}>
                  {HOTSPOT_SHORT_TEXT[wardStatistics?.hotspot.hotspotClass ?? 'none']}
                </td>
                {londonRanked !== null && (
                  <td className="numeric">
                    {wardStatistics?.londonRank === null || wardStatistics?.londonRank === undefined
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
