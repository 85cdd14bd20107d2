/**
 * Hand-made fixtures for the geodata tests (never copies of the shared files): a grid of square
 * wards near London, and temporary folders.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, FeatureCollection, Polygon } from 'geojson';

export const STEP = 0.01;

export function squareGeometry(col: number, row: number): Polygon {
  const x = -0.2 + col * STEP;
  const y = 51.5 + row * STEP;
  return {
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + STEP, y],
        [x + STEP, y + STEP],
        [x, y + STEP],
        [x, y],
      ],
    ],
  };
}

/** Ward code of grid cell (col, row): E0500<row><col>0, e.g. the centre of a 3×3 grid is E05001100. */
export function gridCode(col: number, row: number): string {
  return `E0500${row}${col}00`;
}

/** A size × size grid of square wards with the given code/name property names. */
export function gridWards(
  size: number,
  props: (code: string, col: number, row: number) => Record<string, unknown>,
): Feature<Polygon>[] {
  const features: Feature<Polygon>[] = [];
  for (let row = 0; row < size; row += 1) {
    for (let col = 0; col < size; col += 1) {
      features.push({
        type: 'Feature',
        properties: props(gridCode(col, row), col, row),
        geometry: squareGeometry(col, row),
      });
    }
  }
  return features;
}

export function featureCollection(features: Feature[]): FeatureCollection {
  return { type: 'FeatureCollection', features };
}

/** A fresh temporary folder and a function that removes it. */
export function tempDir(prefix = 'geodata-test-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function writeJson(path: string, value: unknown): void {
  writeFileSync(path, JSON.stringify(value));
}

export interface FakeWard {
  code: string;
  name: string;
  lad: string;
  ladName: string;
  col: number;
  row: number;
}

export interface FakeArcgis {
  baseUrl: string;
  /** Every request received, in order. */
  requests: URL[];
  close: () => Promise<void>;
}

const ROOT = '/arcgis/rest/services';

/** Rows sorted by ward code when the query asks `orderByFields=WD24CD`, else as given. */
function ordered(rows: FakeWard[], url: URL): FakeWard[] {
  if (url.searchParams.get('orderByFields') !== 'WD24CD') return rows;
  return [...rows].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/**
 * A local stand-in for the ONS ArcGIS REST services on 127.0.0.1: the ward → LAD lookup layer
 * (`f=json`, `attributes` rows) and the boundary layer (`f=geojson`, no LAD fields). Like the real
 * services it filters by the `IN (...)` list of the where clause and returns at most `maxRecords`
 * per page (sorted when asked), flagging `exceededTransferLimit` (top-level for json, in `properties` for geojson).
 */
export async function startFakeArcgis(
  wards: readonly FakeWard[],
  maxRecords = 2,
): Promise<FakeArcgis> {
  const { createServer } = await import('node:http');
  const requests: URL[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push(url);
    const where = url.searchParams.get('where') ?? '';
    const wanted = new Set([...where.matchAll(/'([^']+)'/g)].map((m) => m[1]));
    const offset = Number(url.searchParams.get('resultOffset') ?? 0);
    const count = Math.min(
      Number(url.searchParams.get('resultRecordCount') ?? maxRecords),
      maxRecords,
    );
    const send = (body: unknown) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (url.pathname === `${ROOT}/WD24_LAD24_UK_LU/FeatureServer/0/query`) {
      const rows = ordered(
        wards.filter((w) => wanted.has(w.lad)),
        url,
      );
      const page = rows.slice(offset, offset + count);
      send({
        features: page.map((w) => ({
          attributes: { WD24CD: w.code, WD24NM: w.name, LAD24CD: w.lad, LAD24NM: w.ladName },
        })),
        ...(offset + count < rows.length ? { exceededTransferLimit: true } : {}),
      });
    } else if (url.pathname === `${ROOT}/Wards_May_2024_Boundaries_UK_BGC/FeatureServer/0/query`) {
      const rows = ordered(
        wards.filter((w) => wanted.has(w.code)),
        url,
      );
      const page = rows.slice(offset, offset + count);
      send({
        type: 'FeatureCollection',
        features: page.map((w) => ({
          type: 'Feature',
          id: 1,
          geometry: squareGeometry(w.col, w.row),
          properties: {
            WD24CD: w.code,
            WD24NM: w.name,
            LAT: 51.5 + (w.row + 0.5) * STEP,
            LONG: -0.2 + (w.col + 0.5) * STEP,
          },
        })),
        ...(offset + count < rows.length ? { properties: { exceededTransferLimit: true } } : {}),
      });
    } else {
      send({ error: { code: 400, message: 'Invalid URL', details: [url.pathname] } });
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    baseUrl: `http://127.0.0.1:${port}${ROOT}`,
    requests,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** A URL on 127.0.0.1 where nothing listens (the port was just freed). */
export async function closedPortUrl(): Promise<string> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((done) => server.close(() => done()));
  return `http://127.0.0.1:${port}/arcgis/rest/services`;
}
