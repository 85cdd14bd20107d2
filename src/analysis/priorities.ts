/**
 * Priorities across themes: each ward's rank in each theme, a combined score that is the
 * weighted mean of those ranks (1 is the highest ward), and the wards that are in the top N of
 * every theme. The method is simple on purpose, so a tasking meeting can check it by hand.
 */
import type { ThemeInfo } from '../data/themes.ts';
import { computeAreaFigures, type FigureInputs } from './areaFigures.ts';
import { competitionRanks } from './ranks.ts';

export interface PriorityRow {
  /** Position of the ward in the input arrays. */
  ward: number;
  /** Rank in each theme (1 = highest), null where the ward has no value for it. */
  themeRanks: (number | null)[];
  /** Weighted mean of the ranks the ward has; lower is higher priority. */
  score: number | null;
  /** Rank by score (1 = first priority). */
  priority: number | null;
  /** In the top N of every theme. */
  topInEveryTheme: boolean;
}

/**
 * `values[t][w]`: the figure (count or rate) of ward w in theme t. `weights[t]` defaults to 1;
 * a weight of 0 leaves a theme out of the score. Wards missing a theme are scored on the others,
 * with the weights rescaled.
 */
export function prioritise(
  values: readonly (readonly (number | null)[])[],
  weights: readonly number[],
  topN: number,
): PriorityRow[] {
  const wardCount = values[0]?.length ?? 0;
  const ranks = values.map((themeValues) => competitionRanks(themeValues));
  const rows: PriorityRow[] = Array.from({ length: wardCount }, (_, ward) => {
    const themeRanks = ranks.map((themeRanks) => themeRanks[ward] ?? null);
    let weighted = 0;
    let totalWeight = 0;
    themeRanks.forEach((rank, theme) => {
      const weight = weights[theme] ?? 1;
      if (rank !== null && weight > 0) {
        weighted += rank * weight;
        totalWeight += weight;
      }
    });
    return {
      ward,
      themeRanks,
      score: totalWeight > 0 ? weighted / totalWeight : null,
      priority: null,
      topInEveryTheme:
        themeRanks.length > 0 && themeRanks.every((rank) => rank !== null && rank <= topN),
    };
  });
  // Lower scores first: rank the negated scores with the usual highest-first ranking.
  const priorities = competitionRanks(rows.map((row) => (row.score === null ? null : -row.score)));
  rows.forEach((row, index) => {
    row.priority = priorities[index] ?? null;
  });
  return rows;
}

export interface AreaPriorities {
  themes: ThemeInfo[];
  /** Area wards in name order, as in AreaFigures. */
  wards: { code: string; name: string; values: (number | null)[] }[];
  rows: PriorityRow[];
  weights: number[];
  topN: number;
}

/** Priorities for the area's wards over the given themes, by the view's measure and period. */
export function areaPriorities(
  inputs: FigureInputs,
  themes: readonly ThemeInfo[],
  weights: Readonly<Record<string, number>>,
  topN: number,
): AreaPriorities {
  const perTheme = themes.map((theme) =>
    computeAreaFigures({ ...inputs, view: { ...inputs.view, theme: theme.id, ward: null } }),
  );
  const wards = (perTheme[0]?.wards ?? []).map((ward, position) => ({
    code: ward.code,
    name: ward.name,
    values: perTheme.map((figures) => figures.wards[position]?.value ?? null),
  }));
  // Own weights only: a theme id such as "constructor" is not a weight of every object.
  const themeWeights = themes.map((theme) =>
    Object.hasOwn(weights, theme.id) ? (weights[theme.id] as number) : 1,
  );
  const rows = prioritise(
    perTheme.map((figures) => figures.wards.map((ward) => ward.value)),
    themeWeights,
    topN,
  );
  return { themes: [...themes], wards, rows, weights: themeWeights, topN };
}
