/**
 * The map: MapLibre for the camera and controls and the ward colours and outlines, deck.gl
 * (overlaid) for picking, the selection, labels and the other layers. This is the only module
 * that touches MapLibre or deck.gl. React creates it once and tells it what to draw; it skips
 * work when what it is told has not changed.
 */
import { HeatmapLayer } from '@deck.gl/aggregation-layers';
import type { Layer, PickingInfo } from '@deck.gl/core';
import { GeoJsonLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import { MapboxOverlay } from '@deck.gl/mapbox';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { hexToRgb } from '../analysis/palette.ts';
import { type Bounds, featureBounds, type WardFeature } from '../geo/wardSet.ts';
import { distinctCharacters, labelGlyphSize } from './labelAtlas.ts';
import { DENSITY_RAMP, MAX_LABELLED_WARDS, type MapContent } from './mapContent.ts';
import type { Camera, MapLayers } from './mapView.ts';
import {
  catchmentLayers,
  gapOutlineLayers,
  serviceSymbolLayers,
  serviceTooltipAt,
} from './serviceLayers.ts';
import type { ServiceMapContent } from './servicesMapContent.ts';
import { baseMapAttribution, layerAboveChoropleth, type ShownBaseMap } from './shownBaseMap.ts';
import { serviceRequests } from './tileService.ts';

// Without this MapLibre cannot find its worker in a Vite build and never fires `load`.
maplibregl.setWorkerUrl(workerUrl);

type Rgba = [number, number, number, number];

/** Pixels at each edge of the map. */
export interface MapPadding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Room kept around what is fitted into view. */
const FIT_MARGIN = 24;

export interface DevicePosition {
  longitude: number;
  latitude: number;
  accuracy: number;
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
  /** Called once when a WebGL context of the map is lost: the owner should replace the map. */
  onContextLost(): void;
}

const BACKGROUND = '#eef0f2';
const OUTLINE: Rgba = [60, 60, 60, 255];
/** MapLibre anti-aliases its lines: 0.75 px reads as deck.gl's crisp 1 px outline did. */
const OUTLINE_WIDTH = 0.75;
/** Meeting mode's outlines, legible on a projector. */
const MEETING_OUTLINE_WIDTH = 2.5;
/** Over the ward under the pointer. */
const HOVER_TINT: Rgba = [0, 0, 0, 40];
const SELECTED_OUTLINE: Rgba = [0, 0, 0, 255];
/** Under the selected ward's black outline, so that it stands out on dark streets and water. */
const SELECTED_CASING: Rgba = [255, 255, 255, 255];
/** The ward colours' opacity with no base map: the plain background shows a little. */
const PLAIN_FILL_ALPHA = 235;
/** "Locate me" zooms at least this far: the whole ward, or the streets when a base map shows. */
const LOCATE_ZOOM = 14;
const LOCATE_STREET_ZOOM = 16;

/** MapLibre's source of the area's wards, its layer of their colours and of their outlines. */
const WARDS = 'wards';
const CHOROPLETH = 'ward-choropleth';
const WARD_OUTLINES = 'ward-outlines';
/** deck.gl's layer of the wards: taps and the pointer find them there. */
const WARD_PICKING = 'ward-fill';
const WARD_HOVER = 'ward-hover';

/** The map with no base map: the wards on a plain background, requesting nothing. */
const PLAIN_STYLE: maplibregl.StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': BACKGROUND } }],
};

function rgba(hex: string): Rgba {
  return [...hexToRgb(hex), PLAIN_FILL_ALPHA];
}

/** A colour as MapLibre's styles write it. */
function cssColour([red, green, blue, alpha]: Rgba): string {
  return `rgba(${red}, ${green}, ${blue}, ${alpha / 255})`;
}

/*
 * deck.gl redraws its canvas when a layer's data changes identity: a change of view that changes
 * only the ward colours (drawn by MapLibre) gives deck.gl the same arrays, and it draws nothing.
 */
const NO_WARDS: WardFeature[] = [];
const NO_LABELS: MapContent['labels'] = [];
const wardsAlone = new WeakMap<WardFeature[], Map<number, WardFeature[]>>();

