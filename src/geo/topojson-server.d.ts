/** topojson-server ships no types; this is the one function the geodata pipeline uses. */
declare module 'topojson-server' {
  import type { GeoJsonObject } from 'geojson';
  import type { Topology } from 'topojson-specification';

  /**
   * Builds a topology from named GeoJSON objects. With `quantization` (e.g. 1e5) the input is
   * snapped to a grid of that many steps across its bounding box before arcs are found.
   * Note: the output geometries are shallow copies of the input (coordinates may be reused).
   */
  export function topology(objects: Record<string, GeoJsonObject>, quantization?: number): Topology;
}
