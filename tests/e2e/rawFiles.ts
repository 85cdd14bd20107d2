/**
 * Expected figures for the public files (MPS series, Census, ward boundaries), read straight from
 * the files with code of the tests' own (a plain CSV line splitter and sums), never the app's
 * parsers, so that the browser's figures are checked against an independent reading of the same
 * data. The files are the fixtures cut from them (tests/fixtures), or the full files of the folder
 * named by TEST_DATA_DIR (`npm run test:real-data` sets ../shared/geodata).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { whole } from './expectations.ts';

const root = path.resolve(import.meta.dirname, '../..');
const DATA_DIR = path.resolve(root, process.env.TEST_DATA_DIR || 'tests/fixtures');

export const HISTORICAL = 'mps_ward_crime_historical_201004-202402.csv';
export const RECENT_24M = 'mps_ward_crime_24m_202403-202602.csv';
export const AS_PUBLISHED =
  'MPS_Ward_Level_Crime_most_recent_24_months_as_published_202212-202411.csv';
export const VAWG = 'mps_vawg_offences_ward_monthly_201401-202602.csv';
export const KNIFE = 'mps_knife_crime_ward_borough_monthly_202203-202602.csv';
export const CENSUS = 'census2021_ward_population_london.csv';

export const WARDS = 'london_wards_2024_bgc.geojson';

export function geodataPath(name: string): string {
  return path.join(DATA_DIR, name);
}

/** Cells of one CSV line; quoted cells may hold commas and doubled quotes. */
export function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const character = line[index] as string;
    if (quoted) {
      if (character === '"' && line[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (character === '"') quoted = false;
      else cell += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') {
      cells.push(cell);
      cell = '';
    } else cell += character;
  }
  cells.push(cell);
  return cells;
}

interface Table {
  header: string[];
  rows: string[][];
}

const tables = new Map<string, Table>();

