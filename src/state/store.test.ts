import { describe, expect, it } from 'vitest';
import { datasetOf } from '../../tests/support/datasets.ts';
import { monthIndex } from '../data/calendar.ts';
import { CubeBuilder, type OffenceCube, timeSlot } from '../data/cube.ts';
import type { Area, Ward, WardSet } from '../geo/wardSet.ts';
import { liveThemeIds, monthsOf, periodForSpan } from './dataSlice.ts';
import { selectDatasetSummaries } from './selectors.ts';
import { createAppStore } from './store.ts';

/** A cube with one offence in each month from `first` to `last` (YYYY-MM), for the given themes. */
function cubeOver(first: string, last: string, themes: string[] = ['youth_violence']) {
  const builder = new CubeBuilder();
  const from = monthIndex(first) as number;
  const to = monthIndex(last) as number;
  for (const theme of themes) {
    builder.add(theme, from, 'E05009375', timeSlot(0, 12), 1);
    builder.add(theme, to, 'E05009375', timeSlot(0, 12), 1);
  }
  return builder.build();
}

function spanOf(cube: OffenceCube) {
  return { first: cube.firstMonth, last: cube.firstMonth + cube.monthCount - 1 };
}

function periodForData(cube: OffenceCube, from: string | null, to: string | null) {
  return periodForSpan(spanOf(cube), from, to);
}

/** Boundaries with one ward in each of these boroughs (codes E05000000, E05000001, ...). */
function wardSet(lads: string[]): WardSet {
  const wards: Ward[] = lads.map((lad, index) => ({
    index,
    code: `E0500000${index}`,
    name: `Ward ${index}`,
    lad,
    ladName: lad,
    label: [0, 0],
    neighbours: [],
  }));
  const areas: Area[] = lads.map((lad, index) => ({
    id: lad,
    name: lad,
    wardIndices: [index],
    bounds: [0, 0, 1, 1],
  }));
  return {
    wards,
    features: [],
    byCode: new Map(wards.map((ward) => [ward.code, ward.index])),
    areas,
  };
}

describe('periodForSpan', () => {
  // June 2022 to March 2024: 22 months.
  const long = cubeOver('2022-06', '2024-03');

  it('defaults to the latest 12 months', () => {
    // March 2024 and the 11 months before it: April 2023 to March 2024.
    expect(periodForData(long, null, null)).toEqual({ from: '2023-04', to: '2024-03' });
  });

  it('gives the whole range of a file shorter than 12 months', () => {
    const short = cubeOver('2024-01', '2024-05');
    expect(periodForData(short, null, null)).toEqual({ from: '2024-01', to: '2024-05' });
    const oneMonth = cubeOver('2024-02', '2024-02');
    expect(periodForData(oneMonth, null, null)).toEqual({ from: '2024-02', to: '2024-02' });
  });

  it('keeps a requested period inside the data', () => {
    expect(periodForData(long, '2022-07', '2022-09')).toEqual({ from: '2022-07', to: '2022-09' });
  });

  it('clamps a requested period that overlaps the data', () => {
    const short = cubeOver('2024-01', '2024-05');
    expect(periodForData(short, '2023-10', '2024-02')).toEqual({ from: '2024-01', to: '2024-02' });
    expect(periodForData(short, '2024-04', '2025-06')).toEqual({ from: '2024-04', to: '2024-05' });
    expect(periodForData(short, '2020-01', '2030-01')).toEqual({ from: '2024-01', to: '2024-05' });
  });

  it('falls back to the latest 12 months for a period outside the data', () => {
    expect(periodForData(long, '2019-01', '2019-12')).toEqual({ from: '2023-04', to: '2024-03' });
    expect(periodForData(long, '2024-04', '2024-09')).toEqual({ from: '2023-04', to: '2024-03' });
  });

  it('falls back for a half-given, reversed or malformed period', () => {
    const fallback = { from: '2023-04', to: '2024-03' };
    expect(periodForData(long, '2023-01', null)).toEqual(fallback);
    expect(periodForData(long, '2023-06', '2023-01')).toEqual(fallback);
    expect(periodForData(long, 'last year', '2023-06')).toEqual(fallback);
  });
});

