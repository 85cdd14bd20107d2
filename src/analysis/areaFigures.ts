/**
 * Everything the map, legend, ward table and heatmap show for one view, computed in one place so
 * that they always agree.
 */
import { monthIndex } from '../data/calendar.ts';
import { type OffenceCube, SLOT_COUNT, UNKNOWN_TIME_SLOT } from '../data/cube.ts';
import { type Dataset, describeTheme, themeIndices } from '../data/dataset.ts';
import type { WardPopulation } from '../data/population.ts';
import type { ThemeId, ThemeInfo } from '../data/themes.ts';
import type { Area, Ward, WardSet } from '../geo/wardSet.ts';
import { slotMask, type TimeFilter, totalsBySlot, totalsByWard } from './aggregate.ts';
import { type Classification, type ClassMethod, classIndex, classify } from './classify.ts';
import { monthsCovered, themeSpan } from './dataCoverage.ts';
import { type PeriodPreset, personYears, rateUnit } from './periods.ts';
import { competitionRanks, tiedRanks } from './ranks.ts';
import { ratePerThousand } from './rates.ts';
import { isSuppressed } from './suppression.ts';

export type Measure = 'count' | 'rate';

export interface FigureView {
  area: string;
  theme: ThemeId;
  from: string | null;
  to: string | null;
  /** The preset that chose the period, which decides its comparisons; null for a custom one. */
  preset?: PeriodPreset | null;
  measure: Measure;
  ward: string | null;
  time: TimeFilter | null;
  /** Quantile classes of five when not given. */
  classes?: ClassChoice;
}

export interface WardFigure {
  index: number;
  code: string;
  name: string;
  /** Borough name, shown beside the ward name when the area spans boroughs. */
  ladName: string;
  /** Offences in the period; null where the loaded data does not cover the ward (no data, not 0). */
  count: number | null;
  /** Months of the period the data covers for this ward: 0 where it has no data. */
  months: number;
  /** The denominator of the rate for this theme, or null when unknown. */
  population: number | null;
  /** Per 1,000 of the population per year (annualised over the months covered). */
  rate: number | null;
  /** The figure for the chosen measure. */
  value: number | null;
  /** Null for wards with no data, and for suppressed wards in publication mode. */
  rank: number | null;
  classIndex: number | null;
  /** Publication mode hides this ward's count (1 to the threshold): it has no rank or class. */
  suppressed: boolean;
}

export interface Heatmap {
  /** 168 cells: weekday (Mon = 0) × 24 + hour. */
  cells: Float64Array;
  unknownTime: number;
  total: number;
  max: number;
  /** Ward code when the heatmap is for the selected ward, null for the whole area. */
  ward: string | null;
  /** False when no source of the theme gives times of day (the MPS monthly series). */
  timesKnown: boolean;
}

export interface AreaFigures {
  area: Area;
  /** The theme shown, as the loaded data describes it. */
  theme: ThemeInfo;
  /** Area wards in name order. */
  wards: WardFigure[];
  /** Code of the selected ward when it is in the area. */
  selectedWard: string | null;
  /** Wards with a rank: those with data (and, for rates, a population), less suppressed ones. */
  rankedCount: number;
  /** Ranks that two or more wards share ("joint 3rd"). */
  tiedRanks: ReadonlySet<number>;
  classification: Classification | null;
  /** Offences over the wards with data. */
  total: number;
  /** "residents" or "residents aged 10-24": what the rate divides by. */
  denominator: string;
  /** "per 1,000 residents", or "per 1,000 residents per year" for periods other than a year. */
  rateUnit: string;
  /** Months the rate is annualised from: those the data covers, else the period's. */
  rateMonths: number;
  /** Length of the period shown, in months. */
  periodMonths: number;
  /** The most months of it that the data covers for any ward: 0 when there is no data at all. */
  monthsCovered: number;
  /** Wards the loaded data does not cover for this theme and period. */
  noDataWards: number;
  /** Wards whose counts publication mode hides (0 outside publication mode). */
  suppressedWards: number;
  heatmap: Heatmap;
}

export const DEFAULT_CLASS_COUNT = 5;

/** How the map's classes are made: method, number of classes (3 to 7), and the user's own breaks. */
export interface ClassChoice {
  method: ClassMethod;
  count: number;
  breaks: number[];
}

