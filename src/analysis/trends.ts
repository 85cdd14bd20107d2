/**
 * Monthly trends: for each theme, the selected ward's offences month by month against the
 * average ward of its area (the area's total divided by its wards the data covers that month).
 * A month no file of the theme covers, for the ward or for every ward of the area, has no data
 * (NaN), never a zero: the chart leaves a gap there.
 */
import { monthIndex, monthKey } from '../data/calendar.ts';
import { themeIndices } from '../data/dataset.ts';
import type { ThemeInfo } from '../data/themes.ts';
import type { Ward } from '../geo/wardSet.ts';
import type { FigureInputs } from './areaFigures.ts';
import { monthsCovered } from './dataCoverage.ts';
import { monthlyTotals } from './series.ts';

export interface ThemeTrend {
  theme: ThemeInfo;
  /** Offences by month; NaN where the data does not cover the ward. */
  ward: Float64Array;
  /** The average covered ward by month; NaN where the data covers none of the area's wards. */
  areaAverage: Float64Array;
}

export interface Trends {
  /** YYYY-MM of each point. */
  months: string[];
  wardCode: string;
  themes: ThemeTrend[];
}

/** Trends need a year to show a pattern: shorter periods are extended back to 12 months. */
export const MIN_TREND_MONTHS = 12;

export function computeTrends(
  inputs: FigureInputs,
  wardCode: string,
  themes: readonly ThemeInfo[],
): Trends | null {
  const to = monthIndex(inputs.view.to ?? '');
  const from = monthIndex(inputs.view.from ?? '');
  if (to === null || from === null) return null;
  const first = Math.min(from, to - MIN_TREND_MONTHS + 1);
  const months = Array.from({ length: to - first + 1 }, (_, index) => monthKey(first + index));
  const areaWards = inputs.area.wardIndices
    .map((index) => inputs.wards.wards[index])
    .filter((ward): ward is Ward => ward !== undefined);
  const areaCodes = areaWards.map((ward) => ward.code);
  const selected = areaCodes.indexOf(wardCode);
  const result = themes.map((theme) => {
    const ward = new Float64Array(months.length);
    const area = new Float64Array(months.length);
    for (const dataset of inputs.datasets) {
      const indices = themeIndices(dataset, theme.id);
      if (indices.length === 0) continue;
      const position = new Map(dataset.cube.wardCodes.map((code, index) => [code, index]));
      const wardIndex = position.get(wardCode);
      const areaIndices = areaCodes
        .map((code) => position.get(code))
        .filter((index) => index !== undefined);
      if (wardIndex !== undefined) {
        monthlyTotals(dataset.cube, indices, [wardIndex], first, to).forEach((value, month) => {
          ward[month] = (ward[month] as number) + value;
        });
      }
      monthlyTotals(dataset.cube, indices, areaIndices, first, to).forEach((value, month) => {
        area[month] = (area[month] as number) + value;
      });
    }
    // Which of the area's wards the theme's data covers, month by month.
    const covered = months.map((_, month) =>
      monthsCovered(inputs.datasets, theme.id, inputs.wards, areaWards, {
        first: first + month,
        last: first + month,
      }),
    );
    const wardCovered = (month: number) => selected >= 0 && (covered[month]?.[selected] ?? 0) > 0;
    const coveredCount = (month: number) =>
      covered[month]?.reduce((count, value) => count + (value > 0 ? 1 : 0), 0) ?? 0;
    return {
      theme,
      ward: ward.map((value, month) => (wardCovered(month) ? value : Number.NaN)),
      areaAverage: area.map((value, month) =>
        coveredCount(month) > 0 ? value / coveredCount(month) : Number.NaN,
      ),
    };
  });
  return { months, wardCode, themes: result };
}