describe('addDataset', () => {
  it('holds the dataset by reference and lists its themes and months', () => {
    const store = createAppStore();
    const cube = cubeOver('2023-11', '2024-02', ['youth_violence', 'domestic_abuse']);
    store.getState().addDataset(datasetOf(cube, { id: 'one' }));
    const state = store.getState();
    expect(state.datasets.map((dataset) => dataset.cube)).toEqual([cube]);
    expect(state.datasets.map((dataset) => dataset.themes.map((info) => info.id))).toEqual([
      ['youth_violence', 'domestic_abuse'],
    ]);
    expect(liveThemeIds(state.datasets)).toEqual(['youth_violence', 'domestic_abuse']);
    // Nov, Dec 2023, Jan, Feb 2024: months without offences between first and last included.
    expect(monthsOf(selectDatasetSummaries(state))).toEqual([
      '2023-11',
      '2023-12',
      '2024-01',
      '2024-02',
    ]);
    // Four months: the whole file.
    expect([state.from, state.to]).toEqual(['2023-11', '2024-02']);
  });

  it('goes back to all serious violence when the chosen theme is not in the data', () => {
    const store = createAppStore({ theme: 'sexual_violence' });
    store.getState().addDataset(datasetOf(cubeOver('2024-01', '2024-03')));
    expect(store.getState().theme).toBe('all');
  });

  it('keeps a chosen theme that the new file has, and a linked period the demo overlaps', () => {
    const store = createAppStore({ theme: 'domestic_abuse', from: '2023-12', to: '2024-02' });
    const demo = datasetOf(cubeOver('2024-01', '2024-06', ['youth_violence', 'domestic_abuse']), {
      synthetic: true,
    });
    store.getState().addDataset(demo);
    expect(store.getState().theme).toBe('domestic_abuse');
    // December 2023 is before the data: clamped to January.
    expect([store.getState().from, store.getState().to]).toEqual(['2024-01', '2024-02']);
  });

  it("shows a user's file from its latest 12 months, and never lets the demo in after it", () => {
    const store = createAppStore({ from: '2024-01', to: '2024-02' });
    store
      .getState()
      .addDataset(datasetOf(cubeOver('2022-03', '2026-02', ['robbery']), { id: 'mine' }));
    expect([store.getState().from, store.getState().to]).toEqual(['2025-03', '2026-02']);
    store
      .getState()
      .addDataset(datasetOf(cubeOver('2024-01', '2024-06'), { id: 'demo', synthetic: true }));
    expect(store.getState().pending).toBeNull();
    expect(store.getState().datasets.map((dataset) => dataset.id)).toEqual(['mine']);
  });

  it('spans the months of every dataset loaded', () => {
    const store = createAppStore();
    store
      .getState()
      .addDataset(datasetOf(cubeOver('2010-04', '2024-02', ['robbery']), { id: 'historical' }));
    store
      .getState()
      .addDataset(datasetOf(cubeOver('2024-03', '2026-02', ['robbery']), { id: 'recent' }));
    // The two MPS files meet without overlapping: no question, one series from 2010 to 2026.
    expect(store.getState().pending).toBeNull();
    const months = monthsOf(selectDatasetSummaries(store.getState()));
    expect([months[0], months[months.length - 1], months.length]).toEqual([
      '2010-04',
      '2026-02',
      191,
    ]);
  });

  it('asks before loading a file that overlaps, then replaces or adds as the user says', () => {
    const store = createAppStore();
    store
      .getState()
      .addDataset(
        datasetOf(cubeOver('2022-12', '2024-11', ['robbery', 'burglary']), { id: 'old' }),
      );
    store
      .getState()
      .addDataset(datasetOf(cubeOver('2024-03', '2026-02', ['robbery']), { id: 'new' }));
    expect(store.getState().pending).toMatchObject({
      dataset: { id: 'new' },
      overlaps: ['robbery'],
    });
    expect(store.getState().datasets.map((dataset) => dataset.id)).toEqual(['old']);

    store.getState().resolvePending('replace');
    expect(store.getState().pending).toBeNull();
    expect(
      store.getState().datasets.map((dataset) => [dataset.id, dataset.replacedThemes]),
    ).toEqual([
      ['old', ['robbery']],
      ['new', []],
    ]);

    // A third file with robbery again, added to what is there.
    store
      .getState()
      .addDataset(datasetOf(cubeOver('2025-01', '2025-06', ['robbery']), { id: 'extra' }));
    store.getState().resolvePending('add');
    expect(store.getState().datasets.map((dataset) => dataset.id)).toEqual(['old', 'new', 'extra']);
  });

  it('drops a dataset every theme of which was replaced, and loads nothing on cancel', () => {
    const store = createAppStore();
    store
      .getState()
      .addDataset(datasetOf(cubeOver('2024-01', '2024-06', ['robbery']), { id: 'old' }));
    store
      .getState()
      .addDataset(datasetOf(cubeOver('2024-03', '2024-09', ['robbery']), { id: 'new' }));
    store.getState().resolvePending('replace');
    expect(store.getState().datasets.map((dataset) => dataset.id)).toEqual(['new']);
    store
      .getState()
      .addDataset(datasetOf(cubeOver('2024-03', '2024-09', ['robbery']), { id: 'again' }));
    store.getState().resolvePending('cancel');
    expect(store.getState().datasets.map((dataset) => dataset.id)).toEqual(['new']);
    expect(store.getState().pending).toBeNull();
  });
});

