/**
 * Which base map the map shows, from the user's settings and the tile service the build
 * configured, and the credit it asks for. Small and pure: the screen, the PNG and the briefing
 * use it without loading the base map's code.
 */
import type { BaseMapFileInfo, BaseMapSettings } from '../data/baseMapSettings.ts';
import type { TileService } from './tileService.ts';

/** What the map shows under the wards. */
export type ShownBaseMap =
  | { kind: 'file'; file: BaseMapFileInfo }
  | { kind: 'service'; service: TileService };

export function shownBaseMap(
  settings: Pick<BaseMapSettings, 'choice' | 'file'>,
  service: TileService | null,
): ShownBaseMap | null {
  if (settings.choice === 'file' && settings.file) return { kind: 'file', file: settings.file };
  if (settings.choice === 'service' && service) return { kind: 'service', service };
  return null;
}

/** The credit the shown base map asks for, on the map, the PNG and the briefing. */
export function baseMapAttribution(shown: ShownBaseMap | null): string | null {
  if (!shown) return null;
  if (shown.kind === 'service') return shown.service.attribution;
  return shown.file.attribution ?? `Base map: ${shown.file.fileName}`;
}

const ROADS = /road|street|transport|highway|rail|path/i;

/**
 * The layer the ward colours go under, in a base map's style: its streets and names stay crisp
 * above the colours. Under the first road line when no area (buildings, parks) is drawn after
 * it, so the colours tint the land between the streets; otherwise under the first names, so that
 * areas drawn over roads (Protomaps' buildings) do not hide the colours. Undefined: on top (a
 * raster base map has neither).
 */
export function layerAboveChoropleth(
  layers: readonly { id: string; type: string; 'source-layer'?: string }[],
): string | undefined {
  const names = layers.findIndex((layer) => layer.type === 'symbol');
  const roads = layers.findIndex(
    (layer) => layer.type === 'line' && ROADS.test(`${layer.id} ${layer['source-layer'] ?? ''}`),
  );
  const end = names === -1 ? layers.length : names;
  const areasOverRoads =
    roads !== -1 && layers.slice(roads, end).some((layer) => layer.type === 'fill');
  const slot = roads !== -1 && roads < end && !areasOverRoads ? roads : names;
  return slot === -1 ? undefined : layers[slot]?.id;
}
