/**
 * The statistics a tasking meeting needs beside each ward's figure: its confidence interval, how
 * it compares with the area, how it changed against each comparison period, whether it is a hot
 * spot, and its rank in London. Built on computeAreaFigures, run again for the comparison periods
 * and for all of London.
 */

import { ALL_LONDON_AREA } from '../geo/areas.ts';
import { findArea } from '../geo/wardSet.ts';
import {
  type AreaFigures,
  computeAreaFigures,
  type FigureInputs,
  type Measure,
  type WardFigure,
} from './areaFigures.ts';
import { type Change, compareCounts } from './change.ts';
import { themeSpan } from './dataCoverage.ts';
import { type HotspotClass, type HotspotResult, hotspots } from './hotspots.ts';
import {
  type Comparison,
  countInterval,
  FEW_OFFENCES,
  type Interval,
  rateInterval,
} from './intervals.ts';
import { comparisonsFor, type PeriodComparison, personYears, spanCovers } from './periods.ts';

export interface WardStatistics {
  code: string;
  /** 95% interval of the figure shown: of the count in count mode, of the rate in rate mode. */
  interval: Interval | null;
  /** The figure against the area's, in the same terms: the interval against the area's
   * average ward count (count mode) or the area's rate (rate mode). */
  againstArea: Comparison | null;
  /** One per comparison of AreaStatistics, same order; null where the ward has no data then. */
  changes: (Change | null)[];
  hotspot: HotspotResult;
  /** Neighbouring wards (codes) that are hot spots too when this one is hot, cold when cold. */
  hotspotNeighbours: string[];
  /** Rank among all London wards with data, when the data covers London. */
  londonRank: number | null;
  /** Fewer offences than FEW_OFFENCES: differences from other wards and periods are noise. */
  fewOffences: boolean;
}

/** What "against area" compares with: the area's rate, or its average ward count. */
export interface Benchmark {
  measure: Measure;
  value: number;
}

export interface AreaStatistics {
  wards: Map<string, WardStatistics>;
  /** Offences per 1,000 per year over the area's wards with data and a population. */
  areaRate: number | null;
  benchmark: Benchmark | null;
  /** The comparisons the data allows, each a different period (see comparisonsFor). */
  comparisons: PeriodComparison[];
  /** The area's total against each comparison. */
  areaChanges: (Change | null)[];
  /** Number of London wards ranked, when London ranks are given. */
  londonRanked: number | null;
}

/** Share of London's wards that must have data before London ranks mean anything. */
const LONDON_COVERAGE = 0.9;

function figuresFor(inputs: FigureInputs, period: PeriodComparison['period']): AreaFigures {
  return computeAreaFigures({
    ...inputs,
    view: { ...inputs.view, ...period, measure: 'count', ward: null },
  });
}

function londonRanks(
  inputs: FigureInputs,
): { ranks: Map<string, number | null>; ranked: number } | null {
  if (inputs.area.id === ALL_LONDON_AREA) return null;
  const london = findArea(inputs.wards, ALL_LONDON_AREA);
  if (!london) return null;
  const withData = new Set(inputs.datasets.flatMap((dataset) => dataset.cube.wardCodes));
  const coverage = london.wardIndices.filter((index) =>
    withData.has(inputs.wards.wards[index]?.code ?? ''),
  ).length;
  if (coverage < LONDON_COVERAGE * london.wardIndices.length) return null;
  const figures = computeAreaFigures({
    ...inputs,
    area: london,
    view: { ...inputs.view, ward: null },
  });
  return {
    ranks: new Map(figures.wards.map((ward) => [ward.code, ward.rank])),
    ranked: figures.rankedCount,
  };
}

/** Offences per 1,000 per year over the wards with data and a population. */
function areaRateOf(wards: readonly WardFigure[]): number | null {
  let offences = 0;
  let exposure = 0;
  for (const ward of wards) {
    if (ward.count === null || ward.population === null || ward.population <= 0) continue;
    offences += ward.count;
    exposure += personYears(ward.population, ward.months);
  }
  return exposure > 0 ? (offences / exposure) * 1000 : null;
}

function benchmarkOf(figures: AreaFigures, measure: Measure, areaRate: number | null) {
  if (measure === 'rate') return areaRate === null ? null : { measure, value: areaRate };
  const withData = figures.wards.filter((ward) => ward.count !== null);
  return withData.length === 0 ? null : { measure, value: figures.total / withData.length };
}

/** The ward's interval against the benchmark: higher or lower when it lies wholly above or
 * below, as Fingertips compares areas with theirs. */
function compareWith(interval: Interval | null, benchmark: Benchmark | null): Comparison | null {
  if (interval === null || benchmark === null) return null;
  if (interval.lower > benchmark.value) return 'higher';
  if (interval.upper < benchmark.value) return 'lower';
  return 'similar';
}

