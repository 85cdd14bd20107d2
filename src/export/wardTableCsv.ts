/**
 * The ward table as CSV: every ward of the area with the columns of the table on screen, numbers
 * written plainly (no thousands separators, falls with a hyphen-minus) so that a spreadsheet
 * reads them as numbers, and publication mode applied as on screen: a suppressed count is "<5"
 * and every figure built on it (rate, interval, comparison, change, rank, hot spot) is left
 * blank. A ward the data does not cover reads "No data", never 0.
 */

import type { TimeFilter } from '../analysis/aggregate.ts';
import type { AreaFigures, Measure, WardFigure } from '../analysis/areaFigures.ts';
import type { Change } from '../analysis/change.ts';
import {
  COMPARISON_TEXT,
  changeDisplay,
  NO_DATA_TEXT,
  type SuppressAt,
} from '../analysis/display.ts';
import { HOTSPOT_CLASS_LABELS } from '../analysis/hotspots.ts';
import { comparisonText, type PeriodComparison, rateUnit } from '../analysis/periods.ts';
import { isSuppressed, suppressedText } from '../analysis/suppression.ts';
import type { AreaStatistics } from '../analysis/wardStatistics.ts';
import { WEEKDAYS } from '../data/calendar.ts';
import { csvText } from './csv.ts';

export interface WardTableExport {
  figures: AreaFigures;
  statistics: AreaStatistics | null;
  measure: Measure;
  /** Census year (or other) of the rate's denominator, named in the rate's header. */
  populationYear: number | null;
  suppressAt: SuppressAt;
}

/** Wards in the table's default order: rank 1 first, wards without a rank last, ties by name. */
export function wardsByRank(wards: readonly WardFigure[]): WardFigure[] {
  const last = Number.POSITIVE_INFINITY;
  return [...wards].sort(
    (a, b) => (a.rank ?? last) - (b.rank ?? last) || a.name.localeCompare(b.name, 'en-GB'),
  );
}

/** Counts are whole except where offence times were spread over hours: one decimal then. */
function countCell(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** As on screen: one decimal, two below 1. */
function rateCell(value: number): string {
  return value.toFixed(Math.abs(value) < 1 ? 2 : 1);
}

/**
 * A signed figure of a change, with the ASCII hyphen-minus for falls so that spreadsheets read it
 * as a number (csvCell leaves a plain negative number unescaped). Rises carry no sign: a leading
 * "+" would be escaped as a formula.
 */
export function signedCell(value: number, decimals: number): string {
  const text = Math.abs(value).toFixed(decimals);
  return value < 0 && Number(text) !== 0 ? `-${text}` : text;
}

function changeCells(change: Change | null, suppressAt: SuppressAt): string[] {
  // changeDisplay is null when either count is suppressed: the change is hidden with them.
  const display = change === null ? null : changeDisplay(change, suppressAt);
  if (change === null || display === null) return ['', '', ''];
  return [
    signedCell(change.absolute, Number.isInteger(change.absolute) ? 0 : 1),
    change.percent === null || display.noise ? '' : signedCell(change.percent, 1),
    display.noise ? 'Too few to tell' : change.significant ? 'Yes' : 'No',
  ];
}

function changeHeaders(comparison: PeriodComparison): string[] {
  const against = comparisonText(comparison);
  return [
    `Change ${against}`,
    `Change % ${against}`,
    `Change significant at the 5% level ${against}`,
  ];
}

function benchmarkHeader(statistics: AreaStatistics | null): string {
  const benchmark = statistics?.benchmark;
  if (!benchmark) return 'Against the area';
  return benchmark.measure === 'rate'
    ? `Against the area's rate (${rateCell(benchmark.value)})`
    : `Against the area's average ward count (${countCell(Math.round(benchmark.value * 10) / 10)})`;
}

/**
 * `figures` as the export shows them: with publication mode applied (withDisclosureControl), so
 * that suppressed wards carry no rank.
 */
export function wardTableRows({
  figures,
  statistics,
  measure,
  populationYear,
  suppressAt,
}: WardTableExport): string[][] {
  const londonRanked = statistics?.londonRanked ?? null;
  const denominator = `${figures.denominator}${populationYear ? ` (${populationYear})` : ''}`;
  const header = [
    'Ward code',
    'Ward',
    'Borough',
    'Count',
    `Rate ${rateUnit(denominator, figures.rateMonths)}`,
    `95% interval of the ${measure}, lower`,
    `95% interval of the ${measure}, upper`,
    `Rank by ${measure} (1 = highest; equal ranks are ties)`,
    benchmarkHeader(statistics),
    ...(statistics?.comparisons ?? []).flatMap(changeHeaders),
    'Hot spot (Getis-Ord Gi*, false discovery rate corrected)',
    ...(londonRanked === null ? [] : [`London rank (of ${londonRanked} wards)`]),
  ];
  const intervalCell = (value: number) =>
    measure === 'rate' ? rateCell(value) : countCell(Math.round(value * 10) / 10);

  const rows = wardsByRank(figures.wards).map((ward) => {
    const wardStatistics = statistics?.wards.get(ward.code);
    if (ward.count === null)
      return [ward.code, ward.name, ward.ladName, NO_DATA_TEXT, ...header.slice(4).map(() => '')];
    const suppressed = isSuppressed(ward.count, suppressAt);
    const interval = suppressed ? null : (wardStatistics?.interval ?? null);
    const againstArea = suppressed ? null : (wardStatistics?.againstArea ?? null);
    const londonRank = suppressed ? null : (wardStatistics?.londonRank ?? null);
    return [
      ward.code,
      ward.name,
      ward.ladName,
      suppressed ? suppressedText(suppressAt as number) : countCell(ward.count),
      suppressed || ward.rate === null ? '' : rateCell(ward.rate),
      interval ? intervalCell(interval.lower) : '',
      interval ? intervalCell(interval.upper) : '',
      ward.rank === null ? '' : String(ward.rank),
      againstArea ? COMPARISON_TEXT[againstArea] : '',
      ...(statistics?.comparisons ?? []).flatMap((_, index) =>
        changeCells(wardStatistics?.changes[index] ?? null, suppressAt),
      ),
      suppressed ? '' : HOTSPOT_CLASS_LABELS[wardStatistics?.hotspot.hotspotClass ?? 'none'],
      ...(londonRanked === null ? [] : [londonRank === null ? '' : String(londonRank)]),
    ];
  });
  return [header, ...rows];
}

export function wardTableCsv(table: WardTableExport): string {
  return csvText(wardTableRows(table));
}

/** "Kensington and Chelsea" -> "kensington-and-chelsea" */
function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * A file name that says what the file holds, since the CSV itself starts with its header row:
 * "wards_kensington-and-chelsea_youth-violence_2024-10_to_2025-09_rate.csv", with the days and
 * hours of a time filter when one is on ("_fri_18-20h").
 */
export function exportFileName(
  kind: string,
  view: {
    areaName: string;
    theme: string;
    from: string | null;
    to: string | null;
    measure: Measure;
    time: TimeFilter | null;
  },
  extension: string,
): string {
  const parts = [kind, slug(view.areaName), slug(view.theme)];
  if (view.from && view.to) parts.push(`${view.from}_to_${view.to}`);
  parts.push(view.measure);
  if (view.time) {
    if (view.time.weekday !== null) parts.push(slug(WEEKDAYS[view.time.weekday] ?? ''));
    parts.push(`${view.time.hourFrom}-${view.time.hourTo}h`);
  }
  return `${parts.join('_')}.${extension}`;
}
