/**
 * A police extract as it comes out of a force's system, through "Load data" in real Chromium: an
 * Excel workbook with dd/mm/yyyy dates, a time in its own column and British National Grid
 * eastings and northings goes through the "Match columns" step; the same data as CSV then loads
 * with no questions, through the saved matching. A workbook whose first sheet is notes has its
 * offences' sheet picked; a matching that rejects every row warns before loading; Cancel loads
 * nothing, also when it comes while a large workbook's sheet, preview or load is being read. Every figure is worked out here from the rows the test writes, placed by the ONS
 * centroids of the raw ward file.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Browser, Page } from 'playwright-core';
import proj4 from 'proj4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { excelSerial, writeXlsx, type XlsxCell } from '../support/xlsxWriter.ts';
import { accessibilityViolations, launchBrowser, openDashboard, openDetail } from './browser.ts';
import { metresToBorder, rawWards, report, tableCounts } from './wardReading.ts';

let browser: Browser;
const folder = mkdtempSync(path.join(tmpdir(), 'ward-match-'));

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** EPSG:27700 with the Ordnance Survey's Helmert parameters, as the EPSG registry gives it. */
const GRID =
  '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy +towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';
const toGrid = proj4('EPSG:4326', GRID);

const WARDS = ['Golborne', 'Dalgarno', 'Colville', "Earl's Court", 'Notting Dale'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Each ward's ONS centroid in grid metres, after checking it lies well inside the ward. */
const gridPoints = new Map(
  WARDS.map((name) => {
    const ward = rawWards.find((candidate) => candidate.properties.WD24NM === name);
    if (!ward) throw new Error(`no ward ${name}`);
    const point: [number, number] = [ward.properties.LONG, ward.properties.LAT];
    if (!booleanPointInPolygon(point, ward) || metresToBorder(point, ward) < 50)
      throw new Error(`the centroid of ${name} is not well inside it`);
    const [easting, northing] = toGrid.forward(point) as [number, number];
    return [name, [Math.round(easting), Math.round(northing)] as const];
  }),
);

interface Offence {
  id: string;
  /** London wall time, January 2025 (GMT, so UTC too). */
  day: number;
  hour: number;
  minute: number;
  ward: string | null;
  grid: readonly [number, number];
  age: number;
  domesticAbuse: boolean;
  /** Why the app must reject it, or null. */
  rejected: string | null;
}

const offences: Offence[] = Array.from({ length: 12 }, (_, index) => {
  const ward = WARDS[index % WARDS.length] as string;
  return {
    id: `01/${1000 + index}/25`,
    day: 6 + index,
    hour: (index * 5) % 24,
    minute: 30,
    ward,
    grid: gridPoints.get(ward) as readonly [number, number],
    age: 15 + index * 3,
    domesticAbuse: index % 3 === 0,
    rejected: null,
  };
});
// A point in the Midlands, and an offence listed twice.
offences.push({
  ...(offences[0] as Offence),
  id: '01/2000/25',
  ward: null,
  grid: [400000, 300000],
  rejected: 'The point (E 400000, N 300000) is outside the loaded wards',
});
offences.push({
  ...(offences[1] as Offence),
  rejected: `Offence ${offences[1]?.id} is already on row 3: only the first is counted`,
});

const HEADER = [
  'Crime Reference',
  'Committed From Date',
  'Committed From Time',
  'Easting',
  'Northing',
  'Victim Age',
  'DA Flag',
];
const two = (value: number) => String(value).padStart(2, '0');

/** The offences as a sheet "Crimes"; `notesFirst` puts a sheet of notes before it, as some
 * systems' exports have. */
function workbook(notesFirst = false): Uint8Array {
  const rows: XlsxCell[][] = [
    HEADER,
    ...offences.map((offence) => [
      offence.id,
      { date: excelSerial(2025, 1, offence.day) },
      { time: (offence.hour * 60 + offence.minute) / 1440 },
      offence.grid[0],
      offence.grid[1],
      offence.age,
      offence.domesticAbuse ? 'Y' : 'N',
    ]),
  ];
  const crimes = { name: 'Crimes', rows };
  return writeXlsx(
    notesFirst
      ? [
          { name: 'About this extract', rows: [['Extracted by'], ['Analyst, 3 February 2025']] },
          crimes,
        ]
      : [crimes],
  );
}

function csv(): string {
  return [
    HEADER.join(','),
    ...offences.map((offence) =>
      [
        offence.id,
        `${two(offence.day)}/01/2025`,
        `${two(offence.hour)}:${two(offence.minute)}`,
        offence.grid[0],
        offence.grid[1],
        offence.age,
        offence.domesticAbuse ? 'Y' : 'N',
      ].join(','),
    ),
  ].join('\r\n');
}

const loaded = offences.filter((offence) => offence.rejected === null);

/** Ward name -> offences, of all or of domestic abuse, as the ward table shows them. */
function expectedCounts(domesticAbuseOnly: boolean): Record<string, string> {
  const counts: Record<string, string> = {};
  for (const name of WARDS)
    counts[name] = String(
      loaded.filter(
        (offence) => offence.ward === name && (!domesticAbuseOnly || offence.domesticAbuse),
      ).length,
    );
  return counts;
}

async function countsShown(page: Page): Promise<Record<string, string>> {
  const shown = await tableCounts(page);
  return Object.fromEntries(WARDS.map((name) => [name, shown.get(name) ?? '']));
}

function writeFile(name: string, content: string | Uint8Array): string {
  const file = path.join(folder, name);
  writeFileSync(file, content);
  return file;
}

/** Rows of the large workbooks: enough that reading them takes seconds, so that Cancel comes
 * while they are read. Each offence is in Golborne, on a day of January 2025 at 10:30. */
const LARGE_ROWS = 60_000;
const golborne = gridPoints.get('Golborne') as readonly [number, number];

/** A police extract of LARGE_ROWS offences as the sheet "Crimes", after a sheet of notes. */
function largePoliceWorkbook(): Uint8Array {
  const rows: XlsxCell[][] = [HEADER];
  for (let index = 0; index < LARGE_ROWS; index += 1)
    rows.push([
      `02/${index}/25`,
      { date: excelSerial(2025, 1, 1 + (index % 28)) },
      { time: 630 / 1440 },
      golborne[0],
      golborne[1],
      30,
      'N',
    ]);
  return writeXlsx([
    { name: 'About this extract', rows: [['Extracted by'], ['Analyst, 3 February 2025']] },
    { name: 'Crimes', rows },
  ]);
}

/** The same offences in the partner extract's own columns, which load with no questions. */
function largeNativeWorkbook(): Uint8Array {
  const rows: XlsxCell[][] = [['offence_id', 'ward_code', 'occurred_from']];
  for (let index = 0; index < LARGE_ROWS; index += 1)
    rows.push([`N${index}`, 'E05009396', { date: excelSerial(2025, 1, 1 + (index % 28), 10, 30) }]);
  return writeXlsx([{ name: 'Offences', rows }]);
}

/** Nothing of `fileName` was loaded or kept: the demo data is shown, with no report of it, no
 * "Match columns" step and no matching saved. `settle`: how long to watch for a late answer. */
async function expectNothingLoaded(page: Page, fileName: string, settle = 3000): Promise<void> {
  const deadline = Date.now() + settle;
  while (Date.now() < deadline) {
    await expect(
      page.getByRole('dialog', { name: `Match columns: ${fileName}` }).isVisible(),
    ).resolves.toBe(false);
    await page.waitForTimeout(250);
  }
  await expect(page.getByText('Synthetic demo data').first().isVisible()).resolves.toBe(true);
  await expect(page.locator('.data-badge').textContent()).resolves.not.toContain(fileName);
  await expect(
    page
      .getByRole('region', { name: 'Column matchings' })
      .getByText(/^None saved\./)
      .isVisible(),
  ).resolves.toBe(true);
}

describe('Match columns', () => {
  it('loads an Excel police extract through the step, then the same data as CSV with no questions', async () => {
    const { page, errors } = await openDashboard(browser);
    await page.getByLabel('Load data').setInputFiles(writeFile('police-extract.xlsx', workbook()));
    const dialog = page.getByRole('dialog', { name: 'Match columns: police-extract.xlsx' });
    await dialog.waitFor({ timeout: 30_000 });

    // The roles proposed from the names and values.
    const roles = Object.fromEntries(
      await Promise.all(
        HEADER.map(async (column) => [
          column,
          await dialog.getByLabel(column, { exact: true }).inputValue(),
        ]),
      ),
    );
    expect(roles).toEqual({
      'Crime Reference': 'record_id',
      'Committed From Date': 'from',
      'Committed From Time': 'from_time',
      Easting: 'easting',
      Northing: 'northing',
      'Victim Age': 'victim_age',
      'DA Flag': 'domestic_abuse',
    });
    await dialog.getByLabel('Name of this source').fill('Police extract (Niche)');

    // The preview reads the whole file before anything loads.
    const rejectedCount = offences.length - loaded.length;
    await expect
      .poll(() => dialog.getByText(/rows would load/).textContent())
      .toBe(
        `${loaded.length} of ${offences.length} rows would load, ${rejectedCount} would be rejected.`,
      );
    const first = offences[0] as Offence;
    const firstWhen = `Mon ${first.day} Jan 2025 ${two(first.hour)}:${two(first.minute)}`;
    await expect(
      dialog
        .getByRole('table', { name: 'The first rows as they would load' })
        .locator('tbody tr')
        .first()
        .textContent(),
    ).resolves.toBe(
      `2${firstWhen}${first.ward}All serious violence, Domestic abuse, Youth violence (under 25)`,
    );
    expect(await accessibilityViolations(page)).toEqual([]);
    // Nothing has loaded yet: the demo data is still shown.
    await expect(page.getByText('Synthetic demo data').first().isVisible()).resolves.toBe(true);
    await dialog.getByRole('button', { name: 'Load' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);

    await expect.poll(() => countsShown(page)).toEqual(expectedCounts(false));
    const xlsxReport = report(page, 'police-extract.xlsx');
    await expect(xlsxReport.locator('summary').textContent()).resolves.toContain(
      `(Police extract (Niche)): ${loaded.length} of ${offences.length} rows loaded, ${rejectedCount} rejected`,
    );
    await expect(xlsxReport.locator('.rejections tbody tr').allTextContents()).resolves.toEqual(
      offences.flatMap((offence, index) =>
        offence.rejected === null ? [] : [`${index + 2}${offence.rejected}`],
      ),
    );
    // Each offence has a time and no end: one hour of the heatmap.
    const monday = loaded.filter(
      (offence) => new Date(Date.UTC(2025, 0, offence.day)).getUTCDay() === 1,
    );
    const cell = monday[0] as Offence;
    const inCell = loaded.filter(
      (offence) =>
        new Date(Date.UTC(2025, 0, offence.day)).getUTCDay() === 1 && offence.hour === cell.hour,
    ).length;
    // The heatmap is the "When" detail under the map.
    await openDetail(page, 'When');
    await expect(
      page
        .getByRole('button', {
          name: `${WEEKDAYS[1]} ${two(cell.hour)}:00–${two(cell.hour)}:59: ${inCell} offences`,
          exact: true,
        })
        .count(),
    ).resolves.toBe(1);
    await page.getByLabel('Theme').selectOption('domestic_abuse');
    await expect.poll(() => countsShown(page)).toEqual(expectedCounts(true));
    await page.getByLabel('Theme').selectOption('all');

    // The matching is kept: the same columns as CSV load at once.
    await expect(
      page
        .getByRole('region', { name: 'Column matchings' })
        .getByText('Police extract (Niche)', { exact: true })
        .count(),
    ).resolves.toBe(1);
    await page.getByRole('button', { name: 'Remove police-extract.xlsx' }).click();
    await page.getByLabel('Load data').setInputFiles(writeFile('police-extract.csv', csv()));
    const csvReport = report(page, 'police-extract.csv');
    await csvReport.waitFor({ timeout: 30_000 });
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);
    await expect(csvReport.locator('.notes li').first().textContent()).resolves.toBe(
      'Read with the saved column matching “Police extract (Niche)”, kept for files with these columns.',
    );
    await expect.poll(() => countsShown(page)).toEqual(expectedCounts(false));
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('picks a sheet, warns before loading a matching that rejects most rows, and loads nothing on Cancel', async () => {
    const { page, errors } = await openDashboard(browser);
    await page
      .getByLabel('Load data')
      .setInputFiles(writeFile('extract-with-notes.xlsx', workbook(true)));
    const dialog = page.getByRole('dialog', { name: 'Match columns: extract-with-notes.xlsx' });
    await dialog.waitFor({ timeout: 30_000 });
    // The first sheet is read first: its one column is offered, not the offences'.
    await expect(dialog.getByLabel('Sheet').inputValue()).resolves.toBe('About this extract');
    await expect(dialog.getByLabel('Extracted by', { exact: true }).count()).resolves.toBe(1);
    await dialog.getByLabel('Sheet').selectOption('Crimes');
    await dialog.getByLabel('Crime Reference', { exact: true }).waitFor({ timeout: 30_000 });
    await expect(dialog.getByLabel('Extracted by', { exact: true }).count()).resolves.toBe(0);
    await expect(dialog.getByLabel('Sheet').inputValue()).resolves.toBe('Crimes');

    // Easting and northing swapped: no point lands in a ward, so every row would be rejected.
    await dialog.getByLabel('Easting', { exact: true }).selectOption('northing');
    await dialog.getByLabel('Northing', { exact: true }).selectOption('easting');
    await expect
      .poll(() => dialog.getByText(/rows would load/).textContent())
      .toBe(`0 of ${offences.length} rows would load, ${offences.length} would be rejected.`);
    await expect(
      dialog
        .getByText('Most rows would be rejected: check what each column holds before loading.')
        .isVisible(),
    ).resolves.toBe(true);
    await expect(dialog.getByRole('button', { name: 'Load anyway' }).isEnabled()).resolves.toBe(
      true,
    );
    expect(await accessibilityViolations(page)).toEqual([]);

    // Cancel: nothing loads, no report, and no matching is kept.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expectNothingLoaded(page, 'extract-with-notes.xlsx', 0);
    await expect(report(page, 'extract-with-notes.xlsx').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('leaves nothing half-loaded when a large workbook is cancelled while its sheet, its preview or the load is read', async () => {
    const { page, errors } = await openDashboard(browser);
    const police = writeFile('large-police.xlsx', largePoliceWorkbook());
    const dialog = page.getByRole('dialog', { name: 'Match columns: large-police.xlsx' });

    // Cancel as soon as the offences' sheet is picked, while it is opened: the step stays closed.
    await page.getByLabel('Load data').setInputFiles(police);
    await dialog.waitFor({ timeout: 60_000 });
    await dialog.getByLabel('Sheet').selectOption('Crimes');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expectNothingLoaded(page, 'large-police.xlsx', 10_000);
    await expect(report(page, 'large-police.xlsx').count()).resolves.toBe(0);

    // Cancel while the preview reads the whole sheet.
    await page.getByLabel('Load data').setInputFiles(police);
    await dialog.waitFor({ timeout: 60_000 });
    await dialog.getByLabel('Sheet').selectOption('Crimes');
    await dialog.getByLabel('Crime Reference', { exact: true }).waitFor({ timeout: 60_000 });
    await dialog.getByText('Reading the file with these columns').waitFor({ timeout: 30_000 });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expectNothingLoaded(page, 'large-police.xlsx');
    await expect(report(page, 'large-police.xlsx').count()).resolves.toBe(0);

    // A workbook in known columns loads at once: Cancel while it is read, then Discard.
    await page
      .getByLabel('Load data')
      .setInputFiles(writeFile('large-native.xlsx', largeNativeWorkbook()));
    await page.getByText('Reading large-native.xlsx').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Cancel' }).click();
    const partial = page.getByRole('dialog', { name: 'Only part of large-native.xlsx was read' });
    await partial.waitFor({ timeout: 30_000 });
    await partial.getByRole('button', { name: 'Discard' }).click();
    await expect.poll(() => partial.isVisible()).toBe(false);
    await expectNothingLoaded(page, 'large-native.xlsx');
    await expect(
      page.getByRole('region', { name: 'Loaded data' }).textContent(),
    ).resolves.not.toContain('large-native.xlsx');
    // Its report says the load was cancelled, and loaded no more than the part read.
    await expect(
      report(page, 'large-native.xlsx').locator('.account').textContent(),
    ).resolves.toMatch(/Loading was cancelled: the rest of the file, about [\d,]+ rows/);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
