/**
 * A very large file streams: a progress bar shows how far the worker has read, the page stays
 * responsive, and Cancel stops the read. What was read is discarded unless the user keeps it,
 * and a kept part is marked partial wherever the file is named, also after a reload.
 */
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openDashboard, waitForDashboard, wardTable } from './browser.ts';
import { RBKC_CODES } from './expectations.ts';

let browser: Browser;
const folder = mkdtempSync(path.join(tmpdir(), 'ward-large-'));
const file = path.join(folder, 'large-extract.csv');
const HEADER = 'ward_code,theme,month,weekday,hour,count\n';
/** Bytes of a row on average (34 with an hour of one digit, 35 with two), set as it is written. */
let averageRowBytes = 0;

/** About 600 MB of native rows: one offence per row, every RBKC ward, hour and weekday. */
async function writeLargeFile(): Promise<void> {
  const stream = createWriteStream(file);
  stream.write(HEADER);
  const codes = Object.values(RBKC_CODES);
  const block: string[] = [];
  for (const code of codes) {
    for (let hour = 0; hour < 24; hour += 1) block.push(`${code},robbery,2025-06,Mon,${hour},1\n`);
  }
  const chunk = block.join('');
  averageRowBytes = chunk.length / block.length;
  // 18 wards × 24 hours = 432 rows (about 17 kB) per chunk.
  while (stream.bytesWritten + stream.writableLength < 600_000_000) {
    if (!stream.write(chunk)) await once(stream, 'drain');
  }
  stream.end();
  await once(stream, 'finish');
}

beforeAll(async () => {
  browser = await launchBrowser();
  await writeLargeFile();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  rmSync(folder, { recursive: true, force: true });
});

/** Starts reading the file, checks the page answers meanwhile, and cancels. */
async function loadAndCancel(page: Page): Promise<void> {
  await page.getByLabel('Load data').setInputFiles(file);
  const progress = page.getByRole('progressbar', { name: /^Reading large-extract\.csv/ });
  await expect
    .poll(async () => Number(await progress.getAttribute('value')), { timeout: 20_000 })
    .toBeGreaterThan(0);
  // The page answers while the worker reads: the theme can be changed.
  await page.getByLabel('Theme').selectOption({ label: 'Sexual violence' });
  await expect(page.getByLabel('Theme').inputValue()).resolves.toBe('sexual_violence');
  await page.getByRole('button', { name: 'Cancel' }).click();
}

/** The offences the ward table counts in all, and the rows the report says loaded. */
async function tableTotal(page: Page): Promise<number> {
  // The ward table opens under the map.
  const counts = await (await wardTable(page))
    .locator('tbody tr td:first-of-type')
    .allTextContents();
  return counts.reduce((total, count) => total + Number(count.replace(/,/g, '')), 0);
}

describe('a very large file', () => {
  it('shows progress, stays responsive, and after Cancel keeps the part read only when asked, marked partial', async () => {
    expect(statSync(file).size).toBeGreaterThan(590_000_000);
    const { page, errors } = await openDashboard(browser);
    const size = statSync(file).size;

    // Cancel, then discard: nothing of the file is shown.
    await loadAndCancel(page);
    const dialog = page.getByRole('dialog', { name: 'Only part of large-extract.csv was read' });
    await dialog.waitFor({ timeout: 20_000 });
    await dialog.getByRole('button', { name: 'Discard' }).click();
    await expect(dialog.isVisible()).resolves.toBe(false);
    await expect(page.getByText('Synthetic demo data').first().isVisible()).resolves.toBe(true);
    const report = page.locator('details.report', { hasText: 'large-extract.csv' }).first();
    // Cancelled part-way: some rows, but not the whole file (about 15.4 million rows); the rest
    // is measured and counted.
    const account = (await report.locator('.account').textContent()) ?? '';
    const [, read, loaded, notReadRows, notReadMb] =
      /^([\d,]+) rows read: ([\d,]+) loaded, 0 rejected\. Loading was cancelled: the rest of the file, about ([\d,]+) rows \(([\d,]+) MB\), was not read\.$/.exec(
        account,
      ) ?? [];
    const number = (text: string | undefined) => Number(text?.replace(/,/g, ''));
    expect(number(loaded)).toBeGreaterThan(0);
    expect(number(loaded)).toBe(number(read));
    // What was not read is the file less the header and the rows read (to within a row and the
    // rounding to MB); the rows in it, at the rows' average length, to within 1%.
    const unread = size - HEADER.length - number(read) * averageRowBytes;
    expect(Math.abs(number(notReadMb) * 1e6 - unread)).toBeLessThanOrEqual(0.5e6 + 35);
    expect(Math.abs(number(notReadRows) - unread / averageRowBytes)).toBeLessThan(
      unread / averageRowBytes / 100,
    );

    // Cancel again, and keep the part read: marked partial in the list, the header and sources.
    await loadAndCancel(page);
    await dialog.waitFor({ timeout: 20_000 });
    await dialog.getByRole('button', { name: 'Keep as partial' }).click();
    const loadedData = page.getByRole('region', { name: 'Loaded data' });
    await expect
      .poll(() => loadedData.textContent(), { timeout: 20_000 })
      .toMatch(
        /Partial: Loading was cancelled: the rest of the file, about [\d,]+ rows \([\d,]+ MB\), was not read\./,
      );
    await expect(page.locator('.data-badge').textContent()).resolves.toBe(
      'Data: large-extract.csv (partial)',
    );
    await expect(page.locator('footer.sources').textContent()).resolves.toMatch(
      /large-extract\.csv \(Aggregated offences \(native CSV v1\); partial: about [\d,]+ rows \([\d,]+ MB\) of the file not read\)/,
    );
    // What is shown is exactly the rows read: one robbery each.
    const keptReport = page.locator('details.report', { hasText: 'large-extract.csv' }).first();
    const keptLoaded = number(
      /: ([\d,]+) of/.exec((await keptReport.locator('summary').textContent()) ?? '')?.[1],
    );
    await page.getByLabel('Theme').selectOption({ label: 'Robbery' });
    await expect.poll(() => tableTotal(page)).toBe(keptLoaded);

    // After a reload the file comes back from the browser's storage, still marked partial.
    await page.reload();
    await waitForDashboard(page);
    await expect
      .poll(() => loadedData.textContent(), { timeout: 20_000 })
      .toMatch(/Partial: Loading was cancelled/);
    await expect(page.locator('.data-badge').textContent()).resolves.toBe(
      'Data: large-extract.csv (partial)',
    );
    await page.getByLabel('Theme').selectOption({ label: 'Robbery' });
    await expect.poll(() => tableTotal(page)).toBe(keptLoaded);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
