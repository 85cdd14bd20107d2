/** Debian's Chromium driven by playwright-core, with WebGL through SwiftShader. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type {
  Browser,
  BrowserContext,
  BrowserContextOptions,
  Locator,
  Page,
} from 'playwright-core';
import { PNG } from 'pngjs';
import { inject } from 'vitest';
import { launchChromium } from '../support/chromium.ts';

const require = createRequire(import.meta.url);

export const launchBrowser: () => Promise<Browser> = launchChromium;

export function appUrl(search = ''): string {
  return `${inject('baseUrl')}${search}`;
}

export interface OpenedPage {
  page: Page;
  /** Every URL the page asked for, to check that nothing left the machine. */
  requests: string[];
  /** Uncaught errors in the page. */
  errors: string[];
}

export async function openDashboard(
  browser: Browser,
  search = '',
  options: BrowserContextOptions = { viewport: { width: 1400, height: 1000 } },
): Promise<OpenedPage> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(appUrl(search));
  await waitForDashboard(page);
  return { page, requests, errors };
}

/** The filters are shown above the map, and the map has drawn ward colours. */
export async function waitForDashboard(page: Page): Promise<void> {
  await page.getByRole('list', { name: 'Filters in force' }).waitFor();
  await page.waitForFunction(
    () => performance.getEntriesByName('choropleth-painted').length > 0,
    null,
    {
      timeout: 30_000,
    },
  );
}

/** The page is served by the service worker, whose cache is complete once it is active. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(
    () => navigator.serviceWorker.controller?.state === 'activated',
    null,
    {
      timeout: 20_000,
    },
  );
}

/**
 * A new visitor's page opened with no network: the app visited once online in a new browser
 * context (its service worker installed), then the context taken offline and the app opened
 * again. Going offline cuts the service worker off too, so nothing can come from the server.
 */
export async function openedOfflineAfterOneVisit(
  browser: Browser,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const visit = await context.newPage();
  await visit.goto(appUrl());
  await waitForDashboard(visit);
  await waitForServiceWorker(visit);
  await visit.close();
  await context.setOffline(true);
  const page = await context.newPage();
  await page.goto(appUrl());
  await waitForDashboard(page);
  return { context, page };
}

/** Ward name -> count, as the ward table shows them. */
export async function tableCounts(page: Page): Promise<Record<string, string>> {
  // The ward table opens under the map.
  const rows = await (await wardTable(page))
    .locator('tbody tr')
    .evaluateAll((elements) =>
      elements.map((row) =>
        [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim()),
      ),
    );
  return Object.fromEntries(rows.map(([name = '', count = '']) => [name, count]));
}

/** The counts the ward table shows for these wards, by name ("missing" for a ward not in it). */
export async function wardCounts(page: Page, wards: string[]): Promise<Record<string, string>> {
  const counts = await tableCounts(page);
  return Object.fromEntries(wards.map((ward) => [ward, counts[ward] ?? 'missing']));
}

/** The data badge's words: which data the dashboard shows. */
export const dataBadge = (page: Page): Promise<string | null> =>
  page.locator('.data-badge').textContent();

/** Files are read in a worker and kept data restored after the boundaries: allow for both on a
 * busy two-core machine. */
export const WHILE_LOADING = { timeout: 20_000 };

export type Detail = 'When' | 'Trends' | 'Ward table' | 'Biggest changes';

/** Opens one of the details under the map (one is open at a time). */
export async function openDetail(page: Page, detail: Detail): Promise<void> {
  const button = page
    .getByRole('navigation', { name: 'Details' })
    .getByRole('button', { name: detail, exact: true });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
}

/** Closes whichever detail is open, uncovering the map. */
export async function closeDetails(page: Page): Promise<void> {
  const open = page
    .getByRole('navigation', { name: 'Details' })
    .locator('button[aria-expanded="true"]');
  if ((await open.count()) > 0) await open.click();
}

/** The ward table, opened under the map. */
export async function wardTable(page: Page): Promise<Locator> {
  await openDetail(page, 'Ward table');
  const table = page.getByRole('table', { name: /^Wards in / });
  await table.waitFor();
  return table;
}

