/**
 * Priorities across themes: each ward's rank in each theme with the figures behind it (count,
 * rate, change, hot spot), a combined score that is the weighted mean of those ranks (1 is the
 * highest ward), and in how many themes each ward is in the top N. The method is simple on
 * purpose, so a tasking meeting can check it by hand; ties stay ties.
 */
import type { ThemeId, ThemeInfo } from '../data/themes.ts';
import {
  type AreaFigures,
  computeAreaFigures,
  type FigureInputs,
  type WardFigure,
  withDisclosureControl,
} from './areaFigures.ts';
import type { Change } from './change.ts';
import type { HotspotClass } from './hotspots.ts';
import { competitionRanks, tiedRanks } from './ranks.ts';
import { type AreaStatistics, computeAreaStatistics } from './wardStatistics.ts';

export interface PriorityRow {
  /** Position of the ward in the input arrays. */
  ward: number;
  /** Rank in each theme (1 = highest), null where the ward has no value for it. */
  themeRanks: (number | null)[];
  /** Weighted mean of the ranks the ward has; lower is higher priority. */
  score: number | null;
  /** Rank by score (1 = first priority); wards with the same score share it. */
  priority: number | null;
  /** Another ward has the same priority. */
  tied: boolean;
  /** Number of themes (of those weighted above 0) in which the ward is in the top N. */
  topThemes: number;
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
    let topThemes = 0;
    themeRanks.forEach((rank, theme) => {
      const weight = weights[theme] ?? 1;
      if (rank !== null && weight > 0) {
        weighted += rank * weight;
        totalWeight += weight;
        if (rank <= topN) topThemes += 1;
      }
    });
    return {
      ward,
      themeRanks,
      score: totalWeight > 0 ? weighted / totalWeight : null,
      priority: null,
      tied: false,
      topThemes,
    };
  });
  // Lower scores first: rank the negated scores with the usual highest-first ranking. Scores are
  // rounded to 1e-9 so that equal means reached by different sums tie, as they are equal.
  const priorities = competitionRanks(
    rows.map((row) => (row.score === null ? null : -Math.round(row.score * 1e9) / 1e9)),
  );
  const tied = tiedRanks(priorities);
  rows.forEach((row, index) => {
    row.priority = priorities[index] ?? null;
    row.tied = row.priority !== null && tied.has(row.priority);
  });
  return rows;
}

/** A theme's default weight in the combined score, and why. */
export interface DefaultWeight {
  weight: number;
  reason: string;
}

const DEFAULT_WEIGHTS: Readonly<Record<ThemeId, DefaultWeight>> = {
  possession_of_weapons: {
    weight: 0.5,
    reason:
      'Half weight: recorded when police find a weapon (stop and search, warrants), so its count reflects police activity as much as where violence happens.',
  },
  vawg: {
    weight: 0.5,
    reason:
      'Half weight: the MPS flag takes in domestic abuse and sexual offences, which count again in their own themes when loaded.',
  },
  knife_crime: {
    weight: 0.5,
    reason:
      'Half weight: includes knife crime with injury, which counts again in its own theme when loaded.',
  },
};

const FULL_WEIGHT: DefaultWeight = {
  weight: 1,
  reason: 'Full weight: offences against victims, recorded as reported.',
};

export function defaultWeight(theme: ThemeId): DefaultWeight {
  return DEFAULT_WEIGHTS[theme] ?? FULL_WEIGHT;
}

/** The figures behind one ward's rank in one theme. */
export interface ThemeFigures {
  count: number | null;
  rate: number | null;
  /** The figure ranked: count or rate. */
  value: number | null;
  rank: number | null;
  /** Against the first comparison period. */
  change: Change | null;
  hotspot: HotspotClass;
}

export interface AreaPriorities {
  themes: ThemeInfo[];
  /** Per theme, as computed for the view's measure and period. */
  themeFigures: AreaFigures[];
  themeStatistics: AreaStatistics[];
  /** Area wards in name order, as in AreaFigures, with their figures in each theme. */
  wards: { code: string; name: string; themes: ThemeFigures[] }[];
  rows: PriorityRow[];
  weights: number[];
  topN: number;
}

function themeFiguresOf(ward: WardFigure, statistics: AreaStatistics): ThemeFigures {
  const wardStatistics = statistics.wards.get(ward.code);
  return {
    count: ward.count,
    rate: ward.rate,
    value: ward.value,
    rank: ward.rank,
    change: wardStatistics?.changes[0] ?? null,
    hotspot: wardStatistics?.hotspot.hotspotClass ?? 'none',
  };
}

/**
 * Priorities for the area's wards over the given themes, by the view's measure and period.
 * `weights` holds the user's weights; a theme without one takes its default. In publication mode
 * (`suppressAt`) a ward's suppressed count gives it no rank in that theme.
 */
export function areaPriorities(
  inputs: FigureInputs,
  themes: readonly ThemeInfo[],
  weights: Readonly<Record<string, number>>,
  topN: number,
  suppressAt: number | null = null,
): AreaPriorities {
  const perTheme = themes.map((theme) => {
    const themeInputs = { ...inputs, view: { ...inputs.view, theme: theme.id, ward: null } };
    const figures = computeAreaFigures(themeInputs);
    return {
      figures: withDisclosureControl(figures, suppressAt, inputs.view.classes),
      statistics: computeAreaStatistics(themeInputs, figures),
    };
  });
  const wards = (perTheme[0]?.figures.wards ?? []).map((ward, position) => ({
    code: ward.code,
    name: ward.name,
    themes: perTheme.map(({ figures, statistics }) =>
      themeFiguresOf(figures.wards[position] as WardFigure, statistics),
    ),
  }));
  // Own weights only: a theme id such as "constructor" is not a weight of every object.
  const themeWeights = themes.map((theme) =>
    Object.hasOwn(weights, theme.id)
      ? (weights[theme.id] as number)
      : defaultWeight(theme.id).weight,
  );
  const rows = prioritise(
    perTheme.map(({ figures }) => figures.wards.map((ward) => ward.value)),
    themeWeights,
    topN,
  );
  return {
    themes: [...themes],
    themeFigures: perTheme.map(({ figures }) => figures),
    themeStatistics: perTheme.map(({ statistics }) => statistics),
    wards,
    rows,
    weights: themeWeights,
    topN,
  };
}
