/** The benchmarks drive the same Chromium as the end-to-end tests. */
export { launchChromium as launchBrowser } from '../tests/support/chromium.ts';
