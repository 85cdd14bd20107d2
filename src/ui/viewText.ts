/** Words the dashboard's panels share: the view's period and hours, ward names, and reasons. */

import { useCallback } from 'react';
import type { AreaFigures, WardFigure } from '../analysis/areaFigures.ts';
import { describePeriod, describeTime } from '../analysis/describeView.ts';
import { suppressionFor } from '../analysis/suppression.ts';
import type { AreaStatistics } from '../analysis/wardStatistics.ts';
import { wardReasons } from '../analysis/whyStatements.ts';
import { wardByCode } from '../geo/wardSet.ts';
import { useAppStore } from '../state/store.ts';

/** Names wards by their codes (hot spot neighbours in the reasons). */
export function useWardName(): (code: string) => string {
  const wards = useAppStore((state) => state.wards);
  return useCallback((code) => wardByCode(wards, code)?.name ?? code, [wards]);
}

/** The view's period, and its hours when the heatmap picked some. */
export function usePeriodText(): string {
  const from = useAppStore((state) => state.from);
  const to = useAppStore((state) => state.to);
  const time = useAppStore((state) => state.time);
  return [describePeriod(from, to), describeTime(time)].filter(Boolean).join(', ');
}

/**
 * Why a ward is where it is, in the view's period, measure and disclosure control; brief for a
 * numbered list whose heading and figures say the rest.
 */
export function useWhyStatements(
  figures: AreaFigures,
  statistics: AreaStatistics | null,
): (ward: WardFigure, brief?: boolean) => string[] {
  const measure = useAppStore((state) => state.measure);
  const suppressAt = useAppStore((state) => suppressionFor(state.publication));
  const period = usePeriodText();
  const nameOf = useWardName();
  return (ward, brief = false) =>
    wardReasons({ figures, area: statistics, period, measure, suppressAt, nameOf, brief }, ward);
}