/** Opens a header menu (Share, Settings, Help, Menu) unless it is open. */
export async function openMenu(page: Page, name: string): Promise<void> {
  const button = page.getByRole('button', { name, exact: true });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
}

/** Goes to a page of the app from the header, opening Help for its pages. */
export async function goTo(page: Page, name: string): Promise<void> {
  if (name === 'How figures are computed' || name === 'Accessibility') await openMenu(page, 'Help');
  await page.getByRole('button', { name, exact: true }).click();
}

/** Turns publication mode on screen on or off (Settings). */
export async function setPublication(page: Page, on: boolean): Promise<void> {
  await openMenu(page, 'Settings');
  await page.getByRole('checkbox', { name: /^Publication mode: show counts/ }).setChecked(on);
  await page.keyboard.press('Escape');
}

export type Rgb = [number, number, number];

/** The map's background and the opacity of ward fills (src/map/wardMap.ts). */
export const BACKGROUND: Rgb = [0xee, 0xf0, 0xf2];
export const FILL_ALPHA = 235 / 255;

/** Pixels of an element, read from a screenshot (WebGL canvases do not keep their buffer). */
export async function elementPixels(page: Page, selector: string): Promise<PNG> {
  return PNG.sync.read(await page.locator(selector).screenshot());
}

export function countPixelsNear(png: PNG, colour: Rgb, tolerance = 12): number {
  let count = 0;
  for (let offset = 0; offset < png.data.length; offset += 4) {
    if (
      Math.abs((png.data[offset] as number) - colour[0]) <= tolerance &&
      Math.abs((png.data[offset + 1] as number) - colour[1]) <= tolerance &&
      Math.abs((png.data[offset + 2] as number) - colour[2]) <= tolerance
    ) {
      count += 1;
    }
  }
  return count;
}

/** A colour drawn with alpha over the map background, as it appears on screen. */
export function blend(colour: Rgb, alpha: number, background: Rgb): Rgb {
  return colour.map((channel, index) =>
    Math.round(channel * alpha + (background[index] as number) * (1 - alpha)),
  ) as Rgb;
}

/** axe-core's WCAG 2.x A and AA violations on the page as it stands. */
export async function accessibilityViolations(
  page: Page,
): Promise<{ id: string; nodes: string[] }[]> {
  // Evaluated through the DevTools protocol: the app's Content-Security-Policy rightly refuses an
  // inline script tag.
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            options: object,
          ): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const results = await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return results.violations.map((violation) => ({
      id: violation.id,
      nodes: violation.nodes.map((node) => node.target.join(' ')),
    }));
  });
}

/**
 * Where a ward's label point is on screen, for a map whose camera the URL fixed: Web Mercator
 * with MapLibre's 512-pixel world at zoom 0, centred in the map's box.
 */
export async function wardScreenPoint(
  page: Page,
  wardCode: string,
  camera: { zoom: number; latitude: number; longitude: number },
): Promise<[number, number]> {
  // The map must be on screen for a tap or click to reach it.
  await page.locator('.ward-map').scrollIntoViewIfNeeded();
  const box = await page.locator('.ward-map').boundingBox();
  if (!box) throw new Error('the map has no box');
  const label = await page.evaluate(async (code) => {
    const topology = await (await fetch('data/wards.topo.json')).json();
    const geometry = topology.objects.wards.geometries.find(
      (ward: { id: string }) => ward.id === code,
    );
    return geometry.properties.label as [number, number];
  }, wardCode);
  const scale = 512 * 2 ** camera.zoom;
  const project = (longitude: number, latitude: number) => [
    ((longitude + 180) / 360) * scale,
    ((1 - Math.log(Math.tan(Math.PI / 4 + (latitude * Math.PI) / 360)) / Math.PI) / 2) * scale,
  ];
  const [x, y] = project(label[0], label[1]) as [number, number];
  const [centreX, centreY] = project(camera.longitude, camera.latitude) as [number, number];
  return [box.x + box.width / 2 + (x - centreX), box.y + box.height / 2 + (y - centreY)];
}

/** Ward name -> the count the ward table shows, as a number. */
export async function wardTableCounts(page: Page): Promise<Map<string, number>> {
  return new Map(
    Object.entries(await tableCounts(page)).map(([name, count]) => [
      name,
      Number(count.replace(/,/g, '')),
    ]),
  );
}
