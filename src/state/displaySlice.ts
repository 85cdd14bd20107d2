/** How the page is shown, apart from the view a link describes: in this tab only. */
import type { StoreApi } from 'zustand';
import { type BaseMapSettings, DEFAULT_BASE_MAP } from '../data/baseMapSettings.ts';
import type { ProposedService } from '../data/services.ts';
import type { MapLayers } from '../map/mapView.ts';

/** Where "Locate me" found the device; kept in this tab only, never in the URL or storage. */
export type DeviceLocation =
  | { status: 'idle' }
  | { status: 'locating' }
  | { status: 'found'; longitude: number; latitude: number; accuracy: number; ward: string | null }
  | { status: 'failed'; message: string };

export interface DisplaySlice {
  /** Which layers the map draws. */
  layers: MapLayers;
  /** Exports apply publication mode unless the user unticks it, whatever the screen shows. */
  exportPublication: boolean;
  location: DeviceLocation;
  /** Services placed to try a scenario: in this tab only, never kept or in the URL. */
  proposedServices: ProposedService[];
  /** The type a tap on the map places, or null when taps select wards. */
  placingService: string | null;
  /** The base map under the wards: kept in this browser (baseMapKeeping.ts), never in the URL. */
  baseMap: BaseMapSettings;
  /** The largest texture this device's GPU draws, once the map has asked it (null until then):
   * it bounds how many service types have a symbol of their own. */
  maxTextureSize: number | null;
  setLayer(layer: keyof MapLayers, shown: boolean): void;
  setExportPublication(exportPublication: boolean): void;
  setLocation(location: DeviceLocation): void;
  addProposedService(service: Omit<ProposedService, 'id'>): void;
  removeProposedService(id: number): void;
  clearProposedServices(): void;
  setPlacingService(type: string | null): void;
  setBaseMap(change: Partial<BaseMapSettings>): void;
  setMaxTextureSize(maxTextureSize: number): void;
}

export function createDisplaySlice(
  set: StoreApi<DisplaySlice>['setState'],
  get: StoreApi<DisplaySlice>['getState'],
): DisplaySlice {
  return {
    layers: { choropleth: true, density: false, labels: true },
    exportPublication: true,
    location: { status: 'idle' },
    proposedServices: [],
    placingService: null,
    baseMap: DEFAULT_BASE_MAP,
    maxTextureSize: null,
    setLayer: (layer, shown) => set({ layers: { ...get().layers, [layer]: shown } }),
    setExportPublication: (exportPublication) => set({ exportPublication }),
    setLocation: (location) => set({ location }),
    addProposedService: (service) => {
      const proposed = get().proposedServices;
      const id = Math.max(0, ...proposed.map((existing) => existing.id)) + 1;
      set({ proposedServices: [...proposed, { ...service, id }] });
    },
    removeProposedService: (id) =>
      set({ proposedServices: get().proposedServices.filter((service) => service.id !== id) }),
    clearProposedServices: () => set({ proposedServices: [], placingService: null }),
    setPlacingService: (placingService) => set({ placingService }),
    setBaseMap: (change) => set({ baseMap: { ...get().baseMap, ...change } }),
    setMaxTextureSize: (maxTextureSize) => set({ maxTextureSize }),
  };
}
