/**
 * Every row accounted for, in real Chromium: files with the faults users' files have, loaded
 * through "Load data", and the report, the list of rows not loaded and the figures on screen
 * checked against what the tests work out from the rows they wrote.
 */
import { gzipSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import type { Browser, Locator, Page } from 'playwright-core';
import type { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rectangle } from '../support/wards.ts';
import {
  closeDetails,
  dataBadge,
  elementPixels,
  launchBrowser,
  openDashboard,
  wardTableCounts,
} from './browser.ts';
import { RBKC_CODES, RBKC_WARD_NAMES } from './expectations.ts';
import { download, parseCsv, scratchFiles } from './files.ts';

let browser: Browser;
const files = scratchFiles('ward-accounting-');

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

function reportOf(page: Page, fileName: string): Locator {
  return page.locator('details.report', { hasText: fileName });
}

/** Opens a folded report as a user would; one with few rejections opens by itself. */
async function openReport(report: Locator): Promise<void> {
  if (!(await report.evaluate((details) => (details as HTMLDetailsElement).open)))
    await report.locator('summary').click();
}

describe('every row accounted for', () => {
  it('rejects the one row of a partner extract where a stray quote opens, and loads the other 999', async () => {
    const { page, errors } = await openDashboard(browser, '', {
      viewport: { width: 1400, height: 1000 },
      acceptDownloads: true,
    });
    const codes = RBKC_WARD_NAMES.map((name) => RBKC_CODES[name] as string);
    const rows = Array.from({ length: 1000 }, (_, index) => {
      const day = String((index % 28) + 1).padStart(2, '0');
      const ward = codes[index % codes.length] as string;
      // Row 11 of the file (the tenth offence): a notes cell whose quote is never closed.
      const notes = index === 9 ? '"He said no' : 'checked';
      return { ward, line: `P${index + 1},${ward},2026-01-${day} 10:00,,no,no,30,${notes}` };
    });
    const file = files.write(
      'extract-with-stray-quote.csv',
      [
        'offence_id,ward_code,occurred_from,occurred_to,domestic_abuse,sexual_violence,victim_age,notes',
        ...rows.map((row) => row.line),
      ].join('\n'),
    );
    await page.getByLabel('Load data').setInputFiles(file);
    const report = reportOf(page, 'extract-with-stray-quote.csv');
    await expect
      .poll(() => report.locator('summary').textContent())
      .toContain('999 of 1,000 rows loaded, 1 rejected');
    await openReport(report);
    await expect(report.locator('.account').textContent()).resolves.toBe(
      '1,000 rows read: 999 loaded, 1 rejected. The whole file was read: 1,001 lines, the header included.',
    );
    const listed = await report
      .getByRole('table', { name: /^Rejected rows/ })
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
      );
    const reason =
      'The quoted cell in column 8 (notes) runs on into the rows after it: the row is rejected and reading goes on at the next line';
    expect(listed).toEqual([['11', reason]]);

    // Every other offence is on the map: each ward's count is its rows, the stray one apart.
    const expected = new Map(RBKC_WARD_NAMES.map((name) => [name, 0]));
    rows.forEach((row, index) => {
      if (index === 9) return;
      const name = RBKC_WARD_NAMES[codes.indexOf(row.ward)] as string;
      expected.set(name, (expected.get(name) ?? 0) + 1);
    });
    await expect.poll(() => wardTableCounts(page)).toEqual(expected);

    // The whole list of rows not loaded, as CSV.
    const { name, bytes } = await download(page, 'Download the rows not loaded (CSV, 1 row)');
    expect(name).toBe('extract-with-stray-quote-rows-not-loaded.csv');
    expect(parseCsv(bytes.toString('utf8').replace(/^\uFEFF/, ''))).toEqual([
      ['Row', 'Outcome', 'Reason'],
      ['11', 'Rejected', reason],
    ]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('rejects placeholder dates and short years with their reasons, and the period follows the good rows', async () => {
    const { page, errors } = await openDashboard(browser);
    const codes = RBKC_WARD_NAMES.map((name) => RBKC_CODES[name] as string);
    // 120 offences in 2025, ten a month, each in the next RBKC ward.
    const good = Array.from({ length: 120 }, (_, index) => {
      const month = String(Math.floor(index / 10) + 1).padStart(2, '0');
      return {
        ward: codes[index % codes.length] as string,
        from: `2025-${month}-15 21:00`,
        to: '',
      };
    });
    // What police and council systems write for "not known", and years not in full (a two-digit
    // year is 20yy, so 95 would be 2095, after next year).
    const bad = [
      { from: '31/12/9999', to: '' },
      { from: '01/01/1900 00:00', to: '' },
      { from: '0025-01-10 10:00', to: '' },
      { from: '10/01/95 22:30', to: '' },
      { from: '2025-03-01 10:00', to: '31/12/9999' },
    ].map((row) => ({ ...row, ward: codes[0] as string }));
    // The bad rows after the first 60 good ones: rows 62 to 66 of the file.
    const rows = [...good.slice(0, 60), ...bad, ...good.slice(60)];
    const file = files.write(
      'extract-with-placeholder-dates.csv',
      [
        'offence_id,ward_code,occurred_from,occurred_to,domestic_abuse,sexual_violence,victim_age',
        ...rows.map((row, index) => `P${index + 1},${row.ward},${row.from},${row.to},no,no,30`),
      ].join('\n'),
    );
    await page.getByLabel('Load data').setInputFiles(file);
    const report = reportOf(page, 'extract-with-placeholder-dates.csv');
    await expect
      .poll(() => report.locator('summary').textContent())
      .toContain('120 of 125 rows loaded, 5 rejected');
    await openReport(report);
    const placeholder = (cell: string, date: string) =>
      `${cell}: Date "${date}" is a placeholder that systems write for "not known", not a date`;
    await expect(rejectedRows(report)).resolves.toEqual([
      ['62', placeholder('occurred_from', '31/12/9999')],
      ['63', placeholder('occurred_from', '01/01/1900 00:00')],
      ['64', 'occurred_from: Date "0025-01-10 10:00" has the year 0025: write the year in full'],
      [
        '65',
        `occurred_from: "10/01/95 22:30" has a two-digit year, and 2095 is after ${new Date().getFullYear() + 1}: write the year in full (e.g. 1995)`,
      ],
      ['66', placeholder('occurred_to', '31/12/9999')],
    ]);
    // The period is the good rows' year, not 1900 to 9999.
    await expect(page.getByLabel('From', { exact: true }).inputValue()).resolves.toBe('2025-01');
    await expect(page.getByLabel('To', { exact: true }).inputValue()).resolves.toBe('2025-12');
    const expected = new Map(RBKC_WARD_NAMES.map((name) => [name, 0]));
    for (const row of good) {
      const name = RBKC_WARD_NAMES[codes.indexOf(row.ward)] as string;
      expected.set(name, (expected.get(name) ?? 0) + 1);
    }
    await expect.poll(() => wardTableCounts(page)).toEqual(expected);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('rejects counts that are not plain whole numbers up to a million, and adds large ones exactly', async () => {
    const { page, errors } = await openDashboard(browser);
    const golborne = RBKC_CODES.Golborne as string;
    const dalgarno = RBKC_CODES.Dalgarno as string;
    const row = (ward: string, count: string) => `${ward},robbery,2026-01,Mon,10,${count}`;
    // Golborne: 17 rows of 1,000,000 and one of 1, all in one cell of the cube: 17,000,001, a
    // total that 32-bit floats round to 17,000,000.
    const big = Array.from({ length: 17 }, () => row(golborne, '1000000'));
    const notCounts = ['1000001', '1000000000000000', '1e3', '0x10', '0b101', '1e39'];
    const file = files.write(
      'huge-counts.csv',
      [
        'ward_code,theme,month,weekday,hour,count',
        ...big,
        row(golborne, '1'),
        row(dalgarno, '5'),
        ...notCounts.map((count) => row(dalgarno, count)),
      ].join('\n'),
    );
    await page.getByLabel('Load data').setInputFiles(file);
    const report = reportOf(page, 'huge-counts.csv');
    await expect
      .poll(() => report.locator('summary').textContent())
      .toContain('19 of 25 rows loaded, 6 rejected');
    await openReport(report);
    const tooLarge = (count: string) =>
      `Count ${count} is more than 1,000,000, the most one row can hold`;
    const notPlain = (count: string) => `Count is not written in plain digits: "${count}"`;
    // Rows 21 to 26: after the header, 17 + 1 + 1 good rows.
    await expect(rejectedRows(report)).resolves.toEqual([
      ['21', tooLarge('1000001')],
      ['22', tooLarge('1000000000000000')],
      ['23', notPlain('1e3')],
      ['24', notPlain('0x10')],
      ['25', notPlain('0b101')],
      ['26', notPlain('1e39')],
    ]);
    await expect.poll(() => golborneAndDalgarno(page)).toEqual([17_000_001, 5]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("reads JavaScript's own names as a file's words: a theme of its own, an unknown weekday", async () => {
    const { page, errors } = await openDashboard(browser);
    const golborne = RBKC_CODES.Golborne as string;
    const dalgarno = RBKC_CODES.Dalgarno as string;
    const file = files.write(
      'javascript-names.csv',
      [
        'ward_code,theme,month,weekday,hour,count',
        `${golborne},constructor,2026-01,Mon,10,3`,
        `${dalgarno},robbery,2026-01,constructor,10,2`,
        `${dalgarno},robbery,2026-01,__proto__,10,2`,
        `${dalgarno},robbery,2026-01,Tue,10,4`,
        `${dalgarno},__proto__,2026-01,Tue,10,1`,
      ].join('\n'),
    );
    await page.getByLabel('Load data').setInputFiles(file);
    const report = reportOf(page, 'javascript-names.csv');
    await expect
      .poll(() => report.locator('summary').textContent())
      .toContain('2 of 5 rows loaded, 3 rejected');
    await openReport(report);
    await expect(rejectedRows(report)).resolves.toEqual([
      ['3', 'Weekday is not Mon..Sun or 1-7: "constructor"'],
      ['4', 'Weekday is not Mon..Sun or 1-7: "__proto__"'],
      ['6', 'Theme is not a valid id: "__proto__"'],
    ]);
    await expect(page.getByLabel('Theme').locator('option').allTextContents()).resolves.toEqual([
      'All serious violence',
      'Constructor',
      'Robbery',
    ]);
    // All serious violence: Golborne's 3 "constructor" offences and Dalgarno's 4 robberies.
    await expect.poll(() => golborneAndDalgarno(page)).toEqual([3, 4]);
    await page.getByLabel('Theme').selectOption({ label: 'Constructor' });
    await expect.poll(() => golborneAndDalgarno(page)).toEqual([3, 0]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('converts a British National Grid boundary file, and rejects swapped and implausible wards with the reason', async () => {
    const { page, errors } = await openDashboard(browser);
    const properties = (code: string, name: string) => ({
      WD24CD: code,
      WD24NM: name,
      LAD24CD: 'E07000110',
      LAD24NM: 'Maidstone',
    });
    // Two Maidstone wards as eastings and northings (EPSG:27700), as a GIS exports them.
    const grid = {
      type: 'FeatureCollection',
      features: [0, 1].map((column) => ({
        type: 'Feature',
        properties: properties(`E0501590${column + 1}`, `Ward ${column + 1}`),
        geometry: rectangle(575000 + column * 1000, 155000, 1000, 1000),
      })),
    };
    await page
      .getByLabel('Load data')
      .setInputFiles(files.write('maidstone-bng.geojson', JSON.stringify(grid)));
    // Told from its coordinates (no crs member) and converted to longitude and latitude.
    const gridReport = reportOf(page, 'maidstone-bng.geojson');
    await expect
      .poll(() => gridReport.locator('summary').textContent())
      .toContain('2 of 2 features loaded');
    await openReport(gridReport);
    await expect(gridReport.locator('.notes').textContent()).resolves.toContain(
      'British National Grid (its coordinates are metres within the grid)',
    );
    await expect
      .poll(async () => [...(await wardTableCounts(page)).keys()])
      .toEqual(['Ward 1', 'Ward 2']);

    // Two good wards, one with latitude and longitude swapped, one round the world, one of no
    // area, one in Paris.
    const mixed = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: properties('E05015901', 'Allington'),
          geometry: rectangle(0.5, 51.26, 0.02, 0.02),
        },
        {
          type: 'Feature',
          properties: properties('E05015902', 'Barming'),
          geometry: rectangle(0.52, 51.26, 0.02, 0.02),
        },
        {
          type: 'Feature',
          properties: properties('E05015903', 'Swapped'),
          geometry: rectangle(51.26, 0.5, 0.02, 0.02),
        },
        {
          type: 'Feature',
          properties: properties('E05015904', 'World'),
          geometry: rectangle(-180, -90, 360, 180),
        },
        {
          type: 'Feature',
          properties: properties('E05015905', 'Line'),
          geometry: rectangle(0.5, 51.3, 0.02, 0),
        },
        {
          type: 'Feature',
          properties: properties('E05015906', 'Paris'),
          geometry: rectangle(2.35, 48.85, 0.02, 0.02),
        },
      ],
    };
    await page
      .getByLabel('Load data')
      .setInputFiles(files.write('maidstone-mixed.geojson', JSON.stringify(mixed)));
    const report = reportOf(page, 'maidstone-mixed.geojson');
    await expect
      .poll(() => report.locator('summary').textContent())
      .toContain('2 of 6 features loaded, 4 rejected');
    await openReport(report);
    const outsideUk = 'outside the UK (latitude 49.8 to 61, longitude −8.7 to 2)';
    await expect(
      report
        .getByRole('table', { name: /^Rejected features/ })
        .locator('tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
        ),
    ).resolves.toEqual([
      [
        '3',
        `Coordinates such as [51.26, 0.5] are [latitude, longitude]: GeoJSON gives longitude first, so the ward would be drawn ${outsideUk} (ward E05015903)`,
      ],
      [
        '4',
        'The ward spans 360° of longitude by 180° of latitude: no ward spans more than 3° (ward E05015904)',
      ],
      ['5', 'The ward encloses no area: its points lie on a line (ward E05015905)'],
      ['6', `The ward at [2.35, 48.85] is ${outsideUk} (ward E05015906)`],
    ]);
    await expect
      .poll(async () => [...(await wardTableCounts(page)).keys()])
      .toEqual(['Allington', 'Barming']);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('files the app does not read', () => {
  /** Files of kinds partners send that are not tables, each under a name that hides it. */
  const notTables = () => {
    const csv = 'ward_code,theme,month,count\nE05009396,robbery,2026-01,50\n';
    return [
      {
        name: 'offences-archive.zip',
        bytes: zipSync({ 'offences.txt': strToU8(csv), 'readme.txt': strToU8('notes') }),
        message:
          'This zip archive holds no Excel workbook, no Shapefile (.shp with its .dbf) and no data.police.uk street-level files (month folders such as 2023-04/ with files such as 2023-04-kent-street.csv).',
      },
      {
        name: 'offences.csv',
        bytes: gzipSync(csv),
        message: 'This is a gzip-compressed file: decompress it first, then load the file inside.',
      },
      {
        name: 'wards.gpkg',
        // A GeoPackage is an SQLite database: a damaged one, the first bytes of its header and
        // then zeros. (GeoPackages are read since issue 11: grid-boundaries.test.ts loads one.)
        bytes: new Uint8Array([...strToU8('SQLite format 3\0'), ...new Uint8Array(4080)]),
        message:
          'The file starts as an SQLite database, as a GeoPackage does, but cannot be opened (file is not a database): it may be damaged or cut short.',
      },
      {
        name: 'wards.kml',
        bytes: strToU8(
          '<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>Golborne</name></Placemark></Document></kml>\n',
        ),
        message:
          'This is a KML file (Google Earth), which the app does not read: export the ward boundaries as GeoJSON or a zipped Shapefile.',
      },
    ];
  };

  /** What the user sees of the data: the badge, every ward's count, the reports of files read. */
  const whatIsShown = async (page: Page) => ({
    badge: await dataBadge(page),
    counts: await wardTableCounts(page),
    reports: await page.locator('details.report summary').allTextContents(),
  });

  /** Each file named with what it is and what to do, none read as a table of columns (no
   * Match columns step), and the data shown as it was. */
  const expectNamedAndNothingLost = async (
    { page, errors }: { page: Page; errors: string[] },
    unread: ReturnType<typeof notTables>,
    before: Awaited<ReturnType<typeof whatIsShown>>,
  ) => {
    await expect
      .poll(() => page.getByRole('alert').locator('p').allTextContents())
      .toEqual(unread.map(({ name, message }) => `${name}: ${message}`));
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);
    await expect(whatIsShown(page)).resolves.toEqual(before);
    expect(errors).toEqual([]);
    await page.context().close();
  };

  it('names a zip, gzip, GeoPackage and KML file chosen together, and keeps the data loaded', async () => {
    const { page, errors } = await openDashboard(browser);
    const golborne = RBKC_CODES.Golborne as string;
    await page
      .getByLabel('Load data')
      .setInputFiles(
        files.write(
          'extract.csv',
          `ward_code,theme,month,weekday,hour,count\n${golborne},robbery,2026-01,Mon,10,7\n`,
        ),
      );
    await expect.poll(() => golborneAndDalgarno(page)).toEqual([7, 0]);
    const before = await whatIsShown(page);

    const unread = notTables();
    await page
      .getByLabel('Load data')
      .setInputFiles(unread.map(({ name, bytes }) => files.write(name, bytes)));
    await expectNamedAndNothingLost({ page, errors }, unread, before);
  });

  it('names the same files dropped on the page', async () => {
    const { page, errors } = await openDashboard(browser);
    const before = await whatIsShown(page);
    const unread = notTables();
    const transfer = await page.evaluateHandle(
      (dropped) => {
        const data = new DataTransfer();
        for (const { name, bytes } of dropped)
          data.items.add(new File([new Uint8Array(bytes)], name));
        return data;
      },
      unread.map(({ name, bytes }) => ({ name, bytes: [...bytes] })),
    );
    await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer });
    await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
    await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
    await expectNamedAndNothingLost({ page, errors }, unread, before);
  });
});

describe('limits of the GPU', () => {
  it('draws ward names holding 3,000 distinct characters as text, not black squares and bars', async () => {
    const { page, errors } = await openDashboard(browser);
    const ward = (code: string, name: string, south: number) => ({
      type: 'Feature',
      properties: { WD24CD: code, WD24NM: name, LAD24CD: 'E07000110', LAD24NM: 'Maidstone' },
      geometry: rectangle(0.5, south, 0.04, 0.02),
    });
    // Barming's name is 3,000 distinct Chinese characters (from U+4E00 on): deck.gl's font
    // atlas of them at its own 64 px glyphs is 32,768 px tall, past any GPU's texture size.
    const manyCharacters = String.fromCodePoint(
      ...Array.from({ length: 3000 }, (_, index) => 0x4e00 + index),
    );
    const file = files.write(
      'wards-with-long-names.geojson',
      JSON.stringify({
        type: 'FeatureCollection',
        features: [ward('E05015901', 'Allington', 51.26), ward('E05015902', manyCharacters, 51.28)],
      }),
    );
    await page.getByLabel('Load data').setInputFiles(file);
    await expect
      .poll(() => reportOf(page, 'wards-with-long-names.geojson').locator('summary').textContent())
      .toContain('2 of 2 features loaded');
    await expect
      .poll(async () => [...(await wardTableCounts(page)).keys()].sort())
      .toEqual(['Allington', manyCharacters].sort());
    await closeDetails(page);

    // Allington's name in the lower half of the map, Barming's across the upper half: the
    // pixels of each that change when the labels are turned on.
    const mapPixels = () => elementPixels(page, '.ward-map');
    const shown = await mapPixels();
    const middle = Math.floor(shown.height / 2);
    const labelsBox = page.getByRole('checkbox', { name: 'Ward labels' });
    await labelsBox.uncheck();
    // Without labels once the map has changed and stopped changing.
    let unlabelled = shown;
    await expect
      .poll(async () => {
        const next = await mapPixels();
        const settled = next.data.equals(unlabelled.data) && !next.data.equals(shown.data);
        unlabelled = next;
        return settled;
      })
      .toBe(true);
    await labelsBox.check();
    let labelled = unlabelled;
    await expect
      .poll(async () => {
        labelled = await mapPixels();
        return [
          labelPixels(labelled, unlabelled, [0, middle]).changed > 1000,
          labelPixels(labelled, unlabelled, [middle, labelled.height]).changed > 40,
        ];
      })
      .toEqual([true, true]);
    const barming = labelPixels(labelled, unlabelled, [0, middle]);
    const allington = labelPixels(labelled, unlabelled, [middle, labelled.height]);
    // Text: dark strokes (the names are drawn near-black) inside a white halo, so that much
    // of what a label changes is not dark, and no dark run is longer than a letter's stroke.
    // Glyphs drawn from an atlas past the GPU's texture size are solid dark squares, side by
    // side: Allington's name was 83% dark with a run of 39 pixels, Barming's a dark bar from
    // edge to edge. (The test machine has no Chinese font: Barming's characters are drawn as
    // light empty boxes, which the GPU's limit would turn as dark as the rest.)
    expect(allington.dark).toBeGreaterThan(20);
    for (const label of [allington, barming]) {
      expect(label.dark / label.changed).toBeLessThan(0.7);
      expect(label.longestDarkRun).toBeLessThan(15);
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

/** The pixels of `rows` that differ between a map with labels and without: how many, how many
 * of them dark (near the labels' colour) and the longest run of dark ones along a row. */
function labelPixels(
  labelled: PNG,
  unlabelled: PNG,
  [firstRow, endRow]: readonly [number, number],
): { changed: number; dark: number; longestDarkRun: number } {
  let changed = 0;
  let dark = 0;
  let longestDarkRun = 0;
  for (let y = firstRow; y < endRow; y += 1) {
    let run = 0;
    for (let x = 0; x < labelled.width; x += 1) {
      const offset = (y * labelled.width + x) * 4;
      const channels = [0, 1, 2].map((channel) => labelled.data[offset + channel] as number);
      const difference = Math.max(
        ...channels.map((value, channel) =>
          Math.abs(value - (unlabelled.data[offset + channel] as number)),
        ),
      );
      const isDark = difference > 30 && channels.every((value) => value < 70);
      if (difference > 30) changed += 1;
      if (isDark) dark += 1;
      run = isDark ? run + 1 : 0;
      longestDarkRun = Math.max(longestDarkRun, run);
    }
  }
  return { changed, dark, longestDarkRun };
}

/** The rows of a report's "Rejected rows" table: row number and reason. */
function rejectedRows(report: Locator): Promise<(string | null)[][]> {
  return report
    .getByRole('table', { name: /^Rejected rows/ })
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
    );
}

/** Golborne's and Dalgarno's counts in the ward table. */
async function golborneAndDalgarno(page: Page): Promise<(number | undefined)[]> {
  const counts = await wardTableCounts(page);
  return [counts.get('Golborne'), counts.get('Dalgarno')];
}
