/**
 * Share and export in real Chromium: the one-page briefing (content, and a PDF of exactly one A4
 * landscape page), the ward table as CSV, the map as PNG, and "Copy link".
 */
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  appUrl,
  countPixelsNear,
  launchBrowser,
  type OpenedPage,
  openDashboard,
  openMenu,
  type Rgb,
  waitForDashboard,
  wardTable,
} from './browser.ts';
import { demoMonths, expectedDemoCounts, RBKC_CODES, RBKC_WARD_NAMES } from './expectations.ts';
import { download as downloadFile, parseCsv } from './files.ts';

let browser: Browser;
let opened: OpenedPage;

beforeAll(async () => {
  browser = await launchBrowser();
  opened = await openDashboard(browser, '', {
    viewport: { width: 1400, height: 1000 },
    permissions: ['clipboard-read', 'clipboard-write'],
    acceptDownloads: true,
  });
});

afterAll(async () => {
  await browser?.close();
});

const EXPORT_PUBLICATION = 'Publication mode (hide counts of 1 to 4)';

/** Downloads one of the exports, which are in the Share menu. */
async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  await openMenu(page, 'Share');
  return downloadFile(page, button);
}

/** The ward table's CSV: its header and its rows by ward name. */
async function downloadCsv(
  page: Page,
): Promise<{ name: string; bytes: Buffer; header: string[]; rows: Map<string, string[]> }> {
  const { name, bytes } = await download(page, 'Download ward table (CSV)');
  const [header = [], ...rows] = parseCsv(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  return { name, bytes, header, rows: new Map(rows.map((row) => [row[1] as string, row])) };
}

/** Ward name -> the cells of its row in the table on screen (name first). */
async function screenRows(page: Page): Promise<Map<string, string[]>> {
  const rows = await (await wardTable(page)).locator('tbody tr').evaluateAll((elements) =>
    elements.map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) => {
        // The change cells hold words for screen readers and the figures shown: keep the latter.
        const shown = cell.querySelector('[aria-hidden="true"]');
        return ((shown ?? cell).textContent ?? '').trim();
      }),
    ),
  );
  return new Map(rows.map((row) => [row[0] as string, row]));
}

const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
const monthLabel = (key: string) => `${MONTHS[Number(key.slice(5)) - 1]} ${key.slice(0, 4)}`;