function intervalOf(ward: WardFigure, measure: Measure): Interval | null {
  if (ward.count === null) return null;
  if (measure === 'count') return countInterval(ward.count);
  return ward.population
    ? rateInterval(ward.count, personYears(ward.population, ward.months))
    : null;
}

function sameSide(a: HotspotClass, b: HotspotClass): boolean {
  return a !== 'none' && b !== 'none' && a.slice(0, 3) === b.slice(0, 3);
}

export function computeAreaStatistics(inputs: FigureInputs, figures: AreaFigures): AreaStatistics {
  const { view } = inputs;
  const areaRate = areaRateOf(figures.wards);
  const benchmark = benchmarkOf(figures, view.measure, areaRate);

  const span = themeSpan(inputs.datasets, view.theme);
  const comparisons =
    view.from && view.to
      ? comparisonsFor({ from: view.from, to: view.to }, view.preset ?? null).filter((comparison) =>
          spanCovers(span, comparison.period),
        )
      : [];
  const comparisonFigures = comparisons.map((comparison) => {
    const earlier = figuresFor(inputs, comparison.period);
    return new Map(earlier.wards.map((ward) => [ward.code, ward]));
  });

  // Gi* over the wards that have a figure, with neighbours taken within the area.
  const scored = figures.wards.filter((ward) => ward.value !== null);
  const position = new Map(scored.map((ward, index) => [ward.index, index]));
  const neighbours = scored.map((ward) =>
    (inputs.wards.wards[ward.index]?.neighbours ?? [])
      .map((other) => position.get(other))
      .filter((other): other is number => other !== undefined),
  );
  const hotspotResults = hotspots(
    scored.map((ward) => ward.value as number),
    neighbours,
  );
  const hotspotOf = (ward: WardFigure): HotspotResult => {
    const at = position.get(ward.index);
    return at === undefined
      ? { z: null, pValue: null, qValue: null, hotspotClass: 'none' }
      : (hotspotResults[at] as HotspotResult);
  };
  const london = londonRanks(inputs);

  const wards = new Map<string, WardStatistics>();
  for (const ward of figures.wards) {
    const interval = intervalOf(ward, view.measure);
    const hotspot = hotspotOf(ward);
    const at = position.get(ward.index);
    wards.set(ward.code, {
      code: ward.code,
      interval,
      againstArea: compareWith(interval, benchmark),
      changes: comparisonFigures.map((earlier) => {
        const before = earlier.get(ward.code);
        if (ward.count === null || !before || before.count === null) return null;
        return compareCounts(ward.count, before.count, ward.months / before.months);
      }),
      hotspot,
      hotspotNeighbours:
        at === undefined
          ? []
          : (neighbours[at] ?? [])
              .map((other) => scored[other] as WardFigure)
              .filter((other) => sameSide(hotspot.hotspotClass, hotspotOf(other).hotspotClass))
              .map((other) => other.code),
      londonRank: london?.ranks.get(ward.code) ?? null,
      fewOffences: ward.count !== null && ward.count < FEW_OFFENCES,
    });
  }

  const areaChanges = comparisonFigures.map((earlier) => {
    // Only wards with data in both periods, so that coverage does not pass for change.
    let now = 0;
    let before = 0;
    let paired = 0;
    for (const ward of figures.wards) {
      const then = earlier.get(ward.code);
      if (ward.count === null || !then || then.count === null) continue;
      now += ward.count;
      before += then.count;
      paired += 1;
    }
    return paired > 0 ? compareCounts(now, before) : null;
  });

  return {
    wards,
    areaRate,
    benchmark,
    comparisons,
    areaChanges,
    londonRanked: london?.ranked ?? null,
  };
}

export interface ChangeEntry {
  code: string;
  name: string;
  change: Change;
}

/** The largest rises and falls against the first comparison, biggest absolute change first. */
export function biggestChanges(
  figures: AreaFigures,
  statistics: AreaStatistics,
  count = 5,
): { rises: ChangeEntry[]; falls: ChangeEntry[] } {
  const entries = figures.wards
    .map((ward) => ({
      code: ward.code,
      name: ward.name,
      change: statistics.wards.get(ward.code)?.changes[0] ?? null,
    }))
    .filter((entry): entry is ChangeEntry => entry.change !== null);
  const byName = (a: ChangeEntry, b: ChangeEntry) => a.name.localeCompare(b.name, 'en-GB');
  return {
    rises: entries
      .filter((entry) => entry.change.absolute > 0)
      .sort((a, b) => b.change.absolute - a.change.absolute || byName(a, b))
      .slice(0, count),
    falls: entries
      .filter((entry) => entry.change.absolute < 0)
      .sort((a, b) => a.change.absolute - b.change.absolute || byName(a, b))
      .slice(0, count),
  };
}