describe('restoreDatasets', () => {
  it('keeps a period that only the datasets together cover, and their replaced themes', () => {
    // March to May 2024 lies in the second dataset only; added one by one, the first dataset
    // alone would have reset the period to its own months.
    const store = createAppStore({ theme: 'robbery', from: '2024-03', to: '2024-05' });
    store.getState().restoreDatasets([
      {
        ...datasetOf(cubeOver('2023-01', '2023-12', ['robbery', 'burglary']), { id: 'old' }),
        replacedThemes: ['robbery'],
      },
      datasetOf(cubeOver('2024-01', '2024-06', ['robbery']), { id: 'new' }),
    ]);
    expect(store.getState()).toMatchObject({ theme: 'robbery', from: '2024-03', to: '2024-05' });
    expect(
      store.getState().datasets.map((dataset) => [dataset.id, dataset.replacedThemes]),
    ).toEqual([
      ['old', ['robbery']],
      ['new', []],
    ]);
  });
});

describe('view actions', () => {
  it('setArea clears the selected ward', () => {
    const store = createAppStore({ ward: 'E05009375' });
    store.getState().setArea('E09000033');
    expect(store.getState().area).toBe('E09000033');
    expect(store.getState().ward).toBeNull();
  });

  it('setPeriod puts the earlier month first', () => {
    const store = createAppStore();
    store.getState().setPeriod('2024-01', '2024-06');
    expect([store.getState().from, store.getState().to]).toEqual(['2024-01', '2024-06']);
    store.getState().setPeriod('2024-09', '2023-10');
    expect([store.getState().from, store.getState().to]).toEqual(['2023-10', '2024-09']);
  });

  it('selectWard and setTimeFilter set and clear', () => {
    const store = createAppStore();
    store.getState().selectWard('E05009375');
    expect(store.getState().ward).toBe('E05009375');
    store.getState().setTimeFilter({ weekday: 4, hourFrom: 22, hourTo: 2 });
    expect(store.getState().time).toEqual({ weekday: 4, hourFrom: 22, hourTo: 2 });
    store.getState().selectWard(null);
    store.getState().setTimeFilter(null);
    expect(store.getState().ward).toBeNull();
    expect(store.getState().time).toBeNull();
  });
});

describe('setWards and setPopulations', () => {
  it('keeps an area and ward the boundaries have', () => {
    const store = createAppStore({ area: 'E09000033', ward: 'E05000001' });
    const wards = wardSet(['E09000020', 'E09000033']);
    store.getState().setWards(wards);
    expect(store.getState().wards).toBe(wards);
    expect(store.getState().area).toBe('E09000033');
    expect(store.getState().ward).toBe('E05000001');
  });

  it('falls back to the first area, and drops a ward, that the boundaries do not have', () => {
    const store = createAppStore({ area: 'E09000001', ward: 'E05999999' });
    store.getState().setWards(wardSet(['E09000020', 'E09000033']));
    expect(store.getState().area).toBe('E09000020');
    expect(store.getState().ward).toBeNull();
  });

  it('holds populations by reference', () => {
    const store = createAppStore();
    const populations = new Map([['E05000000', { population: 100, population10to24: null }]]);
    store.getState().setPopulations(populations, { name: 'population.csv', year: 2022 });
    expect(store.getState().populations).toBe(populations);
    expect(store.getState().populationSource).toEqual({ name: 'population.csv', year: 2022 });
  });
});