describe('ward table as CSV', () => {
  it('hides counts of 1 to 4 by default, whatever the screen shows, and not when unticked', async () => {
    const { page } = opened;
    const month = demoMonths().last;
    await page.goto(appUrl(`?theme=domestic_abuse&from=${month}&to=${month}`));
    await waitForDashboard(page);
    const expected = expectedDemoCounts({ theme: 'domestic_abuse', from: month, to: month });
    const small = RBKC_WARD_NAMES.filter((name) => {
      const count = expected.get(RBKC_CODES[name] as string) ?? 0;
      return count >= 1 && count <= 4;
    });
    const large = RBKC_WARD_NAMES.filter(
      (name) => (expected.get(RBKC_CODES[name] as string) ?? 0) >= 5,
    );
    // The demo's domestic abuse in one month has both (checked here so the test cannot pass empty).
    expect(small.length).toBeGreaterThan(0);
    expect(large.length).toBeGreaterThan(0);

    // On screen, publication mode is off: the table shows the small counts.
    await openMenu(page, 'Settings');
    expect(
      await page.getByRole('checkbox', { name: /^Publication mode: show counts/ }).isChecked(),
    ).toBe(false);
    const screen = await screenRows(page);
    await openMenu(page, 'Share');
    const exportPublication = page.getByRole('checkbox', { name: EXPORT_PUBLICATION });
    expect(await exportPublication.isChecked()).toBe(true);

    const published = await downloadCsv(page);
    expect(published.name).toBe(
      `wards_kensington-and-chelsea_domestic-abuse_${month}_to_${month}_count.csv`,
    );
    // One month: rates per 1,000 per year.
    const rateColumn = published.header.indexOf('Rate per 1,000 residents (2021) per year');
    expect(rateColumn).toBe(4);
    for (const name of small) {
      const row = published.rows.get(name) as string[];
      expect(screen.get(name)?.[1]).toBe(String(expected.get(RBKC_CODES[name] as string)));
      expect(row[3]).toBe('<5');
      // The rate and the interval built on the count are blank.
      expect(row.slice(4, 7)).toEqual(['', '', '']);
    }
    for (const name of large) {
      expect(published.rows.get(name)?.[3]).toBe(String(expected.get(RBKC_CODES[name] as string)));
    }

    await openMenu(page, 'Share');
    await exportPublication.uncheck();
    const open = await downloadCsv(page);
    for (const name of small) {
      const row = open.rows.get(name) as string[];
      expect(row[3]).toBe(String(expected.get(RBKC_CODES[name] as string)));
      expect(row[4]).toBe(screen.get(name)?.[2]);
    }
    await openMenu(page, 'Share');
    await exportPublication.check();
  });

  it('has every ward with the figures of the table, a byte order mark and no formula cells', async () => {
    const { page } = opened;
    await page.goto(appUrl());
    await waitForDashboard(page);
    const screen = await screenRows(page);
    const { bytes, header, rows } = await downloadCsv(page);

    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(header.slice(0, 4)).toEqual(['Ward code', 'Ward', 'Borough', 'Count']);
    expect(rows.size).toBe(RBKC_WARD_NAMES.length);
    expect([...rows.keys()].sort()).toEqual([...RBKC_WARD_NAMES].sort());

    const change = header.findIndex((name) => name.startsWith('Change against '));
    // The screen writes falls with the minus sign "−", the file with the hyphen-minus.
    const signed = (value: string) =>
      value.startsWith('-') ? `−${value.slice(1)}` : Number(value) === 0 ? value : `+${value}`;
    let falls = 0;
    for (const [name, row] of rows) {
      const shown = screen.get(name) as string[];
      expect(row[0]).toBe(RBKC_CODES[name]);
      // Count, rate and rank as on screen (the screen groups thousands: "1,234").
      expect(row[3]).toBe(shown[1]?.replace(/,/g, ''));
      expect(row[4]).toBe(shown[2]);
      // Ranks: "=3" on screen for a tie, 3 in the file (where equal ranks are ties).
      expect(row[7]).toBe(shown[3]?.replace('=', ''));
      // Change: "−10", "−4.7" in the file; "−10 (−4.7%) ▼" on screen.
      const [absolute = '', percent = ''] = row.slice(change, change + 2);
      expect(shown[6]).toContain(
        `${signed(absolute)}${percent === '' ? '' : ` (${signed(percent)}%)`}`,
      );
      if (absolute.startsWith('-')) falls += 1;
    }
    // Falls are plain negative numbers, which spreadsheets read as numbers; no cell starts a
    // formula.
    expect(falls).toBeGreaterThan(0);
    for (const row of [header, ...rows.values()]) {
      for (const cell of row) {
        expect(cell).not.toMatch(/^[=+@\t\r]/);
        if (cell.startsWith('-')) expect(cell).toMatch(/^-\d+(\.\d+)?$/);
      }
    }
  });
});

describe('map as PNG', () => {
  it('is a PNG of 2400 × 1600 pixels with the ward colours of every class', async () => {
    const { page } = opened;
    const { name, bytes } = await download(page, 'Download map (PNG)');
    expect(name).toMatch(/^map_kensington-and-chelsea_all_\d{4}-\d{2}_to_\d{4}-\d{2}_count\.png$/);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const png = PNG.sync.read(bytes);
    expect([png.width, png.height]).toEqual([2400, 1600]);
    // Quantile classes of five: ColorBrewer YlOrRd 5. The legend swatch of a class is 60 × 48
    // pixels at this scale; wards of the class fill far more than that.
    const classColours: Rgb[] = [
      [0xff, 0xff, 0xb2],
      [0xfe, 0xcc, 0x5c],
      [0xfd, 0x8d, 0x3c],
      [0xf0, 0x3b, 0x20],
      [0xbd, 0x00, 0x26],
    ];
    for (const colour of classColours)
      expect(countPixelsNear(png, colour, 2)).toBeGreaterThan(10_000);
  });
});

