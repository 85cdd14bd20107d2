/**
 * Workspaces in real Chromium: an analyst loads files, names a view and saves an encrypted
 * workspace; a fresh browser profile, offline, opens it and sees the same figures and view; a
 * changed byte, a newer format and a wrong passphrase are refused with nothing loaded. Saved views
 * are kept in the browser until Clear data.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appUrl,
  launchBrowser,
  openedOfflineAfterOneVisit,
  openMenu,
  tableCounts,
  waitForDashboard,
  wardTable,
} from './browser.ts';
import { RBKC_CODES, RBKC_WARD_NAMES } from './expectations.ts';
import { download, scratchFiles } from './files.ts';

const root = path.resolve(import.meta.dirname, '../..');
const files = scratchFiles('ward-dashboard-workspace-');
const PASSPHRASE = 'tasking group, December';
const VIEW_NAME = 'Tasking 3 Dec: Golborne and Colville';
/** Files are read in a worker, and a workspace is checked in one (600,000 PBKDF2 rounds). */
const WHILE_LOADING = { timeout: 30_000 };
const MAGIC = [0x89, 0x57, 0x48, 0x44, 0x0d, 0x0a, 0x1a, 0x0a];

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** A ward's label point (inside the ward by construction) from the app's ward file. */
function labelPoint(code: string): [number, number] {
  const topology = JSON.parse(readFileSync(path.join(root, 'public/data/wards.topo.json'), 'utf8'));
  const ward = topology.objects.wards.geometries.find(
    (geometry: { id: string }) => geometry.id === code,
  );
  return ward.properties.label;
}

/** Every cell of the ward table, row by row. */
async function tableRows(page: Page): Promise<string[][]> {
  return (await wardTable(page))
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) =>
        [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim()),
      ),
    );
}

const badge = (page: Page) => page.locator('.data-badge').textContent();

/** The view's parameters in the address bar, without the camera. */
function viewParameters(page: Page): Record<string, string> {
  const parameters = Object.fromEntries(new URL(page.url()).searchParams);
  delete parameters.map;
  return parameters;
}

