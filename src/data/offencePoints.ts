/**
 * Offence locations (data.police.uk rows, partner extracts with coordinates): gathered while a
 * file streams through, and picked out for the point-density layer by theme and period.
 */
import { type Dataset, type OffencePoints, themeIndices } from './dataset.ts';
import type { ThemeId } from './themes.ts';

const INITIAL_CAPACITY = 1024;

/** Grows typed arrays as points arrive; `build` trims them to the points added. */
export class PointsBuilder {
  private longitude = new Float32Array(INITIAL_CAPACITY);
  private latitude = new Float32Array(INITIAL_CAPACITY);
  private theme = new Uint8Array(INITIAL_CAPACITY);
  private month = new Uint16Array(INITIAL_CAPACITY);
  count = 0;

  /** `theme` is the index of the point's theme in the builder's cube; `month` a month index. */
  add(longitude: number, latitude: number, theme: number, month: number): void {
    if (this.count === this.longitude.length) this.grow();
    this.longitude[this.count] = longitude;
    this.latitude[this.count] = latitude;
    this.theme[this.count] = theme;
    this.month[this.count] = month;
    this.count += 1;
  }

  private grow(): void {
    const grown = <T extends Float32Array | Uint8Array | Uint16Array>(array: T): T => {
      const copy = new (array.constructor as new (length: number) => T)(array.length * 2);
      copy.set(array);
      return copy;
    };
    this.longitude = grown(this.longitude);
    this.latitude = grown(this.latitude);
    this.theme = grown(this.theme);
    this.month = grown(this.month);
  }

  /** The points, or null when there are none. */
  build(): OffencePoints | null {
    if (this.count === 0) return null;
    return {
      longitude: this.longitude.slice(0, this.count),
      latitude: this.latitude.slice(0, this.count),
      theme: this.theme.slice(0, this.count),
      month: this.month.slice(0, this.count),
    };
  }
}

/**
 * Positions [lon0, lat0, lon1, lat1, ...] of the points of a theme (or "All serious violence")
 * from month `from` to month `to` (indices, inclusive), over every dataset that has points.
 */
export function pointsInView(
  datasets: readonly Pick<Dataset, 'themes' | 'replacedThemes' | 'points'>[],
  theme: ThemeId,
  from: number,
  to: number,
): Float32Array {
  let count = 0;
  const picks: { points: OffencePoints; themes: Uint8Array }[] = [];
  for (const dataset of datasets) {
    if (!dataset.points) continue;
    const wanted = new Uint8Array(256);
    for (const index of themeIndices(dataset, theme)) wanted[index] = 1;
    const { month, theme: pointTheme } = dataset.points;
    for (let point = 0; point < month.length; point += 1) {
      const pointMonth = month[point] as number;
      if (pointMonth >= from && pointMonth <= to && wanted[pointTheme[point] as number] === 1)
        count += 1;
    }
    picks.push({ points: dataset.points, themes: wanted });
  }
  const positions = new Float32Array(count * 2);
  let at = 0;
  for (const { points, themes } of picks) {
    for (let point = 0; point < points.month.length; point += 1) {
      const pointMonth = points.month[point] as number;
      if (pointMonth >= from && pointMonth <= to && themes[points.theme[point] as number] === 1) {
        positions[at] = points.longitude[point] as number;
        positions[at + 1] = points.latitude[point] as number;
        at += 2;
      }
    }
  }
  return positions;
}
