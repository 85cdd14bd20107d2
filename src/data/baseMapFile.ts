/**
 * The base map file the user loads (PMTiles), kept in this browser: IndexedDB in chunks, in a
 * database of its own so that the app's data and the base map never wait on each other's
 * upgrades. IndexedDB rather than the origin private file system because tablets' browsers all
 * write to it from the page (Safari writes OPFS files only from workers). Copying is I/O: each
 * step reads one chunk of the file and puts it, a millisecond or two of the main thread, so a
 * 300 MB borough extract never blocks the page.
 *
 * "Clear data" deletes every database of the origin (state/persistence.ts); this one closes
 * itself when asked to (versionchange), so the deletion is never blocked by it.
 */
import { PMTiles, type RangeResponse, type Source, TileType } from 'pmtiles';
import type { BaseMapFileInfo, BaseMapSchema, VectorLayer } from './baseMapSettings.ts';
import { databaseConnection } from './indexedDb.ts';

export const BASE_MAP_DATABASE = 'ward-hotspot-dashboard-base-map';
const DATABASE_VERSION = 1;
/** `{ key: [fileId, index], bytes }`: the file in order, CHUNK_BYTES each but the last. */
const CHUNKS = 'chunks';
/** `BaseMapFileInfo` by id. */
const FILES = 'files';
export const CHUNK_BYTES = 1 << 20;
/** Chunks put in one transaction: a failed write (a full disk) loses at most this many. */
const CHUNKS_PER_TRANSACTION = 8;

/** Layers every Protomaps basemap has (docs.protomaps.com, basemap layers). */
const PROTOMAPS_LAYERS = ['earth', 'water', 'roads', 'places', 'landuse'];

export function baseMapSchema(layers: readonly VectorLayer[]): BaseMapSchema {
  const ids = new Set(layers.map((layer) => layer.id));
  return PROTOMAPS_LAYERS.every((id) => ids.has(id)) ? 'protomaps' : 'layers';
}

/** A Map: "&constructor;" in a file's credit is no entity of every object. */
const ENTITIES: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', ' '],
  ['copy', '©'],
]);

/** The character a numeric reference names, or the reference as written past Unicode's last. */
function characterReference(entity: string, code: number): string {
  return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
}

/**
 * A file's attribution (often HTML: `<a href=…>&copy; OSM</a>`) as plain text, never markup from
 * a file reaching the page. A credit to OpenStreetMap is given in the words its licence asks for.
 */
export function attributionText(html: unknown): string | null {
  if (typeof html !== 'string') return null;
  const text = html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#\d+|[a-z]+);/gi, (entity, name: string) =>
      name.startsWith('#')
        ? characterReference(entity, Number(name.slice(1)))
        : (ENTITIES.get(name.toLowerCase()) ?? entity),
    )
    .replace(/\s+/g, ' ')
    .trim();
  if (text === '') return null;
  if (/openstreetmap|\bosm\b/i.test(text)) return '© OpenStreetMap contributors';
  return text;
}

function vectorLayers(metadata: unknown): VectorLayer[] {
  const listed = (metadata as { vector_layers?: unknown } | null)?.vector_layers;
  if (!Array.isArray(listed)) return [];
  return listed.flatMap((layer: unknown) => {
    const { id, fields } = (layer ?? {}) as { id?: unknown; fields?: unknown };
    if (typeof id !== 'string' || id === '') return [];
    const named =
      fields && typeof fields === 'object'
        ? Object.fromEntries(
            Object.entries(fields).filter(
              (entry): entry is [string, string] => typeof entry[1] === 'string',
            ),
          )
        : {};
    return [{ id, fields: named }];
  });
}

/**
 * What a PMTiles archive holds, or an error that says in plain words why it cannot be a base
 * map (not PMTiles, an old version, raster tiles, no layers listed).
 */
export async function describeArchive(
  source: Source,
  fileName: string,
  bytes: number,
): Promise<Omit<BaseMapFileInfo, 'id'>> {
  const archive = new PMTiles(source);
  let header: Awaited<ReturnType<PMTiles['getHeader']>>;
  try {
    header = await archive.getHeader();
  } catch {
    throw new Error(`${fileName} is not a PMTiles file (version 3).`);
  }
  if (header.tileType !== TileType.Mvt)
    throw new Error(
      `${fileName} holds images, not vector tiles: the app draws base maps from vector tiles (MVT).`,
    );
  let metadata: unknown = null;
  try {
    metadata = await archive.getMetadata();
  } catch {
    throw new Error(`${fileName}: its description (metadata) could not be read.`);
  }
  const layers = vectorLayers(metadata);
  if (layers.length === 0)
    throw new Error(`${fileName} does not list its layers (vector_layers), so it cannot be drawn.`);
  return {
    fileName,
    bytes,
    schema: baseMapSchema(layers),
    layers,
    minZoom: header.minZoom,
    maxZoom: header.maxZoom,
    bounds: [header.minLon, header.minLat, header.maxLon, header.maxLat],
    attribution: attributionText((metadata as { attribution?: unknown }).attribution),
  };
}

