/**
 * What a workspace holds, and how it is laid out in the payload that the container compresses
 * (and encrypts). All integers little-endian:
 *
 *   offset  bytes  what
 *   0       4      manifest length M (uint32)
 *   4       M      manifest: UTF-8 JSON (`Manifest`): who saved it and when, the view, the saved
 *                  views, and every loaded file's description, with numbers in typed arrays
 *                  referred to by their index in the manifest's block table
 *   B       ...    blocks, from B = 4 + M rounded up to a multiple of 8: raw typed arrays, each
 *                  starting at a multiple of 8, at the offset (from B) and of the element type and
 *                  length that the block table gives
 *
 * An offence cube is stored as the changes between its months. The app keeps a cube's counts
 * cumulative over months, as float32, one block of ward × slot counts per theme and month. Taken
 * in cube order (theme by theme, month by month), the first month of a theme contributes its
 * float32 bit patterns as they are, and each later month its bit patterns minus the previous
 * month's, modulo 2^32: adding them back in order gives the cumulative blocks bit for bit. Most of
 * these differences are zero (a ward has no offence in most hours of most months), so only the
 * others are written, in cube order: `gaps`, a uint8 block of LEB128 varints, each the distance in
 * cells from the previous non-zero difference (the first from cell -1); and their values, either
 * as a uint32 `dictionary` of at most 256 distinct values with a uint8 `codes` block indexing it
 * (counts of whole offences take few values), or as a uint32 `values` block.
 */

import {
  type PublishedCount,
  type PublishedView,
  type PublishedWorkspace,
  SUPPRESSED,
} from '../analysis/publication.ts';
import { type CountBlock, HOURS_PER_WEEK, type OffenceCube, SLOT_COUNT } from '../data/cube.ts';
import type { Dataset, OffencePoints } from '../data/dataset.ts';
import type { Populations, WardPopulation } from '../data/population.ts';
import type { LoadReport, NotRead, ReasonCount, RejectedRow } from '../data/report.ts';
import type { SavedView } from '../data/savedViews.ts';
import type { Service, ServiceFile } from '../data/services.ts';
import type { ThemeInfo } from '../data/themes.ts';
import { type ColumnMapping, checkedMappings } from '../formats/columnMapping.ts';
import { buildWardSet, type Ward, type WardFeature, type WardSet } from '../geo/wardSet.ts';
import {
  finite,
  flag,
  invalid,
  list,
  oneOf,
  orNull,
  record,
  text,
  texts,
  whole,
} from './validate.ts';

/** Written into every manifest, so that a payload is recognised as this app's. */
const APP = 'ward-hotspot-dashboard';

interface CommonContents {
  savedBy: string;
  /** ISO date-time. */
  savedAt: string;
  /** The query string of the view shown when it was saved. */
  view: string;
  savedViews: SavedView[];
  /** The user's own boundaries; null for the app's built-in ones. */
  boundaries: WardSet | null;
}

/** Everything loaded, for an analyst to carry on with. */
export interface AnalysisContents extends CommonContents {
  kind: 'analysis';
  datasets: Dataset[];
  /** The user's own populations; null for the app's built-in ones. */
  populations: Populations | null;
  services: ServiceFile | null;
  /** The column matchings the user saved. */
  columnMappings: ColumnMapping[];
}

/** Only the published figures of views, small counts hidden (analysis/publication.ts); it
 * opens read-only. */
export interface PublicationContents extends CommonContents {
  kind: 'publication';
  published: PublishedWorkspace;
}

export type WorkspaceContents = AnalysisContents | PublicationContents;
export type WorkspaceKind = WorkspaceContents['kind'];

// ---- Blocks ----

const BLOCK_TYPES = ['uint8', 'uint16', 'int32', 'uint32', 'float32', 'float64'] as const;
type BlockType = (typeof BLOCK_TYPES)[number];
const BYTES_PER_ELEMENT: Record<BlockType, number> = {
  uint8: 1,
  uint16: 2,
  int32: 4,
  uint32: 4,
  float32: 4,
  float64: 8,
};

