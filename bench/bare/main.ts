/**
 * The baseline for `npm run bench`: the least a page can do to draw the default area's ward
 * polygons (RBKC, E09000020) with MapLibre and deck.gl overlaid, from the same ward file as the
 * app. It marks `choropleth-painted` after the first deck.gl frame that drew them.
 */
import { GeoJsonLayer } from '@deck.gl/layers';
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

maplibregl.setWorkerUrl(workerUrl);

const LAD = 'E09000020';
interface WardProperties {
  lad: string;
}
type WardTopology = Topology<{ wards: GeometryCollection<WardProperties> }>;
type Bounds = [number, number, number, number];

// Start the download before anything else, as any page would.
const topology = fetch(new URL('data/wards.topo.json', document.baseURI)).then(
  (response) => response.json() as Promise<WardTopology>,
);

const container = document.getElementById('map');
if (!container) throw new Error('no #map element');
const map = new maplibregl.Map({
  container,
  style: {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef0f2' } }],
  },
  center: [-0.12, 51.5],
  zoom: 9,
});

let layer: GeoJsonLayer | null = null;
let painted = false;
const overlay = new MapboxOverlay({
  interleaved: false,
  layers: [],
  onAfterRender: () => {
    if (!painted && layer?.isLoaded) {
      painted = true;
      performance.mark('choropleth-painted');
    }
  },
});
map.addControl(overlay);

function bounds(features: Feature<Polygon | MultiPolygon>[]): Bounds {
  const box: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
  const extend = (ring: Position[]) => {
    for (const [lon = 0, lat = 0] of ring) {
      box[0] = Math.min(box[0], lon);
      box[1] = Math.min(box[1], lat);
      box[2] = Math.max(box[2], lon);
      box[3] = Math.max(box[3], lat);
    }
  };
  for (const { geometry } of features) {
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const polygon of polygons) extend(polygon[0] ?? []);
  }
  return box;
}

void topology.then((data) => {
  const wards = data.objects.wards;
  const collection = feature(data, {
    ...wards,
    geometries: wards.geometries.filter(
      (geometry) => (geometry.properties as WardProperties | undefined)?.lad === LAD,
    ),
  }) as FeatureCollection<Polygon | MultiPolygon>;
  map.fitBounds(bounds(collection.features), { padding: 24, duration: 0 });
  layer = new GeoJsonLayer({
    id: 'ward-fill',
    data: collection.features,
    filled: true,
    stroked: true,
    getFillColor: [49, 130, 189, 235],
    getLineColor: [60, 60, 60, 255],
    lineWidthUnits: 'pixels',
    getLineWidth: 1,
  });
  overlay.setProps({ layers: [layer] });
});
