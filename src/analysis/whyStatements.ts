/**
 * "Why this ward": plain-English statements generated from a ward's statistics, saying only what
 * they support. A change is called significant only when the exact test says so at the 5% level;
 * a handful of offences is said to be within noise; a hot spot names its study area and
 * correction; publication mode states nothing that a suppressed count would give away.
 */

import { formatCount, formatRate } from '../data/numberFormat.ts';
import type { AreaFigures, Measure, WardFigure } from './areaFigures.ts';
import type { Change } from './change.ts';
import { changeDisplay, hidden, pValueText, rankText, type SuppressAt } from './display.ts';
import type { HotspotClass } from './hotspots.ts';
import { type PeriodComparison, periodText } from './periods.ts';
import { ordinal } from './ranks.ts';
import { suppressedText } from './suppression.ts';
import type { AreaStatistics, WardStatistics } from './wardStatistics.ts';

export interface WhyInputs {
  ward: WardFigure;
  statistics: WardStatistics | null;
  figures: AreaFigures;
  area: AreaStatistics | null;
  /** The period shown, e.g. "Dec 2025 to Feb 2026". */
  period: string;
  measure: Measure;
  suppressAt: SuppressAt;
  /** A ward's name from its code, for hot spot neighbours. */
  nameOf(code: string): string;
  /**
   * For a numbered list whose heading names the period, the first comparison, the area, what
   * "above" means and the hot spot method: other comparisons only where significant, by how
   * they relate ("the same months a year earlier"); ranks only when shared; no London rank.
   */
  brief?: boolean;
}

const HOTSPOT_CONFIDENCE: Readonly<Record<HotspotClass, string>> = {
  hot99: '99% confidence',
  hot95: '95% confidence',
  hot90: '90% confidence',
  none: '',
  cold90: '90% confidence',
  cold95: '95% confidence',
  cold99: '99% confidence',
};

function offences(count: number): string {
  return `${formatCount(count)} ${count === 1 ? 'offence' : 'offences'}`;
}

/** "Earl's Court, Colville and Golborne" */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * "up from 37 in Sep 2025 to Nov 2025 (significant, p = 0.012)". Brief, the first comparison is
 * the list's heading's ("up from 37 (…)") and the others say how they relate ("… in the same
 * months a year earlier (…)").
 */
function changeClause(
  change: Change,
  comparison: PeriodComparison,
  suppressAt: SuppressAt,
  brief: 'first' | 'other' | null,
): string | null {
  const display = changeDisplay(change, suppressAt);
  if (display === null) return null;
  const before =
    brief === 'first'
      ? ''
      : ` in ${brief === 'other' ? comparison.relation : periodText(comparison.period)}`;
  const direction =
    change.absolute > 0 ? 'up from' : change.absolute < 0 ? 'down from' : 'the same as';
  const verdict = display.noise
    ? 'too few offences to tell from noise'
    : change.significant
      ? `significant, ${pValueText(change.pValue)}`
      : `not significant, ${pValueText(change.pValue)}`;
  return `${direction} ${formatCount(change.previous)}${before} (${verdict})`;
}

/** The ward's figure, its rank in the area and against the area, in the view's measure. */
function standingStatement(inputs: WhyInputs): string | null {
  const { ward, figures, area, statistics, measure, brief } = inputs;
  if (ward.rank === null || ward.value === null) return null;
  const parts: string[] = [];
  if (measure === 'rate' && ward.rate !== null)
    parts.push(`${formatRate(ward.rate)} ${figures.rateUnit}`);
  // A brief list numbers its wards; it says only when a rank is shared.
  const tied = figures.tiedRanks.has(ward.rank);
  if (!brief || tied)
    parts.push(
      `${rankText(ward.rank, tied)} of ${figures.rankedCount}${brief ? '' : ` in ${figures.area.name}`} by ${measure}`,
    );
  const benchmark = area?.benchmark;
  const against = statistics?.againstArea;
  if (statistics?.fewOffences) {
    parts.push('too few offences to tell apart from other wards');
  } else if (benchmark && against && against !== 'similar') {
    const value =
      benchmark.measure === 'rate'
        ? `the area's ${formatRate(benchmark.value)}`
        : `the area's average ward (${formatCount(Math.round(benchmark.value * 10) / 10)})`;
    parts.push(
      brief
        ? `${against === 'higher' ? 'above' : 'below'} ${value}`
        : `${against} than ${value} beyond its 95% interval`,
    );
  }
  return parts.join(', ');
}

function hotspotStatement(inputs: WhyInputs): string | null {
  const { statistics, figures } = inputs;
  const hotspot = statistics?.hotspot.hotspotClass ?? 'none';
  if (!statistics || !hotspot.startsWith('hot')) return null;
  const scope = inputs.brief
    ? ''
    : `; Gi* within ${figures.area.name}, false discovery rate corrected`;
  const neighbours = statistics.hotspotNeighbours.map(inputs.nameOf);
  const with_ = neighbours.length > 0 ? ` with ${listText(neighbours)}` : '';
  return `a hot spot (${HOTSPOT_CONFIDENCE[hotspot]}${scope})${with_}`;
}

/**
 * The statements for one ward, each a clause that stands alone: what happened and how it
 * changed; where it stands in the area; whether it is a hot spot; its rank in London.
 */
export function whyStatements(inputs: WhyInputs): string[] {
  const { ward, statistics, area, period, suppressAt } = inputs;
  const brief = inputs.brief ?? false;
  if (ward.count === null)
    return [`No data for ${period}: the loaded files do not cover this ward.`];
  if (hidden(ward.count, suppressAt)) {
    return [
      `${suppressedText(suppressAt as number)} offences in ${period}: publication mode hides this ward’s figures and rank.`,
    ];
  }
  const changes = (area?.comparisons ?? [])
    .map((comparison, index) => {
      const change = statistics?.changes[index] ?? null;
      // A brief list gives the heading's comparison, and others only where they are significant.
      if (!change || (brief && index > 0 && !change.significant)) return null;
      const form = brief ? (index === 0 ? 'first' : 'other') : null;
      return changeClause(change, comparison, suppressAt, form);
    })
    .filter((clause): clause is string => clause !== null);
  const [first, ...others] = changes;
  // A brief list in count mode shows the count beside the name already.
  const counted =
    brief && inputs.measure === 'count'
      ? null
      : brief
        ? offences(ward.count)
        : `${offences(ward.count)} in ${period}`;
  const opening = counted && first ? `${counted}, ${first}` : (counted ?? first);
  const statements = [...(opening ? [opening] : []), ...others];
  const standing = standingStatement(inputs);
  if (standing) statements.push(standing);
  const hotspot = hotspotStatement(inputs);
  if (hotspot) statements.push(hotspot);
  if (!brief && statistics?.londonRank != null && area?.londonRanked != null)
    statements.push(`${ordinal(statistics.londonRank)} of ${area.londonRanked} London wards`);
  return statements;
}

/** "Golborne: 61 offences in …; 14.2 per 1,000 …; a hot spot (…)." as one line for a briefing. */
export function whyText(wardName: string, statements: readonly string[]): string {
  return `${wardName}: ${statements.join('; ')}.`;
}

/** The statements for one ward of an area, its statistics taken from the area's. */
export function wardReasons(
  context: Omit<WhyInputs, 'ward' | 'statistics'>,
  ward: WardFigure,
): string[] {
  return whyStatements({
    ...context,
    ward,
    statistics: context.area?.wards.get(ward.code) ?? null,
  });
}
