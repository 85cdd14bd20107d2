/**
 * The dashboard as a user meets it: real Chromium, WebGL through SwiftShader, the built app
 * served locally with its demo data. Expected figures come from tests/e2e/expectations.ts.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  appUrl,
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
  type Rgb,
  wardScreenPoint,
  wardTable,
} from './browser.ts';
import {
  demoMonths,
  expectedDemoCounts,
  RBKC_CODES,
  RBKC_WARD_NAMES,
  whole,
} from './expectations.ts';
import { boroughWards, censusPopulations } from './rawFiles.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Ward name -> [count, rate, rank] as the table shows them. */
async function tableFigures(page: Page): Promise<Map<string, [string, string, string]>> {
  const rows = await (await wardTable(page))
    .locator('tbody tr')
    .evaluateAll((elements) =>
      elements.map((row) =>
        [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim()),
      ),
    );
  return new Map(
    rows.map(([name = '', count = '', rate = '', rank = '']) => [name, [count, rate, rank]]),
  );
}

async function tableCounts(page: Page): Promise<Map<string, string>> {
  return new Map([...(await tableFigures(page))].map(([name, [count]]) => [name, count]));
}

function expectedCountsByName(counts: Map<string, number>): Map<string, string> {
  return new Map(
    RBKC_WARD_NAMES.map((name) => [name, whole(counts.get(RBKC_CODES[name] as string) ?? 0)]),
  );
}

function monthsBefore(month: string, count: number): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + number - 1 - count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

async function heatmapLabels(page: Page): Promise<string[]> {
  await openDetail(page, 'When');
  return page
    .getByRole('table', { name: /^Time of day/ })
    .locator('tbody button')
    .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label') ?? ''));
}

/** How many map pixels show each of the five class colours: changes when wards change class. */
async function mapClassAreas(page: Page): Promise<number[]> {
  // The table or heatmap, open over the map, would hide part of it.
  await closeDetails(page);
  await page.waitForTimeout(300);
  const png = await elementPixels(page, '.ward-map');
  return FIVE_CLASSES.map((colour) =>
    countPixelsNear(png, blend(colour, FILL_ALPHA, BACKGROUND), 6),
  );
}

async function legendText(page: Page): Promise<string> {
  return (await page.locator('.legend').textContent()) ?? '';
}

const FIVE_CLASSES: Rgb[] = [
  [0xff, 0xff, 0xb2],
  [0xfe, 0xcc, 0x5c],
  [0xfd, 0x8d, 0x3c],
  [0xf0, 0x3b, 0x20],
  [0xbd, 0x00, 0x26],
];

