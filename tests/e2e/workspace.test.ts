/**
 * Workspaces in real Chromium: an analyst loads files, names a view and saves an encrypted
 * workspace; a fresh browser profile, offline, opens it and sees the same figures and view; a
 * changed byte, a newer format and a wrong passphrase are refused with nothing loaded. Saved views
 * are kept in the browser until Clear data. A publication workspace, decoded here by the README's
 * layout with Node's own gzip, holds no count from 1 to 4, and opens read-only.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appUrl,
  dataBadge,
  launchBrowser,
  openDashboard,
  openedOfflineAfterOneVisit,
  openMenu,
  tableCounts,
  WHILE_LOADING,
  waitForDashboard,
  wardTable,
} from './browser.ts';
import { demoMonths, expectedDemoCounts, RBKC_CODES, RBKC_WARD_NAMES } from './expectations.ts';
import { download, scratchFiles } from './files.ts';

const root = path.resolve(import.meta.dirname, '../..');
const files = scratchFiles('ward-dashboard-workspace-');
const PASSPHRASE = 'tasking group, December';
const VIEW_NAME = 'Tasking 3 Dec: Golborne and Colville';
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

/** Every cell of a table's body, row by row. */
function rowsOf(table: Locator): Promise<string[][]> {
  return table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) =>
        [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim()),
      ),
    );
}

/** Every cell of the ward table, row by row. */
async function tableRows(page: Page): Promise<string[][]> {
  return rowsOf(await wardTable(page));
}

/** The view's parameters in the address bar, without the camera. */
function viewParameters(page: Page): Record<string, string> {
  const parameters = Object.fromEntries(new URL(page.url()).searchParams);
  delete parameters.map;
  return parameters;
}

