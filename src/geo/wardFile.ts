/**
 * The compact ward file the app loads (`public/data/wards.topo.json`), written by the geodata
 * pipeline (`geodata/build.ts`). It is TopoJSON: shared borders are stored once and quantised
 * (all of London is about 330 kB, 95 kB gzipped, against 700 kB for the source GeoJSON).
 */
import type { GeometryCollection, Topology } from 'topojson-specification';

/** Name of the TopoJSON object that holds one geometry per ward. */
export const WARD_OBJECT = 'wards';

/** Properties of each ward geometry; the geometry's `id` is the ward's ONS code. */
export interface WardFileProperties {
  name: string;
  /** Local authority (borough) code and name; empty strings when the source had none. */
  lad: string;
  ladName: string;
  /** Where to draw the ward's label: [longitude, latitude]. */
  label: [number, number];
  /** Indices (into the geometries array) of the wards that touch this one (queen contiguity). */
  neighbours: number[];
}

export type WardTopology = Topology<{ [WARD_OBJECT]: GeometryCollection<WardFileProperties> }>;

/** `public/data/manifest.json`: what the pipeline produced and where it came from. */
export interface DataManifest {
  boundaries: {
    file: string;
    /** e.g. "ONS Wards (May 2024) Boundaries UK BGC" */
    source: string;
    /** e.g. "WD24": the code vintage detected from the property names. */
    vintage: string;
    wardCount: number;
    attribution: string;
  };
  /** Absent when no population file was found: rates are then unavailable. */
  population: {
    file: string;
    source: string;
    year: number;
    attribution: string;
  } | null;
}

/** Files the pipeline writes into `public/data/`, which the app serves as `data/`. */
export const WARDS_FILE = 'wards.topo.json';
export const POPULATION_FILE = 'population.csv';
export const MANIFEST_FILE = 'manifest.json';
export const DATA_FOLDER_URL = 'data/';
export const DEMO_OFFENCES_URL = 'demo/offences.csv';
