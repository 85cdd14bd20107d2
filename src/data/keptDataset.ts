/**
 * A dataset as it is kept in the browser: its typed arrays (the cube's month blocks, the offence
 * points) as the bytes of one stored file, written and read in a worker (storedFiles.ts), and
 * everything else as a small record (state/persistence.ts) that says how to cut the bytes up again.
 */
import type { OffenceCube } from './cube.ts';
import type { Dataset, OffencePoints } from './dataset.ts';

/** A dataset without its arrays, and what it takes to put them back. */
export interface DatasetRecord extends Omit<Dataset, 'cube' | 'points'> {
  cube: Omit<OffenceCube, 'cumulative'>;
  /** Number of offence points, or null for a dataset without points. */
  pointCount: number | null;
}

export function datasetRecord(dataset: Dataset): DatasetRecord {
  const { cube, points, ...rest } = dataset;
  const { cumulative, ...shape } = cube;
  return {
    ...rest,
    cube: shape,
    pointCount: points ? points.longitude.length : null,
  };
}

/**
 * The arrays in the order they are stored: widest elements first, so that each starts on a
 * multiple of its own size with no padding (blocks, longitudes, latitudes, months, themes).
 */
export function datasetArrays(
  dataset: Pick<Dataset, 'cube' | 'points'>,
): (Float32Array | Uint16Array | Uint8Array)[] {
  const { cube, points } = dataset;
  return [
    ...cube.cumulative,
    ...(points ? [points.longitude, points.latitude, points.month, points.theme] : []),
  ];
}

/** Bytes the stored file of a record holds. */
export function storedBytes(record: DatasetRecord): number {
  const { cube } = record;
  const counts =
    cube.themes.length *
    cube.monthCount *
    cube.wardCodes.length *
    cube.slotsPerWard *
    Float32Array.BYTES_PER_ELEMENT;
  // Longitude and latitude (4 bytes each), month (2) and theme (1) per point.
  return counts + (record.pointCount ?? 0) * 11;
}

/**
 * The dataset again, its arrays as views of the stored bytes; null when the bytes are not what the
 * record describes (a write that never finished).
 */
export function datasetFromStored(record: DatasetRecord, bytes: ArrayBuffer): Dataset | null {
  if (bytes.byteLength !== storedBytes(record)) return null;
  const { pointCount, cube: shape, ...rest } = record;
  const blockLength = shape.wardCodes.length * shape.slotsPerWard;
  let at = 0;
  const take = <T>(make: (offset: number, length: number) => T, length: number, size: number) => {
    const array = make(at, length);
    at += length * size;
    return array;
  };
  const cumulative = Array.from({ length: shape.themes.length * shape.monthCount }, () =>
    take((offset, n) => new Float32Array(bytes, offset, n), blockLength, 4),
  );
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
