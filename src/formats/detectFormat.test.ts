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

  it('tells an SQLite database, which a GeoPackage is, whatever its name', () => {
    expect(detectFile(bytesOf('SQLite format 3\0'), 'wards.csv')).toEqual({ kind: 'geopackage' });
  });

  it('names binary kinds it cannot read, even under a CSV name', () => {
    expect(detectFile(new Uint8Array([0x1f, 0x8b, 8, 0]), 'offences.csv')).toEqual({
      kind: 'unreadable',
      message: expect.stringMatching(/gzip/),
    });
    expect(detectFile(bytesOf('%PDF-1.7'), 'report.csv')).toEqual({
      kind: 'unreadable',
      message: 'This is a PDF document, not a data file.',
    });
    // A workspace's magic bytes, then its version.
    const workspace = new Uint8Array([0x89, 0x57, 0x48, 0x44, 0x0d, 0x0a, 0x1a, 0x0a, 1, 0]);
    expect(detectFile(workspace, 'shared.csv')).toEqual({
      kind: 'unreadable',
      message: expect.stringMatching(/^This is a workspace file: open it with Open workspace/),
    });
  });
});

describe('detectFile on text that is not a table', () => {
  it('names KML and other markup rather than read its tags as columns', () => {
    const kml = bytesOf(
      '<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">',
    );
    expect(detectFile(kml.subarray(0, 64), 'wards.csv')).toEqual({
      kind: 'unreadable',
      message: expect.stringMatching(/^This is a KML file \(Google Earth\)/),
    });
    expect(detectFile(bytesOf('\uFEFF <!DOCTYPE html><html>'), 'export.csv')).toEqual({
      kind: 'unreadable',
      message: expect.stringMatching(/^This is an XML or web page \(HTML\) document/),
    });
  });

  it('names a binary file of no known kind, but reads UTF-16 text as text', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(detectFile(png, 'offences.csv')).toEqual({
      kind: 'unreadable',
      message: expect.stringMatching(/^This file is not text/),
    });
    // "ward" in UTF-16 little-endian after its byte order mark: every other byte is zero.
    const utf16 = new Uint8Array([0xff, 0xfe, 0x77, 0, 0x61, 0, 0x72, 0, 0x64, 0]);
    expect(detectFile(utf16, 'offences.csv').kind).toBe('table');
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
