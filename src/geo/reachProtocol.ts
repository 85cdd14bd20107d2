/** Messages between the app and the reach worker, which works out coverage off the main thread. */
import type { MultiPolygon, Polygon } from 'geojson';
import type { Coverage, CoverageRequest } from './reach.ts';

export type ReachRequest =
  /** The ward set's shapes, in index order; sent when the wards change. */
  | { type: 'setWards'; geometries: (Polygon | MultiPolygon)[] }
  | { type: 'coverage'; id: number; request: CoverageRequest };

export type ReachResponse =
  | { type: 'progress'; id: number; fraction: number }
  | { type: 'done'; id: number; coverage: Coverage; milliseconds: number }
  /** A newer request came before this one finished: its answer is not wanted. */
  | { type: 'superseded'; id: number }
  | { type: 'failed'; id: number; message: string };
