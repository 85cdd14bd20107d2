/**
 * Writes a small zipped Shapefile of polygons for tests, as the ESRI specification lays it out:
 * the .shp (big- and little-endian fields as the specification mixes them, outer rings clockwise),
 * the .dbf (dBASE III, text fields), and optionally a .prj.
 */
import { strToU8, zipSync } from 'fflate';

export interface ShapefileFeature {
  /** Polygons, each a list of closed rings with the outer ring first, in the file's coordinates. */
  polygons: [number, number][][][];
  properties: Record<string, string>;
}

/** Shoelace sum: positive for a clockwise ring with y up. */
function clockwise(ring: [number, number][]): boolean {
  let sum = 0;
  for (let index = 1; index < ring.length; index += 1) {
    const [x0, y0] = ring[index - 1] as [number, number];
    const [x1, y1] = ring[index] as [number, number];
    sum += (x1 - x0) * (y1 + y0);
  }
  return sum > 0;
}

/** The bounding box of points as four little-endian doubles: xmin, ymin, xmax, ymax. */
function writeBox(view: DataView, offset: number, points: readonly [number, number][]): void {
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  const box = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  for (const [index, value] of box.entries()) view.setFloat64(offset + index * 8, value, true);
}

function shp(features: readonly ShapefileFeature[]): Uint8Array {
  const records = features.map((feature, index) => {
    // Outer rings clockwise, holes anticlockwise, as the specification asks.
    const rings = feature.polygons.flatMap((polygon) =>
      polygon.map((ring, ringIndex) =>
        clockwise(ring) === (ringIndex === 0) ? ring : [...ring].reverse(),
      ),
    );
    const points = rings.flat();
    const content = new DataView(new ArrayBuffer(44 + 4 * rings.length + 16 * points.length));
    content.setInt32(0, 5, true);
    writeBox(content, 4, points);
    content.setInt32(36, rings.length, true);
    content.setInt32(40, points.length, true);
    let start = 0;
    rings.forEach((ring, at) => {
      content.setInt32(44 + at * 4, start, true);
      start += ring.length;
    });
    points.forEach(([x, y], at) => {
      content.setFloat64(44 + 4 * rings.length + at * 16, x, true);
      content.setFloat64(44 + 4 * rings.length + at * 16 + 8, y, true);
    });
    const header = new DataView(new ArrayBuffer(8));
    header.setInt32(0, index + 1, false);
    header.setInt32(4, content.byteLength / 2, false);
    return [new Uint8Array(header.buffer), new Uint8Array(content.buffer)];
  });
  const body = records.flat();
  const length = 100 + body.reduce((sum, part) => sum + part.length, 0);
  const file = new Uint8Array(length);
  const view = new DataView(file.buffer);
  view.setInt32(0, 9994, false);
  view.setInt32(24, length / 2, false);
  view.setInt32(28, 1000, true);
  view.setInt32(32, 5, true);
  writeBox(
    view,
    36,
    features.flatMap((feature) => feature.polygons.flat(2)),
  );
  let at = 100;
  for (const part of body) {
    file.set(part, at);
    at += part.length;
  }
  return file;
}

function dbf(features: readonly ShapefileFeature[]): Uint8Array {
  const names = Object.keys(features[0]?.properties ?? {});
  const widths = names.map((name) =>
    Math.max(1, ...features.map((feature) => strToU8(feature.properties[name] ?? '').length)),
  );
  const headerLength = 32 + 32 * names.length + 1;
  const recordLength = 1 + widths.reduce((sum, width) => sum + width, 0);
  const file = new Uint8Array(headerLength + recordLength * features.length + 1);
  const view = new DataView(file.buffer);
  file[0] = 0x03;
  file.set([126, 1, 1], 1);
  view.setUint32(4, features.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  names.forEach((name, index) => {
    const at = 32 + 32 * index;
    file.set(strToU8(name).subarray(0, 10), at);
    file[at + 11] = 'C'.charCodeAt(0);
    file[at + 16] = widths[index] as number;
  });
  file[headerLength - 1] = 0x0d;
  features.forEach((feature, record) => {
    let at = headerLength + record * recordLength;
    file[at] = 0x20;
    at += 1;
    names.forEach((name, index) => {
      const width = widths[index] as number;
      file.fill(0x20, at, at + width);
      file.set(strToU8(feature.properties[name] ?? '').subarray(0, width), at);
      at += width;
    });
  });
  file[file.length - 1] = 0x1a;
  return file;
}

/** The Ordnance Survey's .prj for British National Grid, as ArcGIS and QGIS write it. */
export const BRITISH_NATIONAL_GRID_PRJ =
  'PROJCS["British_National_Grid",GEOGCS["GCS_OSGB_1936",DATUM["D_OSGB_1936",SPHEROID["Airy_1830",6377563.396,299.3249646]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",400000.0],PARAMETER["False_Northing",-100000.0],PARAMETER["Central_Meridian",-2.0],PARAMETER["Scale_Factor",0.9996012717],PARAMETER["Latitude_Of_Origin",49.0],UNIT["Meter",1.0]]';

export function writeShapefileZip(
  name: string,
  features: readonly ShapefileFeature[],
  prj?: string,
): Uint8Array<ArrayBuffer> {
  const files: Record<string, Uint8Array> = {
    [`${name}.shp`]: shp(features),
    [`${name}.dbf`]: dbf(features),
  };
  if (prj !== undefined) files[`${name}.prj`] = strToU8(prj);
  return zipSync(files);
}
