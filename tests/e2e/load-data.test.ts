/** Loading a user's CSV through "Load data", in real Chromium. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BACKGROUND,
  blend,
  closeDetails,
  countPixelsNear,
  elementPixels,
  FILL_ALPHA,
  launchBrowser,
  openDashboard,
  openDetail,
  wardTable,
} from './browser.ts';
import { RBKC_CODES } from './expectations.ts';

let browser: Browser;
const folder = mkdtempSync(path.join(tmpdir(), 'ward-dashboard-'));

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

function csvFile(name: string, text: string): string {
  const file = path.join(folder, name);
  writeFileSync(file, text);
  return file;
}

async function countOf(page: Page, ward: string): Promise<string> {
  return (
    (await (
      await wardTable(page)
    )
      .locator('tbody tr', { has: page.getByRole('button', { name: ward, exact: true }) })
      .locator('td')
      .first()
      .textContent()) ?? ''
  ).trim();
}

describe('Load data', () => {
  it('shows the figures of an uploaded CSV', async () => {
    const { page } = await openDashboard(browser);
    const file = csvFile(
      'partnership-extract.csv',
      [
        'ward_name,theme,month,weekday,hour,count',
        'Golborne,knife_crime,2026-01,Fri,23,4',
        'Golborne,knife_crime,2026-02,Sat,1,3',
        'Earls Court,knife_crime,2026-02,,,2',
        'Brompton and Hans Town,knife_crime,2026-02,7,18,5',
      ].join('\n'),
    );
    await page.getByLabel('Load data').setInputFiles(file);
    await expect.poll(() => countOf(page, 'Golborne')).toBe('7');
    expect(await countOf(page, "Earl's Court")).toBe('2');
    expect(await countOf(page, 'Brompton & Hans Town')).toBe('5');
    expect(await countOf(page, 'Colville')).toBe('0');
    await expect(page.getByText('Data: partnership-extract.csv').isVisible()).resolves.toBe(true);
    await expect(page.getByText('Synthetic demo data').count()).resolves.toBe(0);
    await expect(page.getByLabel('Theme').locator('option').allTextContents()).resolves.toEqual([
      'All serious violence',
      'Knife crime',
    ]);
    // The period follows the file: January to February 2026.
    await expect(page.getByLabel('From', { exact: true }).inputValue()).resolves.toBe('2026-01');
    await expect(page.getByLabel('To', { exact: true }).inputValue()).resolves.toBe('2026-02');
    await openDetail(page, 'When');
    await expect(
      page.getByRole('button', { name: 'Sunday 18:00–18:59: 5 offences' }).count(),
    ).resolves.toBe(1);
    // 4 + 3 + 2 + 5 = 14 offences, of which Earl's Court's 2 have no time: 14.3%.
    await expect(
      page.getByText(/2 of 14 offences \(14\.3%\) have\s+no known time/).isVisible(),
    ).resolves.toBe(true);
    // The map shows the new figures: one class, as three wards with offences among fifteen without
    // leave every quantile at zero.
    await expect(page.locator('.legend li').allTextContents()).resolves.toEqual(['0–718 wards']);
    // The "When" drawer opens over the map's lower part: close it to see the whole map.
    await closeDetails(page);
    const oneClass = blend([0xfd, 0x8d, 0x3c], FILL_ALPHA, BACKGROUND);
    const darkest = blend([0xbd, 0x00, 0x26], FILL_ALPHA, BACKGROUND);
    await expect
      .poll(async () => {
        const png = await elementPixels(page, '.ward-map');
        return {
          oneClass: countPixelsNear(png, oneClass, 6) > 20_000,
          darkest: countPixelsNear(png, darkest, 6),
        };
      })
      .toEqual({ oneClass: true, darkest: 0 });
    await page.context().close();
  });

  it('lists rejected rows with their row numbers and reasons while the good rows load', async () => {
    const { page } = await openDashboard(browser);
    const file = csvFile(
      'with-bad-rows.csv',
      [
        'ward_code,theme,month,weekday,hour,count',
        'E05009396,youth_violence,2026-03,Mon,15,6',
        'E05099999,youth_violence,2026-03,Mon,15,1',
        'E05009396,youth_violence,March 2026,Mon,15,1',
        'E05009394,youth_violence,2026-03,Tue,25,1',
        'E05009394,youth_violence,2026-03,Tue,16,-3',
        'E05009394,youth_violence,2026-03,Tue,16,lots',
        'E05009394,youth_violence,2026-03,Tue,16,2',
      ].join('\n'),
    );
    await page.getByLabel('Load data').setInputFiles(file);
    await expect.poll(() => countOf(page, 'Golborne')).toBe('6');
    expect(await countOf(page, 'Dalgarno')).toBe('2');
    const report = page.locator('details.report', { hasText: 'with-bad-rows.csv' });
    await expect(report.locator('summary').textContent()).resolves.toContain(
      '2 of 7 rows loaded, 5 rejected',
    );
    const rejected = await report
      .getByRole('table', { name: /^Rejected rows/ })
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent)),
      );
    expect(rejected).toEqual([
      ['3', 'Unknown ward code "E05099999"'],
      ['4', 'Month is not YYYY-MM: "March 2026"'],
      ['5', 'Hour is not 0-23: "25"'],
      ['6', 'Count is negative: -3'],
      ['7', 'Count is not a number: "lots"'],
    ]);
    await page.context().close();
  });

  it('loads a file dropped on the page', async () => {
    const { page } = await openDashboard(browser);
    const text = 'ward_code,theme,month,count\nE05009399,robbery,2025-06,9\n';
    const transfer = await page.evaluateHandle((csv) => {
      const data = new DataTransfer();
      data.items.add(new File([csv], 'dropped.csv', { type: 'text/csv' }));
      return data;
    }, text);
    await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer });
    await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
    await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
    await expect.poll(() => countOf(page, 'Notting Dale')).toBe('9');
    await expect(page.getByText('Data: dropped.csv').isVisible()).resolves.toBe(true);
    await page.context().close();
  });

  it('uses an uploaded population file for rates', async () => {
    const { page } = await openDashboard(browser, '?measure=rate');
    const golborneCount = Number((await countOf(page, 'Golborne')).replace(/,/g, ''));
    await page
      .getByLabel('Load data')
      .setInputFiles(
        csvFile('residents.csv', 'ward_code,population\nE05009396,4000\nE05009394,5000\n'),
      );
    const rateOf = async (ward: string) =>
      (
        (await (
          await wardTable(page)
        )
          .locator('tbody tr', { has: page.getByRole('button', { name: ward, exact: true }) })
          .locator('td')
          .nth(1)
          .textContent()) ?? ''
      ).trim();
    // Golborne: its count per 4,000 residents, times 1,000.
    await expect.poll(() => rateOf('Golborne')).toBe(((golborneCount / 4000) * 1000).toFixed(1));
    // Wards the file leaves out have no rate and no rank.
    expect(await rateOf('Colville')).toBe('–');
    await expect(page.getByText('Residents: residents.csv').isVisible()).resolves.toBe(true);
    await page.context().close();
  });

  it('matches the columns of a file of a known format when asked, from beside Load data, by keyboard', async () => {
    const { page } = await openDashboard(browser);
    const more = page.getByRole('button', { name: 'More ways to load' });
    await more.focus();
    await page.keyboard.press('Enter');
    await expect(more.getAttribute('aria-expanded')).resolves.toBe('true');
    // The next stop of the keyboard is the way in that matches the columns.
    await page.keyboard.press('Tab');
    const matchMyself = page.getByLabel('Match columns myself…');
    await expect(
      matchMyself.evaluate((element) => element === document.activeElement),
    ).resolves.toBe(true);
    // A file of the app's own format, which Load data reads without asking.
    await matchMyself.setInputFiles(
      csvFile(
        'known.csv',
        `ward_code,theme,month,count\n${RBKC_CODES.Golborne},robbery,2025-01,3\n`,
      ),
    );
    const dialog = page.getByRole('dialog', { name: 'Match columns: known.csv' });
    await dialog.waitFor({ timeout: 30_000 });
    // Picking the file closed the menu.
    await expect(more.getAttribute('aria-expanded')).resolves.toBe('false');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect(page.getByText('Synthetic demo data').first().isVisible()).resolves.toBe(true);
    await page.context().close();
  });

  it('asks what the columns hold when a file matches no format, naming what the formats expect', async () => {
    const { page } = await openDashboard(browser);
    await page
      .getByLabel('Load data')
      .setInputFiles(csvFile('mystery.csv', 'colour,size\nred,3\n'));
    const dialog = page.getByRole('dialog', { name: 'Match columns: mystery.csv' });
    await dialog.waitFor({ timeout: 30_000 });
    await dialog.getByText('Columns the known formats expect').click();
    await expect(dialog.textContent()).resolves.toContain(
      'ward_code or ward_name, theme, month, count',
    );
    // Neither column is a date or a place: nothing can load.
    await expect(dialog.getByText('Choose the column with the date (from).').count()).resolves.toBe(
      1,
    );
    await expect(dialog.getByRole('button', { name: 'Load' }).isDisabled()).resolves.toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    // The demo data is still shown.
    await expect(page.getByText('Synthetic demo data').first().isVisible()).resolves.toBe(true);
    await page.context().close();
  });
});
