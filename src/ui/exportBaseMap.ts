/**
 * The base map shown on screen, drawn for an export (the PNG, the briefing): null when none is
 * shown. The drawing code loads only then.
 */
import type { BaseMapSettings } from '../data/baseMapSettings.ts';
import { type BaseMapImage, mapBoxFor } from '../export/mapSvg.ts';
import type { Bounds } from '../geo/wardSet.ts';
import { CONFIGURED_TILE_SERVICE } from '../map/configuredTileService.ts';
import { baseMapAttribution, shownBaseMap } from '../map/shownBaseMap.ts';

export async function exportBaseMapImage(
  settings: BaseMapSettings,
  bounds: Bounds,
  heading: string | null,
  scale: number,
): Promise<BaseMapImage | null> {
  const shown = shownBaseMap(settings, CONFIGURED_TILE_SERVICE);
  const attribution = baseMapAttribution(shown);
  if (!shown || !attribution) return null;
  const { baseMapImage } = await import('../map/baseMapImage.ts');
  const box = mapBoxFor(heading, attribution);
  const href = await baseMapImage(shown, bounds, box, scale);
  return { href, attribution, opacity: settings.opacity, box };
}
