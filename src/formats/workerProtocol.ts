/** Messages between the app and the file-reading worker. */

import type { LocatableWard } from '../geo/wardLocator.ts';
import type { WardIdentity } from '../geo/wardLookup.ts';
import type { ParsedBoundaries } from './boundaryFile.ts';
import type { ParsedFile } from './readFile.ts';

/** What a read gives: offences or populations, or ward boundaries (a GeoJSON file). */
export type WorkerResult = ParsedFile | ParsedBoundaries;

export type WorkerRequest =
  | {
      id: number;
      type: 'read';
      /** A user's file, or a URL of the app's own (the demo data). */
      source: File | { url: string };
      fileName: string;
      wards: WardIdentity[];
      preferredLad: string | null;
    }
  | { id: number; type: 'cancel' }
  /** The wards' shapes, for placing offences given as points; sent when the wards change. */
  | { type: 'setWards'; wards: LocatableWard[] };

export type WorkerResponse =
  | { id: number; type: 'progress'; fraction: number }
  | { id: number; type: 'done'; result: WorkerResult }
  | { id: number; type: 'failed'; message: string };
