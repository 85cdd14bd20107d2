/**
 * Sums over the offence cube: per ward for the map and table, per time slot for the heatmap.
 * These run on every filter change, so they are plain loops over the typed array.
 */
import {
  cellOffset,
  HOURS_PER_WEEK,
  type OffenceCube,
  SLOT_COUNT,
  timeSlot,
} from '../data/cube.ts';
import { ALL_THEMES, DEDUPLICATED_ALL_THEME, type ThemeId } from '../data/themes.ts';

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

/**
 * Cube themes that make up a theme choice. "All serious violence" uses the file's deduplicated
 * total when it has one, so that an offence in two themes counts once; otherwise every theme.
 */
export function themeIndices(cube: OffenceCube, theme: ThemeId): number[] {
  if (theme === ALL_THEMES) {
    const deduplicated = cube.themes.indexOf(DEDUPLICATED_ALL_THEME);
    if (deduplicated >= 0) return [deduplicated];
    return cube.themes.map((_, index) => index);
  }
  const index = cube.themes.indexOf(theme);
  return index >= 0 ? [index] : [];
}

function monthRange(cube: OffenceCube, query: CubeQuery): [number, number] {
  const from = Math.max(0, query.monthFrom - cube.firstMonth);
  const to = Math.min(cube.monthCount - 1, query.monthTo - cube.firstMonth);
  return [from, to];
}

/** Total per cube ward (same order as cube.wardCodes). */
export function totalsByWard(cube: OffenceCube, query: CubeQuery): Float64Array {
  const wardCount = cube.wardCodes.length;
  const totals = new Float64Array(wardCount);
  const [from, to] = monthRange(cube, query);
  const { counts } = cube;
  const mask = query.slots;
  for (const theme of query.themes) {
    for (let month = from; month <= to; month += 1) {
      let offset = cellOffset(cube, theme, month, 0);
      for (let ward = 0; ward < wardCount; ward += 1, offset += SLOT_COUNT) {
        let sum = 0;
        if (mask === null) {
          for (let slot = 0; slot < SLOT_COUNT; slot += 1) sum += counts[offset + slot] as number;
        } else {
          for (let slot = 0; slot < HOURS_PER_WEEK; slot += 1) {
            if (mask[slot] === 1) sum += counts[offset + slot] as number;
          }
        }
        totals[ward] = (totals[ward] as number) + sum;
      }
    }
  }
  return totals;
}

/** Total per time slot over the given cube wards (all wards of the cube when null). */
export function totalsBySlot(
  cube: OffenceCube,
  query: CubeQuery,
  wards: readonly number[] | null,
): Float64Array {
  const totals = new Float64Array(SLOT_COUNT);
  const [from, to] = monthRange(cube, query);
  const wardList = wards ?? cube.wardCodes.map((_, index) => index);
  const { counts } = cube;
  for (const theme of query.themes) {
    for (let month = from; month <= to; month += 1) {
      for (const ward of wardList) {
        const offset = cellOffset(cube, theme, month, ward);
        for (let slot = 0; slot < SLOT_COUNT; slot += 1) {
          totals[slot] = (totals[slot] as number) + (counts[offset + slot] as number);
        }
      }
    }
  }
  return totals;
}