describe('copy link', () => {
  it('puts the address of the view on the clipboard and says so', async () => {
    const { page } = opened;
    await openMenu(page, 'Share');
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByRole('status').filter({ hasText: 'Link copied' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(page.url());
    // The link carries the view.
    const view = new URL(copied).searchParams;
    expect(view.get('theme')).toBe('all');
    expect(view.get('measure')).toBe('count');
    expect(view.get('from')).toMatch(/^\d{4}-\d{2}$/);
    expect(view.get('to')).toMatch(/^\d{4}-\d{2}$/);
  });

  it('selects the address in a field when the clipboard is not available', async () => {
    const { page } = opened;
    await page.evaluate(() =>
      Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true }),
    );
    await openMenu(page, 'Share');
    await page.getByRole('button', { name: 'Copy link' }).click();
    const field = page.getByRole('textbox', { name: 'Link to this view' });
    expect(await field.inputValue()).toBe(page.url());
    expect(
      await field.evaluate(
        (input: HTMLInputElement) =>
          input.readOnly &&
          document.activeElement === input &&
          input.selectionStart === 0 &&
          input.selectionEnd === input.value.length,
      ),
    ).toBe(true);
    await page.getByRole('status').filter({ hasText: 'copy it with Ctrl+C' }).waitFor();
  });
});

