/**
 * Reach: each service's catchment, a straight-line distance (a circle of the chosen radius, as a
 * 64-sided polygon from Turf) and, for each ward, the share of its area within reach of a service
 * of each type and of any type. Areas are geodesic (Turf's area, on a sphere), so shares are
 * shares of ground area, not of degrees.
 *
 * Polygon clipping (Turf's intersect and union) is the slow part, so the work is arranged to do
 * little of it: each ward is clipped only against the circles that reach its box, each circle is
 * clipped to the ward before the pieces are joined (a union of pieces inside one ward is much
 * cheaper than a union of whole circles), and what is worked out for the loaded services is kept
 * per ward. A proposed service then costs one clip and one union per ward it reaches.
 */
import { area } from '@turf/area';
import { circle } from '@turf/circle';
import { featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { union } from '@turf/union';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { createWardLocator, type WardLocator } from './wardLocator.ts';

/** Sides of the polygon drawn for a catchment circle. Its area is sin(2π/64)/(2π/64) = 99.84% of
 * the circle's. */
export const CATCHMENT_STEPS = 64;
/** Turf's Earth radius, so that distances here agree with its circles. */
const EARTH_RADIUS_METRES = 6_371_008.8;

type Shape = Feature<Polygon | MultiPolygon>;
/** [west, south, east, north] */
type Box = [number, number, number, number];

export interface PlacedService {
  type: string;
  longitude: number;
  latitude: number;
}

export interface CoverageRequest {
  /** Indices (into the ward set) of the wards to work out: the area's. */
  wardIndices: readonly number[];
  /** Types in the order the shares are given; the services' types must be among them. */
  types: readonly string[];
  services: readonly PlacedService[];
  proposed: readonly PlacedService[];
  reachMetres: number;
}

export interface Coverage {
  reachMetres: number;
  wardIndices: readonly number[];
  types: readonly string[];
  /**
   * shares[t][w]: the share (0 to 1) of ward wardIndices[w]'s area within reach of a service of
   * types[t], counting the proposed services; shares[types.length] is for a service of any type.
   */
  shares: Float64Array[];
  /** The same without the proposed services. */
  baseline: Float64Array[];
  /** proposedShares[p][w]: the share of ward wardIndices[w]'s area within reach of proposed p. */
  proposedShares: Float64Array[];
  /** Index (into the ward set) of the ward each service is in; -1 outside every ward. */
  serviceWards: Int32Array;
  proposedWards: Int32Array;
}

/** The catchment of a service: a circle of `reachMetres` around it, as a polygon. */
export function catchment(longitude: number, latitude: number, reachMetres: number): Shape {
  return circle([longitude, latitude], reachMetres, { steps: CATCHMENT_STEPS, units: 'meters' });
}

function boxOf(geometry: Polygon | MultiPolygon): Box {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons) {
    for (const [x, y] of (polygon[0] ?? []) as [number, number][]) {
      if (x < box[0]) box[0] = x;
      if (y < box[1]) box[1] = y;
      if (x > box[2]) box[2] = x;
      if (y > box[3]) box[3] = y;
    }
  }
  return box;
}

function boxesMeet(a: Box, b: Box): boolean {
  return a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
}

/** Metres between two nearby points (equirectangular: within a millimetre at a few km). */
function metresBetween([x0, y0]: Position, [x1, y1]: Position): number {
  const radians = Math.PI / 180;
  const dx = ((x1 as number) - (x0 as number)) * radians * Math.cos((y0 as number) * radians);
  const dy = ((y1 as number) - (y0 as number)) * radians;
  return Math.hypot(dx, dy) * EARTH_RADIUS_METRES;
}

function clip(a: Shape, b: Shape): Shape | null {
  return intersect(featureCollection([a, b]));
}

/** The union of pieces; null for none. */
function unionOf(pieces: readonly Shape[]): Shape | null {
  if (pieces.length <= 1) return pieces[0] ?? null;
  return union(featureCollection([...pieces]));
}

