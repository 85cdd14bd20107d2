/**
 * The base map: a PMTiles file made by the test (tests/support/pmtilesFixture.ts: a street grid
 * over Kensington and Chelsea) loaded through "Load base map" shows its streets under the wards,
 * from the browser's storage, offline after a reload, with no request leaving the app's origin;
 * Clear data removes it. A build configured with a tile service allows that one origin in its
 * Content-Security-Policy and no other.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hexToRgb } from '../../src/analysis/palette.ts';
import { BASE_MAP_DATABASE } from '../../src/data/baseMapFile.ts';
import { DEFAULT_BASE_MAP } from '../../src/data/baseMapSettings.ts';
import { BASE_MAP_COLOURS } from '../../src/map/baseMapStyle.ts';
import {
  fixturePmtiles,
  KENSINGTON_BOUNDS,
  kensingtonFixtureMap,
} from '../support/pmtilesFixture.ts';
import {
  appUrl,
  BACKGROUND,
  blend,
  countPixelsNear,
  elementPixels,
  FILL_ALPHA,
  launchBrowser,
  openMenu,
  type Rgb,
  waitForDashboard,
  waitForServiceWorker,
} from './browser.ts';
import { download } from './files.ts';
import { buildAndServe } from './global-setup.ts';

const folder = mkdtempSync(path.join(tmpdir(), 'ward-dashboard-base-map-'));
const fixtureFile = path.join(folder, 'kensington-test.pmtiles');
writeFileSync(fixtureFile, fixturePmtiles(kensingtonFixtureMap(), KENSINGTON_BOUNDS, 10, 15));

/** Inside Holland ward at street level: the view is one ward with the grid's streets across it. */
const STREET_VIEW = '?map=15.5/51.5013/-0.2078';
const ROAD = hexToRgb(BASE_MAP_COLOURS.road) as Rgb;

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/**
 * The middle of an image, away from the map's white controls (top right) and credits (bottom):
 * from 10% to 80% across and 10% to 85% down.
 */
function middleOf(png: PNG): PNG {
  const left = Math.round(png.width * 0.1);
  const top = Math.round(png.height * 0.1);
  const middle = new PNG({
    width: Math.round(png.width * 0.7),
    height: Math.round(png.height * 0.75),
  });
  PNG.bitblt(png, middle, left, top, middle.width, middle.height, 0, 0);
  return middle;
}

/** The most frequent colour of an image. */
function commonestColour(png: PNG): Rgb {
  const counts = new Map<number, number>();
  for (let offset = 0; offset < png.data.length; offset += 4) {
    const key =
      ((png.data[offset] as number) << 16) |
      ((png.data[offset + 1] as number) << 8) |
      (png.data[offset + 2] as number);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const [key] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] as [number, number];
  return [(key >> 16) & 255, (key >> 8) & 255, key & 255];
}

/** The colour drawn with alpha over a background, worked back from what the screen shows. */
function unblend(shown: Rgb, alpha: number, background: Rgb): Rgb {
  return shown.map((channel, index) =>
    Math.round((channel - (1 - alpha) * (background[index] as number)) / alpha),
  ) as Rgb;
}

const near = (colour: Rgb, expected: Rgb) =>
  colour.every((channel, index) => Math.abs(channel - (expected[index] as number)) <= 3);

const mapPixels = (page: Page) => elementPixels(page, '.ward-map');

