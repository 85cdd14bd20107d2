/**
 * The tasking view fits one screen for each of its users: at 1440 × 900 (a desktop or a
 * projector), 1024 × 768 with touch (a tablet) and 390 × 844 with touch (a phone) the map, its
 * legend, the filters in force and the wards to look at are on the first screen, with nothing
 * to scroll; axe finds nothing; meeting mode walks the list by keyboard. The header is one row,
 * every filter chip is in sight (none scrolled away), the docked filters fold to a rail that
 * gives the map their room, a phone's sheet keeps its buttons off the list, Priorities shows its
 * ranked wards and Services its map on the first screen. And the tasking meeting
 * itself, from the MPS ward file: "last 3 months against the 3 before", the five wards to
 * prioritise with their reasons, and the briefing as it comes. Expected wards and counts are
 * worked out here from the file's rows.
 */
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';

type Box = { x: number; y: number; width: number; height: number };

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPageCount, pdfText } from '../support/pdfText.ts';
import {
  accessibilityViolations,
  appUrl,
  launchBrowser,
  openDashboard,
  openMenu,
  wardTable,
} from './browser.ts';
import { RBKC_CODES } from './expectations.ts';
import { download } from './files.ts';
import { geodataPath, RECENT_24M, wardCrimeByWard } from './rawFiles.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const SIZES: { name: string; options: BrowserContextOptions; wards: number }[] = [
  { name: 'desktop 1440 × 900', options: { viewport: { width: 1440, height: 900 } }, wards: 5 },
  {
    name: 'tablet 1024 × 768',
    options: {
      viewport: { width: 1024, height: 768 },
      hasTouch: true,
      isMobile: true,
      deviceScaleFactor: 1,
    },
    wards: 5,
  },
  // A phone's sheet shows the area's total and the first three wards before it is pulled up.
  {
    name: 'phone 390 × 844',
    options: {
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
      deviceScaleFactor: 1,
    },
    wards: 3,
  },
];

/** Whether the whole of an element's box is inside the window, with the page unscrolled. */
async function onFirstScreen(page: Page, element: Locator): Promise<boolean> {
  const box = await element.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) return false;
  const scrolled = await page.evaluate(() => window.scrollX !== 0 || window.scrollY !== 0);
  return (
    !scrolled &&
    box.width > 0 &&
    box.height > 0 &&
    box.x >= 0 &&
    box.y >= 0 &&
    box.x + box.width <= viewport.width + 0.5 &&
    box.y + box.height <= viewport.height + 0.5
  );
}

/** How many rows the header's controls take: a control whose top is below the bottom of the row
 * so far starts another. */
async function headerRows(page: Page): Promise<number> {
  return page.evaluate(() => {
    const boxes = [
      ...document.querySelectorAll('.app-header :is(h1, button, .button-like, .data-badge)'),
    ]
      .map((element) => element.getBoundingClientRect())
      .filter((box) => box.width > 0 && box.height > 0)
      .sort((a, b) => a.top - b.top);
    let rows = 0;
    let rowBottom = Number.NEGATIVE_INFINITY;
    for (const box of boxes) {
      if (box.top >= rowBottom) rows += 1;
      rowBottom = Math.max(rowBottom, box.bottom);
    }
    return rows;
  });
}

/** Every filter chip wholly on the screen and inside the chips' list, which scrolls nothing away. */
async function chipsInSight(page: Page): Promise<string[]> {
  const list = page.getByRole('list', { name: 'Filters in force' });
  const out: string[] = [];
  if (await list.evaluate((element) => element.scrollWidth > element.clientWidth + 0.5))
    out.push('the list scrolls sideways');
  const listBox = await list.boundingBox();
  for (const chip of await list.locator('li').all()) {
    const text = (await chip.textContent())?.trim() ?? '';
    const box = await chip.boundingBox();
    if (!(await onFirstScreen(page, chip))) out.push(`${text}: off the screen`);
    else if (
      !listBox ||
      !box ||
      box.x < listBox.x - 0.5 ||
      box.x + box.width > listBox.x + listBox.width + 0.5
    )
      out.push(`${text}: outside the list`);
  }
  return out;
}

