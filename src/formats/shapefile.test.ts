import { strToU8, zipSync } from 'fflate';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { mappingOf } from '../../tests/support/columnMappings.ts';
import { TEST_WARDS } from '../../tests/support/readForTest.ts';
import {
  BRITISH_NATIONAL_GRID_PRJ,
  type ShapefileFeature,
  writeShapefileZip,
} from '../../tests/support/shapefileWriter.ts';
import { decodeWardTopology } from '../geo/wardSet.ts';
import type { ColumnMapping } from './columnMapping.ts';
import { readDataFile } from './readDataFile.ts';

/** EPSG:27700 with the Helmert parameters, as the EPSG registry gives it: the test's own. */
const toLonLat = proj4(
  '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy +towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs',
  'EPSG:4326',
);

/** Square wards of 2 km near Maidstone, in grid metres, by column and row. */
function gridSquare(column: number, row: number): [number, number][] {
  const west = 575_000 + column * 2000;
  const south = 155_000 + row * 2000;
  return [
    [west, south],
    [west, south + 2000],
    [west + 2000, south + 2000],
    [west + 2000, south],
    [west, south],
  ];
}

const KENT: ShapefileFeature[] = [
  {
    polygons: [[gridSquare(0, 0)]],
    properties: {
      CODE: 'E05015901',
      NAME: 'Allington',
      LA_CODE: 'E07000110',
      LA_NAME: 'Maidstone',
    },
  },
  {
    polygons: [[gridSquare(1, 0)]],
    properties: { CODE: 'E05015902', NAME: 'Barming', LA_CODE: 'E07000110', LA_NAME: 'Maidstone' },
  },
  {
    polygons: [[gridSquare(0, 1)]],
    properties: { CODE: 'E05015904', NAME: 'Bearsted', LA_CODE: 'E07000110', LA_NAME: 'Maidstone' },
  },
];

async function read(name: string, bytes: BlobPart, mapping?: ColumnMapping) {
  return readDataFile(new Blob([bytes]), {
    fileName: name,
    lookup: TEST_WARDS,
    ...(mapping ? { mapping } : {}),
  }).result;
}

const KENT_PROPERTIES = ['CODE', 'NAME', 'LA_CODE', 'LA_NAME'];
/** The matching the "Match columns" step proposes for KENT's properties, as a user confirms it. */
const KENT_MAPPING = mappingOf(
  KENT_PROPERTIES,
  ['ward_code', 'ward_name', 'lad_code', 'lad_name'],
  { name: 'Kent wards', rowsAre: 'boundaries' },
);

/** Whether a point lies inside the square's corners converted by the test's own proj4. */
function insideSquare(point: [number, number], column: number, row: number): boolean {
  const corners = gridSquare(column, row).map((corner) => toLonLat.forward(corner) as number[]);
  const longitudes = corners.map(([longitude]) => longitude as number);
  const latitudes = corners.map(([, latitude]) => latitude as number);
  return (
    point[0] > Math.min(...longitudes) &&
    point[0] < Math.max(...longitudes) &&
    point[1] > Math.min(...latitudes) &&
    point[1] < Math.max(...latitudes)
  );
}

