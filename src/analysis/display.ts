/**
 * Figures as text for the table, tooltips and exports, with publication mode applied: a count
 * from 1 to the threshold shows as "<5", and the rate, interval and change built on it are hidden.
 */

import { formatCount, formatRate } from '../data/numberFormat.ts';
import type { Change } from './change.ts';
import type { HotspotClass } from './hotspots.ts';
import { type Comparison, FEW_OFFENCES, type Interval } from './intervals.ts';
import { ordinal } from './ranks.ts';
import { isSuppressed, suppressedText } from './suppression.ts';

/** The suppression threshold in force, or null when publication mode is off. */
export type SuppressAt = number | null;

export const HIDDEN = '–';

/** A ward or month the loaded data does not cover: never shown as 0. */
export const NO_DATA_TEXT = 'No data';

/** Whether publication mode hides this count; a ward with no data has nothing to hide. */
export function hidden(count: number | null, suppressAt: SuppressAt): boolean {
  return count !== null && isSuppressed(count, suppressAt);
}

export function countText(count: number | null, suppressAt: SuppressAt): string {
  if (count === null) return NO_DATA_TEXT;
  return isSuppressed(count, suppressAt)
    ? suppressedText(suppressAt as number)
    : formatCount(count);
}

export function rateText(
  count: number | null,
  rate: number | null,
  suppressAt: SuppressAt,
): string {
  if (count === null) return NO_DATA_TEXT;
  return isSuppressed(count, suppressAt) ? HIDDEN : formatRate(rate);
}

/** "12.2 to 30.9" in the units of the figure (counts or rates). */
export function intervalText(
  interval: Interval | null,
  count: number | null,
  measure: 'count' | 'rate',
  suppressAt: SuppressAt,
): string {
  if (interval === null || hidden(count, suppressAt)) return HIDDEN;
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
  /** Too few offences on both sides to tell a change from noise (and the test agrees). */
  noise: boolean;
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
  const noise = isNoise(change);
  const sign = change.absolute > 0 ? '+' : change.absolute < 0 ? '−' : '';
  const absolute = `${sign}${formatCount(Math.abs(change.absolute))}`;
  // A percentage of a handful of offences ("+200%" for 1 to 3) reads as more than it is.
  const percent =
    change.percent === null || noise ? '' : ` (${sign}${formatRate(Math.abs(change.percent))}%)`;
  const direction = change.absolute > 0 ? 'up' : change.absolute < 0 ? 'down' : 'no change';
  const significance = noise
    ? 'too few offences to tell from noise'
    : change.significant
      ? 'significant'
      : 'not significant';
  return {
    text: `${absolute}${percent}`,
    arrow: change.absolute > 0 ? '▲' : change.absolute < 0 ? '▼' : '',
    significant: change.significant,
    noise,
    words: `${direction} ${formatCount(Math.abs(change.absolute))}${percent}, ${significance} (${pValueText(change.pValue)})`,
  };
}

/** "p = 0.012", "p < 0.001" */
export function pValueText(pValue: number): string {
  return pValue < 0.001 ? 'p < 0.001' : `p = ${pValue.toFixed(3)}`;
}

/** Fewer than FEW_OFFENCES on both sides together, and not significant. */
export function isNoise(change: Change): boolean {
  return (
    !change.significant && Math.round(change.current) + Math.round(change.previous) < FEW_OFFENCES
  );
}

/** "3rd", or "joint 3rd" when another ward has the same figure. */
export function rankText(rank: number, tied: boolean): string {
  return tied ? `joint ${ordinal(rank)}` : ordinal(rank);
}

/** "3", or "=3" when tied, for tables. */
export function rankCell(rank: number | null, tied: boolean): string {
  if (rank === null) return HIDDEN;
  return tied ? `=${rank}` : String(rank);
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
