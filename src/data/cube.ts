/**
 * The offence cube: counts by theme × month × ward × time slot, in one typed array so that a
 * filter change is a tight loop over memory rather than a walk over row objects.
 *
 * Time slots: weekday (Mon = 0) × 24 + hour for the 168 hours of the week, then one slot for
 * offences whose time is not known.
 */
import { FIRST_MONTH_INDEX } from './calendar.ts';
import type { ThemeId } from './themes.ts';

export const HOURS_PER_WEEK = 168;
export const UNKNOWN_TIME_SLOT = HOURS_PER_WEEK;
export const SLOT_COUNT = HOURS_PER_WEEK + 1;

export function timeSlot(weekday: number, hour: number): number {
  return weekday * 24 + hour;
}

export interface OffenceCube {
  themes: ThemeId[];
  /** Month index (year * 12 + month - 1) of the first month; months are contiguous. */
  firstMonth: number;
  monthCount: number;
  /** ONS codes of the wards that appear in the data, in cube order. */
  wardCodes: string[];
  /** Length themes × monthCount × wardCodes × SLOT_COUNT; fractional when times were spread. */
  counts: Float32Array;
}

/** Offset of the first slot of (theme, month, ward). */
export function cellOffset(cube: OffenceCube, theme: number, month: number, ward: number): number {
  return ((theme * cube.monthCount + month) * cube.wardCodes.length + ward) * SLOT_COUNT;
}

/**
 * Accumulates counts while a file streams through, without knowing in advance which themes,
 * months and wards it holds; `build` then lays them out densely.
 */
export class CubeBuilder {
  private readonly themeIndex = new Map<ThemeId, number>();
  private readonly wardIndex = new Map<string, number>();
  private readonly blocks = new Map<number, Float32Array>();
  private minMonth = Number.POSITIVE_INFINITY;
  private maxMonth = Number.NEGATIVE_INFINITY;
  /** Number of add() calls that landed on a (theme, month, ward, slot) already filled. */
  repeatedKeys = 0;

  add(theme: ThemeId, month: number, wardCode: string, slot: number, count: number): void {
    const themeId = this.indexOf(this.themeIndex, theme);
    const wardId = this.indexOf(this.wardIndex, wardCode);
    // theme < 2^9, months since 1900 < 2^14, ward < 2^16: the key stays far below 2^53.
    const key = (themeId * 16384 + (month - FIRST_MONTH_INDEX)) * 65536 + wardId;
    let block = this.blocks.get(key);
    if (!block) {
      block = new Float32Array(SLOT_COUNT);
      this.blocks.set(key, block);
    }
    if (block[slot] !== 0) this.repeatedKeys += 1;
    block[slot] = (block[slot] ?? 0) + count;
    if (month < this.minMonth) this.minMonth = month;
    if (month > this.maxMonth) this.maxMonth = month;
  }

  private indexOf(index: Map<string, number>, key: string): number {
    let value = index.get(key);
    if (value === undefined) {
      value = index.size;
      index.set(key, value);
    }
    return value;
  }

  build(): OffenceCube {
    const themes = [...this.themeIndex.keys()];
    const wardCodes = [...this.wardIndex.keys()];
    const empty = this.blocks.size === 0;
    const firstMonth = empty ? 0 : this.minMonth;
    const monthCount = empty ? 0 : this.maxMonth - this.minMonth + 1;
    const cube: OffenceCube = {
      themes,
      firstMonth,
      monthCount,
      wardCodes,
      counts: new Float32Array(themes.length * monthCount * wardCodes.length * SLOT_COUNT),
    };
    for (const [key, block] of this.blocks) {
      const wardId = key % 65536;
      const rest = (key - wardId) / 65536;
      const month = (rest % 16384) + FIRST_MONTH_INDEX;
      const themeId = Math.floor(rest / 16384);
      cube.counts.set(block, cellOffset(cube, themeId, month - firstMonth, wardId));
    }
    return cube;
  }
}
