/**
 * Ward boundaries as a GeoPackage (an SQLite database, OGC 12-128r18): the first feature table of
 * polygons, its rows as GeoJSON features (attributes as properties, the geometry blob's
 * well-known binary as the geometry), converted from British National Grid when the table's
 * spatial reference system is EPSG:27700, then checked as any boundary file is. SQLite is
 * sql.js (SQLite compiled to WebAssembly), handed in by the caller: the worker loads it, with its
 * .wasm from the app's own files, only when a GeoPackage is read.
 */
import type { Feature, FeatureCollection, Geometry, LineString, Point, Polygon } from 'geojson';
import type { Database, SqlJsStatic, SqlValue } from 'sql.js';
import { errorMessage } from '../data/errorMessage.ts';
import { formatCount } from '../data/numberFormat.ts';
import {
  type BoundaryChoices,
  type ParsedBoundaries,
  readBoundaryCollection,
} from './boundaryFile.ts';
import { GEOPACKAGE_FORMAT } from './boundaryFormats.ts';

/** A geometry's well-known binary could not be read. */
class WkbError extends Error {}

/** Reads ISO and extended (EWKB) well-known binary, 2D to 4D, as GeoJSON with x and y kept. */
class WkbReader {
  private offset: number;
  private readonly view: DataView;

  constructor(bytes: Uint8Array, offset: number) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.offset = offset;
  }

  private need(bytes: number): void {
    if (this.offset + bytes > this.view.byteLength) throw new WkbError('it ends too soon');
  }

  private uint32(little: boolean): number {
    this.need(4);
    const value = this.view.getUint32(this.offset, little);
    this.offset += 4;
    return value;
  }

  private positions(little: boolean, dimensions: number): number[][] {
    const count = this.uint32(little);
    this.need(count * dimensions * 8);
    const positions: number[][] = [];
    for (let index = 0; index < count; index += 1) {
      const x = this.view.getFloat64(this.offset, little);
      const y = this.view.getFloat64(this.offset + 8, little);
      positions.push([x, y]);
      this.offset += dimensions * 8;
    }
    return positions;
  }

  private rings(little: boolean, dimensions: number): number[][][] {
    const count = this.uint32(little);
    return Array.from({ length: count }, () => this.positions(little, dimensions));
  }

  geometry(): Geometry {
    this.need(1);
    const little = this.view.getUint8(this.offset) === 1;
    this.offset += 1;
    const code = this.uint32(little);
    // EWKB flags Z and M in the top bits; ISO adds 1000 (Z), 2000 (M) or 3000 (ZM).
    const ewkbDimensions =
      ((code & 0x80000000) !== 0 ? 1 : 0) + ((code & 0x40000000) !== 0 ? 1 : 0);
    const iso = code & 0x0fffffff;
    const type = iso % 1000;
    const isoDimensions = [0, 1, 1, 2][Math.floor(iso / 1000)];
    if (isoDimensions === undefined) throw new WkbError(`its type ${code} is unknown`);
    const dimensions = 2 + ewkbDimensions + isoDimensions;
    const many = <T>(read: () => T): T[] =>
      Array.from({ length: this.uint32(little) }, () => read());
    const part = <T extends Geometry>(expected: T['type']): T => {
      const geometry = this.geometry();
      if (geometry.type !== expected) throw new WkbError(`a part is a ${geometry.type}`);
      return geometry as T;
    };
    switch (type) {
      case 1: {
        this.need(dimensions * 8);
        const point = [
          this.view.getFloat64(this.offset, little),
          this.view.getFloat64(this.offset + 8, little),
        ];
        this.offset += dimensions * 8;
        return { type: 'Point', coordinates: point };
      }
      case 2:
        return { type: 'LineString', coordinates: this.positions(little, dimensions) };
      case 3:
        return { type: 'Polygon', coordinates: this.rings(little, dimensions) };
      case 4:
        return { type: 'MultiPoint', coordinates: many(() => part<Point>('Point').coordinates) };
      case 5:
        return {
          type: 'MultiLineString',
          coordinates: many(() => part<LineString>('LineString').coordinates),
        };
      case 6:
        return {
          type: 'MultiPolygon',
          coordinates: many(() => part<Polygon>('Polygon').coordinates),
        };
      case 7:
        return { type: 'GeometryCollection', geometries: many(() => this.geometry()) };
      default:
        throw new WkbError(`its type ${code} (a curve or surface) is not one the app reads`);
    }
  }
}

/** Bytes of the envelope after a GeoPackage geometry header, by its indicator (flags bits 1-3). */
const ENVELOPE_BYTES = [0, 32, 48, 48, 64];

/**
 * The GeoJSON geometry of a GeoPackage geometry blob: "GP", version, flags, srs_id, an optional
 * envelope, then well-known binary. Null for an empty geometry.
 */
export function geoPackageGeometry(blob: Uint8Array): Geometry | null {
  if (blob.length < 8 || blob[0] !== 0x47 || blob[1] !== 0x50)
    throw new WkbError('it does not start with the GeoPackage header "GP"');
  const flags = blob[3] as number;
  if ((flags & 0x10) !== 0) return null;
  const envelope = ENVELOPE_BYTES[(flags >> 1) & 0x07];
  if (envelope === undefined) throw new WkbError('its envelope is of no known kind');
  return new WkbReader(blob, 8 + envelope).geometry();
}