interface BlockEntry {
  type: BlockType;
  /** Bytes from the start of the blocks; a multiple of 8. */
  offset: number;
  /** Elements. */
  length: number;
}

const alignedTo8 = (bytes: number) => Math.ceil(bytes / 8) * 8;

function bytesOf(array: ArrayBufferView): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/** The blocks a manifest refers to, laid out one after another, and how to write each. */
class BlockPlan {
  readonly entries: BlockEntry[] = [];
  readonly writers: (() => Iterable<Uint8Array>)[] = [];
  bytes = 0;

  add(type: BlockType, length: number, write: () => Iterable<Uint8Array>): number {
    this.entries.push({ type, offset: this.bytes, length });
    this.writers.push(write);
    this.bytes = alignedTo8(this.bytes + length * BYTES_PER_ELEMENT[type]);
    return this.entries.length - 1;
  }

  array(type: BlockType, array: ArrayBufferView & { length: number }): number {
    return this.add(type, array.length, () => [bytesOf(array)]);
  }
}

/** Distinct values that a uint8 code can index. */
const DICTIONARY_SIZE = 256;

/** A block's numbers as 32-bit words: a Float64 count is two words, each differenced alone. */
function wordsOf(block: CountBlock): Uint32Array {
  return new Uint32Array(block.buffer, block.byteOffset, block.byteLength / 4);
}

/**
 * The non-zero month-to-month differences of a cube's 32-bit words, in cube order: the gaps
 * between them as LEB128 varints, and their values.
 */
function cubeChanges(cube: OffenceCube): { gaps: Uint8Array; values: Uint32Array } {
  let gaps = new Uint8Array(1 << 16);
  let gapBytes = 0;
  let values = new Uint32Array(1 << 14);
  let count = 0;
  let cell = 0;
  let last = -1;
  for (let theme = 0; theme < cube.themes.length; theme += 1) {
    for (let month = 0; month < cube.monthCount; month += 1) {
      const at = theme * cube.monthCount + month;
      const block = cube.cumulative[at] as CountBlock;
      const words = wordsOf(block);
      const before = month === 0 ? null : (cube.cumulative[at - 1] as CountBlock);
      // A month without counts shares the block before it: no change at all.
      if (before === block) {
        cell += words.length;
        continue;
      }
      const previous = before && wordsOf(before);
      for (let index = 0; index < words.length; index += 1, cell += 1) {
        const difference =
          ((words[index] as number) - (previous ? (previous[index] as number) : 0)) >>> 0;
        if (difference === 0) continue;
        if (count === values.length) values = grown(values);
        values[count] = difference;
        count += 1;
        if (gapBytes + 5 > gaps.length) gaps = grown(gaps);
        let gap = cell - last;
        last = cell;
        while (gap >= 0x80) {
          gaps[gapBytes++] = (gap & 0x7f) | 0x80;
          gap = Math.floor(gap / 0x80);
        }
        gaps[gapBytes++] = gap;
      }
    }
  }
  return { gaps: gaps.subarray(0, gapBytes), values: values.subarray(0, count) };
}

function grown<Array extends Uint8Array | Uint32Array>(array: Array): Array {
  const larger = new (array.constructor as new (length: number) => Array)(array.length * 2);
  larger.set(array);
  return larger;
}

/** The values as codes into a dictionary of their distinct values, when they have few. */
function dictionaryOf(values: Uint32Array): { dictionary: Uint32Array; codes: Uint8Array } | null {
  const codeOf = new Map<number, number>();
  const codes = new Uint8Array(values.length);
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index] as number;
    let code = codeOf.get(value);
    if (code === undefined) {
      if (codeOf.size === DICTIONARY_SIZE) return null;
      code = codeOf.size;
      codeOf.set(value, code);
    }
    codes[index] = code;
  }
  return { dictionary: Uint32Array.from(codeOf.keys()), codes };
}

// ---- Writing ----

