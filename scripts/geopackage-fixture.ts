/**
 * Writes tests/fixtures/kensington_chelsea_wards_2024_bng.gpkg: Kensington and Chelsea's 18 wards
 * from the committed ONS boundary fixture, converted to British National Grid metres (EPSG:27700,
 * to the centimetre) with the app's own grid definition, as a GeoPackage layer "wards", plus two
 * features the app must reject (a point, and a row with no geometry). Run with
 * `npm run fixtures:geopackage`; the tests read the committed file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import proj4 from 'proj4';
import { BRITISH_NATIONAL_GRID } from '../src/geo/gridConversion.ts';
import {
  BRITISH_NATIONAL_GRID_SRS,
  type GeoPackageFeature,
  writeGeoPackage,
} from '../tests/support/geoPackageWriter.ts';

const fixtures = path.resolve(import.meta.dirname, '../tests/fixtures');
const source = JSON.parse(
  readFileSync(path.join(fixtures, 'london_wards_2024_bgc.geojson'), 'utf8'),
) as FeatureCollection<Polygon | MultiPolygon, Record<string, string>>;
const toGrid = proj4('EPSG:4326', BRITISH_NATIONAL_GRID);
const onGrid = (position: Position): [number, number] => {
  const [x, y] = toGrid.forward(position.slice(0, 2)) as [number, number];
  return [Math.round(x * 100) / 100, Math.round(y * 100) / 100];
};

const wards: GeoPackageFeature[] = source.features
  .filter((ward) => ward.properties.LAD24CD === 'E09000020')
  .map((ward) => ({
    geometry: {
      type: 'MultiPolygon',
      coordinates: (ward.geometry.type === 'Polygon'
        ? [ward.geometry.coordinates]
        : ward.geometry.coordinates
      ).map((polygon) => polygon.map((ring) => ring.map(onGrid))),
    },
    properties: {
      WD24CD: ward.properties.WD24CD as string,
      WD24NM: ward.properties.WD24NM as string,
      LAD24CD: 'E09000020',
      LAD24NM: 'Kensington and Chelsea',
    },
  }));
const rejected: GeoPackageFeature[] = [
  {
    geometry: { type: 'Point', coordinates: [526000, 179000] },
    properties: { WD24CD: 'E05099998', WD24NM: 'A point', LAD24CD: 'E09000020' },
  },
  {
    geometry: null,
    properties: { WD24CD: 'E05099999', WD24NM: 'No geometry', LAD24CD: 'E09000020' },
  },
];

const bytes = await writeGeoPackage('wards', [...wards, ...rejected], BRITISH_NATIONAL_GRID_SRS);
const target = path.join(fixtures, 'kensington_chelsea_wards_2024_bng.gpkg');
writeFileSync(target, bytes);
console.log(
  `${target}: ${wards.length} wards and ${rejected.length} features to reject, ${bytes.length} bytes`,
);
