/**
 * A dataset as it is kept in the browser: its typed arrays (the cube's month blocks, the offence
 * points) as the bytes of one stored file, written and read in a worker (storedFiles.ts), and
 * everything else as a small record (state/persistence.ts) that says how to cut the bytes up again.
 */
import type { CountBlock, OffenceCube } from './cube.ts';
import type { Dataset, OffencePoints } from './dataset.ts';

/** A dataset without its arrays, and what it takes to put them back. */
export interface DatasetRecord extends Omit<Dataset, 'cube' | 'points'> {
  cube: Omit<OffenceCube, 'cumulative'>;
  /** Number of offence points, or null for a dataset without points. */
  pointCount: number | null;
  /**
   * The stored block that each of the cube's month blocks is (months without counts share one),
   * and how many stored blocks, from the first, are Float64 (themes past 2^24 offences). Records
   * without it store one Float32 block per month.
   */
  blocks?: { of: number[]; wide: number };
}

/** The cube's distinct month blocks, Float64 ones first (see datasetArrays), and which each
 * month's block is. */
function storedBlocks(cumulative: readonly CountBlock[]): {
  blocks: CountBlock[];
  of: number[];
  wide: number;
} {
  const wide = [...new Set(cumulative.filter((block) => block instanceof Float64Array))];
  const narrow = [...new Set(cumulative.filter((block) => !(block instanceof Float64Array)))];
  const blocks = [...wide, ...narrow];
  const index = new Map(blocks.map((block, position) => [block, position]));
  return { blocks, of: cumulative.map((block) => index.get(block) as number), wide: wide.length };
}

export function datasetRecord(dataset: Dataset): DatasetRecord {
  const { cube, points, ...rest } = dataset;
  const { cumulative, ...shape } = cube;
  const { of, wide } = storedBlocks(cumulative);
  return {
    ...rest,
    cube: shape,
    pointCount: points ? points.longitude.length : null,
    blocks: { of, wide },
  };
}

/**
 * The arrays in the order they are stored: widest elements first, so that each starts on a
 * multiple of its own size with no padding (Float64 blocks, Float32 blocks, longitudes,
 * latitudes, months, themes). A block months share is stored once.
 */
export function datasetArrays(
  dataset: Pick<Dataset, 'cube' | 'points'>,
): (CountBlock | Uint16Array | Uint8Array)[] {
  const { cube, points } = dataset;
  return [
    ...storedBlocks(cube.cumulative).blocks,
    ...(points ? [points.longitude, points.latitude, points.month, points.theme] : []),
  ];
}

/** The stored blocks of a record: how many, and how many of them Float64. */
function blockCounts(record: DatasetRecord): { count: number; wide: number } {
  const { cube, blocks } = record;
  if (!blocks) return { count: cube.themes.length * cube.monthCount, wide: 0 };
  return {
    count: blocks.of.reduce((most, block) => Math.max(most, block + 1), 0),
    wide: blocks.wide,
  };
}

/** Bytes the stored file of a record holds. */
export function storedBytes(record: DatasetRecord): number {
  const { cube } = record;
  const { count, wide } = blockCounts(record);
  const counts = cube.wardCodes.length * cube.slotsPerWard * (wide * 8 + (count - wide) * 4);
  // Longitude and latitude (4 bytes each), month (2) and theme (1) per point.
  return counts + (record.pointCount ?? 0) * 11;
}

/**
 * The dataset again, its arrays as views of the stored bytes; null when the bytes are not what the
 * record describes (a write that never finished).
 */
export function datasetFromStored(record: DatasetRecord, bytes: ArrayBuffer): Dataset | null {
  if (bytes.byteLength !== storedBytes(record)) return null;
  const { pointCount, cube: shape, blocks, ...rest } = record;
  const blockLength = shape.wardCodes.length * shape.slotsPerWard;
  const { count, wide } = blockCounts(record);
  let at = 0;
  const take = <T>(make: (offset: number, length: number) => T, length: number, size: number) => {
    const array = make(at, length);
    at += length * size;
    return array;
  };
  const stored: CountBlock[] = Array.from({ length: count }, (_, index) =>
    index < wide
      ? take((offset, n) => new Float64Array(bytes, offset, n), blockLength, 8)
      : take((offset, n) => new Float32Array(bytes, offset, n), blockLength, 4),
  );
  const cumulative = blocks ? blocks.of.map((block) => stored[block] as CountBlock) : stored;
  let points: OffencePoints | null = null;
  if (pointCount !== null) {
    const longitude = take((offset, n) => new Float32Array(bytes, offset, n), pointCount, 4);
    const latitude = take((offset, n) => new Float32Array(bytes, offset, n), pointCount, 4);
    const month = take((offset, n) => new Uint16Array(bytes, offset, n), pointCount, 2);
    const theme = take((offset, n) => new Uint8Array(bytes, offset, n), pointCount, 1);
    points = { longitude, latitude, theme, month };
  }
  return { ...rest, cube: { ...shape, cumulative }, points };
}
