/**
 * Writes the test fixtures (`tests/fixtures`) from the full public data files in
 * `../shared/geodata` (or `--from dir`): the rows of Kensington and Chelsea, its neighbours
 * Westminster and Hammersmith and Fulham, and Hillingdon (whose Heathrow Villages ward is listed
 * under two boroughs) from each MPS file the tests load; the data.police.uk rows of Kensington and
 * Chelsea's and Westminster's LSOAs and those outside London's wards; the wards those rows need;
 * a GeoPackage of Kensington and Chelsea's wards in British National Grid made from them; and a
 * README naming each file's source, date, licence and cut. Files keep their published
 * names, so the same tests run on the fixtures (`npm test`) and on the full files
 * (`npm run test:real-data`). The same inputs always write the same bytes.
 *
 * Usage: node scripts/cut-fixtures.ts [--from dir] [--out dir]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { type CsvRecord, cutCsv } from './cutFixtures.ts';
import { GEOPACKAGE_FILE, kensingtonChelseaGeoPackage } from './geoPackageFixture.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: options } = parseArgs({
  options: { from: { type: 'string' }, out: { type: 'string' } },
});
const from = resolve(root, options.from ?? '../shared/geodata');
const out = resolve(root, options.out ?? 'tests/fixtures');

const BOROUGHS: Record<string, string> = {
  E09000020: 'Kensington and Chelsea',
  E09000033: 'Westminster',
  E09000013: 'Hammersmith and Fulham',
  E09000017: 'Hillingdon',
};
/** Boroughs whose data.police.uk rows are kept (by the LSOA name, as published). */
const POLICE_BOROUGHS = ['Kensington and Chelsea', 'Westminster'];
const WARDS_FILE = 'london_wards_2024_bgc.geojson';

const ONS = 'Open Government Licence v3.0 (Office for National Statistics)';
const MPS =
  'Open Government Licence (Metropolitan Police Service / London Datastore, Greater London Authority)';
const POLICE_UK = 'Open Government Licence v3.0 (data.police.uk)';

type Ward = Feature<
  Polygon | MultiPolygon,
  { WD24CD: string; WD24NM: string; LAD24CD: string; LAD24NM: string }
>;
const wardCollection = JSON.parse(
  readFileSync(join(from, WARDS_FILE), 'utf8'),
) as FeatureCollection<Polygon | MultiPolygon, Ward['properties']>;
const wards = wardCollection.features as Ward[];
const boroughWardCodes = new Set(
  wards.filter((ward) => ward.properties.LAD24CD in BOROUGHS).map((ward) => ward.properties.WD24CD),
);
const londonWardCodes = new Set(wards.map((ward) => ward.properties.WD24CD));
const boroughNames = new Set(Object.values(BOROUGHS));

/** Each ward's bounding box, to try point-in-polygon only where it can succeed. */
const boxes = wards.map((ward) => {
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  const polygons =
    ward.geometry.type === 'Polygon' ? [ward.geometry.coordinates] : ward.geometry.coordinates;
  for (const polygon of polygons)
    for (const [x = 0, y = 0] of polygon[0] ?? []) {
      box[0] = Math.min(box[0] as number, x);
      box[1] = Math.min(box[1] as number, y);
      box[2] = Math.max(box[2] as number, x);
      box[3] = Math.max(box[3] as number, y);
    }
  return box as [number, number, number, number];
});

function wardHolding(point: [number, number]): Ward | null {
  return (
    wards.find((ward, index) => {
      const [west, south, east, north] = boxes[index] as [number, number, number, number];
      return (
        point[0] >= west &&
        point[0] <= east &&
        point[1] >= south &&
        point[1] <= north &&
        booleanPointInPolygon(point, ward)
      );
    }) ?? null
  );
}

/** Boroughs of the wards holding the kept data.police.uk points: their wards go in the fixture. */
const pointBoroughs = new Set<string>();
function keepPoliceRow(row: CsvRecord): boolean {
  const point: [number, number] = [Number(row.Longitude), Number(row.Latitude)];
  const holder = wardHolding(point);
  const inBoroughs = POLICE_BOROUGHS.some((name) => row['LSOA name']?.startsWith(`${name} `));
  if (!inBoroughs && holder !== null) return false;
  if (holder) pointBoroughs.add(holder.properties.LAD24CD);
  return true;
}

