/**
 * Offences given as points, and boundaries from the user, through "Load data" in real Chromium:
 * data.police.uk street-level files (wards checked against Turf over the raw ward GeoJSON), a
 * partner extract with aoristic hours, the point-density layer, and a Kent-like boundary file.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { FeatureCollection } from 'geojson';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maidstoneWard } from '../support/wards.ts';
import { launchBrowser, openDashboard, openDetail } from './browser.ts';
import { geodataPath, splitCsvLine } from './rawFiles.ts';
import { metresToBorder, rawWards, report, tableCounts } from './wardReading.ts';

const KENSINGTON_AND_CHELSEA = 'E09000020';
const WESTMINSTER = 'E09000033';
const JANUARY = 'policeuk_2025-01-metropolitan-street_BURGLARY_ONLY.csv';
const FEBRUARY = 'policeuk_2025-02-metropolitan-street_BURGLARY_ONLY.csv';

let browser: Browser;
const folder = mkdtempSync(path.join(tmpdir(), 'ward-points-'));

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

function writeFile(name: string, text: string): string {
  const file = path.join(folder, name);
  writeFileSync(file, text);
  return file;
}

/**
 * The app stores ward outlines to about 0.3 m (a TopoJSON grid of 100,000 steps across London),
 * and data.police.uk puts many points on streets that are ward borders: a point closer than this
 * to a border of the raw file may fall on either side in the app.
 */
const BORDER_TOLERANCE_METRES = 0.5;

type Box = [number, number, number, number];

const wardBoxes: Box[] = rawWards.map((ward) => {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  const polygons =
    ward.geometry.type === 'Polygon' ? [ward.geometry.coordinates] : ward.geometry.coordinates;
  for (const rings of polygons)
    for (const [x, y] of rings[0] as [number, number][]) {
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    }
  return box;
});

/** Within about 10 m of a ward's bounding box: only then can its border be nearer than 0.5 m. */
function nearBox([longitude, latitude]: [number, number], box: Box): boolean {
  const margin = 0.0001;
  return (
    longitude >= box[0] - margin &&
    longitude <= box[2] + margin &&
    latitude >= box[1] - margin &&
    latitude <= box[3] + margin
  );
}

/** Where each point of a street-level file lies: its ward by Turf, and whether that is certain. */
interface PointWard {
  row: number;
  lsoaName: string;
  ward: string | null;
  /** Wards (null: outside every ward) it may fall in when it is within the tolerance of a border. */
  possible: (string | null)[];
}

function streetPoints(file: string): PointWard[] {
  const lines = readFileSync(geodataPath(file), 'utf8').split(/\r?\n/);
  const header = splitCsvLine(lines[0] as string);
  const longitude = header.indexOf('Longitude');
  const latitude = header.indexOf('Latitude');
  const lsoaName = header.indexOf('LSOA name');
  return lines.slice(1).flatMap((line, index) => {
    if (line === '') return [];
    const cells = splitCsvLine(line);
    const point: [number, number] = [Number(cells[longitude]), Number(cells[latitude])];
    const holder = rawWards.find((ward) => booleanPointInPolygon(point, ward)) ?? null;
    const near = rawWards.filter(
      (ward, index) =>
        nearBox(point, wardBoxes[index] as Box) &&
        metresToBorder(point, ward) < BORDER_TOLERANCE_METRES,
    );
    const ward = holder?.properties.WD24CD ?? null;
    const possible =
      near.length === 0
        ? [ward]
        : [...new Set([ward, null, ...near.map((each) => each.properties.WD24CD)])];
    return [{ row: index + 2, lsoaName: cells[lsoaName] ?? '', ward, possible }];
  });
}

/** Lowest and highest count each ward can show, from the points of several files. */
function countRanges(points: PointWard[]): Map<string | null, { low: number; high: number }> {
  const ranges = new Map<string | null, { low: number; high: number }>();
  const range = (ward: string | null) => {
    let found = ranges.get(ward);
    if (!found) {
      found = { low: 0, high: 0 };
      ranges.set(ward, found);
    }
    return found;
  };
  for (const point of points) {
    if (point.possible.length === 1) range(point.ward).low += 1;
    for (const ward of point.possible) range(ward).high += 1;
  }
  return ranges;
}

/** Every ward of a borough shows a count within the range the raw files allow; the borough's
 * lowest and highest total. */
