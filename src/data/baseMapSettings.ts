/**
 * The user's base map settings and what the app knows of a loaded base map file: small and
 * without the PMTiles reader, so the store and the settings panel load none of the base map's
 * code (baseMapFile.ts) until a base map is wanted.
 */

export type BaseMapChoice = 'none' | 'file' | 'service';

/** The user's base map settings, kept in this browser. */
export interface BaseMapSettings {
  choice: BaseMapChoice;
  /** The file kept in this browser, once one is loaded. */
  file: BaseMapFileInfo | null;
  /** How opaque the ward colours are over a base map, from 0.2 to 1. */
  opacity: number;
}

export const MIN_OPACITY = 0.2;

/**
 * No base map: the app requests nothing, and shows the wards on a plain background. Over a base
 * map the ward colours let streets and names through by default; the user can change it.
 */
export const DEFAULT_BASE_MAP: BaseMapSettings = { choice: 'none', file: null, opacity: 0.6 };

/** A layer of the tiles, as the file's metadata lists it (`vector_layers`). */
export interface VectorLayer {
  id: string;
  /** Attribute names and types, e.g. `{ name: 'String' }`. */
  fields: Readonly<Record<string, string>>;
}

/** Which published style draws the file: the Protomaps basemap schema, or whatever it holds. */
export type BaseMapSchema = 'protomaps' | 'layers';

export interface BaseMapFileInfo {
  id: string;
  fileName: string;
  bytes: number;
  schema: BaseMapSchema;
  layers: VectorLayer[];
  minZoom: number;
  maxZoom: number;
  /** [west, south, east, north] */
  bounds: [number, number, number, number];
  /** The credit the file asks for, as plain text; null when it gives none. */
  attribution: string | null;
}
