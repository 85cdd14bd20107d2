import { deflateRawSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { TEST_WARDS } from '../../tests/support/readForTest.ts';
import { excelSerial, writeXlsx } from '../../tests/support/xlsxWriter.ts';
import type { ByteSource } from './byteSource.ts';
import { readWorkbook } from './readFile.ts';
import { openWorkbook, readSheet, xmlText } from './xlsx.ts';

/**
 * A zip archive of one entry already deflated (by Node's zlib, much faster than fflate for a
 * large test entry), with sizes that claim it is small, as a zip bomb would.
 */
function zipOfDeflated(name: string, deflated: Uint8Array): Uint8Array {
  const nameBytes = strToU8(name);
  const local = new Uint8Array(30 + nameBytes.length);
  const localView = new DataView(local.buffer);
  localView.setUint32(0, 0x04034b50, true);
  localView.setUint16(8, 8, true);
  localView.setUint32(18, deflated.length, true);
  localView.setUint32(22, 1000, true);
  localView.setUint16(26, nameBytes.length, true);
  local.set(nameBytes, 30);
  const directory = new Uint8Array(46 + nameBytes.length);
  const directoryView = new DataView(directory.buffer);
  directoryView.setUint32(0, 0x02014b50, true);
  directoryView.setUint16(10, 8, true);
  directoryView.setUint32(20, deflated.length, true);
  directoryView.setUint32(24, 1000, true);
  directoryView.setUint16(28, nameBytes.length, true);
  directoryView.setUint32(42, 0, true);
  directory.set(nameBytes, 46);
  const end = new Uint8Array(22);
  const endView = new DataView(end.buffer);
  endView.setUint32(0, 0x06054b50, true);
  endView.setUint16(8, 1, true);
  endView.setUint16(10, 1, true);
  endView.setUint32(12, directory.length, true);
  endView.setUint32(16, local.length + deflated.length, true);
  const zip = new Uint8Array(local.length + deflated.length + directory.length + end.length);
  zip.set(local);
  zip.set(deflated, local.length);
  zip.set(directory, local.length + deflated.length);
  zip.set(end, local.length + deflated.length + directory.length);
  return zip;
}

const bytesSource = (bytes: Uint8Array): ByteSource => ({
  size: bytes.length,
  read: async (start, end) => bytes.subarray(start, end),
});

async function rowsOf(bytes: Uint8Array, sheetIndex = 0): Promise<string[][]> {
  const workbook = await openWorkbook(bytes);
  const rows: string[][] = [];
  await readSheet(bytes, workbook, workbook.sheets[sheetIndex] as (typeof workbook.sheets)[0], {
    onRow: (cells) => rows.push(cells) > 0,
    onStep: async () => true,
  });
  return rows;
}

describe('Excel workbooks', () => {
  it('gives each cell as text: shared and inline strings, numbers, booleans, dates and times as Excel stores them', async () => {
    const bytes = writeXlsx([
      {
        name: 'Extract',
        rows: [
          ['Ref', 'Date', 'Time', 'Easting', 'Flag', 'Note'],
          // 10 January 2025 is serial 45667; 22:30 is 0.9375 of a day.
          ['A & B', { date: 45667 }, { time: 0.9375 }, 524600, true, { inline: 'x < y' }],
          ['C', { date: 45667.5 }, null, 524600.5, false, '_x000D_'],
        ],
      },
    ]);
    expect(await rowsOf(bytes)).toEqual([
      ['Ref', 'Date', 'Time', 'Easting', 'Flag', 'Note'],
      ['A & B', '2025-01-10', '22:30:00', '524600', 'TRUE', 'x < y'],
      ['C', '2025-01-10T12:00:00', '', '524600.5', 'FALSE', '\r'],
    ]);
  });

  it('reads the 1904 date system, and keeps row numbers across rows Excel leaves out', async () => {
    // In the 1904 system serial 0 is 1 January 1904: 10 January 2025 is 45667 - 1462.
    const bytes = writeXlsx([{ name: 'S', firstRow: 3, rows: [['Date'], [{ date: 44205 }]] }], {
      date1904: true,
    });
    expect(await rowsOf(bytes)).toEqual([[], [], ['Date'], ['2025-01-10']]);
  });

  it('decodes XML entities and character references, and nothing else', () => {
    expect(xmlText('&lt;a&gt; &amp;amp; &#65;&#x42; &nbsp; _x0041_')).toBe('<a> &amp; AB &nbsp; A');
  });

  it('loads a police extract from the first sheet, and lists the sheets for the picker', async () => {
    const bytes = writeXlsx([
      {
        name: 'Extract',
        firstRow: 2,
        rows: [
          ['Crime Reference', 'Committed Date', 'Committed Time', 'Ward Code'],
          ['CR1', { date: excelSerial(2025, 1, 10) }, { time: 0.9375 }, 'E05009396'],
        ],
      },
      { name: 'Notes', rows: [['Anything']] },
    ]);
    const first = await readWorkbook(bytesSource(bytes), {
      fileName: 'extract.xlsx',
      lookup: TEST_WARDS,
    }).result;
    expect(first).toMatchObject({
      kind: 'columns',
      header: ['Crime Reference', 'Committed Date', 'Committed Time', 'Ward Code'],
      rows: [['CR1', '2025-01-10', '22:30:00', 'E05009396']],
      sheets: ['Extract', 'Notes'],
      sheet: 'Extract',
    });
    const notes = await readWorkbook(bytesSource(bytes), {
      fileName: 'extract.xlsx',
      lookup: TEST_WARDS,
      sheet: 'Notes',
    }).result;
    expect(notes).toMatchObject({ kind: 'columns', header: ['Anything'], sheet: 'Notes' });
  });

  it('reads a workbook in a known format, numbering rows as Excel does', async () => {
    const bytes = writeXlsx([
      {
        name: 'Counts',
        rows: [
          ['ward_code', 'theme', 'month', 'count'],
          ['E05009396', 'robbery', '2025-01', 3],
          [],
          ['E05009396', 'robbery', '2025-13', 2],
        ],
      },
    ]);
    const parsed = await readWorkbook(bytesSource(bytes), {
      fileName: 'counts.xlsx',
      lookup: TEST_WARDS,
    }).result;
    if (parsed.kind !== 'offences') throw new Error(parsed.kind);
    expect(parsed.report.rowsLoaded).toBe(1);
    expect(parsed.report.rejected).toEqual([{ row: 4, reason: 'Month is not YYYY-MM: "2025-13"' }]);
  });

  it('refuses a damaged archive, a zip that is not a workbook, and a part that unzips too far, with reasons', async () => {
    const read = (bytes: Uint8Array) =>
      readWorkbook(bytesSource(bytes), { fileName: 'bad.xlsx', lookup: TEST_WARDS }).result;
    const good = writeXlsx([{ name: 'S', rows: [['a']] }]);
    expect(await read(good.subarray(0, good.length - 30))).toMatchObject({
      kind: 'unrecognised',
      message: 'The zip archive is damaged: its directory is missing.',
    });
    expect(await read(zipSync({ 'readme.txt': strToU8('hello') }))).toMatchObject({
      kind: 'unrecognised',
      message: 'This zip archive is not an Excel workbook.',
    });
    // A workbook part of 20 MB of spaces (it deflates to some 20 kB) is past the 16 MB limit.
    const bomb = zipOfDeflated(
      'xl/workbook.xml',
      deflateRawSync(new Uint8Array(20 << 20).fill(0x20), { level: 1 }),
    );
    expect(bomb.length).toBeLessThan(1 << 20);
    expect(await read(bomb)).toMatchObject({
      kind: 'unrecognised',
      message: 'xl/workbook.xml is larger than 16 MB once unzipped, more than the app reads.',
    });
  });
});
