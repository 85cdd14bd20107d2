/** The map panel: creates the WardMap once and passes it the current figures. */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { AreaFigures } from '../analysis/areaFigures.ts';
import { DEFAULT_SUPPRESSION_THRESHOLD } from '../analysis/suppression.ts';
import { CONFIGURED_TILE_SERVICE } from '../map/configuredTileService.ts';
import { mapContentFor } from '../map/mapContent.ts';
import { shownBaseMap } from '../map/shownBaseMap.ts';
import { type MapPadding, WardMap } from '../map/wardMap.ts';
import { selectDensityPositions, useAreaStatistics } from '../state/selectors.ts';
import { useAppStore } from '../state/store.ts';
import { useServicesOnMap } from './servicesOnMap.ts';

const MAP_ATTRIBUTION =
  'Boundaries: ONS, OGL v3. Contains OS data © Crown copyright and database right 2024';

/**
 * Tablets drop WebGL contexts when memory runs short, and a lost context may never come back:
 * the map is then mounted afresh, with new canvases and contexts.
 */
export default function MapView({
  figures,
  overlays = NO_OVERLAYS,
}: {
  figures: AreaFigures;
  /** Where the page's panels cover the map: the area is fitted into the rest. */
  overlays?: MapPadding;
}) {
  const [generation, setGeneration] = useState(0);
  return (
    <WardMapPanel
      key={generation}
      figures={figures}
      overlays={overlays}
      onContextLost={() => setGeneration((current) => current + 1)}
    />
  );
}

const NO_OVERLAYS: MapPadding = { top: 0, right: 0, bottom: 0, left: 0 };

function WardMapPanel({
  figures,
  overlays,
  onContextLost,
}: {
  figures: AreaFigures;
  overlays: MapPadding;
  onContextLost(): void;
}) {
  const containerRef = useRef<HTMLElement>(null);
  const mapRef = useRef<WardMap | null>(null);
  const selectWard = useAppStore((state) => state.selectWard);
  const areaId = figures.area.id;
  const shownArea = useRef(areaId);
  const initialBounds = useRef(figures.area.bounds);
  const contextLost = useRef(onContextLost);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const map = new WardMap({
      container,
      camera: useAppStore.getState().camera,
      bounds: initialBounds.current,
      attribution: MAP_ATTRIBUTION,
      onSelect: (index) => {
        const { wards } = useAppStore.getState();
        const ward = index === null ? null : (wards?.wards[index]?.code ?? null);
        selectWard(ward);
      },
      // No component renders the camera: moving the map re-renders nothing.
      onCameraChange: (camera) => useAppStore.getState().setCamera(camera),
      onFirstPaint: () => {
        performance.mark('choropleth-painted');
        useAppStore.getState().setMaxTextureSize(map.maxTextureSize());
      },
      onContextLost: () => contextLost.current(),
    });
    mapRef.current = map;
    const resize = new ResizeObserver(() => map.resize());
    resize.observe(container);
    return () => {
      resize.disconnect();
      map.remove();
      mapRef.current = null;
    };
  }, [selectWard]);

  const statistics = useAreaStatistics();
  const mapMode = useAppStore((state) => state.mapMode);
  const measure = useAppStore((state) => state.measure);
  const publication = useAppStore((state) => state.publication);
  const wards = useAppStore((state) => state.wards);
  useEffect(() => {
    const suppressAt = publication ? DEFAULT_SUPPRESSION_THRESHOLD : null;
    if (wards)
      mapRef.current?.setContent(
        mapContentFor(figures, wards, { mapMode, measure, statistics, suppressAt }),
      );
  }, [figures, wards, statistics, mapMode, measure, publication]);

  const layers = useAppStore((state) => state.layers);
  const density = useAppStore((state) =>
    state.layers.density ? selectDensityPositions(state) : null,
  );
  useEffect(() => mapRef.current?.setLayers(layers), [layers]);
  const location = useAppStore((state) => state.location);
  useEffect(
    () => mapRef.current?.setLocation(location.status === 'found' ? location : null),
    [location],
  );
  useEffect(() => mapRef.current?.setDensity(density), [density]);
  useServicesOnMap(mapRef, figures);

  const baseMapChoice = useAppStore((state) => state.baseMap.choice);
  const baseMapFile = useAppStore((state) => state.baseMap.file);
  const opacity = useAppStore((state) => state.baseMap.opacity);
  const baseMap = useMemo(
    () => shownBaseMap({ choice: baseMapChoice, file: baseMapFile }, CONFIGURED_TILE_SERVICE),
    [baseMapChoice, baseMapFile],
  );
  useEffect(() => mapRef.current?.setBaseMap(baseMap), [baseMap]);
  useEffect(() => mapRef.current?.setOpacity(opacity), [opacity]);
  useEffect(() => mapRef.current?.setOverlays(overlays), [overlays]);

  useEffect(() => {
    if (shownArea.current === areaId) return;
    shownArea.current = areaId;
    mapRef.current?.fitBounds(figures.area.bounds);
  }, [areaId, figures.area.bounds]);

  // After the area's bounds: a saved view's camera wins over its area's extent.
  const cameraRequest = useAppStore((state) => state.cameraRequest);
  const setCameraRequest = useAppStore((state) => state.setCameraRequest);
  useEffect(() => {
    if (!cameraRequest || !mapRef.current) return;
    mapRef.current.jumpTo(cameraRequest);
    setCameraRequest(null);
  }, [cameraRequest, setCameraRequest]);

  // In a meeting the map follows the ward under discussion, and the area when there is none.
  const meeting = useAppStore((state) => state.meeting);
  const selectedIndex = figures.wards.find((ward) => ward.code === figures.selectedWard)?.index;
  useEffect(() => mapRef.current?.setMeeting(meeting), [meeting]);
  useEffect(() => {
    if (!meeting) return;
    if (selectedIndex === undefined) mapRef.current?.fitBounds(figures.area.bounds);
    else mapRef.current?.zoomToWard(selectedIndex);
  }, [meeting, selectedIndex, figures.area.bounds]);

  return (
    <section
      ref={containerRef}
      className="ward-map"
      aria-label={`Map of wards in ${figures.area.name}. The ward table gives the same figures.`}
    />
  );
}