async function expectCountsWithin(
  page: Page,
  lad: string,
  ranges: Map<string | null, { low: number; high: number }>,
): Promise<{ low: number; high: number }> {
  const shown = await tableCounts(page);
  const wards = rawWards.filter((ward) => ward.properties.LAD24CD === lad);
  expect(shown.size).toBe(wards.length);
  const borough = { low: 0, high: 0 };
  for (const ward of wards) {
    const { low, high } = ranges.get(ward.properties.WD24CD) ?? { low: 0, high: 0 };
    const count = Number((shown.get(ward.properties.WD24NM) ?? '').replace(/,/g, ''));
    expect({ ward: ward.properties.WD24NM, within: count >= low && count <= high }).toEqual({
      ward: ward.properties.WD24NM,
      within: true,
    });
    borough.low += low;
    borough.high += high;
  }
  return borough;
}

/** Pixels that differ between two screenshots of the same size. */
function changedPixels(before: PNG, after: PNG): number {
  let changed = 0;
  for (let offset = 0; offset < before.data.length; offset += 4) {
    const difference =
      Math.abs((before.data[offset] as number) - (after.data[offset] as number)) +
      Math.abs((before.data[offset + 1] as number) - (after.data[offset + 1] as number)) +
      Math.abs((before.data[offset + 2] as number) - (after.data[offset + 2] as number));
    if (difference > 30) changed += 1;
  }
  return changed;
}

async function mapPixels(page: Page): Promise<PNG> {
  return PNG.sync.read(await page.locator('.ward-map canvas').last().screenshot());
}

