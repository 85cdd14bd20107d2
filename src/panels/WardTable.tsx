/** The ward table: the accessible alternative to the map, sortable, and a way to select a ward. */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AreaFigures, WardFigure } from '../analysis/areaFigures.ts';
import { formatCount, formatRate } from '../analysis/format.ts';
import { useAppStore } from '../state/store.ts';
import { describeView } from './describeView.ts';

type SortKey = 'name' | 'count' | 'rate' | 'rank';

const COLUMNS: { key: SortKey; label: string; numeric: boolean }[] = [
  { key: 'name', label: 'Ward', numeric: false },
  { key: 'count', label: 'Count', numeric: true },
  { key: 'rate', label: 'Rate per 1,000', numeric: true },
  { key: 'rank', label: 'Rank', numeric: true },
];

function sortValue(figure: WardFigure, key: Exclude<SortKey, 'name'>): number | null {
  return key === 'count' ? figure.count : key === 'rate' ? figure.rate : figure.rank;
}

/** Sorted copy; wards without a value go last in either direction, ties by name. */
export function sortWards(
  wards: readonly WardFigure[],
  key: SortKey,
  ascending: boolean,
): WardFigure[] {
  const byName = (a: WardFigure, b: WardFigure) => a.name.localeCompare(b.name, 'en-GB');
  return [...wards].sort((a, b) => {
    if (key === 'name') return ascending ? byName(a, b) : byName(b, a);
    const left = sortValue(a, key);
    const right = sortValue(b, key);
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
  const rows = sortWards(figures.wards, sort.key, sort.ascending);
  const manyBoroughs = new Set(figures.wards.map((ward) => ward.ladName)).size > 1;

  const sortBy = (key: SortKey) =>
    setSort((current) =>
      current.key === key
        ? { key, ascending: !current.ascending }
        : { key, ascending: key === 'name' || key === 'rank' },
    );

  return (
    <div className="table-scroll">
      <table className="ward-table">
        <caption id="ward-table-caption">
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
          </tr>
        </thead>
        <tbody>
          {rows.map((ward) => {
            const selected = ward.code === figures.selectedWard;
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
                <td className="numeric">{formatCount(ward.count)}</td>
                <td className="numeric">{formatRate(ward.rate)}</td>
                <td className="numeric">{ward.rank ?? '–'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
