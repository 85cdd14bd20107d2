/**
 * Services against need, in real Chromium: a services file written by the test (with two bad
 * rows), its symbols and catchments on the map, the services list, the gap table, proposed
 * services placed by typed coordinates and by a tap, and the gap table's CSV. Coverage is checked
 * against Turf run here over the raw ward polygons (tests/fixtures) with the same circles.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { area } from '@turf/area';
import { circle } from '@turf/circle';
import { featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { union } from '@turf/union';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  appUrl,
  countPixelsNear,
  launchBrowser,
  type Rgb,
} from './browser.ts';
import { expectedDemoCounts, RBKC_CODES, RBKC_WARD_NAMES } from './expectations.ts';
import { geodataPath, splitCsvLine, WARDS } from './rawFiles.ts';

const REACH_METRES = 800;
/** The app's catchments are 64-sided polygons; so are these. */
const STEPS = 64;
/**
 * The app's ward outlines are the TopoJSON of `npm run data`, quantised to about 0.3 m; its shares
 * are shown to 0.1%. A 0.3 m shift of a 4 km border moves about 1,200 m² of a ward of 1 km² or
 * more: under 0.15 percentage points, plus 0.05 for rounding.
 */
const TOLERANCE_POINTS = 0.3;
/** A view that shows all of Kensington and Chelsea in the Services page's map. */
const CAMERA = { zoom: 12.3, latitude: 51.504, longitude: -0.1894 };

type WardShape = Feature<Polygon | MultiPolygon, { WD24CD: string; WD24NM: string }>;
const rbkcCodes = new Set(Object.values(RBKC_CODES));
const rawWards = new Map(
  (
    JSON.parse(readFileSync(geodataPath(WARDS), 'utf8')) as {
      features: WardShape[];
    }
  ).features
    .filter((ward) => rbkcCodes.has(ward.properties.WD24CD))
    .map((ward) => [ward.properties.WD24NM, ward]),
);

type LonLat = [number, number];

/** Share of a raw ward's area within `reach` of any of the points, by Turf. */
function expectedShare(wardName: string, points: readonly LonLat[]): number {
  const ward = rawWards.get(wardName) as WardShape;
  if (points.length === 0) return 0;
  const circles = points.map((point) =>
    circle(point, REACH_METRES, { steps: STEPS, units: 'meters' }),
  );
  const reach = circles.length === 1 ? circles[0] : union(featureCollection(circles));
  const covered = reach ? intersect(featureCollection([ward, reach])) : null;
  return covered ? area(covered) / area(ward) : 0;
}

let browser: Browser;
let labels: Map<string, LonLat>;
let services: { name: string; type: string; at: LonLat }[];
let servicesFile: string;

/** Ward label points from the app's own ward file: points the app draws inside each ward. */
async function wardLabels(page: Page): Promise<Map<string, LonLat>> {
  const entries = await page.evaluate(async () => {
    const topology = await (await fetch('data/wards.topo.json')).json();
    return (
      topology.objects.wards.geometries as {
        properties: { name: string; label: [number, number] };
      }[]
    ).map((ward) => [ward.properties.name, ward.properties.label] as const);
  });
  return new Map(entries.filter(([name]) => rawWards.has(name)) as [string, LonLat][]);
}

/** Five decimal places, as a person would type them. */
const typed = ([longitude, latitude]: LonLat): LonLat => [
  Number(longitude.toFixed(5)),
  Number(latitude.toFixed(5)),
];

/** `maxTextureSize`: the largest texture the page's WebGL says the GPU draws, to try a smaller
 * GPU than the test machine's. */
async function openServicesPage(search = '', maxTextureSize?: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  if (maxTextureSize)
    await context.addInitScript((size) => {
      const MAX_TEXTURE_SIZE = 0x0d33;
      for (const prototype of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
        const getParameter = prototype.getParameter;
        prototype.getParameter = function (this: WebGLRenderingContext, name: number) {
          return name === MAX_TEXTURE_SIZE ? size : getParameter.call(this, name);
        };
      }
    }, maxTextureSize);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(
    appUrl(
      `?page=services&theme=youth_violence&map=${CAMERA.zoom}/${CAMERA.latitude}/${CAMERA.longitude}${search}`,
    ),
  );
  await gapTable(page).waitFor();
  await page.waitForFunction(() => performance.getEntriesByName('choropleth-painted').length > 0);
  // The legend lies over the map's corner, where this fixed camera puts the north of the area:
  // folded away, the map's pixels there are the wards' and the services'.
  await page.getByRole('button', { name: 'Hide legend' }).click();
  expect(errors).toEqual([]);
  return page;
}

