import { describe, expect, it } from 'vitest';
import type { BaseMapFileInfo, VectorLayer } from '../data/baseMapSettings.ts';
import {
  BASE_MAP_COLOURS,
  BASE_MAP_SOURCE,
  baseMapStyle,
  layersFor,
  pmtilesUrl,
  protomapsStyleLayers,
} from './baseMapStyle.ts';
import { tileServiceFrom } from './tileService.ts';

/** The shared sample's layers (../shared/basemap/README.md). */
const SAMPLE_LAYERS: VectorLayer[] = [
  { id: 'labels', fields: { name: 'String' } },
  { id: 'roads', fields: {} },
  { id: 'water', fields: {} },
];

const file = (
  layers = SAMPLE_LAYERS,
  schema: BaseMapFileInfo['schema'] = 'layers',
): BaseMapFileInfo => ({
  id: 'abc-123',
  fileName: 'central-london.pmtiles',
  bytes: 321_673,
  schema,
  layers,
  minZoom: 0,
  maxZoom: 12,
  bounds: [-0.25, 51.46, -0.05, 51.57],
  attribution: '© OpenStreetMap contributors',
});

describe('layersFor (files of any schema)', () => {
  it('draws water, then road casings, then roads, then names, whatever order the file lists', () => {
    const layers = layersFor(SAMPLE_LAYERS);
    expect(layers.map((layer) => [layer.id, layer.type])).toEqual([
      ['water-areas', 'fill'],
      ['water-lines', 'line'],
      ['roads-casing', 'line'],
      ['roads-lines', 'line'],
      ['labels-names', 'symbol'],
    ]);
    const roads = layers.find((layer) => layer.id === 'roads-lines');
    expect(roads?.type === 'line' && roads.paint?.['line-color']).toBe(BASE_MAP_COLOURS.road);
    expect(layers.every((layer) => 'source' in layer && layer.source === BASE_MAP_SOURCE)).toBe(
      true,
    );
  });

  it('names streets along their lines from zoom 15, and leaves out layers it does not know', () => {
    const layers = layersFor([
      { id: 'transportation', fields: { name: 'String', class: 'String' } },
      { id: 'building', fields: {} },
      { id: 'waterway', fields: {} },
      { id: 'place', fields: { 'name:en': 'String' } },
    ]);
    expect(layers.map((layer) => layer.id)).toEqual([
      'waterway-areas',
      'waterway-lines',
      'transportation-casing',
      'transportation-lines',
      'transportation-names',
      'place-names',
    ]);
    const streetNames = layers.find((layer) => layer.id === 'transportation-names');
    expect(streetNames?.minzoom).toBe(15);
    expect(streetNames?.type === 'symbol' && streetNames.layout?.['symbol-placement']).toBe('line');
  });

  it('names nothing in a layer without a name field', () => {
    expect(layersFor([{ id: 'labels', fields: {} }])).toEqual([]);
  });
});

describe('protomapsStyleLayers', () => {
  it("is Protomaps' light style without anything that needs a sprite or a glyph server", () => {
    const layers = protomapsStyleLayers();
    expect(layers.length).toBeGreaterThan(40);
    expect(layers.map((layer) => layer.id)).toEqual(
      expect.arrayContaining([
        'earth',
        'water',
        'roads_minor',
        'roads_labels_minor',
        'places_locality',
      ]),
    );
    const iconProperties = layers.flatMap((layer) =>
      Object.keys(('layout' in layer && layer.layout) || {}).filter((key) =>
        key.startsWith('icon-'),
      ),
    );
    expect(iconProperties).toEqual([]);
    expect(layers.some((layer) => layer.id === 'pois')).toBe(false);
  });
});

describe('baseMapStyle', () => {
  it('reads a file through the pmtiles protocol by its id, and names no glyphs or sprite URL', () => {
    const style = baseMapStyle({ kind: 'file', file: file() });
    if (typeof style === 'string') throw new Error('expected a style object');
    expect(style.sources[BASE_MAP_SOURCE]).toEqual({ type: 'vector', url: 'pmtiles://abc-123' });
    expect(pmtilesUrl(file())).toBe('pmtiles://abc-123');
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(style.layers[0]).toMatchObject({ type: 'background' });
  });

  it('uses the Protomaps style for a file in its schema', () => {
    const style = baseMapStyle({ kind: 'file', file: file(SAMPLE_LAYERS, 'protomaps') });
    if (typeof style === 'string') throw new Error('expected a style object');
    expect(style.layers.map((layer) => layer.id)).toEqual(
      protomapsStyleLayers().map((layer) => layer.id),
    );
  });

  it("is the service's own style address, or its raster tiles", () => {
    const style = tileServiceFrom({
      BASEMAP_STYLE_URL: 'https://api.os.uk/maps/vector/v1/vts/resources/styles?key=K',
    });
    const tiles = tileServiceFrom({
      BASEMAP_TILE_URL: 'https://api.os.uk/maps/raster/v1/zxy/Light_3857/{z}/{x}/{y}.png?key=K',
    });
    if (!style || !tiles) throw new Error('no service');
    expect(baseMapStyle({ kind: 'service', service: style })).toBe(style.url);
    const raster = baseMapStyle({ kind: 'service', service: tiles });
    if (typeof raster === 'string') throw new Error('expected a style object');
    expect(raster.sources[BASE_MAP_SOURCE]).toEqual({
      type: 'raster',
      tiles: [tiles.url],
      tileSize: 256,
    });
  });
});
