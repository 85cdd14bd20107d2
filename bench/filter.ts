/**
 * Filter speed on all of London: what one change of theme, period or hours costs, i.e. the new
 * map values and heatmap (computeAreaFigures for the "All of London" area over the loaded file),
 * against DuckDB answering the same two aggregations from the same counts held in memory in a
 * table sorted by theme and month. Medians over a fixed mix of changes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { slotMask } from '../src/analysis/aggregate.ts';
import {
  computeAreaFigures,
  DEFAULT_CLASSES,
  type FigureView,
} from '../src/analysis/areaFigures.ts';
import { monthIndex, monthKey } from '../src/data/calendar.ts';
import { type Dataset, themeIndices } from '../src/data/dataset.ts';
import { ALL_THEMES } from '../src/data/themes.ts';
import { parsePopulationCsv } from '../src/formats/population.ts';
import { ALL_LONDON_AREA } from '../src/geo/areas.ts';
import { decodeWardTopology, type WardSet } from '../src/geo/wardSet.ts';
import { wardTopology } from './generate.ts';
import { CSV_COLUMNS, median, type OffencesFile, sqlString } from './ingest.ts';

const root = path.resolve(import.meta.dirname, '..');
const WARM_UP = 10;

export function datasetOf(parsed: OffencesFile): Dataset {
  return {
    id: 'london',
    fileName: parsed.report.fileName,
    format: parsed.report.format,
    synthetic: true,
    loadedAt: new Date().toISOString(),
    cube: parsed.cube,
    themes: parsed.themes,
    replacedThemes: [],
    report: parsed.report,
    points: null,
  };
}

/**
 * Views one change apart: theme, then period, then hours, each cycling through its options
 * (All serious violence sums the five themes, the heaviest case).
 */
export function viewChanges(dataset: Dataset, count: number): FigureView[] {
  const { firstMonth, monthCount } = dataset.cube;
  const last = firstMonth + monthCount - 1;
  const themes = [ALL_THEMES, ...dataset.themes.map((info) => info.id)];
  const periods: [string | null, string | null][] = [
    [null, null],
    [monthKey(last - 11), monthKey(last)],
    [monthKey(last), monthKey(last)],
    [monthKey(firstMonth + 12), monthKey(firstMonth + 35)],
    [monthKey(last - 2), monthKey(last)],
  ];
  const times: FigureView['time'][] = [
    null,
    { weekday: null, hourFrom: 22, hourTo: 3 },
    { weekday: 4, hourFrom: 18, hourTo: 23 },
    { weekday: 5, hourFrom: 0, hourTo: 23 },
  ];
  const views: FigureView[] = [];
  let theme = 0;
  let period = 0;
  let time = 0;
  for (let change = 0; change < count; change += 1) {
    if (change % 3 === 0) theme = (theme + 1) % themes.length;
    else if (change % 3 === 1) period = (period + 1) % periods.length;
    else time = (time + 1) % times.length;
    const [from, to] = periods[period] as [string | null, string | null];
    views.push({
      area: ALL_LONDON_AREA,
      theme: themes[theme] as string,
      from,
      to,
      measure: 'rate',
      ward: null,
      time: times[time] ?? null,
      classes: DEFAULT_CLASSES,
    });
  }
  return views;
}

export function londonWards(): WardSet {
  return decodeWardTopology(wardTopology());
}

export function filterTimes(dataset: Dataset, wards: WardSet, views: readonly FigureView[]) {
  const area = wards.areas.find((candidate) => candidate.id === ALL_LONDON_AREA);
  if (!area) throw new Error('no All of London area');
  const populations = parsePopulationCsv(
    'population.csv',
    readFileSync(path.join(root, 'public/data/population.csv'), 'utf8'),
  ).populations;
  const figures = (view: FigureView) =>
    computeAreaFigures({ wards, area, datasets: [dataset], populations, view });
  for (let index = 0; index < WARM_UP; index += 1)
    figures(views[index % views.length] as FigureView);
  const samples = views.map((view) => {
    const started = performance.now();
    figures(view);
    return performance.now() - started;
  });
  return { msMedian: median(samples), samples };
}

const WEEKDAY_CASE =
  "CASE weekday WHEN 'Mon' THEN 0 WHEN 'Tue' THEN 1 WHEN 'Wed' THEN 2 WHEN 'Thu' THEN 3 WHEN 'Fri' THEN 4 WHEN 'Sat' THEN 5 WHEN 'Sun' THEN 6 END";

/**
 * DuckDB's time for the same two aggregations per change (totals by ward for the map, by hour of
 * the week for the heatmap), on the counts of the file in a table of small integers sorted by
 * theme and month, in memory.
 */
export async function duckdbFilterTimes(
  file: string,
  dataset: Dataset,
  views: readonly FigureView[],
): Promise<{ msMedian: number; samples: number[] }> {
  const { cube } = dataset;
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const values = (names: readonly string[]) =>
      names.map((name, index) => `(${index}, ${sqlString(name)})`).join(', ');
    await connection.run(
      `CREATE TABLE themes AS SELECT * FROM (VALUES ${values(cube.themes)}) t(id, name)`,
    );
    await connection.run(
      `CREATE TABLE wards AS SELECT * FROM (VALUES ${values(cube.wardCodes)}) w(id, code)`,
    );
    await connection.run(
      `CREATE TABLE offences AS
       SELECT t.id::UTINYINT AS theme,
              (CAST(substr(month, 1, 4) AS INTEGER) * 12 + CAST(substr(month, 6, 2) AS INTEGER) - 1)::USMALLINT AS month,
              w.id::USMALLINT AS ward,
              (CASE WHEN weekday IS NULL OR hour IS NULL THEN 168 ELSE ${WEEKDAY_CASE} * 24 + hour END)::UTINYINT AS slot,
              sum(count)::DOUBLE AS count
       FROM read_csv(${sqlString(file)}, header = true, columns = ${CSV_COLUMNS}) r
       JOIN themes t ON t.name = r.theme
       JOIN wards w ON w.code = r.ward_code
       GROUP BY ALL
       ORDER BY theme, month`,
    );
    const queries = (view: FigureView): string[] => {
      const themes = themeIndices(dataset, view.theme).join(', ');
      const from = monthIndex(view.from ?? '') ?? cube.firstMonth;
      const to = monthIndex(view.to ?? '') ?? cube.firstMonth + cube.monthCount - 1;
      const where = `theme IN (${themes}) AND month BETWEEN ${from} AND ${to}`;
      const mask = slotMask(view.time);
      const slots = mask ? [...mask.keys()].filter((slot) => mask[slot] === 1).join(', ') : null;
      return [
        `SELECT ward, sum(count) FROM offences WHERE ${where}${slots ? ` AND slot IN (${slots})` : ''} GROUP BY ward`,
        `SELECT slot, sum(count) FROM offences WHERE ${where} GROUP BY slot`,
      ];
    };
    const answer = async (view: FigureView) => {
      for (const sql of queries(view)) await connection.runAndReadAll(sql);
    };
    for (let index = 0; index < WARM_UP; index += 1)
      await answer(views[index % views.length] as FigureView);
    const samples: number[] = [];
    for (const view of views) {
      const started = performance.now();
      await answer(view);
      samples.push(performance.now() - started);
    }
    return { msMedian: median(samples), samples };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