describe('dashboard on its demo data', () => {
  it('shows the 18 RBKC wards with the demo figures for the latest 12 months, labelled as synthetic', async () => {
    const { page, requests, errors } = await openDashboard(browser);
    await expect(page.getByText('Synthetic demo data').first().isVisible()).resolves.toBe(true);

    const { last } = demoMonths();
    const first = monthsBefore(last, 11);
    const area = page.getByLabel('Area');
    await expect(
      area.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.text),
    ).resolves.toBe('Kensington and Chelsea');
    await expect(page.getByLabel('From', { exact: true }).inputValue()).resolves.toBe(first);
    await expect(page.getByLabel('To', { exact: true }).inputValue()).resolves.toBe(last);

    const shown = await tableCounts(page);
    expect([...shown.keys()].sort()).toEqual([...RBKC_WARD_NAMES].sort());
    const expected = expectedDemoCounts({ theme: 'all_serious_violence', from: first, to: last });
    expect(shown).toEqual(expectedCountsByName(expected));

    // The leading wards of the published findings lead here too.
    const figures = await tableFigures(page);
    const topFive = [...figures]
      .filter(([, [, , rank]]) => Number(rank.replace('=', '')) <= 5)
      .map(([name]) => name);
    expect(topFive.sort()).toEqual([
      'Colville',
      'Dalgarno',
      "Earl's Court",
      'Golborne',
      'Notting Dale',
    ]);

    // Nothing was fetched from anywhere but the app's own origin.
    const external = requests.filter(
      (url) => !url.startsWith(appUrl()) && !/^(data|blob):/.test(url),
    );
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('draws the wards on the map canvas in the five class colours', async () => {
    const { page } = await openDashboard(browser);
    const png = await elementPixels(page, '.ward-map');
    for (const colour of FIVE_CLASSES) {
      // Every class holds 3 or 4 wards: each colour covers thousands of pixels.
      expect(countPixelsNear(png, blend(colour, FILL_ALPHA, BACKGROUND), 6)).toBeGreaterThan(2000);
    }
    // The legend lists the same five classes with their ward counts, 18 in all.
    const legendCounts = await page
      .locator('.legend .legend-count')
      .allTextContents()
      .then((texts) => texts.map((text) => Number.parseInt(text, 10)));
    expect(legendCounts).toHaveLength(5);
    expect(legendCounts.reduce((sum, count) => sum + count, 0)).toBe(18);
    await page.context().close();
  });

  it('updates table, heatmap and map when the theme, period and measure change', async () => {
    const { page } = await openDashboard(browser);
    const { last } = demoMonths();
    const before = { heatmap: await heatmapLabels(page), legend: await legendText(page) };

    await page.getByLabel('Theme').selectOption({ label: 'Sexual violence' });
    const sexual = expectedDemoCounts({
      theme: 'sexual_violence',
      from: monthsBefore(last, 11),
      to: last,
    });
    await expect.poll(() => tableCounts(page)).toEqual(expectedCountsByName(sexual));
    const afterTheme = { heatmap: await heatmapLabels(page), legend: await legendText(page) };
    expect(afterTheme.heatmap).not.toEqual(before.heatmap);
    expect(afterTheme.legend).not.toEqual(before.legend);
    const fridayEleven = [
      ...expectedDemoCounts({
        theme: 'sexual_violence',
        from: monthsBefore(last, 11),
        to: last,
        weekday: 'Fri',
        hours: [23],
      }).values(),
    ].reduce((sum, count) => sum + count, 0);
    expect(afterTheme.heatmap).toContain(`Friday 23:00–23:59: ${whole(fridayEleven)} offences`);

    const from = monthsBefore(last, 23);
    const to = monthsBefore(last, 12);
    await page.getByLabel('From', { exact: true }).selectOption(from);
    await page.getByLabel('To', { exact: true }).selectOption(to);
    const earlier = expectedDemoCounts({ theme: 'sexual_violence', from, to });
    await expect.poll(() => tableCounts(page)).toEqual(expectedCountsByName(earlier));
    expect(await heatmapLabels(page)).not.toEqual(afterTheme.heatmap);

    const countMap = await mapClassAreas(page);
    await page.getByRole('radio', { name: 'Rate per 1,000 residents' }).check();
    await expect(page.locator('.legend figcaption').textContent()).resolves.toMatch(
      /^Rate per 1,000 residents/,
    );
    // Ranking by rate moves wards between classes, so the map's colours change.
    await expect.poll(() => mapClassAreas(page)).not.toEqual(countMap);
    const populations = censusPopulations();
    const rates = RBKC_WARD_NAMES.map((name) => {
      const code = RBKC_CODES[name] as string;
      return {
        name,
        rate: ((earlier.get(code) ?? 0) / (populations.get(code)?.all ?? Number.NaN)) * 1000,
      };
    }).sort((a, b) => b.rate - a.rate);
    const figures = await tableFigures(page);
    for (const { name, rate } of rates) {
      expect(figures.get(name)?.[1]).toBe(rate.toFixed(rate < 1 ? 2 : 1));
    }
    expect(figures.get(rates[0]?.name as string)?.[2]).toBe('1');
    await page.context().close();
  });

  it('uses residents aged 10-24 for youth violence rates', async () => {
    const { last } = demoMonths();
    const from = monthsBefore(last, 11);
    const { page } = await openDashboard(
      browser,
      `?theme=youth_violence&measure=rate&from=${from}&to=${last}`,
    );
    const youth = expectedDemoCounts({ theme: 'youth_violence', from, to: last });
    const golborne = RBKC_CODES.Golborne as string;
    const rate =
      ((youth.get(golborne) ?? 0) / (censusPopulations().get(golborne)?.aged10to24 ?? Number.NaN)) *
      1000;
    const figures = await tableFigures(page);
    expect(figures.get('Golborne')?.[1]).toBe(rate.toFixed(1));
    await expect((await wardTable(page)).locator('caption').textContent()).resolves.toContain(
      'residents aged 10–24',
    );
    await page.context().close();
  });

  it('filters the map and table to an hour chosen in the heatmap, and says so in a chip', async () => {
    const { page } = await openDashboard(browser);
    const { last } = demoMonths();
    await openDetail(page, 'When');
    await page.getByRole('button', { name: /^Friday 23:00–23:59: / }).click();
    const expected = expectedDemoCounts({
      theme: 'all_serious_violence',
      from: monthsBefore(last, 11),
      to: last,
      weekday: 'Fri',
      hours: [23],
    });
    await expect.poll(() => tableCounts(page)).toEqual(expectedCountsByName(expected));
    expect(new URL(page.url()).searchParams.get('day')).toBe('Fri');
    expect(new URL(page.url()).searchParams.get('hours')).toBe('23');
    // The filter is a chip above the map, whatever panel is open.
    const hours = page.locator('.chip', { hasText: 'Hours: 23:00–23:59, Fridays' });
    await expect(hours.isVisible()).resolves.toBe(true);

    // An hour range on every day, chosen with the hour headers (Shift extends).
    await openDetail(page, 'When');
    await page.getByRole('button', { name: '18:00–18:59, every day' }).click();
    await page
      .getByRole('button', { name: '20:00–20:59, every day' })
      .click({ modifiers: ['Shift'] });
    const evening = expectedDemoCounts({
      theme: 'all_serious_violence',
      from: monthsBefore(last, 11),
      to: last,
      hours: [18, 19, 20],
    });
    await expect.poll(() => tableCounts(page)).toEqual(expectedCountsByName(evening));
    // One tap on the chip clears it.
    await page
      .locator('.chip', { hasText: 'Hours: 18:00–20:59, every day' })
      .getByRole('button', { name: 'Clear' })
      .click();
    await expect(page.locator('.chip', { hasText: 'Hours:' }).count()).resolves.toBe(0);
    const all = expectedDemoCounts({
      theme: 'all_serious_violence',
      from: monthsBefore(last, 11),
      to: last,
    });
    await expect.poll(() => tableCounts(page)).toEqual(expectedCountsByName(all));
    await page.context().close();
  });

  it('selects a ward from the table and from the map, and the heatmap follows the selection', async () => {
    const { page } = await openDashboard(browser, '?map=13.00/51.50800/-0.19500');
    const outlineBefore = countPixelsNear(await elementPixels(page, '.ward-map'), [0, 0, 0], 10);
    await (await wardTable(page)).getByRole('button', { name: 'Golborne' }).click();
    // The table closed again, the map shows the selected ward's outline.
    await closeDetails(page);
    // Its panel takes the list's place; a chip says the ward is selected.
    await expect.poll(() => page.locator('.ward-panel h2').textContent()).toBe('Golborne');
    await expect(page.locator('.chip', { hasText: 'Ward: Golborne' }).isVisible()).resolves.toBe(
      true,
    );
    await page.waitForTimeout(300);
    const outlineAfter = countPixelsNear(await elementPixels(page, '.ward-map'), [0, 0, 0], 10);
    expect(outlineAfter).toBeGreaterThan(outlineBefore + 200);
    expect(new URL(page.url()).searchParams.get('ward')).toBe('E05009396');

    // Click the map where Holland is: its label point projected at the URL's camera.
    const [x, y] = await wardScreenPoint(page, 'E05009397', {
      zoom: 13,
      latitude: 51.508,
      longitude: -0.195,
    });
    await page.mouse.click(x, y);
    await expect.poll(() => page.locator('.ward-panel h2').textContent()).toBe('Holland');
    await expect(
      (await wardTable(page)).getByRole('button', { name: 'Holland' }).getAttribute('aria-pressed'),
    ).resolves.toBe('true');
    await openDetail(page, 'When');
    await expect(page.getByText('Ward: Holland.').isVisible()).resolves.toBe(true);
    await page.context().close();
  });

  it('tints the ward under the pointer and names it in a tooltip', async () => {
    const camera = { zoom: 13, latitude: 51.508, longitude: -0.195 };
    const { page } = await openDashboard(browser, '?map=13.00/51.50800/-0.19500');
    // Without names on the map, Holland's fill shows alone around its label point.
    await page.getByRole('checkbox', { name: 'Ward labels' }).uncheck();
    const [x, y] = await wardScreenPoint(page, 'E05009397', camera);
    const box = await page.locator('.ward-map').boundingBox();
    if (!box) throw new Error('the map has no box');
    // Up and left of the pointer: deck.gl's tooltip opens down and right of it.
    const pixelAt = async (): Promise<Rgb> => {
      const png = await elementPixels(page, '.ward-map');
      const offset = (Math.round(y - 8 - box.y) * png.width + Math.round(x - 8 - box.x)) * 4;
      return [png.data[offset], png.data[offset + 1], png.data[offset + 2]] as Rgb;
    };
    await page.waitForTimeout(300);
    const before = await pixelAt();
    await page.mouse.move(x, y);
    await expect
      .poll(() => page.locator('.deck-tooltip').textContent())
      .toMatch(/^Holland\s*Count: /);
    // The tint is black at 40/255 over what was there: each channel times 215/255.
    const tinted = before.map((channel) => Math.round((channel * 215) / 255));
    await expect
      .poll(async () =>
        (await pixelAt()).every((channel, index) => Math.abs(channel - (tinted[index] ?? 0)) <= 3),
      )
      .toBe(true);
    await page.context().close();
  });

  it('switches to another borough and to all of London from the Area picker', async () => {
    const { page } = await openDashboard(browser);
    await page.getByLabel('Area').selectOption({ label: 'Westminster' });
    const westminster = boroughWards('E09000033');
    await expect.poll(async () => (await tableCounts(page)).size).toBe(westminster.length);
    expect([...(await tableCounts(page)).keys()].sort()).toEqual(
      westminster.map((ward) => ward.name).sort(),
    );
    await page.getByLabel('Area').selectOption({ label: 'All of London' });
    await expect
      .poll(async () => (await wardTable(page)).locator('tbody tr').count(), { timeout: 15_000 })
      .toBe(704);
    // Names shared by wards of different boroughs carry the borough.
    await expect(
      (await wardTable(page)).getByRole('button', { name: 'Abbey, Barking and Dagenham' }).count(),
    ).resolves.toBe(1);
    await page.context().close();
  });
});

describe('accessibility', () => {
  it('has no WCAG A or AA violations found by axe, with a ward and an hour selected', async () => {
    const { page } = await openDashboard(browser);
    expect(await accessibilityViolations(page)).toEqual([]);
    await (await wardTable(page)).getByRole('button', { name: 'Colville' }).click();
    await openDetail(page, 'When');
    await page.getByRole('button', { name: /^Sunday 20:00–20:59: / }).click();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('has no axe violations on any view: hot spots, priorities, methods, accessibility statement', async () => {
    const { page } = await openDashboard(browser, '?mode=hotspots&publication=1');
    expect(await accessibilityViolations(page)).toEqual([]);
    for (const view of ['Priorities', 'Services', 'How figures are computed', 'Accessibility']) {
      await goTo(page, view);
      await expect(
        page.getByRole('button', { name: view, exact: true }).getAttribute('aria-current'),
      ).resolves.toBe('page');
      expect(await accessibilityViolations(page), view).toEqual([]);
    }
    await page.context().close();
  });

  it('works by keyboard alone: sort the table, select a ward, move through the heatmap', async () => {
    const { page } = await openDashboard(browser);
    await (await wardTable(page)).getByRole('button', { name: /^Count/ }).focus();
    await page.keyboard.press('Enter');
    await expect(
      (await wardTable(page)).locator('th[aria-sort]').getAttribute('aria-sort'),
    ).resolves.toBe('descending');
    await (await wardTable(page)).getByRole('button', { name: 'Notting Dale' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.ward-panel h2').textContent()).toBe('Notting Dale');

    await openDetail(page, 'When');
    const first = page.getByRole('button', { name: /^Monday 00:00–00:59: / });
    await first.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(focused).toMatch(/^Tuesday 01:00–01:59: /);
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).searchParams.get('day')).toBe('Tue');
    expect(new URL(page.url()).searchParams.get('hours')).toBe('1');
    await page.context().close();
  });
});

describe('the view in the URL', () => {
  it('reopens the same view from a copied link', async () => {
    const { page } = await openDashboard(browser);
    await page.getByLabel('Theme').selectOption({ label: 'Domestic abuse' });
    await page.getByLabel('From', { exact: true }).selectOption('2024-04');
    await page.getByLabel('To', { exact: true }).selectOption('2025-03');
    await page.getByRole('radio', { name: 'Rate per 1,000 residents' }).check();
    await (await wardTable(page)).getByRole('button', { name: 'Dalgarno' }).click();
    await openDetail(page, 'When');
    await page.getByRole('button', { name: /^Saturday 22:00–22:59: / }).click();
    await page.waitForTimeout(500);
    const link = page.url();
    const figures = await tableFigures(page);
    const heatmap = await heatmapLabels(page);
    await page.context().close();

    const search = new URL(link).search;
    expect(Object.fromEntries(new URLSearchParams(search))).toMatchObject({
      area: 'E09000020',
      theme: 'domestic_abuse',
      from: '2024-04',
      to: '2025-03',
      measure: 'rate',
      ward: 'E05009394',
      day: 'Sat',
      hours: '22',
    });
    const reopened = await openDashboard(browser, search);
    const again = reopened.page;
    await expect(again.getByLabel('Theme').inputValue()).resolves.toBe('domestic_abuse');
    await expect(again.getByLabel('From', { exact: true }).inputValue()).resolves.toBe('2024-04');
    await expect(again.getByLabel('To', { exact: true }).inputValue()).resolves.toBe('2025-03');
    await expect(
      again.getByRole('radio', { name: 'Rate per 1,000 residents' }).isChecked(),
    ).resolves.toBe(true);
    await expect.poll(() => again.locator('.ward-panel h2').textContent()).toBe('Dalgarno');
    expect(await tableFigures(again)).toEqual(figures);
    expect(await heatmapLabels(again)).toEqual(heatmap);
    expect(new URL(again.url()).searchParams.get('map')).toBe(
      new URLSearchParams(search).get('map'),
    );
    await again.context().close();
  });
});
