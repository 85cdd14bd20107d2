/**
 * The Metropolitan Police's public series, loaded as published through "Load data" in real
 * Chromium; the ward table's figures are checked against sums computed from the raw files by
 * tests/e2e/rawFiles.ts. `npm test` loads the files cut to a few boroughs (tests/fixtures),
 * `npm run test:real-data` the full files of ../shared/geodata.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openDashboard, wardTable } from './browser.ts';
import { whole } from './expectations.ts';
import {
  AS_PUBLISHED,
  CENSUS,
  censusPopulations,
  expectedTable,
  geodataPath,
  HISTORICAL,
  KNIFE,
  knifeByWard,
  knifeRowsLeftOut,
  RECENT_24M,
  rowCount,
  VAWG,
  vawgByWard,
  vawgRowsWithoutWard,
  wardCrimeByWard,
} from './rawFiles.ts';
import { report, tableCounts } from './wardReading.ts';

const KENSINGTON_AND_CHELSEA = 'E09000020';
const HILLINGDON = 'E09000017';
const WESTMINSTER = 'E09000033';
const HAMMERSMITH_AND_FULHAM = 'E09000013';
const HEATHROW_VILLAGES = 'E05013570';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** A long report starts folded: open it, as a user would, to read its rejected rows. */
async function openReport(page: Page, file: string) {
  const details = report(page, file);
  if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open))) {
    await details.locator('summary').click();
  }
  return details;
}

/** Loads files through "Load data" and waits until each one's report is listed. */
async function loadFiles(page: Page, files: string[]): Promise<void> {
  await page.getByLabel('Load data').setInputFiles(files.map(geodataPath));
  for (const file of files) await report(page, file).waitFor({ timeout: 30_000 });
}

async function chooseView(
  page: Page,
  view: { area?: string; theme?: string; from?: string; to?: string },
): Promise<void> {
  if (view.area) await page.getByLabel('Area').selectOption(view.area);
  if (view.theme) await page.getByLabel('Theme').selectOption(view.theme);
  if (view.from && view.to) {
    const from = page.getByLabel('From', { exact: true });
    const to = page.getByLabel('To', { exact: true });
    // A From after the current To swaps the two: choosing From again once To is set settles it.
    await from.selectOption(view.from);
    await to.selectOption(view.to);
    await from.selectOption(view.from);
    expect([await from.inputValue(), await to.inputValue()]).toEqual([view.from, view.to]);
  }
}

/** The ward table shows, for every ward of the borough, the count expected from the raw files. */
async function expectTable(page: Page, lad: string, totals: Map<string, number>): Promise<void> {
  const expected = expectedTable(lad, totals);
  expect(expected.size).toBeGreaterThan(10);
  await expect.poll(() => tableCounts(page)).toEqual(expected);
}

