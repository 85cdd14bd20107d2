/**
 * Writes a small GeoPackage for tests, as the OGC GeoPackage standard (12-128r18) lays it out:
 * the application id and version, the spatial reference systems table (with the required
 * undefined systems and the layer's own), gpkg_contents and gpkg_geometry_columns, and one feature
 * table whose geometry blobs are the GeoPackage header (little-endian, with an xy envelope)
 * followed by little-endian well-known binary. SQLite is sql.js, as in the app.
 */
import initSqlJs from 'sql.js';

export interface GeoPackageFeature {
  /** Polygons (rings of [x, y], outer ring first), a point, or null for no geometry. */
  geometry:
    | { type: 'MultiPolygon'; coordinates: [number, number][][][] }
    | { type: 'Point'; coordinates: [number, number] }
    | null;
  properties: Record<string, string>;
}

export interface SpatialReference {
  srsId: number;
  name: string;
  organization: string;
  definition: string;
}

/** OGC WKT of EPSG:27700, as GDAL writes it in gpkg_spatial_ref_sys. */
export const BRITISH_NATIONAL_GRID_SRS: SpatialReference = {
  srsId: 27700,
  name: 'OSGB36 / British National Grid',
  organization: 'EPSG',
  definition:
    'PROJCS["OSGB36 / British National Grid",GEOGCS["OSGB36",DATUM["Ordnance_Survey_of_Great_Britain_1936",SPHEROID["Airy 1830",6377563.396,299.3249646]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",49],PARAMETER["central_meridian",-2],PARAMETER["scale_factor",0.9996012717],PARAMETER["false_easting",400000],PARAMETER["false_northing",-100000],UNIT["metre",1],AUTHORITY["EPSG","27700"]]',
};

export const WGS84_SRS: SpatialReference = {
  srsId: 4326,
  name: 'WGS 84 geodetic',
  organization: 'EPSG',
  definition:
    'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433],AUTHORITY["EPSG","4326"]]',
};

/** Little-endian well-known binary of a geometry. */
function wkb(geometry: NonNullable<GeoPackageFeature['geometry']>): Uint8Array {
  const values: number[] = [];
  const layout: ('byte' | 'uint32' | 'double')[] = [];
  const push = (kind: 'byte' | 'uint32' | 'double', value: number) => {
    layout.push(kind);
    values.push(value);
  };
  const header = (type: number) => {
    push('byte', 1);
    push('uint32', type);
  };
  if (geometry.type === 'Point') {
    header(1);
    for (const value of geometry.coordinates) push('double', value);
  } else {
    header(6);
    push('uint32', geometry.coordinates.length);
    for (const polygon of geometry.coordinates) {
      header(3);
      push('uint32', polygon.length);
      for (const ring of polygon) {
        push('uint32', ring.length);
        for (const [x, y] of ring) {
          push('double', x);
          push('double', y);
        }
      }
    }
  }
  const size = layout.reduce((sum, kind) => sum + { byte: 1, uint32: 4, double: 8 }[kind], 0);
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  let offset = 0;
  for (const [index, kind] of layout.entries()) {
    const value = values[index] as number;
    if (kind === 'byte') view.setUint8(offset, value);
    else if (kind === 'uint32') view.setUint32(offset, value, true);
    else view.setFloat64(offset, value, true);
    offset += { byte: 1, uint32: 4, double: 8 }[kind];
  }
  return bytes;
}

/** The positions of a geometry, for its envelope. */
function positions(geometry: NonNullable<GeoPackageFeature['geometry']>): [number, number][] {
  return geometry.type === 'Point' ? [geometry.coordinates] : geometry.coordinates.flat(2);
}

/** A GeoPackage geometry blob: "GP", version 0, flags (little-endian, xy envelope), srs id,
 * envelope (min x, max x, min y, max y), then the well-known binary. */
export function geoPackageBlob(
  geometry: NonNullable<GeoPackageFeature['geometry']>,
  srsId: number,
): Uint8Array {
  const body = wkb(geometry);
  const blob = new Uint8Array(8 + 32 + body.length);
  const view = new DataView(blob.buffer);
  blob.set([0x47, 0x50, 0, 0b0000_0011]);
  view.setInt32(4, srsId, true);
  const xs = positions(geometry).map(([x]) => x);
  const ys = positions(geometry).map(([, y]) => y);
  for (const [index, value] of [
    Math.min(...xs),
    Math.max(...xs),
    Math.min(...ys),
    Math.max(...ys),
  ].entries())
    view.setFloat64(8 + index * 8, value, true);
  blob.set(body, 40);
  return blob;
}

/** A GeoPackage holding one layer, `table`, of `features` in the spatial reference `srs`. */
export async function writeGeoPackage(
  table: string,
  features: readonly GeoPackageFeature[],
  srs: SpatialReference,
): Promise<Uint8Array> {
  const SQL = await initSqlJs();
  const database = new SQL.Database();
  const columns = [...new Set(features.flatMap((feature) => Object.keys(feature.properties)))];
  database.run(`
    PRAGMA application_id = 1196444487;
    PRAGMA user_version = 10300;
    CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY,
      organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL,
      definition TEXT NOT NULL, description TEXT);
    CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,
      identifier TEXT UNIQUE, description TEXT DEFAULT '', last_change DATETIME NOT NULL,
      min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER);
    CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,
      geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL,
      m TINYINT NOT NULL, PRIMARY KEY (table_name, column_name));
  `);
  const addSystem = (system: SpatialReference, id: number, organization: string) =>
    database.run('INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, NULL)', [
      system.name,
      system.srsId,
      organization,
      id,
      system.definition,
    ]);
  addSystem(
    { srsId: -1, name: 'Undefined cartesian SRS', organization: 'NONE', definition: 'undefined' },
    -1,
    'NONE',
  );
  addSystem(
    { srsId: 0, name: 'Undefined geographic SRS', organization: 'NONE', definition: 'undefined' },
    0,
    'NONE',
  );
  for (const system of srs.srsId === WGS84_SRS.srsId ? [srs] : [WGS84_SRS, srs])
    addSystem(system, system.srsId, system.organization);
  const all = features.flatMap((feature) => (feature.geometry ? positions(feature.geometry) : []));
  const xs = all.map(([x]) => x);
  const ys = all.map(([, y]) => y);
  database.run(
    "INSERT INTO gpkg_contents VALUES (?, 'features', ?, '', '2026-11-30T00:00:00.000Z', ?, ?, ?, ?, ?)",
    [table, table, Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys), srs.srsId],
  );
  database.run("INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', 'MULTIPOLYGON', ?, 0, 0)", [
    table,
    srs.srsId,
  ]);
  const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
  database.run(
    `CREATE TABLE ${quoted(table)} (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom MULTIPOLYGON, ${columns.map((name) => `${quoted(name)} TEXT`).join(', ')})`,
  );
  for (const feature of features)
    database.run(
      `INSERT INTO ${quoted(table)} (geom, ${columns.map(quoted).join(', ')}) VALUES (?, ${columns.map(() => '?').join(', ')})`,
      [
        feature.geometry ? geoPackageBlob(feature.geometry, srs.srsId) : null,
        ...columns.map((name) => feature.properties[name] ?? null),
      ],
    );
  const bytes = database.export();
  database.close();
  return bytes;
}