function cubeEntry(cube: OffenceCube, plan: BlockPlan) {
  const { gaps, values } = cubeChanges(cube);
  const dictionary = dictionaryOf(values);
  return {
    themes: cube.themes,
    firstMonth: cube.firstMonth,
    monthCount: cube.monthCount,
    wardCodes: cube.wardCodes,
    slotsPerWard: cube.slotsPerWard,
    // Themes whose counts passed 2^24 are Float64: two words a count.
    wide: cube.themes.map(
      (_, theme) => cube.cumulative[theme * cube.monthCount] instanceof Float64Array,
    ),
    encoding: 'sparse-month-differences',
    changes: values.length,
    gaps: plan.array('uint8', gaps),
    ...(dictionary
      ? {
          dictionary: plan.array('uint32', dictionary.dictionary),
          codes: plan.array('uint8', dictionary.codes),
        }
      : { values: plan.array('uint32', values) }),
  };
}

function pointsEntry(points: OffencePoints, plan: BlockPlan) {
  return {
    longitude: plan.array('float32', points.longitude),
    latitude: plan.array('float32', points.latitude),
    theme: plan.array('uint8', points.theme),
    month: plan.array('uint16', points.month),
  };
}

function reportEntry(report: LoadReport, plan: BlockPlan) {
  const { rejections, ...plain } = report;
  return {
    ...plain,
    rejections: {
      rows: plan.array('int32', rejections.rows),
      reasons: plan.array('uint16', rejections.reasons),
      details: rejections.details,
    },
  };
}

function datasetEntry(dataset: Dataset, plan: BlockPlan) {
  // Every other field is plain data, written as it is, so that fields added later travel without
  // this code knowing them.
  const { cube, points, report, ...plain } = dataset;
  return {
    ...plain,
    cube: cubeEntry(cube, plan),
    report: reportEntry(report, plan),
    points: points === null ? null : pointsEntry(points, plan),
  };
}

/** Ward shapes as two blocks: each ward's structure, and every position. */
function boundariesEntry(wards: WardSet, plan: BlockPlan) {
  const structure: number[] = [];
  const coordinates: number[] = [];
  for (const feature of wards.features) {
    const geometry = feature.geometry;
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    structure.push(geometry.type === 'Polygon' ? 0 : 1, polygons.length);
    for (const rings of polygons) {
      structure.push(rings.length);
      for (const ring of rings) {
        structure.push(ring.length);
        for (const position of ring) coordinates.push(position[0] as number, position[1] as number);
      }
    }
  }
  return {
    wards: wards.wards.map(({ code, name, lad, ladName, label, neighbours }) => ({
      code,
      name,
      lad,
      ladName,
      label,
      neighbours,
    })),
    structure: plan.array('uint32', Uint32Array.from(structure)),
    coordinates: plan.array('float64', Float64Array.from(coordinates)),
  };
}

function populationsEntry(kept: Populations, plan: BlockPlan) {
  const codes = [...kept.populations.keys()];
  const values = codes.map((code) => kept.populations.get(code) as WardPopulation);
  return {
    source: kept.source,
    codes,
    population: plan.array(
      'float64',
      Float64Array.from(values, (value) => value.population),
    ),
    // NaN where the file gave no population aged 10-24.
    population10to24: plan.array(
      'float64',
      Float64Array.from(values, (value) => value.population10to24 ?? Number.NaN),
    ),
  };
}

export interface EncodedPayload {
  bytes: number;
  /** The payload's bytes in order, produced as they are read. */
  chunks: Iterable<Uint8Array>;
}

