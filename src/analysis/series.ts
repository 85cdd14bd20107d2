/** Monthly series from an offence cube: one total per month for chosen wards and themes. */
import type { OffenceCube } from '../data/cube.ts';

/**
 * Totals per month from `monthFrom` to `monthTo` (absolute month indices, inclusive) over the
 * given cube wards; months outside the cube are 0. Cumulative blocks give a month as the
 * difference of consecutive blocks.
 */
export function monthlyTotals(
  cube: OffenceCube,
  themes: readonly number[],
  wards: readonly number[],
  monthFrom: number,
  monthTo: number,
): Float64Array {
  const totals = new Float64Array(Math.max(0, monthTo - monthFrom + 1));
  const stride = cube.slotsPerWard;
  const sumAt = (theme: number, month: number) => {
    const block = cube.cumulative[theme * cube.monthCount + month];
    if (!block) return 0;
    let sum = 0;
    for (const ward of wards) {
      for (let slot = 0, offset = ward * stride; slot < stride; slot += 1, offset += 1)
        sum += block[offset] as number;
    }
    return sum;
  };
  for (const theme of themes) {
    let previous = 0;
    const first = cube.firstMonth;
    for (let month = 0; month < cube.monthCount; month += 1) {
      const cumulative = sumAt(theme, month);
      const position = first + month - monthFrom;
      if (position >= 0 && position < totals.length)
        totals[position] = (totals[position] as number) + cumulative - previous;
      previous = cumulative;
    }
  }
  return totals;
}
