/**
 * The data.police.uk archive as downloaded, through "Load data" in real Chromium: a generated zip
 * of monthly folders with street-level, outcomes and stop-and-search files for several forces.
 * Ward counts are checked against the test's own placing of each point (Turf over the raw ward
 * GeoJSON); rows outside London's wards are reported by force, other files counted as not read.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { strToU8, zipSync } from 'fflate';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../scripts/demoData.ts';
import { launchBrowser, openDashboard, tableCounts, waitForDashboard } from './browser.ts';
import { geodataPath, WARDS } from './rawFiles.ts';

const KENSINGTON_AND_CHELSEA = 'E09000020';
const HEADER =
  'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';
const MONTHS = ['2025-01', '2025-02', '2025-03'];
const CRIME_TYPES = ['Robbery', 'Violence and sexual offences', 'Anti-social behaviour'];

type WardFeature = Feature<
  Polygon | MultiPolygon,
  { WD24CD: string; WD24NM: string; LAD24CD: string; LAT: number; LONG: number }
>;

const rawWards = (
  JSON.parse(readFileSync(geodataPath(WARDS), 'utf8')) as { features: WardFeature[] }
).features;

let browser: Browser;
const folder = mkdtempSync(path.join(tmpdir(), 'ward-archive-'));

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** A point inside a ward: its published centroid (LAT, LONG), nudged until Turf agrees. */
function pointIn(ward: WardFeature, random: () => number): [number, number] {
  for (;;) {
    const point: [number, number] = [
      ward.properties.LONG + (random() - 0.5) * 0.004,
      ward.properties.LAT + (random() - 0.5) * 0.004,
    ];
    if (booleanPointInPolygon(point, ward)) return point;
  }
}

interface Archive {
  file: string;
  /** Ward name -> crime type -> count, worked out from the rows written. */
  expected: Map<string, Map<string, number>>;
  outsideByForce: { Kent: number; Surrey: number };
  streetRows: number;
  noCoordinates: number;
}

/**
 * Three months; the Met's street files with crimes in Kensington and Chelsea's wards, Kent's and
 * Surrey's with crimes in their own counties (outside London's wards), a few Met rows without
 * coordinates; every force-month also has outcomes and stop-and-search files, and the archive a
 * readme at its root.
 */
function writeArchive(): Archive {
  const random = mulberry32(2025);
  const rbkc = rawWards.filter((ward) => ward.properties.LAD24CD === KENSINGTON_AND_CHELSEA);
  const expected = new Map<string, Map<string, number>>();
  const outsideByForce = { Kent: 0, Surrey: 0 };
  const files: Record<string, Uint8Array> = { 'README.txt': strToU8('data.police.uk archive') };
  let streetRows = 0;
  let noCoordinates = 0;
  const row = (month: string, force: string, point: [number, number] | null, type: string) =>
    [
      random().toString(16).slice(2),
      month,
      force,
      force,
      point ? point[0].toFixed(6) : '',
      point ? point[1].toFixed(6) : '',
      'On or near Parking Area',
      'E01000001',
      'Somewhere 001A',
      type,
      'Under investigation',
      '',
    ].join(',');
  for (const month of MONTHS) {
    const met: string[] = [HEADER];
    for (let index = 0; index < 400; index += 1) {
      const ward = rbkc[Math.floor(random() * rbkc.length)] as WardFeature;
      const type = CRIME_TYPES[Math.floor(random() * CRIME_TYPES.length)] as string;
      const point = pointIn(ward, random);
      // The test's own placing: the raw ward that holds the point.
      const holder = rawWards.find((candidate) => booleanPointInPolygon(point, candidate));
      const name = holder?.properties.WD24NM ?? 'none';
      const byType = expected.get(name) ?? new Map<string, number>();
      byType.set(type, (byType.get(type) ?? 0) + 1);
      expected.set(name, byType);
      met.push(row(month, 'Metropolitan Police Service', point, type));
    }
    for (let index = 0; index < 5; index += 1) {
      met.push(row(month, 'Metropolitan Police Service', null, 'Robbery'));
      noCoordinates += 1;
    }
    const kent: string[] = [HEADER];
    const surrey: string[] = [HEADER];
    // Maidstone and Guildford, well outside London.
    for (let index = 0; index < 30 + MONTHS.indexOf(month); index += 1) {
      kent.push(row(month, 'Kent Police', [0.52 + random() * 0.01, 51.27], 'Robbery'));
      outsideByForce.Kent += 1;
    }
    for (let index = 0; index < 12; index += 1) {
      surrey.push(row(month, 'Surrey Police', [-0.57, 51.24 + random() * 0.01], 'Robbery'));
      outsideByForce.Surrey += 1;
    }
    streetRows += met.length + kent.length + surrey.length - 3;
    for (const [force, lines] of [
      ['metropolitan', met],
      ['kent', kent],
      ['surrey', surrey],
    ] as const) {
      files[`${month}/${month}-${force}-street.csv`] = strToU8(`${lines.join('\n')}\n`);
      files[`${month}/${month}-${force}-outcomes.csv`] = strToU8('Crime ID,Month,Outcome type\n');
      files[`${month}/${month}-${force}-stop-and-search.csv`] = strToU8('Type,Date\n');
    }
  }
  const file = path.join(folder, 'police-uk-archive.zip');
  writeFileSync(file, zipSync(files, { level: 6 }));
  return { file, expected, outsideByForce, streetRows, noCoordinates };
}