const wardsList = (page: Page) =>
  page.getByRole('region', { name: 'Wards to look at' }).locator('.ward-list > li');

describe('the first screen', () => {
  for (const size of SIZES) {
    it(`holds the map, its legend, the filters and the wards to look at: ${size.name}`, async () => {
      const { page, errors } = await openDashboard(browser, '', {
        ...size.options,
        bypassCSP: true,
      });
      expect(await headerRows(page), 'rows of the header').toBe(1);
      await expect(
        page.getByRole('list', { name: 'Filters in force' }).locator('li').count(),
      ).resolves.toBe(3);
      expect(await chipsInSight(page)).toEqual([]);
      const parts: [string, Locator][] = [
        ['map', page.locator('.ward-map')],
        ['legend', page.locator('.map-stage .legend')],
        ['filters in force', page.getByRole('list', { name: 'Filters in force' })],
        ['wards heading', page.getByRole('heading', { name: 'Wards to look at' })],
      ];
      await expect(wardsList(page).count()).resolves.toBe(size.wards);
      for (let ward = 0; ward < size.wards; ward += 1)
        parts.push([`ward ${ward + 1}`, wardsList(page).nth(ward)]);
      for (const [name, element] of parts)
        expect(await onFirstScreen(page, element), `${name} on the first screen`).toBe(true);
      // The legend is on the map.
      const map = await page.locator('.ward-map').boundingBox();
      const legend = await page.locator('.map-stage .legend').boundingBox();
      expect(map && legend && legend.x >= map.x && legend.y >= map.y).toBe(true);
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      ).toBe(true);
      expect(await accessibilityViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  for (const size of SIZES) {
    it(`keeps every filter in force in sight, seven of them: ${size.name}`, async () => {
      // Area, theme, period, hours picked on the heatmap, a ward, the rate, publication mode.
      const { page, errors } = await openDashboard(
        browser,
        `?theme=domestic_abuse&period=last-3-months&hours=18-21&day=Fri&ward=${RBKC_CODES.Golborne}&measure=rate&publication=1`,
        size.options,
      );
      await expect(
        page.getByRole('list', { name: 'Filters in force' }).locator('li').count(),
      ).resolves.toBe(7);
      expect(await chipsInSight(page)).toEqual([]);
      expect(await onFirstScreen(page, page.locator('.ward-map'))).toBe(true);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  it('folds the docked filters to a rail on a desktop, and the map takes their room', async () => {
    const { page } = await openDashboard(browser, '', SIZES[0]?.options);
    const map = page.locator('.ward-map');
    const canvas = page.locator('.ward-map canvas.maplibregl-canvas');
    const docked = await map.boundingBox();
    await page.getByRole('button', { name: 'Hide filters and map' }).click();
    await expect(page.locator('.filters-dock').count()).resolves.toBe(0);
    const rail = page.getByRole('button', { name: 'Show filters and map' });
    expect(await onFirstScreen(page, rail)).toBe(true);
    const railBox = await page.locator('.filters-rail').boundingBox();
    // A narrow rail, not nothing: the map starts where the rail ends.
    expect(railBox && railBox.width > 0 && railBox.width < 80).toBe(true);
    await expect
      .poll(async () => (await map.boundingBox())?.x)
      .toBeCloseTo((railBox?.x ?? 0) + (railBox?.width ?? 0), 0);
    const folded = await map.boundingBox();
    expect((folded?.width ?? 0) - (docked?.width ?? 0)).toBeGreaterThan(200);
    // MapLibre resized its canvas to the wider map, rather than stretching the old one.
    await expect
      .poll(async () => (await canvas.boundingBox())?.width)
      .toBeCloseTo(folded?.width ?? 0, 0);
    await expect
      .poll(() => canvas.evaluate((element) => (element as HTMLCanvasElement).width))
      .toBe(Math.round(folded?.width ?? 0));
    await rail.click();
    await expect(page.locator('.filters-dock').isVisible()).resolves.toBe(true);
    await expect
      .poll(async () => (await map.boundingBox())?.width)
      .toBeCloseTo(docked?.width ?? 0, 0);
    await page.context().close();
  });

  it("keeps the details buttons of a phone's sheet under the list, not over it", async () => {
    const { page } = await openDashboard(browser, '', SIZES[2]?.options);
    const tabs = await page.getByRole('navigation', { name: 'Details' }).boundingBox();
    const last = await wardsList(page).last().boundingBox();
    expect(tabs && last && tabs.y >= last.y + last.height - 0.5).toBe(true);
    expect(await onFirstScreen(page, page.getByRole('navigation', { name: 'Details' }))).toBe(true);
    // A detail takes the sheet; the handle goes back to the list.
    await wardTable(page);
    await page.getByRole('button', { name: 'Back to the list' }).click();
    await expect(wardsList(page).count()).resolves.toBe(3);
    await page.context().close();
  });

  for (const size of SIZES.slice(0, 2))
    it(`shows the ranked wards of Priorities and the map of Services on the first screen: ${size.name}`, async () => {
      const { page, errors } = await openDashboard(browser, '', size.options);
      await page.goto(appUrl('?page=priorities'));
      const rows = page
        .getByRole('table', { name: /^Priorities in Kensington and Chelsea/ })
        .locator('tbody tr');
      await rows.first().waitFor();
      expect(await headerRows(page), 'rows of the header').toBe(1);
      for (let row = 0; row < 5; row += 1)
        expect(await onFirstScreen(page, rows.nth(row)), `row ${row + 1}`).toBe(true);
      // Every column of the table in sight, none scrolled away.
      const scroll = page.locator('.priorities-ranked .table-scroll');
      expect(await scroll.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(
        true,
      );
      // Why the first five are there, in the table's order (top N is 5 by default).
      const firstFive = (await rows.locator('th').allTextContents()).slice(0, 5);
      const reasons = await page
        .getByRole('region', { name: /^Why these wards/ })
        .locator('li')
        .allTextContents();
      expect(reasons.map((reason) => reason.split(':')[0])).toEqual(firstFive);
      expect(reasons[0]).toMatch(/: \d[\d,]* offences in /);
      // A commissioner's first screen: where need is, on the map, with the settings beside it.
      await page.goto(appUrl('?page=services'));
      const servicesMap = page.getByRole('region', { name: 'Map of services and gaps' });
      await servicesMap.locator('.ward-map').waitFor();
      // Once the kept data has loaded (its progress bar shows under the header while it reads).
      await expect.poll(() => page.locator('.loading').count()).toBe(0);
      expect(await headerRows(page), 'rows of the header').toBe(1);
      expect(await onFirstScreen(page, servicesMap.locator('.ward-map'))).toBe(true);
      expect(
        await onFirstScreen(page, page.getByRole('heading', { name: /^Services against need/ })),
      ).toBe(true);
      expect(errors).toEqual([]);
      await page.context().close();
    });

  /** Whether two boxes share any area. */
  const overlap = (a: Box, b: Box) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

  for (const size of SIZES)
    it(`lays the Services legend on its map, clear of the zoom buttons: ${size.name}`, async () => {
      const { page, errors } = await openDashboard(browser, '', size.options);
      await page.goto(appUrl('?page=services'));
      await page.waitForFunction(() => performance.getEntriesByName('choropleth-painted').length);
      await expect.poll(() => page.locator('.loading').count()).toBe(0);
      const map = page
        .getByRole('region', { name: 'Map of services and gaps' })
        .locator('.ward-map');
      const keys = page.locator('.services-map .map-keys');
      const legends = [
        keys.getByRole('figure', { name: /^Number of offences/ }),
        keys.getByRole('figure', { name: 'Services, reach and gaps' }),
      ];
      for (const element of [map, keys, ...legends])
        expect(await onFirstScreen(page, element)).toBe(true);
      const mapBox = await map.boundingBox();
      const keysBox = await keys.boundingBox();
      const zoom = await page.locator('.services-map .maplibregl-ctrl-top-right').boundingBox();
      if (!mapBox || !keysBox || !zoom) throw new Error('no map, legend or zoom buttons');
      // Inside the map's box, and not over the zoom buttons.
      expect(keysBox.x >= mapBox.x && keysBox.y >= mapBox.y).toBe(true);
      expect(keysBox.x + keysBox.width <= mapBox.x + mapBox.width).toBe(true);
      expect(keysBox.y + keysBox.height <= mapBox.y + mapBox.height).toBe(true);
      expect(overlap(keysBox, zoom)).toBe(false);
      expect(await accessibilityViolations(page)).toEqual([]);
      // Folded away to see the map under it, and back.
      await page.getByRole('button', { name: 'Hide legend' }).click();
      for (const legend of legends) await expect(legend.isVisible()).resolves.toBe(false);
      const show = page.getByRole('button', { name: 'Show legend' });
      await expect(show.getAttribute('aria-expanded')).resolves.toBe('false');
      await show.click();
      for (const legend of legends) await expect(legend.isVisible()).resolves.toBe(true);
      expect(errors).toEqual([]);
      await page.context().close();
    });

  /** What scrolls sideways: the page itself, or any box in it that scrolls its content across. */
  const sidewaysScrolls = (page: Page) =>
    page.evaluate(() => {
      const out: string[] = [];
      if (document.documentElement.scrollWidth > window.innerWidth) out.push('the page');
      for (const element of document.querySelectorAll('main *')) {
        const { overflowX } = getComputedStyle(element);
        if (
          (overflowX === 'auto' || overflowX === 'scroll') &&
          element.scrollWidth > element.clientWidth + 1
        )
          out.push(element.className || element.tagName);
      }
      return out;
    });

  for (const size of SIZES.slice(1))
    it(`scrolls nothing sideways on Priorities and the briefing: ${size.name}`, async () => {
      const { page, errors } = await openDashboard(browser, '', size.options);
      await page.goto(appUrl('?page=priorities'));
      const ranking = page.getByRole(size.name.startsWith('phone') ? 'list' : 'table', {
        name: /^Priorities in Kensington and Chelsea/,
      });
      await ranking.waitFor();
      expect(await sidewaysScrolls(page)).toEqual([]);
      expect(await accessibilityViolations(page)).toEqual([]);
      if (!size.name.startsWith('phone')) {
        // A narrow tablet wraps the longer ward names: each line starts at the left, as the
        // other text cells do, rather than centred under the one before.
        await page.setViewportSize({ width: 760, height: 900 });
        const lineStarts = await ranking.locator('tbody th button').evaluateAll((buttons) =>
          buttons.flatMap((button) => {
            const range = document.createRange();
            range.selectNodeContents(button);
            const lines = [...range.getClientRects()].map((line) => Math.round(line.left));
            return lines.length > 1 ? [lines] : [];
          }),
        );
        expect(lineStarts.length).toBeGreaterThan(0);
        for (const starts of lineStarts) expect(new Set(starts).size).toBe(1);
        await page.setViewportSize(size.options.viewport ?? { width: 1024, height: 768 });
      }
      // The A4 sheet is drawn smaller to fit the width; the PDF keeps the page's size.
      await page.goto(appUrl('?page=briefing'));
      const sheet = page.locator('.briefing-sheet');
      await sheet.waitFor();
      await expect.poll(() => sidewaysScrolls(page)).toEqual([]);
      const box = await sheet.boundingBox();
      const width = page.viewportSize()?.width ?? 0;
      expect(box && box.x >= 0 && box.x + box.width <= width).toBe(true);
      expect(await accessibilityViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.context().close();
    });

  it('keeps the close button of the load reports inside them on the briefing', async () => {
    const { page } = await openDashboard(browser, '', SIZES[0]?.options);
    await page.getByLabel('Load data').setInputFiles(MPS_FILE);
    await expect.poll(() => page.locator('.data-badge').textContent()).toBe(`Data: ${RECENT_24M}`);
    expect(await headerRows(page), 'rows of the header').toBe(1);
    await openMenu(page, 'Share');
    await page.getByRole('button', { name: 'Export briefing' }).click();
    const reports = page.getByRole('region', { name: 'Loaded files' });
    const close = page.getByRole('button', { name: 'Close the reports of loaded files' });
    const box = await reports.boundingBox();
    const closeBox = await close.boundingBox();
    expect(
      box &&
        closeBox &&
        closeBox.y >= box.y &&
        closeBox.y + closeBox.height <= box.y + box.height &&
        closeBox.x + closeBox.width <= box.x + box.width,
    ).toBe(true);
    // What follows the reports starts below them.
    const next = await page.getByRole('button', { name: 'Download PDF' }).boundingBox();
    expect(box && next && next.y >= box.y + box.height).toBe(true);
    await close.click();
    await expect(reports.count()).resolves.toBe(0);
    await page.context().close();
  });

  it('keeps the map on the screen while the details are open', async () => {
    const { page } = await openDashboard(browser, '', SIZES[0]?.options);
    const before = await page.locator('.ward-map').boundingBox();
    for (const detail of ['When', 'Trends', 'Ward table', 'Biggest changes']) {
      await page
        .getByRole('navigation', { name: 'Details' })
        .getByRole('button', { name: detail, exact: true })
        .click();
      await expect(page.locator('.ward-map').boundingBox()).resolves.toEqual(before);
      expect(await onFirstScreen(page, page.locator('.ward-map'))).toBe(true);
    }
    await page.context().close();
  });

  it('walks the wards to look at in meeting mode with the N key, in larger type', async () => {
    const { page } = await openDashboard(browser, '', SIZES[0]?.options);
    const names = (await wardsList(page).locator('.ward-name').allTextContents()).map((name) =>
      name.trim(),
    );
    const normal = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    await page.getByRole('button', { name: 'Meeting mode' }).click();
    await expect(
      page.getByRole('button', { name: 'Meeting mode' }).getAttribute('aria-pressed'),
    ).resolves.toBe('true');
    const meeting = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    expect(Number.parseFloat(meeting)).toBeGreaterThan(Number.parseFloat(normal));
    // The filters fold away; the list and the legend stay.
    await expect(page.locator('.filters-dock').count()).resolves.toBe(0);
    await expect(page.locator('.map-stage .legend').isVisible()).resolves.toBe(true);
    await page.locator('body').focus();
    await page.keyboard.press('n');
    await expect.poll(() => page.locator('.ward-panel h2').textContent()).toBe(names[0]);
    await page.keyboard.press('n');
    await expect.poll(() => page.locator('.ward-panel h2').textContent()).toBe(names[1]);
    expect(new URL(page.url()).searchParams.get('meeting')).toBe('1');
    await page.context().close();
  });
});

/** The MPS ward file of the last 24 months, cut to a few boroughs. */
const MPS_FILE = geodataPath(RECENT_24M);

/** The file's serious-violence themes: the groups "All serious violence" adds up. */
const SERIOUS_VIOLENCE = [
  'sexual_violence',
  'violence_with_injury',
  'robbery',
  'possession_of_weapons',
];

/** Serious-violence offences per ward name of Kensington and Chelsea in the file, months
 * from..to (YYYY-MM). */
function seriousViolence(from: string, to: string): Map<string, number> {
  const names = new Map(Object.entries(RBKC_CODES).map(([name, code]) => [code, name]));
  const totals = new Map<string, number>();
  for (const theme of SERIOUS_VIOLENCE) {
    for (const [code, count] of wardCrimeByWard(
      [RECENT_24M],
      theme,
      from,
      to,
      'Kensington and Chelsea',
    )) {
      const name = names.get(code) ?? code;
      totals.set(name, (totals.get(name) ?? 0) + count);
    }
  }
  return totals;
}

describe('a tasking meeting on the MPS ward file', () => {
  // The file ends in February 2026: the last 3 months are December to February, the 3 before
  // September to November 2025.
  const now = seriousViolence('2025-12', '2026-02');
  const before = seriousViolence('2025-09', '2025-11');
  const topFive = [...now]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'en-GB'))
    .slice(0, 5);

  for (const size of SIZES.slice(0, 2)) {
    it(`reads off the five wards to prioritise, with their reasons, without scrolling: ${size.name}`, async () => {
      const { page, errors } = await openDashboard(browser, '', {
        ...size.options,
        acceptDownloads: true,
      });
      await page.getByLabel('Load data').setInputFiles(MPS_FILE);
      await expect
        .poll(() => page.locator('.data-badge').textContent())
        .toBe(`Data: ${RECENT_24M}`);
      await page.getByRole('button', { name: 'Close the reports of loaded files' }).click();
      // On a tablet the filters are a drawer.
      const drawer = (await page.locator('.filters-dock').count()) === 0;
      if (drawer) await page.getByRole('button', { name: 'Filters', exact: true }).click();
      await page.getByRole('radio', { name: 'Last 3 months against the 3 before' }).check();
      if (drawer) await page.getByRole('button', { name: 'Hide filters and map' }).click();
      await expect
        .poll(() => page.locator('.chip span', { hasText: 'Period:' }).textContent())
        .toBe('Period: Last 3 months: Dec 2025 to Feb 2026');

      await expect
        .poll(async () =>
          (await wardsList(page).locator('.ward-name').allTextContents()).map((name) =>
            name.trim(),
          ),
        )
        .toEqual(topFive.map(([name]) => name));
      for (const [at, [name, count]] of topFive.entries()) {
        const entry = wardsList(page).nth(at);
        expect(await onFirstScreen(page, entry), `${name} on the first screen`).toBe(true);
        await expect(entry.locator('.ward-figure').textContent()).resolves.toMatch(
          new RegExp(`^${count.toLocaleString('en-GB')}`),
        );
        // Its reasons begin with the change against the 3 months before, from the file.
        const earlier = before.get(name) ?? 0;
        const direction =
          count > earlier ? 'up from' : count < earlier ? 'down from' : 'the same as';
        await expect(entry.locator('.ward-reasons').textContent()).resolves.toMatch(
          new RegExp(`^${direction} ${earlier} \\((significant|not significant), p [=<] `),
        );
      }
      await expect(
        page.getByRole('region', { name: 'Wards to look at' }).locator('.hint').textContent(),
      ).resolves.toContain('change against Sep 2025 to Nov 2025 (the 3 months before)');

      // The briefing, as it comes: the same five wards, with their reasons.
      await openMenu(page, 'Share');
      await page.getByRole('button', { name: 'Export briefing' }).click();
      const sheet = page.getByRole('article', { name: /^Briefing: / });
      await sheet.waitFor();
      const reasons = await sheet
        .getByRole('region', { name: 'Why these wards' })
        .locator('li')
        .allTextContents();
      expect(reasons.map((reason) => reason.split(':')[0])).toEqual(topFive.map(([name]) => name));
      expect(reasons[0]).toContain(
        `${topFive[0]?.[1].toLocaleString('en-GB')} offences in Dec 2025 to Feb 2026, ${
          (topFive[0]?.[1] ?? 0) > (before.get(topFive[0]?.[0] ?? '') ?? 0) ? 'up' : 'down'
        } from ${before.get(topFive[0]?.[0] ?? '')} in Sep 2025 to Nov 2025`,
      );

      // And as a PDF file, in one click: the same five wards, in the table and with reasons,
      // under the marking chosen.
      const pdf = await download(page, 'Download PDF');
      expect(pdf.name).toMatch(/^briefing_kensington-and-chelsea_.*\.pdf$/);
      expect(pdfPageCount(pdf.bytes)).toBe(1);
      const text = pdfText(pdf.bytes);
      expect(text.filter((shown) => shown === 'OFFICIAL')).toHaveLength(2);
      const lines = text.join('\n');
      for (const [name, count] of topFive) {
        expect(text).toContain(name);
        expect(lines).toMatch(new RegExp(`${name}: ${count.toLocaleString('en-GB')} offences in`));
      }
      expect(errors).toEqual([]);
      await page.context().close();
    }, 120_000);
  }
});
