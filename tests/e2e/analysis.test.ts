/**
 * The analysis a tasking meeting relies on, in real Chromium: hot spots found where a cluster was
 * planted, changes with significance, London ranks, publication mode and priorities. The data is
 * made by the test; expectations are worked out by hand in the comments.
 */
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
  goTo,
  launchBrowser,
  openDashboard,
  openDetail,
  setPublication,
  wardTable,
} from './browser.ts';
import { RBKC_CODES } from './expectations.ts';
import { londonWardCodes } from './rawFiles.ts';

let browser: Browser;
let file: string;

/**
 * A planted cluster in north Kensington: five wards that touch one another. (With only 18 wards
 * and the false discovery rate correction, a smaller cluster leaves its edge wards short of 90%.)
 */
const CLUSTER = ['Golborne', 'Dalgarno', 'Colville', 'Notting Dale', "St. Helen's"];
const CLUSTER_CODES = new Set(CLUSTER.map((name) => RBKC_CODES[name] as string));
const PEMBRIDGE = RBKC_CODES.Pembridge as string;

/**
 * Robbery, one row per ward in July 2023 and in June 2025, for every London ward:
 * - outside Kensington and Chelsea: 10 in each;
 * - the cluster: 20 then 60; Pembridge: 3 and 3; the other 12 RBKC wards: 4 then 5.
 * Knife crime, June 2025, RBKC only: the cluster 30; the others 1 to 13 in code order.
 * The file's latest 12 months (July 2024 to June 2025, shown on loading) hold the June 2025 rows;
 * the 12 months before them (July 2023 to June 2024) hold the July 2023 rows.
 */
function writeData(): string {
  const rbkc = new Set(Object.values(RBKC_CODES));
  const lines = ['ward_code,theme,month,count'];
  let other = 0;
  for (const code of londonWardCodes()) {
    const [before, after] = !rbkc.has(code)
      ? [10, 10]
      : CLUSTER_CODES.has(code)
        ? [20, 60]
        : code === PEMBRIDGE
          ? [3, 3]
          : [4, 5];
    lines.push(`${code},robbery,2023-07,${before}`, `${code},robbery,2025-06,${after}`);
    if (rbkc.has(code)) {
      other += CLUSTER_CODES.has(code) ? 0 : 1;
      lines.push(`${code},knife_crime,2025-06,${CLUSTER_CODES.has(code) ? 30 : other}`);
    }
  }
  const folder = mkdtempSync(path.join(tmpdir(), 'ward-analysis-'));
  const target = path.join(folder, 'planted-cluster.csv');
  writeFileSync(target, `${lines.join('\n')}\n`);
  return target;
}

beforeAll(async () => {
  browser = await launchBrowser();
  file = writeData();
});

afterAll(async () => {
  await browser?.close();
});

/** Ward name -> its cells, by column header. */
async function tableByHeader(page: Page): Promise<Map<string, Record<string, string>>> {
  const table = await wardTable(page);
  const headers = (await table.locator('thead th').allTextContents()).map((text) =>
    text.replace(/[▲▼]/g, '').trim(),
  );
  const rows = await table.locator('tbody tr').evaluateAll((elements) =>
    elements.map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) => {
        // What a sighted user reads: leave out the words kept for screen readers.
        const visible = cell.cloneNode(true) as Element;
        for (const hidden of visible.querySelectorAll('.visually-hidden')) hidden.remove();
        return visible.textContent?.trim() ?? '';
      }),
    ),
  );
  return new Map(
    rows.map((cells) => [
      cells[0] as string,
      Object.fromEntries(headers.map((header, index) => [header, cells[index] ?? ''])),
    ]),
  );
}

async function loadPlantedCluster(page: Page) {
  await page.getByLabel('Load data').setInputFiles(file);
  await page.getByLabel('Theme').selectOption({ label: 'Robbery' });
  await expect(page.getByLabel('From', { exact: true }).inputValue()).resolves.toBe('2024-07');
  await expect.poll(async () => (await tableByHeader(page)).get('Golborne')?.Count).toBe('60');
}

