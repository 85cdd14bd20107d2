/** The parts of shpjs the app uses: a .shp's geometries and a .dbf's records, unprojected. */
declare module 'shpjs' {
  import type { Geometry } from 'geojson';
  export function parseShp(
    shp: DataView | ArrayBuffer | Uint8Array,
    prj?: string,
  ): (Geometry | null)[];
  export function parseDbf(
    dbf: DataView | ArrayBuffer | Uint8Array,
    cpg?: DataView | ArrayBuffer | Uint8Array | string,
  ): Record<string, unknown>[];
}