export function encodeContents(contents: WorkspaceContents): EncodedPayload {
  const plan = new BlockPlan();
  const common = {
    app: APP,
    kind: contents.kind,
    savedBy: contents.savedBy,
    savedAt: contents.savedAt,
    view: contents.view,
    savedViews: contents.savedViews,
    boundaries: contents.boundaries ? boundariesEntry(contents.boundaries, plan) : null,
  };
  const body =
    contents.kind === 'analysis'
      ? {
          datasets: contents.datasets.map((dataset) => datasetEntry(dataset, plan)),
          populations: contents.populations ? populationsEntry(contents.populations, plan) : null,
          services: contents.services,
          columnMappings: contents.columnMappings,
        }
      : { published: contents.published };
  const manifest = new TextEncoder().encode(
    JSON.stringify({ ...common, ...body, blocks: plan.entries }),
  );
  const blocksStart = alignedTo8(4 + manifest.length);
  const bytes = blocksStart + plan.bytes;
  function* chunks(): Iterable<Uint8Array> {
    const prefix = new Uint8Array(blocksStart);
    new DataView(prefix.buffer).setUint32(0, manifest.length, true);
    prefix.set(manifest, 4);
    yield prefix;
    let written = 0;
    for (const [index, entry] of plan.entries.entries()) {
      const padding = entry.offset - written;
      if (padding > 0) yield new Uint8Array(padding);
      written = entry.offset;
      for (const chunk of (plan.writers[index] as () => Iterable<Uint8Array>)()) {
        yield chunk;
        written += chunk.length;
      }
    }
    if (plan.bytes > written) yield new Uint8Array(plan.bytes - written);
  }
  return { bytes, chunks: chunks() };
}

// ---- Reading ----

/** The payload's blocks, each copied out into an array of its own when asked for. */
class Blocks {
  private readonly entries: BlockEntry[];
  private readonly payload: Uint8Array;
  private readonly start: number;

  constructor(payload: Uint8Array, start: number, table: unknown) {
    this.payload = payload;
    this.start = start;
    this.entries = list(table, 'block table').map((item) => {
      const entry = record(item, 'block table');
      const type = oneOf(entry.type, BLOCK_TYPES, 'block type');
      const offset = whole(entry.offset, 'block offset');
      const length = whole(entry.length, 'block length');
      if (offset % 8 !== 0 || start + offset + length * BYTES_PER_ELEMENT[type] > payload.length)
        invalid('a block outside the file');
      return { type, offset, length };
    });
  }

  /** A copy of block `reference`, which must be of `type` and, when given, `length` long. */
  bytes(reference: unknown, type: BlockType, length: number | null, what: string): ArrayBuffer {
    const entry = this.entries[whole(reference, what)];
    if (!entry || entry.type !== type || (length !== null && entry.length !== length))
      invalid(what);
    const from = this.start + entry.offset;
    return this.payload.slice(from, from + entry.length * BYTES_PER_ELEMENT[type]).buffer;
  }

  float32(reference: unknown, length: number | null, what: string): Float32Array<ArrayBuffer> {
    return new Float32Array(this.bytes(reference, 'float32', length, what));
  }

  float64(reference: unknown, length: number | null, what: string): Float64Array<ArrayBuffer> {
    return new Float64Array(this.bytes(reference, 'float64', length, what));
  }
}

/** Month indices the calendar accepts: 1900 to 2200. */
const MONTH_INDEX_RANGE = [1900 * 12, 2200 * 12 + 11] as const;

