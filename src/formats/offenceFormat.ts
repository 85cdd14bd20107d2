/**
 * The shape every offence file format takes: it recognises its header, then reads rows one at a
 * time into a cube builder, logging each row it rejects. `readFile.ts` picks the format and
 * streams the rows; each format lives in its own file beside this one.
 */

import type { CubeBuilder } from '../data/cube.ts';
import type { OffencePoints } from '../data/dataset.ts';
import type { RejectionLog } from '../data/report.ts';
import type { ThemeInfo } from '../data/themes.ts';
import type { WardLookup } from '../geo/wardLookup.ts';

export interface ReaderContext {
  lookup: WardLookup;
  log: RejectionLog;
  /** Ward code of a point, through the spatial index of the loaded wards; null when outside. */
  locate: (longitude: number, latitude: number) => string | null;
}

export interface ReaderResult {
  themes: ThemeInfo[];
  /** Things the user should know about the file that are not row errors. */
  notes: string[];
  points: OffencePoints | null;
}

export interface OffenceReader {
  /** The builder the reader adds to; a format decides whether its source gives times of day. */
  readonly builder: CubeBuilder;
  rowsLoaded: number;
  /** `row` is the spreadsheet row number (header = 1). */
  readRow(cells: readonly string[], row: number): void;
  /** Called once after the last row. `themes` describes the builder's themes, in any order; one
   * left out is described from its id. */
  finish(): ReaderResult;
}

export interface OffenceFormat {
  name: string;
  /** The columns a file of this format needs, for the message about a file of unknown format. */
  columns: string;
  matches(header: readonly string[]): boolean;
  createReader(header: readonly string[], context: ReaderContext): OffenceReader;
}
