import { describe, expect, it } from 'vitest';
import { ORDNANCE_SURVEY_ATTRIBUTION, tileServiceFrom, withServiceQuery } from './tileService.ts';

const OS_STYLE = 'https://api.os.uk/maps/vector/v1/vts/resources/styles?key=KEY1&srs=3857';

describe('tileServiceFrom', () => {
  it('is null when the host configured no service: the default', () => {
    expect(tileServiceFrom({})).toBeNull();
    expect(tileServiceFrom({ BASEMAP_STYLE_URL: '  ', BASEMAP_PROVIDER: 'x' })).toBeNull();
  });

  it("knows Ordnance Survey's APIs: provider and credit without being told", () => {
    expect(tileServiceFrom({ BASEMAP_STYLE_URL: OS_STYLE })).toEqual({
      kind: 'style',
      url: OS_STYLE,
      origin: 'https://api.os.uk',
      provider: 'Ordnance Survey',
      attribution: ORDNANCE_SURVEY_ATTRIBUTION,
    });
  });

  it('takes a raster tile template with its provider and credit', () => {
    const service = tileServiceFrom({
      BASEMAP_TILE_URL: 'https://tiles.example.org:8443/light/{z}/{x}/{y}.png',
      BASEMAP_PROVIDER: 'Example Council GIS',
      BASEMAP_ATTRIBUTION: '© Example Council',
    });
    expect(service).toMatchObject({
      kind: 'tiles',
      origin: 'https://tiles.example.org:8443',
      provider: 'Example Council GIS',
      attribution: '© Example Council',
    });
  });

  it('fails the build, saying what to change, when the setting is wrong', () => {
    expect(() =>
      tileServiceFrom({
        BASEMAP_STYLE_URL: 'http://tiles.example.org/s.json',
        BASEMAP_ATTRIBUTION: 'x',
      }),
    ).toThrow('must use https');
    expect(() => tileServiceFrom({ BASEMAP_STYLE_URL: 'tiles/style.json' })).toThrow(
      'not a full address',
    );
    expect(() =>
      tileServiceFrom({
        BASEMAP_TILE_URL: 'https://t.example.org/{z}/{x}.png',
        BASEMAP_ATTRIBUTION: 'x',
      }),
    ).toThrow('{z}, {x} and {y}');
    expect(() =>
      tileServiceFrom({ BASEMAP_TILE_URL: 'https://t.example.org/{z}/{x}/{y}.png' }),
    ).toThrow('BASEMAP_ATTRIBUTION');
    expect(() =>
      tileServiceFrom({
        BASEMAP_STYLE_URL: OS_STYLE,
        BASEMAP_TILE_URL: 'https://t.example.org/{z}/{x}/{y}',
      }),
    ).toThrow('not both');
  });
});

describe('withServiceQuery', () => {
  const service = tileServiceFrom({ BASEMAP_STYLE_URL: OS_STYLE });
  if (!service) throw new Error('no service');

  it("adds the key and srs to the service's own requests that lack them", () => {
    expect(withServiceQuery('https://api.os.uk/maps/vector/v1/vts/tile/12/1/2.pbf', service)).toBe(
      'https://api.os.uk/maps/vector/v1/vts/tile/12/1/2.pbf?key=KEY1&srs=3857',
    );
    expect(withServiceQuery('https://api.os.uk/fonts/a.pbf?key=OTHER', service)).toBe(
      'https://api.os.uk/fonts/a.pbf?key=OTHER&srs=3857',
    );
  });

  it('leaves every other address alone', () => {
    expect(withServiceQuery('https://elsewhere.example.org/t.pbf', service)).toBe(
      'https://elsewhere.example.org/t.pbf',
    );
    expect(withServiceQuery('pmtiles://abc/{z}', service)).toBe('pmtiles://abc/{z}');
  });
});