describe('boundary files in British National Grid', () => {
  it('reads a zipped Shapefile with a .prj, converting it, its ward columns proposed by their values and confirmed', async () => {
    const zip = writeShapefileZip('kent_wards', KENT, BRITISH_NATIONAL_GRID_PRJ);
    const asked = await read('kent.zip', zip);
    if (asked.kind !== 'columns') throw new Error(JSON.stringify(asked));
    expect(asked.header).toEqual(KENT_PROPERTIES);
    expect(asked.roles).toEqual(KENT_MAPPING.columns.map((column) => column.role));
    const parsed = await read('kent.zip', zip, KENT_MAPPING);
    if (parsed.kind !== 'boundaries') throw new Error(JSON.stringify(parsed));
    expect(parsed.report.format).toBe('Ward boundaries (Shapefile)');
    expect(parsed.report.rowsLoaded).toBe(3);
    const wards = decodeWardTopology(parsed.topology).wards;
    expect(wards.map(({ code, name, lad, ladName }) => ({ code, name, lad, ladName }))).toEqual([
      { code: 'E05015901', name: 'Allington', lad: 'E07000110', ladName: 'Maidstone' },
      { code: 'E05015902', name: 'Barming', lad: 'E07000110', ladName: 'Maidstone' },
      { code: 'E05015904', name: 'Bearsted', lad: 'E07000110', ladName: 'Maidstone' },
    ]);
    expect(insideSquare(wards[0]?.label as [number, number], 0, 0)).toBe(true);
    expect(insideSquare(wards[1]?.label as [number, number], 1, 0)).toBe(true);
    expect(insideSquare(wards[2]?.label as [number, number], 0, 1)).toBe(true);
    expect(parsed.report.notes.join('\n')).toMatch(/British National Grid \(its \.prj names it\)/);
    expect(parsed.report.notes[0]).toBe(
      'Ward code property CODE (as matched); features read 3, valid 3, rejected 0.',
    );
  });

  it('tells the grid from the coordinates when there is no .prj', async () => {
    const parsed = await read('kent.zip', writeShapefileZip('kent_wards', KENT), KENT_MAPPING);
    if (parsed.kind !== 'boundaries') throw new Error(JSON.stringify(parsed));
    expect(parsed.report.notes.join('\n')).toMatch(/its coordinates are metres within the grid/);
    expect(parsed.report.notes).toContain(
      'The Shapefile has no .prj: its coordinate system was told from the coordinates.',
    );
    const label = decodeWardTopology(parsed.topology).wards[0]?.label as [number, number];
    expect(insideSquare(label, 0, 0)).toBe(true);
  });

  it('reads a GeoJSON in grid metres, by its crs member or by its coordinates', async () => {
    const collection = (crs: boolean) => ({
      type: 'FeatureCollection',
      ...(crs
        ? { crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::27700' } } }
        : {}),
      features: KENT.map((feature) => ({
        type: 'Feature',
        properties: { WD23CD: feature.properties.CODE, WD23NM: feature.properties.NAME },
        geometry: { type: 'MultiPolygon', coordinates: feature.polygons },
      })),
    });
    for (const [crs, evidence] of [
      [true, 'its crs member names EPSG:27700'],
      [false, 'its coordinates are metres within the grid'],
    ] as const) {
      const parsed = await read('kent.geojson', JSON.stringify(collection(crs)));
      if (parsed.kind !== 'boundaries') throw new Error(JSON.stringify(parsed));
      expect(parsed.report.rowsLoaded).toBe(3);
      expect(parsed.report.notes.join('\n')).toContain(evidence);
      const label = decodeWardTopology(parsed.topology).wards[1]?.label as [number, number];
      expect(insideSquare(label, 1, 0)).toBe(true);
    }
  });

  it('says what is missing from a zip that is not a whole Shapefile, and names binary files it cannot read', async () => {
    expect(await read('part.zip', zipSync({ 'wards.shp': new Uint8Array(100) }))).toMatchObject({
      kind: 'unrecognised',
      message: 'The zip archive has wards.shp but not its .dbf, which holds the ward codes.',
    });
    expect(await read('notes.zip', zipSync({ 'notes.txt': strToU8('x') }))).toMatchObject({
      kind: 'unrecognised',
      message:
        'This zip archive holds no Excel workbook, no Shapefile (.shp with its .dbf) and no data.police.uk street-level files (month folders such as 2023-04/ with files such as 2023-04-kent-street.csv).',
    });
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(await read('old.xls', xls)).toMatchObject({
      kind: 'unrecognised',
      message: expect.stringMatching(/^This is an old-style Excel workbook \(\.xls\)/),
    });
  });
});