/** The ward of `index` alone, the same array each time; none for null. */
function wardAlone(features: WardFeature[], index: number | null): WardFeature[] {
  if (index === null) return NO_WARDS;
  let byIndex = wardsAlone.get(features);
  if (!byIndex) {
    byIndex = new Map();
    wardsAlone.set(features, byIndex);
  }
  let wards = byIndex.get(index);
  if (!wards) {
    wards = features.filter((ward) => ward.properties.index === index);
    byIndex.set(index, wards);
  }
  return wards;
}

/** The ward a tap or the pointer is on, by index; null for none. */
function wardAt(info: PickingInfo): number | null {
  if (info.layer?.id !== WARD_PICKING) return null;
  return (info.object as WardFeature | undefined)?.properties.index ?? null;
}

const NO_FILL: Rgba = [0, 0, 0, 0];
const DENSITY_COLOURS = DENSITY_RAMP.map((hex) => hexToRgb(hex));
/** Radius over which each point spreads, in screen pixels. */
const DENSITY_RADIUS_PIXELS = 30;

export class WardMap {
  private readonly map: maplibregl.Map;
  private readonly overlay: MapboxOverlay;
  private readonly options: WardMapOptions;
  private content: MapContent | null = null;
  private layers: MapLayers = { choropleth: true, density: false, labels: true };
  /** [lon0, lat0, lon1, lat1, ...] of the offence points to draw as density; null for none. */
  private density: Float32Array | null = null;
  /** Bounds kept in view through resizes until the user moves the map. */
  private keptBounds: Bounds | null;
  private firstPaintPending = true;
  private contextLost = false;
  /** The device's position from "Locate me", with its accuracy in metres. */
  private location: DevicePosition | null = null;
  private services: ServiceMapContent | null = null;
  /** While set, a tap or click places a proposed service there instead of selecting a ward. */
  private onPlace: ((longitude: number, latitude: number) => void) | null = null;
  private baseMap: ShownBaseMap | null = null;
  /** Ward colours' opacity over a base map, 0 to 1. */
  private opacity = 1;
  private attribution: maplibregl.AttributionControl | null = null;
  /** Grows with each base map asked for: a style that arrives late is not shown. */
  private baseMapRequest = 0;
  /** The wards MapLibre's source holds; null until the style has it. */
  private mapLibreFeatures: WardFeature[] | null = null;
  /** The colours MapLibre was last given, so that they are set only when they change. */
  private mapLibreColours: MapContent['colours'] | null = null;
  /** True once MapLibre's source has the wards (cut into tiles in its worker) since its style
   * loaded: until then deck.gl draws the colours, so that they show as soon as they are known. */
  private mapLibreHasWards = false;
  /** True while MapLibre draws the ward colours and outlines. */
  private wardsInMapLibre = false;
  private styleReady = false;
  /** The ward under the pointer, tinted; null for none. */
  private hovered: number | null = null;
  /** What deck.gl was last given to draw, and what it was drawn from. */
  private shownLayers: (Layer | null)[] = [];
  private deckInputs: unknown[] = [];
  /** Meeting mode: thicker outlines and larger names, legible on a projector. */
  private meeting = false;
  /** Space the page's panels take over the map's edges (legend, drawers), kept clear when fitting. */
  private overlays: MapPadding = { top: 0, right: 0, bottom: 0, left: 0 };

