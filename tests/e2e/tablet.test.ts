/**
 * In the street: a tablet and a phone, touch only. Real Chromium with touch emulation.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countPixelsNear,
  elementPixels,
  launchBrowser,
  openDashboard,
  wardScreenPoint,
} from './browser.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const TABLET = {
  viewport: { width: 1024, height: 768 },
  hasTouch: true,
  isMobile: true,
  deviceScaleFactor: 1,
};
const PHONE = {
  viewport: { width: 390, height: 844 },
  hasTouch: true,
  isMobile: true,
  deviceScaleFactor: 1,
};

/** Visible controls smaller than 44 × 44 CSS pixels. */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        'button, select, input, summary, a[href], [role="button"]',
      ),
    ]
      // A radio button or checkbox inside its label is tapped through the whole label.
      .map((element) =>
        element.matches('input[type="radio"], input[type="checkbox"]')
          ? (element.closest('label') ?? element)
          : element,
      )
      .filter((element) => {
        const box = element.getBoundingClientRect();
        const hidden =
          box.width === 0 || box.height === 0 || getComputedStyle(element).visibility === 'hidden';
        return (
          !hidden &&
          (box.width < 44 || box.height < 44) &&
          !element.classList.contains('visually-hidden-file')
        );
      })
      .map(
        (element) =>
          `${element.tagName.toLowerCase()} "${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40)}" ${Math.round(element.getBoundingClientRect().width)}×${Math.round(element.getBoundingClientRect().height)}`,
      ),
  );
}

describe('tablet and phone', () => {
  it('offers touch targets of at least 44 px on a tablet, and a tap on the map selects a ward', async () => {
    const { page } = await openDashboard(browser, '?map=13.00/51.50800/-0.19500', TABLET);
    expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
    expect(await smallTargets(page)).toEqual([]);
    // The page itself never scrolls sideways; wide tables scroll inside their own box.
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);

    // Tap Holland where its label point is at the URL's camera.
    const [x, y] = await wardScreenPoint(page, 'E05009397', {
      zoom: 13,
      latitude: 51.508,
      longitude: -0.195,
    });
    await page.touchscreen.tap(x, y);
    await expect.poll(() => page.locator('.ward-panel h2').textContent()).toBe('Holland');
    await page.context().close();
  });

  it('zooms the map with a pinch', async () => {
    const { page } = await openDashboard(browser, '?map=12.00/51.50800/-0.19500', TABLET);
    await page.locator('.ward-map').scrollIntoViewIfNeeded();
    const box = await page.locator('.ward-map').boundingBox();
    if (!box) throw new Error('no map');
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const client = await page.context().newCDPSession(page);
    const fingers = (spread: number) => [
      { x: cx - spread, y: cy, id: 1 },
      { x: cx + spread, y: cy, id: 2 },
    ];
    await client.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(30) });
    for (let spread = 40; spread <= 200; spread += 20) {
      await client.send('Input.dispatchTouchEvent', {
        type: 'touchMove',
        touchPoints: fingers(spread),
      });
      await page.waitForTimeout(16);
    }
    await client.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    // Fingers moved from 60 px apart to 400 px: the map zooms in.
    await expect
      .poll(() => Number((new URL(page.url()).searchParams.get('map') ?? '0').split('/')[0]))
      .toBeGreaterThan(13);
    await page.context().close();
  });

  it('reflows on a phone without sideways scrolling', async () => {
    const { page } = await openDashboard(browser, '', PHONE);
    // Against the phone's own width: a mobile browser widens its layout viewport (innerWidth) to
    // whatever overflows, so scrollWidth <= innerWidth would hold even for a page too wide.
    await expect(
      page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]),
    ).resolves.toEqual([PHONE.viewport.width, PHONE.viewport.width]);
    expect(await smallTargets(page)).toEqual([]);
    await page.context().close();
  });

  it('locates the device and names the ward it is in', async () => {
    const { page } = await openDashboard(browser, '?area=E09000033', {
      ...TABLET,
      permissions: ['geolocation'],
      geolocation: { latitude: 0, longitude: 0, accuracy: 10 },
    });
    // Stand at Golborne's label point (a point inside the ward), from the app's own ward file.
    const [longitude, latitude] = await page.evaluate(async () => {
      const topology = await (await fetch('data/wards.topo.json')).json();
      return topology.objects.wards.geometries.find(
        (ward: { id: string }) => ward.id === 'E05009396',
      ).properties.label as [number, number];
    });
    await page.context().setGeolocation({ latitude, longitude, accuracy: 10 });
    // On a tablet the filters, and Locate me with them, are a drawer.
    await page.getByRole('button', { name: 'Filters', exact: true }).tap();
    await page.getByRole('button', { name: 'Locate me' }).tap();
    await expect
      .poll(() => page.locator('.locate-me [role="status"]').textContent())
      .toBe('You are in Golborne, Kensington and Chelsea (to within 10 m).');
    // The map moves to the borough of the ward and selects it; the position shows as a blue dot.
    await expect(page.getByLabel('Area').inputValue()).resolves.toBe('E09000020');
    await expect.poll(() => page.locator('.ward-panel h2').textContent()).toBe('Golborne');
    await expect
      .poll(async () =>
        countPixelsNear(await elementPixels(page, '.ward-map'), [0x00, 0x5e, 0xb8], 8),
      )
      .toBeGreaterThan(60);
    await page.context().close();
  });
});
