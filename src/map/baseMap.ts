/**
 * The base map's code, loaded only when a base map is chosen (it carries the PMTiles reader and
 * Protomaps' style): the pmtiles protocol for MapLibre, reading the file kept in this browser,
 * and the style to draw.
 */
import type { StyleSpecification } from 'maplibre-gl';
import * as maplibregl from 'maplibre-gl';
import { PMTiles, Protocol } from 'pmtiles';
import { keptBaseMapSource } from '../data/baseMapFile.ts';
import { baseMapStyle } from './baseMapStyle.ts';
import type { ShownBaseMap } from './shownBaseMap.ts';

let protocol: Protocol | null = null;

/** The style for a base map, with its file (if any) ready for MapLibre to read tiles from. */
export function styleFor(shown: ShownBaseMap): StyleSpecification | string {
  if (shown.kind === 'file') {
    if (!protocol) {
      protocol = new Protocol();
      maplibregl.addProtocol('pmtiles', protocol.tile);
    }
    // Registered before the style names it: otherwise the protocol would fetch the id as a URL.
    if (!protocol.get(shown.file.id)) protocol.add(new PMTiles(keptBaseMapSource(shown.file)));
  }
  return baseMapStyle(shown);
}
