/**
 * Ward boundaries in British National Grid through "Load data" in real Chromium: Kensington and
 * Chelsea's 18 wards from the raw ONS file, converted to grid metres by the test's own proj4, as a
 * zipped Shapefile (with its .prj) and as a GeoJSON without any coordinate system named. Each must
 * give the same wards, and a partner extract placed by the raw file's ward centroids must find
 * each offence in its ward.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Position } from 'geojson';
import type { Browser, Page } from 'playwright-core';
import proj4 from 'proj4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BRITISH_NATIONAL_GRID_PRJ,
  type ShapefileFeature,
  writeShapefileZip,
} from '../support/shapefileWriter.ts';
import { accessibilityViolations, launchBrowser, openDashboard } from './browser.ts';
import { rawWards, report, tableCounts } from './wardReading.ts';

let browser: Browser;
const folder = mkdtempSync(path.join(tmpdir(), 'ward-grid-'));

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const toGrid = proj4(
  'EPSG:4326',
  '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy +towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs',
);

const kensington = rawWards.filter((ward) => ward.properties.LAD24CD === 'E09000020');
const names = kensington.map((ward) => ward.properties.WD24NM).sort();

/** Each ward's polygons in grid metres. */
const gridPolygons = (ward: (typeof kensington)[number]): [number, number][][][] =>
  (ward.geometry.type === 'Polygon' ? [ward.geometry.coordinates] : ward.geometry.coordinates).map(
    (rings) =>
      rings.map((ring) =>
        ring.map((position: Position) => toGrid.forward(position.slice(0, 2)) as [number, number]),
      ),
  );

const properties = (ward: (typeof kensington)[number]) => ({
  WD24CD: ward.properties.WD24CD,
  WD24NM: ward.properties.WD24NM,
  LAD24CD: 'E09000020',
  LAD24NM: 'Kensington and Chelsea',
});

function writeFile(name: string, content: string | Uint8Array): string {
  const file = path.join(folder, name);
  writeFileSync(file, content);
  return file;
}

/** One offence at each ward's ONS centroid, by longitude and latitude. */
const extract = [
  'offence_id,longitude,latitude,occurred_from',
  ...kensington.map(
    (ward, index) =>
      `G${index},${ward.properties.LONG},${ward.properties.LAT},2025-05-0${1 + (index % 9)} 12:00`,
  ),
].join('\n');

/** Loads a boundary file of Kensington and Chelsea's wards (and `rejected` features more), then
 * the extract placed by the raw file's centroids. */
async function loadBoundariesThenOffences(
  page: Page,
  file: string,
  fileName: string,
  rejected = 0,
) {
  await page.getByLabel('Load data').setInputFiles(file);
  const boundaries = report(page, fileName);
  await boundaries.waitFor({ timeout: 30_000 });
  await expect(boundaries.locator('summary').textContent()).resolves.toContain(
    `${kensington.length} of ${kensington.length + rejected} features loaded`,
  );
  await expect(boundaries.locator('.notes').textContent()).resolves.toContain(
    'British National Grid',
  );
  await expect(page.getByLabel('Area').locator('option').allTextContents()).resolves.toEqual([
    'Kensington and Chelsea',
  ]);
  await expect.poll(async () => [...(await tableCounts(page)).keys()].sort()).toEqual(names);
  await page.getByLabel('Load data').setInputFiles(writeFile('centroids.csv', extract));
  await report(page, 'centroids.csv').waitFor({ timeout: 30_000 });
  await expect
    .poll(async () => Object.fromEntries(await tableCounts(page)))
    .toEqual(Object.fromEntries(names.map((name) => [name, '1'])));
}

