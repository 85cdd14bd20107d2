/**
 * Sums over an offence cube: per ward for the map and table, per time slot for the heatmap.
 * These run on every filter change. Blocks are cumulative over months, so a period is the block
 * of its last month minus the block of the month before it: the cost does not grow with its length.
 */
import {
  type CountBlock,
  HOURS_PER_WEEK,
  type OffenceCube,
  SLOT_COUNT,
  timeSlot,
  UNKNOWN_TIME_SLOT,
} from '../data/cube.ts';

/** Hours of the day from `hourFrom` to `hourTo` inclusive (wrapping past midnight when from > to),
 * on one weekday (Mon = 0) or on every day. */
export interface TimeFilter {
  weekday: number | null;
  hourFrom: number;
  hourTo: number;
}

export interface CubeQuery {
  /** Indices into cube.themes. */
  themes: readonly number[];
  /** Absolute month indices, inclusive. */
  monthFrom: number;
  monthTo: number;
  /** 1 for each slot to include; null includes every slot, unknown time too. */
  slots: Uint8Array | null;
}

export function hoursInFilter(filter: TimeFilter): number[] {
  const hours: number[] = [];
  for (let step = 0; step < 24; step += 1) {
    const hour = (filter.hourFrom + step) % 24;
    hours.push(hour);
    if (hour === filter.hourTo) break;
  }
  return hours;
}

/** Slots of a time filter. Offences with unknown time are left out whenever a filter applies. */
export function slotMask(filter: TimeFilter | null): Uint8Array | null {
  if (filter === null) return null;
  const mask = new Uint8Array(SLOT_COUNT);
  const days = filter.weekday === null ? [0, 1, 2, 3, 4, 5, 6] : [filter.weekday];
  for (const day of days) {
    for (const hour of hoursInFilter(filter)) mask[timeSlot(day, hour)] = 1;
  }
  return mask;
}

/** The cumulative blocks bounding a period, or null when the period misses the cube. */
function periodBlocks(
  cube: OffenceCube,
  theme: number,
  query: CubeQuery,
): { upper: CountBlock; lower: CountBlock | null } | null {
  const from = Math.max(0, query.monthFrom - cube.firstMonth);
  const to = Math.min(cube.monthCount - 1, query.monthTo - cube.firstMonth);
  if (from > to) return null;
  const upper = cube.cumulative[theme * cube.monthCount + to];
  if (!upper) return null;
  const lower = from > 0 ? (cube.cumulative[theme * cube.monthCount + from - 1] ?? null) : null;
  return { upper, lower };
}

/** The known-time slots a mask includes, in increasing order. */
function maskedSlots(mask: Uint8Array): Int32Array {
  const slots: number[] = [];
  for (let slot = 0; slot < HOURS_PER_WEEK; slot += 1) if (mask[slot] === 1) slots.push(slot);
  return Int32Array.from(slots);
}

/** Total per cube ward (same order as cube.wardCodes). */
export function totalsByWard(cube: OffenceCube, query: CubeQuery): Float64Array {
  const wardCount = cube.wardCodes.length;
  const stride = cube.slotsPerWard;
  const totals = new Float64Array(wardCount);
  const mask = query.slots;
  // An untimed cube holds only unknown times, which any time filter leaves out.
  if (mask !== null && stride !== SLOT_COUNT) return totals;
  // Only the slots the filter keeps are visited, in the same order as a pass over the mask.
  const slots = mask === null ? null : maskedSlots(mask);
  for (const theme of query.themes) {
    const blocks = periodBlocks(cube, theme, query);
    if (!blocks) continue;
    const { upper, lower } = blocks;
    for (let ward = 0, offset = 0; ward < wardCount; ward += 1, offset += stride) {
      let sum = 0;
      if (slots === null) {
        for (let slot = 0; slot < stride; slot += 1) sum += upper[offset + slot] as number;
        if (lower)
          for (let slot = 0; slot < stride; slot += 1) sum -= lower[offset + slot] as number;
      } else if (lower) {
        for (const slot of slots)
          sum += (upper[offset + slot] as number) - (lower[offset + slot] as number);
      } else {
        for (const slot of slots) sum += upper[offset + slot] as number;
      }
      totals[ward] = (totals[ward] as number) + sum;
    }
  }
  return totals;
}

/** Total per time slot (SLOT_COUNT long) over the given cube wards, all of them when null. */
export function totalsBySlot(
  cube: OffenceCube,
  query: CubeQuery,
  wards: readonly number[] | null,
): Float64Array {
  const totals = new Float64Array(SLOT_COUNT);
  const stride = cube.slotsPerWard;
  const first = stride === SLOT_COUNT ? 0 : UNKNOWN_TIME_SLOT;
  const wardList = wards ?? cube.wardCodes.map((_, index) => index);
  for (const theme of query.themes) {
    const blocks = periodBlocks(cube, theme, query);
    if (!blocks) continue;
    const { upper, lower } = blocks;
    for (const ward of wardList) {
      const offset = ward * stride;
      if (lower) {
        for (let slot = 0; slot < stride; slot += 1)
          totals[first + slot] =
            (totals[first + slot] as number) +
            ((upper[offset + slot] as number) - (lower[offset + slot] as number));
      } else {
        for (let slot = 0; slot < stride; slot += 1)
          totals[first + slot] =
            (totals[first + slot] as number) + (upper[offset + slot] as number);
      }
    }
  }
  return totals;
}
