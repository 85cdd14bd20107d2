/** The map's part of the view: what it shows (mode and layers) and where it looks (camera). */
export type MapMode = 'choropleth' | 'hotspots';
export interface MapLayers {
  choropleth: boolean;
  /** Where loaded offence points cluster (data.police.uk, partner extracts). */
  density: boolean;
  labels: boolean;
}

export interface Camera {
  zoom: number;
  latitude: number;
  longitude: number;
}
