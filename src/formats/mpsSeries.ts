/**
 * What the Metropolitan Police's public monthly series (ward crime, VAWG, knife crime) have in
 * common: monthly counts with no time of day, and report notes that say so.
 */

import { monthKey, monthLabel } from '../data/calendar.ts';
import { formatCount } from '../data/numberFormat.ts';

/** The rejection category of rows that name no ward of the loaded boundaries. */
export const NOT_MAPPED = 'Not mapped to a ward';

export const MONTH_RECORDED_NOTE =
  'MPS figures count offences by the month they were recorded and give no time of day.';

/** The first and last month index a file holds, widened as rows arrive. */
export class MonthRange {
  first = Number.POSITIVE_INFINITY;
  last = Number.NEGATIVE_INFINITY;

  include(month: number): void {
    if (month < this.first) this.first = month;
    if (month > this.last) this.last = month;
  }

  /** The report's first notes: "Months covered: Apr 2010 to Feb 2024 (167 months).", or none
   * before any month. */
  notes(): string[] {
    if (this.first > this.last) return [];
    const count = this.last - this.first + 1;
    return [
      `Months covered: ${monthLabel(monthKey(this.first))} to ${monthLabel(monthKey(this.last))} (${formatCount(count)} ${count === 1 ? 'month' : 'months'}).`,
    ];
  }
}

/** "7,035 rows" / "1 row" */
export function rowCount(count: number): string {
  return `${formatCount(count)} ${count === 1 ? 'row' : 'rows'}`;
}
