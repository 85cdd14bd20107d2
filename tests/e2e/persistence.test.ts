/**
 * Loaded data and the last view kept in the browser (datasets' arrays in stored files, the rest
 * in IndexedDB) across reloads, and "Clear data" removing all of it, in real Chromium. Each test
 * uses one browser context, as one user would.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../scripts/demoData.ts';
import { DATABASE_NAME } from '../../src/state/persistence.ts';
import {
  appUrl,
  dataBadge,
  launchBrowser,
  openDashboard,
  WHILE_LOADING,
  waitForDashboard,
  wardCounts,
} from './browser.ts';
import { RBKC_CODES } from './expectations.ts';

let browser: Browser;
const folder = mkdtempSync(path.join(tmpdir(), 'ward-dashboard-persistence-'));

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

function csvFile(name: string, lines: string[]): string {
  const file = path.join(folder, name);
  writeFileSync(file, lines.join('\n'));
  return file;
}

/** Golborne (E05009396), Dalgarno (E05009394) and Colville (E05009392), November 2025 to
 * February 2026. */
const firstExtract = () =>
  csvFile('first-extract.csv', [
    'ward_code,theme,month,weekday,hour,count',
    'E05009396,knife_crime,2025-11,Mon,9,8',
    'E05009396,knife_crime,2026-01,Fri,23,4',
    'E05009396,knife_crime,2026-02,Sat,1,3',
    'E05009394,robbery,2025-12,Mon,10,2',
    'E05009394,robbery,2026-02,Tue,11,5',
    'E05009392,knife_crime,2026-02,,,6',
  ]);

/** Knife crime again for February 2026 (overlapping the first file), and Notting Dale in March. */
const secondExtract = () =>
  csvFile('second-extract.csv', [
    'ward_code,theme,month,weekday,hour,count',
    'E05009396,knife_crime,2026-02,Sun,20,10',
    'E05009399,knife_crime,2026-03,Wed,14,1',
  ]);

async function openApp(): Promise<Page> {
  return (await openDashboard(browser)).page;
}

async function controls(page: Page): Promise<{ theme: string; from: string; to: string }> {
  return {
    theme: await page.getByLabel('Theme').inputValue(),
    from: await page.getByLabel('From', { exact: true }).inputValue(),
    to: await page.getByLabel('To', { exact: true }).inputValue(),
  };
}

/** What the app's database holds, read directly: file names, replaced themes and the view. */
async function keptInBrowser(
  page: Page,
): Promise<{ files: string[]; replaced: string[][]; view: string | null } | null> {
  return page.evaluate(async (name) => {
    if (!(await indexedDB.databases()).some((database) => database.name === name)) return null;
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const read = <T>(store: string, query: (store: IDBObjectStore) => IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        const request = query(database.transaction(store).objectStore(store));
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const datasets = await read<{ fileName: string }[]>('datasets', (store) => store.getAll());
    const replaced = await read<{ replacedThemes: string[] }[]>('replacedThemes', (store) =>
      store.getAll(),
    );
    const view = await read<string | undefined>('values', (store) => store.get('view'));
    database.close();
    return {
      files: datasets.map((dataset) => dataset.fileName).sort(),
      replaced: replaced.map((record) => record.replacedThemes),
      view: view ?? null,
    };
  }, DATABASE_NAME);
}

/** The stored files of the origin private file system, by path, with their sizes. */
async function storedFiles(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const sizes: Record<string, number> = {};
    const walk = async (folder: FileSystemDirectoryHandle, prefix: string) => {
      for await (const [name, entry] of (
        folder as unknown as {
          entries(): AsyncIterable<[string, FileSystemDirectoryHandle | FileSystemFileHandle]>;
        }
      ).entries()) {
        if (entry.kind === 'directory') await walk(entry, `${prefix}${name}/`);
        else sizes[`${prefix}${name}`] = (await entry.getFile()).size;
      }
    };
    await walk(await navigator.storage.getDirectory(), '');
    return sizes;
  });
}

async function storageLeft(
  page: Page,
): Promise<{ databases: string[]; localStorage: number; files: string[] }> {
  return {
    ...(await page.evaluate(async () => ({
      databases: (await indexedDB.databases()).map((database) => database.name ?? ''),
      localStorage: localStorage.length + sessionStorage.length,
    }))),
    files: Object.keys(await storedFiles(page)),
  };
}

