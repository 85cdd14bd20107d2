/**
 * Which ward a point lies in: a packed Hilbert R-tree (flatbush) over the wards' bounding boxes
 * finds the few candidate wards, then an even-odd crossing test over each candidate's rings, held
 * in one flat Float64Array, settles it. Holes and the parts of a MultiPolygon need no special
 * case: every ring of a ward takes part in the same even-odd count.
 *
 * Borders: a point exactly on a border shared by two wards goes to exactly one of them, the same
 * one every time. Each edge is tested as a half-open segment (it owns its lower end, not its
 * upper one) and the side of the point is the sign of one cross product computed from the edge's
 * lower end to its upper end, so the two wards that share an edge see the same number for it. A
 * ward thereby owns the borders on its left and bottom and not those on its right and top. Where
 * the source wards overlap (a file that is not topologically clean) the first ward in input order
 * that holds the point wins.
 */
import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon, Position } from 'geojson';

export interface LocatableWard {
  code: string;
  geometry: Polygon | MultiPolygon;
}

export interface WardLocator {
  /** Ward codes in input order: what the indices below refer to. */
  readonly codes: readonly string[];
  /** Index of the ward holding the point, or -1 outside every ward. */
  indexAt(longitude: number, latitude: number): number;
  codeAt(longitude: number, latitude: number): string | null;
  /** indexAt for many points at once (-1 outside every ward). */
  assign(longitudes: ArrayLike<number>, latitudes: ArrayLike<number>): Int32Array;
}

