/**
 * Where and when the loaded data speaks: a ward with no offences in a file that covers it has a
 * true zero, but a ward the file does not cover (City of London in MPS files, which its own
 * force polices) or a month outside the file has no data, and must not be drawn or ranked as 0.
 *
 * A file covers a borough when it has any ward of it: offence files list only wards with
 * offences, so one ward missing from a borough the file covers is a ward with none.
 */
import type { OffenceCube } from '../data/cube.ts';
import { type Dataset, themeIndices } from '../data/dataset.ts';
import type { ThemeId } from '../data/themes.ts';
import type { Area, Ward, WardSet } from '../geo/wardSet.ts';
import { totalsByWard } from './aggregate.ts';
import type { MonthSpan } from './periods.ts';

const boroughsByCube = new WeakMap<OffenceCube, WeakMap<WardSet, ReadonlySet<string>>>();

/** Borough (local authority) codes of the wards a cube holds, worked out once per cube. */
export function coveredBoroughs(cube: OffenceCube, wards: WardSet): ReadonlySet<string> {
  let byWards = boroughsByCube.get(cube);
  if (!byWards) {
    byWards = new WeakMap();
    boroughsByCube.set(cube, byWards);
  }
  let boroughs = byWards.get(wards);
  if (!boroughs) {
    const found = new Set<string>();
    for (const code of cube.wardCodes) {
      const index = wards.byCode.get(code);
      const lad = index === undefined ? undefined : wards.wards[index]?.lad;
      if (lad !== undefined) found.add(lad);
    }
    boroughs = found;
    byWards.set(wards, boroughs);
  }
  return boroughs;
}

export function cubeSpan(cube: OffenceCube): MonthSpan | null {
  return cube.monthCount > 0
    ? { first: cube.firstMonth, last: cube.firstMonth + cube.monthCount - 1 }
    : null;
}

/** How many months of first..last (inclusive) the spans cover between them. */
function coveredMonthCount(spans: readonly MonthSpan[], first: number, last: number): number {
  const clipped = spans
    .map((span) => ({ first: Math.max(first, span.first), last: Math.min(last, span.last) }))
    .filter((span) => span.first <= span.last)
    .sort((a, b) => a.first - b.first);
  let count = 0;
  let reached = first - 1;
  for (const span of clipped) {
    const start = Math.max(span.first, reached + 1);
    if (span.last >= start) {
      count += span.last - start + 1;
      reached = span.last;
    }
  }
  return count;
}

/**
 * For each ward, how many months of the period (absolute month indices, inclusive) the data of
 * a theme covers: 0 where no file carrying the theme covers the ward's borough in those months.
 */
export function monthsCovered(
  datasets: readonly Dataset[],
  theme: ThemeId,
  wards: WardSet,
  areaWards: readonly Ward[],
  period: { first: number; last: number },
): Int32Array {
  const sources = datasets
    .filter((dataset) => themeIndices(dataset, theme).length > 0)
    .map((dataset) => ({
      span: cubeSpan(dataset.cube),
      boroughs: coveredBoroughs(dataset.cube, wards),
    }))
    .filter((source): source is { span: MonthSpan; boroughs: ReadonlySet<string> } =>
      Boolean(source.span),
    );
  const byBorough = new Map<string, number>();
  return Int32Array.from(areaWards, (ward) => {
    let months = byBorough.get(ward.lad);
    if (months === undefined) {
      const spans = sources
        .filter((source) => source.boroughs.has(ward.lad))
        .map((source) => source.span);
      months = coveredMonthCount(spans, period.first, period.last);
      byBorough.set(ward.lad, months);
    }
    return months;
  });
}

/** First and last month the data of a theme holds, or null when no file carries it. */
export function themeSpan(datasets: readonly Dataset[], theme: ThemeId): MonthSpan | null {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const dataset of datasets) {
    const span = cubeSpan(dataset.cube);
    if (!span || themeIndices(dataset, theme).length === 0) continue;
    first = Math.min(first, span.first);
    last = Math.max(last, span.last);
  }
  return first <= last ? { first, last } : null;
}

/**
 * The months a period for a theme can cover: those of the theme's data, or of all the data when
 * no file carries the theme; null when no file holds any month.
 */
export function themeMonthSpan(datasets: readonly Dataset[], theme: ThemeId): MonthSpan | null {
  const spans = datasets.map((dataset) => cubeSpan(dataset.cube)).filter((span) => span !== null);
  if (spans.length === 0) return null;
  return (
    themeSpan(datasets, theme) ?? {
      first: Math.min(...spans.map((span) => span.first)),
      last: Math.max(...spans.map((span) => span.last)),
    }
  );
}

/** Whether the loaded data has offences of a theme for an area and period. */
export type ThemeData = 'offences' | 'none-recorded' | 'no-data';

/**
 * For the theme picker: 'offences' when the data covers some of the area's wards in the period
 * and records offences there, 'none-recorded' when it covers them and records none, 'no-data'
 * when no file carrying the theme covers the area in the period.
 */
export function themeData(
  datasets: readonly Dataset[],
  theme: ThemeId,
  wards: WardSet,
  area: Area,
  period: { first: number; last: number },
): ThemeData {
  const areaWards = area.wardIndices
    .map((index) => wards.wards[index])
    .filter((ward): ward is Ward => ward !== undefined);
  const months = monthsCovered(datasets, theme, wards, areaWards, period);
  if (!months.some((count) => count > 0)) return 'no-data';
  const codes = new Set(areaWards.map((ward) => ward.code));
  for (const dataset of datasets) {
    const themes = themeIndices(dataset, theme);
    if (themes.length === 0) continue;
    const totals = totalsByWard(dataset.cube, {
      themes,
      monthFrom: period.first,
      monthTo: period.last,
      slots: null,
    });
    if (dataset.cube.wardCodes.some((code, at) => codes.has(code) && (totals[at] as number) > 0))
      return 'offences';
  }
  return 'none-recorded';
}