function checkedCube(value: unknown, blocks: Blocks): OffenceCube {
  const cube = record(value, 'offence cube');
  if (cube.encoding !== 'sparse-month-differences') invalid('offence cube encoding');
  const themes = texts(cube.themes, 'offence cube themes');
  const wardCodes = texts(cube.wardCodes, 'offence cube wards');
  const firstMonth = whole(cube.firstMonth, 'offence cube months', 0, MONTH_INDEX_RANGE[1]);
  const monthCount = whole(cube.monthCount, 'offence cube months', 0, 12 * 300);
  if (monthCount > 0 && firstMonth < MONTH_INDEX_RANGE[0]) invalid('offence cube months');
  const slotsPerWard = whole(cube.slotsPerWard, 'offence cube slots');
  if (slotsPerWard !== 1 && slotsPerWard !== SLOT_COUNT) invalid('offence cube slots');
  const wide = list(cube.wide, 'offence cube widths').map((item) =>
    flag(item, 'offence cube widths'),
  );
  if (wide.length !== themes.length) invalid('offence cube widths');
  const blockLength = wardCodes.length * slotsPerWard;
  const wordsOf = (theme: number) => blockLength * (wide[theme] ? 2 : 1);
  const cells = themes.reduce((sum, _, theme) => sum + monthCount * wordsOf(theme), 0);
  const changes = whole(cube.changes, 'offence cube counts', 0, cells);
  const gaps = new Uint8Array(blocks.bytes(cube.gaps, 'uint8', null, 'offence cube counts'));
  let valueAt: (index: number) => number;
  if (cube.dictionary !== undefined) {
    const dictionary = new Uint32Array(
      blocks.bytes(cube.dictionary, 'uint32', null, 'offence cube counts'),
    );
    const codes = new Uint8Array(blocks.bytes(cube.codes, 'uint8', changes, 'offence cube counts'));
    if (codes.some((code) => code >= dictionary.length)) invalid('offence cube counts');
    valueAt = (index) => dictionary[codes[index] as number] as number;
  } else {
    const values = new Uint32Array(
      blocks.bytes(cube.values, 'uint32', changes, 'offence cube counts'),
    );
    valueAt = (index) => values[index] as number;
  }
  // The changes are read one at a time as the months are rebuilt, in cube order.
  let read = 0;
  let at = 0;
  let cell = -1;
  const nextChange = (): number => {
    if (read === changes) return Number.POSITIVE_INFINITY;
    let gap = 0;
    for (let shift = 0; ; shift += 7) {
      if (at >= gaps.length || shift > 35) invalid('offence cube counts');
      const byte = gaps[at++] as number;
      gap += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) break;
    }
    cell += gap;
    if (gap === 0 || cell >= cells) invalid('offence cube counts');
    read += 1;
    return cell;
  };
  let pending = nextChange();
  const cumulative: CountBlock[] = [];
  let start = 0;
  for (let theme = 0; theme < themes.length; theme += 1) {
    const words = wordsOf(theme);
    let previous: Uint32Array<ArrayBuffer> | null = null;
    let previousBlock: CountBlock | null = null;
    for (let month = 0; month < monthCount; month += 1) {
      const end = start + words;
      if (pending >= end && previousBlock) {
        // No change this month: it shares the block before, as the app's own cubes do.
        cumulative.push(previousBlock);
        start = end;
        continue;
      }
      // uint32 arithmetic wraps as the differences were made.
      const current: Uint32Array<ArrayBuffer> = previous
        ? previous.slice()
        : new Uint32Array(words);
      while (pending < end) {
        const index = pending - start;
        current[index] = ((current[index] as number) + valueAt(read - 1)) >>> 0;
        pending = nextChange();
      }
      const block = wide[theme]
        ? new Float64Array(current.buffer)
        : new Float32Array(current.buffer);
      for (const count of block)
        if (!(count >= 0 && count < Number.POSITIVE_INFINITY)) invalid('offence cube counts');
      cumulative.push(block);
      previous = current;
      previousBlock = block;
      start = end;
    }
  }
  if (pending !== Number.POSITIVE_INFINITY || at !== gaps.length) invalid('offence cube counts');
  return { themes, firstMonth, monthCount, wardCodes, slotsPerWard, cumulative };
}

function checkedPoints(value: unknown, blocks: Blocks): OffencePoints {
  const points = record(value, 'offence points');
  const longitude = blocks.float32(points.longitude, null, 'offence points');
  const length = longitude.length;
  return {
    longitude,
    latitude: blocks.float32(points.latitude, length, 'offence points'),
    theme: new Uint8Array(blocks.bytes(points.theme, 'uint8', length, 'offence points')),
    month: new Uint16Array(blocks.bytes(points.month, 'uint16', length, 'offence points')),
  };
}

