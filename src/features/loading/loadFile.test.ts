import { describe, expect, it } from 'vitest';
import { monthIndex } from '../../data/calendar.ts';
import { CubeBuilder, type OffenceCube, timeSlot } from '../../data/cube.ts';
import { buildReport, type LoadReport, RejectionLog } from '../../data/report.ts';
import { themeInfo } from '../../data/themes.ts';
import type { ParsedFile } from '../../formats/readFile.ts';
import { useAppStore } from '../../state/store.ts';
import { applyParsedFile } from './loadFile.ts';

function report(fileName: string, rowsLoaded: number): LoadReport {
  const log = new RejectionLog();
  for (let row = rowsLoaded + 2; row <= 4; row += 1) log.reject(row, 'Unknown ward');
  const account = { rowsRead: 3, blankRows: 0, lines: 4, notRead: null };
  return buildReport(fileName, 'Aggregated offences (native CSV v1)', account, rowsLoaded, log, []);
}

function offences(cube: OffenceCube, fileName: string, rowsLoaded: number): ParsedFile {
  return {
    kind: 'offences',
    cube,
    themes: cube.themes.map((id) => themeInfo(id)),
    points: null,
    report: report(fileName, rowsLoaded),
  };
}

function robberyIn(month: string): OffenceCube {
  const builder = new CubeBuilder();
  builder.add('robbery', monthIndex(month) as number, 'E05009396', timeSlot(0, 1), 2);
  return builder.build();
}

describe('applying a read file', () => {
  it('keeps the figures shown when a file has no valid row, and says so', () => {
    const good = robberyIn('2025-01');
    applyParsedFile(offences(good, 'good.csv', 1), false, 'good');
    expect(useAppStore.getState().datasets.map((dataset) => dataset.cube)).toEqual([good]);
    expect(useAppStore.getState()).toMatchObject({ from: '2025-01', to: '2025-01', error: null });

    applyParsedFile(offences(new CubeBuilder().build(), 'bad.csv', 0), false, 'bad');
    expect(useAppStore.getState().datasets.map((dataset) => dataset.fileName)).toEqual([
      'good.csv',
    ]);
    const state = useAppStore.getState();
    expect(state).toMatchObject({ from: '2025-01', to: '2025-01' });
    expect(state.error).toBe(
      'bad.csv: no row could be loaded, so the figures shown are unchanged.',
    );
    expect(state.reports.map(({ report }) => report.fileName)).toEqual(['bad.csv', 'good.csv']);
  });

  it('lets the first real file take the place of the synthetic demo data', () => {
    useAppStore.getState().clearDatasets();
    applyParsedFile(offences(robberyIn('2025-01'), 'demo', 1), true, 'demo');
    applyParsedFile(offences(robberyIn('2025-06'), 'real.csv', 1), false, 'real');
    expect(
      useAppStore.getState().datasets.map((dataset) => [dataset.fileName, dataset.synthetic]),
    ).toEqual([['real.csv', false]]);
    // The demo's report is never shown; the real file's is.
    expect(useAppStore.getState().reports.map(({ report }) => report.fileName)).toEqual([
      'real.csv',
    ]);
  });
});