describe('a base map file', () => {
  // A new visitor for each test: what one keeps in the browser must not show in the next.
  let context: BrowserContext;
  const requests: string[] = [];

  beforeEach(async () => {
    requests.length = 0;
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    context.on('request', (request) => requests.push(request.url()));
  });

  afterEach(async () => {
    await context?.close();
  });

  it('shows its streets under the wards, offline after a reload too, and Clear data removes it', async () => {
    const page = await context.newPage();
    await page.goto(appUrl(STREET_VIEW));
    await waitForDashboard(page);
    await waitForServiceWorker(page);

    // Without a base map the middle of the view is Holland's colour over the plain background;
    // nothing there is the road's colour (white).
    const before = middleOf(await mapPixels(page));
    expect(countPixelsNear(before, ROAD, 2)).toBeLessThan(100);
    const wardColour = unblend(commonestColour(before), FILL_ALPHA, BACKGROUND);

    await page.getByLabel('Load base map').setInputFiles(fixtureFile);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'is kept on this device' }).count())
      .toBe(1);
    expect(
      await page.getByRole('radio', { name: 'Base map file on this device' }).isChecked(),
    ).toBe(true);
    // The grid's streets cross the ward, drawn in the road's colour over the ward's.
    await expect
      .poll(async () => countPixelsNear(middleOf(await mapPixels(page)), ROAD, 2))
      .toBeGreaterThan(3000);
    // Between the streets, the ward's colour at the default opacity over the base map's land;
    // fully opaque when the user asks.
    const land = hexToRgb(BASE_MAP_COLOURS.land) as Rgb;
    await expect
      .poll(async () =>
        near(
          commonestColour(middleOf(await mapPixels(page))),
          blend(wardColour, DEFAULT_BASE_MAP.opacity, land),
        ),
      )
      .toBe(true);
    await page.getByLabel(/^Ward colour opacity/).fill('1');
    await expect
      .poll(async () => near(commonestColour(middleOf(await mapPixels(page))), wardColour))
      .toBe(true);
    await expect
      .poll(() => page.locator('.maplibregl-ctrl-attrib').textContent())
      .toContain('© OpenStreetMap contributors');

    await context.setOffline(true);
    await page.reload();
    await waitForDashboard(page);
    await expect
      .poll(async () => countPixelsNear(middleOf(await mapPixels(page)), ROAD, 2))
      .toBeGreaterThan(3000);
    await context.setOffline(false);

    const origin = new URL(appUrl()).origin;
    expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);

    await page.getByRole('button', { name: 'Clear data' }).click();
    await expect
      .poll(() => page.getByRole('radio', { name: 'Base map file on this device' }).isDisabled())
      .toBe(true);
    expect(await page.getByRole('radio', { name: /^Nothing/ }).isChecked()).toBe(true);
    await expect
      .poll(() =>
        page.evaluate(
          async (name) => (await indexedDB.databases()).some((database) => database.name === name),
          BASE_MAP_DATABASE,
        ),
      )
      .toBe(false);
    await expect
      .poll(async () => countPixelsNear(middleOf(await mapPixels(page)), ROAD, 2))
      .toBeLessThan(100);
  });

  it('is in the map PNG and on the briefing, with its credit', async () => {
    const page = await context.newPage();
    await page.goto(appUrl());
    await waitForDashboard(page);
    await page.getByLabel('Load base map').setInputFiles(fixtureFile);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'is kept on this device' }).count())
      .toBe(1);

    // The exports are in the Share menu.
    await openMenu(page, 'Share');
    const map = await download(page, 'Download map (PNG)');
    const png = PNG.sync.read(map.bytes);
    // Around the borough, where no ward covers it, the base map's land shows: the image has a
    // white background without one.
    const land = hexToRgb(BASE_MAP_COLOURS.land) as Rgb;
    expect(countPixelsNear(png, land, 2)).toBeGreaterThan(20_000);

    await openMenu(page, 'Share');
    await page.getByRole('button', { name: 'Export briefing' }).click();
    const sheetMap = page.locator('.briefing-map-image svg');
    await expect.poll(() => sheetMap.locator('image').count()).toBe(1);
    expect(await sheetMap.locator('text').allTextContents()).toContain(
      'Base map: © OpenStreetMap contributors',
    );
  });

  it('makes Locate me zoom to street level', async () => {
    // Standing in Holland, at the centre of the street view above.
    const [, latitude, longitude] = STREET_VIEW.split('/').map(Number) as [number, number, number];
    const located = await browser.newContext({
      viewport: { width: 1400, height: 1000 },
      permissions: ['geolocation'],
      geolocation: { latitude, longitude, accuracy: 10 },
    });
    try {
      const page = await located.newPage();
      await page.goto(appUrl());
      await waitForDashboard(page);
      await page.getByLabel('Load base map').setInputFiles(fixtureFile);
      await expect
        .poll(() => page.getByRole('status').filter({ hasText: 'is kept on this device' }).count())
        .toBe(1);
      await page.getByRole('button', { name: 'Locate me' }).click();
      await expect
        .poll(() => page.locator('.locate-me [role="status"]').textContent())
        .toMatch(/^You are in Holland/);
      // The camera in the address: map=zoom/latitude/longitude.
      await expect
        .poll(() => Number(new URL(page.url()).searchParams.get('map')?.split('/')[0]))
        .toBeGreaterThanOrEqual(16);
    } finally {
      await located.close();
    }
  });

  it('refuses a file that is not a vector PMTiles archive, saying why', async () => {
    const page = await context.newPage();
    await page.goto(appUrl());
    await waitForDashboard(page);
    const notTiles = path.join(folder, 'wards.pmtiles');
    writeFileSync(notTiles, 'ward_code,count\nE05009396,3\n');
    await page.getByLabel('Load base map').setInputFiles(notTiles);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'is not a PMTiles file' }).count())
      .toBe(1);
    expect(await page.getByRole('radio', { name: /^Nothing/ }).isChecked()).toBe(true);
  });
});