const gapTable = (page: Page) => page.getByRole('table', { name: /^Need against provision/ });

/** Ward name -> its cells by column header. */
async function gapRows(page: Page): Promise<Map<string, Record<string, string>>> {
  const table = gapTable(page);
  const headers = (await table.locator('thead th').allTextContents()).map((text) => text.trim());
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((elements) =>
      elements.map((row) =>
        [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? ''),
      ),
    );
  return new Map(
    rows.map((cells) => [
      cells[0] as string,
      Object.fromEntries(headers.map((header, index) => [header, cells[index] ?? ''])),
    ]),
  );
}

const percent = (text: string | undefined) => Number((text ?? '').replace('%', ''));

async function loadServices(page: Page, file = servicesFile, count = 4): Promise<void> {
  await page.getByLabel('Load data').setInputFiles(file);
  await expect
    .poll(() =>
      page
        .getByRole('table', { name: /^Services loaded from/ })
        .locator('tbody tr')
        .count(),
    )
    .toBe(count);
}

/** The period the page shows, and the demo's youth violence counts by ward name over it. */
async function demoCounts(page: Page): Promise<Map<string, number>> {
  const from = await page.getByLabel('From', { exact: true }).inputValue();
  const to = await page.getByLabel('To', { exact: true }).inputValue();
  const byCode = expectedDemoCounts({ theme: 'youth_violence', from, to });
  return new Map(
    RBKC_WARD_NAMES.map((name) => [name, byCode.get(RBKC_CODES[name] as string) ?? 0]),
  );
}

/** Competition ranks, highest count first. */
function ranks(counts: Map<string, number>): Map<string, number> {
  const values = [...counts.values()];
  return new Map(
    [...counts].map(([name, count]) => [name, 1 + values.filter((value) => value > count).length]),
  );
}

/** Where a point is on screen, for the map whose camera the URL fixed (Web Mercator, 512 px). */
async function screenPoint(page: Page, [longitude, latitude]: LonLat): Promise<[number, number]> {
  const box = await page.locator('.ward-map').boundingBox();
  if (!box) throw new Error('the map has no box');
  const scale = 512 * 2 ** CAMERA.zoom;
  const project = (lon: number, lat: number) => [
    ((lon + 180) / 360) * scale,
    ((1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2) * scale,
  ];
  const [x, y] = project(longitude, latitude) as [number, number];
  const [cx, cy] = project(CAMERA.longitude, CAMERA.latitude) as [number, number];
  return [box.width / 2 + (x - cx), box.height / 2 + (y - cy)];
}

/** Screen pixels per metre on the ground at a latitude, at the URL's zoom. */
function pixelsPerMetre(latitude: number): number {
  return (512 * 2 ** CAMERA.zoom) / (40_075_016.686 * Math.cos((latitude * Math.PI) / 180));
}

async function mapPixels(page: Page): Promise<PNG> {
  return PNG.sync.read(await page.locator('.ward-map').screenshot());
}

/** Share of the pixels in a ring around a point that differ between two screenshots. */
function changedInRing(
  before: PNG,
  after: PNG,
  [cx, cy]: [number, number],
  inner: number,
  outer: number,
): number {
  let changed = 0;
  let total = 0;
  for (let y = Math.floor(cy - outer); y <= cy + outer; y += 1) {
    for (let x = Math.floor(cx - outer); x <= cx + outer; x += 1) {
      const distance = Math.hypot(x - cx, y - cy);
      if (distance < inner || distance > outer || x < 0 || y < 0) continue;
      if (x >= before.width || y >= before.height) continue;
      const at = (y * before.width + x) * 4;
      total += 1;
      const difference = Math.max(
        ...[0, 1, 2].map((channel) =>
          Math.abs((before.data[at + channel] as number) - (after.data[at + channel] as number)),
        ),
      );
      if (difference >= 6) changed += 1;
    }
  }
  return changed / Math.max(1, total);
}

/** Pixels within `radius` of a point near a colour. */
function pixelsNear(png: PNG, [cx, cy]: [number, number], radius: number, hex: string): number {
  const colour = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16));
  let count = 0;
  for (let y = Math.floor(cy - radius); y <= cy + radius; y += 1) {
    for (let x = Math.floor(cx - radius); x <= cx + radius; x += 1) {
      if (x < 0 || y < 0 || x >= png.width || y >= png.height) continue;
      const at = (y * png.width + x) * 4;
      if (
        colour.every((value, channel) => Math.abs((png.data[at + channel] as number) - value) <= 10)
      )
        count += 1;
    }
  }
  return count;
}

