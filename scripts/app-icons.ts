/**
 * Draws the app's PNG icons (public/icon-192.png, public/icon-512.png) from public/icon.svg in
 * Chromium, for browsers and home screens that want bitmaps. Run by hand after changing the SVG:
 * `node scripts/app-icons.ts`; the PNGs are committed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from '../tests/support/chromium.ts';

const publicDir = path.resolve(import.meta.dirname, '..', 'public');
const svg = readFileSync(path.join(publicDir, 'icon.svg'), 'utf8');

const browser = await launchChromium();
try {
  for (const size of [192, 512]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<body style="margin:0">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body>`,
    );
    await page.screenshot({ path: path.join(publicDir, `icon-${size}.png`) });
    await page.close();
  }
} finally {
  await browser.close();
}
