/**
 * Points inside ward polygons: point-in-polygon tests and a label point that is guaranteed to lie
 * inside the ward (pole of inaccessibility, the point farthest from the edge, as in Mapbox's
 * polylabel). Pure functions on [longitude, latitude] arrays; no Node or DOM APIs.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

export type LonLat = [number, number];
type Ring = readonly Position[];
type PolygonRings = readonly Ring[];

/** Even-odd ray casting over every ring of one polygon (outer ring and holes). */
export function pointInPolygonRings(point: readonly number[], rings: PolygonRings): boolean {
  const x = point[0] ?? Number.NaN;
  const y = point[1] ?? Number.NaN;
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
      const [xi = 0, yi = 0] = ring[i] ?? [];
      const [xj = 0, yj = 0] = ring[j] ?? [];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Whether a point lies inside a Polygon or MultiPolygon (points exactly on an edge may go either way). */
export function pointInGeometry(
  point: readonly number[],
  geometry: Polygon | MultiPolygon,
): boolean {
  if (geometry.type === 'Polygon') return pointInPolygonRings(point, geometry.coordinates);
  return geometry.coordinates.some((rings) => pointInPolygonRings(point, rings));
}

function ringArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    sum += (xj - xi) * (yj + yi);
  }
  return Math.abs(sum) / 2;
}

/** Planar area of a polygon (outer ring minus holes), in squared input units. */
export function polygonArea(rings: PolygonRings): number {
  return rings.reduce((total, ring, index) => total + (index === 0 ? 1 : -1) * ringArea(ring), 0);
}

/** The polygon of a geometry with the largest area (a MultiPolygon's main part). */
export function largestPolygon(geometry: Polygon | MultiPolygon): PolygonRings {
  if (geometry.type === 'Polygon') return geometry.coordinates;
  let best: PolygonRings = geometry.coordinates[0] ?? [];
  let bestArea = -1;
  for (const rings of geometry.coordinates) {
    const area = polygonArea(rings);
    if (area > bestArea) {
      best = rings;
      bestArea = area;
    }
  }
  return best;
}

/** Squared distance from a point to a segment. */
function segmentDistanceSquared(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  let x = ax;
  let y = ay;
  let dx = bx - x;
  let dy = by - y;
  if (dx !== 0 || dy !== 0) {
    const t = ((px - x) * dx + (py - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      x = bx;
      y = by;
    } else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  dx = px - x;
  dy = py - y;
  return dx * dx + dy * dy;
}

/** Signed distance from a point to the polygon outline: positive inside, negative outside. */
function signedDistance(x: number, y: number, rings: PolygonRings): number {
  let inside = false;
  let minDistSq = Number.POSITIVE_INFINITY;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
      const [ax = 0, ay = 0] = ring[i] ?? [];
      const [bx = 0, by = 0] = ring[j] ?? [];
      if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
      minDistSq = Math.min(minDistSq, segmentDistanceSquared(x, y, ax, ay, bx, by));
    }
  }
  return minDistSq === 0 ? 0 : (inside ? 1 : -1) * Math.sqrt(minDistSq);
}

interface Cell {
  x: number;
  y: number;
  /** Half the cell size. */
  h: number;
  /** Signed distance from the cell centre to the polygon. */
  d: number;
  /** Best distance any point in the cell could have. */
  max: number;
}

function makeCell(x: number, y: number, h: number, rings: PolygonRings): Cell {
  const d = signedDistance(x, y, rings);
  return { x, y, h, d, max: d + h * Math.SQRT2 };
}

/** A small binary max-heap on `max`. */
class CellQueue {
  private readonly items: Cell[] = [];
  get size(): number {
    return this.items.length;
  }
  push(cell: Cell): void {
    const items = this.items;
    items.push(cell);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent] as Cell;
      if (p.max >= cell.max) break;
      items[i] = p;
      i = parent;
    }
    items[i] = cell;
  }
  pop(): Cell | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    let i = 0;
    const n = items.length;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let largest = i;
      let largestMax = last.max;
      const l = items[left];
      const r = items[right];
      if (left < n && l && l.max > largestMax) {
        largest = left;
        largestMax = l.max;
      }
      if (right < n && r && r.max > largestMax) largest = right;
      if (largest === i) break;
      items[i] = items[largest] as Cell;
      i = largest;
    }
    items[i] = last;
    return top;
  }
}

/**
 * Pole of inaccessibility of a polygon in planar coordinates: the interior point farthest from
 * the outline, found to within `precision` (input units). Returns the distance too (<= 0 when the
 * polygon is degenerate and no interior point was found).
 */
