/**
 * The offence cube: counts by theme × month × ward × time slot, in typed arrays so that a filter
 * change is a tight loop over memory rather than a walk over row objects.
 *
 * Counts are stored cumulatively over months: the block of month m holds the sum of months
 * 0..m. Any period is then one subtraction of two blocks, however long it is, which keeps filter
 * changes on all of London's wards over five years to a few milliseconds.
 *
 * Time slots: weekday (Mon = 0) × 24 + hour for the 168 hours of the week, then one slot for
 * offences whose time is not known. Sources with no time of day at all (the MPS monthly series)
 * keep only that last slot, which makes their cubes 169 times smaller.
 */
import { FIRST_MONTH_INDEX } from './calendar.ts';
import type { ThemeId } from './themes.ts';

export const HOURS_PER_WEEK = 168;
export const SLOT_COUNT = HOURS_PER_WEEK + 1;
export const UNKNOWN_TIME_SLOT = SLOT_COUNT - 1;

export function timeSlot(weekday: number, hour: number): number {
  return weekday * 24 + hour;
}

/**
 * A block of counts. Float32 holds every whole number up to 2^24 (16,777,216) exactly, so a
 * theme whose counts add up to no more keeps them in Float32Array, at half the memory; a theme
 * whose total passes it is kept in Float64Array, exact to 2^53.
 */
export type CountBlock = Float32Array | Float64Array;

/** The largest total a theme's Float32 blocks hold exactly. */
export const FLOAT32_EXACT_TOTAL = 2 ** 24;

export interface OffenceCube {
  themes: ThemeId[];
  /** Month index (year * 12 + month - 1) of the first month; months are contiguous. */
  firstMonth: number;
  monthCount: number;
  /** ONS codes of the wards that appear in the data, in cube order. */
  wardCodes: string[];
  /** SLOT_COUNT when the source gives times of day, 1 (unknown time only) when it does not. */
  slotsPerWard: number;
  /**
   * One block per theme and month, at theme * monthCount + month, of wardCodes.length ×
   * slotsPerWard counts summed over that month and every earlier month of the cube. Counts are
   * fractional where an offence's time was spread over several hours. A month without counts of
   * the theme shares the block before it (the months before the theme's first share one block of
   * zeros), so memory follows the months that hold data, not the span between them.
   */
  cumulative: CountBlock[];
}

/** The slot of a count in a cube of this shape: untimed cubes keep everything as unknown time. */
export function slotIndex(cube: Pick<OffenceCube, 'slotsPerWard'>, slot: number): number {
  return cube.slotsPerWard === SLOT_COUNT ? slot : 0;
}

/** Counts of one cell for one month (not cumulative), for tests and exports. */
export function monthlyCount(
  cube: OffenceCube,
  theme: number,
  month: number,
  ward: number,
  slot: number,
): number {
  const offset = ward * cube.slotsPerWard + slotIndex(cube, slot);
  const block = cube.cumulative[theme * cube.monthCount + month];
  const before = month > 0 ? cube.cumulative[theme * cube.monthCount + month - 1] : undefined;
  return ((block?.[offset] ?? 0) as number) - ((before?.[offset] ?? 0) as number);
}

/** Month keys a builder can hold: monthIndex accepts 1900 to 2200. */
const MONTH_KEYS = (2200 - 1900 + 1) * 12;

/** ES2024's ArrayBuffer.prototype.transfer, where the platform has it. */
type Transferable = ArrayBuffer & { transfer?: (byteLength: number) => ArrayBuffer };

/** A new block of `length` zeros, of the width asked. Its zeros take no memory until written. */
function newBlock(wide: boolean, length: number): CountBlock {
  return wide ? new Float64Array(length) : new Float32Array(length);
}

/**
 * The counts in a new block of `length` (zeros added or the end cut off), of the width asked.
 * The old block's memory is released at once (transferring its buffer to an empty one detaches
 * it) rather than when the garbage collector comes by, so that growing, widening or trimming
 * blocks never holds two copies of them.
 */
function resized(block: CountBlock, length: number, wide: boolean): CountBlock {
  const copy = newBlock(wide, length);
  copy.set(length < block.length ? block.subarray(0, length) : block);
  (block.buffer as Transferable).transfer?.(0);
  return copy;
}

/**
 * Accumulates counts while a file streams through, without knowing in advance which themes,
 * months and wards it holds; `build` then lays them out as cumulative month blocks.
 *
 * Each block has room for a number of wards that doubles when a new ward needs it (up to the
 * wards the file can name), and `build` trims the room left over. Both release the old block at
 * once (see `resized`), so that loading all of London over five years (a cube of about 140 MB)
 * needs about that much memory at its peak, not twice. Only months that hold counts get blocks.
 */