describe('MPS public series loaded as published', () => {
  it('joins the historical and the latest 24-month ward crime files into one series', async () => {
    const { page, errors } = await openDashboard(browser);
    await loadFiles(page, [HISTORICAL, RECENT_24M]);
    // The months meet (Feb 2024 / Mar 2024) without overlapping: no question asked.
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);
    await expect(page.getByText(`Data: ${HISTORICAL}, ${RECENT_24M}`).isVisible()).resolves.toBe(
      true,
    );
    await expect(report(page, HISTORICAL).locator('summary').textContent()).resolves.toContain(
      `${whole(rowCount(HISTORICAL))} of ${whole(rowCount(HISTORICAL))} rows loaded`,
    );
    await expect(report(page, HISTORICAL).locator('.notes').textContent()).resolves.toContain(
      'Months covered: Apr 2010 to Feb 2024 (167 months).',
    );
    const both = [HISTORICAL, RECENT_24M];

    // Violence with injury over June 2023 to May 2025: nine months from one file, fifteen from the other.
    await chooseView(page, { theme: 'violence_with_injury', from: '2023-06', to: '2025-05' });
    await expectTable(
      page,
      KENSINGTON_AND_CHELSEA,
      wardCrimeByWard(both, 'violence_with_injury', '2023-06', '2025-05'),
    );
    // Hillingdon, September 2022 to August 2024: Heathrow Villages is listed under Hillingdon until
    // April 2023 and under Aviation Security (SO18) from April 2023; rows of both count.
    await chooseView(page, { area: HILLINGDON, from: '2022-09', to: '2024-08' });
    const hillingdon = wardCrimeByWard(both, 'violence_with_injury', '2022-09', '2024-08');
    await expectTable(page, HILLINGDON, hillingdon);
    const heathrowUnder = (borough: string) =>
      wardCrimeByWard(both, 'violence_with_injury', '2022-09', '2024-08', borough).get(
        HEATHROW_VILLAGES,
      ) ?? 0;
    expect(heathrowUnder('Hillingdon')).toBeGreaterThan(0);
    expect(heathrowUnder('Aviation Security (SO18)')).toBeGreaterThan(0);
    expect(hillingdon.get(HEATHROW_VILLAGES)).toBe(
      heathrowUnder('Hillingdon') + heathrowUnder('Aviation Security (SO18)'),
    );

    // Sexual offences over the whole series, April 2010 to February 2026, in Westminster.
    await chooseView(page, {
      area: WESTMINSTER,
      theme: 'sexual_violence',
      from: '2010-04',
      to: '2026-02',
    });
    await expectTable(
      page,
      WESTMINSTER,
      wardCrimeByWard(both, 'sexual_violence', '2010-04', '2026-02'),
    );
    await expect(page.getByLabel('Theme').locator('option:checked').textContent()).resolves.toBe(
      'Sexual offences (MPS recorded)',
    );

    // Burglary, an "Other recorded crime" theme, across the join: February 2024 and March 2024.
    await chooseView(page, {
      area: KENSINGTON_AND_CHELSEA,
      theme: 'burglary',
      from: '2024-02',
      to: '2024-03',
    });
    await expectTable(
      page,
      KENSINGTON_AND_CHELSEA,
      wardCrimeByWard(both, 'burglary', '2024-02', '2024-03'),
    );
    await expect(
      page.getByLabel('Theme').locator('optgroup[label="Other recorded crime"] option').count(),
    ).resolves.toBeGreaterThan(5);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('replaces an older 24-month file with a newer one that overlaps it', async () => {
    const { page } = await openDashboard(browser);
    await loadFiles(page, [AS_PUBLISHED]);
    await chooseView(page, { theme: 'robbery', from: '2024-03', to: '2024-11' });
    const older = wardCrimeByWard([AS_PUBLISHED], 'robbery', '2024-03', '2024-11');
    await expectTable(page, KENSINGTON_AND_CHELSEA, older);

    await loadFiles(page, [RECENT_24M]);
    const dialog = page.getByRole('dialog');
    await expect(dialog.textContent()).resolves.toContain(`${RECENT_24M} overlaps`);
    await dialog.getByRole('button', { name: 'Replace' }).click();
    // A file the user loads shows its latest 12 months.
    await expect(page.getByLabel('From', { exact: true }).inputValue()).resolves.toBe('2025-03');
    await expect(page.getByLabel('To', { exact: true }).inputValue()).resolves.toBe('2026-02');
    await chooseView(page, { theme: 'robbery', from: '2024-03', to: '2024-11' });
    // March to November 2024 are in both files; the newer release revised some of them.
    const newer = wardCrimeByWard([RECENT_24M], 'robbery', '2024-03', '2024-11');
    expect(expectedTable(KENSINGTON_AND_CHELSEA, newer)).not.toEqual(
      expectedTable(KENSINGTON_AND_CHELSEA, older),
    );
    await expectTable(page, KENSINGTON_AND_CHELSEA, newer);
    // The older file had every theme replaced, so its months are gone from the choices.
    await expect(
      page.getByLabel('From', { exact: true }).locator('option').first().getAttribute('value'),
    ).resolves.toBe('2024-03');
    await expect(page.getByText(`Data: ${RECENT_24M}`).isVisible()).resolves.toBe(true);
    await page.context().close();
  });

  it('ranks RBKC wards by VAWG offences in 2024, reports rows with no ward and takes Census residents', async () => {
    const { page } = await openDashboard(browser);
    await loadFiles(page, [VAWG]);
    await chooseView(page, { theme: 'vawg', from: '2024-01', to: '2024-12' });
    const vawg2024 = vawgByWard('2024-01', '2024-12');
    await expectTable(page, KENSINGTON_AND_CHELSEA, vawg2024);
    // The table is ranked by count: its first three rows are the three highest wards.
    const topThree = [...expectedTable(KENSINGTON_AND_CHELSEA, vawg2024)]
      .sort((a, b) => Number(b[1].replace(/,/g, '')) - Number(a[1].replace(/,/g, '')))
      .slice(0, 3);
    // As the shared README says: Golborne 214, Notting Dale 180, Earl's Court 177.
    expect(topThree).toEqual([
      ['Golborne', '214'],
      ['Notting Dale', '180'],
      ["Earl's Court", '177'],
    ]);
    expect([...(await tableCounts(page))].slice(0, 3)).toEqual(topThree);

    const vawgReport = await openReport(page, VAWG);
    await expect(vawgReport.locator('.reasons li').allTextContents()).resolves.toEqual([
      `Rejected, Not mapped to a ward: ${whole(vawgRowsWithoutWard())} rows`,
    ]);
    await expect(
      vawgReport
        .getByRole('table', { name: /^Rejected rows/ })
        .locator('tbody tr')
        .first()
        .textContent(),
    ).resolves.toMatch(/No ward code \(borough "Other", ward "N\/K"\)/);

    await chooseView(page, { area: WESTMINSTER, from: '2025-03', to: '2026-02' });
    await expectTable(page, WESTMINSTER, vawgByWard('2025-03', '2026-02'));

    // The Census 2021 ward table loads as published and gives the rates.
    await loadFiles(page, [CENSUS]);
    await expect(report(page, CENSUS).locator('summary').textContent()).resolves.toContain(
      `${whole(rowCount(CENSUS))} of ${whole(rowCount(CENSUS))} rows loaded`,
    );
    await expect(page.getByText(`Residents: ${CENSUS}`).isVisible()).resolves.toBe(true);
    await chooseView(page, { area: KENSINGTON_AND_CHELSEA, from: '2024-01', to: '2024-12' });
    await page.getByLabel('Rate per 1,000 residents').check();
    const golborneRate =
      ((vawg2024.get('E05009396') ?? 0) / (censusPopulations().get('E05009396')?.all ?? 1)) * 1000;
    // 214 / 8,803 × 1,000 = 24.3
    await expect
      .poll(async () =>
        (
          (await (
            await wardTable(page)
          )
            .locator('tbody tr', {
              has: page.getByRole('button', { name: 'Golborne', exact: true }),
            })
            .locator('td')
            .nth(1)
            .textContent()) ?? ''
        ).trim(),
      )
      .toBe(golborneRate.toFixed(1));
    await page.context().close();
  });

  it('maps knife-injury victims aged 1-24 from the ward rows and reports what it left out', async () => {
    const { page } = await openDashboard(browser);
    await loadFiles(page, [KNIFE]);
    await chooseView(page, { theme: 'youth_violence', from: '2024-04', to: '2025-03' });
    await expect(page.getByLabel('Theme').locator('option:checked').textContent()).resolves.toBe(
      'Knife-injury victims aged 1–24, non-domestic',
    );
    await expectTable(
      page,
      KENSINGTON_AND_CHELSEA,
      knifeByWard('youth_violence', '2024-04', '2025-03'),
    );
    // The three themes nest, so "All serious violence" is knife crime offences, not their sum.
    await chooseView(page, { theme: 'all' });
    await expectTable(
      page,
      KENSINGTON_AND_CHELSEA,
      knifeByWard('knife_crime', '2024-04', '2025-03'),
    );
    await chooseView(page, {
      area: HAMMERSMITH_AND_FULHAM,
      theme: 'knife_crime',
      from: '2022-03',
      to: '2026-02',
    });
    await expectTable(
      page,
      HAMMERSMITH_AND_FULHAM,
      knifeByWard('knife_crime', '2022-03', '2026-02'),
    );

    const leftOut = knifeRowsLeftOut();
    const knifeReport = await openReport(page, KNIFE);
    const reasons = await knifeReport.locator('.reasons li').allTextContents();
    expect(reasons).toContain(`Rejected, Not mapped to a ward: ${whole(leftOut.notMapped)} rows`);
    expect(reasons).toContain(
      `Set aside, Borough total, not added: the ward rows hold the same offences: ${whole(leftOut.borough)} rows`,
    );
    // Every row accounted for: the ward rows of the three themes load, unless their ward is not
    // on the map; borough rows and the other measures are set aside.
    const setAside = leftOut.borough + leftOut.otherMeasures;
    await expect(knifeReport.locator('.account').textContent()).resolves.toBe(
      `${whole(leftOut.rows)} rows read: ${whole(leftOut.rows - leftOut.notMapped - setAside)} loaded, ${whole(leftOut.notMapped)} rejected, ${whole(setAside)} set aside. The whole file was read: ${whole(leftOut.rows + 1)} lines, the header included.`,
    );
    await expect(
      knifeReport.getByRole('table', { name: /^Rejected rows/ }).textContent(),
    ).resolves.toContain('Area code "N/K" is not a ward of the loaded boundaries');
    await page.context().close();
  });
});
