/**
 * `npm run bench`: the speed targets, printed as `name: value` lines.
 *
 * - first_paint_ratio: time to the first choropleth frame of the app over that of a bare
 *   MapLibre + deck.gl page drawing the same polygons (bench/bare), both measured here, in one
 *   run, alternating; medians of BENCH_RUNS (default 7) loads each. Target: at most 1.5.
 * - initial_js_kb_gzip: JavaScript loaded before the first dynamic import. Target: at most 700.
 * - ingest, filter, memory and point-in-polygon on all of London (bench/london.ts): ingest at
 *   least DuckDB's, a filter change in at most 10 ms and half DuckDB's time, heap at most 250 MB,
 *   at least a million points a second; saving and opening that data as an encrypted workspace
 *   (workspace_save_ms, workspace_open_ms, workspace_bytes: a few seconds at most).
 * - coverage of wards by services' catchments (bench/coverage.ts): the borough, all of London,
 *   and the update after a proposed service.
 * - the all-London file in the app in Chromium (bench/browserLoad.ts): loading it against reading
 *   its bytes, the longest main-thread task, keeping it in the browser and bringing it back after
 *   a reload.
 * - the data.police.uk archive as downloaded, 36 months of every force (bench/policeUkArchive.ts):
 *   street-level rows per second from the zip to the cube, with the peak heap.
 *
 * Figures are reported, never asserted: the exit code is 0 whenever the measurements ran.
 * Progress goes to stderr, figures and `#` comments to stdout.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Request } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { browserLoadFigures } from './browserLoad.ts';
import { jsSizes } from './bundle.ts';
import { coverageFigures } from './coverage.ts';
import { londonFigures } from './london.ts';
import { policeUkArchiveFigures } from './policeUkArchive.ts';
import { serveStatic } from './serve.ts';

const root = path.resolve(import.meta.dirname, '..');
const appOut = path.join(root, 'bench/out/app');
const bareOut = path.join(root, 'bench/out/bare');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const VIEWPORT = { width: 1400, height: 1000 };
const PAINT_TARGET_RATIO = 1.5;
const INITIAL_JS_TARGET_KB = 700;

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

function run(args: string[]): void {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed (${result.status})`);
}

function prepare(): void {
  const data = [
    'public/data/manifest.json',
    'public/data/wards.topo.json',
    'public/demo/offences.csv',
  ];
  if (!data.every((file) => existsSync(path.join(root, file)))) {
    log('building data (npm run data)');
    run(['geodata/build.ts']);
    run(['scripts/demo-data.ts']);
  }
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  // The app goes to bench/out/app, not dist/, so the bench does not race other builds.
  log('building the app');
  run([vite, 'build', '--outDir', appOut, '--emptyOutDir', '--logLevel', 'warn']);
  log('building the bare page');
  run([vite, 'build', '--config', 'bench/bare/vite.config.ts']);
}

interface Load {
  paintMs: number;
  /** Requests (page and workers) by name without hash: start and end, ms from navigation. */
  requests: Map<string, { start: number; end: number }>;
}

function shortName(url: string): string {
  const name = new URL(url).pathname.split('/').pop() || 'index.html';
  return name.replace(/-[\w-]{8}(\.m?js|\.css)$/, '$1');
}

