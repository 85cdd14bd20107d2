/**
 * No leaks: the built app runs under its Content-Security-Policy without a violation, asks only
 * its own origin for anything (page, workers and service worker), and after "Clear data" the
 * browser holds nothing of the user's. The service worker's cache stays: it holds the app's own
 * files, the same for every visitor, and is checked to hold nothing else.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, policyText } from '../../src/app/contentSecurityPolicy.ts';
import { appUrl, dataBadge, launchBrowser, WHILE_LOADING, waitForDashboard } from './browser.ts';
import { RBKC_CODES } from './expectations.ts';

/** A theme id found nowhere in the app's files, to look for in the browser's storage. */
const MARKER_THEME = 'marker_theme_for_leak_check';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** What this origin keeps in the browser, read from the page; cached files by SHA-256. */
async function storage(page: Page, marker: string) {
  return page.evaluate(async (text) => {
    const cached: { url: string; sha256: string; holdsMarker: boolean }[] = [];
    const cacheNames = await caches.keys();
    for (const name of cacheNames) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const body = await ((await cache.match(request))?.arrayBuffer() ?? new ArrayBuffer(0));
        const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', body));
        cached.push({
          url: request.url,
          sha256: [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join(''),
          holdsMarker: new TextDecoder().decode(body).includes(text),
        });
      }
    }
    return {
      databases: (await indexedDB.databases()).map((database) => database.name ?? ''),
      localStorage: localStorage.length,
      sessionStorage: sessionStorage.length,
      cacheNames,
      cached,
    };
  }, marker);
}

/** SHA-256 of what the server serves at a URL, fetched here rather than by the browser. */
async function servedSha256(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) return `HTTP ${response.status}`;
  return createHash('sha256')
    .update(new Uint8Array(await response.arrayBuffer()))
    .digest('hex');
}

describe('no leaks', () => {
  it('runs under its Content-Security-Policy, asks only its own origin, and Clear data leaves nothing of the user', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const requests: { url: string; byServiceWorker: boolean }[] = [];
    context.on('request', (request) =>
      requests.push({ url: request.url(), byServiceWorker: request.serviceWorker() !== null }),
    );
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    const origin = new URL(appUrl()).origin;

    await page.goto(appUrl());
    await waitForDashboard(page);
    expect(
      await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'),
    ).toBe(policyText(CONTENT_SECURITY_POLICY));
    expect(await page.locator('script:not([src])').count()).toBe(0);

    const file = path.join(mkdtempSync(path.join(tmpdir(), 'ward-dashboard-leaks-')), 'vawg.csv');
    writeFileSync(
      file,
      [
        'ward_code,theme,month,weekday,hour,count',
        `${RBKC_CODES.Golborne},${MARKER_THEME},2026-02,Sat,23,7`,
        `${RBKC_CODES.Colville},${MARKER_THEME},2026-02,Sun,1,2`,
      ].join('\n'),
    );
    await page.getByLabel('Load data').setInputFiles(file);
    await expect.poll(() => dataBadge(page), WHILE_LOADING).toBe('Data: vawg.csv');

    await page.getByRole('button', { name: 'Priorities' }).click();
    await page.getByRole('table', { name: /^Priorities in / }).waitFor();
    await page.getByRole('button', { name: 'Dashboard' }).click();
    await waitForDashboard(page);
    await page.getByRole('radio', { name: 'Hot spots (Getis-Ord Gi*)' }).check();
    await expect
      .poll(() => page.locator('.legend figcaption').textContent())
      .toMatch(/^Hot and cold spots/);

    await page.waitForFunction(
      () => navigator.serviceWorker.controller?.state === 'activated',
      null,
      {
        timeout: 20_000,
      },
    );
    // The user's file is kept in IndexedDB, never in the service worker's cache.
    const kept = await storage(page, MARKER_THEME);
    expect(kept.databases).toHaveLength(1);
    expect(kept.cached.filter((entry) => entry.holdsMarker)).toEqual([]);

    await page.getByRole('button', { name: 'Clear data' }).click();
    await expect.poll(() => dataBadge(page), WHILE_LOADING).toBe('Synthetic demo data');
    const left = await storage(page, MARKER_THEME);
    expect(left).toMatchObject({ databases: [], localStorage: 0, sessionStorage: 0 });
    // One cache, of the app's own files: each entry is what the server serves at its address.
    expect(left.cacheNames).toHaveLength(1);
    for (const entry of left.cached) {
      expect(new URL(entry.url).origin).toBe(origin);
      expect(entry.sha256, entry.url).toBe(await servedSha256(entry.url));
    }
    expect(left.cached.filter((entry) => entry.holdsMarker)).toEqual([]);
    // ... and it holds every file the page and its workers asked for: index.html, the chunks
    // (the map's lazy one too), both workers, the boundaries, populations and demo data.
    const cachedUrls = new Set(left.cached.map((entry) => entry.url));
    const asked = new Set(
      requests
        .filter((request) => !request.byServiceWorker && request.url.startsWith(origin))
        .map((request) => request.url)
        .filter((url) => !url.endsWith('/sw.js')),
    );
    expect([...asked].filter((url) => !cachedUrls.has(url))).toEqual([]);
    for (const file of [
      '',
      'data/manifest.json',
      'data/wards.topo.json',
      'data/population.csv',
      'demo/offences.csv',
    ]) {
      expect(cachedUrls).toContain(new URL(file, appUrl()).href);
    }
    for (const pattern of [
      /\/assets\/MapView-[^/]+\.js$/,
      /\/assets\/maplibre-gl-worker-[^/]+\.mjs$/,
      /\/assets\/worker-[^/]+\.js$/,
    ]) {
      expect([...cachedUrls].filter((url) => pattern.test(url))).toHaveLength(1);
    }

    expect(errors).toEqual([]);
    const elsewhere = requests.filter(
      ({ url }) =>
        !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin,
    );
    expect(elsewhere).toEqual([]);
    // The service worker's own downloads were among those checked.
    expect(requests.filter((request) => request.byServiceWorker).length).toBeGreaterThan(0);
    await context.close();
  });
});
