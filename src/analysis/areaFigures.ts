/**
 * Everything the map, legend, ward table and heatmap show for one view, computed in one place so
 * that they always agree.
 */
import { monthIndex } from '../data/calendar.ts';
import { type OffenceCube, SLOT_COUNT, UNKNOWN_TIME_SLOT } from '../data/cube.ts';
import type { WardPopulation } from '../data/population.ts';
import { isYouthTheme, type ThemeId } from '../data/themes.ts';
import type { Area, WardSet } from '../geo/wardSet.ts';
import {
  slotMask,
  type TimeFilter,
  themeIndices,
  totalsBySlot,
  totalsByWard,
} from './aggregate.ts';
import { type Classification, classIndex, classify } from './classify.ts';
import { competitionRanks } from './ranks.ts';
import { ratePerThousand } from './rates.ts';

export type Measure = 'count' | 'rate';

export interface FigureView {
  area: string;
  theme: ThemeId;
  from: string | null;
  to: string | null;
  measure: Measure;
  ward: string | null;
  time: TimeFilter | null;
}

export interface WardFigure {
  index: number;
  code: string;
  name: string;
  /** Borough name, shown beside the ward name when the area spans boroughs. */
  ladName: string;
  count: number;
  /** The denominator of the rate for this theme, or null when unknown. */
  population: number | null;
  rate: number | null;
  /** The figure for the chosen measure. */
  value: number | null;
  rank: number | null;
  classIndex: number | null;
}

export interface Heatmap {
  /** 168 cells: weekday (Mon = 0) × 24 + hour. */
  cells: Float64Array;
  unknownTime: number;
  total: number;
  max: number;
  /** Ward code when the heatmap is for the selected ward, null for the whole area. */
  ward: string | null;
}

export interface AreaFigures {
  area: Area;
  /** Area wards in name order. */
  wards: WardFigure[];
  /** Code of the selected ward when it is in the area. */
  selectedWard: string | null;
  /** Wards with a rank: all of them for counts, those with a population for rates. */
  rankedCount: number;
  classification: Classification | null;
  total: number;
  /** "residents" or "residents aged 10-24": what the rate divides by. */
  denominator: string;
  heatmap: Heatmap;
}

export const DEFAULT_CLASS_COUNT = 5;

export interface FigureInputs {
  wards: WardSet;
  area: Area;
  cube: OffenceCube | null;
  populations: ReadonlyMap<string, WardPopulation> | null;
  view: FigureView;
}

function rateDenominator(
  theme: ThemeId,
  populations: ReadonlyMap<string, WardPopulation> | null,
): { label: string; of: (code: string) => number | null } {
  const useYouth =
    isYouthTheme(theme) &&
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

export function computeAreaFigures({
  wards,
  area,
  cube,
  populations,
  view,
}: FigureInputs): AreaFigures {
  const areaWards = area.wardIndices
    .map((index) => wards.wards[index])
    .filter((ward) => ward !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));

  const cubeWardOf = new Map(cube?.wardCodes.map((code, index) => [code, index]) ?? []);
  const query = cube
    ? {
        themes: themeIndices(cube, view.theme),
        monthFrom: monthIndex(view.from ?? '') ?? cube.firstMonth,
        monthTo: monthIndex(view.to ?? '') ?? cube.firstMonth + cube.monthCount - 1,
        slots: slotMask(view.time),
      }
    : null;
  const byCubeWard = cube && query ? totalsByWard(cube, query) : new Float64Array(0);
  const denominator = rateDenominator(view.theme, populations);

  const figures: WardFigure[] = areaWards.map((ward) => {
    const cubeWard = cubeWardOf.get(ward.code);
    const count = cubeWard === undefined ? 0 : (byCubeWard[cubeWard] as number);
    const population = denominator.of(ward.code);
    const rate = ratePerThousand(count, population);
    return {
      index: ward.index,
      code: ward.code,
      name: ward.name,
      ladName: ward.ladName,
      count,
      population,
      rate,
      value: view.measure === 'count' ? count : rate,
      rank: null,
      classIndex: null,
    };
  });

  const ranks = competitionRanks(figures.map((figure) => figure.value));
  const classified = figures
    .map((figure) => figure.value)
    .filter((value): value is number => value !== null);
  const classification =
    classified.length > 0
      ? classify(classified, Math.min(DEFAULT_CLASS_COUNT, classified.length))
      : null;
  figures.forEach((figure, position) => {
    figure.rank = ranks[position] ?? null;
    figure.classIndex =
      classification && figure.value !== null
        ? classIndex(classification.thresholds, figure.value)
        : null;
  });

  const selected =
    view.ward !== null && figures.some((figure) => figure.code === view.ward) ? view.ward : null;
  const heatmapWards = (selected === null ? areaWards.map((ward) => ward.code) : [selected])
    .map((code) => cubeWardOf.get(code))
    .filter((index): index is number => index !== undefined);
  const slots =
    cube && query
      ? totalsBySlot(cube, { ...query, slots: null }, heatmapWards)
      : new Float64Array(SLOT_COUNT);
  const cells = slots.subarray(0, UNKNOWN_TIME_SLOT);
  const unknownTime = slots[UNKNOWN_TIME_SLOT] as number;
  const known = cells.reduce((sum, value) => sum + value, 0);

  return {
    area,
    wards: figures,
    selectedWard: selected,
    rankedCount: ranks.filter((rank) => rank !== null).length,
    classification,
    total: figures.reduce((sum, figure) => sum + figure.count, 0),
    denominator: denominator.label,
    heatmap: {
      cells,
      unknownTime,
      total: known + unknownTime,
      max: cells.reduce((max, value) => Math.max(max, value), 0),
      ward: selected,
    },
  };
}
