/**
 * How a base map is drawn under the wards: light and quiet, so that the ward colours read over
 * it, with street and place names from zoom 15. A file in the Protomaps basemap schema gets
 * Protomaps' own published style (its light flavour, without icons: the app ships no sprites); any
 * other file gets a plain style of whatever water, road and label layers it lists. Pure: the map
 * module hands the result to MapLibre.
 *
 * No style here names a glyphs URL: MapLibre then draws every label with TinySDF from the
 * device's own sans-serif font, so labels cost no request and work offline.
 */
import { namedFlavor, layers as protomapsLayers } from '@protomaps/basemaps';
import type {
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import type { BaseMapFileInfo, VectorLayer } from '../data/baseMapSettings.ts';
import type { ShownBaseMap } from './shownBaseMap.ts';

export const BASE_MAP_COLOURS = {
  land: '#f2f1ed',
  water: '#c4d8e8',
  roadCasing: '#cdd0d4',
  road: '#ffffff',
  label: '#333333',
  labelHalo: '#ffffff',
} as const;

/** The vector source every file style draws from; the pmtiles protocol serves it. */
export const BASE_MAP_SOURCE = 'base-map';

export function pmtilesUrl(file: Pick<BaseMapFileInfo, 'id'>): string {
  return `pmtiles://${file.id}`;
}

/** Names in English where the file has them, else the local name. */
const NAME: ExpressionSpecification = [
  'coalesce',
  ['get', 'name:en'],
  ['get', 'name_en'],
  ['get', 'name'],
];

/** Line width in pixels by zoom: hairlines over a borough, streets to walk along at 17. */
const ROAD_WIDTH: ExpressionSpecification = [
  'interpolate',
  ['exponential', 1.6],
  ['zoom'],
  10,
  0.6,
  13,
  1.5,
  15,
  3.5,
  17,
  9,
  19,
  24,
];
const CASING_WIDTH: ExpressionSpecification = [
  'interpolate',
  ['exponential', 1.6],
  ['zoom'],
  10,
  1,
  13,
  2.5,
  15,
  5,
  17,
  12,
  19,
  28,
];

const WATER_LAYER = /water|ocean|lake|river|sea|coast/i;
const ROAD_LAYER = /road|street|transport|highway|path/i;
const LABEL_LAYER = /label|place|name|poi/i;
const NAMED = (layer: VectorLayer) =>
  ['name', 'name:en', 'name_en'].some((field) => field in layer.fields);

type SymbolPaint = Extract<LayerSpecification, { type: 'symbol' }>['paint'];

/** The plain style's layers for a file of any schema. */
export function layersFor(vectorLayers: readonly VectorLayer[]): LayerSpecification[] {
  const water = vectorLayers.filter((layer) => WATER_LAYER.test(layer.id));
  const roads = vectorLayers.filter(
    (layer) => !WATER_LAYER.test(layer.id) && ROAD_LAYER.test(layer.id),
  );
  const labels = vectorLayers.filter(
    (layer) => !water.includes(layer) && !roads.includes(layer) && LABEL_LAYER.test(layer.id),
  );
  const from = (layer: VectorLayer) => ({ source: BASE_MAP_SOURCE, 'source-layer': layer.id });
  const polygons: FilterSpecification = ['==', ['geometry-type'], 'Polygon'];
  const lines: FilterSpecification = ['==', ['geometry-type'], 'LineString'];
  return [
    ...water.flatMap((layer): LayerSpecification[] => [
      {
        id: `${layer.id}-areas`,
        type: 'fill',
        ...from(layer),
        filter: polygons,
        paint: { 'fill-color': BASE_MAP_COLOURS.water },
      },
      {
        id: `${layer.id}-lines`,
        type: 'line',
        ...from(layer),
        filter: lines,
        paint: { 'line-color': BASE_MAP_COLOURS.water, 'line-width': ROAD_WIDTH },
      },
    ]),
    ...roads.map(
      (layer): LayerSpecification => ({
        id: `${layer.id}-casing`,
        type: 'line',
        ...from(layer),
        filter: lines,
        layout: ROUND,
        paint: { 'line-color': BASE_MAP_COLOURS.roadCasing, 'line-width': CASING_WIDTH },
      }),
    ),
    ...roads.map(
      (layer): LayerSpecification => ({
        id: `${layer.id}-lines`,
        type: 'line',
        ...from(layer),
        filter: lines,
        layout: ROUND,
        paint: { 'line-color': BASE_MAP_COLOURS.road, 'line-width': ROAD_WIDTH },
      }),
    ),
    ...roads.filter(NAMED).map(
      (layer): LayerSpecification => ({
        id: `${layer.id}-names`,
        type: 'symbol',
        ...from(layer),
        minzoom: 15,
        filter: lines,
        layout: {
          'symbol-placement': 'line',
          'text-field': NAME,
          'text-size': ['interpolate', ['linear'], ['zoom'], 15, 12, 18, 15],
        },
        paint: labelPaint,
      }),
    ),
    ...labels.filter(NAMED).map(
      (layer): LayerSpecification => ({
        id: `${layer.id}-names`,
        type: 'symbol',
        ...from(layer),
        layout: {
          'text-field': NAME,
          'text-size': ['interpolate', ['linear'], ['zoom'], 10, 11, 15, 14, 18, 16],
          'text-max-width': 8,
        },
        paint: labelPaint,
      }),
    ),
  ];
}

const ROUND = { 'line-cap': 'round', 'line-join': 'round' } as const;

const labelPaint: SymbolPaint = {
  'text-color': BASE_MAP_COLOURS.label,
  'text-halo-color': BASE_MAP_COLOURS.labelHalo,
  'text-halo-width': 1.5,
};

/**
 * Protomaps' light flavour with nothing that needs a sprite: points of interest, shields and
 * one-way arrows go (they are noise under a choropleth too), and town dots lose their icon.
 */
export function protomapsStyleLayers(): LayerSpecification[] {
  const flavour = { ...namedFlavor('light') };
  delete flavour.pois;
  return (protomapsLayers(BASE_MAP_SOURCE, flavour, { lang: 'en' }) as LayerSpecification[])
    .filter((layer) => !['pois', 'roads_shields', 'roads_oneway'].includes(layer.id))
    .map((layer) => {
      if (layer.type !== 'symbol' || !layer.layout) return layer;
      const layout = Object.fromEntries(
        Object.entries(layer.layout).filter(([property]) => !property.startsWith('icon-')),
      );
      return { ...layer, layout } as LayerSpecification;
    });
}

const background = (colour: string): LayerSpecification => ({
  id: 'background',
  type: 'background',
  paint: { 'background-color': colour },
});

/** The whole MapLibre style for a base map: an object, or the service's own style address. */
export function baseMapStyle(shown: ShownBaseMap): StyleSpecification | string {
  if (shown.kind === 'service') {
    const { service } = shown;
    if (service.kind === 'style') return service.url;
    return {
      version: 8,
      sources: { [BASE_MAP_SOURCE]: { type: 'raster', tiles: [service.url], tileSize: 256 } },
      layers: [
        background(BASE_MAP_COLOURS.land),
        { id: 'base-map-tiles', type: 'raster', source: BASE_MAP_SOURCE },
      ],
    };
  }
  const { file } = shown;
  const protomaps = file.schema === 'protomaps';
  return {
    version: 8,
    sources: { [BASE_MAP_SOURCE]: { type: 'vector', url: pmtilesUrl(file) } },
    layers: protomaps
      ? protomapsStyleLayers()
      : [background(BASE_MAP_COLOURS.land), ...layersFor(file.layers)],
  };
}