  constructor(options: WardMapOptions) {
    this.options = options;
    const camera = options.camera;
    this.keptBounds = camera ? null : options.bounds;
    this.map = new maplibregl.Map({
      container: options.container,
      style: PLAIN_STYLE,
      ...(camera
        ? { center: [camera.longitude, camera.latitude] as [number, number], zoom: camera.zoom }
        : { bounds: options.bounds, fitBoundsOptions: { padding: 24 } }),
      attributionControl: false,
      // An organisation's tile service wants its key on every request, even those its style names.
      transformRequest: serviceRequests(() =>
        this.baseMap?.kind === 'service' ? this.baseMap.service : null,
      ),
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      maxZoom: 18,
    });
    this.map.touchZoomRotate.disableRotation();
    this.showAttribution();
    this.map.on('style.load', () => {
      this.styleReady = true;
      this.mapLibreHasWards = false;
      this.mapLibreFeatures = null;
      this.mapLibreColours = null;
      this.render();
    });
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.overlay = new MapboxOverlay({
      interleaved: false,
      layers: [],
      getTooltip: (info: PickingInfo) => this.tooltip(info),
      onClick: (info: PickingInfo) => {
        if (this.onPlace && info.coordinate) {
          this.onPlace(info.coordinate[0] as number, info.coordinate[1] as number);
          return;
        }
        this.options.onSelect(wardAt(info));
      },
      onHover: (info: PickingInfo) => this.hover(wardAt(info)),
      // MapLibre draws the wards once its style has loaded: deck.gl's layer of them then only
      // answers picking.
      layerFilter: ({ layer, isPicking }) =>
        isPicking || layer.id !== WARD_PICKING || !this.wardsInMapLibre,
      onAfterRender: () => this.afterRender(),
    });
    this.map.on('sourcedata', (event) => {
      if (event.sourceId !== WARDS || !event.isSourceLoaded || this.mapLibreHasWards) return;
      this.mapLibreHasWards = true;
      this.render();
    });
    this.map.addControl(this.overlay);
    // Tablets drop WebGL contexts when memory runs short, and a lost context may never come back.
    // The owner replaces the whole map, with new canvases and contexts. Context events do not
    // bubble: listen in the capture phase.
    options.container.addEventListener('webglcontextlost', this.onContextLost, true);
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

  private readonly onContextLost = (event: Event): void => {
    event.preventDefault();
    if (this.contextLost) return;
    this.contextLost = true;
    this.options.onContextLost();
  };

  private tooltip(info: PickingInfo): { text: string } | null {
    const service = serviceTooltipAt(info);
    if (service) return service;
    const index = (info.object as WardFeature | undefined)?.properties.index;
    const text = index === undefined ? undefined : this.content?.tooltip(index);
    return text ? { text } : null;
  }

  private hover(index: number | null): void {
    if (index === this.hovered) return;
    this.hovered = index;
    // Only the tint changes: deck.gl keeps every other layer as it is.
    this.shownLayers = this.shownLayers.map((layer) =>
      layer?.id === WARD_HOVER ? this.hoverLayer() : layer,
    );
    this.overlay.setProps({ layers: this.shownLayers });
  }

  private hoverLayer(): Layer | null {
    const content = this.content;
    if (!content) return null;
    return new GeoJsonLayer<WardFeature['properties']>({
      id: WARD_HOVER,
      data: wardAlone(content.features, this.hovered),
      filled: true,
      stroked: false,
      getFillColor: HOVER_TINT,
    });
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
    this.render();
  }

  setLayers(layers: MapLayers): void {
    if (layers === this.layers) return;
    this.layers = layers;
    this.render();
  }

  setDensity(positions: Float32Array | null): void {
    if (positions === this.density) return;
    this.density = positions;
    this.render();
  }

  /** Services, their catchments and the gap wards (the Services page); null for none. */
  setServices(services: ServiceMapContent | null): void {
    if (services === this.services) return;
    this.services = services;
    this.render();
  }

  /** The credits of the wards and of the base map shown, in the map's corner. */
  private showAttribution(): void {
    if (this.attribution) this.map.removeControl(this.attribution);
    const base = baseMapAttribution(this.baseMap);
    this.attribution = new maplibregl.AttributionControl({
      compact: true,
      customAttribution: base ? [base, this.options.attribution] : this.options.attribution,
    });
    this.map.addControl(this.attribution);
  }

  /**
   * Draws a base map under the wards (null: the plain background). Its code loads only now, the
   * first time one is asked for.
   */
  setBaseMap(baseMap: ShownBaseMap | null): void {
    if (baseMap === this.baseMap) return;
    this.baseMap = baseMap;
    this.baseMapRequest += 1;
    const request = this.baseMapRequest;
    // The new style is not there yet: deck.gl draws the colours until it is.
    this.styleReady = false;
    this.showAttribution();
    this.render();
    if (!baseMap) {
      this.map.setStyle(PLAIN_STYLE, { diff: false });
      return;
    }
    void import('./baseMap.ts').then(({ styleFor }) => {
      if (request !== this.baseMapRequest) return;
      // A service's style may carry a camera of its own: the user's view stays.
      const camera = { center: this.map.getCenter(), zoom: this.map.getZoom() };
      this.map.once('style.load', () => this.map.jumpTo(camera));
      this.map.setStyle(styleFor(baseMap), { diff: false });
    });
  }

  /** The ward colours' opacity over a base map (0 to 1). */
  setOpacity(opacity: number): void {
    if (opacity === this.opacity) return;
    this.opacity = opacity;
    if (this.baseMap) this.render();
  }

  setMeeting(meeting: boolean): void {
    if (meeting === this.meeting) return;
    this.meeting = meeting;
    this.render();
  }

  /** Brings one ward into view (the meeting's "next ward"); the area is no longer kept. */
  zoomToWard(index: number): void {
    const feature = this.content?.features.find((ward) => ward.properties.index === index);
    if (!feature) return;
    this.keptBounds = null;
    this.map.fitBounds(featureBounds(feature), {
      padding: this.padding(96),
      duration: 0,
      maxZoom: 15,
    });
  }

  /** A function to call with the place of the next tap or click, or null to select wards. */
  setPlacing(onPlace: ((longitude: number, latitude: number) => void) | null): void {
    this.onPlace = onPlace;
    this.options.container.classList.toggle('placing', onPlace !== null);
  }

  /** Shows the device's position and centres the map on it; null removes it. */
  setLocation(location: DevicePosition | null): void {
    if (location === this.location) return;
    this.location = location;
    if (location) {
      this.keptBounds = null;
      this.map.easeTo({
        center: [location.longitude, location.latitude],
        zoom: Math.max(this.map.getZoom(), this.baseMap ? LOCATE_STREET_ZOOM : LOCATE_ZOOM),
        duration: 0,
      });
    }
    this.render();
  }

  private locationLayers(): Layer[] {
    const location = this.location;
    if (!location) return [];
    return [
      new ScatterplotLayer<DevicePosition>({
        id: 'device-accuracy',
        data: [location],
        getPosition: (position) => [position.longitude, position.latitude],
        getRadius: (position) => position.accuracy,
        radiusUnits: 'meters',
        getFillColor: [0, 94, 184, 40],
        stroked: true,
        getLineColor: [0, 94, 184, 160],
        lineWidthMinPixels: 1,
      }),
      new ScatterplotLayer<DevicePosition>({
        id: 'device-position',
        data: [location],
        getPosition: (position) => [position.longitude, position.latitude],
        getRadius: 8,
        radiusUnits: 'pixels',
        getFillColor: [0, 94, 184, 255],
        stroked: true,
        getLineColor: [255, 255, 255, 255],
        lineWidthUnits: 'pixels',
        getLineWidth: 3,
      }),
    ];
  }

  private densityLayer(): Layer | null {
    const positions = this.density;
    if (!this.layers.density || positions === null || positions.length === 0) return null;
    return new HeatmapLayer({
      id: 'offence-density',
      // Binary data: the positions go to the GPU as they are, with no object per point.
      data: {
        length: positions.length / 2,
        attributes: { getPosition: { value: positions, size: 2 } },
      },
      radiusPixels: DENSITY_RADIUS_PIXELS,
      colorRange: DENSITY_COLOURS,
      aggregation: 'SUM',
      // The ward colours stay readable through the densest places.
      opacity: 0.8,
    });
  }

  private render(): void {
    const content = this.content;
    if (!content) return;
    const shown = this.layers;
    const labelled = shown.labels && content.features.length <= MAX_LABELLED_WARDS;
    // Until a style (the first, or a base map's) has the wards, deck.gl draws their colours.
    this.wardsInMapLibre = this.drawWardsInMapLibre() && this.mapLibreHasWards;
    const inDeck = !this.wardsInMapLibre;
    // deck.gl redraws its whole canvas for any new list of layers: a change of view that changes
    // only what MapLibre draws (the colours) leaves it alone.
    const deckInputs = [
      content.features,
      content.selected,
      labelled && content.labels,
      inDeck && content.colours,
      shown,
      this.density,
      this.services,
      this.location,
      this.meeting,
    ];
    if (deckInputs.every((input, index) => input === this.deckInputs[index])) return;
    this.deckInputs = deckInputs;
    const layers: (Layer | null)[] = [
      new GeoJsonLayer<WardFeature['properties']>({
        id: WARD_PICKING,
        data: content.features,
        pickable: true,
        filled: true,
        // Not even until MapLibre has the wards: London's outlines here cost seconds a frame.
        stroked: false,
        getFillColor: (ward) =>
          shown.choropleth && inDeck
            ? rgba(content.colours.get(ward.properties.index) ?? '#ffffff')
            : NO_FILL,
        // deck.gl compares triggers shallowly, which sees two Maps as equal: compare the colours,
        // only while deck.gl draws them (MapLibre's view changes then upload no colours here).
        updateTriggers: {
          getFillColor: inDeck ? `${shown.choropleth}${[...content.colours.values()].join()}` : '',
        },
      }),
      this.hoverLayer(),
      this.densityLayer(),
      ...catchmentLayers(this.services),
      ...gapOutlineLayers(this.services),
      new GeoJsonLayer<WardFeature['properties']>({
        id: 'ward-selected-casing',
        data: wardAlone(content.features, content.selected),
        filled: false,
        stroked: true,
        getLineColor: SELECTED_CASING,
        lineWidthUnits: 'pixels',
        getLineWidth: 7,
      }),
      new GeoJsonLayer<WardFeature['properties']>({
        id: 'ward-selected',
        data: wardAlone(content.features, content.selected),
        filled: false,
        stroked: true,
        getLineColor: SELECTED_OUTLINE,
        lineWidthUnits: 'pixels',
        getLineWidth: this.meeting ? 6 : 4,
      }),
      new TextLayer<MapContent['labels'][number]>({
        id: 'ward-labels',
        data: labelled ? content.labels : NO_LABELS,
        visible: labelled,
        getPosition: (label) => label.position,
        getText: (label) => label.text,
        getSize: this.meeting ? 17 : 12,
        getColor: [20, 20, 20, 255],
        fontFamily: 'system-ui, "Segoe UI", Roboto, Arial, sans-serif',
        fontWeight: 600,
        characterSet: 'auto',
        fontSettings: {
          sdf: true,
          fontSize: labelGlyphSize(
            distinctCharacters(labelled ? content.labels.map((label) => label.text) : []),
            this.maxTextureSize(),
          ),
        },
        outlineWidth: 3,
        outlineColor: [255, 255, 255, 230],
        getTextAnchor: 'middle',
        getAlignmentBaseline: 'center',
      }),
      ...serviceSymbolLayers(this.services, this.maxTextureSize()),
      ...this.locationLayers(),
    ];
    this.shownLayers = layers;
    this.overlay.setProps({ layers });
  }

  private textureSizeLimit: number | null = null;

  /** The largest texture the GPU draws: the map's own WebGL context says (2,048 at least in
   * WebGL 2). */
  maxTextureSize(): number {
    if (this.textureSizeLimit === null) {
      const gl = this.map.getCanvas().getContext('webgl2');
      const size: unknown = gl?.getParameter(gl.MAX_TEXTURE_SIZE);
      // A lost context answers nothing: ask again once it is back.
      if (typeof size !== 'number' || size <= 0) return 2048;
      this.textureSizeLimit = size;
    }
    return this.textureSizeLimit;
  }

  /**
   * MapLibre draws the ward colours and outlines: it cuts them into tiles simplified for each
   * zoom in its worker, draws them without instancing (deck.gl's outlines of London's 704 wards
   * took 3.6 s a frame in SwiftShader, its fills 0.16 s), and a change of view only sets each
   * ward's colour (feature state). Over a base map the colours go under its streets or names
   * (layerAboveChoropleth), so that they stay crisp above the colours; the outlines go on top.
   * deck.gl draws over the whole of MapLibre's canvas (overlaid: interleaving is broken with
   * MapLibre 6), so it keeps the selection and the ward names above everything. False until the
   * style has loaded.
   */
  private drawWardsInMapLibre(): boolean {
    const content = this.content;
    if (!content || !this.styleReady) return false;
    const source = this.map.getSource<maplibregl.GeoJSONSource>(WARDS);
    const data: GeoJSON.FeatureCollection = {
      type: 'FeatureCollection',
      features: content.features,
    };
    if (!source) {
      this.map.addSource(WARDS, { type: 'geojson', data, promoteId: 'index' });
      this.map.addLayer(
        {
          id: CHOROPLETH,
          type: 'fill',
          source: WARDS,
          paint: {
            'fill-color': ['coalesce', ['feature-state', 'colour'], 'rgba(0, 0, 0, 0)'],
            'fill-antialias': false,
          },
        },
        this.baseMap ? layerAboveChoropleth(this.map.getStyle().layers) : undefined,
      );
      this.map.addLayer({
        id: WARD_OUTLINES,
        type: 'line',
        source: WARDS,
        paint: { 'line-color': cssColour(OUTLINE) },
      });
    } else if (this.mapLibreFeatures !== content.features) {
      source.setData(data);
    }
    this.mapLibreFeatures = content.features;
    if (this.mapLibreColours !== content.colours) {
      this.mapLibreColours = content.colours;
      for (const [index, colour] of content.colours)
        this.map.setFeatureState({ source: WARDS, id: index }, { colour });
    }
    this.map.setPaintProperty(
      CHOROPLETH,
      'fill-opacity',
      this.baseMap ? this.opacity : PLAIN_FILL_ALPHA / 255,
    );
    this.map.setLayoutProperty(
      CHOROPLETH,
      'visibility',
      this.layers.choropleth ? 'visible' : 'none',
    );
    this.map.setPaintProperty(
      WARD_OUTLINES,
      'line-width',
      this.meeting ? MEETING_OUTLINE_WIDTH : OUTLINE_WIDTH,
    );
    return true;
  }

  /** Looks where a camera says (a saved view's): the area is no longer kept in view. */
  jumpTo(camera: Camera): void {
    this.keptBounds = null;
    this.map.jumpTo({ center: [camera.longitude, camera.latitude], zoom: camera.zoom });
  }

  fitBounds(bounds: Bounds): void {
    this.keptBounds = bounds;
    this.map.fitBounds(bounds, { padding: this.padding(FIT_MARGIN), duration: 0 });
  }

  /** The overlays' room plus a margin, shrunk where it would leave the map no room at all. */
  private padding(margin: number): MapPadding {
    const { clientWidth: width, clientHeight: height } = this.options.container;
    const { top, right, bottom, left } = this.overlays;
    const across = Math.min(1, (width * 0.6) / Math.max(1, left + right + 2 * margin));
    const down = Math.min(1, (height * 0.6) / Math.max(1, top + bottom + 2 * margin));
    return {
      top: (top + margin) * down,
      bottom: (bottom + margin) * down,
      left: (left + margin) * across,
      right: (right + margin) * across,
    };
  }

  /** Where the page's panels cover the map; the area is fitted again into what is left. */
  setOverlays(overlays: MapPadding): void {
    const old = this.overlays;
    if (
      old.top === overlays.top &&
      old.right === overlays.right &&
      old.bottom === overlays.bottom &&
      old.left === overlays.left
    )
      return;
    this.overlays = overlays;
    if (this.keptBounds) this.fitBounds(this.keptBounds);
  }

  /** After the layout changes the map's size; the area stays in view until the user moves. */
  resize(): void {
    this.map.resize();
    if (this.keptBounds) this.fitBounds(this.keptBounds);
  }

  remove(): void {
    this.options.container.removeEventListener('webglcontextlost', this.onContextLost, true);
    this.map.removeControl(this.overlay);
    this.overlay.finalize();
    this.map.remove();
  }
}