interface Fixture {
  file: string;
  source: string;
  date: string;
  licence: string;
  cut: string;
  keep: (row: CsvRecord) => boolean;
}

const wardRows = (code: string) => (row: CsvRecord) => boroughWardCodes.has(row[code] ?? '');
const boroughList = Object.values(BOROUGHS).join(', ');

const FIXTURES: Fixture[] = [
  {
    file: 'mps_ward_crime_historical_201004-202402.csv',
    source:
      'MPS Ward Level Crime (Historical), London Datastore dataset "MPS Recorded Crime: Geographic Breakdown" (exy3m), via fenneh/london-crime-data (parquet converted to CSV)',
    date: 'April 2010 to February 2024, mirror of April 2026',
    licence: MPS,
    cut: `rows of the wards of ${boroughList} (with Heathrow Villages under both Hillingdon and Aviation Security)`,
    keep: wardRows('WardCode'),
  },
  {
    file: 'mps_ward_crime_24m_202403-202602.csv',
    source:
      'MPS Ward Level Crime (most recent 24 months), London Datastore (exy3m), via fenneh/london-crime-data',
    date: 'March 2024 to February 2026, mirror of April 2026',
    licence: MPS,
    cut: `rows of the wards of ${boroughList}`,
    keep: wardRows('WardCode'),
  },
  {
    file: 'MPS_Ward_Level_Crime_most_recent_24_months_as_published_202212-202411.csv',
    source:
      'MPS Ward Level Crime (most recent 24 months), London Datastore (exy3m), the CSV as published',
    date: 'December 2022 to November 2024, as published',
    licence: MPS,
    cut: `rows of the wards of ${boroughList}`,
    keep: wardRows('WardCode'),
  },
  {
    file: 'mps_vawg_offences_ward_monthly_201401-202602.csv',
    source:
      'MPS VAWG Dashboard data, "Offence count location" (London Datastore 2yod5), summed by ward and recorded month, via fenneh/london-crime-data',
    date: 'January 2014 to February 2026, mirror of April 2026',
    licence: MPS,
    cut: `rows of the wards of ${boroughList}, and the rows with no ward code of those boroughs and of borough "Other"`,
    keep: (row) =>
      boroughWardCodes.has(row.WD24CD ?? '') ||
      (row.WD24CD === '' && (boroughNames.has(row.borough ?? '') || row.borough === 'Other')),
  },
  {
    file: 'mps_knife_crime_ward_borough_monthly_202203-202602.csv',
    source:
      'MPS Monthly Crime Dashboard data, knife crime (London Datastore e5n6w), via fenneh/london-crime-data',
    date: 'March 2022 to February 2026, refreshed 18 March 2026',
    licence: MPS,
    cut: `borough rows and ward (SNT) rows of ${boroughList}, and every ward row whose code is not a London ward ("N/K", "-1", old codes...)`,
    keep: (row) =>
      row.area_type === 'Borough'
        ? (row.area_code ?? '') in BOROUGHS
        : boroughWardCodes.has(row.area_code ?? '') || !londonWardCodes.has(row.area_code ?? ''),
  },
  {
    file: 'census2021_ward_population_london.csv',
    source:
      'ONS Census 2021 ward tables (residence type, sex, age), reshaped to one row per 2022 ward, via hanxiang270/CASA0007_Written_Investigation',
    date: 'Census 2021 (21 March 2021), 2022 wards',
    licence: ONS,
    cut: `rows of the wards of ${boroughList}`,
    keep: wardRows('WD22CD'),
  },
  ...['2025-01', '2025-02'].map(
    (month): Fixture => ({
      file: `policeuk_${month}-metropolitan-street_BURGLARY_ONLY.csv`,
      source:
        'data.police.uk street-level crime, Metropolitan Police Service, already filtered to burglary by LidiyaStankova/CBL---group-23',
      date: `${month} (month of the offences)`,
      licence: POLICE_UK,
      cut: `rows in the LSOAs of ${POLICE_BOROUGHS.join(' and ')}, and rows outside every London ward`,
      keep: keepPoliceRow,
    }),
  ),
];