export class CubeBuilder {
  private readonly themeIds = new Map<ThemeId, number>();
  private readonly wardIds = new Map<string, number>();
  /** blocks[theme][month - FIRST_MONTH_INDEX]: monthly counts, wardCapacity × slotsPerWard long. */
  private readonly blocks: (CountBlock | undefined)[][] = [];
  /** Each theme's counts added so far, and whether its blocks are Float64 (see CountBlock). */
  private readonly totals: number[] = [];
  private readonly wide: boolean[] = [];
  private wardCapacity = 32;
  /** No file names more wards than the lookup knows: room never grows past them. */
  private readonly wardLimit: number;
  private minMonth = Number.POSITIVE_INFINITY;
  private maxMonth = Number.NEGATIVE_INFINITY;
  readonly slotsPerWard: number;
  /** Number of additions that landed on a (theme, month, ward, slot) already filled. */
  repeatedKeys = 0;

  /** `timed`: whether the source gives times of day; `wardLimit`: how many wards the file can
   * name at most (those of the ward lookup), when known. */
  constructor(timed = true, wardLimit = Number.POSITIVE_INFINITY) {
    this.slotsPerWard = timed ? SLOT_COUNT : 1;
    this.wardLimit = wardLimit;
  }

  themeId(theme: ThemeId): number {
    let id = this.themeIds.get(theme);
    if (id === undefined) {
      id = this.themeIds.size;
      this.themeIds.set(theme, id);
      // Every month key from the start, so that the array stays packed and quick to index.
      this.blocks.push(new Array(MONTH_KEYS).fill(undefined));
      this.totals.push(0);
      this.wide.push(false);
    }
    return id;
  }

  wardId(code: string): number {
    let id = this.wardIds.get(code);
    if (id === undefined) {
      id = this.wardIds.size;
      this.wardIds.set(code, id);
      if (id >= this.wardCapacity) this.growWards();
    }
    return id;
  }

  private growWards(): void {
    this.wardCapacity = Math.max(
      this.wardCapacity + 1,
      Math.min(this.wardCapacity * 2, this.wardLimit),
    );
    const length = this.wardCapacity * this.slotsPerWard;
    this.blocks.forEach((months, theme) => {
      months.forEach((block, key) => {
        if (block) months[key] = resized(block, length, this.wide[theme] as boolean);
      });
    });
  }

  /** Moves a theme's blocks to Float64, once its total passes what Float32 holds exactly. */
  private widen(theme: number): void {
    this.wide[theme] = true;
    const months = this.blocks[theme] as (CountBlock | undefined)[];
    months.forEach((block, key) => {
      if (block) months[key] = resized(block, block.length, true);
    });
  }

  /** Adds a count by ids from themeId() and wardId(); month is an absolute month index. */
  addAt(themeId: number, month: number, wardId: number, slot: number, count: number): void {
    const total = (this.totals[themeId] as number) + count;
    this.totals[themeId] = total;
    if (total > FLOAT32_EXACT_TOTAL && !this.wide[themeId]) this.widen(themeId);
    const months = this.blocks[themeId] as (CountBlock | undefined)[];
    const key = month - FIRST_MONTH_INDEX;
    let block = months[key];
    if (block === undefined) {
      block = newBlock(this.wide[themeId] as boolean, this.wardCapacity * this.slotsPerWard);
      months[key] = block;
      if (month < this.minMonth) this.minMonth = month;
      if (month > this.maxMonth) this.maxMonth = month;
    }
    const offset = wardId * this.slotsPerWard + (this.slotsPerWard === SLOT_COUNT ? slot : 0);
    const before = block[offset] as number;
    if (before !== 0) this.repeatedKeys += 1;
    block[offset] = before + count;
  }

  add(theme: ThemeId, month: number, wardCode: string, slot: number, count: number): void {
    this.addAt(this.themeId(theme), month, this.wardId(wardCode), slot, count);
  }

  /** Lays the blocks out cumulatively. The builder must not be used afterwards. */
  build(): OffenceCube {
    const themes = [...this.themeIds.keys()];
    const wardCodes = [...this.wardIds.keys()];
    const empty = this.minMonth > this.maxMonth;
    const firstMonth = empty ? 0 : this.minMonth;
    const monthCount = empty ? 0 : this.maxMonth - this.minMonth + 1;
    const length = wardCodes.length * this.slotsPerWard;
    const cumulative: CountBlock[] = [];
    this.blocks.forEach((months, theme) => {
      const wide = this.wide[theme] as boolean;
      let previous: CountBlock | null = null;
      for (let month = 0; month < monthCount; month += 1) {
        const key = firstMonth + month - FIRST_MONTH_INDEX;
        const raw = months[key];
        months[key] = undefined;
        if (raw === undefined) {
          // Nothing this month: the total so far, shared (zeros before the theme's first month).
          previous ??= newBlock(wide, length);
          cumulative.push(previous);
          continue;
        }
        const block = raw.length === length ? raw : resized(raw, length, wide);
        if (previous)
          for (let index = 0; index < length; index += 1)
            block[index] = (block[index] as number) + (previous[index] as number);
        cumulative.push(block);
        previous = block;
      }
    });
    this.blocks.length = 0;
    return {
      themes,
      firstMonth,
      monthCount,
      wardCodes,
      slotsPerWard: this.slotsPerWard,
      cumulative,
    };
  }
}