interface Catchment {
  shape: Shape;
  box: Box;
  centre: Position;
  /** Points closer to the centre than this are inside the polygon, with a margin. */
  inscribedMetres: number;
}

function makeCatchment(service: PlacedService, reachMetres: number): Catchment {
  const shape = catchment(service.longitude, service.latitude, reachMetres);
  return {
    shape,
    box: boxOf(shape.geometry),
    centre: [service.longitude, service.latitude],
    // The polygon's sides come within r·cos(π/64) of the centre; 0.1% more margin for the
    // flat-earth distance.
    inscribedMetres: reachMetres * Math.cos(Math.PI / CATCHMENT_STEPS) * 0.999,
  };
}

interface WardShape {
  shape: Shape;
  box: Box;
  area: number;
  positions: Position[];
}

/** What the loaded services cover of one ward: a piece per type and one for any type, with
 * the share of the ward each covers (the last for any type). */
interface WardCover {
  pieces: (Shape | null)[];
  any: Shape | null;
  shares: number[];
}

/** Share of a ward within a piece of it. */
function shareOf(piece: Shape | null, ward: WardShape): number {
  if (piece === null || ward.area <= 0) return 0;
  return Math.min(1, area(piece) / ward.area);
}

/**
 * Works out coverage for a ward set, keeping what it can between requests: the loaded services'
 * cover of each ward while the services and the reach stay the same, and each proposed service's
 * clip of each ward.
 */
export class CoverageModel {
  private readonly geometries: readonly (Polygon | MultiPolygon)[];
  private readonly wardShapes = new Map<number, WardShape>();
  private locator: WardLocator | null = null;
  /** The services and reach the kept covers are for. */
  private coverKey = '';
  private covers = new Map<number, WardCover>();
  private coverCatchments: Catchment[] = [];
  private readonly proposedClips = new Map<string, Map<number, Shape | null>>();

  constructor(geometries: readonly (Polygon | MultiPolygon)[]) {
    this.geometries = geometries;
  }

  private ward(index: number): WardShape {
    let ward = this.wardShapes.get(index);
    if (!ward) {
      const geometry = this.geometries[index];
      if (!geometry) throw new Error(`No ward ${index}`);
      const shape: Shape = { type: 'Feature', geometry, properties: {} };
      ward = {
        shape,
        box: boxOf(geometry),
        area: area(shape),
        positions: (geometry.type === 'Polygon'
          ? geometry.coordinates
          : geometry.coordinates.flat()
        ).flat(),
      };
      this.wardShapes.set(index, ward);
    }
    return ward;
  }

  /** Index of the ward each service is in, -1 outside every ward. */
  private wardsOf(services: readonly PlacedService[]): Int32Array {
    this.locator ??= createWardLocator(
      this.geometries.map((geometry, index) => ({ code: String(index), geometry })),
    );
    const locator = this.locator;
    return Int32Array.from(services, (service) =>
      locator.indexAt(service.longitude, service.latitude),
    );
  }

  /** The part of a ward within a catchment; the whole ward when the circle holds all of it. */
  private clipWard(ward: WardShape, reach: Catchment): Shape | null {
    if (!boxesMeet(ward.box, reach.box)) return null;
    if (
      ward.positions.every(
        (position) => metresBetween(reach.centre, position) <= reach.inscribedMetres,
      )
    )
      return ward.shape;
    return clip(ward.shape, reach.shape);
  }

  private cover(index: number, request: CoverageRequest, typeOf: Map<string, number>): WardCover {
    let cover = this.covers.get(index);
    if (cover) return cover;
    const ward = this.ward(index);
    const byType: Shape[][] = request.types.map(() => []);
    request.services.forEach((service, at) => {
      const piece = this.clipWard(ward, this.coverCatchments[at] as Catchment);
      if (piece) byType[typeOf.get(service.type) as number]?.push(piece);
    });
    const pieces = byType.map(unionOf);
    const any = unionOf(pieces.filter((piece) => piece !== null));
    cover = {
      pieces,
      any,
      shares: [...pieces, any].map((piece) => shareOf(piece, ward)),
    };
    this.covers.set(index, cover);
    return cover;
  }

