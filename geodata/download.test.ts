import { afterEach, describe, expect, it } from 'vitest';
import {
  BOUNDARY_LAYER,
  DownloadError,
  downloadHelp,
  downloadWardBoundaries,
  fetchWardLookup,
  LOOKUP_LAYER,
} from './download.ts';
import { closedPortUrl, type FakeArcgis, type FakeWard, startFakeArcgis } from './fixtures.ts';

const WARDS: FakeWard[] = [
  {
    code: 'E05009396',
    name: 'Golborne',
    lad: 'E09000020',
    ladName: 'Kensington and Chelsea',
    col: 0,
    row: 1,
  },
  {
    code: 'E05009394',
    name: 'Dalgarno',
    lad: 'E09000020',
    ladName: 'Kensington and Chelsea',
    col: 0,
    row: 0,
  },
  {
    code: 'E05009392',
    name: 'Colville',
    lad: 'E09000020',
    ladName: 'Kensington and Chelsea',
    col: 1,
    row: 1,
  },
  {
    code: 'E05013804',
    name: "Queen's Park",
    lad: 'E09000033',
    ladName: 'Westminster',
    col: 1,
    row: 2,
  },
  { code: 'E05000001', name: 'Elsewhere', lad: 'E07000001', ladName: 'Not London', col: 5, row: 5 },
];

let server: FakeArcgis | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('downloading from the ONS ArcGIS services', () => {
  it('follows the lookup pages for the London boroughs only', async () => {
    server = await startFakeArcgis(WARDS, 2);
    const lookup = await fetchWardLookup({ baseUrl: server.baseUrl });
    expect([...lookup.keys()]).toEqual(['E05009392', 'E05009394', 'E05009396', 'E05013804']);
    expect(lookup.get('E05013804')).toEqual({
      name: "Queen's Park",
      lad: 'E09000033',
      ladName: 'Westminster',
    });
    const offsets = server.requests.map((url) => url.searchParams.get('resultOffset'));
    expect(offsets).toEqual(['0', '2']);
    expect(server.requests[0]?.searchParams.get('orderByFields')).toBe('WD24CD');
    const first = server.requests[0] as URL;
    expect(first.pathname).toBe(`/arcgis/rest/services/${LOOKUP_LAYER}/query`);
    expect(first.searchParams.get('f')).toBe('json');
    expect(first.searchParams.get('where')).toContain("'E09000001'");
    expect(first.searchParams.get('where')).toContain("'E09000033'");
  });

  it('downloads boundaries by batches of ward codes, following pages, and adds the borough', async () => {
    server = await startFakeArcgis(WARDS, 2);
    const lines: string[] = [];
    const result = await downloadWardBoundaries({
      baseUrl: `${server.baseUrl}/`,
      batchSize: 3,
      log: (l) => lines.push(l),
    });
    const boundaryRequests = server.requests.filter((url) => url.pathname.includes(BOUNDARY_LAYER));
    // Codes sorted: batch 1 = E05009392, E05009394, E05009396 (2 pages); batch 2 = E05013804.
    expect(boundaryRequests.map((url) => url.searchParams.get('resultOffset'))).toEqual([
      '0',
      '2',
      '0',
    ]);
    expect(boundaryRequests[0]?.searchParams.get('where')).toBe(
      "WD24CD IN ('E05009392','E05009394','E05009396')",
    );
    for (const url of boundaryRequests) {
      expect(url.searchParams.get('outSR')).toBe('4326');
      expect(url.searchParams.get('f')).toBe('geojson');
    }
    expect(result.requests).toBe(server.requests.length);
    expect(result.collection.features.map((f) => f.properties)).toEqual([
      expect.objectContaining({
        WD24CD: 'E05009392',
        WD24NM: 'Colville',
        LAD24CD: 'E09000020',
        LAD24NM: 'Kensington and Chelsea',
      }),
      expect.objectContaining({ WD24CD: 'E05009394', LAD24CD: 'E09000020' }),
      expect.objectContaining({ WD24CD: 'E05009396', LAD24CD: 'E09000020' }),
      expect.objectContaining({
        WD24CD: 'E05013804',
        LAD24CD: 'E09000033',
        LAD24NM: 'Westminster',
      }),
    ]);
    expect(lines.join('\n')).toContain('Downloaded 4 ward boundaries');
  });

  it('reports a service error answer', async () => {
    server = await startFakeArcgis(WARDS, 2);
    const promise = downloadWardBoundaries({ baseUrl: `${server.baseUrl}/nothing-here` });
    await expect(promise).rejects.toThrow(DownloadError);
    await expect(promise).rejects.toThrow(/answered "Invalid URL/);
  });

  it('fails with a DownloadError when nothing answers', async () => {
    const promise = downloadWardBoundaries({ baseUrl: await closedPortUrl(), timeoutMs: 5000 });
    await expect(promise).rejects.toThrow(DownloadError);
    await expect(promise).rejects.toThrow(/fetch failed|ECONNREFUSED/);
  });

  it('fails when the lookup has no wards for the boroughs', async () => {
    server = await startFakeArcgis(WARDS, 2);
    await expect(
      downloadWardBoundaries({ baseUrl: server.baseUrl, ladCodes: ['E09999999'] }),
    ).rejects.toThrow(/returned no wards/);
  });

  it('tells the user which files to download and to set WARD_DATA_DIR', () => {
    const help = downloadHelp('fetch failed');
    expect(help).toContain('fetch failed');
    expect(help).toContain('WARD_DATA_DIR');
    expect(help).toContain('london_wards_2024_bgc.geojson');
    expect(help).toContain('census2021_ward_population_london.csv');
    expect(help).toContain('https://geoportal.statistics.gov.uk');
  });
});