describe('ward boundaries in British National Grid', () => {
  it('loads a zipped Shapefile with its .prj', async () => {
    const { page, errors } = await openDashboard(browser);
    const features: ShapefileFeature[] = kensington.map((ward) => ({
      polygons: gridPolygons(ward),
      properties: properties(ward),
    }));
    const file = writeFile(
      'kensington-wards.zip',
      writeShapefileZip('kensington_wards', features, BRITISH_NATIONAL_GRID_PRJ),
    );
    await loadBoundariesThenOffences(page, file, 'kensington-wards.zip');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('loads a GeoJSON in grid metres that names no coordinate system', async () => {
    const { page, errors } = await openDashboard(browser);
    const collection = {
      type: 'FeatureCollection',
      features: kensington.map((ward) => ({
        type: 'Feature',
        properties: properties(ward),
        geometry: { type: 'MultiPolygon', coordinates: gridPolygons(ward) },
      })),
    };
    const file = writeFile('kensington-wards-bng.geojson', JSON.stringify(collection));
    await loadBoundariesThenOffences(page, file, 'kensington-wards-bng.geojson');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('loads a GeoPackage whose spatial reference system is EPSG:27700, with the features it rejects', async () => {
    const { page, errors } = await openDashboard(browser);
    // Written by scripts/geoPackageFixture.ts from the raw ONS file: the 18 wards, then a point
    // (feature 19) and a row without geometry (feature 20).
    const fileName = 'kensington_chelsea_wards_2024_bng.gpkg';
    // The file picker offers GeoPackages among the files it shows.
    await expect(page.getByLabel('Load data').getAttribute('accept')).resolves.toContain('.gpkg');
    const file = path.resolve(import.meta.dirname, '../fixtures', fileName);
    await loadBoundariesThenOffences(page, file, fileName, 2);
    const boundaries = report(page, fileName);
    await expect(boundaries.locator('.notes').textContent()).resolves.toContain(
      'British National Grid (its spatial reference system is EPSG:27700)',
    );
    if (!(await boundaries.evaluate((details) => (details as HTMLDetailsElement).open)))
      await boundaries.locator('summary').click();
    const text = await boundaries.textContent();
    expect(text).toContain('Geometry is a Point, not a Polygon or MultiPolygon (ward E05099998)');
    expect(text).toContain('No geometry (ward E05099999)');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('asks for properties not named as ONS names them, as the user matches them, and reads them at once the next time', async () => {
    const { page, errors } = await openDashboard(browser);
    // A council's names: the code, a reference that is words too, then the ward's name.
    const councilProperties = (ward: (typeof kensington)[number], index: number) => ({
      code: ward.properties.WD24CD,
      ref: `KC ward ${index + 1}`,
      label: ward.properties.WD24NM,
      borough: 'E09000020',
    });
    const collection = {
      type: 'FeatureCollection',
      features: kensington.map((ward, index) => ({
        type: 'Feature',
        properties: councilProperties(ward, index),
        geometry: { type: 'MultiPolygon', coordinates: gridPolygons(ward) },
      })),
    };
    await page
      .getByLabel('Load data')
      .setInputFiles(writeFile('council-wards.geojson', JSON.stringify(collection)));
    const dialog = page.getByRole('dialog', { name: 'Match columns: council-wards.geojson' });
    await dialog.waitFor({ timeout: 30_000 });
    const role = (property: string) => dialog.getByLabel(property, { exact: true }).inputValue();
    // Proposed from the values: E05 codes, E09 codes, and the first property of words.
    await expect(role('code')).resolves.toBe('ward_code');
    await expect(role('borough')).resolves.toBe('lad_code');
    await expect(role('ref')).resolves.toBe('ward_name');
    await expect(role('label')).resolves.toBe('ignore');
    // The user puts the name right.
    await dialog.getByLabel('ref', { exact: true }).selectOption('ignore');
    await dialog.getByLabel('label', { exact: true }).selectOption('ward_name');
    await dialog.getByLabel('Name of this source').fill('Council ward layer');
    await expect
      .poll(() => dialog.getByText(/^[\d,]+ of [\d,]+ features would load/).textContent())
      .toBe(`${kensington.length} of ${kensington.length} features would load.`);
    expect(await accessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Load' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(async () => [...(await tableCounts(page)).keys()].sort()).toEqual(names);
    await expect(page.getByLabel('Area').locator('option').allTextContents()).resolves.toEqual([
      'E09000020',
    ]);
    await expect(
      page
        .getByRole('region', { name: 'Column matchings' })
        .getByText('Council ward layer', { exact: true })
        .count(),
    ).resolves.toBe(1);

    // The same properties as a zipped Shapefile: read at once with the saved matching.
    const features: ShapefileFeature[] = kensington.map((ward, index) => ({
      polygons: gridPolygons(ward),
      properties: councilProperties(ward, index),
    }));
    await page
      .getByLabel('Load data')
      .setInputFiles(
        writeFile(
          'council-wards.zip',
          writeShapefileZip('council_wards', features, BRITISH_NATIONAL_GRID_PRJ),
        ),
      );
    const shapefile = report(page, 'council-wards.zip');
    await shapefile.waitFor({ timeout: 30_000 });
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);
    await expect(shapefile.locator('.notes li').first().textContent()).resolves.toBe(
      'Read with the saved column matching “Council ward layer”, kept for files with these properties.',
    );
    await expect.poll(async () => [...(await tableCounts(page)).keys()].sort()).toEqual(names);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