/** A file's header and rows (none of these files has a line break inside a quoted cell). */
function table(name: string): Table {
  let found = tables.get(name);
  if (!found) {
    const lines = readFileSync(geodataPath(name), 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .filter((line) => line !== '');
    const [header = [], ...rows] = lines.map(splitCsvLine);
    found = { header, rows };
    tables.set(name, found);
  }
  return found;
}

function column(found: Table, name: string): number {
  const index = found.header.findIndex((cell) => cell.toLowerCase() === name.toLowerCase());
  if (index < 0) throw new Error(`no column ${name}`);
  return index;
}

function add(totals: Map<string, number>, key: string, value: number): void {
  totals.set(key, (totals.get(key) ?? 0) + value);
}

/** Rows of a file, header not counted. */
export function rowCount(name: string): number {
  return table(name).rows.length;
}

/** Every ward code of the London wards the app ships (geodata/london-2024, the ONS codes). */
export function londonWardCodes(): Set<string> {
  const topology = JSON.parse(
    readFileSync(path.join(root, 'geodata', 'london-2024', 'wards.topo.json'), 'utf8'),
  ) as { objects: { wards: { geometries: { id: string }[] } } };
  return new Set(topology.objects.wards.geometries.map((ward) => ward.id));
}

/** Ward codes and names of a borough, from the ward boundary file. */
export function boroughWards(lad: string): { code: string; name: string }[] {
  const collection = JSON.parse(readFileSync(geodataPath(WARDS), 'utf8')) as {
    features: { properties: { WD24CD: string; WD24NM: string; LAD24CD: string } }[];
  };
  return collection.features
    .filter((feature) => feature.properties.LAD24CD === lad)
    .map((feature) => ({ code: feature.properties.WD24CD, name: feature.properties.WD24NM }));
}

/** Which ward crime rows a theme takes, by offence group (MajorText) and subgroup (MinorText). */
export const WARD_CRIME_THEMES: Record<string, (major: string, minor: string) => boolean> = {
  sexual_violence: (major) => major === 'SEXUAL OFFENCES',
  violence_with_injury: (_major, minor) => minor === 'VIOLENCE WITH INJURY',
  robbery: (major) => major === 'ROBBERY',
  possession_of_weapons: (major) => major === 'POSSESSION OF WEAPONS',
  burglary: (major) => major === 'BURGLARY',
};

/** Offences per ward code in the MPS ward crime files for a theme, months from..to (YYYY-MM);
 * `borough` keeps only the rows of that LookUp_BoroughName. */
export function wardCrimeByWard(
  files: string[],
  theme: string,
  from: string,
  to: string,
  borough?: string,
): Map<string, number> {
  const takes = WARD_CRIME_THEMES[theme];
  if (!takes) throw new Error(`no rule for ${theme}`);
  const totals = new Map<string, number>();
  for (const file of files) {
    const found = table(file);
    const code = column(found, 'WardCode');
    const major = column(found, 'MajorText');
    const minor = column(found, 'MinorText');
    const lookUpBorough = column(found, 'LookUp_BoroughName');
    const months = found.header.flatMap((name, index) => {
      const month = `${name.slice(0, 4)}-${name.slice(4)}`;
      return /^\d{6}$/.test(name) && month >= from && month <= to ? [index] : [];
    });
    for (const row of found.rows) {
      if (!takes(row[major] as string, row[minor] as string)) continue;
      if (borough !== undefined && row[lookUpBorough] !== borough) continue;
      for (const index of months) add(totals, row[code] as string, Number(row[index] || 0));
    }
  }
  return totals;
}

/** VAWG offences per ward code, months from..to. */
export function vawgByWard(from: string, to: string): Map<string, number> {
  const found = table(VAWG);
  const [month, code, offences] = ['month', 'WD24CD', 'vawg_offences'].map((name) =>
    column(found, name),
  ) as [number, number, number];
  const totals = new Map<string, number>();
  for (const row of found.rows) {
    const rowMonth = row[month] as string;
    if (row[code] === '' || rowMonth < from || rowMonth > to) continue;
    add(totals, row[code] as string, Number(row[offences]));
  }
  return totals;
}

/** VAWG rows with no ward code. */
export function vawgRowsWithoutWard(): number {
  const found = table(VAWG);
  const code = column(found, 'WD24CD');
  return found.rows.filter((row) => row[code] === '').length;
}

const KNIFE_THEMES: Record<string, [string, string]> = {
  youth_violence: ['Knife Injury Victims (non DA 1-24)', 'Offences'],
  knife_crime: ['Knife Crime', 'Offences'],
  knife_crime_with_injury: ['Knife Crime with Injury', 'Offences'],
};

function knifeColumns() {
  const found = table(KNIFE);
  const [month, areaType, code, subtype, measure, count] = [
    'month',
    'area_type',
    'area_code',
    'crime_subtype',
    'measure',
    'count',
  ].map((name) => column(found, name)) as [number, number, number, number, number, number];
  return { found, month, areaType, code, subtype, measure, count };
}

/** Knife crime per ward code from the ward (SNT) rows of a theme, months from..to. */
export function knifeByWard(theme: string, from: string, to: string): Map<string, number> {
  const [wantedSubtype, wantedMeasure] = KNIFE_THEMES[theme] as [string, string];
  const { found, month, areaType, code, subtype, measure, count } = knifeColumns();
  const totals = new Map<string, number>();
  for (const row of found.rows) {
    const rowMonth = row[month] as string;
    if (row[areaType] !== 'Ward (SNT)' || row[subtype] !== wantedSubtype) continue;
    if (row[measure] !== wantedMeasure || rowMonth < from || rowMonth > to) continue;
    add(totals, row[code] as string, Number(row[count]));
  }
  return totals;
}

/** Ward (SNT) rows of the three mapped subtypes whose code is not a ward of the boundaries, and
 * the number of borough rows. */
export function knifeRowsLeftOut(): {
  rows: number;
  notMapped: number;
  borough: number;
  otherMeasures: number;
} {
  const { found, areaType, code, subtype, measure } = knifeColumns();
  const codes = londonWardCodes();
  const themed = Object.values(KNIFE_THEMES);
  let notMapped = 0;
  let borough = 0;
  let otherMeasures = 0;
  for (const row of found.rows) {
    if (row[areaType] === 'Borough') borough += 1;
    else if (
      !themed.some(
        ([wantedSubtype, wantedMeasure]) =>
          row[subtype] === wantedSubtype && row[measure] === wantedMeasure,
      )
    )
      otherMeasures += 1;
    else if (!codes.has(row[code] as string)) notMapped += 1;
  }
  return { rows: found.rows.length, notMapped, borough, otherMeasures };
}

/** Usual residents and residents aged 10 to 24 per ward code, from the Census 2021 table. */
export function censusPopulations(): Map<string, { all: number; aged10to24: number }> {
  const found = table(CENSUS);
  const [code, all, youth] = ['WD22CD', 'usual_residents', 'age_10_24'].map((name) =>
    column(found, name),
  ) as [number, number, number];
  return new Map(
    found.rows.map((row) => [
      row[code] as string,
      { all: Number(row[all]), aged10to24: Number(row[youth]) },
    ]),
  );
}

/** What the ward table of a borough should show: ward name -> count as displayed. */
export function expectedTable(lad: string, totals: Map<string, number>): Map<string, string> {
  return new Map(boroughWards(lad).map(({ code, name }) => [name, whole(totals.get(code) ?? 0)]));
}
