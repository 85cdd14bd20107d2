/**
 * Every row accounted for, in real Chromium: files with the faults users' files have, loaded
 * through "Load data", and the report, the list of rows not loaded and the figures on screen
 * checked against what the tests work out from the rows they wrote.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openDashboard, wardTableCounts } from './browser.ts';
import { RBKC_CODES, RBKC_WARD_NAMES } from './expectations.ts';
import { download, parseCsv, scratchFiles } from './files.ts';

let browser: Browser;
const files = scratchFiles('ward-accounting-');

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

function reportOf(page: Page, fileName: string): Locator {
  return page.locator('details.report', { hasText: fileName });
}

/** Opens a folded report as a user would; one with few rejections opens by itself. */
async function openReport(report: Locator): Promise<void> {
  if (!(await report.evaluate((details) => (details as HTMLDetailsElement).open)))
    await report.locator('summary').click();
}

describe('every row accounted for', () => {
  it('rejects the one row of a partner extract where a stray quote opens, and loads the other 999', async () => {
    const { page, errors } = await openDashboard(browser, '', {
      viewport: { width: 1400, height: 1000 },
      acceptDownloads: true,
    });
    const codes = RBKC_WARD_NAMES.map((name) => RBKC_CODES[name] as string);
    const rows = Array.from({ length: 1000 }, (_, index) => {
      const day = String((index % 28) + 1).padStart(2, '0');
      const ward = codes[index % codes.length] as string;
      // Row 11 of the file (the tenth offence): a notes cell whose quote is never closed.
      const notes = index === 9 ? '"He said no' : 'checked';
      return { ward, line: `P${index + 1},${ward},2026-01-${day} 10:00,,no,no,30,${notes}` };
    });
    const file = files.write(
      'extract-with-stray-quote.csv',
      [
        'offence_id,ward_code,occurred_from,occurred_to,domestic_abuse,sexual_violence,victim_age,notes',
        ...rows.map((row) => row.line),
      ].join('\n'),
    );
    await page.getByLabel('Load data').setInputFiles(file);
    const report = reportOf(page, 'extract-with-stray-quote.csv');
    await expect
      .poll(() => report.locator('summary').textContent())
      .toContain('999 of 1,000 rows loaded, 1 rejected');
    await openReport(report);
    await expect(report.locator('.account').textContent()).resolves.toBe(
      '1,000 rows read: 999 loaded, 1 rejected. The whole file was read: 1,001 lines, the header included.',
    );
    const listed = await report
      .getByRole('table', { name: /^Rejected rows/ })
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
      );
    const reason =
      'The quoted cell in column 8 (notes) runs on into the rows after it: the row is rejected and reading goes on at the next line';
    expect(listed).toEqual([['11', reason]]);

    // Every other offence is on the map: each ward's count is its rows, the stray one apart.
    const expected = new Map(RBKC_WARD_NAMES.map((name) => [name, 0]));
    rows.forEach((row, index) => {
      if (index === 9) return;
      const name = RBKC_WARD_NAMES[codes.indexOf(row.ward)] as string;
      expected.set(name, (expected.get(name) ?? 0) + 1);
    });
    await expect.poll(() => wardTableCounts(page)).toEqual(expected);

    // The whole list of rows not loaded, as CSV.
    const { name, bytes } = await download(page, 'Download the rows not loaded (CSV, 1 row)');
    expect(name).toBe('extract-with-stray-quote-rows-not-loaded.csv');
    expect(parseCsv(bytes.toString('utf8').replace(/^\uFEFF/, ''))).toEqual([
      ['Row', 'Outcome', 'Reason'],
      ['11', 'Rejected', reason],
    ]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
