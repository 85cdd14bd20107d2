/**
 * A small PMTiles v3 base map made from scratch for tests: a Mapbox Vector Tile encoder (the
 * protobuf by hand, https://github.com/mapbox/vector-tile-spec 2.1) and a PMTiles v3 writer
 * (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md), uncompressed. Its features
 * are axis-aligned in Web Mercator, so clipping them to a tile is clamping: a grid of roads, a
 * rectangle of water and named points.
 */
import { zxyToTileId } from 'pmtiles';

class ProtobufWriter {
  private readonly bytes: number[] = [];

  varint(value: number): this {
    let rest = value;
    while (rest > 0x7f) {
      this.bytes.push((rest & 0x7f) | 0x80);
      rest = Math.floor(rest / 128);
    }
    this.bytes.push(rest);
    return this;
  }

  private tag(field: number, wireType: number): this {
    return this.varint(field * 8 + wireType);
  }

  uint(field: number, value: number): this {
    return this.tag(field, 0).varint(value);
  }

  bytesField(field: number, content: Uint8Array): this {
    this.tag(field, 2).varint(content.length);
    for (const byte of content) this.bytes.push(byte);
    return this;
  }

  string(field: number, text: string): this {
    return this.bytesField(field, new TextEncoder().encode(text));
  }

  packed(field: number, values: readonly number[]): this {
    const inner = new ProtobufWriter();
    for (const value of values) inner.varint(value);
    return this.bytesField(field, inner.finish());
  }

  finish(): Uint8Array<ArrayBuffer> {
    return Uint8Array.from(this.bytes);
  }
}

const zigzag = (value: number) => (value < 0 ? -2 * value - 1 : 2 * value);
const command = (id: number, count: number) => (count << 3) | id;

type Point = [number, number];
export type FixtureGeometry =
  | { type: 'Point'; point: Point }
  | { type: 'LineString'; line: Point[] }
  | { type: 'Polygon'; ring: Point[] };

export interface FixtureFeature {
  geometry: FixtureGeometry;
  properties: Record<string, string>;
}

export const EXTENT = 4096;

/** MVT geometry commands of one feature, in tile coordinates. */
function geometryCommands(geometry: FixtureGeometry): { type: number; commands: number[] } {
  let x = 0;
  let y = 0;
  const moveTo = ([px, py]: Point) => {
    const step = [zigzag(px - x), zigzag(py - y)];
    x = px;
    y = py;
    return step;
  };
  if (geometry.type === 'Point')
    return { type: 1, commands: [command(1, 1), ...moveTo(geometry.point)] };
  const points = geometry.type === 'LineString' ? geometry.line : geometry.ring;
  const [start, ...rest] = points as [Point, ...Point[]];
  const commands = [command(1, 1), ...moveTo(start), command(2, rest.length)];
  for (const point of rest) commands.push(...moveTo(point));
  if (geometry.type === 'Polygon') commands.push(command(7, 1));
  return { type: geometry.type === 'LineString' ? 2 : 3, commands };
}

/** One vector tile with named layers of features in tile coordinates (0..EXTENT). */
export function encodeVectorTile(
  layers: Record<string, FixtureFeature[]>,
): Uint8Array<ArrayBuffer> {
  const tile = new ProtobufWriter();
  for (const [name, features] of Object.entries(layers)) {
    if (features.length === 0) continue;
    const keys: string[] = [];
    const values: string[] = [];
    const layer = new ProtobufWriter().uint(15, 2).string(1, name);
    for (const feature of features) {
      const tags: number[] = [];
      for (const [key, value] of Object.entries(feature.properties)) {
        if (!keys.includes(key)) keys.push(key);
        if (!values.includes(value)) values.push(value);
        tags.push(keys.indexOf(key), values.indexOf(value));
      }
      const { type, commands } = geometryCommands(feature.geometry);
      const encoded = new ProtobufWriter().uint(3, type).packed(4, commands);
      if (tags.length > 0) encoded.packed(2, tags);
      layer.bytesField(2, encoded.finish());
    }
    for (const key of keys) layer.string(3, key);
    for (const value of values) layer.bytesField(4, new ProtobufWriter().string(1, value).finish());
    layer.uint(5, EXTENT);
    tile.bytesField(3, layer.finish());
  }
  return tile.finish();
}

