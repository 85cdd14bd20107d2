/**
 * Figures as text for the table, tooltips and exports, with publication mode applied: a count
 * from 1 to the threshold shows as "<5", and the rate, interval and change built on it are hidden.
 */

import { formatCount, formatRate } from '../data/numberFormat.ts';
import type { Change } from './change.ts';
import type { HotspotClass } from './hotspots.ts';
import type { Comparison, Interval } from './intervals.ts';
import { isSuppressed, suppressedText } from './suppression.ts';

/** The suppression threshold in force, or null when publication mode is off. */
export type SuppressAt = number | null;

export const HIDDEN = '–';

export function countText(count: number, suppressAt: SuppressAt): string {
  return isSuppressed(count, suppressAt)
    ? suppressedText(suppressAt as number)
    : formatCount(count);
}

export function rateText(count: number, rate: number | null, suppressAt: SuppressAt): string {
  return isSuppressed(count, suppressAt) ? HIDDEN : formatRate(rate);
}

/** "12.2 to 30.9" in the units of the figure (counts or rates). */
export function intervalText(
  interval: Interval | null,
  count: number,
  measure: 'count' | 'rate',
  suppressAt: SuppressAt,
): string {
  if (interval === null || isSuppressed(count, suppressAt)) return HIDDEN;
  const format =
    measure === 'rate' ? formatRate : (value: number) => formatCount(Math.round(value * 10) / 10);
  return `${format(interval.lower)} to ${format(interval.upper)}`;
}

export interface ChangeDisplay {
  /** "+12 (+30.0%)" */
  text: string;
  /** ▲ or ▼ for a rise or fall, empty otherwise; shown beside the text, never alone. */
  arrow: string;
  /** Whether the change is more than chance at the 5% level. */
  significant: boolean;
  /** The same in words, for screen readers and exports. */
  words: string;
}

export function changeDisplay(change: Change | null, suppressAt: SuppressAt): ChangeDisplay | null {
  if (
    change === null ||
    isSuppressed(change.current, suppressAt) ||
    isSuppressed(change.previous, suppressAt)
  ) {
    return null;
  }
  const sign = change.absolute > 0 ? '+' : change.absolute < 0 ? '−' : '';
  const absolute = `${sign}${formatCount(Math.abs(change.absolute))}`;
  const percent =
    change.percent === null ? '' : ` (${sign}${formatRate(Math.abs(change.percent))}%)`;
  const direction = change.absolute > 0 ? 'up' : change.absolute < 0 ? 'down' : 'no change';
  const significance = change.significant ? 'significant' : 'not significant';
  return {
    text: `${absolute}${percent}`,
    arrow: change.absolute > 0 ? '▲' : change.absolute < 0 ? '▼' : '',
    significant: change.significant,
    words: `${direction} ${formatCount(Math.abs(change.absolute))}${percent}, ${significance} (p = ${change.pValue < 0.001 ? '< 0.001' : change.pValue.toFixed(3)})`,
  };
}

export const COMPARISON_TEXT: Readonly<Record<Comparison, string>> = {
  higher: 'Higher',
  lower: 'Lower',
  similar: 'Similar',
};

export const HOTSPOT_SHORT_TEXT: Readonly<Record<HotspotClass, string>> = {
  hot99: 'Hot 99%',
  hot95: 'Hot 95%',
  hot90: 'Hot 90%',
  none: '–',
  cold90: 'Cold 90%',
  cold95: 'Cold 95%',
  cold99: 'Cold 99%',
};