const sections: { file: string; text: string }[] = [];

function describe(fixture: Omit<Fixture, 'keep'>, kept: string): { file: string; text: string } {
  return {
    file: fixture.file,
    text: [
      `### \`${fixture.file}\``,
      `- **Source:** ${fixture.source}`,
      `- **Date:** ${fixture.date}`,
      `- **Licence:** ${fixture.licence}`,
      `- **Kept:** ${fixture.cut}: ${kept}`,
    ].join('\n'),
  };
}

for (const fixture of FIXTURES) {
  const cut = cutCsv(readFileSync(join(from, fixture.file), 'utf8'), fixture.keep);
  writeFileSync(join(out, fixture.file), cut.text);
  sections.push(
    describe(
      fixture,
      `${cut.kept.toLocaleString('en-GB')} of ${cut.read.toLocaleString('en-GB')} rows`,
    ),
  );
}

const wardLads = new Set([...Object.keys(BOROUGHS), ...pointBoroughs]);
const keptWards = wards.filter((ward) => wardLads.has(ward.properties.LAD24CD));
writeFileSync(join(out, WARDS_FILE), JSON.stringify({ ...wardCollection, features: keptWards }));
const ladNames = [...new Set(keptWards.map((ward) => ward.properties.LAD24NM))].sort();
sections.unshift(
  describe(
    {
      file: WARDS_FILE,
      source:
        'ONS Wards (May 2024) Boundaries UK BGC, Open Geography Portal, cut to London and converted to WGS84 GeoJSON',
      date: 'May 2024',
      licence: `${ONS}; contains OS data © Crown copyright and database right 2024`,
      cut: `the wards of ${ladNames.join(', ')} (the boroughs of the MPS files and those holding a data.police.uk point kept)`,
    },
    `${keptWards.length} of ${wards.length} wards`,
  ),
);

const geoPackage = await kensingtonChelseaGeoPackage(keptWards);
writeFileSync(join(out, GEOPACKAGE_FILE), geoPackage.bytes);
sections.push(
  describe(
    {
      file: GEOPACKAGE_FILE,
      source: `made from \`${WARDS_FILE}\` above (ONS Wards (May 2024) Boundaries UK BGC) by \`scripts/geoPackageFixture.ts\``,
      date: 'May 2024 boundaries',
      licence: `${ONS}; contains OS data © Crown copyright and database right 2024`,
      cut: "Kensington and Chelsea's wards (`WD24CD`, `WD24NM`, `LAD24CD`, `LAD24NM`), converted to British National Grid metres (EPSG:27700, to the centimetre) as the GeoPackage layer `wards`, followed by features made to be rejected: a point (`E05099998`) and a row with no geometry (`E05099999`)",
    },
    `${geoPackage.wards} wards and ${geoPackage.rejected} features to reject`,
  ),
);

const readme = `# Test fixtures: real public data, cut to a few boroughs

Written by \`npm run fixtures\` (\`scripts/cut-fixtures.ts\`) from the full files, which it reads from
\`../shared/geodata\` (or \`--from dir\`); do not edit them by hand. Each file keeps its published
name, header, byte-order mark, line endings and quoting; only rows were left out. The end-to-end
tests load them through "Load data" and work out the figures they expect from these raw rows with
code of their own. \`npm run test:real-data\` runs the same tests on the full files.

${sections.map((section) => section.text).join('\n\n')}

Attribution: "Contains public sector information licensed under the Open Government Licence v3.0."
and, for the ONS files, "Source: Office for National Statistics licensed under the Open Government
Licence v.3.0. Contains OS data © Crown copyright and database right 2024."
`;
writeFileSync(join(out, 'README.md'), readme);
console.log(`fixtures: ${relative(root, out)} from ${from}`);
for (const section of sections) console.log(`  ${section.file}: ${section.text.split(': ').pop()}`);