export const DEFAULT_CLASSES: ClassChoice = {
  method: 'quantile',
  count: DEFAULT_CLASS_COUNT,
  breaks: [],
};

export interface FigureInputs {
  wards: WardSet;
  area: Area;
  datasets: readonly Dataset[];
  populations: ReadonlyMap<string, WardPopulation> | null;
  view: FigureView;
}

function rateDenominator(
  denominator: ThemeInfo['denominator'],
  populations: ReadonlyMap<string, WardPopulation> | null,
): { label: string; of: (code: string) => number | null } {
  const useYouth =
    denominator === 'residents_10_24' &&
    populations !== null &&
    [...populations.values()].some((population) => population.population10to24 !== null);
  if (useYouth) {
    return {
      label: 'residents aged 10–24',
      of: (code) => populations?.get(code)?.population10to24 ?? null,
    };
  }
  return { label: 'residents', of: (code) => populations?.get(code)?.population ?? null };
}

/**
 * An area's wards in name order, sorted once per area: sorting all of London's 704 names on
 * every filter change would cost a tenth of the change.
 */
const wardsByName = new WeakMap<Area, { wards: WardSet; sorted: Ward[] }>();

function areaWardsByName(wards: WardSet, area: Area): Ward[] {
  const cached = wardsByName.get(area);
  if (cached?.wards === wards) return cached.sorted;
  const sorted = area.wardIndices
    .map((index) => wards.wards[index])
    .filter((ward) => ward !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  wardsByName.set(area, { wards, sorted });
  return sorted;
}

/** Position in the cube of each of the wards (-1 when the cube has none), worked out once. */
const positionsByCube = new WeakMap<OffenceCube, WeakMap<readonly Ward[], Int32Array>>();

function cubePositions(cube: OffenceCube, wards: readonly Ward[]): Int32Array {
  let byWards = positionsByCube.get(cube);
  if (!byWards) {
    byWards = new WeakMap();
    positionsByCube.set(cube, byWards);
  }
  let positions = byWards.get(wards);
  if (!positions) {
    const index = new Map(cube.wardCodes.map((code, position) => [code, position]));
    positions = Int32Array.from(wards, (ward) => index.get(ward.code) ?? -1);
    byWards.set(wards, positions);
  }
  return positions;
}

/** Ranks and classes of the wards' values: wards without a value have neither. */
function rankAndClassify(
  figures: WardFigure[],
  classes: ClassChoice,
): Pick<AreaFigures, 'classification' | 'rankedCount' | 'tiedRanks'> & { figures: WardFigure[] } {
  const values = figures.map((figure) => (figure.suppressed ? null : figure.value));
  const ranks = competitionRanks(values);
  const classified = values.filter((value): value is number => value !== null);
  const classification =
    classified.length > 0
      ? classify(
          classified,
          Math.min(classes.count, classified.length),
          classes.method,
          classes.breaks,
        )
      : null;
  const ranked = figures.map((figure, position) => {
    const value = values[position] ?? null;
    return {
      ...figure,
      rank: ranks[position] ?? null,
      classIndex:
        classification && value !== null ? classIndex(classification.thresholds, value) : null,
    };
  });
  return {
    figures: ranked,
    classification,
    rankedCount: ranks.filter((rank) => rank !== null).length,
    tiedRanks: tiedRanks(ranks),
  };
}

export function computeAreaFigures({
  wards,
  area,
  datasets,
  populations,
  view,
}: FigureInputs): AreaFigures {
  const areaWards = areaWardsByName(wards, area);
  const selectedAt =
    view.ward === null ? -1 : areaWards.findIndex((ward) => ward.code === view.ward);
  const selected = selectedAt >= 0 ? view.ward : null;
  const span = themeSpan(datasets, view.theme);
  const period = {
    first: monthIndex(view.from ?? '') ?? span?.first ?? 0,
    last: monthIndex(view.to ?? '') ?? span?.last ?? -1,
  };
  const periodMonths = Math.max(0, period.last - period.first + 1);
  const months = monthsCovered(datasets, view.theme, wards, areaWards, period);

  // Counts per area ward (in areaWards order) and per time slot, summed over every dataset that
  // carries the theme.
  const counts = new Float64Array(areaWards.length);
  const slots = new Float64Array(SLOT_COUNT);
  const slotFilter = slotMask(view.time);
  let timesKnown = false;
  for (const dataset of datasets) {
    const { cube } = dataset;
    const themes = themeIndices(dataset, view.theme);
    if (themes.length === 0 || cube.monthCount === 0) continue;
    const query = { themes, monthFrom: period.first, monthTo: period.last, slots: slotFilter };
    const positions = cubePositions(cube, areaWards);
    const byCubeWard = totalsByWard(cube, query);
    positions.forEach((position, at) => {
      if (position >= 0) counts[at] = (counts[at] as number) + (byCubeWard[position] as number);
    });
    const heatmapWards = (
      selected === null ? [...positions] : [positions[selectedAt] as number]
    ).filter((position) => position >= 0);
    const bySlot = totalsBySlot(cube, { ...query, slots: null }, heatmapWards);
    for (let slot = 0; slot < SLOT_COUNT; slot += 1)
      slots[slot] = (slots[slot] as number) + (bySlot[slot] as number);
    if (cube.slotsPerWard > 1) timesKnown = true;
  }
  const theme = describeTheme(datasets, view.theme);
  const denominator = rateDenominator(theme.denominator, populations);

  const figures: WardFigure[] = areaWards.map((ward, at) => {
    const wardMonths = months[at] as number;
    const count = wardMonths > 0 ? (counts[at] as number) : null;
    const population = denominator.of(ward.code);
    const rate =
      count === null || population === null
        ? null
        : ratePerThousand(count, personYears(population, wardMonths));
    return {
      index: ward.index,
      code: ward.code,
      name: ward.name,
      ladName: ward.ladName,
      count,
      months: wardMonths,
      population,
      rate,
      value: view.measure === 'count' ? count : rate,
      rank: null,
      classIndex: null,
      suppressed: false,
    };
  });
  const ranked = rankAndClassify(figures, view.classes ?? DEFAULT_CLASSES);

  const cells = slots.subarray(0, UNKNOWN_TIME_SLOT);
  const unknownTime = slots[UNKNOWN_TIME_SLOT] as number;
  const known = cells.reduce((sum, value) => sum + value, 0);
  const monthsWithData = months.reduce((most, value) => Math.max(most, value), 0);

  return {
    area,
    theme,
    wards: ranked.figures,
    selectedWard: selected,
    rankedCount: ranked.rankedCount,
    tiedRanks: ranked.tiedRanks,
    classification: ranked.classification,
    total: figures.reduce((sum, figure) => sum + (figure.count ?? 0), 0),
    denominator: denominator.label,
    rateUnit: rateUnit(denominator.label, monthsWithData || periodMonths),
    rateMonths: monthsWithData || periodMonths,
    periodMonths,
    monthsCovered: monthsWithData,
    noDataWards: figures.filter((figure) => figure.count === null).length,
    suppressedWards: 0,
    heatmap: {
      cells,
      unknownTime,
      total: known + unknownTime,
      max: cells.reduce((max, value) => Math.max(max, value), 0),
      ward: selected,
      timesKnown,
    },
  };
}

/**
 * The figures as publication mode shows them: a ward whose count is suppressed (1 to the
 * threshold) has no rank and no class, and the others are ranked and classed among themselves,
 * so that no rank, order or class break gives a hidden count away. Null leaves them as they are.
 */
export function withDisclosureControl(
  figures: AreaFigures,
  suppressAt: number | null,
  classes: ClassChoice = DEFAULT_CLASSES,
): AreaFigures {
  if (suppressAt === null) return figures;
  const marked = figures.wards.map((ward) => ({
    ...ward,
    suppressed: ward.count !== null && isSuppressed(ward.count, suppressAt),
  }));
  const suppressedWards = marked.filter((ward) => ward.suppressed).length;
  if (suppressedWards === 0) return figures;
  const ranked = rankAndClassify(marked, classes);
  return {
    ...figures,
    wards: ranked.figures,
    rankedCount: ranked.rankedCount,
    tiedRanks: ranked.tiedRanks,
    classification: ranked.classification,
    suppressedWards,
  };
}