describe('analysis for a tasking meeting', () => {
  it('finds the planted cluster as hot spots, in the table and on the map', async () => {
    const { page } = await openDashboard(browser);
    await loadPlantedCluster(page);
    const table = await tableByHeader(page);
    for (const name of CLUSTER) expect(table.get(name)?.['Hot spot']).toMatch(/^Hot (90|95|99)%$/);
    // Wards far from the cluster, at the south end of the borough, are not hot.
    for (const name of ['Chelsea Riverside', 'Royal Hospital', 'Stanley', 'Redcliffe']) {
      expect(table.get(name)?.['Hot spot']).not.toMatch(/^Hot/);
    }
    await page.getByRole('radio', { name: 'Hot spots (Getis-Ord Gi*)' }).check();
    // The table, open over the map, would hide part of it.
    await closeDetails(page);
    await expect(page.locator('.legend figcaption').textContent()).resolves.toMatch(
      /^Hot and cold spots/,
    );
    const hot = ['#b2182b', '#ef8a62', '#fddbc7'].map((hex) =>
      blend(
        [
          Number.parseInt(hex.slice(1, 3), 16),
          Number.parseInt(hex.slice(3, 5), 16),
          Number.parseInt(hex.slice(5, 7), 16),
        ],
        FILL_ALPHA,
        BACKGROUND,
      ),
    );
    await expect
      .poll(async () => {
        const png = await elementPixels(page, '.ward-map');
        return hot.reduce((sum, colour) => sum + countPixelsNear(png, colour, 6), 0);
      })
      .toBeGreaterThan(5000);
    await page.context().close();
  });

  it('shows changes with significance, London ranks and publication mode', async () => {
    const { page } = await openDashboard(browser);
    await loadPlantedCluster(page);
    const table = await tableByHeader(page);
    // Golborne: 60 against 20 a year before: +40 (+200.0%); given 80 offences, 60 or more in one
    // period has probability about 1e-5 under no change: significant (*).
    expect(table.get('Golborne')?.Change).toBe('+40 (+200.0%) ▲*');
    // Over 12 months the months before are a year earlier: one comparison, one column.
    expect(table.get('Golborne')?.['Year on year']).toBeUndefined();
    // Abingdon: 5 against 4, nine offences: within noise, so no percentage (+25% would say
    // more than nine offences can).
    expect(table.get('Abingdon')?.Change).toBe('+1 ▲');
    // London: the 5 cluster wards (60) share 1st; 686 wards outside the borough have 10; the 12
    // other RBKC wards with 5 come next, after 5 + 686 = 691 wards: 692nd; Pembridge (3) is last.
    expect(table.get('Golborne')?.['London rank']).toBe('1st of 704');
    expect(table.get('Abingdon')?.['London rank']).toBe('692nd of 704');
    expect(table.get('Pembridge')?.['London rank']).toBe('704th of 704');
    // The biggest rises are the cluster's.
    await openDetail(page, 'Biggest changes');
    const rises = await page
      .locator('.biggest-changes ol')
      .first()
      .locator('li button')
      .allTextContents();
    expect(rises.slice(0, 5).sort()).toEqual([...CLUSTER].sort());

    await setPublication(page, true);
    const published = await tableByHeader(page);
    // Pembridge's 3 and Abingdon's change from 4 are hidden; Golborne's figures stay.
    expect(published.get('Pembridge')?.Count).toBe('<5');
    expect(published.get('Pembridge')?.['Rate per 1,000']).toBe('–');
    expect(published.get('Abingdon')?.Change).toBe('–');
    expect(published.get('Golborne')?.Count).toBe('60');
    expect(new URL(page.url()).searchParams.get('publication')).toBe('1');
    await page.context().close();
  });

  it('ranks wards across themes on the Priorities page and picks out the top N of every theme', async () => {
    const { page } = await openDashboard(browser);
    await loadPlantedCluster(page);
    await goTo(page, 'Priorities');
    await page.getByLabel('Top N').fill('5');
    // The cluster leads both themes (robbery 60, knife crime 30): ranks 1 in both, score 1.
    await expect(page.locator('.leaders').textContent()).resolves.toBe(
      `In the top 5 of every theme: ${[...CLUSTER].sort((a, b) => a.localeCompare(b, 'en-GB')).join(', ')}.`,
    );
    const table = page.getByRole('table', { name: /^Priorities in Kensington and Chelsea/ });
    const rows = table.locator('tbody tr');
    // The five cluster wards share the first priority: "=1", ranks "=1" in both themes (60
    // robberies, 30 knife crimes each), score 1.0, in the top 5 of 2 of 2 themes.
    for (let row = 0; row < 5; row += 1) {
      const cells = rows.nth(row).locator('td');
      await expect(cells.first().textContent()).resolves.toBe('=1');
      await expect(rows.nth(row).locator('.theme-rank').allTextContents()).resolves.toEqual([
        '=1',
        '=1',
      ]);
      await expect(cells.nth(-2).textContent()).resolves.toBe('1.0');
      await expect(cells.last().textContent()).resolves.toBe('2 of 2');
    }
    await expect(rows.first().locator('.theme-figures').first().textContent()).resolves.toMatch(
      /^60 · /,
    );
    await page.context().close();
  });

  it('changes the class method, shows trends for a ward, and explains every figure', async () => {
    const { page } = await openDashboard(browser);
    await page
      .getByLabel('Classes', { exact: true })
      .selectOption({ label: 'Natural breaks (Jenks)' });
    await page.getByLabel('Number of classes').selectOption('3');
    await expect(page.locator('.legend figcaption').textContent()).resolves.toBe(
      'Number of offences (classes: Natural breaks (Jenks))',
    );
    const counts = (await page.locator('.legend .legend-count').allTextContents()).map((text) =>
      Number.parseInt(text, 10),
    );
    // Three classes holding the 18 wards between them.
    expect(counts).toHaveLength(3);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(18);
    expect(new URL(page.url()).searchParams.get('classes')).toBe('natural-breaks-3');

    await (await wardTable(page)).getByRole('button', { name: 'Golborne' }).click();
    await openDetail(page, 'Trends');
    const charts = page.getByRole('region', { name: 'Monthly trends' }).getByRole('img');
    // One chart per serious-violence theme of the demo data: youth violence, domestic abuse, sexual violence.
    await expect.poll(() => charts.count()).toBe(3);
    await expect(charts.first().getAttribute('aria-label')).resolves.toMatch(
      /^.+: Golborne had [\d,]+ offences from /,
    );

    await goTo(page, 'How figures are computed');
    await expect(
      page.getByRole('heading', { name: 'How figures are computed' }).isVisible(),
    ).resolves.toBe(true);
    await expect(page.getByRole('heading', { name: 'Hot spots' }).isVisible()).resolves.toBe(true);
    expect(new URL(page.url()).searchParams.get('page')).toBe('methods');
    await page.context().close();
  });
});
