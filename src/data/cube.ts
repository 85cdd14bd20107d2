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
  /** SLOT_COUNT when the source gives times of day, 1 (unknown time only) when it does not. */
  slotsPerWard: number;
  /**
   * One block per theme and month, at theme * monthCount + month, of wardCodes.length ×
   * slotsPerWard counts summed over that month and every earlier month of the cube. Counts are
   * fractional where an offence's time was spread over several hours.
   */
  cumulative: Float32Array[];
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

/** Monthly counts of a page of wards; undefined until a ward of the page has a count. */
type Page = Float32Array | undefined;

/** Month keys a builder can hold: monthIndex accepts 1900 to 2200. */
const MONTH_KEYS = (2200 - 1900 + 1) * 12;

/**
 * Accumulates counts while a file streams through, without knowing in advance which themes,
 * months and wards it holds; `build` then lays them out as cumulative month blocks.
 *
 * Each month's counts grow in pages of a fixed number of wards, so a new ward never copies what
 * is already there, and `build` copies each page once into the final block and lets it go: the
 * builder never holds two copies of the counts (all of London over five years is about 140 MB).
 */
export class CubeBuilder {
  private readonly themeIds = new Map<ThemeId, number>();
  private readonly wardIds = new Map<string, number>();
  /** pages[theme][month - FIRST_MONTH_INDEX][ward >> pageShift]: monthly counts of a page of wards. */
  private readonly pages: (Page[] | undefined)[][] = [];
  private readonly pageShift: number;
  private readonly pageLength: number;
  private minMonth = Number.POSITIVE_INFINITY;
  private maxMonth = Number.NEGATIVE_INFINITY;
  readonly slotsPerWard: number;
  /** Number of additions that landed on a (theme, month, ward, slot) already filled. */
  repeatedKeys = 0;

  /** `timed`: whether the source gives times of day. */
  constructor(timed = true) {
    this.slotsPerWard = timed ? SLOT_COUNT : 1;
    // 64 wards of 169 slots (43 kB) keep the spare room of a timed cube under 64 wards; untimed
    // cubes are small enough for one page of 4,096 wards.
    this.pageShift = timed ? 6 : 12;
    this.pageLength = (1 << this.pageShift) * this.slotsPerWard;
  }

  themeId(theme: ThemeId): number {
    let id = this.themeIds.get(theme);
    if (id === undefined) {
      id = this.themeIds.size;
      this.themeIds.set(theme, id);
      this.pages.push(new Array(MONTH_KEYS).fill(undefined));
    }
    return id;
  }

  wardId(code: string): number {
    let id = this.wardIds.get(code);
    if (id === undefined) {
      id = this.wardIds.size;
      this.wardIds.set(code, id);
    }
    return id;
  }

  /** Adds a count by ids from themeId() and wardId(); month is an absolute month index. */
  addAt(themeId: number, month: number, wardId: number, slot: number, count: number): void {
    const months = this.pages[themeId] as (Page[] | undefined)[];
    const key = month - FIRST_MONTH_INDEX;
    let pages = months[key];
    if (pages === undefined) {
      pages = [];
      months[key] = pages;
      if (month < this.minMonth) this.minMonth = month;
      if (month > this.maxMonth) this.maxMonth = month;
    }
    const pageIndex = wardId >> this.pageShift;
    let page = pages[pageIndex];
    if (page === undefined) {
      // Fill any pages before it, so that the array stays packed.
      for (let index = pages.length; index < pageIndex; index += 1) pages.push(undefined);
      page = new Float32Array(this.pageLength);
      pages[pageIndex] = page;
    }
    const offset =
      (wardId - (pageIndex << this.pageShift)) * this.slotsPerWard +
      (this.slotsPerWard === SLOT_COUNT ? slot : 0);
    const before = page[offset] as number;
    if (before !== 0) this.repeatedKeys += 1;
    page[offset] = before + count;
  }

  add(theme: ThemeId, month: number, wardCode: string, slot: number, count: number): void {
    this.addAt(this.themeId(theme), month, this.wardId(wardCode), slot, count);
  }

  /** Lays the pages out as cumulative blocks. The builder must not be used afterwards. */
  build(): OffenceCube {
    const themes = [...this.themeIds.keys()];
    const wardCodes = [...this.wardIds.keys()];
    const empty = this.minMonth > this.maxMonth;
    const firstMonth = empty ? 0 : this.minMonth;
    const monthCount = empty ? 0 : this.maxMonth - this.minMonth + 1;
    const length = wardCodes.length * this.slotsPerWard;
    const cumulative: Float32Array[] = [];
    for (const months of this.pages) {
      let previous: Float32Array | null = null;
      for (let month = 0; month < monthCount; month += 1) {
        const key = firstMonth + month - FIRST_MONTH_INDEX;
        const block = new Float32Array(length);
        (months[key] ?? []).forEach((page, index) => {
          if (page === undefined) return;
          const at = index * this.pageLength;
          block.set(at + page.length <= length ? page : page.subarray(0, length - at), at);
        });
        // Let the pages go as soon as they are copied.
        months[key] = undefined;
        if (previous)
          for (let index = 0; index < length; index += 1)
            block[index] = (block[index] as number) + (previous[index] as number);
        cumulative.push(block);
        previous = block;
      }
    }
    this.pages.length = 0;
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
