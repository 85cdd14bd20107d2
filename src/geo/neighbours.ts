/**
 * Queen contiguity on a topology: two geometries are neighbours when they share at least one
 * boundary vertex. In a TopoJSON topology shared borders are shared arcs and a shared corner is
 * a shared arc vertex, so comparing the (quantised) vertices of each geometry's arcs finds both.
 * Pure; no Node or DOM APIs.
 */
import type { GeometryObject, Properties, Topology } from 'topojson-specification';

/** Every arc index (non-negative) used by a geometry, in any nesting. */
function collectArcs(geometry: GeometryObject<Properties>, into: Set<number>): void {
  const visit = (value: unknown): void => {
    if (typeof value === 'number') into.add(value < 0 ? ~value : value);
    else if (Array.isArray(value)) for (const item of value) visit(item);
  };
  if (geometry.type === 'GeometryCollection') {
    for (const child of geometry.geometries) collectArcs(child, into);
  } else if ('arcs' in geometry) {
    visit(geometry.arcs);
  }
}

/** The vertex keys of each arc: quantised integers when the topology has a transform. */
function arcVertexKeys(topology: Topology): string[][] {
  const quantised = topology.transform !== undefined;
  return topology.arcs.map((arc) => {
    const keys: string[] = [];
    let x = 0;
    let y = 0;
    for (const position of arc) {
      if (quantised) {
        x += position[0] ?? 0;
        y += position[1] ?? 0;
      } else {
        x = position[0] ?? 0;
        y = position[1] ?? 0;
      }
      keys.push(`${x},${y}`);
    }
    return keys;
  });
}

/**
 * For each geometry of `topology.objects[objectName]` (a GeometryCollection), the sorted indices
 * of the geometries that share a boundary vertex with it (queen contiguity).
 */
export function queenNeighbours(topology: Topology, objectName: string): number[][] {
  const object = topology.objects[objectName];
  if (object?.type !== 'GeometryCollection') {
    throw new Error(`The topology has no GeometryCollection named "${objectName}"`);
  }
  const geometries = object.geometries;
  const arcKeys = arcVertexKeys(topology);
  /** Geometry indices seen at each vertex (small arrays; most vertices touch one or two). */
  const owners = new Map<string, number[]>();
  geometries.forEach((geometry, index) => {
    const arcs = new Set<number>();
    collectArcs(geometry, arcs);
    const seen = new Set<string>();
    for (const arc of arcs) {
      for (const key of arcKeys[arc] ?? []) {
        if (seen.has(key)) continue;
        seen.add(key);
        const list = owners.get(key);
        if (list) list.push(index);
        else owners.set(key, [index]);
      }
    }
  });
  const neighbours = geometries.map(() => new Set<number>());
  for (const list of owners.values()) {
    if (list.length < 2) continue;
    for (const a of list) {
      for (const b of list) if (a !== b) neighbours[a]?.add(b);
    }
  }
  return neighbours.map((set) => [...set].sort((a, b) => a - b));
}