/** Web Mercator of a longitude and latitude, as a share of the world (0..1, y down). */
export function worldPosition(longitude: number, latitude: number): Point {
  const sin = Math.sin((latitude * Math.PI) / 180);
  return [(longitude + 180) / 360, 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)];
}

/** The base map's content, in longitude and latitude. */
export interface FixtureMap {
  /** Roads along a meridian (`longitude`) or a parallel (`latitude`), between two limits. */
  roads: (
    | { longitude: number; from: number; to: number }
    | { latitude: number; from: number; to: number }
  )[];
  /** Water rectangles: [west, south, east, north]. */
  water: [number, number, number, number][];
  places: { longitude: number; latitude: number; name: string }[];
}

/** Tile features of the map at z/x/y, clipped to the tile and a buffer around it. */
export function tileLayers(map: FixtureMap, z: number, x: number, y: number) {
  const scale = 2 ** z * EXTENT;
  const local = (longitude: number, latitude: number): Point => {
    const [wx, wy] = worldPosition(longitude, latitude);
    return [Math.round(wx * scale - x * EXTENT), Math.round(wy * scale - y * EXTENT)];
  };
  const buffer = 64;
  const clamp = (value: number) => Math.min(EXTENT + buffer, Math.max(-buffer, value));
  const inside = (value: number) => value >= -buffer && value <= EXTENT + buffer;
  const roads: FixtureFeature[] = [];
  for (const road of map.roads) {
    const [a, b] =
      'longitude' in road
        ? [local(road.longitude, road.from), local(road.longitude, road.to)]
        : [local(road.from, road.latitude), local(road.to, road.latitude)];
    const start: Point = [clamp(a[0]), clamp(a[1])];
    const end: Point = [clamp(b[0]), clamp(b[1])];
    const vertical = 'longitude' in road;
    const crossing = vertical ? inside(a[0]) : inside(a[1]);
    const long = vertical ? start[1] !== end[1] : start[0] !== end[0];
    if (crossing && long)
      roads.push({ geometry: { type: 'LineString', line: [start, end] }, properties: {} });
  }
  const water: FixtureFeature[] = [];
  for (const [west, south, east, north] of map.water) {
    const [left, bottom] = local(west, south).map(clamp) as Point;
    const [right, top] = local(east, north).map(clamp) as Point;
    if (left === right || top === bottom) continue;
    // Clockwise on screen (y down): an exterior ring in MVT.
    const ring: Point[] = [
      [left, top],
      [right, top],
      [right, bottom],
      [left, bottom],
    ];
    water.push({ geometry: { type: 'Polygon', ring }, properties: {} });
  }
  const labels: FixtureFeature[] = map.places
    .map((place) => ({ place, point: local(place.longitude, place.latitude) }))
    .filter(({ point }) => point.every((value) => value >= 0 && value < EXTENT))
    .map(({ place, point }) => ({
      geometry: { type: 'Point', point },
      properties: { name: place.name },
    }));
  return { water, roads, labels };
}

function uint64(view: DataView, offset: number, value: number) {
  view.setBigUint64(offset, BigInt(value), true);
}

