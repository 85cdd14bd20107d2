/**
 * The map: MapLibre for the camera and controls, deck.gl (overlaid) for the ward polygons and
 * labels. This is the only module that touches MapLibre or deck.gl. React creates it once and
 * tells it what to draw; it skips work when what it is told has not changed.
 */
import type { Layer, PickingInfo } from '@deck.gl/core';
import { GeoJsonLayer, TextLayer } from '@deck.gl/layers';
import { MapboxOverlay } from '@deck.gl/mapbox';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { hexToRgb } from '../analysis/palette.ts';
import type { Bounds, WardFeature } from '../geo/wardSet.ts';
import type { Camera } from '../state/url.ts';

// Without this MapLibre cannot find its worker in a Vite build and never fires `load`.
maplibregl.setWorkerUrl(workerUrl);

type Rgba = [number, number, number, number];

/** What the map shows for the current view; one entry per ward of the area. */
export interface MapContent {
  features: WardFeature[];
  /** Fill colour (#rrggbb) by ward index. */
  colours: ReadonlyMap<number, string>;
  labels: { index: number; position: [number, number]; text: string }[];
  /** Tooltip text by ward index. */
  tooltips: ReadonlyMap<number, string>;
  selected: number | null;
}

export interface WardMapOptions {
  container: HTMLElement;
  camera: Camera | null;
  bounds: Bounds;
  attribution: string;
  onSelect(index: number | null): void;
  onCameraChange(camera: Camera): void;
  /** Called after the first frame that shows ward colours. */
  onFirstPaint?(): void;
}

const BACKGROUND = '#eef0f2';
const OUTLINE: Rgba = [60, 60, 60, 255];
const SELECTED_OUTLINE: Rgba = [0, 0, 0, 255];
/** Area wards beyond this many are not labelled: the names would overlap into a grey mass. */
const MAX_LABELLED_WARDS = 60;

function rgba(hex: string): Rgba {
  return [...hexToRgb(hex), 235];
}

export class WardMap {
  private readonly map: maplibregl.Map;
  private readonly overlay: MapboxOverlay;
  private readonly options: WardMapOptions;
  private content: MapContent | null = null;
  /** Bounds kept in view through resizes until the user moves the map. */
  private keptBounds: Bounds | null;
  private firstPaintPending = true;

  constructor(options: WardMapOptions) {
    this.options = options;
    const camera = options.camera;
    this.keptBounds = camera ? null : options.bounds;
    this.map = new maplibregl.Map({
      container: options.container,
      style: {
        version: 8,
        sources: {},
        layers: [
          { id: 'background', type: 'background', paint: { 'background-color': BACKGROUND } },
        ],
      },
      ...(camera
        ? { center: [camera.longitude, camera.latitude] as [number, number], zoom: camera.zoom }
        : { bounds: options.bounds, fitBoundsOptions: { padding: 24 } }),
      attributionControl: { compact: true, customAttribution: options.attribution },
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      maxZoom: 18,
    });
    this.map.touchZoomRotate.disableRotation();
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.overlay = new MapboxOverlay({
      interleaved: false,
      layers: [],
      getTooltip: (info: PickingInfo) => this.tooltip(info),
      onClick: (info: PickingInfo) => {
        const index = (info.object as WardFeature | undefined)?.properties.index;
        this.options.onSelect(index ?? null);
      },
      onAfterRender: () => this.afterRender(),
    });
    this.map.addControl(this.overlay);
    this.map.on('movestart', (event) => {
      // Only a user's pan or zoom carries an original DOM event.
      if (event.originalEvent) this.keptBounds = null;
    });
    this.map.on('moveend', () => {
      const center = this.map.getCenter();
      this.options.onCameraChange({
        zoom: this.map.getZoom(),
        latitude: center.lat,
        longitude: center.lng,
      });
    });
  }

  private tooltip(info: PickingInfo): { text: string } | null {
    const index = (info.object as WardFeature | undefined)?.properties.index;
    const text = index === undefined ? undefined : this.content?.tooltips.get(index);
    return text ? { text } : null;
  }

  private afterRender(): void {
    if (this.firstPaintPending && this.content && this.content.colours.size > 0) {
      this.firstPaintPending = false;
      this.options.onFirstPaint?.();
    }
  }

  setContent(content: MapContent): void {
    if (content === this.content) return;
    this.content = content;
    const labelled = content.features.length <= MAX_LABELLED_WARDS;
    const layers: Layer[] = [
      new GeoJsonLayer<WardFeature['properties']>({
        id: 'ward-fill',
        data: content.features,
        pickable: true,
        autoHighlight: true,
        highlightColor: [0, 0, 0, 40],
        filled: true,
        stroked: true,
        getFillColor: (ward) => rgba(content.colours.get(ward.properties.index) ?? '#ffffff'),
        getLineColor: OUTLINE,
        lineWidthUnits: 'pixels',
        getLineWidth: 1,
        // deck.gl compares triggers shallowly, which sees two Maps as equal: compare the colours.
        updateTriggers: { getFillColor: [...content.colours.values()].join() },
      }),
      new GeoJsonLayer<WardFeature['properties']>({
        id: 'ward-selected',
        data: content.features.filter((ward) => ward.properties.index === content.selected),
        filled: false,
        stroked: true,
        getLineColor: SELECTED_OUTLINE,
        lineWidthUnits: 'pixels',
        getLineWidth: 4,
      }),
      new TextLayer<MapContent['labels'][number]>({
        id: 'ward-labels',
        data: labelled ? content.labels : [],
        visible: labelled,
        getPosition: (label) => label.position,
        getText: (label) => label.text,
        getSize: 12,
        getColor: [20, 20, 20, 255],
        fontFamily: 'system-ui, "Segoe UI", Roboto, Arial, sans-serif',
        fontWeight: 600,
        characterSet: 'auto',
        fontSettings: { sdf: true },
        outlineWidth: 3,
        outlineColor: [255, 255, 255, 230],
        getTextAnchor: 'middle',
        getAlignmentBaseline: 'center',
      }),
    ];
    this.overlay.setProps({ layers });
  }

  fitBounds(bounds: Bounds): void {
    this.keptBounds = bounds;
    this.map.fitBounds(bounds, { padding: 24, duration: 0 });
  }

  /** After the layout changes the map's size; the area stays in view until the user moves. */
  resize(): void {
    this.map.resize();
    if (this.keptBounds) this.fitBounds(this.keptBounds);
  }

  remove(): void {
    this.map.removeControl(this.overlay);
    this.overlay.finalize();
    this.map.remove();
  }
}
