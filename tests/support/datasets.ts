/** Test fixtures: a dataset around a hand-built cube. */
import type { OffenceCube } from '../../src/data/cube.ts';
import type { Dataset } from '../../src/data/dataset.ts';
import { buildReport, RejectionLog } from '../../src/data/report.ts';
import { type ThemeInfo, themeInfo } from '../../src/data/themes.ts';

export function datasetOf(
  cube: OffenceCube,
  options: {
    id?: string;
    fileName?: string;
    synthetic?: boolean;
    themes?: Partial<Record<string, Partial<ThemeInfo>>>;
  } = {},
): Dataset {
  const fileName = options.fileName ?? 'test.csv';
  return {
    id: options.id ?? fileName,
    fileName,
    format: 'Aggregated offences (native CSV v1)',
    synthetic: options.synthetic ?? false,
    loadedAt: '2026-01-01T00:00:00.000Z',
    cube,
    themes: cube.themes.map((id) => themeInfo(id, options.themes?.[id] ?? {})),
    replacedThemes: [],
    report: buildReport(
      fileName,
      'Aggregated offences (native CSV v1)',
      { rowsRead: 0, blankRows: 0, lines: 1, notRead: null },
      0,
      new RejectionLog(),
      [],
    ),
    points: null,
  };
}