beforeAll(async () => {
  browser = await launchBrowser();
  const page = await (await browser.newContext()).newPage();
  await page.goto(appUrl());
  labels = await wardLabels(page);
  await page.context().close();
  const at = (name: string) => typed(labels.get(name) as LonLat);
  services = [
    { name: 'Golborne Youth Hub', type: 'Youth hub', at: at('Golborne') },
    { name: 'Stanley Youth Club', type: 'Youth hub', at: at('Stanley') },
    { name: 'Advocates North', type: 'Domestic abuse advocate', at: at('Notting Dale') },
    { name: 'Havens West', type: 'Sexual violence support', at: at("Earl's Court") },
  ];
  const lines = [
    'name,type,latitude,longitude,themes,notes',
    ...services.map(
      (service, index) =>
        `${service.name},${service.type},${service.at[1]},${service.at[0]},${index < 2 ? 'youth_violence|knife_crime' : ''},"Open late, Fridays"`,
    ),
    'No position,Youth hub,51.5,,,', // row 6
    'Paris office,Youth hub,48.8566,2.3522,,', // row 7
  ];
  const folder = mkdtempSync(path.join(tmpdir(), 'ward-services-'));
  servicesFile = path.join(folder, 'services.csv');
  writeFileSync(servicesFile, `${lines.join('\n')}\n`);
});

afterAll(async () => {
  await browser?.close();
});

const youthHubs = () => services.filter((service) => service.type === 'Youth hub').map((s) => s.at);