describe('the data.police.uk archive', () => {
  it('is read month by month into the wards, with rows outside them reported by force', async () => {
    const archive = writeArchive();
    const { page, errors } = await openDashboard(browser, `?area=${KENSINGTON_AND_CHELSEA}`);
    // Every label the progress bar has while the archive loads.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressLabels: string[] }).progressLabels = seen;
      new MutationObserver(() => {
        const label = document.querySelector('.loading label')?.textContent;
        if (label && seen.at(-1) !== label) seen.push(label);
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    await page.getByLabel('Load data').setInputFiles(archive.file);
    const report = page.locator('details.report', { hasText: 'police-uk-archive.zip' });
    await report.waitFor({ timeout: 30_000 });

    // Rows read: the Met's 3 × 405, Kent's 30 + 31 + 32, Surrey's 3 × 12; loaded: the Met's
    // rows with coordinates; rejected: the 15 without and the 129 outside London.
    const outside = archive.outsideByForce.Kent + archive.outsideByForce.Surrey;
    const loaded = archive.streetRows - archive.noCoordinates - outside;
    const count = (value: number) => value.toLocaleString('en-GB');
    await expect(report.locator('summary').textContent()).resolves.toBe(
      `police-uk-archive.zip (data.police.uk street-level crime (archive of monthly files)): ${count(loaded)} of ${count(archive.streetRows)} rows loaded, ${count(archive.noCoordinates + outside)} rejected`,
    );
    // Progress by month: each label names a month of the three, in order.
    const labels = await page.evaluate(
      () => (window as unknown as { progressLabels: string[] }).progressLabels,
    );
    const monthLabels = ['Jan', 'Feb', 'Mar'].map(
      (month, index) => `Reading police-uk-archive.zip: ${month} 2025 (month ${index + 1} of 3)`,
    );
    const withMonth = labels.filter((label) => label.includes(': '));
    expect(withMonth.length).toBeGreaterThan(0);
    expect(withMonth.every((label) => monthLabels.includes(label))).toBe(true);
    const order = withMonth.map((label) => monthLabels.indexOf(label));
    expect(order).toEqual([...order].sort());
    await report.locator('summary').click();
    const notes = (await report.locator('.notes').textContent()) ?? '';
    expect(notes).toContain('9 street-level files read: 3 months from 3 forces.');
    expect(notes).toContain(
      `Outside the loaded wards, by force: Kent ${archive.outsideByForce.Kent}, Surrey ${archive.outsideByForce.Surrey}.`,
    );
    expect(notes).toContain(
      'Not offences, so not read: 9 outcomes files, 9 stop and search files, 1 other file.',
    );

    const expectedOf = (type: string) =>
      Object.fromEntries(
        [...archive.expected].map(([ward, byType]) => [ward, count(byType.get(type) ?? 0)]),
      );
    const shownOf = async (wards: Record<string, string>) => {
      const shown = await tableCounts(page);
      return Object.fromEntries(Object.keys(wards).map((ward) => [ward, shown[ward]]));
    };
    for (const type of CRIME_TYPES) {
      const label = type === 'Violence and sexual offences' ? `${type} (police.uk)` : type;
      await page.getByLabel('Theme').selectOption({ label });
      const expected = expectedOf(type);
      await expect.poll(() => shownOf(expected)).toEqual(expected);
    }

    // Kept in the browser: after a reload the wards' counts are back without reading the zip.
    await expect
      .poll(() => page.locator('.loaded-data .keeping').textContent(), { timeout: 30_000 })
      .toBe('Kept in this browser');
    await page.reload();
    await waitForDashboard(page);
    const last = expectedOf(CRIME_TYPES.at(-1) as string);
    await expect.poll(() => shownOf(last), { timeout: 30_000 }).toEqual(last);
    await expect(page.locator('details.report').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
