/** Messages between the app and the file-reading worker. */
import type { WardIdentity } from '../geo/wardLookup.ts';
import type { ParsedFile } from './readFile.ts';

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
  | { id: number; type: 'cancel' };

export type WorkerResponse =
  | { id: number; type: 'progress'; fraction: number }
  | { id: number; type: 'done'; result: ParsedFile }
  | { id: number; type: 'failed'; message: string };