async function load(browser: Browser, url: string): Promise<Load> {
  // No service worker: its background download of the whole app would disturb the timing.
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    const finished: Request[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('requestfinished', (request) => finished.push(request));
    await page.goto(url);
    try {
      await page.waitForFunction(
        () => performance.getEntriesByName('choropleth-painted').length > 0,
        null,
        { timeout: 30_000 },
      );
    } catch (error) {
      throw new Error(`${url}: no choropleth-painted mark (${errors.join('; ') || error})`);
    }
    const { paintMs, timeOrigin } = await page.evaluate(() => ({
      paintMs: (performance.getEntriesByName('choropleth-painted')[0] as PerformanceEntry)
        .startTime,
      timeOrigin: performance.timeOrigin,
    }));
    const requests = new Map<string, { start: number; end: number }>();
    for (const request of finished) {
      const timing = request.timing();
      if (timing.startTime <= 0) continue;
      const start = timing.startTime - timeOrigin;
      requests.set(shortName(request.url()), {
        start,
        end: timing.responseEnd >= 0 ? start + timing.responseEnd : start,
      });
    }
    return { paintMs, requests };
  } finally {
    await context.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Median request start and end over the loads, in order of start: the page's waterfall. */
function waterfall(loads: Load[]): string {
  const names = new Set(loads.flatMap((one) => [...one.requests.keys()]));
  return [...names]
    .map((name) => {
      const seen = loads.flatMap((one) => one.requests.get(name) ?? []);
      return { name, start: median(seen.map((r) => r.start)), end: median(seen.map((r) => r.end)) };
    })
    .sort((a, b) => a.start - b.start)
    .map(({ name, start, end }) => `${name} ${start.toFixed(0)}-${end.toFixed(0)}`)
    .join(', ');
}

async function measurePaint(): Promise<{ app: Load[]; bare: Load[] }> {
  const [appServer, bareServer] = await Promise.all([serveStatic(appOut), serveStatic(bareOut)]);
  const browser = await launchBrowser();
  const app: Load[] = [];
  const bare: Load[] = [];
  try {
    log('warming up');
    await load(browser, appServer.url);
    await load(browser, bareServer.url);
    for (let index = 0; index < RUNS; index += 1) {
      // Alternate which page goes first, so neither always follows the other.
      const order = index % 2 === 0 ? (['app', 'bare'] as const) : (['bare', 'app'] as const);
      for (const which of order) {
        const result = await load(browser, which === 'app' ? appServer.url : bareServer.url);
        (which === 'app' ? app : bare).push(result);
      }
      log(
        `run ${index + 1}/${RUNS}: app ${app.at(-1)?.paintMs.toFixed(0)} ms, bare ${bare.at(-1)?.paintMs.toFixed(0)} ms`,
      );
    }
  } finally {
    await browser.close();
    await Promise.all([appServer.close(), bareServer.close()]);
  }
  return { app, bare };
}

async function main(): Promise<void> {
  const started = Date.now();
  prepare();
  const appJs = jsSizes(appOut);
  const bareJs = jsSizes(bareOut);
  const { app, bare } = await measurePaint();
  const london = await londonFigures();
  const appMs = median(app.map((one) => one.paintMs));
  const bareMs = median(bare.map((one) => one.paintMs));
  const ratio = appMs / bareMs;
  const samples = (loads: Load[]) => loads.map((one) => one.paintMs.toFixed(0)).join(' ');

  console.log(`first_paint_ms_app: ${appMs.toFixed(0)}`);
  console.log(`first_paint_ms_bare: ${bareMs.toFixed(0)}`);
  console.log(`first_paint_ratio: ${ratio.toFixed(2)}`);
  console.log(`initial_js_kb_gzip: ${appJs.initialKb.toFixed(1)}`);
  console.log(`total_js_kb_gzip: ${appJs.totalKb.toFixed(1)}`);
  console.log(`bare_initial_js_kb_gzip: ${bareJs.initialKb.toFixed(1)}`);
  console.log(`bare_total_js_kb_gzip: ${bareJs.totalKb.toFixed(1)}`);
  console.log(`# ${RUNS} loads each, ${VIEWPORT.width}x${VIEWPORT.height}, Chromium + SwiftShader`);
  console.log(`# app paint samples (ms): ${samples(app)}`);
  console.log(`# bare paint samples (ms): ${samples(bare)}`);
  console.log(`# app waterfall (median ms from navigation, start-end): ${waterfall(app)}`);
  console.log(`# bare waterfall (median ms from navigation, start-end): ${waterfall(bare)}`);
  console.log(`# app initial JS: ${appJs.initialFiles.join(', ')}`);
  const verdict = (met: boolean) => (met ? 'met' : 'MISSED');
  console.log(
    `# targets: first_paint_ratio <= ${PAINT_TARGET_RATIO} (${verdict(ratio <= PAINT_TARGET_RATIO)}), ` +
      `initial_js_kb_gzip <= ${INITIAL_JS_TARGET_KB} (${verdict(appJs.initialKb <= INITIAL_JS_TARGET_KB)})`,
  );
  for (const [name, value] of london.figures) console.log(`${name}: ${value}`);
  for (const comment of london.comments) console.log(comment);
  log('the all-London file in the app (bench/browserLoad.ts)');
  const server = await serveStatic(appOut);
  try {
    const browser = await browserLoadFigures(server.url);
    for (const [name, value] of browser.figures) console.log(`${name}: ${value}`);
    for (const comment of browser.comments) console.log(comment);
  } finally {
    await server.close();
  }
  log('coverage (bench/coverage.ts)');
  for (const [name, value] of Object.entries(coverageFigures())) console.log(`${name}: ${value}`);
  log('the police.uk archive (bench/policeUkArchive.ts)');
  const archive = await policeUkArchiveFigures();
  for (const [name, value] of archive.figures) console.log(`${name}: ${value}`);
  for (const comment of archive.comments) console.log(comment);
  log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

await main();