describe('services against need', () => {
  it('loads a services file, draws symbols and catchments, lists the services and the gaps', async () => {
    const page = await openServicesPage();
    await expect(
      page.getByRole('button', { name: 'Services' }).getAttribute('aria-current'),
    ).resolves.toBe('page');
    const before = await mapPixels(page);
    await loadServices(page);

    // Two bad rows, reported by row number; the four good ones load.
    const report = page.locator('details.report').filter({ hasText: 'services.csv' });
    await expect(report.locator('summary').textContent()).resolves.toBe(
      'services.csv (Services): 4 of 6 rows loaded, 2 rejected',
    );
    await report.locator('summary').click();
    const rejections = await report
      .locator('table.rejections tbody tr')
      .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent)));
    expect(rejections).toEqual([
      ['6', 'Longitude is empty'],
      [
        '7',
        'Latitude 48.8566, longitude 2.3522 is outside the UK (latitude 49.8 to 61, longitude −8.7 to 2)',
      ],
    ]);

    // The list: each service's type, ward (from the ward locator), themes and notes.
    const list = page.getByRole('table', { name: 'Services loaded from services.csv' });
    await expect
      .poll(() => list.locator('tbody tr').first().locator('td').nth(1).textContent())
      .toBe('Golborne');
    const listed = await list.locator('tbody tr').evaluateAll((rows) =>
      rows.map((row) =>
        [...row.children].map((cell) => {
          // What a reader reads: the type's symbol is a picture (its letter is not text).
          const visible = cell.cloneNode(true) as Element;
          for (const symbol of visible.querySelectorAll('svg')) symbol.remove();
          return visible.textContent?.trim();
        }),
      ),
    );
    expect(listed).toEqual([
      [
        'Golborne Youth Hub',
        'Youth hub',
        'Golborne',
        'Youth violence (under 25), Knife crime',
        'Open late, Fridays',
      ],
      [
        'Stanley Youth Club',
        'Youth hub',
        'Stanley',
        'Youth violence (under 25), Knife crime',
        'Open late, Fridays',
      ],
      ['Advocates North', 'Domestic abuse advocate', 'Notting Dale', '–', 'Open late, Fridays'],
      ['Havens West', 'Sexual violence support', "Earl's Court", '–', 'Open late, Fridays'],
    ]);

    // Coverage by youth hubs, ward by ward, against Turf over the raw wards.
    await page.getByLabel('Coverage by').selectOption('Youth hub');
    const column = 'Within reach of any Youth hub';
    await expect.poll(async () => (await gapRows(page)).get('Golborne')?.[column]).toMatch(/%$/);
    const rows = await gapRows(page);
    const counts = await demoCounts(page);
    const needRanks = ranks(counts);
    const expectedGaps: string[] = [];
    for (const name of RBKC_WARD_NAMES) {
      const share = expectedShare(name, youthHubs());
      const row = rows.get(name) as Record<string, string>;
      expect(Math.abs(percent(row[column]) - share * 100), name).toBeLessThanOrEqual(
        TOLERANCE_POINTS,
      );
      expect(row.Offences).toBe(String(counts.get(name)));
      expect(row['Need rank']).toBe(String(needRanks.get(name)));
      // The rule on screen: need rank 1 to 6 of 18 (the top third) and under 50% within reach.
      const gap = (needRanks.get(name) as number) <= 6 && share < 0.5;
      expect(row.Gap, name).toBe(gap ? 'Gap' : '–');
      if (gap) expectedGaps.push(name);
      // Coverage of each other type, too.
      const advocates = expectedShare(name, [services[2]?.at as LonLat]);
      expect(
        Math.abs(percent(row['Within reach of any Domestic abuse advocate']) - advocates * 100),
      ).toBeLessThanOrEqual(TOLERANCE_POINTS);
    }
    expect(expectedGaps.length).toBeGreaterThan(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await expect(page.locator('.gap-rule').textContent()).resolves.toMatch(
      /need rank of 1 to 6 of the 18 wards .* less than 50% of the ward’s area within 800 m of any Youth hub/,
    );

    // On the map: each symbol in its type's colour, and a tinted catchment around it.
    const after = await mapPixels(page);
    const colours = {
      'Youth hub': '#cc79a7',
      'Domestic abuse advocate': '#0072b2',
      'Sexual violence support': '#009e73',
    };
    for (const service of services) {
      const centre = await screenPoint(page, service.at);
      expect(
        pixelsNear(after, centre, 14, colours[service.type as keyof typeof colours]),
        service.name,
      ).toBeGreaterThan(60);
      expect(pixelsNear(before, centre, 14, colours[service.type as keyof typeof colours])).toBe(0);
      const radius = REACH_METRES * pixelsPerMetre(service.at[1]);
      // Inside the circle, beyond the symbol: the catchment's tint changes most pixels (labels
      // drawn above it do not change).
      expect(changedInRing(before, after, centre, 20, radius * 0.9), service.name).toBeGreaterThan(
        0.6,
      );
    }

    // Need by the priority score: the mean of each ward's ranks in the three serious-violence
    // themes of the demo data (all weights 1), lowest first.
    await page.getByRole('radio', { name: /^Priority score/ }).check();
    const from = await page.getByLabel('From', { exact: true }).inputValue();
    const to = await page.getByLabel('To', { exact: true }).inputValue();
    const themeRanks = ['youth_violence', 'domestic_abuse', 'sexual_violence'].map((theme) => {
      const byCode = expectedDemoCounts({ theme, from, to });
      return ranks(
        new Map(RBKC_WARD_NAMES.map((name) => [name, byCode.get(RBKC_CODES[name] as string) ?? 0])),
      );
    });
    const scores = new Map(
      RBKC_WARD_NAMES.map((name) => [
        name,
        themeRanks.reduce((sum, byName) => sum + (byName.get(name) as number), 0) / 3,
      ]),
    );
    await expect
      .poll(async () => Object.keys((await gapRows(page)).get('Golborne') ?? {}))
      .toContain('Priority score');
    const byPriority = await gapRows(page);
    for (const name of RBKC_WARD_NAMES) {
      const score = scores.get(name) as number;
      const priority = 1 + [...scores.values()].filter((other) => other < score).length;
      expect(byPriority.get(name)?.['Priority score'], name).toBe(score.toFixed(1));
      expect(byPriority.get(name)?.['Need rank'], name).toBe(String(priority));
    }
    expect(new URL(page.url()).searchParams.get('need')).toBe('priority');
    await page.getByRole('radio', { name: /^Youth violence/ }).check();

    // Gap wards are outlined in near-black, 9 px wide: with fewer gaps, fewer such pixels. Below
    // 1% coverage, only the high-need wards that no youth hub reaches at all are gaps.
    const fewerGaps = expectedGaps.filter((name) => expectedShare(name, youthHubs()) < 0.01);
    expect(fewerGaps.length).toBeLessThan(expectedGaps.length);
    const outline: Rgb = [0x1a, 0x1a, 0x1a];
    const outlined = countPixelsNear(after, outline, 8);
    await page.getByLabel(/^Low coverage/).fill('1');
    await expect
      .poll(
        async () => [...(await gapRows(page)).values()].filter((row) => row.Gap === 'Gap').length,
      )
      .toBe(fewerGaps.length);
    await expect
      .poll(async () => outlined - countPixelsNear(await mapPixels(page), outline, 8))
      .toBeGreaterThan(300 * (expectedGaps.length - fewerGaps.length));
    await page.context().close();
  });

  it('places proposed services by typed coordinates and by a tap, and updates coverage and gaps', async () => {
    const page = await openServicesPage('&stype=Youth+hub');
    await loadServices(page);
    const column = 'Within reach of any Youth hub';
    await expect.poll(async () => (await gapRows(page)).get('Golborne')?.[column]).toMatch(/%$/);
    const counts = await demoCounts(page);
    const needRanks = ranks(counts);
    // The first gap by need that a youth hub at its label point would close.
    const target = RBKC_WARD_NAMES.filter(
      (name) => (needRanks.get(name) as number) <= 6 && expectedShare(name, youthHubs()) < 0.5,
    )
      .sort((a, b) => (needRanks.get(a) as number) - (needRanks.get(b) as number))
      .find(
        (name) => expectedShare(name, [...youthHubs(), typed(labels.get(name) as LonLat)]) >= 0.5,
      ) as string;
    expect(target).toBeDefined();
    const [longitude, latitude] = typed(labels.get(target) as LonLat);
    expect((await gapRows(page)).get(target)?.Gap).toBe('Gap');

    await page.getByLabel('Type of proposed service').selectOption('Youth hub');
    await page.getByLabel('Latitude').fill(String(latitude));
    await page.getByLabel('Longitude').fill(String(longitude));
    await page.getByRole('button', { name: 'Add proposed service' }).click();
    const proposal = page.locator('.proposals li').first();
    await expect
      .poll(() => proposal.locator('.proposal-text').textContent())
      .toMatch(
        new RegExp(
          `^Proposed service 1: Youth hub at ${latitude.toFixed(5)}, ${longitude.toFixed(5)} in ${target}\\. About \\d+ offences within its reach\\.$`,
        ),
      );
    // Offences within its reach: each ward's count times the share of it within 800 m of the
    // proposal, added up over the 18 wards.
    const withinReach = RBKC_WARD_NAMES.reduce(
      (sum, name) =>
        sum + (counts.get(name) as number) * expectedShare(name, [[longitude, latitude]]),
      0,
    );
    const shown = Number(/About (\d+) offences/.exec((await proposal.textContent()) ?? '')?.[1]);
    expect(Math.abs(shown - withinReach)).toBeLessThanOrEqual(1);

    await expect
      .poll(async () => (await gapRows(page)).get(target)?.Gap)
      .toBe('Closed by the proposals');
    const after = (await gapRows(page)).get(target) as Record<string, string>;
    const expectedAfter = expectedShare(target, [...youthHubs(), [longitude, latitude]]);
    const expectedBefore = expectedShare(target, youthHubs());
    expect(Math.abs(percent(after[column]) - expectedAfter * 100)).toBeLessThanOrEqual(
      TOLERANCE_POINTS,
    );
    expect(
      Math.abs(percent(after['Before the proposed services']) - expectedBefore * 100),
    ).toBeLessThanOrEqual(TOLERANCE_POINTS);
    await expect(page.locator('.scenario-summary').textContent()).resolves.toMatch(
      /gaps \d+ before and \d+ after\.$/,
    );

    await page.getByRole('button', { name: 'Remove proposed service 1' }).click();
    await expect.poll(() => page.locator('.proposals li').count()).toBe(0);
    await expect.poll(async () => (await gapRows(page)).get(target)?.Gap).toBe('Gap');
    expect((await gapRows(page)).get(target)?.['Before the proposed services']).toBeUndefined();

    // By a tap: a ward that no youth hub reaches at all.
    const tapped = RBKC_WARD_NAMES.find(
      (name) => name !== target && expectedShare(name, youthHubs()) === 0,
    ) as string;
    const place = page.getByRole('button', { name: 'Place a proposed service on the map' });
    await place.click();
    await expect(place.getAttribute('aria-pressed')).resolves.toBe('true');
    await page.locator('.ward-map').scrollIntoViewIfNeeded();
    const [x, y] = await screenPoint(page, labels.get(tapped) as LonLat);
    await page.locator('.ward-map').click({ position: { x, y } });
    await expect(place.getAttribute('aria-pressed')).resolves.toBe('false');
    const text = (await page.locator('.proposals li .proposal-text').first().textContent()) ?? '';
    const position = /at (-?[\d.]+), (-?[\d.]+) in ([^.]+)\./.exec(text);
    expect(position?.[3]).toBe(tapped);
    const tappedAt: LonLat = [Number(position?.[2]), Number(position?.[1])];
    // The tap lands within a few metres of the label point (a pixel is about 10 m here).
    const [labelLongitude, labelLatitude] = labels.get(tapped) as LonLat;
    expect(Math.abs(tappedAt[0] - labelLongitude)).toBeLessThan(0.0005);
    expect(Math.abs(tappedAt[1] - labelLatitude)).toBeLessThan(0.0005);
    const expectedTapped = expectedShare(tapped, [...youthHubs(), tappedAt]);
    await expect
      .poll(async () => percent((await gapRows(page)).get(tapped)?.[column]))
      .toBeGreaterThan(0);
    expect(
      Math.abs(percent((await gapRows(page)).get(tapped)?.[column]) - expectedTapped * 100),
    ).toBeLessThanOrEqual(TOLERANCE_POINTS);
    await page.context().close();
  });

  it('downloads the gap table as CSV with publication mode, and keeps the services until Clear data', async () => {
    const page = await openServicesPage('&stype=Youth+hub');
    await loadServices(page);
    // One month: some wards then have 1 to 4 offences, which publication mode hides.
    const last = await page.getByLabel('To', { exact: true }).inputValue();
    // The view's choices are folded under the line that says what is chosen.
    await page.locator('.controls-fold > summary').click();
    await page.getByLabel('From', { exact: true }).selectOption(last);
    const counts = await demoCounts(page);
    const small = RBKC_WARD_NAMES.filter((name) => {
      const count = counts.get(name) as number;
      return count >= 1 && count <= 4;
    });
    expect(small.length).toBeGreaterThan(0);
    await expect
      .poll(async () => (await gapRows(page)).get('Golborne')?.Offences)
      .toBe(String(counts.get('Golborne')));
    // Coverage comes from its own worker, after the offences: wait for its column.
    await expect
      .poll(async () => (await gapRows(page)).get('Golborne')?.['Within reach of any Youth hub'])
      .toMatch(/%$/);
    const screen = await gapRows(page);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download gap table (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(
      `gaps_kensington-and-chelsea_youth-violence_${last}_to_${last}_count.csv`,
    );
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header = [], ...rows] = bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter((line) => line !== '')
      .map(splitCsvLine);
    expect(header.slice(0, 8)).toEqual([
      'Ward code',
      'Ward',
      'Borough',
      'Youth violence (under 25): offences',
      'Youth violence (under 25): rate per 1,000 residents aged 10–24',
      'Need rank by count (1 = highest need)',
      'Area within 800 m of any Youth hub (%)',
      'Area within 800 m of any Domestic abuse advocate (%)',
    ]);
    expect(header.at(-1)).toBe(
      'Gap (need in the top third of the area’s wards and less than 50% of the ward’s area within 800 m of any Youth hub)',
    );
    expect(rows).toHaveLength(18);
    const byName = new Map(rows.map((row) => [row[1] as string, row]));
    for (const name of RBKC_WARD_NAMES) {
      const row = byName.get(name) as string[];
      const count = counts.get(name) as number;
      expect(row[0]).toBe(RBKC_CODES[name]);
      expect(row[3], name).toBe(small.includes(name) ? '<5' : String(count));
      if (small.includes(name)) expect(row[4]).toBe('');
      expect(row[5]).toBe(screen.get(name)?.['Need rank']);
      expect(`${row[6]}%`).toBe(screen.get(name)?.['Within reach of any Youth hub']);
      expect(row.at(-1)).toBe(screen.get(name)?.Gap === 'Gap' ? 'Yes' : 'No');
    }

    // Kept in the browser: back after a reload; gone after Clear data, and after a reload too.
    await page.reload();
    const list = page.getByRole('table', { name: 'Services loaded from services.csv' });
    await expect.poll(() => list.locator('tbody tr').count()).toBe(4);
    await page.getByRole('button', { name: 'Clear data' }).click();
    await expect.poll(() => list.count()).toBe(0);
    await page.reload();
    await gapTable(page).waitFor();
    await expect(list.count()).resolves.toBe(0);
    await page.context().close();
  });

  it('draws the symbols of 300 service types, more than one row of the GPU texture holds', async () => {
    const page = await openServicesPage();
    // Types take the palette's colours in turn (Okabe and Ito's, five of them): type 0 #0072b2,
    // type 298 #56b4e9, in Golborne and Stanley.
    await expectSymbolsOfManyTypes(page, 300, [
      [0, 'Golborne', '#0072b2'],
      [298, 'Stanley', '#56b4e9'],
    ]);
    await page.context().close();
  });

  it('draws types past what a small GPU texture holds with the generic symbol, and says so in the legend', async () => {
    // A GPU whose largest texture is 2,048 px, WebGL 2's least: 2,048 / 64 = 32 symbols a row
    // and 2,048 / (2 x 64) = 16 pairs of rows (each type's proposed symbol under it), 512
    // places. Of 600 types, the first 511 keep their own symbols and the last place is the
    // generic symbol's (grey), shared by the other 600 - 511 = 89.
    const page = await openServicesPage('', 2048);
    await expectSymbolsOfManyTypes(
      page,
      600,
      [
        [0, 'Golborne', '#0072b2'],
        [599, 'Stanley', '#767676'],
      ],
      // The anti-aliased edges of the ward's name have a few grey pixels of their own.
      10,
    );
    await page.getByRole('button', { name: 'Show legend' }).click();
    await expect(
      page
        .getByRole('figure', { name: 'Services, reach and gaps' })
        .locator('.legend-note')
        .textContent(),
    ).resolves.toBe(
      '89 service types are shown with the grey “+” symbol: this device’s graphics hold symbols of their own for the first 511 of the 600 types only.',
    );
    await page.context().close();
  });
});