async function saveWorkspace(page: Page, passphrase: string): Promise<Buffer> {
  await openMenu(page, 'Share');
  await page.getByRole('button', { name: 'Save workspace' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save workspace' });
  await dialog.getByLabel('Saved by').fill('A. Analyst, RBKC Community Safety');
  await dialog.getByLabel('Passphrase (optional)').fill(passphrase);
  await dialog.getByLabel('Passphrase again').fill(passphrase);
  const { name, bytes } = await download(
    page,
    dialog.getByRole('button', { name: 'Save', exact: true }),
  );
  expect(name).toMatch(/^workspace_\d{4}-\d{2}-\d{2}\.workspace$/);
  await dialog.getByText(/^Saved as .*, encrypted\.$/).waitFor(WHILE_LOADING);
  await dialog.getByRole('button', { name: 'Close' }).click();
  return bytes;
}

/** Chooses a workspace file with Open workspace; the dialog checks it at once. */
async function chooseWorkspace(page: Page, bytes: Buffer) {
  await openMenu(page, 'Share');
  await page.getByLabel('Open workspace').setInputFiles({
    name: 'shared.workspace',
    mimeType: 'application/octet-stream',
    buffer: bytes,
  });
  return page.getByRole('dialog', { name: 'Open workspace' });
}

/** A new visitor with nothing loaded, offline (after one visit that installed the app). */
async function freshOfflineProfile(): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await openedOfflineAfterOneVisit(browser);
  await expect.poll(() => badge(opened.page), WHILE_LOADING).toBe('Synthetic demo data');
  return opened;
}

describe('analysis workspaces', () => {
  let saved: Buffer;
  let analystRows: string[][];
  let analystView: Record<string, string>;
  let analystCamera: string | null;

  it('saves what an analyst loaded, encrypted', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await page.goto(appUrl());
    await waitForDashboard(page);
    const golborne = labelPoint(RBKC_CODES.Golborne as string);
    const loaded = [
      files.write(
        'knife-crime.csv',
        [
          'ward_code,theme,month,weekday,hour,count',
          `${RBKC_CODES.Golborne},knife_crime,2025-11,Fri,22,9`,
          `${RBKC_CODES.Golborne},knife_crime,2026-01,Sat,23,4`,
          `${RBKC_CODES.Colville},knife_crime,2025-12,Sun,1,7`,
          `${RBKC_CODES.Colville},knife_crime,2026-01,,,2`,
          `${RBKC_CODES.Dalgarno},knife_crime,2026-02,Mon,15,12`,
        ].join('\n'),
      ),
      files.write(
        'extract.csv',
        [
          'offence_id,ward_code,longitude,latitude,occurred_from,occurred_to,domestic_abuse,sexual_violence,victim_age',
          `X1,,${golborne[0]},${golborne[1]},2025-12-05 21:00,,yes,no,31`,
          `X2,,${golborne[0]},${golborne[1]},2026-01-09 22:00,,no,no,17`,
        ].join('\n'),
      ),
      files.write(
        'populations.csv',
        [
          'ward_code,population,population_10_24',
          ...RBKC_WARD_NAMES.map((name, index) => `${RBKC_CODES[name]},${9000 + index * 100},2000`),
        ].join('\n'),
      ),
      files.write(
        'services.csv',
        [
          'name,type,latitude,longitude',
          `Golborne youth hub,Youth hub,${golborne[1]},${golborne[0]}`,
        ].join('\n'),
      ),
    ];
    for (const file of loaded) {
      await page.getByLabel('Load data').setInputFiles(file);
      await page
        .locator('details.report, .reports')
        .filter({ hasText: path.basename(file) })
        .first()
        .waitFor(WHILE_LOADING);
    }
    await expect.poll(() => badge(page), WHILE_LOADING).toContain('knife-crime.csv');
    await page.getByLabel('Theme').selectOption({ label: 'Knife crime' });
    await page.getByLabel('From', { exact: true }).selectOption('2025-11');
    await page.getByLabel('To', { exact: true }).selectOption('2026-01');
    await page.getByLabel('Name of this view').fill(VIEW_NAME);
    await page.getByRole('button', { name: 'Save this view' }).click();
    await page.getByRole('button', { name: `Show ${VIEW_NAME}` }).waitFor();

    // Knife crime, November 2025 to January 2026: Golborne 9 + 4, Colville 7 + 2, Dalgarno's 12
    // fall in February, outside the period.
    const counts = await tableCounts(page);
    expect([counts.Golborne, counts.Colville, counts.Dalgarno]).toEqual(['13', '9', '0']);
    analystRows = await tableRows(page);
    analystView = viewParameters(page);
    expect(analystView).toMatchObject({ theme: 'knife_crime', from: '2025-11', to: '2026-01' });
    analystCamera = new URL(page.url()).searchParams.get('map');

    saved = await saveWorkspace(page, PASSPHRASE);
    expect([...saved.subarray(0, 8)]).toEqual(MAGIC);
    // Encrypted: neither the passphrase, the files' names, the wards' codes nor who saved it
    // can be read in the file.
    const text = saved.toString('latin1');
    for (const secret of [PASSPHRASE, 'knife-crime.csv', RBKC_CODES.Golborne as string, 'Analyst'])
      expect(text).not.toContain(secret);
    await context.close();
  });

  it('opens it in a fresh profile, offline, with the same figures and view, after refusing a changed byte, a newer format and a wrong passphrase', async () => {
    const { context, page } = await freshOfflineProfile();
    try {
      const demoRows = await tableRows(page);
      const nothingLoaded = async () => {
        expect(await badge(page)).toBe('Synthetic demo data');
        expect(await tableRows(page)).toEqual(demoRows);
      };
      // One byte changed: in the header, in the body, in the digest.
      for (const at of [20, Math.floor(saved.length / 2), saved.length - 1]) {
        const changed = Buffer.from(saved);
        changed[at] = (changed[at] as number) ^ 0x04;
        const dialog = await chooseWorkspace(page, changed);
        await expect
          .poll(() => dialog.getByRole('alert').textContent(), WHILE_LOADING)
          .toContain('damaged or was changed after it was saved');
        await dialog.getByRole('button', { name: 'Cancel' }).click();
      }
      const newer = Buffer.from(saved);
      newer.writeUInt16LE(2, 8);
      let dialog = await chooseWorkspace(page, newer);
      await expect
        .poll(() => dialog.getByRole('alert').textContent(), WHILE_LOADING)
        .toContain('saved by a newer version of the app (format 2)');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await nothingLoaded();

      dialog = await chooseWorkspace(page, saved);
      await dialog.getByLabel('Passphrase', { exact: true }).fill('tasking group, november');
      await dialog.getByRole('button', { name: 'Unlock' }).click();
      await expect
        .poll(() => dialog.getByRole('alert').textContent(), WHILE_LOADING)
        .toContain('The passphrase is wrong');
      await nothingLoaded();

      await dialog.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
      await dialog.getByRole('button', { name: 'Unlock' }).click();
      const summary = dialog.getByRole('region', { name: 'What the workspace holds' });
      await summary.waitFor(WHILE_LOADING);
      const said = await summary.textContent();
      expect(said).toContain('Saved by A. Analyst, RBKC Community Safety on');
      expect(said).toContain('knife-crime.csv: Knife crime, Nov 2025 to Feb 2026, 5 rows');
      expect(said).toMatch(/extract\.csv: .*Dec 2025 to Jan 2026, 2 rows, with map points/);
      expect(said).toContain('Populations: populations.csv');
      expect(said).toContain('Services: services.csv, 1 service');
      expect(said).toContain(`Saved views: ${VIEW_NAME}`);
      // Still nothing loaded until the user says Replace or Add.
      await nothingLoaded();
      await dialog.getByRole('button', { name: 'Replace what is loaded' }).click();

      await expect.poll(() => badge(page), WHILE_LOADING).toContain('knife-crime.csv');
      await expect.poll(() => tableRows(page), WHILE_LOADING).toEqual(analystRows);
      expect(viewParameters(page)).toEqual(analystView);
      await expect
        .poll(() => new URL(page.url()).searchParams.get('map'), WHILE_LOADING)
        .toBe(analystCamera);
      expect(await page.getByLabel('Theme').inputValue()).toBe('knife_crime');
      // The extract's points came too: the density layer is offered.
      expect(await page.getByRole('checkbox', { name: 'Point density' }).isEnabled()).toBe(true);
      await page.getByRole('button', { name: `Copy link to ${VIEW_NAME}` }).waitFor();
    } finally {
      await context.close();
    }
  });
});

describe('saved views', () => {
  it('are kept in the browser across a reload, and Clear data removes them', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    try {
      await page.goto(appUrl());
      await waitForDashboard(page);
      await page.getByLabel('Theme').selectOption({ label: 'Domestic abuse' });
      await page.getByLabel('Name of this view').fill(VIEW_NAME);
      await page.getByRole('button', { name: 'Save this view' }).click();
      await page.getByLabel('Theme').selectOption({ label: 'Sexual violence' });
      await expect
        .poll(() =>
          page.evaluate(async () => (await indexedDB.databases()).map((database) => database.name)),
        )
        .toHaveLength(1);

      await page.reload();
      await waitForDashboard(page);
      await page.getByRole('button', { name: `Show ${VIEW_NAME}` }).click();
      await expect.poll(() => page.getByLabel('Theme').inputValue()).toBe('domestic_abuse');

      await page.getByRole('button', { name: 'Clear data' }).click();
      await page.getByText(/^None yet/).waitFor(WHILE_LOADING);
      await page.reload();
      await waitForDashboard(page);
      await page.getByText(/^None yet/).waitFor(WHILE_LOADING);
      expect(
        await page.evaluate(async () =>
          (await indexedDB.databases()).map((database) => database.name),
        ),
      ).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