describe('openWorkspace', () => {
  const savedView = {
    id: 'tasking',
    name: 'Tasking 3 Dec',
    search: '?theme=robbery',
    savedAt: '2026-12-03T09:00:00.000Z',
  };

  it('replaces everything loaded and the view in one step', () => {
    const store = createAppStore({ area: 'E09000020', theme: 'youth_violence', ward: null });
    store.getState().setWards(wardSet(['E09000020', 'E09000033']));
    store.getState().addDataset(datasetOf(cubeOver('2024-01', '2024-06'), { id: 'mine' }));
    store.getState().saveView('Mine', '?theme=youth_violence');
    store.getState().addProposedService({ type: 'Youth hub', longitude: -0.2, latitude: 51.5 });
    const wards = wardSet(['E09000001', 'E09000033']);
    const dataset = datasetOf(cubeOver('2023-01', '2023-12', ['robbery']), { id: 'theirs' });
    const populations = new Map([['E05000001', { population: 100, population10to24: null }]]);
    let changes = 0;
    store.subscribe(() => {
      changes += 1;
    });
    store.getState().openWorkspace({
      mode: 'replace',
      datasets: [dataset],
      wards,
      populations: { populations, source: { name: 'theirs.csv', year: null } },
      services: null,
      view: {
        area: 'E09000033',
        theme: 'robbery',
        from: '2023-03',
        to: '2023-05',
        preset: null,
        ward: 'E05000001',
      },
      camera: { zoom: 12, latitude: 51.5, longitude: -0.2 },
      savedViews: [savedView],
    });
    expect(changes).toBe(1);
    const state = store.getState();
    expect(state.datasets).toEqual([dataset]);
    expect(state.wards).toBe(wards);
    expect(state.populations).toBe(populations);
    expect(state).toMatchObject({
      area: 'E09000033',
      theme: 'robbery',
      from: '2023-03',
      to: '2023-05',
      ward: 'E05000001',
      // Not in the workspace's view: back to the defaults.
      measure: 'count',
      populationSource: { name: 'theirs.csv', year: null },
      camera: { zoom: 12, latitude: 51.5, longitude: -0.2 },
      cameraRequest: { zoom: 12, latitude: 51.5, longitude: -0.2 },
      proposedServices: [],
    });
    expect(state.savedViews.map((view) => view.name)).toEqual(['Mine', 'Tasking 3 Dec']);
  });

  it('adds datasets beside those loaded, keeping the view, with ids of their own', () => {
    const store = createAppStore({ theme: 'robbery' });
    const wards = wardSet(['E09000020']);
    store.getState().setWards(wards);
    store
      .getState()
      .addDataset(datasetOf(cubeOver('2024-01', '2024-06', ['robbery']), { id: 'one' }));
    store.getState().setPeriod('2024-02', '2024-03');
    const incoming = datasetOf(cubeOver('2023-01', '2023-12', ['burglary']), { id: 'one' });
    store.getState().openWorkspace({
      mode: 'add',
      datasets: [incoming],
      wards: null,
      populations: null,
      services: null,
      savedViews: [savedView, savedView],
    });
    const ids = store.getState().datasets.map((dataset) => dataset.id);
    expect(ids[0]).toBe('one');
    expect(ids).toHaveLength(2);
    expect(ids[1]).not.toBe('one');
    expect(store.getState().wards).toBe(wards);
    expect(store.getState()).toMatchObject({ theme: 'robbery', from: '2024-02', to: '2024-03' });
    expect(store.getState().savedViews).toHaveLength(1);
  });

  it('drops the demo when a workspace is added to it', () => {
    const store = createAppStore();
    store
      .getState()
      .addDataset(datasetOf(cubeOver('2024-01', '2024-06'), { id: 'demo', synthetic: true }));
    store.getState().openWorkspace({
      mode: 'add',
      datasets: [datasetOf(cubeOver('2023-01', '2023-12', ['robbery']), { id: 'real' })],
      wards: null,
      populations: null,
      services: null,
      savedViews: [],
    });
    expect(store.getState().datasets.map((dataset) => dataset.id)).toEqual(['real']);
  });
});

describe('saved views', () => {
  it('saves, shows and removes named views', () => {
    const store = createAppStore({ measure: 'rate', page: 'priorities' });
    store.getState().saveView('Tasking 3 Dec: Golborne and Colville', '?ward=E05009396');
    const [saved] = store.getState().savedViews;
    expect(saved).toMatchObject({
      name: 'Tasking 3 Dec: Golborne and Colville',
      search: '?ward=E05009396',
    });
    store
      .getState()
      .showView({ ward: 'E05009396' }, { zoom: 14, latitude: 51.52, longitude: -0.21 });
    // What the view does not say goes back to the defaults, as opening its link would.
    expect(store.getState()).toMatchObject({
      ward: 'E05009396',
      measure: 'count',
      page: 'dashboard',
      camera: { zoom: 14, latitude: 51.52, longitude: -0.21 },
      cameraRequest: { zoom: 14, latitude: 51.52, longitude: -0.21 },
    });
    store.getState().removeSavedView(saved?.id ?? '');
    expect(store.getState().savedViews).toEqual([]);
  });
});