/**
 * Loads services of `count` types, "Type 000" on (numbered in sorted order), one service each:
 * the types in `shown` at their wards' labels, each to be drawn in its colour where the map had
 * none of it before (at most `before` pixels); the others in the Midlands, off screen.
 */
async function expectSymbolsOfManyTypes(
  page: Page,
  count: number,
  shown: readonly (readonly [type: number, ward: string, colour: string])[],
  beforeAtMost = 0,
): Promise<void> {
  const before = await mapPixels(page);
  const positionOf = new Map(shown.map(([type, ward]) => [type, labels.get(ward) as LonLat]));
  const lines = [
    'name,type,latitude,longitude',
    ...Array.from({ length: count }, (_, index) => {
      const [longitude, latitude] = typed(positionOf.get(index) ?? [-1.5 + index * 0.001, 52.5]);
      return `Service ${index},Type ${String(index).padStart(3, '0')},${latitude},${longitude}`;
    }),
  ];
  const folder = mkdtempSync(path.join(tmpdir(), 'ward-services-types-'));
  const file = path.join(folder, 'many-types.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  await loadServices(page, file, count);
  for (const [type, , colour] of shown) {
    const centre = await screenPoint(page, typed(positionOf.get(type) as LonLat));
    await expect
      .poll(async () => pixelsNear(await mapPixels(page), centre, 14, colour))
      .toBeGreaterThan(60);
    expect(pixelsNear(before, centre, 14, colour)).toBeLessThanOrEqual(beforeAtMost);
  }
}
