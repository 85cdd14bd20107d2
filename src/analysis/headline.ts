/**
 * The area's headline: its total with the change against the first comparison and whether the
 * change is more than chance. In publication mode, when some ward counts are hidden, the total is
 * given as the range those counts allow and the change without figures, so that subtracting the
 * wards shown from the total cannot give a hidden count away.
 */
import { formatCount, formatRate } from '../data/numberFormat.ts';
import type { AreaFigures } from './areaFigures.ts';
import { isNoise, pValueText, type SuppressAt } from './display.ts';
import { comparisonText } from './periods.ts';
import type { AreaStatistics } from './wardStatistics.ts';

export interface AreaHeadline {
  /** "1,721", or "1,714 to 1,726" when publication mode hides some wards' counts. */
  total: string;
  /** Why the total is a range, when it is. */
  totalNote: string | null;
  /** "up 4.1% against Sep 2025 to Nov 2025 (the 3 months before): not significant (p = 0.310)" */
  change: string | null;
  /** Whether the change is significant at the 5% level (for emphasis; the words say it too). */
  significant: boolean;
}

export function areaHeadline(
  figures: AreaFigures,
  statistics: AreaStatistics | null,
  suppressAt: SuppressAt,
): AreaHeadline {
  const hidden = figures.wards.filter((ward) => ward.suppressed);
  const shown = figures.wards.reduce(
    (sum, ward) => sum + (ward.suppressed ? 0 : (ward.count ?? 0)),
    0,
  );
  const ranged = suppressAt !== null && hidden.length > 0;
  const total = ranged
    ? `${formatCount(shown + hidden.length)} to ${formatCount(shown + hidden.length * suppressAt)}`
    : formatCount(figures.total);
  const change = statistics?.areaChanges[0] ?? null;
  const comparison = statistics?.comparisons[0] ?? null;
  let changeText: string | null = null;
  if (change && comparison) {
    const direction = change.absolute > 0 ? 'up' : change.absolute < 0 ? 'down' : 'no change';
    const verdict = isNoise(change)
      ? 'too few offences to tell from noise'
      : change.significant
        ? 'significant'
        : 'not significant';
    const size =
      ranged || change.percent === null || direction === 'no change'
        ? ''
        : ` ${formatRate(Math.abs(change.percent))}%`;
    const pValue = ranged ? '' : ` (${pValueText(change.pValue)})`;
    changeText = `${direction}${size} ${comparisonText(comparison)}: ${verdict}${pValue}`;
  }
  return {
    total,
    totalNote: ranged
      ? `${hidden.length} ${hidden.length === 1 ? 'ward’s count is' : 'wards’ counts are'} hidden, each 1 to ${suppressAt}`
      : null,
    change: changeText,
    significant: change?.significant ?? false,
  };
}
