/** Words for the current view, used in captions so each table says what it shows. */

import { WEEKDAY_NAMES } from '../data/calendar.ts';
import { formatHourRange } from '../data/numberFormat.ts';
import type { TimeFilter } from './aggregate.ts';
import { periodText } from './periods.ts';

export function describePeriod(from: string | null, to: string | null): string {
  return from === null || to === null ? 'no period' : periodText({ from, to });
}

export function describeTime(time: TimeFilter | null): string | null {
  if (time === null) return null;
  const days = time.weekday === null ? 'every day' : `${WEEKDAY_NAMES[time.weekday]}s`;
  return `${formatHourRange(time.hourFrom, time.hourTo)}, ${days}`;
}

export function describeView(view: {
  /** The theme's label, as the loaded data describes it. */
  themeLabel: string;
  from: string | null;
  to: string | null;
  time: TimeFilter | null;
}): string {
  const time = describeTime(view.time);
  return [view.themeLabel, describePeriod(view.from, view.to), time].filter(Boolean).join(', ');
}