const THEME_GROUPS: readonly ThemeInfo['group'][] = ['serious_violence', 'other_recorded_crime'];
const DENOMINATORS: readonly ThemeInfo['denominator'][] = ['residents', 'residents_10_24'];

function checkedThemeInfo(value: unknown): ThemeInfo {
  const info = record(value, 'theme');
  const checked: ThemeInfo = {
    id: text(info.id, 'theme'),
    label: text(info.label, 'theme'),
    group: oneOf(info.group, THEME_GROUPS, 'theme group'),
    denominator: oneOf(info.denominator, DENOMINATORS, 'theme denominator'),
  };
  if (info.definition !== undefined) checked.definition = text(info.definition, 'theme');
  return checked;
}

function checkedNotRead(value: unknown): NotRead {
  const notRead = record(value, 'load report');
  return {
    cause: oneOf(notRead.cause, ['cancelled', 'stopped'] as const, 'load report'),
    message: orNull(notRead.message, (message) => text(message, 'load report')),
    bytes: whole(notRead.bytes, 'load report'),
    estimatedRows: orNull(notRead.estimatedRows, (rows) => whole(rows, 'load report')),
  };
}

function checkedReport(value: unknown, blocks: Blocks): LoadReport {
  const report = record(value, 'load report');
  const reasons = list(report.reasons, 'load report').map((item): ReasonCount => {
    const reason = record(item, 'load report');
    return {
      reason: text(reason.reason, 'load report'),
      count: whole(reason.count, 'load report'),
      setAside: flag(reason.setAside, 'load report'),
    };
  });
  const rejections = record(report.rejections, 'load report');
  const rows = new Int32Array(blocks.bytes(rejections.rows, 'int32', null, 'load report'));
  const reasonIndices = new Uint16Array(
    blocks.bytes(rejections.reasons, 'uint16', rows.length, 'load report'),
  );
  if (reasonIndices.some((index) => index >= reasons.length)) invalid('load report');
  return {
    // Fields this version does not know are kept as they were written.
    ...report,
    fileName: text(report.fileName, 'load report'),
    format: text(report.format, 'load report'),
    rowsRead: whole(report.rowsRead, 'load report'),
    rowsLoaded: whole(report.rowsLoaded, 'load report'),
    rejectedCount: whole(report.rejectedCount, 'load report'),
    setAsideCount: whole(report.setAsideCount, 'load report'),
    reasons,
    rejected: list(report.rejected, 'load report').map((item): RejectedRow => {
      const row = record(item, 'load report');
      return { row: whole(row.row, 'load report'), reason: text(row.reason, 'load report') };
    }),
    rejections: {
      rows,
      reasons: reasonIndices,
      details: texts(rejections.details, 'load report'),
    },
    blankRows: whole(report.blankRows, 'load report'),
    lines: orNull(report.lines, (lines) => whole(lines, 'load report')),
    notRead: orNull(report.notRead, checkedNotRead),
    notes: texts(report.notes, 'load report'),
  };
}

function checkedDataset(value: unknown, blocks: Blocks): Dataset {
  const dataset = record(value, 'dataset');
  const cube = checkedCube(dataset.cube, blocks);
  const themes = list(dataset.themes, 'dataset themes').map(checkedThemeInfo);
  if (
    themes.length !== cube.themes.length ||
    themes.some((info, at) => info.id !== cube.themes[at])
  )
    invalid('dataset themes');
  const points = orNull(dataset.points, (points) => checkedPoints(points, blocks));
  if (points?.theme.some((theme) => theme >= themes.length)) invalid('offence points');
  return {
    ...dataset,
    id: text(dataset.id, 'dataset'),
    fileName: text(dataset.fileName, 'dataset'),
    format: text(dataset.format, 'dataset'),
    synthetic: flag(dataset.synthetic, 'dataset'),
    loadedAt: text(dataset.loadedAt, 'dataset'),
    cube,
    themes,
    replacedThemes: texts(dataset.replacedThemes, 'dataset'),
    report: checkedReport(dataset.report, blocks),
    points,
  };
}