describe('data.police.uk street-level crime', () => {
  it('places each point in its ward as Turf does over the raw boundaries, and reports the rest', async () => {
    const { page, errors } = await openDashboard(browser);
    await page.getByLabel('Load data').setInputFiles([JANUARY, FEBRUARY].map(geodataPath));
    for (const file of [JANUARY, FEBRUARY]) await report(page, file).waitFor({ timeout: 30_000 });
    await page.getByLabel('Theme').selectOption('burglary');
    await expect(page.getByLabel('From', { exact: true }).inputValue()).resolves.toBe('2025-01');
    await expect(page.getByLabel('To', { exact: true }).inputValue()).resolves.toBe('2025-02');

    const january = streetPoints(JANUARY);
    const february = streetPoints(FEBRUARY);
    const ranges = countRanges([...january, ...february]);
    // The README's check: of the 214 points in Kensington and Chelsea's LSOAs, 213 fall inside
    // its wards.
    const rbkcWards = new Set(
      rawWards
        .filter((ward) => ward.properties.LAD24CD === KENSINGTON_AND_CHELSEA)
        .map((ward) => ward.properties.WD24CD),
    );
    const inRbkcLsoas = [...january, ...february].filter((point) =>
      point.lsoaName.startsWith('Kensington and Chelsea'),
    );
    expect(inRbkcLsoas.length).toBe(214);
    expect(inRbkcLsoas.filter((point) => rbkcWards.has(point.ward ?? '')).length).toBe(213);
    await expect.poll(async () => (await tableCounts(page)).size).toBe(18);
    const rbkc = await expectCountsWithin(page, KENSINGTON_AND_CHELSEA, ranges);
    await page.getByLabel('Area').selectOption(WESTMINSTER);
    await expect.poll(async () => (await tableCounts(page)).has('West End')).toBe(true);
    const westminster = await expectCountsWithin(page, WESTMINSTER, ranges);
    // Points within the tolerance of a border are few: RBKC has 207 certain and 14 that may go
    // either way, Westminster 455 and 16.
    for (const borough of [rbkc, westminster])
      expect(borough.high - borough.low).toBeLessThan(borough.low / 10);

    // Points outside every ward are rejected with their row numbers.
    for (const [file, points] of [
      [JANUARY, january],
      [FEBRUARY, february],
    ] as const) {
      const outside = points.filter((point) => point.possible.includes(null));
      const certainlyOutside = points.filter(
        (point) => point.ward === null && point.possible.length === 1,
      );
      const summary = (await report(page, file).locator('summary').textContent()) ?? '';
      const loaded = Number(/: ([\d,]+) of/.exec(summary)?.[1]?.replace(/,/g, ''));
      expect(summary).toContain(`of ${points.length.toLocaleString('en-GB')} rows loaded`);
      expect(points.length - loaded).toBeGreaterThanOrEqual(certainlyOutside.length);
      expect(points.length - loaded).toBeLessThanOrEqual(outside.length);
      // The report of the first file is folded: read its table from the page, not the screen.
      const listed = await report(page, file)
        .locator('.rejections tbody tr')
        .evaluateAll((rows) =>
          rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? '')),
        );
      const rows = new Set(outside.map((point) => point.row));
      for (const [row, reason] of listed) {
        expect(rows.has(Number(row))).toBe(true);
        expect(reason).toMatch(/^The point \(.+\) is outside the loaded wards$/);
      }
      for (const point of certainlyOutside)
        expect(listed.some(([row]) => Number(row) === point.row)).toBe(true);
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('draws the point-density layer when it is switched on, and removes it when off', async () => {
    const { page, errors } = await openDashboard(browser);
    const density = page.getByRole('checkbox', { name: 'Point density' });
    // Nothing to draw before a file with points is loaded.
    await expect(density.isDisabled()).resolves.toBe(true);
    await page.getByLabel('Load data').setInputFiles(geodataPath(JANUARY));
    await report(page, JANUARY).waitFor({ timeout: 30_000 });
    await page.getByLabel('Theme').selectOption('burglary');
    await expect.poll(() => density.isDisabled()).toBe(false);
    // The layers are reached from the keyboard.
    await density.focus();
    await expect(
      page.evaluate(() => (document.activeElement as HTMLElement | null)?.tagName),
    ).resolves.toBe('INPUT');
    await page.waitForTimeout(500);
    const before = await mapPixels(page);

    await page.keyboard.press('Space');
    await expect(density.isChecked()).resolves.toBe(true);
    await expect(page.getByText(/^Point density: fewer/).isVisible()).resolves.toBe(true);
    await expect
      .poll(async () => changedPixels(before, await mapPixels(page)))
      .toBeGreaterThan(2000);

    await page.keyboard.press('Space');
    await expect(density.isChecked()).resolves.toBe(false);
    await expect.poll(async () => changedPixels(before, await mapPixels(page))).toBeLessThan(50);

    // Without the choropleth and the labels, the wards are outlines on the background.
    await page.getByRole('checkbox', { name: 'Ward choropleth' }).uncheck();
    await page.getByRole('checkbox', { name: 'Ward labels' }).uncheck();
    await expect
      .poll(async () => changedPixels(before, await mapPixels(page)))
      .toBeGreaterThan(20_000);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('partner record-level extract', () => {
  it('spreads windows over the hours and counts two-theme offences once in All serious violence', async () => {
    const { page, errors } = await openDashboard(browser);
    const dalgarno = rawWards.find((ward) => ward.properties.WD24CD === 'E05009394');
    const point: [number, number] = [
      dalgarno?.properties.LONG as number,
      dalgarno?.properties.LAT as number,
    ];
    // The ONS centroid of Dalgarno lies well inside it.
    expect(dalgarno && booleanPointInPolygon(point, dalgarno)).toBe(true);
    expect(dalgarno && metresToBorder(point, dalgarno)).toBeGreaterThan(50);
    const file = writeFile(
      'partner-extract.csv',
      [
        'offence_id,ward_code,longitude,latitude,occurred_from,occurred_to,domestic_abuse,sexual_violence,victim_age',
        // 10 January 2025 is a Friday.
        'P1,E05009396,,,2025-01-10T22:30,2025-01-11T01:10,true,false,30',
        'P2,E05009396,,,2025-01-10T22:30,2025-01-11T01:10,yes,yes,19',
        'P3,E05009396,,,2025-01-10 23:15,2025-01-11 00:40,N,Y,40',
        `P4,,${point[0]},${point[1]},2025-01-15 14:00,,1,0,16`,
        'P1,E05009396,,,2025-01-10T22:30,2025-01-11T01:10,true,false,30',
      ].join('\n'),
    );
    await page.getByLabel('Load data').setInputFiles(file);
    await report(page, 'partner-extract.csv').waitFor({ timeout: 30_000 });
    const summary = report(page, 'partner-extract.csv');
    await expect(summary.locator('summary').textContent()).resolves.toContain(
      '4 of 5 rows loaded, 1 rejected',
    );
    await expect(summary.locator('.rejections tbody tr').allTextContents()).resolves.toEqual([
      '6Offence P1 is already on row 2: only the first is counted',
    ]);

    // All serious violence: P1, P2 and P3 in Golborne once each, though P2 is in three themes and
    // P1 and P3 in two; the themes add up to 2 + 2 + 1 = 5 there.
    await expect.poll(async () => (await tableCounts(page)).get('Golborne')).toBe('3');
    expect((await tableCounts(page)).get('Dalgarno')).toBe('1');
    // P1 and P2: 22:30-01:10 touches 4 hours, 0.25 each; P3: 23:15-00:40, 2 hours, 0.5 each.
    // Friday 22:00 = 0.25 + 0.25; Friday 23:00 = 0.25 + 0.25 + 0.5; Saturday 00:00 likewise;
    // Saturday 01:00 = 0.25 + 0.25; P4 (a single time) Wednesday 14:00 = 1.
    await openDetail(page, 'When');
    const cell = (name: string) => page.getByRole('button', { name, exact: true });
    for (const name of [
      'Friday 22:00–22:59: 0.5 offences',
      'Friday 23:00–23:59: 1 offences',
      'Saturday 00:00–00:59: 1 offences',
      'Saturday 01:00–01:59: 0.5 offences',
      'Wednesday 14:00–14:59: 1 offences',
    ])
      await expect(cell(name).count()).resolves.toBe(1);

    await page.getByLabel('Theme').selectOption('domestic_abuse');
    await expect.poll(async () => (await tableCounts(page)).get('Golborne')).toBe('2');
    await openDetail(page, 'When');
    await expect(cell('Friday 23:00–23:59: 0.5 offences').count()).resolves.toBe(1);
    await page.getByLabel('Theme').selectOption('sexual_violence');
    await expect.poll(async () => (await tableCounts(page)).get('Golborne')).toBe('2');
    await page.getByLabel('Theme').selectOption('youth_violence');
    await expect.poll(async () => (await tableCounts(page)).get('Golborne')).toBe('1');
    expect((await tableCounts(page)).get('Dalgarno')).toBe('1');
    // P4 has coordinates: the density layer can be switched on.
    await expect(page.getByRole('checkbox', { name: 'Point density' }).isDisabled()).resolves.toBe(
      false,
    );
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('ward boundaries from the user', () => {
  it('replaces the wards, reports the bad feature, and places points in the new wards', async () => {
    const { page, errors } = await openDashboard(browser);
    const kent: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        maidstoneWard('E05015901', 'Allington', 0, 0),
        maidstoneWard('E05015902', 'Barming', 1, 0),
        {
          type: 'Feature',
          properties: { WD23CD: 'E05015903', WD23NM: 'Bridge' },
          geometry: { type: 'Point', coordinates: [0.52, 51.3] },
        },
        maidstoneWard('E05015904', 'Bearsted', 0, 1),
        maidstoneWard('E05015905', 'Boxley', 1, 1),
      ],
    };
    await page
      .getByLabel('Load data')
      .setInputFiles(writeFile('kent-wards.geojson', JSON.stringify(kent)));
    const boundaries = report(page, 'kent-wards.geojson');
    await boundaries.waitFor({ timeout: 30_000 });
    await expect(boundaries.locator('summary').textContent()).resolves.toContain(
      '4 of 5 features loaded, 1 rejected',
    );
    await expect(
      boundaries
        .getByRole('table', { name: /^Rejected features/ })
        .locator('tbody tr')
        .allTextContents(),
    ).resolves.toEqual(['3Geometry is a Point, not a Polygon or MultiPolygon (ward E05015903)']);
    await expect(page.getByLabel('Area').locator('option').allTextContents()).resolves.toEqual([
      'Maidstone',
    ]);
    await expect
      .poll(async () => [...(await tableCounts(page)).keys()])
      .toEqual(['Allington', 'Barming', 'Bearsted', 'Boxley']);

    // A partner extract located by coordinates now falls in the Kent wards.
    const file = writeFile(
      'kent-extract.csv',
      [
        'offence_id,longitude,latitude,occurred_from,domestic_abuse,sexual_violence,victim_age',
        'K1,0.51,51.27,2025-03-01 20:00,no,no,22', // Allington
        'K2,0.53,51.29,2025-03-02 21:00,yes,no,35', // Boxley
        'K3,0.535,51.295,2025-03-02 21:30,no,no,41', // Boxley
        'K4,-0.2,51.5,2025-03-02 21:30,no,no,41', // London: outside the loaded wards
      ].join('\n'),
    );
    await page.getByLabel('Load data').setInputFiles(file);
    await report(page, 'kent-extract.csv').waitFor({ timeout: 30_000 });
    await expect
      .poll(async () => Object.fromEntries(await tableCounts(page)))
      .toEqual({ Allington: '1', Barming: '0', Bearsted: '0', Boxley: '2' });
    await expect(
      report(page, 'kent-extract.csv').locator('.rejections tbody tr').allTextContents(),
    ).resolves.toEqual(['5The point (-0.2, 51.5) is outside the loaded wards']);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
