/** Tablets lose WebGL contexts when memory runs short: the map must come back by itself. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BACKGROUND,
  blend,
  countPixelsNear,
  elementPixels,
  FILL_ALPHA,
  launchBrowser,
  openDashboard,
  wardTable,
} from './browser.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Pixels showing the darkest class colour of the demo's five classes. */
async function darkestClassPixels(page: Page): Promise<number> {
  const png = await elementPixels(page, '.ward-map');
  return countPixelsNear(png, blend([0xbd, 0x00, 0x26], FILL_ALPHA, BACKGROUND), 6);
}

/** Loses the WebGL context of every canvas in the map, then lets the browser restore them. */
async function loseEveryContext(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const extensions = [...document.querySelectorAll<HTMLCanvasElement>('.ward-map canvas')]
      .map((canvas) =>
        (canvas.getContext('webgl2') ?? canvas.getContext('webgl'))?.getExtension(
          'WEBGL_lose_context',
        ),
      )
      .filter((extension): extension is WEBGL_lose_context => Boolean(extension));
    for (const extension of extensions) extension.loseContext();
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const extension of extensions) {
      try {
        extension.restoreContext();
      } catch {
        // Only a context that was lost, and not replaced, can be restored.
      }
    }
    return extensions.length;
  });
}

describe('WebGL context loss', () => {
  it('draws the wards again after every map context is lost', async () => {
    const { page, errors } = await openDashboard(browser);
    expect(await darkestClassPixels(page)).toBeGreaterThan(2000);
    // MapLibre's canvas and deck.gl's.
    expect(await loseEveryContext(page)).toBe(2);
    await expect.poll(() => darkestClassPixels(page), { timeout: 15_000 }).toBeGreaterThan(2000);
    // The map still answers: selecting a ward from the table outlines it.
    await (await wardTable(page)).getByRole('button', { name: 'Golborne' }).click();
    await expect.poll(() => page.locator('.ward-panel h2').textContent()).toBe('Golborne');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