function checkedPosition(value: unknown, what: string): [number, number] {
  const position = list(value, what);
  const longitude = finite(position[0], what);
  const latitude = finite(position[1], what);
  if (position.length !== 2 || Math.abs(longitude) > 180 || Math.abs(latitude) > 90) invalid(what);
  return [longitude, latitude];
}

function checkedBoundaries(value: unknown, blocks: Blocks): WardSet {
  const boundaries = record(value, 'boundaries');
  const entries = list(boundaries.wards, 'boundaries');
  const wards: Ward[] = entries.map((item, index) => {
    const ward = record(item, 'boundaries');
    return {
      index,
      code: text(ward.code, 'boundaries'),
      name: text(ward.name, 'boundaries'),
      lad: text(ward.lad, 'boundaries'),
      ladName: text(ward.ladName, 'boundaries'),
      label: checkedPosition(ward.label, 'ward label'),
      neighbours: list(ward.neighbours, 'boundaries').map((other) =>
        whole(other, 'ward neighbours', 0, entries.length - 1),
      ),
    };
  });
  const structure = new Uint32Array(blocks.bytes(boundaries.structure, 'uint32', null, 'shapes'));
  const coordinates = blocks.float64(boundaries.coordinates, null, 'shapes');
  let at = 0;
  let position = 0;
  const next = () => {
    if (at >= structure.length) invalid('ward shapes');
    return structure[at++] as number;
  };
  const features: WardFeature[] = wards.map((ward) => {
    const multi = next();
    const polygons = Array.from({ length: next() }, () =>
      Array.from({ length: next() }, () =>
        Array.from({ length: next() }, () => {
          if (position + 2 > coordinates.length) invalid('ward shapes');
          const point = checkedPosition(
            [coordinates[position], coordinates[position + 1]],
            'ward shapes',
          );
          position += 2;
          return point;
        }),
      ),
    );
    if (multi > 1 || polygons.length === 0 || (multi === 0 && polygons.length !== 1))
      invalid('ward shapes');
    return {
      type: 'Feature',
      geometry:
        multi === 0
          ? { type: 'Polygon', coordinates: polygons[0] ?? [] }
          : { type: 'MultiPolygon', coordinates: polygons },
      properties: { index: ward.index },
    };
  });
  if (at !== structure.length || position !== coordinates.length) invalid('ward shapes');
  return buildWardSet(wards, features);
}

function checkedPopulations(value: unknown, blocks: Blocks): Populations {
  const kept = record(value, 'populations');
  const source = record(kept.source, 'populations');
  const codes = texts(kept.codes, 'populations');
  const population = blocks.float64(kept.population, codes.length, 'populations');
  const youth = blocks.float64(kept.population10to24, codes.length, 'populations');
  return {
    source: {
      name: text(source.name, 'populations'),
      year: orNull(source.year, (year) => whole(year, 'populations')),
    },
    populations: new Map(
      codes.map((code, index) => {
        const young = youth[index] as number;
        return [
          code,
          {
            population: finite(population[index], 'populations'),
            population10to24: Number.isNaN(young) ? null : finite(young, 'populations'),
          },
        ];
      }),
    ),
  };
}

function checkedServices(value: unknown): ServiceFile {
  const file = record(value, 'services');
  return {
    fileName: text(file.fileName, 'services'),
    loadedAt: text(file.loadedAt, 'services'),
    types: texts(file.types, 'services'),
    services: list(file.services, 'services').map((item): Service => {
      const service = record(item, 'service');
      const [longitude, latitude] = checkedPosition(
        [service.longitude, service.latitude],
        'service position',
      );
      return {
        row: whole(service.row, 'service'),
        name: text(service.name, 'service'),
        type: text(service.type, 'service'),
        longitude,
        latitude,
        themes: texts(service.themes, 'service'),
        notes: text(service.notes, 'service'),
      };
    }),
  };
}

function checkedColumnMappings(value: unknown): ColumnMapping[] {
  const checked = checkedMappings(value);
  if ('error' in checked) invalid(`column mappings: ${checked.error}`);
  return checked.mappings;
}