const NOTHING_LEFT = { databases: [], localStorage: 0, files: [] };

describe('data kept in the browser', () => {
  it('brings back loaded files and the last view after a reload, and Clear data removes them', async () => {
    const page = await openApp();
    // The demo alone leaves nothing in the browser.
    expect(await storageLeft(page)).toEqual(NOTHING_LEFT);

    await page.getByLabel('Load data').setInputFiles(firstExtract());
    // All serious violence, the whole file (four months): Golborne 8 + 4 + 3 = 15, Dalgarno
    // 2 + 5 = 7, Colville 6.
    await expect
      .poll(() => wardCounts(page, ['Golborne', 'Dalgarno', 'Colville']), WHILE_LOADING)
      .toEqual({ Golborne: '15', Dalgarno: '7', Colville: '6' });
    await page.getByLabel('Theme').selectOption({ label: 'Knife crime' });
    await page.getByLabel('From', { exact: true }).selectOption('2026-01');
    await page.getByLabel('To', { exact: true }).selectOption('2026-02');
    // Knife crime, January and February 2026: Golborne 4 + 3 = 7, Colville 6, Dalgarno none.
    const knifeCrime = { Golborne: '7', Dalgarno: '0', Colville: '6' };
    await expect
      .poll(() => wardCounts(page, ['Golborne', 'Dalgarno', 'Colville']), WHILE_LOADING)
      .toEqual(knifeCrime);
    const view = await page.evaluate(() => window.location.search);
    expect(view).toContain('theme=knife_crime');
    await expect
      .poll(() => keptInBrowser(page), WHILE_LOADING)
      .toEqual({ files: ['first-extract.csv'], replaced: [[]], view });

    await page.reload();
    await waitForDashboard(page);
    await expect
      .poll(() => wardCounts(page, ['Golborne', 'Dalgarno', 'Colville']), WHILE_LOADING)
      .toEqual(knifeCrime);
    expect(await controls(page)).toEqual({ theme: 'knife_crime', from: '2026-01', to: '2026-02' });
    expect(await dataBadge(page)).toBe('Data: first-extract.csv');

    // The app's plain address: the kept view comes back with the data.
    await page.goto(appUrl());
    await waitForDashboard(page);
    await expect
      .poll(() => wardCounts(page, ['Golborne', 'Dalgarno', 'Colville']), WHILE_LOADING)
      .toEqual(knifeCrime);
    expect(await controls(page)).toEqual({ theme: 'knife_crime', from: '2026-01', to: '2026-02' });
    expect(await page.evaluate(() => window.location.search)).toBe(view);

    // A link with its own view wins over the kept one.
    await page.goto(appUrl('?theme=robbery&from=2025-12&to=2026-02'));
    await waitForDashboard(page);
    // Robbery, December 2025 to February 2026: Dalgarno 2 + 5 = 7.
    await expect
      .poll(() => wardCounts(page, ['Golborne', 'Dalgarno']), WHILE_LOADING)
      .toEqual({ Golborne: '0', Dalgarno: '7' });
    expect(await controls(page)).toEqual({ theme: 'robbery', from: '2025-12', to: '2026-02' });

    await page.getByRole('button', { name: 'Clear data' }).click();
    await expect.poll(() => dataBadge(page), WHILE_LOADING).toBe('Synthetic demo data');
    await expect.poll(() => storageLeft(page), WHILE_LOADING).toEqual(NOTHING_LEFT);

    await page.reload();
    await waitForDashboard(page);
    await expect.poll(() => dataBadge(page), WHILE_LOADING).toBe('Synthetic demo data');
    await expect(page.getByRole('button', { name: /^Remove / }).count()).resolves.toBe(0);
    expect(await storageLeft(page)).toEqual(NOTHING_LEFT);
    await page.context().close();
  });

  it('keeps a replacement chosen for an overlapping file', async () => {
    const page = await openApp();
    await page.getByLabel('Load data').setInputFiles(firstExtract());
    await expect.poll(() => dataBadge(page), WHILE_LOADING).toBe('Data: first-extract.csv');
    await page.getByLabel('Theme').selectOption({ label: 'Knife crime' });
    await page.getByLabel('From', { exact: true }).selectOption('2026-01');
    await page.getByLabel('To', { exact: true }).selectOption('2026-02');

    await page.getByLabel('Load data').setInputFiles(secondExtract());
    await page.getByRole('dialog', { name: /second-extract\.csv overlaps/ }).waitFor();
    await page.getByRole('button', { name: 'Replace' }).click();
    // A file the user loads shows its latest months: choose January and February 2026 again.
    await page.getByLabel('From', { exact: true }).selectOption('2026-01');
    await page.getByLabel('To', { exact: true }).selectOption('2026-02');
    // Knife crime now comes from the second file only, for every month: Golborne 10, Colville's
    // 6 from the first file left out, Notting Dale's March outside the period.
    const replaced = { Golborne: '10', Colville: '0', 'Notting Dale': '0' };
    await expect
      .poll(() => wardCounts(page, Object.keys(replaced)), WHILE_LOADING)
      .toEqual(replaced);
    await expect
      .poll(async () => (await keptInBrowser(page))?.replaced.sort(), WHILE_LOADING)
      .toEqual([[], ['knife_crime']]);

    await page.reload();
    await waitForDashboard(page);
    await expect
      .poll(() => wardCounts(page, Object.keys(replaced)), WHILE_LOADING)
      .toEqual(replaced);
    expect(await dataBadge(page)).toBe('Data: first-extract.csv, second-extract.csv');
    await expect(
      page
        .locator('.loaded-data .theme-list li', {
          hasText: 'Knife crime (replaced by a later file)',
        })
        .count(),
    ).resolves.toBe(1);
    // Robbery is still the first file's: Dalgarno 5 in February 2026.
    await page.getByLabel('Theme').selectOption({ label: 'Robbery' });
    await expect
      .poll(() => wardCounts(page, ['Dalgarno']), WHILE_LOADING)
      .toEqual({ Dalgarno: '5' });
    await page.context().close();
  });

  it('keeps the data for the session, and says so, when the browser has no room for it', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    await context.addInitScript(() => {
      IDBObjectStore.prototype.put = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    const page = await context.newPage();
    await page.goto(appUrl());
    await waitForDashboard(page);
    await page.getByLabel('Load data').setInputFiles(firstExtract());
    await expect
      .poll(() => wardCounts(page, ['Golborne', 'Dalgarno', 'Colville']), WHILE_LOADING)
      .toEqual({ Golborne: '15', Dalgarno: '7', Colville: '6' });
    await expect
      .poll(() => page.getByRole('alert').textContent(), WHILE_LOADING)
      .toContain(
        'first-extract.csv is too large to keep in this browser; it stays loaded until this page is closed, and will need loading again next time.',
      );
    await expect(page.locator('.loaded-data .keeping').textContent()).resolves.toBe(
      'Not kept in this browser: load it again next time',
    );

    await page.reload();
    await waitForDashboard(page);
    await expect.poll(() => dataBadge(page), WHILE_LOADING).toBe('Synthetic demo data');
    await context.close();
  });

  it('brings back a large file after a reload from what it kept, without reading the file again', async () => {
    // Robbery in every Kensington and Chelsea ward, every hour of the week, 2024-01 to 2025-12:
    // 18 wards × 24 months × 168 hours = 72,576 rows of seeded counts from 0 to 9.
    const random = mulberry32(15);
    const codes = Object.values(RBKC_CODES);
    const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
    const lines = ['ward_code,theme,month,weekday,hour,count'];
    /** Each ward's robbery count over the latest 12 months (2025), the view a file opens on. */
    const expected = new Map<string, number>(codes.map((code) => [code, 0]));
    for (let month = 0; month < 24; month += 1) {
      const key = `${2024 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
      for (const code of codes)
        for (let slot = 0; slot < 168; slot += 1) {
          const count = Math.floor(random() * 10);
          lines.push(
            `${code},robbery,${key},${weekdays[Math.floor(slot / 24)]},${slot % 24},${count}`,
          );
          if (month >= 12) expected.set(code, (expected.get(code) ?? 0) + count);
        }
    }
    const file = csvFile('large-extract.csv', lines);
    const names = Object.keys(RBKC_CODES);
    const byName = Object.fromEntries(
      names.map((name) => [
        name,
        (expected.get(RBKC_CODES[name] as string) ?? 0).toLocaleString('en-GB'),
      ]),
    );

    const page = await openApp();
    await page.getByLabel('Load data').setInputFiles(file);
    await expect.poll(() => dataBadge(page), WHILE_LOADING).toBe('Data: large-extract.csv');
    await page.getByLabel('Theme').selectOption({ label: 'Robbery' });
    await expect.poll(() => wardCounts(page, names), WHILE_LOADING).toEqual(byName);
    await expect
      .poll(() => page.locator('.loaded-data .keeping').textContent(), WHILE_LOADING)
      .toBe('Kept in this browser');
    // One stored file: 1 theme × 24 months × 18 wards × 169 slots (the hours and the unknown
    // time) of 4-byte counts.
    expect(Object.values(await storedFiles(page))).toEqual([24 * 18 * 169 * 4]);

    await page.reload();
    await waitForDashboard(page);
    await expect.poll(() => wardCounts(page, names), WHILE_LOADING).toEqual(byName);
    expect(await controls(page)).toEqual({ theme: 'robbery', from: '2025-01', to: '2025-12' });
    expect(await dataBadge(page)).toBe('Data: large-extract.csv');
    await expect(page.locator('.loaded-data .keeping').textContent()).resolves.toBe(
      'Kept in this browser',
    );
    // The file was not read again: this session has no report of reading it.
    await expect(page.locator('details.report').count()).resolves.toBe(0);

    await page.getByRole('button', { name: 'Remove large-extract.csv' }).click();
    await expect.poll(() => storedFiles(page), WHILE_LOADING).toEqual({});
    await page.context().close();
  });

  it('clears the data in every tab when one tab clears it, and says when another changed or removed it', async () => {
    const first = await openApp();
    await first.getByLabel('Load data').setInputFiles(firstExtract());
    await expect
      .poll(() => first.locator('.loaded-data .keeping').textContent(), WHILE_LOADING)
      .toBe('Kept in this browser');
    // A second tab of the same browser brings the kept file back.
    const second = await first.context().newPage();
    await second.goto(appUrl());
    await waitForDashboard(second);
    await expect.poll(() => dataBadge(second), WHILE_LOADING).toBe('Data: first-extract.csv');
    await expect(second.locator('.loaded-data .keeping').textContent()).resolves.toBe(
      'Kept in this browser',
    );

    // A file added in the first tab: the second says the data kept has changed.
    await first.getByLabel('Load data').setInputFiles(secondExtract());
    await first.getByRole('button', { name: 'Add' }).click();
    await expect
      .poll(() => second.getByRole('alert').locator('p').textContent(), WHILE_LOADING)
      .toBe(
        'Another tab of this browser changed the data kept here: reload this page to see the same data.',
      );

    // The second tab, reloaded, removes the first file: the first tab, which still shows it, no
    // longer says it is kept.
    await second.reload();
    await waitForDashboard(second);
    await expect
      .poll(() => dataBadge(second), WHILE_LOADING)
      .toBe('Data: first-extract.csv, second-extract.csv');
    await second.getByRole('button', { name: 'Remove first-extract.csv' }).click();
    const keepingOf = (page: Page, fileName: string) =>
      page.locator('.loaded-data li', { hasText: fileName }).locator('.keeping').textContent();
    await expect
      .poll(() => keepingOf(first, 'first-extract.csv'), WHILE_LOADING)
      .toBe('Not kept in this browser: load it again next time');
    await expect(keepingOf(first, 'second-extract.csv')).resolves.toBe('Kept in this browser');
    await expect
      .poll(async () => (await keptInBrowser(first))?.files)
      .toEqual(['second-extract.csv']);

    await first.getByRole('button', { name: 'Clear data' }).click();
    await expect.poll(() => dataBadge(first), WHILE_LOADING).toBe('Synthetic demo data');
    // The other tab no longer shows, or claims to keep, the file the storage no longer holds.
    await expect.poll(() => dataBadge(second), WHILE_LOADING).toBe('Synthetic demo data');
    await expect(second.getByRole('alert').locator('p').textContent()).resolves.toBe(
      'The data was cleared in another tab of this browser, so it is cleared here too: the demo data is shown.',
    );
    await expect(second.locator('.loaded-data .keeping').count()).resolves.toBe(0);
    await expect.poll(() => storageLeft(second), WHILE_LOADING).toEqual(NOTHING_LEFT);
    await first.context().close();
  });
});
