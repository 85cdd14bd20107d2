/**
 * The app opens with no network once it has been visited: its service worker serves the app's
 * files, IndexedDB the user's data. Each test is a new browser context, so a new visitor with no
 * service worker yet. Going offline cuts the service worker off too (Playwright emulates it for
 * the whole context), so nothing can come from the server.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appUrl,
  dataBadge,
  launchBrowser,
  openedOfflineAfterOneVisit,
  tableCounts,
  WHILE_LOADING,
  waitForDashboard,
  waitForServiceWorker,
  wardCounts,
} from './browser.ts';
import { RBKC_CODES, RBKC_WARD_NAMES } from './expectations.ts';
import { boroughWards } from './rawFiles.ts';

const folder = mkdtempSync(path.join(tmpdir(), 'ward-dashboard-offline-'));
const WESTMINSTER = 'E09000033';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('offline', () => {
  it('reopens the loaded data offline, and the Area picker still works', async () => {
    const westminsterWard = boroughWards(WESTMINSTER).sort((a, b) =>
      a.code.localeCompare(b.code),
    )[0];
    if (!westminsterWard) throw new Error('no Westminster ward in the boundaries');
    const file = path.join(folder, 'street-extract.csv');
    writeFileSync(
      file,
      [
        'ward_code,theme,month,weekday,hour,count',
        `${RBKC_CODES.Golborne},knife_crime,2026-01,Fri,22,9`,
        `${RBKC_CODES.Golborne},knife_crime,2026-02,Sat,23,4`,
        `${RBKC_CODES.Stanley},knife_crime,2026-02,,,3`,
        `${westminsterWard.code},knife_crime,2026-02,Mon,12,5`,
      ].join('\n'),
    );
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    try {
      const page = await context.newPage();
      await page.goto(appUrl());
      await waitForDashboard(page);
      await page.getByLabel('Load data').setInputFiles(file);
      // All serious violence, both months: Golborne 9 + 4 = 13, Stanley 3.
      const expected = { Golborne: '13', Stanley: '3', Abingdon: '0' };
      const shown = () => wardCounts(page, Object.keys(expected));
      await expect.poll(shown, WHILE_LOADING).toEqual(expected);
      await waitForServiceWorker(page);
      // The file is kept in IndexedDB once its write has committed.
      await expect
        .poll(
          () =>
            page.evaluate(async () =>
              (await indexedDB.databases()).map((database) => database.name),
            ),
          WHILE_LOADING,
        )
        .toHaveLength(1);

      await context.setOffline(true);
      await page.reload();
      await waitForDashboard(page);
      await expect.poll(shown, WHILE_LOADING).toEqual(expected);
      expect(await dataBadge(page)).toBe('Data: street-extract.csv');
      expect(Object.keys(await tableCounts(page)).sort()).toEqual([...RBKC_WARD_NAMES].sort());

      await page.getByLabel('Area').selectOption(WESTMINSTER);
      await page.getByRole('table', { name: /^Wards in Westminster/ }).waitFor();
      const westminster = await tableCounts(page);
      expect(Object.keys(westminster).sort()).toEqual(
        boroughWards(WESTMINSTER)
          .map((ward) => ward.name)
          .sort(),
      );
      // The file's one Westminster row.
      expect(westminster[westminsterWard.name]).toBe('5');
    } finally {
      await context.close();
    }
  });

  it('opens with the demo data on a cold start offline after one visit', async () => {
    const { context, page } = await openedOfflineAfterOneVisit(browser);
    try {
      await expect.poll(() => dataBadge(page), WHILE_LOADING).toBe('Synthetic demo data');
      expect(Object.keys(await tableCounts(page)).sort()).toEqual([...RBKC_WARD_NAMES].sort());
    } finally {
      await context.close();
    }
  });
});
