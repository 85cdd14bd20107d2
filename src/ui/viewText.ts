/** Words the dashboard's panels share: the view's period and hours, and ward names. */

import { useCallback } from 'react';
import { describePeriod, describeTime } from '../analysis/describeView.ts';
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
