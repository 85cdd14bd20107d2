/**
 * The GeoPackage fixture that `scripts/cut-fixtures.ts` writes beside the ward boundaries:
 * Kensington and Chelsea's 18 wards converted to British National Grid metres (EPSG:27700, to the
 * centimetre) with the app's own grid definition, as a GeoPackage layer "wards", plus two features
 * the app must reject (a point, and a row with no geometry).
 */
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import proj4 from 'proj4';
import { BRITISH_NATIONAL_GRID } from '../src/geo/gridConversion.ts';
import {
  BRITISH_NATIONAL_GRID_SRS,
  type GeoPackageFeature,
  writeGeoPackage,
} from '../tests/support/geoPackageWriter.ts';

export const GEOPACKAGE_FILE = 'kensington_chelsea_wards_2024_bng.gpkg';
const KENSINGTON_AND_CHELSEA = 'E09000020';

const toGrid = proj4('EPSG:4326', BRITISH_NATIONAL_GRID);
const onGrid = (position: Position): [number, number] => {
  const [x, y] = toGrid.forward(position.slice(0, 2)) as [number, number];
  return [Math.round(x * 100) / 100, Math.round(y * 100) / 100];
};

type Ward = Feature<Polygon | MultiPolygon, { WD24CD: string; WD24NM: string; LAD24CD: string }>;

/** The fixture's bytes and how many wards it holds, from the (WGS84) ward boundaries. */
export async function kensingtonChelseaGeoPackage(
  wards: Ward[],
): Promise<{ bytes: Uint8Array; wards: number; rejected: number }> {
  const gridWards: GeoPackageFeature[] = wards
    .filter((ward) => ward.properties.LAD24CD === KENSINGTON_AND_CHELSEA)
    .map((ward) => ({
      geometry: {
        type: 'MultiPolygon',
        coordinates: (ward.geometry.type === 'Polygon'
          ? [ward.geometry.coordinates]
          : ward.geometry.coordinates
        ).map((polygon) => polygon.map((ring) => ring.map(onGrid))),
      },
      properties: {
        WD24CD: ward.properties.WD24CD,
        WD24NM: ward.properties.WD24NM,
        LAD24CD: KENSINGTON_AND_CHELSEA,
        LAD24NM: 'Kensington and Chelsea',
      },
    }));
  const rejected: GeoPackageFeature[] = [
    {
      geometry: { type: 'Point', coordinates: [526000, 179000] },
      properties: { WD24CD: 'E05099998', WD24NM: 'A point', LAD24CD: KENSINGTON_AND_CHELSEA },
    },
    {
      geometry: null,
      properties: { WD24CD: 'E05099999', WD24NM: 'No geometry', LAD24CD: KENSINGTON_AND_CHELSEA },
    },
  ];
  const bytes = await writeGeoPackage(
    'wards',
    [...gridWards, ...rejected],
    BRITISH_NATIONAL_GRID_SRS,
  );
  return { bytes, wards: gridWards.length, rejected: rejected.length };
}