export function poleOfInaccessibility(
  rings: PolygonRings,
  precision: number,
): { point: LonLat; distance: number } {
  const outer = rings[0] ?? [];
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const [x = 0, y = 0] of outer) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  const width = maxX - minX;
  const height = maxY - minY;
  const cellSize = Math.min(width, height);
  if (!(cellSize > 0)) return { point: [minX, minY], distance: 0 };

  const queue = new CellQueue();
  const h = cellSize / 2;
  for (let x = minX; x < maxX; x += cellSize) {
    for (let y = minY; y < maxY; y += cellSize) queue.push(makeCell(x + h, y + h, h, rings));
  }
  let best = centroidCell(rings);
  const bboxCell = makeCell(minX + width / 2, minY + height / 2, 0, rings);
  if (bboxCell.d > best.d) best = bboxCell;

  for (let cell = queue.pop(); cell !== undefined; cell = queue.pop()) {
    if (cell.d > best.d) best = cell;
    if (cell.max - best.d <= precision) continue;
    const half = cell.h / 2;
    queue.push(makeCell(cell.x - half, cell.y - half, half, rings));
    queue.push(makeCell(cell.x + half, cell.y - half, half, rings));
    queue.push(makeCell(cell.x - half, cell.y + half, half, rings));
    queue.push(makeCell(cell.x + half, cell.y + half, half, rings));
  }
  return { point: [best.x, best.y], distance: best.d };
}

function centroidCell(rings: PolygonRings): Cell {
  const ring = rings[0] ?? [];
  let area = 0;
  let x = 0;
  let y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [ax = 0, ay = 0] = ring[i] ?? [];
    const [bx = 0, by = 0] = ring[j] ?? [];
    const f = ax * by - bx * ay;
    x += (ax + bx) * f;
    y += (ay + by) * f;
    area += f * 3;
  }
  const first = ring[0] ?? [0, 0];
  if (area === 0) return makeCell(first[0] ?? 0, first[1] ?? 0, 0, rings);
  return makeCell(x / area, y / area, 0, rings);
}

/**
 * Midpoint of the widest interior run of a horizontal line across the polygon: a point inside
 * by the same even-odd rule as `pointInPolygonRings`. Last resort for degenerate shapes.
 */
function scanlinePoint(rings: PolygonRings): LonLat | null {
  const outer = rings[0] ?? [];
  let minY = Number.POSITIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const [, y = 0] of outer) {
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  if (!(maxY > minY)) return null;
  let best: LonLat | null = null;
  let bestWidth = 0;
  for (const fraction of [0.5, 0.25, 0.75, 0.125, 0.375, 0.625, 0.875]) {
    const y = minY + (maxY - minY) * fraction;
    const xs: number[] = [];
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
        const [ax = 0, ay = 0] = ring[i] ?? [];
        const [bx = 0, by = 0] = ring[j] ?? [];
        if (ay > y !== by > y) xs.push(((bx - ax) * (y - ay)) / (by - ay) + ax);
      }
    }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const a = xs[k] ?? 0;
      const b = xs[k + 1] ?? 0;
      if (b - a > bestWidth) {
        bestWidth = b - a;
        best = [(a + b) / 2, y];
      }
    }
  }
  return best;
}

const LABEL_DECIMALS = 1e6;
const round = (value: number) => Math.round(value * LABEL_DECIMALS) / LABEL_DECIMALS;

/**
 * Where to draw a ward's label, [longitude, latitude] rounded to 6 decimals, inside the geometry:
 * the `hint` (e.g. the ONS `LAT`/`LONG` centroid) when it lies inside, else the pole of
 * inaccessibility of the largest part (computed with longitudes scaled by cos(latitude) so the
 * result is central on the ground), else a scanline midpoint.
 */
export function labelPoint(
  geometry: Polygon | MultiPolygon,
  hint: readonly number[] | null = null,
): LonLat {
  if (hint && Number.isFinite(hint[0]) && Number.isFinite(hint[1])) {
    const rounded: LonLat = [round(hint[0] as number), round(hint[1] as number)];
    if (pointInGeometry(rounded, geometry)) return rounded;
  }
  const rings = largestPolygon(geometry);
  const outer = rings[0] ?? [];
  const first = outer[0] ?? [0, 0];
  const meanLat = outer.reduce((sum, p) => sum + (p[1] ?? 0), 0) / Math.max(outer.length, 1);
  const kx = Math.cos((meanLat * Math.PI) / 180) || 1;
  const scaled = rings.map((ring) => ring.map(([x = 0, y = 0]) => [x * kx, y]));
  let span = 0;
  for (const [x = 0, y = 0] of scaled[0] ?? []) {
    span = Math.max(span, Math.abs(x - (first[0] ?? 0) * kx), Math.abs(y - (first[1] ?? 0)));
  }
  const candidates: LonLat[] = [];
  const pole = poleOfInaccessibility(scaled, span / 1000);
  if (pole.distance > 0) candidates.push([pole.point[0] / kx, pole.point[1]]);
  const scan = scanlinePoint(rings);
  if (scan) candidates.push(scan);
  for (const candidate of candidates) {
    const rounded: LonLat = [round(candidate[0]), round(candidate[1])];
    if (pointInGeometry(rounded, geometry)) return rounded;
    if (pointInGeometry(candidate, geometry)) return candidate;
  }
  // Degenerate geometry (no interior): the best effort is a point of the outline.
  return candidates[0] ?? [first[0] ?? 0, first[1] ?? 0];
}