describe('briefing', () => {
  it('offers labelled buttons of at least 44 px', async () => {
    const { page } = opened;
    await openMenu(page, 'Share');
    for (const name of [
      'Export briefing',
      'Download map (PNG)',
      'Download ward table (CSV)',
      'Copy link',
    ]) {
      const box = await page.getByRole('button', { name }).boundingBox();
      expect(box?.height).toBeGreaterThanOrEqual(44);
      expect(box?.width).toBeGreaterThanOrEqual(44);
    }
  });

  it('opens from the dashboard by keyboard with the view, top 10, hours, sources and time', async () => {
    const { page } = opened;
    const screen = await screenRows(page);
    const search = new URL(page.url()).searchParams;
    const period = `${monthLabel(search.get('from') as string)} to ${monthLabel(search.get('to') as string)}`;
    await openMenu(page, 'Share');
    await page.getByRole('button', { name: 'Export briefing' }).focus();
    await page.keyboard.press('Enter');
    const sheet = page.getByRole('article', {
      name: 'Briefing: All serious violence in Kensington and Chelsea',
    });
    await sheet.waitFor();
    expect(new URL(page.url()).searchParams.get('page')).toBe('briefing');

    const facts = await sheet
      .locator('dl > div')
      .evaluateAll((entries) =>
        entries.map((entry) => [
          entry.querySelector('dt')?.textContent ?? '',
          entry.querySelector('dd')?.textContent ?? '',
        ]),
      );
    const fact = new Map(facts as [string, string][]);
    expect(fact.get('Area')).toBe('Kensington and Chelsea');
    expect(fact.get('Theme')).toMatch(/^All serious violence\. The serious-violence themes/);
    expect(fact.get('Period')).toBe(period);
    expect(fact.get('Measure')).toBe('Number of offences; wards ranked by count');
    const today = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'Europe/London',
    }).format(new Date());
    expect(fact.get('Generated')).toMatch(new RegExp(`^${today} at \\d{2}:\\d{2} (GMT|BST)$`));
    await sheet
      .getByText(
        'Publication mode was applied: counts of 1 to 4 are shown as “<5”, and the rates and changes built on them are hidden.',
      )
      .waitFor();
    await sheet.getByText('Synthetic demo data: not real offences.').waitFor();

    // The first ten wards of the table sorted by rank, as the table on screen sorts them.
    const top = await sheet
      .getByRole('table', { name: /^Top 10 wards/ })
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) =>
          [...row.querySelectorAll('th, td')].map((cell) => {
            const shown = cell.querySelector('[aria-hidden="true"]');
            return ((shown ?? cell).textContent ?? '').trim();
          }),
        ),
      );
    expect(top).toHaveLength(10);
    const firstTen = [...screen.values()].slice(0, 10);
    expect(top.map(([rank, name, count, rate]) => [name, count, rate, rank])).toEqual(
      firstTen.map(([name, count, rate, rank]) => [name, count, rate, rank]),
    );
    // The change column (after count, rate and interval) is the table's change.
    expect(top.map((row) => row[5])).toEqual(firstTen.map((row) => row[6]));
    // Each of the first five wards has its reasons, from its statistics.
    const reasons = await sheet
      .getByRole('region', { name: 'Why these wards' })
      .locator('li')
      .allTextContents();
    expect(reasons.map((reason) => reason.split(':')[0])).toEqual(
      firstTen.slice(0, 5).map(([name]) => name),
    );
    // The marking chosen is printed at the top and the foot of the sheet.
    await page.getByLabel('Protective marking').selectOption('OFFICIAL-SENSITIVE');
    await expect(sheet.locator('.briefing-marking').allTextContents()).resolves.toEqual([
      'OFFICIAL-SENSITIVE',
      'OFFICIAL-SENSITIVE',
    ]);
    // Ward names on its map.
    for (const name of RBKC_WARD_NAMES.slice(0, 3))
      expect(await sheet.locator('figure svg[role="img"]').textContent()).toContain(name);

    const hours = sheet.getByRole('table', { name: /^When offences happen/ });
    expect(await hours.locator('tbody tr').count()).toBe(7);
    expect(await hours.locator('tbody td').count()).toBe(7 * 24);

    const map = sheet.locator('figure svg[role="img"]');
    expect(await map.locator('path').count()).toBe(RBKC_WARD_NAMES.length);
    expect(await map.textContent()).toContain(
      'Contains OS data © Crown copyright and database right 2024; ONS, OGL v3',
    );
    expect(await map.textContent()).toContain('North is up.');

    const sources = await sheet.locator('footer').textContent();
    expect(sources).toContain('Data sources');
    expect(sources).toContain('synthetic demo data made by this project');
    expect(sources).toContain('Census 2021 usual residents');
    expect(sources).toContain('Ward boundaries: Office for National Statistics');
    expect(sources).toContain('Open Government Licence');
  });

  it('has no accessibility violations', async () => {
    // axe is injected as a script, which the app's Content-Security-Policy rightly refuses: this
    // check alone runs in a context that bypasses it.
    const { page } = await openDashboard(browser, '', {
      viewport: { width: 1400, height: 1000 },
      bypassCSP: true,
    });
    await openMenu(page, 'Share');
    await page.getByRole('button', { name: 'Export briefing' }).click();
    await page.getByRole('article', { name: /^Briefing: / }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('prints as exactly one A4 landscape page', async () => {
    const { page } = opened;
    const pdf = (await page.pdf({ format: 'A4', landscape: true, printBackground: true })).toString(
      'latin1',
    );
    // Page objects, not the /Pages tree.
    expect(pdf.match(/\/Type\s*\/Page(?![a-zA-Z])/g)).toHaveLength(1);
    const mediaBox = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf);
    // A4 landscape is 297 × 210 mm = 842 × 595 pt; Chromium rounds the page to whole CSS
    // pixels and writes 842.88 × 595.92.
    expect(Math.abs(Number(mediaBox?.[1]) - 842)).toBeLessThan(1);
    expect(Math.abs(Number(mediaBox?.[2]) - 595)).toBeLessThan(1);
  });

  it('prints from its button and goes back to the dashboard', async () => {
    const { page } = opened;
    await page.evaluate(() => {
      window.print = () => document.body.setAttribute('data-printed', 'yes');
    });
    await page.getByRole('button', { name: 'Print or save as PDF' }).click();
    expect(await page.locator('body').getAttribute('data-printed')).toBe('yes');
    for (const name of ['Print or save as PDF', 'Back to the dashboard']) {
      const box = await page.getByRole('button', { name }).boundingBox();
      expect(box?.height).toBeGreaterThanOrEqual(44);
    }
    await page.getByRole('button', { name: 'Back to the dashboard' }).click();
    await waitForDashboard(page);
    expect(new URL(page.url()).searchParams.has('page')).toBe(false);
    expect(opened.errors).toEqual([]);
  });
});