  private proposedClip(proposal: PlacedService, reachMetres: number, index: number): Shape | null {
    const key = `${proposal.longitude},${proposal.latitude},${reachMetres}`;
    let clips = this.proposedClips.get(key);
    if (!clips) {
      clips = new Map();
      this.proposedClips.set(key, clips);
    }
    if (!clips.has(index)) {
      clips.set(index, this.clipWard(this.ward(index), makeCatchment(proposal, reachMetres)));
    }
    return clips.get(index) ?? null;
  }

  /**
   * The coverage of the request's wards, a ward at a time: yields the share of wards done so
   * far (so that a worker can report progress and give way to a newer request) and returns the
   * coverage.
   */
  *compute(request: CoverageRequest): Generator<number, Coverage> {
    const typeOf = new Map(request.types.map((type, index) => [type, index]));
    for (const service of [...request.services, ...request.proposed]) {
      if (!typeOf.has(service.type)) throw new Error(`Type "${service.type}" is not listed`);
    }
    const key = JSON.stringify([
      request.reachMetres,
      request.types,
      request.services.map((service) => [service.type, service.longitude, service.latitude]),
    ]);
    if (key !== this.coverKey) {
      this.coverKey = key;
      this.covers = new Map();
      this.coverCatchments = request.services.map((service) =>
        makeCatchment(service, request.reachMetres),
      );
    }
    // Clips of proposals no longer on the map (or at another reach) are not needed again.
    const current = new Set(
      request.proposed.map(
        (proposal) => `${proposal.longitude},${proposal.latitude},${request.reachMetres}`,
      ),
    );
    for (const clipKey of this.proposedClips.keys())
      if (!current.has(clipKey)) this.proposedClips.delete(clipKey);

    const wardCount = request.wardIndices.length;
    const rows = request.types.length + 1;
    const shares = Array.from({ length: rows }, () => new Float64Array(wardCount));
    const baseline = Array.from({ length: rows }, () => new Float64Array(wardCount));
    const proposedShares = request.proposed.map(() => new Float64Array(wardCount));

    for (let at = 0; at < wardCount; at += 1) {
      const index = request.wardIndices[at] as number;
      const ward = this.ward(index);
      const cover = this.cover(index, request, typeOf);
      const added: Shape[][] = request.types.map(() => []);
      request.proposed.forEach((proposal, p) => {
        const piece = this.proposedClip(proposal, request.reachMetres, index);
        (proposedShares[p] as Float64Array)[at] = shareOf(piece, ward);
        if (piece) added[typeOf.get(proposal.type) as number]?.push(piece);
      });
      const allAdded = added.flat();
      for (let t = 0; t <= request.types.length; t += 1) {
        const base = t < request.types.length ? (cover.pieces[t] ?? null) : cover.any;
        const extra = t < request.types.length ? (added[t] as Shape[]) : allAdded;
        const baseShare = cover.shares[t] as number;
        (baseline[t] as Float64Array)[at] = baseShare;
        (shares[t] as Float64Array)[at] =
          extra.length === 0 ? baseShare : shareOf(unionOf(base ? [base, ...extra] : extra), ward);
      }
      yield (at + 1) / wardCount;
    }
    return {
      reachMetres: request.reachMetres,
      wardIndices: request.wardIndices,
      types: request.types,
      shares,
      baseline,
      proposedShares,
      serviceWards: this.wardsOf(request.services),
      proposedWards: this.wardsOf(request.proposed),
    };
  }
}

/** Runs a computation to the end, for callers that need not report progress. */
export function computeCoverage(model: CoverageModel, request: CoverageRequest): Coverage {
  const steps = model.compute(request);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