/** A PMTiles v3 archive (uncompressed, one root directory) of the map at zooms min..max. */
export function fixturePmtiles(
  map: FixtureMap,
  bounds: [number, number, number, number],
  minZoom: number,
  maxZoom: number,
  attribution = '<a href="https://www.openstreetmap.org/copyright">&copy; OpenStreetMap contributors</a>',
): Uint8Array<ArrayBuffer> {
  const tiles: { id: number; data: Uint8Array<ArrayBuffer> }[] = [];
  for (let z = minZoom; z <= maxZoom; z += 1) {
    const [x0, y0] = worldPosition(bounds[0], bounds[3]).map((value) => Math.floor(value * 2 ** z));
    const [x1, y1] = worldPosition(bounds[2], bounds[1]).map((value) => Math.floor(value * 2 ** z));
    for (let x = x0 as number; x <= (x1 as number); x += 1)
      for (let y = y0 as number; y <= (y1 as number); y += 1)
        tiles.push({ id: zxyToTileId(z, x, y), data: encodeVectorTile(tileLayers(map, z, x, y)) });
  }
  tiles.sort((a, b) => a.id - b.id);
  const directory = new ProtobufWriter().varint(tiles.length);
  let lastId = 0;
  for (const tile of tiles) {
    directory.varint(tile.id - lastId);
    lastId = tile.id;
  }
  for (const _ of tiles) directory.varint(1);
  for (const tile of tiles) directory.varint(tile.data.length);
  // Contiguous tiles: every offset after the first is written as 0, "right after the previous".
  for (let index = 0; index < tiles.length; index += 1) directory.varint(index === 0 ? 1 : 0);
  const root = directory.finish();
  const metadata = new TextEncoder().encode(
    JSON.stringify({
      name: 'Test base map',
      attribution,
      vector_layers: [
        { id: 'water', fields: {} },
        { id: 'roads', fields: {} },
        { id: 'labels', fields: { name: 'String' } },
      ],
    }),
  );
  const tileBytes = tiles.reduce((sum, tile) => sum + tile.data.length, 0);
  const header = new ArrayBuffer(127);
  const view = new DataView(header);
  new Uint8Array(header).set(new TextEncoder().encode('PMTiles'), 0);
  view.setUint8(7, 3);
  const rootOffset = 127;
  const metadataOffset = rootOffset + root.length;
  const tileOffset = metadataOffset + metadata.length;
  uint64(view, 8, rootOffset);
  uint64(view, 16, root.length);
  uint64(view, 24, metadataOffset);
  uint64(view, 32, metadata.length);
  uint64(view, 40, tileOffset + tileBytes);
  uint64(view, 48, 0);
  uint64(view, 56, tileOffset);
  uint64(view, 64, tileBytes);
  uint64(view, 72, tiles.length);
  uint64(view, 80, tiles.length);
  uint64(view, 88, tiles.length);
  view.setUint8(96, 1);
  view.setUint8(97, 1);
  view.setUint8(98, 1);
  view.setUint8(99, 1);
  view.setUint8(100, minZoom);
  view.setUint8(101, maxZoom);
  const e7 = (degrees: number) => Math.round(degrees * 1e7);
  view.setInt32(102, e7(bounds[0]), true);
  view.setInt32(106, e7(bounds[1]), true);
  view.setInt32(110, e7(bounds[2]), true);
  view.setInt32(114, e7(bounds[3]), true);
  view.setUint8(118, minZoom);
  view.setInt32(119, e7((bounds[0] + bounds[2]) / 2), true);
  view.setInt32(123, e7((bounds[1] + bounds[3]) / 2), true);
  const archive = new Uint8Array(tileOffset + tileBytes);
  archive.set(new Uint8Array(header), 0);
  archive.set(root, rootOffset);
  archive.set(metadata, metadataOffset);
  let offset = tileOffset;
  for (const tile of tiles) {
    archive.set(tile.data, offset);
    offset += tile.data.length;
  }
  return archive;
}

/** Kensington and Chelsea's extent, a little wider. */
export const KENSINGTON_BOUNDS: [number, number, number, number] = [-0.235, 51.465, -0.145, 51.535];

/** A street grid every 0.004° over the borough, the river along its south and two places. */
export function kensingtonFixtureMap(): FixtureMap {
  const [west, south, east, north] = KENSINGTON_BOUNDS;
  const roads: FixtureMap['roads'] = [];
  for (let longitude = west; longitude <= east; longitude += 0.004)
    roads.push({ longitude, from: south, to: north });
  for (let latitude = south; latitude <= north; latitude += 0.004)
    roads.push({ latitude, from: west, to: east });
  return {
    roads,
    water: [[west, south, east, 51.475]],
    places: [
      { longitude: -0.2, latitude: 51.5, name: 'Fixture Town' },
      { longitude: -0.17, latitude: 51.49, name: 'Testham' },
    ],
  };
}