/** A Source over a Blob (a File the user picked), read by slices. */
export function blobSource(blob: Blob, key: string): Source {
  return {
    getKey: () => key,
    getBytes: async (offset, length) => ({
      data: await blob.slice(offset, offset + length).arrayBuffer(),
    }),
  };
}

const openDatabase = databaseConnection(BASE_MAP_DATABASE, DATABASE_VERSION, (database) => {
  database.createObjectStore(CHUNKS);
  database.createObjectStore(FILES, { keyPath: 'id' });
}).open;

function finished(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = () =>
      reject(transaction.error ?? new DOMException('The transaction was aborted.', 'AbortError'));
  });
}

function result<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Removes every kept base map file (there is at most one). */
export async function forgetBaseMapFiles(): Promise<void> {
  const database = await openDatabase();
  const transaction = database.transaction([CHUNKS, FILES], 'readwrite');
  transaction.objectStore(CHUNKS).clear();
  transaction.objectStore(FILES).clear();
  await finished(transaction);
}

/**
 * Checks that the file is a vector PMTiles archive, then copies it into the browser in chunks,
 * replacing the file kept before. `onProgress` gets the share copied; a failure (a full disk)
 * leaves nothing half kept.
 */
export async function keepBaseMapFile(
  file: File,
  onProgress: (fraction: number) => void,
): Promise<BaseMapFileInfo> {
  const id = `${Date.now().toString(36)}-${file.size}`;
  const described = await describeArchive(blobSource(file, id), file.name, file.size);
  await forgetBaseMapFiles();
  const database = await openDatabase();
  const chunkCount = Math.ceil(file.size / CHUNK_BYTES);
  try {
    for (let first = 0; first < chunkCount; first += CHUNKS_PER_TRANSACTION) {
      const last = Math.min(chunkCount, first + CHUNKS_PER_TRANSACTION);
      const chunks = await Promise.all(
        Array.from({ length: last - first }, (_, step) =>
          file.slice((first + step) * CHUNK_BYTES, (first + step + 1) * CHUNK_BYTES).arrayBuffer(),
        ),
      );
      const transaction = database.transaction(CHUNKS, 'readwrite');
      chunks.forEach((bytes, step) => {
        transaction.objectStore(CHUNKS).put(bytes, [id, first + step]);
      });
      await finished(transaction);
      onProgress(last / chunkCount);
    }
    const info: BaseMapFileInfo = { id, ...described };
    const transaction = database.transaction(FILES, 'readwrite');
    transaction.objectStore(FILES).put(info);
    await finished(transaction);
    return info;
  } catch (error) {
    await forgetBaseMapFiles().catch(() => undefined);
    throw error;
  }
}

/** The kept file's description, or null when none is kept (or it was only partly written). */
export async function keptBaseMapFile(id: string): Promise<BaseMapFileInfo | null> {
  const database = await openDatabase();
  const info = await result<BaseMapFileInfo | undefined>(
    database.transaction(FILES).objectStore(FILES).get(id),
  );
  return info ?? null;
}

/** Chunks read lately: a view's tiles sit close together in a clustered archive. */
const RECENT_CHUNKS = 8;

/** A Source over the kept file, reading only the chunks a range touches. */
export function keptBaseMapSource({
  id,
  bytes: fileBytes,
}: Pick<BaseMapFileInfo, 'id' | 'bytes'>): Source {
  const recent = new Map<number, Promise<ArrayBuffer>>();
  const chunk = (index: number): Promise<ArrayBuffer> => {
    let bytes = recent.get(index);
    if (bytes) {
      recent.delete(index);
    } else {
      bytes = openDatabase().then(async (database) => {
        const stored = await result<ArrayBuffer | undefined>(
          database.transaction(CHUNKS).objectStore(CHUNKS).get([id, index]),
        );
        if (!stored) throw new Error('The base map file kept in this browser is incomplete.');
        return stored;
      });
      bytes.catch(() => recent.delete(index));
    }
    recent.set(index, bytes);
    if (recent.size > RECENT_CHUNKS) recent.delete(recent.keys().next().value as number);
    return bytes;
  };
  return {
    getKey: () => id,
    getBytes: async (offset: number, asked: number): Promise<RangeResponse> => {
      // PMTiles asks for the first 16 KiB whatever the file's size.
      const length = Math.max(0, Math.min(asked, fileBytes - offset));
      if (length === 0) return { data: new ArrayBuffer(0) };
      const first = Math.floor(offset / CHUNK_BYTES);
      const last = Math.floor((offset + length - 1) / CHUNK_BYTES);
      const chunks = await Promise.all(
        Array.from({ length: last - first + 1 }, (_, step) => chunk(first + step)),
      );
      const data = new Uint8Array(length);
      let written = 0;
      chunks.forEach((bytes, step) => {
        const start = step === 0 ? offset - first * CHUNK_BYTES : 0;
        const part = new Uint8Array(
          bytes,
          start,
          Math.min(bytes.byteLength - start, length - written),
        );
        data.set(part, written);
        written += part.length;
      });
      return { data: data.buffer.slice(0, written) };
    },
  };
}
