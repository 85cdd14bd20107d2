/**
 * The ward table as CSV: every ward of the area with the columns of the table on screen, numbers
 * written plainly (no thousands separators) so that a spreadsheet reads them as numbers, and
 * publication mode applied as on screen: a suppressed count is "<5" and every figure built on it
 * (rate, interval, comparison, change) is left blank.
 */

import type { TimeFilter } from '../analysis/aggregate.ts';
import type { AreaFigures, Measure, WardFigure } from '../analysis/areaFigures.ts';
import type { Change } from '../analysis/change.ts';
import { describePeriod } from '../analysis/describeView.ts';
import { COMPARISON_TEXT, changeDisplay, type SuppressAt } from '../analysis/display.ts';
import { HOTSPOT_CLASS_LABELS } from '../analysis/hotspots.ts';
import { isSuppressed, suppressedText } from '../analysis/suppression.ts';
import type { AreaStatistics, Period } from '../analysis/wardStatistics.ts';
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
 * A signed figure of a change. Falls are written with the Unicode minus sign "−" (U+2212), as on
 * screen: a leading ASCII "-" would make a spreadsheet read the cell as a formula, and the OWASP
 * remedy ("'-3") leaves a stray quote in the cell. Rises carry no sign, for the same reason ("+").
 */
export function signedCell(value: number, decimals: number): string {
  const text = Math.abs(value).toFixed(decimals);
  return value < 0 && Number(text) !== 0 ? `−${text}` : text;
}

function changeCells(change: Change | null, suppressAt: SuppressAt): string[] {
  // changeDisplay is null when either count is suppressed: the change is hidden with them.
  if (change === null || changeDisplay(change, suppressAt) === null) return ['', '', ''];
  return [
    signedCell(change.absolute, Number.isInteger(change.absolute) ? 0 : 1),
    change.percent === null ? '' : signedCell(change.percent, 1),
    change.significant ? 'Yes' : 'No',
  ];
}

function changeHeaders(name: string, period: Period | null): string[] {
  const against = period ? ` against ${describePeriod(period.from, period.to)}` : '';
  return [`${name}${against}`, `${name} %${against}`, `${name} significant at the 5% level`];
}

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
    `Rate per 1,000 ${denominator}`,
    `95% interval of the ${measure}, lower`,
    `95% interval of the ${measure}, upper`,
    `Rank by ${measure} (1 = highest)`,
    'Against the area rate',
    ...changeHeaders('Change', statistics?.previousPeriod ?? null),
    ...changeHeaders('Year on year', statistics?.yearEarlierPeriod ?? null),
    'Hot spot (Getis-Ord Gi*)',
    ...(londonRanked === null ? [] : [`London rank (of ${londonRanked} wards)`]),
  ];
  const intervalCell = (value: number) =>
    measure === 'rate' ? rateCell(value) : countCell(Math.round(value * 10) / 10);

  const rows = wardsByRank(figures.wards).map((ward) => {
    const wardStatistics = statistics?.wards.get(ward.code);
    const suppressed = isSuppressed(ward.count, suppressAt);
    const interval = suppressed ? null : (wardStatistics?.interval ?? null);
    const comparison = suppressed ? null : (wardStatistics?.comparison ?? null);
    const londonRank = wardStatistics?.londonRank ?? null;
    return [
      ward.code,
      ward.name,
      ward.ladName,
      suppressed ? suppressedText(suppressAt as number) : countCell(ward.count),
      suppressed || ward.rate === null ? '' : rateCell(ward.rate),
      interval ? intervalCell(interval.lower) : '',
      interval ? intervalCell(interval.upper) : '',
      ward.rank === null ? '' : String(ward.rank),
      comparison ? COMPARISON_TEXT[comparison] : '',
      ...changeCells(wardStatistics?.previous ?? null, suppressAt),
      ...changeCells(wardStatistics?.yearEarlier ?? null, suppressAt),
      HOTSPOT_CLASS_LABELS[wardStatistics?.hotspot.hotspotClass ?? 'none'],
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
