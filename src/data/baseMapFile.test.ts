import 'fake-indexeddb/auto';
import { PMTiles } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import {
  fixturePmtiles,
  KENSINGTON_BOUNDS,
  kensingtonFixtureMap,
} from '../../tests/support/pmtilesFixture.ts';
import {
  attributionText,
  baseMapSchema,
  blobSource,
  CHUNK_BYTES,
  describeArchive,
  forgetBaseMapFiles,
  keepBaseMapFile,
  keptBaseMapFile,
  keptBaseMapSource,
} from './baseMapFile.ts';

const archive = fixturePmtiles(kensingtonFixtureMap(), KENSINGTON_BOUNDS, 10, 13);
const fileOf = (bytes: Uint8Array<ArrayBuffer>, name = 'borough.pmtiles') =>
  new File([bytes], name);

describe('attributionText', () => {
  it('turns a credit in HTML into plain text, and an OpenStreetMap credit into its licence words', () => {
    expect(
      attributionText('<a href="https://www.openstreetmap.org/copyright">&copy; OSM</a>'),
    ).toBe('© OpenStreetMap contributors');
    expect(attributionText('<b>Ordnance Survey</b> &amp; partners')).toBe(
      'Ordnance Survey & partners',
    );
    expect(attributionText('<script>alert(1)</script>')).toBe('alert(1)');
    expect(attributionText('  ')).toBeNull();
    expect(attributionText(42)).toBeNull();
  });

  it("leaves JavaScript's own names and references past Unicode as written, and does not throw", () => {
    expect(attributionText('&constructor; &__proto__; &#65; &#99999999;')).toBe(
      '&constructor; &__proto__; A &#99999999;',
    );
  });
});

describe('baseMapSchema', () => {
  it('is the Protomaps schema only when all its core layers are there', () => {
    const layers = (ids: string[]) => ids.map((id) => ({ id, fields: {} }));
    expect(baseMapSchema(layers(['earth', 'water', 'roads', 'places', 'landuse', 'pois']))).toBe(
      'protomaps',
    );
    expect(baseMapSchema(layers(['water', 'roads', 'labels']))).toBe('layers');
  });
});

describe('describeArchive', () => {
  it('reads the layers, zooms, bounds and credit of the test archive', async () => {
    const info = await describeArchive(blobSource(fileOf(archive), 'a'), 'borough.pmtiles', 1);
    expect(info.layers.map((layer) => layer.id)).toEqual(['water', 'roads', 'labels']);
    expect(info.layers[2]?.fields).toEqual({ name: 'String' });
    expect(info.schema).toBe('layers');
    expect([info.minZoom, info.maxZoom]).toEqual([10, 13]);
    info.bounds.forEach((value, index) => {
      expect(value).toBeCloseTo(KENSINGTON_BOUNDS[index] as number, 6);
    });
    expect(info.attribution).toBe('© OpenStreetMap contributors');
  });

  it('refuses what is not a vector PMTiles file, saying why', async () => {
    const text = fileOf(new TextEncoder().encode('ward_code,count\n'), 'wards.csv');
    await expect(describeArchive(blobSource(text, 'b'), 'wards.csv', 16)).rejects.toThrow(
      'wards.csv is not a PMTiles file (version 3).',
    );
    const raster = archive.slice();
    raster[99] = 2; // tile type PNG
    await expect(describeArchive(blobSource(fileOf(raster), 'c'), 'x.pmtiles', 1)).rejects.toThrow(
      'holds images, not vector tiles',
    );
  });
});

describe('keeping the file in the browser', () => {
  it('gives back every byte range of a file bigger than a chunk, and its tiles', async () => {
    // Two chunks and a bit: the test archive followed by filler.
    const bytes = new Uint8Array(2 * CHUNK_BYTES + 1234);
    bytes.set(archive, 0);
    for (let index = archive.length; index < bytes.length; index += 1) bytes[index] = index % 251;
    const progress: number[] = [];
    const info = await keepBaseMapFile(fileOf(bytes), (fraction) => progress.push(fraction));
    expect(progress.at(-1)).toBe(1);
    expect(await keptBaseMapFile(info.id)).toEqual(info);
    const source = keptBaseMapSource(info);
    for (const [offset, length] of [
      [0, 127],
      [CHUNK_BYTES - 10, 20],
      [CHUNK_BYTES - 5, CHUNK_BYTES + 10],
      [0, bytes.length],
      [bytes.length - 100, 16_384],
    ] as const) {
      const { data } = await source.getBytes(offset, length);
      expect(new Uint8Array(data)).toEqual(bytes.slice(offset, offset + length));
    }
    const direct = new PMTiles(blobSource(fileOf(bytes), 'direct'));
    const kept = new PMTiles(source);
    const tile = await kept.getZxy(13, 4091, 2723);
    expect(tile).toBeDefined();
    expect(new Uint8Array(tile?.data ?? [])).toEqual(
      new Uint8Array((await direct.getZxy(13, 4091, 2723))?.data ?? [1]),
    );
    // Fake IndexedDB copies megabytes in plain JavaScript: seconds on a busy machine.
  }, 20_000);

  it('keeps one file at a time, and forgets it', async () => {
    const first = await keepBaseMapFile(fileOf(archive, 'a.pmtiles'), () => undefined);
    const second = await keepBaseMapFile(fileOf(archive, 'b.pmtiles'), () => undefined);
    expect(await keptBaseMapFile(first.id)).toBeNull();
    expect((await keptBaseMapFile(second.id))?.fileName).toBe('b.pmtiles');
    await forgetBaseMapFiles();
    expect(await keptBaseMapFile(second.id)).toBeNull();
    await expect(keptBaseMapSource(second).getBytes(0, 10)).rejects.toThrow('incomplete');
  });
});
