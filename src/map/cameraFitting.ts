/** Where MapLibre must look to show an area as the exported image does. Pure. */
import type { Bounds } from '../geo/wardSet.ts';

/** MapLibre's world is 512 pixels wide at zoom 0. */
const WORLD_PIXELS = 512;

const mercatorY = (latitude: number) =>
  Math.log(Math.tan(Math.PI / 4 + (latitude * Math.PI) / 360));

/**
 * The centre and zoom at which MapLibre shows the bounds as large as they fit in a box of this
 * size, centred: what `fitMercator` does for the exported image.
 */
export function cameraFitting(
  bounds: Bounds,
  width: number,
  height: number,
): { center: [number, number]; zoom: number } {
  const [west, south, east, north] = bounds;
  const spanX = ((east - west) * Math.PI) / 180;
  const spanY = mercatorY(north) - mercatorY(south);
  const scales = [spanX > 0 ? width / spanX : Infinity, spanY > 0 ? height / spanY : Infinity];
  const scale = Math.min(...scales) === Infinity ? 1 : Math.min(...scales);
  const middleY = (mercatorY(north) + mercatorY(south)) / 2;
  const latitude = ((2 * Math.atan(Math.exp(middleY)) - Math.PI / 2) * 180) / Math.PI;
  return {
    center: [(west + east) / 2, latitude],
    zoom: Math.log2((scale * 2 * Math.PI) / WORLD_PIXELS),
  };
}
