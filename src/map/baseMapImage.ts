/**
 * The base map drawn once, off screen, as a PNG for the exported map and the briefing: the same
 * style as on screen, fitted to the image's map box as the export's Web Mercator fits the area
 * (export/mapSvg.ts), so the wards drawn over it line up. Loaded only when a base map is shown.
 */
import * as maplibregl from 'maplibre-gl';
import type { Bounds } from '../geo/wardSet.ts';
import { styleFor } from './baseMap.ts';
import { cameraFitting } from './cameraFitting.ts';
import type { ShownBaseMap } from './shownBaseMap.ts';
import { serviceRequests } from './tileService.ts';

/** Tiles that do not come (a service out of reach) should not hold up the export for long. */
const RENDER_TIMEOUT_MS = 20_000;

/** A PNG (data: URL) of the base map over the bounds, `pixelRatio` times the box's size. */
export async function baseMapImage(
  shown: ShownBaseMap,
  bounds: Bounds,
  box: { width: number; height: number },
  pixelRatio: number,
): Promise<string> {
  const container = document.createElement('div');
  container.className = 'off-screen-map';
  container.style.width = `${box.width}px`;
  container.style.height = `${box.height}px`;
  document.body.append(container);
  const { center, zoom } = cameraFitting(bounds, box.width, box.height);
  const map = new maplibregl.Map({
    container,
    style: styleFor(shown),
    center,
    zoom,
    interactive: false,
    attributionControl: false,
    pixelRatio,
    fadeDuration: 0,
    // The canvas is read after drawing, which WebGL allows only with its buffer kept.
    canvasContextAttributes: { preserveDrawingBuffer: true },
    transformRequest: serviceRequests(() => (shown.kind === 'service' ? shown.service : null)),
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('The base map did not finish drawing.')),
        RENDER_TIMEOUT_MS,
      );
      map.once('idle', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    return map.getCanvas().toDataURL('image/png');
  } finally {
    map.remove();
    container.remove();
  }
}