function ringsOf(geometry: Polygon | MultiPolygon): Position[][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

/** Grid cell states below -1 (-1 is outside every ward, 0 and up a ward index). */
const CELL_CROSSED_BY_EDGE = -2;
const CELL_NOT_YET_KNOWN = -3;

/** About 1,024 grid cells per ward (at most 4 MB): most cells then hold no edge. */
function gridCellCount(wardCount: number): number {
  return Math.min(1 << 20, Math.max(1 << 12, wardCount * 1024));
}

export function createWardLocator(wards: readonly LocatableWard[]): WardLocator {
  const codes = wards.map((ward) => ward.code);
  // Flat layout: coordinates [x0, y0, x1, y1, ...] of every ring of every ward; ring r spans
  // ringStart[r] to ringStart[r + 1] (in numbers, not positions); ward w has rings wardRing[w]
  // to wardRing[w + 1].
  let numberCount = 0;
  let ringCount = 0;
  for (const ward of wards) {
    for (const ring of ringsOf(ward.geometry)) {
      numberCount += ring.length * 2;
      ringCount += 1;
    }
  }
  const coordinates = new Float64Array(numberCount);
  const ringStart = new Int32Array(ringCount + 1);
  const wardRing = new Int32Array(wards.length + 1);
  const index = new Flatbush(Math.max(1, wards.length));
  let at = 0;
  let ring = 0;
  wards.forEach((ward, wardIndex) => {
    wardRing[wardIndex] = ring;
    let west = Infinity;
    let south = Infinity;
    let east = -Infinity;
    let north = -Infinity;
    for (const positions of ringsOf(ward.geometry)) {
      ringStart[ring] = at;
      ring += 1;
      for (const position of positions) {
        const x = position[0] as number;
        const y = position[1] as number;
        coordinates[at] = x;
        coordinates[at + 1] = y;
        at += 2;
        if (x < west) west = x;
        if (x > east) east = x;
        if (y < south) south = y;
        if (y > north) north = y;
      }
    }
    // A ward without positions gets an empty box far away, so that indices stay aligned.
    if (west > east) index.add(Infinity, Infinity, Infinity, Infinity);
    else index.add(west, south, east, north);
  });
  wardRing[wards.length] = ring;
  ringStart[ringCount] = at;
  if (wards.length === 0) index.add(Infinity, Infinity, Infinity, Infinity);
  index.finish();

  /** Even-odd crossings of a ray from (x, y) towards +x over every ring of ward `ward`. */
  function contains(ward: number, x: number, y: number): boolean {
    let inside = false;
    const lastRing = wardRing[ward + 1] as number;
    for (let r = wardRing[ward] as number; r < lastRing; r += 1) {
      const start = ringStart[r] as number;
      const end = ringStart[r + 1] as number;
      // From the last position to the first, then along the ring: every edge, whether or not the
      // ring repeats its first position (a repeated one makes an empty edge, never counted).
      let ax = coordinates[end - 2] as number;
      let ay = coordinates[end - 1] as number;
      for (let p = start; p < end; p += 2) {
        const bx = coordinates[p] as number;
        const by = coordinates[p + 1] as number;
        if (ay > y !== by > y) {
          // Lower end first, whichever way the ring runs, so shared edges give equal results.
          const cross =
            ay < by
              ? (bx - ax) * (y - ay) - (x - ax) * (by - ay)
              : (ax - bx) * (y - by) - (x - bx) * (ay - by);
          if (cross > 0) inside = !inside;
        }
        ax = bx;
        ay = by;
      }
    }
    return inside;
  }

  let found = -1;
  let queryX = 0;
  let queryY = 0;
  // Called for candidate wards in the index's order; the lowest index that holds the point wins.
  const test = (candidate: number): boolean => {
    if ((found < 0 || candidate < found) && contains(candidate, queryX, queryY)) found = candidate;
    return false;
  };

  function search(x: number, y: number): number {
    found = -1;
    queryX = x;
    queryY = y;
    index.search(x, y, x, y, test);
    return found;
  }

  // A grid over the wards' extent remembers the answer of every cell that no edge passes
  // through: the whole of such a cell lies in one ward (or none), so the first point to land in
  // it answers for every later one, and most points then skip the index and the ring test.
  const west = index.minX;
  const south = index.minY;
  const east = index.maxX;
  const north = index.maxY;
  // No wards leave the extent empty (west = +Infinity): every point then falls outside it.
  const width = east > west ? east - west : 1;
  const height = north > south ? north - south : 1;
  const cellSize = Math.sqrt((width * height) / gridCellCount(wards.length));
  const columns = Math.max(1, Math.ceil(width / cellSize));
  const rows = Math.max(1, Math.ceil(height / cellSize));
  const scaleX = columns / width;
  const scaleY = rows / height;
  // Cell indices grow with the coordinate, so a cell outside an edge's range of cells holds no
  // point of that edge.
  const column = (x: number) => Math.min(columns - 1, Math.max(0, Math.floor((x - west) * scaleX)));
  const row = (y: number) => Math.min(rows - 1, Math.max(0, Math.floor((y - south) * scaleY)));
  const cells = new Int32Array(columns * rows).fill(CELL_NOT_YET_KNOWN);
  for (let r = 0; r < ringCount; r += 1) {
    const end = ringStart[r + 1] as number;
    let ax = coordinates[end - 2] as number;
    let ay = coordinates[end - 1] as number;
    for (let p = ringStart[r] as number; p < end; p += 2) {
      const bx = coordinates[p] as number;
      const by = coordinates[p + 1] as number;
      const lastColumn = column(Math.max(ax, bx));
      const lastRow = row(Math.max(ay, by));
      for (let cellRow = row(Math.min(ay, by)); cellRow <= lastRow; cellRow += 1)
        for (let cellColumn = column(Math.min(ax, bx)); cellColumn <= lastColumn; cellColumn += 1)
          cells[cellRow * columns + cellColumn] = CELL_CROSSED_BY_EDGE;
      ax = bx;
      ay = by;
    }
  }

  function indexAt(longitude: number, latitude: number): number {
    // Written so that NaN falls outside too.
    if (!(longitude >= west && longitude <= east && latitude >= south && latitude <= north))
      return -1;
    const cell = row(latitude) * columns + column(longitude);
    const known = cells[cell] as number;
    if (known >= -1) return known;
    const ward = search(longitude, latitude);
    if (known === CELL_NOT_YET_KNOWN) cells[cell] = ward;
    return ward;
  }

  return {
    codes,
    indexAt,
    codeAt: (longitude, latitude) => {
      const ward = indexAt(longitude, latitude);
      return ward < 0 ? null : (codes[ward] as string);
    },
    assign: (longitudes, latitudes) => {
      const result = new Int32Array(longitudes.length);
      for (let point = 0; point < result.length; point += 1)
        result[point] = indexAt(longitudes[point] as number, latitudes[point] as number);
      return result;
    },
  };
}
