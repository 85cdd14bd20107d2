/**
 * A publication workspace: the figures views show, worked out on the analyst's machine with small
 * counts already hidden, so that no count from 1 to the threshold ever leaves it. It holds no
 * offence cube, no points and no populations: for each view only its wards' counts and the
 * area's time-of-day heatmap, and it opens read-only.
 *
 * The rule (README, "Publication workspaces"):
 * 1. Every count is rounded to a whole number (spread times make fractions); counts from 1 to the
 *    threshold are hidden.
 * 2. Each table (the wards' counts; the heatmap's 168 hours with unknown time) is protected as if
 *    its total were known: more cells are hidden until the hidden ones cannot be worked out from
 *    it (tableProtection.ts).
 * 3. No total, rate, rank or change is published: nothing built on a hidden count can give it back.
 * What the rule cannot stop is subtraction between two views (a year and the half-year inside it,
 * a theme and All serious violence): the Save dialog says so.
 */
import { computeAreaFigures, type FigureInputs } from './areaFigures.ts';
import { describePeriod } from './describeView.ts';
import { protectTable } from './tableProtection.ts';

/** What a hidden count is written as. */
export const SUPPRESSED = 'suppressed';
export type PublishedCount = number | typeof SUPPRESSED;

export interface PublishedView {
  name: string;
  /** The view's query string, as its link. */
  search: string;
  areaName: string;
  themeLabel: string;
  /** "Nov 2025 to Jan 2026" */
  period: string;
  /** The area's wards in name order; null where the data does not cover the ward. */
  wards: { code: string; name: string; count: PublishedCount | null }[];
  /** The area's 168 hours (weekday Mon = 0 × 24 + hour) and unknown time; null when the data
   * gives no times of day. */
  heatmap: { cells: PublishedCount[]; unknownTime: PublishedCount } | null;
}

export interface PublishedWorkspace {
  suppressedUpTo: number;
  views: PublishedView[];
}

/** Whole counts with those `protectTable` hides written as SUPPRESSED. */
function protectedCounts(counts: readonly number[], suppressUpTo: number): PublishedCount[] {
  const hidden = protectTable(counts, suppressUpTo);
  return counts.map((count, index) => (hidden[index] ? SUPPRESSED : Math.round(count)));
}

/** The published figures of one view (its selected ward apart: the heatmap is the area's). */
export function publishView(
  name: string,
  search: string,
  inputs: FigureInputs,
  suppressUpTo: number,
): PublishedView {
  const figures = computeAreaFigures({ ...inputs, view: { ...inputs.view, ward: null } });
  const covered = figures.wards.filter((ward) => ward.count !== null);
  const counts = protectedCounts(
    covered.map((ward) => ward.count as number),
    suppressUpTo,
  );
  const published = new Map(covered.map((ward, index) => [ward.code, counts[index]]));
  const { heatmap } = figures;
  const hours = heatmap.timesKnown
    ? protectedCounts([...heatmap.cells, heatmap.unknownTime], suppressUpTo)
    : null;
  return {
    name,
    search,
    areaName: figures.area.name,
    themeLabel: figures.theme.label,
    period: describePeriod(inputs.view.from, inputs.view.to),
    wards: figures.wards.map((ward) => ({
      code: ward.code,
      name: ward.name,
      count: published.get(ward.code) ?? null,
    })),
    heatmap: hours
      ? { cells: hours.slice(0, -1), unknownTime: hours.at(-1) as PublishedCount }
      : null,
  };
}
