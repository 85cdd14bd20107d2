/**
 * A very large file streams: a progress bar shows how far the worker has read, the page stays
 * responsive, and Cancel stops the read and keeps what was read so far.
 */
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openDashboard } from './browser.ts';
import { RBKC_CODES } from './expectations.ts';

let browser: Browser;
const folder = mkdtempSync(path.join(tmpdir(), 'ward-large-'));
const file = path.join(folder, 'large-extract.csv');

/** About 600 MB of native rows: one offence per row, every RBKC ward, hour and weekday. */
async function writeLargeFile(): Promise<void> {
  const stream = createWriteStream(file);
  stream.write('ward_code,theme,month,weekday,hour,count\n');
  const codes = Object.values(RBKC_CODES);
  const block: string[] = [];
  for (const code of codes) {
    for (let hour = 0; hour < 24; hour += 1) block.push(`${code},robbery,2025-06,Mon,${hour},1\n`);
  }
  const chunk = block.join('');
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

describe('a very large file', () => {
  it('shows progress, stays responsive, and can be cancelled', async () => {
    expect(statSync(file).size).toBeGreaterThan(590_000_000);
    const { page, errors } = await openDashboard(browser);
    await page.getByLabel('Load data').setInputFiles(file);
    const progress = page.getByRole('progressbar', { name: /^Reading large-extract\.csv/ });
    await expect
      .poll(async () => Number(await progress.getAttribute('value')), { timeout: 20_000 })
      .toBeGreaterThan(0);
    // The page answers while the worker reads: the theme can be changed.
    await page.getByLabel('Theme').selectOption({ label: 'Sexual violence' });
    await expect(page.getByLabel('Theme').inputValue()).resolves.toBe('sexual_violence');
    await page.getByRole('button', { name: 'Cancel' }).click();
    const report = page.locator('details.report', { hasText: 'large-extract.csv' });
    await report.waitFor({ timeout: 20_000 });
    // Cancelled part-way: some rows, but not the whole file (about 15.4 million rows).
    const summary = (await report.locator('summary').textContent()) ?? '';
    const loaded = Number(/: ([\d,]+) of/.exec(summary)?.[1]?.replace(/,/g, ''));
    expect(loaded).toBeGreaterThan(0);
    expect(loaded).toBeLessThan(15_000_000);
    await report.locator('summary').click();
    await expect(report.locator('.notes').textContent()).resolves.toContain(
      'Loading was cancelled',
    );
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
