import { describe, expect, it } from 'vitest';
import { datasetOf } from '../../tests/support/datasets.ts';
import { monthIndex } from './calendar.ts';
import { CubeBuilder, monthlyCount, timeSlot } from './cube.ts';
import type { Dataset } from './dataset.ts';
import { datasetArrays, datasetFromStored, datasetRecord, storedBytes } from './keptDataset.ts';

const month = (key: string) => monthIndex(key) as number;

/** Golborne and Dalgarno, robbery and knife crime, January and February 2026, with points. */
function loaded(): Dataset {
  const builder = new CubeBuilder();
  builder.add('robbery', month('2026-01'), 'E05009396', timeSlot(4, 23), 4);
  builder.add('robbery', month('2026-02'), 'E05009396', timeSlot(5, 1), 3);
  builder.add('knife_crime', month('2026-02'), 'E05009394', timeSlot(0, 15), 0.25);
  return {
    ...datasetOf(builder.build(), { id: 'extract', fileName: 'extract.csv' }),
    points: {
      longitude: new Float32Array([-0.2, -0.21, -0.22]),
      latitude: new Float32Array([51.52, 51.53, 51.54]),
      theme: new Uint8Array([0, 1, 1]),
      month: new Uint16Array([month('2026-01'), month('2026-02'), month('2026-02')]),
    },
  };
}

/** The arrays one after another, as the worker writes them to the stored file. */
function stored(dataset: Dataset): ArrayBuffer {
  const arrays = datasetArrays(dataset);
  const bytes = new Uint8Array(arrays.reduce((sum, array) => sum + array.byteLength, 0));
  let at = 0;
  for (const array of arrays) {
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
    at += array.byteLength;
  }
  return bytes.buffer;
}

describe('a kept dataset', () => {
  it('comes back from its record and stored bytes as it was, typed arrays and all', () => {
    const dataset = loaded();
    const bytes = stored(dataset);
    // 2 themes × 2 months × 2 wards × 169 slots, 4 bytes each; 3 points of 4 + 4 + 2 + 1 bytes.
    expect(bytes.byteLength).toBe(2 * 2 * 2 * 169 * 4 + 3 * 11);
    const record = datasetRecord(dataset);
    expect(storedBytes(record)).toBe(bytes.byteLength);
    const back = datasetFromStored(record, bytes);
    expect(back).toEqual(dataset);
    expect(back?.cube.cumulative[0]).toBeInstanceOf(Float32Array);
    expect(back?.points?.month).toBeInstanceOf(Uint16Array);
    expect(back?.points?.theme).toBeInstanceOf(Uint8Array);
    // Robbery (theme 0) in Golborne (ward 0): 3 on Saturday 01:00 in February, taken from the
    // cumulative February block (4 + 3) less January's (4); knife crime 0.25 in Dalgarno.
    expect(back && monthlyCount(back.cube, 0, 1, 0, timeSlot(5, 1))).toBe(3);
    expect(back && monthlyCount(back.cube, 1, 1, 1, timeSlot(0, 15))).toBe(0.25);
  });

  it('comes back without points when it had none', () => {
    const dataset = { ...loaded(), points: null };
    const record = datasetRecord(dataset);
    expect(record.pointCount).toBeNull();
    expect(datasetFromStored(record, stored(dataset))).toEqual(dataset);
  });

  it('is not given back from bytes of another length (a write that never finished)', () => {
    const dataset = loaded();
    const bytes = stored(dataset);
    expect(
      datasetFromStored(datasetRecord(dataset), bytes.slice(0, bytes.byteLength - 1)),
    ).toBeNull();
  });

  it('stores a block months share once, and a theme past 2^24 offences in Float64, exactly', () => {
    // Robbery: 16,777,217 in January 2025 and 1 more in January 2026, twelve months without
    // counts between them sharing January 2025's block; vawg: 2 in January 2026 only, its twelve
    // months before sharing one block of zeros.
    const builder = new CubeBuilder(false);
    builder.add('robbery', month('2025-01'), 'E05009396', 0, 16_777_217);
    builder.add('robbery', month('2026-01'), 'E05009396', 0, 1);
    builder.add('vawg', month('2026-01'), 'E05009394', 0, 2);
    const dataset = datasetOf(builder.build(), { id: 'big', fileName: 'big.csv' });
    const bytes = stored(dataset);
    // Stored: robbery's 2 blocks as Float64, vawg's 2 as Float32; 2 wards, 1 slot each.
    expect(bytes.byteLength).toBe(2 * 2 * 8 + 2 * 2 * 4);
    const record = datasetRecord(dataset);
    expect(storedBytes(record)).toBe(bytes.byteLength);
    const back = datasetFromStored(record, bytes) as Dataset;
    expect(back).toEqual(dataset);
    expect(back.cube.monthCount).toBe(13);
    expect(back.cube.cumulative[12]?.[0]).toBe(16_777_218);
    expect(back.cube.cumulative[0]).toBeInstanceOf(Float64Array);
    expect(back.cube.cumulative[13]).toBeInstanceOf(Float32Array);
    expect(new Set(back.cube.cumulative).size).toBe(4);
  });

  it('reads records kept before blocks were shared: one Float32 block per month', () => {
    const dataset = loaded();
    const { blocks, ...older } = datasetRecord(dataset);
    expect(blocks?.wide).toBe(0);
    expect(datasetFromStored(older, stored(dataset))).toEqual(dataset);
  });
});
