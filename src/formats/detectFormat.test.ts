import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { detectArchive, detectFile } from './detectFormat.ts';
import { zipEntries } from './zipArchive.ts';

const bytesOf = (text: string) => new TextEncoder().encode(text);

describe('detectFile', () => {
  it('tells GeoJSON by its name or by its first character, and anything else textual is a table', () => {
    expect(detectFile(bytesOf(''), 'wards.geojson').kind).toBe('geojson');
    expect(detectFile(bytesOf(''), 'WARDS.JSON').kind).toBe('geojson');
    expect(detectFile(bytesOf('\uFEFF  {"type"'), 'download').kind).toBe('geojson');
    expect(detectFile(bytesOf('ward_code,theme'), 'offences.csv').kind).toBe('table');
  });

  it('tells a zip archive by its first bytes whatever its name', () => {
    const zip = zipSync({ 'a.txt': strToU8('a') });
    expect(detectFile(zip.subarray(0, 64), 'extract.csv').kind).toBe('archive');
    // An empty archive is only its end record: "PK\5\6".
    expect(detectFile(zipSync({}).subarray(0, 64), 'empty').kind).toBe('archive');
  });

  it('names binary kinds it cannot read, even under a CSV name', () => {
    const sqlite = bytesOf('SQLite format 3\0');
    expect(detectFile(sqlite, 'wards.csv')).toEqual({
      kind: 'unreadable',
      message: expect.stringMatching(/^This is an SQLite database \(a GeoPackage\?\)/),
    });
    expect(detectFile(new Uint8Array([0x1f, 0x8b, 8, 0]), 'offences.csv')).toEqual({
      kind: 'unreadable',
      message: expect.stringMatching(/gzip/),
    });
    expect(detectFile(bytesOf('%PDF-1.7'), 'report.csv')).toEqual({
      kind: 'unreadable',
      message: 'This is a PDF document, not a data file.',
    });
  });
});

describe('detectArchive', () => {
  const entriesOf = (files: Record<string, string>) =>
    zipEntries(
      zipSync(
        Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])),
      ),
    );

  it('finds a Shapefile by its .shp, leaving out macOS resource folders', () => {
    const detected = detectArchive(
      entriesOf({ '__MACOSX/._wards.shp': '', 'data/Wards.SHP': '', 'data/Wards.dbf': '' }),
    );
    expect(detected.kind === 'shapefile' && detected.shp.name).toBe('data/Wards.SHP');
    expect(detectArchive(entriesOf({ '__MACOSX/._wards.shp': '' })).kind).toBe('unreadable');
  });

  it('finds a workbook by its xl/workbook.xml', () => {
    expect(detectArchive(entriesOf({ '[Content_Types].xml': '', 'xl/workbook.xml': '' }))).toEqual({
      kind: 'workbook',
    });
    expect(detectArchive(entriesOf({ 'notes.txt': 'x' }))).toEqual({
      kind: 'unreadable',
      message:
        'This zip archive holds no Excel workbook, no Shapefile (.shp with its .dbf) and no data.police.uk street-level files (month folders such as 2023-04/ with files such as 2023-04-kent-street.csv).',
    });
  });
});
