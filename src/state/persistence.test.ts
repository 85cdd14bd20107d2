import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { datasetOf } from '../../tests/support/datasets.ts';
import { monthIndex } from '../data/calendar.ts';
import { CubeBuilder, timeSlot } from '../data/cube.ts';
import type { Dataset } from '../data/dataset.ts';
import { type DatasetRecord, datasetRecord } from '../data/keptDataset.ts';
import {
  DATABASE_NAME,
  forgetDatasetRecord,
  forgetEverything,
  keepDatasetRecord,
  keepReplacedThemes,
  keepValue,
  keptDatasetRecords,
  keptValue,
} from './persistence.ts';

const month = (key: string) => monthIndex(key) as number;

/** Golborne and Dalgarno, two themes, January and February 2026. */
function loadedDataset(id: string, loadedAt: string): Dataset {
  const builder = new CubeBuilder();
  builder.add('robbery', month('2026-01'), 'E05009396', timeSlot(4, 23), 4);
  builder.add('robbery', month('2026-02'), 'E05009396', timeSlot(5, 1), 3);
  builder.add('knife_crime', month('2026-02'), 'E05009394', timeSlot(0, 15), 0.25);
  return {
    ...datasetOf(builder.build(), { id, fileName: `${id}.csv` }),
    loadedAt,
    points: {
      longitude: new Float32Array([-0.2, -0.21]),
      latitude: new Float32Array([51.52, 51.53]),
      theme: new Uint8Array([0, 1]),
      month: new Uint16Array([month('2026-01'), month('2026-02')]),
    },
  };
}

function loadedFile(id: string, loadedAt: string): DatasetRecord {
  return datasetRecord(loadedDataset(id, loadedAt));
}

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map(({ name }) => name ?? '');
}

afterEach(async () => {
  vi.unstubAllGlobals();
  await forgetEverything();
});

describe('keeping datasets', () => {
  it('gives a dataset record back as it was kept', async () => {
    const record = loadedFile('extract', '2026-03-01T10:00:00.000Z');
    await keepDatasetRecord(record);
    const [kept] = await keptDatasetRecords();
    expect(kept).toEqual(record);
    // The arrays are kept apart (by the worker): the record says only how many points there were.
    expect(kept?.pointCount).toBe(2);
    expect(kept?.cube).not.toHaveProperty('cumulative');
  });

  it('gives datasets back in the order they were loaded, whatever order they were kept in', async () => {
    await keepDatasetRecord(loadedFile('second', '2026-03-01T10:00:05.000Z'));
    await keepDatasetRecord(loadedFile('first', '2026-03-01T10:00:00.000Z'));
    await keepDatasetRecord(loadedFile('third', '2026-03-02T09:00:00.000Z'));
    expect((await keptDatasetRecords()).map((dataset) => dataset.id)).toEqual([
      'first',
      'second',
      'third',
    ]);
  });

  it('updates replaced themes without the cube, and forgets a removed dataset entirely', async () => {
    await keepDatasetRecord(loadedFile('older', '2026-03-01T10:00:00.000Z'));
    await keepDatasetRecord(loadedFile('newer', '2026-03-01T11:00:00.000Z'));
    await keepReplacedThemes('older', ['robbery']);
    const [older, newer] = await keptDatasetRecords();
    expect(older?.replacedThemes).toEqual(['robbery']);
    expect(older?.cube.themes).toEqual(['robbery', 'knife_crime']);
    expect(newer?.replacedThemes).toEqual([]);

    await forgetDatasetRecord('older');
    expect((await keptDatasetRecords()).map((dataset) => dataset.id)).toEqual(['newer']);
  });

  it('rejects, rather than throwing, a value the browser cannot store', async () => {
    const unclonable = { ...loadedFile('bad', '2026-03-01T10:00:00.000Z'), report: () => null };
    await expect(keepDatasetRecord(unclonable as unknown as DatasetRecord)).rejects.toMatchObject({
      name: 'DataCloneError',
    });
    expect(await keptDatasetRecords()).toEqual([]);
  });
});

describe('keeping single values', () => {
  it('keeps the view, populations in their Map, and forgets a value given null', async () => {
    expect(await keptValue('view')).toBeNull();
    await keepValue('view', '?area=E09000020&theme=robbery');
    await keepValue('view', '?area=E09000020&theme=knife_crime');
    const populations = new Map([['E05009396', { population: 14_256, population10to24: 2_801 }]]);
    await keepValue('populations', { populations, source: { name: 'pop.csv', year: null } });

    expect(await keptValue('view')).toBe('?area=E09000020&theme=knife_crime');
    const kept = await keptValue('populations');
    expect(kept?.populations).toBeInstanceOf(Map);
    expect(kept).toEqual({ populations, source: { name: 'pop.csv', year: null } });

    await keepValue('populations', null);
    expect(await keptValue('populations')).toBeNull();
    expect(await keptValue('view')).toBe('?area=E09000020&theme=knife_crime');
  });
});

describe('forgetting everything', () => {
  it('deletes every database of the origin and keeps working afterwards', async () => {
    await keepDatasetRecord(loadedFile('extract', '2026-03-01T10:00:00.000Z'));
    await keepValue('view', '?theme=robbery');
    const other = indexedDB.open('another-module', 1);
    await new Promise((resolve) => {
      other.onsuccess = () => {
        other.result.close();
        resolve(null);
      };
    });
    expect((await databaseNames()).sort()).toEqual(['another-module', DATABASE_NAME]);

    await forgetEverything();
    expect(await databaseNames()).toEqual([]);

    await keepValue('view', '?theme=knife_crime');
    expect(await keptValue('view')).toBe('?theme=knife_crime');
    expect(await keptDatasetRecords()).toEqual([]);
  });

  it('leaves nothing behind from writes under way while it runs', async () => {
    // One write on an open connection, one that has to open a new one.
    await keepValue('view', '?theme=robbery');
    const onOpenConnection = keepDatasetRecord(loadedFile('a', '2026-03-01T10:00:00.000Z'));
    const forgetting = forgetEverything();
    const whileForgetting = keepDatasetRecord(loadedFile('b', '2026-03-01T11:00:00.000Z'));
    await forgetting;
    await Promise.allSettled([onOpenConnection, whileForgetting]);
    expect(await databaseNames()).toEqual([]);
  });
});

describe('without IndexedDB', () => {
  it('rejects every call and forgets without failing', async () => {
    vi.stubGlobal('indexedDB', undefined);
    await expect(keepValue('view', '?theme=robbery')).rejects.toThrow('no IndexedDB');
    await expect(keptDatasetRecords()).rejects.toThrow('no IndexedDB');
    await expect(forgetEverything()).resolves.toBeUndefined();
  });
});
