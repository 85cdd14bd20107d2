/**
 * The gap table as CSV: every ward of the area, most need first, with its offences, need rank,
 * the share of its area within reach of services, and whether it is a gap. Publication mode is
 * applied as in the ward table: a count from 1 to 4 is "<5" and its rate is left blank.
 */
import type { Measure } from '../analysis/areaFigures.ts';
import type { SuppressAt } from '../analysis/display.ts';
import type { GapTableRows } from '../analysis/gaps.ts';
import { serviceTypeText } from '../analysis/servicesView.ts';
import { isSuppressed, suppressedText } from '../analysis/suppression.ts';
import { csvText } from './csv.ts';

export interface GapTableExport {
  table: GapTableRows;
  /** The coverage's types, in its order. */
  types: readonly string[];
  /** The type coverage is shown for; null for a service of any type. */
  chosenType: string | null;
  reachMetres: number;
  need: 'theme' | 'priority';
  measure: Measure;
  themeLabel: string;
  /** "residents" or "residents aged 10–24". */
  denominator: string;
  /** Whether proposed services are on the map: the "before" columns are then added. */
  withProposals: boolean;
  /** How the gap rule reads, for the Gap column's header. */
  ruleText: string;
  suppressAt: SuppressAt;
}

function percentCell(share: number): string {
  return (share * 100).toFixed(1);
}

function countCell(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

export function gapTableRows(exported: GapTableExport): string[][] {
  const { table, reachMetres, suppressAt, withProposals } = exported;
  const within = (type: string | null) =>
    `Area within ${reachMetres} m of ${serviceTypeText(type)} (%)`;
  const chosen = within(exported.chosenType);
  const otherTypes = exported.types
    .map((type, index) => ({ type, index }))
    .filter(({ type }) => type !== exported.chosenType);
  const header = [
    'Ward code',
    'Ward',
    'Borough',
    `${exported.themeLabel}: offences`,
    `${exported.themeLabel}: rate per 1,000 ${exported.denominator}`,
    ...(exported.need === 'priority' ? ['Priority score (lower is a higher priority)'] : []),
    `Need rank by ${exported.need === 'priority' ? 'priority score' : exported.measure} (1 = highest need)`,
    chosen,
    ...(withProposals ? [`${chosen} before the proposed services`] : []),
    ...otherTypes.map(({ type }) => within(type)),
    `Gap (${exported.ruleText})`,
    ...(withProposals ? ['Gap before the proposed services'] : []),
  ];
  const rows = table.rows.map((row) => {
    const suppressed = isSuppressed(row.count, suppressAt);
    return [
      row.code,
      row.name,
      row.ladName,
      suppressed ? suppressedText(suppressAt as number) : countCell(row.count),
      suppressed || row.rate === null ? '' : row.rate.toFixed(Math.abs(row.rate) < 1 ? 2 : 1),
      ...(exported.need === 'priority' ? [row.need === null ? '' : row.need.toFixed(1)] : []),
      row.needRank === null ? '' : String(row.needRank),
      percentCell(row.coverage),
      ...(withProposals ? [percentCell(row.coverageBefore)] : []),
      ...otherTypes.map(({ index }) => percentCell(row.byType[index] ?? 0)),
      row.gap ? 'Yes' : 'No',
      ...(withProposals ? [row.gapBefore ? 'Yes' : 'No'] : []),
    ];
  });
  return [header, ...rows];
}

export function gapTableCsv(exported: GapTableExport): string {
  return csvText(gapTableRows(exported));
}
