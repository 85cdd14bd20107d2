/**
 * The statistics a tasking meeting needs beside each ward's figure: its confidence interval, how
 * it compares with the area, how it changed, whether it is a hot spot, and its rank in London.
 * Built on computeAreaFigures, run again for the comparison periods and for all of London.
 */

import { monthIndex, monthKey } from '../data/calendar.ts';
import { themeIndices } from '../data/dataset.ts';
import { ALL_LONDON_AREA } from '../geo/areas.ts';
import { findArea } from '../geo/wardSet.ts';
import { type AreaFigures, computeAreaFigures, type FigureInputs } from './areaFigures.ts';
import { type Change, compareCounts } from './change.ts';
import { type HotspotResult, hotspots } from './hotspots.ts';
import {
  type Comparison,
  compareWithBenchmark,
  countInterval,
  type Interval,
  rateInterval,
} from './intervals.ts';

export interface WardStatistics {
  code: string;
  /** 95% interval of the figure shown (count or rate). */
  interval: Interval | null;
  /** Rate compared with the area's rate. */
  comparison: Comparison | null;
  /** Against the period of the same length just before; null when the data does not cover it. */
  previous: Change | null;
  /** Against the same months a year earlier. */
  yearEarlier: Change | null;
  hotspot: HotspotResult;
  /** Rank among all London wards, when the data covers London. */
  londonRank: number | null;
}

export interface Period {
  from: string;
  to: string;
}

export interface AreaStatistics {
  wards: Map<string, WardStatistics>;
  /** Offences per 1,000 residents over the area's wards with a population. */
  areaRate: number | null;
  previousPeriod: Period | null;
  yearEarlierPeriod: Period | null;
  /** Number of London wards ranked, when London ranks are given. */
  londonRanked: number | null;
}

/** Share of London's wards that must have data before London ranks mean anything. */
const LONDON_COVERAGE = 0.9;

export function shiftedPeriod(from: string, to: string, months: number): Period | null {
  const first = monthIndex(from);
  const last = monthIndex(to);
  if (first === null || last === null) return null;
  return { from: monthKey(first - months), to: monthKey(last - months) };
}

/** The months the theme's datasets cover, as indices. */
function themeSpan(inputs: FigureInputs): { first: number; last: number } | null {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const dataset of inputs.datasets) {
    if (themeIndices(dataset, inputs.view.theme).length === 0 || dataset.cube.monthCount === 0)
      continue;
    first = Math.min(first, dataset.cube.firstMonth);
    last = Math.max(last, dataset.cube.firstMonth + dataset.cube.monthCount - 1);
  }
  return first <= last ? { first, last } : null;
}

function covered(
  period: Period | null,
  span: { first: number; last: number } | null,
): period is Period {
  if (!period || !span) return false;
  const from = monthIndex(period.from) as number;
  const to = monthIndex(period.to) as number;
  return from >= span.first && to <= span.last;
}

function countsFor(inputs: FigureInputs, period: Period): Map<string, number> {
  const figures = computeAreaFigures({
    ...inputs,
    view: { ...inputs.view, ...period, measure: 'count', ward: null },
  });
  return new Map(figures.wards.map((ward) => [ward.code, ward.count]));
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

export function computeAreaStatistics(inputs: FigureInputs, figures: AreaFigures): AreaStatistics {
  const { view } = inputs;
  const withPopulation = figures.wards.filter(
    (ward) => ward.population !== null && ward.population > 0,
  );
  const population = withPopulation.reduce((sum, ward) => sum + (ward.population as number), 0);
  const areaRate =
    population > 0
      ? (withPopulation.reduce((sum, ward) => sum + ward.count, 0) / population) * 1000
      : null;

  const span = themeSpan(inputs);
  const length =
    view.from && view.to
      ? (monthIndex(view.to) as number) - (monthIndex(view.from) as number) + 1
      : 0;
  const previousPeriod = view.from && view.to ? shiftedPeriod(view.from, view.to, length) : null;
  const yearEarlierPeriod = view.from && view.to ? shiftedPeriod(view.from, view.to, 12) : null;
  const previousCounts = covered(previousPeriod, span) ? countsFor(inputs, previousPeriod) : null;
  const yearEarlierCounts = covered(yearEarlierPeriod, span)
    ? countsFor(inputs, yearEarlierPeriod)
    : null;

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
  const london = londonRanks(inputs);

  const wards = new Map<string, WardStatistics>();
  for (const ward of figures.wards) {
    const interval =
      view.measure === 'rate'
        ? ward.population
          ? rateInterval(ward.count, ward.population)
          : null
        : countInterval(ward.count);
    const scoredAt = position.get(ward.index);
    const previous = previousCounts?.get(ward.code);
    const yearEarlier = yearEarlierCounts?.get(ward.code);
    wards.set(ward.code, {
      code: ward.code,
      interval,
      comparison: compareWithBenchmark(ward.count, ward.population, areaRate),
      previous: previous === undefined ? null : compareCounts(ward.count, previous),
      yearEarlier: yearEarlier === undefined ? null : compareCounts(ward.count, yearEarlier),
      hotspot:
        scoredAt === undefined
          ? { z: null, pValue: null, qValue: null, hotspotClass: 'none' }
          : (hotspotResults[scoredAt] as HotspotResult),
      londonRank: london?.ranks.get(ward.code) ?? null,
    });
  }
  return {
    wards,
    areaRate,
    previousPeriod: previousCounts ? previousPeriod : null,
    yearEarlierPeriod: yearEarlierCounts ? yearEarlierPeriod : null,
    londonRanked: london?.ranked ?? null,
  };
}

export interface ChangeEntry {
  code: string;
  name: string;
  change: Change;
}

/** The largest rises and falls against the previous period, biggest absolute change first. */
export function biggestChanges(
  figures: AreaFigures,
  statistics: AreaStatistics,
  count = 5,
): { rises: ChangeEntry[]; falls: ChangeEntry[] } {
  const entries = figures.wards
    .map((ward) => ({
      code: ward.code,
      name: ward.name,
      change: statistics.wards.get(ward.code)?.previous ?? null,
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
