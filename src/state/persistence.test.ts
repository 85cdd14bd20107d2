import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { datasetOf } from '../../tests/support/datasets.ts';
import { monthIndex } from '../data/calendar.ts';
import { CubeBuilder, monthlyCount, timeSlot } from '../data/cube.ts';
import type { Dataset } from '../data/dataset.ts';
import {
  DATABASE_NAME,
  forgetDataset,
  forgetEverything,
  isStorageFull,
  keepDataset,
  keepReplacedThemes,
  keepValue,
  keptDatasets,
  keptValue,
} from './persistence.ts';

const month = (key: string) => monthIndex(key) as number;

/** Golborne and Dalgarno, two themes, January and February 2026. */
function loadedFile(id: string, loadedAt: string): Dataset {
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

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map(({ name }) => name ?? '');
}

afterEach(async () => {
  vi.unstubAllGlobals();
  await forgetEverything();
});

describe('keeping datasets', () => {
  it('gives a dataset back with its typed arrays as typed arrays', async () => {
    const dataset = loadedFile('extract', '2026-03-01T10:00:00.000Z');
    await keepDataset(dataset);
    const [kept] = await keptDatasets();
    expect(kept).toEqual(dataset);
    expect(kept?.cube.cumulative[0]).toBeInstanceOf(Float32Array);
    expect(kept?.points?.month).toBeInstanceOf(Uint16Array);
    // Robbery (theme 0) in Golborne (ward 0): 4 on Friday 23:00 in January, then February's
    // block holds January's 4 plus 3 on Saturday 01:00 cumulatively, and monthlyCount takes 3.
    expect(kept && monthlyCount(kept.cube, 0, 1, 0, timeSlot(5, 1))).toBe(3);
    expect(kept && monthlyCount(kept.cube, 1, 1, 1, timeSlot(0, 15))).toBe(0.25);
  });

  it('gives datasets back in the order they were loaded, whatever order they were kept in', async () => {
    await keepDataset(loadedFile('second', '2026-03-01T10:00:05.000Z'));
    await keepDataset(loadedFile('first', '2026-03-01T10:00:00.000Z'));
    await keepDataset(loadedFile('third', '2026-03-02T09:00:00.000Z'));
    expect((await keptDatasets()).map((dataset) => dataset.id)).toEqual([
      'first',
      'second',
      'third',
    ]);
  });

  it('updates replaced themes without the cube, and forgets a removed dataset entirely', async () => {
    await keepDataset(loadedFile('older', '2026-03-01T10:00:00.000Z'));
    await keepDataset(loadedFile('newer', '2026-03-01T11:00:00.000Z'));
    await keepReplacedThemes('older', ['robbery']);
    const [older, newer] = await keptDatasets();
    expect(older?.replacedThemes).toEqual(['robbery']);
    expect(older?.cube.cumulative.length).toBe(4);
    expect(newer?.replacedThemes).toEqual([]);

    await forgetDataset('older');
    expect((await keptDatasets()).map((dataset) => dataset.id)).toEqual(['newer']);
  });

  it('rejects, rather than throwing, a value the browser cannot store', async () => {
    const unclonable = { ...loadedFile('bad', '2026-03-01T10:00:00.000Z'), report: () => null };
    await expect(keepDataset(unclonable as unknown as Dataset)).rejects.toMatchObject({
      name: 'DataCloneError',
    });
    expect(await keptDatasets()).toEqual([]);
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
    await keepDataset(loadedFile('extract', '2026-03-01T10:00:00.000Z'));
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
    expect(await keptDatasets()).toEqual([]);
  });

  it('leaves nothing behind from writes under way while it runs', async () => {
    // One write on an open connection, one that has to open a new one.
    await keepValue('view', '?theme=robbery');
    const onOpenConnection = keepDataset(loadedFile('a', '2026-03-01T10:00:00.000Z'));
    const forgetting = forgetEverything();
    const whileForgetting = keepDataset(loadedFile('b', '2026-03-01T11:00:00.000Z'));
    await forgetting;
    await Promise.allSettled([onOpenConnection, whileForgetting]);
    expect(await databaseNames()).toEqual([]);
  });
});

describe('without IndexedDB', () => {
  it('rejects every call and forgets without failing', async () => {
    vi.stubGlobal('indexedDB', undefined);
    await expect(keepValue('view', '?theme=robbery')).rejects.toThrow('no IndexedDB');
    await expect(keptDatasets()).rejects.toThrow('no IndexedDB');
    await expect(forgetEverything()).resolves.toBeUndefined();
  });
});

describe('a full store', () => {
  it('is told apart from other failures', () => {
    expect(isStorageFull(new DOMException('Quota exceeded', 'QuotaExceededError'))).toBe(true);
    expect(isStorageFull(new DOMException('Aborted', 'AbortError'))).toBe(false);
    expect(isStorageFull(new Error('QuotaExceededError'))).toBe(false);
  });
});
