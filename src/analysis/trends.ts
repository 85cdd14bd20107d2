/**
 * Monthly trends: for each theme, the selected ward's offences month by month against the
 * average ward of its area (the area's total divided by its number of wards).
 */
import { monthIndex, monthKey } from '../data/calendar.ts';
import { themeIndices } from '../data/dataset.ts';
import type { ThemeInfo } from '../data/themes.ts';
import type { FigureInputs } from './areaFigures.ts';
import { monthlyTotals } from './series.ts';

export interface ThemeTrend {
  theme: ThemeInfo;
  ward: Float64Array;
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
  const areaCodes = inputs.area.wardIndices.map((index) => inputs.wards.wards[index]?.code ?? '');
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
    const wardCount = Math.max(1, areaCodes.length);
    return { theme, ward, areaAverage: area.map((value) => value / wardCount) };
  });
  return { months, wardCode, themes: result };
}