type Row = Record<string, SqlValue>;

function rows(database: Database, sql: string, parameters: SqlValue[] = []): Row[] {
  const statement = database.prepare(sql, parameters);
  const result: Row[] = [];
  try {
    while (statement.step()) result.push(statement.getAsObject());
  } finally {
    statement.free();
  }
  return result;
}

/** An SQL identifier, quoted. */
const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

interface FeatureTable {
  table: string;
  column: string;
  geometryType: string;
  srsId: number;
}

/** Geometry types a ward layer may declare (GEOMETRY: any). */
const POLYGON_TYPES = /^(MULTI)?POLYGON$|^GEOMETRY$/i;

/** Whether the spatial reference system is British National Grid, as EPSG or by its WKT. */
function isGridSystem(database: Database, srsId: number): boolean {
  const [system] = rows(
    database,
    'SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = ?',
    [srsId],
  );
  if (!system) return srsId === 27700;
  return (
    (String(system.organization).toUpperCase() === 'EPSG' &&
      system.organization_coordsys_id === 27700) ||
    /British_National_Grid|OSGB.?1936|OSGB36/i.test(String(system.definition ?? ''))
  );
}

/** Reads a GeoPackage's ward layer with an SQLite engine (sql.js) already loaded. */
export function readGeoPackage(
  bytes: Uint8Array,
  fileName: string,
  sqlite: SqlJsStatic,
  choices: BoundaryChoices = {},
): ParsedBoundaries {
  const unrecognised = (message: string): ParsedBoundaries => ({
    kind: 'unrecognised',
    fileName,
    message,
  });
  const cannotOpen = (error: unknown) =>
    unrecognised(
      `The file starts as an SQLite database, as a GeoPackage does, but cannot be opened (${errorMessage(error)}): it may be damaged or cut short.`,
    );
  let database: Database;
  try {
    database = new sqlite.Database(bytes);
  } catch (error) {
    return cannotOpen(error);
  }
  try {
    let tables: FeatureTable[];
    try {
      tables = rows(
        database,
        `SELECT c.table_name AS "table", g.column_name AS "column", g.geometry_type_name AS geometryType, g.srs_id AS srsId
         FROM gpkg_contents c JOIN gpkg_geometry_columns g ON g.table_name = c.table_name
         WHERE c.data_type = 'features' ORDER BY c.table_name`,
      ) as unknown as FeatureTable[];
    } catch (error) {
      // SQLite reads the file only when asked: a damaged file fails here too.
      if (!(error instanceof Error && /no such table/i.test(error.message)))
        return cannotOpen(error);
      return unrecognised(
        'This is an SQLite database but not a GeoPackage (it has no gpkg_contents table): export the ward layer as a GeoPackage, a zipped Shapefile or a GeoJSON.',
      );
    }
    const layer = tables.find((table) => POLYGON_TYPES.test(table.geometryType));
    if (!layer)
      return unrecognised(
        tables.length === 0
          ? 'This GeoPackage has no feature layer, so no ward boundaries.'
          : `This GeoPackage has no layer of polygons: its layers are ${tables.map((table) => `${table.table} (${table.geometryType})`).join(', ')}.`,
      );
    const grid = isGridSystem(database, layer.srsId);
    const unreadable: string[] = [];
    const features: Feature[] = rows(database, `SELECT * FROM ${quoted(layer.table)}`).map(
      (row, index) => {
        const properties: Record<string, string | number> = {};
        for (const [name, value] of Object.entries(row))
          if (name !== layer.column && value !== null && !(value instanceof Uint8Array))
            properties[name] = value;
        const blob = row[layer.column];
        let geometry: Geometry | null = null;
        if (blob instanceof Uint8Array) {
          try {
            geometry = geoPackageGeometry(blob);
          } catch (error) {
            if (!(error instanceof WkbError)) throw error;
            unreadable.push(`feature ${index + 1}: ${error.message}`);
          }
        }
        return { type: 'Feature', geometry: geometry as Geometry, properties };
      },
    );
    const collection: FeatureCollection = { type: 'FeatureCollection', features };
    const parsed = readBoundaryCollection(
      collection,
      fileName,
      grid ? 'EPSG:27700' : '',
      GEOPACKAGE_FORMAT,
      choices,
    );
    if (parsed.kind !== 'boundaries') return parsed;
    const { notes } = parsed.report;
    if (tables.length > 1)
      notes.push(
        `Read the layer ${layer.table}, the first of polygons among ${formatCount(tables.length)} feature layers (${tables.map((table) => table.table).join(', ')}).`,
      );
    if (unreadable.length > 0)
      notes.push(
        `Geometry that could not be read, so reported as no geometry: ${unreadable.slice(0, 5).join('; ')}${unreadable.length > 5 ? `; and ${formatCount(unreadable.length - 5)} more` : ''}.`,
      );
    return parsed;
  } finally {
    database.close();
  }
}