/** A published count: hidden, or whole and not from 1 to the threshold. */
function checkedPublishedCount(value: unknown, suppressedUpTo: number): PublishedCount {
  if (value === SUPPRESSED) return SUPPRESSED;
  const count = whole(value, 'published count');
  if (count >= 1 && count <= suppressedUpTo) invalid('a count under the threshold');
  return count;
}

function checkedPublished(value: unknown): PublishedWorkspace {
  const published = record(value, 'published figures');
  const suppressedUpTo = whole(published.suppressedUpTo, 'published threshold', 1, 100);
  const count = (item: unknown) => checkedPublishedCount(item, suppressedUpTo);
  return {
    suppressedUpTo,
    views: list(published.views, 'published views').map((item): PublishedView => {
      const view = record(item, 'published view');
      return {
        name: text(view.name, 'published view'),
        search: text(view.search, 'published view'),
        areaName: text(view.areaName, 'published view'),
        themeLabel: text(view.themeLabel, 'published view'),
        period: text(view.period, 'published view'),
        wards: list(view.wards, 'published wards').map((entry) => {
          const ward = record(entry, 'published ward');
          return {
            code: text(ward.code, 'published ward'),
            name: text(ward.name, 'published ward'),
            count: orNull(ward.count, count),
          };
        }),
        heatmap: orNull(view.heatmap, (entry) => {
          const heatmap = record(entry, 'published heatmap');
          const cells = list(heatmap.cells, 'published heatmap').map(count);
          if (cells.length !== HOURS_PER_WEEK) invalid('published heatmap');
          return { cells, unknownTime: count(heatmap.unknownTime) };
        }),
      };
    }),
  };
}

export function checkedSavedViews(value: unknown): SavedView[] {
  return list(value, 'saved views').map((item) => {
    const view = record(item, 'saved view');
    const search = text(view.search, 'saved view');
    if (search !== '' && !search.startsWith('?')) text(null, 'saved view');
    return {
      id: text(view.id, 'saved view'),
      name: text(view.name, 'saved view'),
      search,
      savedAt: text(view.savedAt, 'saved view'),
    };
  });
}

/** The contents of a payload, every value checked; the typed arrays are the caller's to keep. */
export function decodeContents(payload: Uint8Array): WorkspaceContents {
  if (payload.length < 4) invalid('no manifest');
  const manifestLength = new DataView(
    payload.buffer,
    payload.byteOffset,
    payload.byteLength,
  ).getUint32(0, true);
  if (4 + manifestLength > payload.length) invalid('no manifest');
  let parsed: unknown;
  try {
    parsed = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(payload.subarray(4, 4 + manifestLength)),
    );
  } catch {
    invalid('the manifest is not JSON');
  }
  const manifest = record(parsed, 'manifest');
  if (manifest.app !== APP) invalid('not saved by this app');
  const blocks = new Blocks(payload, alignedTo8(4 + manifestLength), manifest.blocks);
  const common: CommonContents = {
    savedBy: text(manifest.savedBy, 'saved by'),
    savedAt: text(manifest.savedAt, 'saved at'),
    view: text(manifest.view, 'view'),
    savedViews: checkedSavedViews(manifest.savedViews),
    boundaries: orNull(manifest.boundaries, (boundaries) => checkedBoundaries(boundaries, blocks)),
  };
  const kind = oneOf(manifest.kind, ['analysis', 'publication'] as const, 'kind');
  if (kind === 'publication')
    return { kind, ...common, published: checkedPublished(manifest.published) };
  return {
    kind,
    ...common,
    datasets: list(manifest.datasets, 'datasets').map((dataset) => checkedDataset(dataset, blocks)),
    populations: orNull(manifest.populations, (populations) =>
      checkedPopulations(populations, blocks),
    ),
    services: orNull(manifest.services, checkedServices),
    columnMappings: checkedColumnMappings(manifest.columnMappings),
  };
}
