import { describe, expect, it } from 'vitest';
import { monthIndex } from '../data/calendar.ts';
import { CubeBuilder, timeSlot } from '../data/cube.ts';
import type { LoadReport } from '../data/report.ts';
import { loadedData } from '../state/registry.ts';
import { useAppStore } from '../state/store.ts';
import { applyParsedFile } from './dataLoading.ts';

function report(fileName: string, rowsLoaded: number): LoadReport {
  return {
    fileName,
    format: 'Aggregated offences (native CSV v1)',
    rowsRead: 3,
    rowsLoaded,
    rejectedCount: 3 - rowsLoaded,
    rejected: [],
    rejectedByReason: {},
    notes: [],
  };
}

describe('applying a read file', () => {
  it('keeps the figures shown when a file has no valid row, and says so', () => {
    const builder = new CubeBuilder();
    builder.add('robbery', monthIndex('2025-01') as number, 'E05009396', timeSlot(0, 1), 2);
    const good = builder.build();
    applyParsedFile(
      { kind: 'offences', cube: good, report: report('good.csv', 1) },
      { name: 'good.csv', synthetic: false },
    );
    expect(loadedData.offences).toBe(good);
    expect(useAppStore.getState()).toMatchObject({ from: '2025-01', to: '2025-01', error: null });

    const empty = new CubeBuilder().build();
    applyParsedFile(
      { kind: 'offences', cube: empty, report: report('bad.csv', 0) },
      { name: 'bad.csv', synthetic: false },
    );
    expect(loadedData.offences).toBe(good);
    const state = useAppStore.getState();
    expect(state).toMatchObject({
      from: '2025-01',
      to: '2025-01',
      offenceSource: { name: 'good.csv' },
    });
    expect(state.error).toBe(
      'bad.csv: no row could be loaded, so the figures shown are unchanged.',
    );
    expect(state.reports.map(({ report }) => report.fileName)).toEqual(['bad.csv', 'good.csv']);
  });
});
