/**
 * The Services page's part of the view, which a link carries: the reach (a straight-line distance), what need is,
 * which services count, and the gap rule. `?reach=1000&need=priority&stype=Youth+hub&gap=third-50`
 */
import type { GapRule } from './gaps.ts';

/** Reach in a straight line: 800 m is about ten minutes' walk as the crow flies. */
export const DEFAULT_REACH_METRES = 800;
export const MIN_REACH_METRES = 400;
export const MAX_REACH_METRES = 2000;

/** Need: the theme's figure for the chosen measure, or the Priorities page's combined score. */
export type NeedMeasure = 'theme' | 'priority';
export type TopShare = 'quarter' | 'third' | 'half';

export interface ServicesView {
  reachMetres: number;
  need: NeedMeasure;
  /** Coverage by a service of this type; null for a service of any type. */
  serviceType: string | null;
  /** High need: the top quarter, third or half of the area's wards. */
  topShare: TopShare;
  /** Low coverage: less than this percentage of the ward's area within reach. */
  coverageBelowPercent: number;
}

export const DEFAULT_SERVICES_VIEW: ServicesView = {
  reachMetres: DEFAULT_REACH_METRES,
  need: 'theme',
  serviceType: null,
  topShare: 'third',
  coverageBelowPercent: 50,
};

export const TOP_SHARES: Readonly<Record<TopShare, { fraction: number; label: string }>> = {
  quarter: { fraction: 1 / 4, label: 'top quarter' },
  third: { fraction: 1 / 3, label: 'top third' },
  half: { fraction: 1 / 2, label: 'top half' },
};

export function gapRuleOf(view: ServicesView): GapRule {
  return {
    topShare: TOP_SHARES[view.topShare].fraction,
    coverageBelow: view.coverageBelowPercent / 100,
  };
}

export function validReach(metres: number): boolean {
  return Number.isInteger(metres) && metres >= MIN_REACH_METRES && metres <= MAX_REACH_METRES;
}

export function validCoveragePercent(percent: number): boolean {
  return Number.isInteger(percent) && percent >= 1 && percent <= 100;
}

/** What coverage is of: "any Youth hub", or "any service". */
export function serviceTypeText(type: string | null): string {
  return type === null ? 'any service' : `any ${type}`;
}

/** The gap rule in words, for the page and the CSV. */
export function describeGapRule(view: ServicesView, typeText: string): string {
  return `need in the ${TOP_SHARES[view.topShare].label} of the area’s wards and less than ${view.coverageBelowPercent}% of the ward’s area within ${view.reachMetres} m of ${typeText}`;
}
