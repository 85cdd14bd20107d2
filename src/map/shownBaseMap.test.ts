import { describe, expect, it } from 'vitest';
import type { BaseMapFileInfo } from '../data/baseMapSettings.ts';
import { baseMapAttribution, layerAboveChoropleth, shownBaseMap } from './shownBaseMap.ts';
import { ORDNANCE_SURVEY_ATTRIBUTION, tileServiceFrom } from './tileService.ts';

const file: BaseMapFileInfo = {
  id: 'f',
  fileName: 'borough.pmtiles',
  bytes: 10,
  schema: 'layers',
  layers: [],
  minZoom: 0,
  maxZoom: 14,
  bounds: [0, 0, 1, 1],
  attribution: '© OpenStreetMap contributors',
};
const service = tileServiceFrom({ BASEMAP_STYLE_URL: 'https://api.os.uk/styles?key=K' });

describe('shownBaseMap', () => {
  it('shows what the user chose, when it exists', () => {
    expect(shownBaseMap({ choice: 'none', file }, service)).toBeNull();
    expect(shownBaseMap({ choice: 'file', file }, service)).toEqual({ kind: 'file', file });
    expect(shownBaseMap({ choice: 'file', file: null }, service)).toBeNull();
    expect(shownBaseMap({ choice: 'service', file }, service)).toEqual({
      kind: 'service',
      service,
    });
    // A choice kept from a build with a service means nothing in a build without one.
    expect(shownBaseMap({ choice: 'service', file }, null)).toBeNull();
  });
});

describe('baseMapAttribution', () => {
  it("gives the credit of the file or of the service, or the file's name when it has none", () => {
    expect(baseMapAttribution(null)).toBeNull();
    expect(baseMapAttribution({ kind: 'file', file })).toBe('© OpenStreetMap contributors');
    expect(baseMapAttribution({ kind: 'file', file: { ...file, attribution: null } })).toBe(
      'Base map: borough.pmtiles',
    );
    if (!service) throw new Error('no service');
    expect(baseMapAttribution({ kind: 'service', service })).toBe(ORDNANCE_SURVEY_ATTRIBUTION);
  });
});

describe('layerAboveChoropleth', () => {
  const layer = (id: string, type: string, sourceLayer?: string) => ({
    id,
    type,
    ...(sourceLayer ? { 'source-layer': sourceLayer } : {}),
  });

  it('puts the colours under the streets of a plain style, so they tint the land between them', () => {
    const plain = [
      layer('background', 'background'),
      layer('water-areas', 'fill', 'water'),
      layer('water-lines', 'line', 'water'),
      layer('roads-casing', 'line', 'roads'),
      layer('roads-lines', 'line', 'roads'),
      layer('labels-names', 'symbol', 'labels'),
    ];
    expect(layerAboveChoropleth(plain)).toBe('roads-casing');
  });

  it('puts them under the names when areas are drawn over the roads (Protomaps buildings)', () => {
    const protomaps = [
      layer('earth', 'fill', 'earth'),
      layer('roads_tunnels_minor', 'line', 'roads'),
      layer('buildings', 'fill', 'buildings'),
      layer('roads_minor', 'line', 'roads'),
      layer('roads_labels_minor', 'symbol', 'roads'),
    ];
    expect(layerAboveChoropleth(protomaps)).toBe('roads_labels_minor');
  });

  it('puts them on top of a base map with neither roads nor names (raster tiles)', () => {
    expect(
      layerAboveChoropleth([layer('background', 'background'), layer('tiles', 'raster')]),
    ).toBeUndefined();
  });
});