async function saveWorkspace(
  page: Page,
  options: { passphrase: string | null; publication: boolean },
): Promise<Buffer> {
  await openMenu(page, 'Share');
  await page.getByRole('button', { name: 'Save workspace' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save workspace' });
  if (options.publication)
    await dialog.getByLabel('Published figures only (publication workspace)').check();
  await dialog.getByLabel('Saved by').fill('A. Analyst, RBKC Community Safety');
  if (options.passphrase) {
    await dialog.getByLabel('Passphrase (optional)').fill(options.passphrase);
    await dialog.getByLabel('Passphrase again').fill(options.passphrase);
  }
  const { name, bytes } = await download(
    page,
    dialog.getByRole('button', { name: 'Save', exact: true }),
  );
  expect(name).toMatch(
    options.publication
      ? /^publication_\d{4}-\d{2}-\d{2}\.workspace$/
      : /^workspace_\d{4}-\d{2}-\d{2}\.workspace$/,
  );
  await dialog
    .getByText(options.passphrase ? /^Saved as .*, encrypted\.$/ : /^Saved as .*\)\.$/)
    .waitFor(WHILE_LOADING);
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
  await expect.poll(() => dataBadge(opened.page), WHILE_LOADING).toBe('Synthetic demo data');
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
    await expect.poll(() => dataBadge(page), WHILE_LOADING).toContain('knife-crime.csv');
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

    saved = await saveWorkspace(page, { passphrase: PASSPHRASE, publication: false });
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
        expect(await dataBadge(page)).toBe('Synthetic demo data');
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

      await expect.poll(() => dataBadge(page), WHILE_LOADING).toContain('knife-crime.csv');
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
    const { page } = await openDashboard(browser);
    const context = page.context();
    try {
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

/** Everything a published view holds that counts offences, by the README's layout. */
interface PublishedJson {
  name: string;
  wards: { code: string; count: number | string | null }[];
  heatmap: { cells: (number | string)[]; unknownTime: number | string } | null;
}

/** A publication's manifest, read with Node's own gzip: no code of the app's. */
function decodePublication(bytes: Buffer): Record<string, unknown> & {
  published: { views: PublishedJson[] };
} {
  expect([...bytes.subarray(0, 8)]).toEqual(MAGIC);
  const headerLength = bytes.readUInt32LE(10);
  const header = JSON.parse(bytes.subarray(14, 14 + headerLength).toString('utf8'));
  expect(header.encryption).toBeNull();
  const payload = gunzipSync(bytes.subarray(14 + headerLength, bytes.length - 32));
  const manifestLength = payload.readUInt32LE(0);
  return JSON.parse(payload.subarray(4, 4 + manifestLength).toString('utf8'));
}

describe('publication workspaces', () => {
  it('hold no count from 1 to 4, and open read-only', async () => {
    const { page } = await openDashboard(browser);
    const context = page.context();
    try {
      // One month of sexual violence in Kensington and Chelsea: mostly small counts.
      const month = demoMonths().last;
      await page.getByLabel('Theme').selectOption({ label: 'Sexual violence' });
      await page.getByLabel('From', { exact: true }).selectOption(month);
      await page.getByLabel('To', { exact: true }).selectOption(month);
      const expected = expectedDemoCounts({ theme: 'sexual_violence', from: month, to: month });
      const countOf = (code: string) => expected.get(code) ?? 0;
      const small = [...expected.values()].filter((count) => count >= 1 && count <= 4);
      expect(small.length).toBeGreaterThan(1);

      const bytes = await saveWorkspace(page, { passphrase: null, publication: true });
      const manifest = decodePublication(bytes);
      // No offence data: no datasets, points, populations or blocks at all.
      expect(manifest.datasets).toBeUndefined();
      expect(manifest.populations).toBeUndefined();
      expect(manifest.blocks).toEqual([]);
      const counts: number[] = [];
      for (const view of manifest.published.views) {
        for (const ward of view.wards) if (typeof ward.count === 'number') counts.push(ward.count);
        for (const cell of [...(view.heatmap?.cells ?? []), view.heatmap?.unknownTime])
          if (typeof cell === 'number') counts.push(cell);
      }
      expect(counts.length).toBeGreaterThan(18);
      expect(counts.filter((count) => count >= 1 && count <= 4)).toEqual([]);

      // The ward counts: every count shown is the demo file's, every small one hidden, and the
      // hidden ones cannot be worked out from the borough's total.
      const [current] = manifest.published.views;
      const shown = new Map(current?.wards.map((ward) => [ward.code, ward.count]));
      expect(shown.size).toBe(RBKC_WARD_NAMES.length);
      for (const name of RBKC_WARD_NAMES) {
        const code = RBKC_CODES[name] as string;
        const count = countOf(code);
        if (count >= 1 && count <= 4) expect([name, shown.get(code)]).toEqual([name, 'suppressed']);
        else if (shown.get(code) !== 'suppressed')
          expect([name, shown.get(code)]).toEqual([name, count]);
      }
      const hidden = RBKC_WARD_NAMES.map((name) => RBKC_CODES[name] as string).filter(
        (code) => shown.get(code) === 'suppressed',
      );
      const hiddenSum = hidden.reduce((sum, code) => sum + countOf(code), 0);
      const smallestShown = Math.min(
        ...[...shown.values()].filter(
          (count): count is number => typeof count === 'number' && count > 0,
        ),
      );
      // Each hidden ward is 1 to max(4, smallest shown); with the total known, the hidden sum
      // must leave each of them two values at least.
      const most = Math.max(4, smallestShown);
      const lowest = Math.max(1, hiddenSum - (hidden.length - 1) * most);
      const highest = Math.min(most, hiddenSum - (hidden.length - 1));
      expect(highest).toBeGreaterThan(lowest);

      const dialog = await chooseWorkspace(page, bytes);
      const table = dialog.getByRole('table', { name: /^Current view: Sexual violence/ });
      await table.waitFor(WHILE_LOADING);
      const rows = await rowsOf(table);
      expect(
        rows
          .filter(([, count]) => count === '<5')
          .map(([name]) => name)
          .sort(),
      ).toEqual(
        RBKC_WARD_NAMES.filter((name) => hidden.includes(RBKC_CODES[name] as string)).sort(),
      );
      // Read-only: nothing to put in place of what is loaded.
      expect(await dialog.getByRole('button', { name: 'Replace what is loaded' }).count()).toBe(0);
      await dialog.getByRole('button', { name: 'Close' }).click();
      expect(await dataBadge(page)).toBe('Synthetic demo data');
    } finally {
      await context.close();
    }
  });
});