describe("an organisation's tile service, configured at build time", () => {
  const TILE_ORIGIN = 'https://tiles.example.test';
  let served: Awaited<ReturnType<typeof buildAndServe>>;

  beforeAll(async () => {
    served = await buildAndServe({
      BASEMAP_TILE_URL: `${TILE_ORIGIN}/light/{z}/{x}/{y}.png?key=TESTKEY`,
      BASEMAP_PROVIDER: 'Example Tiles',
      BASEMAP_ATTRIBUTION: '© Example Tiles',
    });
  });

  afterAll(() => served?.stop());

  it('is allowed by the Content-Security-Policy, alone, and the screen says who gets the requests', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    try {
      // The test's tile server: every tile is one green, which no ward colour is.
      const tileColour: Rgb = [40, 200, 90];
      const tile = new PNG({ width: 256, height: 256 });
      for (let offset = 0; offset < tile.data.length; offset += 4)
        tile.data.set([...tileColour, 255], offset);
      const tileRequests: string[] = [];
      await context.route(`${TILE_ORIGIN}/**`, (route) => {
        tileRequests.push(route.request().url());
        return route.fulfill({
          status: 200,
          contentType: 'image/png',
          headers: { 'access-control-allow-origin': '*' },
          body: PNG.sync.write(tile),
        });
      });
      const page = await context.newPage();
      const violations: string[] = [];
      await page.exposeFunction('reportViolation', (uri: string) => violations.push(uri));
      await page.addInitScript(() =>
        document.addEventListener('securitypolicyviolation', (event) =>
          (window as unknown as { reportViolation(uri: string): void }).reportViolation(
            event.blockedURI,
          ),
        ),
      );
      await page.goto(served.baseUrl);
      await waitForDashboard(page);

      const policy = await page
        .locator('meta[http-equiv="Content-Security-Policy"]')
        .getAttribute('content');
      const directives = new Map(
        (policy ?? '').split(';').map((part) => {
          const [name = '', ...sources] = part.trim().split(/\s+/);
          return [name, sources] as const;
        }),
      );
      expect(directives.get('connect-src')).toEqual(["'self'", TILE_ORIGIN]);
      expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:', TILE_ORIGIN]);
      const origins = [...directives.values()].flat().filter((source) => source.includes('://'));
      expect(new Set(origins)).toEqual(new Set([TILE_ORIGIN]));

      // Never on by default: nothing went to the service before the user chose it.
      expect(tileRequests).toEqual([]);
      const choice = page.getByRole('radio', { name: 'Example Tiles map tiles' });
      expect(await choice.isChecked()).toBe(false);
      await expect
        .poll(() => page.getByText(`the map asks ${TILE_ORIGIN} for the tiles`).count())
        .toBe(1);
      await choice.check();
      await expect.poll(() => tileRequests.length).toBeGreaterThan(0);
      expect(tileRequests.every((url) => url.includes('key=TESTKEY'))).toBe(true);
      await expect
        .poll(async () => countPixelsNear(await mapPixels(page), tileColour, 4))
        .toBeGreaterThan(3000);
      await expect
        .poll(() => page.locator('.maplibregl-ctrl-attrib').textContent())
        .toContain('© Example Tiles');

      // Any other origin is refused by the policy.
      await page.evaluate(() => fetch('https://elsewhere.example.test/x').catch(() => undefined));
      await expect.poll(() => violations).toContain('https://elsewhere.example.test/x');
      expect(violations.filter((uri) => uri.startsWith(TILE_ORIGIN))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
