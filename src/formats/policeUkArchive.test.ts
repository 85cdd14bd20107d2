import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { countOf, TEST_WARDS } from '../../tests/support/readForTest.ts';
import { ring } from '../../tests/support/wards.ts';
import { reasonCounts } from '../data/report.ts';
import { createWardLocator } from '../geo/wardLocator.ts';
import type { ByteSource } from './byteSource.ts';
import {
  archiveContents,
  forceName,
  POLICE_UK_ARCHIVE_FORMAT,
  readPoliceUkArchive,
} from './policeUkArchive.ts';
import { zipEntries, zipEntriesOf } from './zipArchive.ts';

/** Golborne and Earl's Court as two squares around their real places. */
const SQUARE_WARDS = createWardLocator([
  {
    code: 'E05009396',
    geometry: { type: 'Polygon', coordinates: [ring(-0.21, 51.515, -0.2, 51.525)] },
  },
  {
    code: 'E05009395',
    geometry: { type: 'Polygon', coordinates: [ring(-0.2, 51.485, -0.19, 51.495)] },
  },
]);
const GOLBORNE: [number, number] = [-0.205, 51.52];
const EARLS_COURT: [number, number] = [-0.195, 51.49];
/** Maidstone, outside both. */
const MAIDSTONE: [number, number] = [0.52, 51.27];

const HEADER =
  'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';

function streetFile(month: string, rows: [[number, number] | null, string][]): Uint8Array {
  const lines = rows.map(
    ([point, type], index) =>
      `id${index},${month},Force,Force,${point?.[0] ?? ''},${point?.[1] ?? ''},On or near Here,,,${type},,`,
  );
  return strToU8(`${[HEADER, ...lines].join('\r\n')}\r\n`);
}

function bytesSource(bytes: Uint8Array): ByteSource & { reads: number } {
  const source = {
    size: bytes.length,
    reads: 0,
    read: async (start: number, end: number) => {
      source.reads += 1;
      return bytes.slice(start, Math.min(end, bytes.length));
    },
  };
  return source;
}

/** Reads a zip (or files zipped here) into the two square wards. */
async function readArchive(
  archive: Record<string, Uint8Array> | ByteSource,
  onProgress?: (fraction: number, detail: string) => void,
) {
  const source = 'read' in archive ? archive : bytesSource(zipSync(archive, { level: 6 }));
  const reading = readPoliceUkArchive(source as ByteSource, {
    fileName: 'archive.zip',
    lookup: TEST_WARDS,
    locate: SQUARE_WARDS.codeAt,
    ...(onProgress ? { onProgress } : {}),
  });
  const parsed = await reading.result;
  if (parsed.kind !== 'offences') throw new Error(`expected offences, got ${parsed.kind}`);
  return parsed;
}

describe('the data.police.uk archive', () => {
  it('sorts street-level files by month and force, and counts the others by kind', () => {
    const entry = (name: string) => ({
      name,
      method: 8,
      compressedSize: 1,
      size: 1,
      localHeaderOffset: 0,
    });
    const contents = archiveContents(
      [
        '2025-02/',
        '2025-02/2025-02-kent-street.csv',
        '2025-01/2025-01-metropolitan-street.csv',
        '2025-01/2025-01-avon-and-somerset-street.csv',
        '2025-01/2025-01-kent-outcomes.csv',
        '2025-01/2025-01-kent-stop-and-search.csv',
        // A street file in the wrong month's folder is not one of the archive's.
        '2025-01/2025-02-kent-street.csv',
        'README.txt',
      ].map(entry),
    );
    expect(contents.street.map(({ month, force }) => `${month} ${force}`)).toEqual([
      '2025-01 avon-and-somerset',
      '2025-01 metropolitan',
      '2025-02 kent',
    ]);
    expect(contents.skipped).toEqual({ outcomes: 1, 'stop-and-search': 1, other: 2 });
    expect(forceName('avon-and-somerset')).toBe('Avon and Somerset');
    expect(forceName('city-of-london')).toBe('City of London');
    expect(forceName('kent')).toBe('Kent');
    expect(forceName('btp')).toBe('British Transport Police');
    expect(forceName('metropolitan')).toBe('Metropolitan Police Service');
    expect(forceName('constructor')).toBe('Constructor');
    expect(forceName('__proto__')).toBe('__proto__');
  });

  it('places every street-level row in its ward, reports rows outside by force, month by month', async () => {
    const progress: [number, string][] = [];
    const { cube, points, report } = await readArchive(
      {
        '2025-01/2025-01-metropolitan-street.csv': streetFile('2025-01', [
          [GOLBORNE, 'Robbery'], // row 2
          [GOLBORNE, 'Robbery'], // row 3
          [EARLS_COURT, 'Burglary'], // row 4
          [null, 'Robbery'], // row 5: no coordinates
        ]),
        '2025-01/2025-01-kent-street.csv': streetFile('2025-01', [
          [MAIDSTONE, 'Robbery'], // row 2: outside
          [EARLS_COURT, 'Robbery'], // row 3
        ]),
        '2025-01/2025-01-kent-outcomes.csv': strToU8('Crime ID,Month,Outcome type\r\n'),
        '2025-02/2025-02-metropolitan-street.csv': streetFile('2025-02', [
          [EARLS_COURT, 'Robbery'], // row 2
          [MAIDSTONE, 'Burglary'], // row 3: outside
        ]),
        '2025-02/2025-02-kent-street.csv': streetFile('2025-02', [
          [MAIDSTONE, 'Robbery'], // row 2: outside
          [MAIDSTONE, 'Robbery'], // row 3: outside
        ]),
        '2025-02/2025-02-kent-stop-and-search.csv': strToU8('Type,Date\r\n'),
      },
      (fraction, detail) => progress.push([fraction, detail]),
    );
    expect(report.format).toBe(POLICE_UK_ARCHIVE_FORMAT);
    // 4 + 2 + 2 + 2 rows; loaded: Golborne 2, Earl's Court 3.
    expect(report.rowsRead).toBe(10);
    expect(report.rowsLoaded).toBe(5);
    expect(reasonCounts(report)).toEqual({
      'No coordinates': 1,
      'Outside the loaded wards': 4,
    });
    // Rows numbered as in the files end to end (Jan Kent's 3 rows, Jan Met's 5, Feb Kent's 3,
    // Feb Met's 3), each reason naming the file and its own row.
    const outside = 'The point (0.52, 51.27) is outside the loaded wards';
    expect(report.rejected).toEqual([
      { row: 2, reason: `2025-01/2025-01-kent-street.csv row 2: ${outside}` },
      {
        row: 3 + 5,
        reason: '2025-01/2025-01-metropolitan-street.csv row 5: No longitude or latitude',
      },
      { row: 3 + 5 + 2, reason: `2025-02/2025-02-kent-street.csv row 2: ${outside}` },
      { row: 3 + 5 + 3, reason: `2025-02/2025-02-kent-street.csv row 3: ${outside}` },
      { row: 3 + 5 + 3 + 3, reason: `2025-02/2025-02-metropolitan-street.csv row 3: ${outside}` },
    ]);
    expect(countOf(cube, 'robbery', '2025-01', 'E05009396')).toBe(2);
    expect(countOf(cube, 'robbery', '2025-01', 'E05009395')).toBe(1);
    expect(countOf(cube, 'burglary', '2025-01', 'E05009395')).toBe(1);
    expect(countOf(cube, 'robbery', '2025-02', 'E05009395')).toBe(1);
    expect(countOf(cube, 'burglary', '2025-02', 'E05009395')).toBe(0);
    expect(cube.slotsPerWard).toBe(1);
    expect(points).toBeNull();
    expect(report.notes).toEqual([
      '4 street-level files read: 2 months from 2 forces.',
      'Months covered: Jan 2025 to Feb 2025 (2 months).',
      'Each crime is placed in the ward whose boundary holds its map point. data.police.uk moves every point to a nearby anonymised location, so a crime near a ward border can fall in the neighbouring ward.',
      'Not offences, so not read: 1 outcomes file, 1 stop and search file.',
      // Kent 1 + 2, the Met 1.
      'Outside the loaded wards, by force: Kent 3, Metropolitan Police Service 1.',
      'Crime locations are not kept for an archive: the map shows ward figures only.',
    ]);
    // One step per file, kent before metropolitan within a month, then done.
    expect(progress.map(([, detail]) => detail)).toEqual([
      'Jan 2025 (month 1 of 2)',
      'Jan 2025 (month 1 of 2)',
      'Feb 2025 (month 2 of 2)',
      'Feb 2025 (month 2 of 2)',
      '',
    ]);
    const fractions = progress.map(([fraction]) => fraction);
    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBe(1);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  });

  it('reports a damaged file and a file with other columns, and loads the rest', async () => {
    const good = streetFile('2025-01', [[GOLBORNE, 'Robbery']]);
    const zip = zipSync(
      {
        '2025-01/2025-01-kent-street.csv': strToU8('Something,Else\r\n1,2\r\n'),
        '2025-01/2025-01-metropolitan-street.csv': good,
        '2025-01/2025-01-surrey-street.csv': streetFile('2025-01', [[EARLS_COURT, 'Robbery']]),
      },
      { level: 6 },
    );
    // Surrey's compressed bytes overwritten: its entry no longer inflates.
    const entries = await zipEntriesOf(bytesSource(zip));
    const surrey = entries.find((entry) => entry.name.includes('surrey'));
    if (!surrey) throw new Error('no surrey entry');
    const dataStart = surrey.localHeaderOffset + 30 + surrey.name.length;
    zip.fill(0xff, dataStart, dataStart + surrey.compressedSize);
    const parsed = await readArchive(bytesSource(zip));
    expect(parsed.report.rowsLoaded).toBe(1);
    expect(countOf(parsed.cube, 'robbery', '2025-01', 'E05009396')).toBe(1);
    expect(parsed.report.notes).toContain(
      '2025-01/2025-01-kent-street.csv was not read: its columns are not those of a police.uk street-level file.',
    );
    expect(parsed.report.notes).toContain(
      '2025-01/2025-01-surrey-street.csv cannot be unzipped: the archive is damaged.',
    );
    expect(parsed.report.notes[0]).toBe('1 street-level file read: 1 month from 1 force.');
  });

  it('rejects a row whose used cells are empty or whose quote never closes, counts blank lines, and reads quoted cells', async () => {
    const text = [
      HEADER,
      'id1,2025-01,Force,Force,-0.205,51.52,"On or near Golborne Road, W10",,,"Robbery",,', // row 2
      'id2,,Force,Force,,,On or near Here,,,,,', // row 3: no month, no type, no point
      ',,,,,,,,,,,', // row 4: blank
      '  ', // row 5: blank
      'id5,2025-01,Force,Force,-0.195,51.49,On or near Here,,,Burglary,,', // row 6
      'id6,2025-01,Force,Force,-0.195,51.49,"On or near ""The Mall""",,,"Rob""bery",,', // row 7
      'id7,2025-01,Force,Force,-0.195,51.49,"On or near Here,,,Robbery,,', // row 8: quote not closed
      'id8,2025-01,Force,Force,-0.195,51.49,On or near Here,,,Burglary,,', // row 9
    ].join('\n');
    const parsed = await readArchive({
      '2025-01/2025-01-metropolitan-street.csv': strToU8(text),
    });
    expect(parsed.report.rowsRead).toBe(6);
    expect(parsed.report.blankRows).toBe(2);
    expect(parsed.report.rowsLoaded).toBe(4);
    expect(parsed.report.rejected.map(({ row }) => row)).toEqual([3, 8]);
    expect(parsed.report.rejected[0]?.reason).toBe(
      '2025-01/2025-01-metropolitan-street.csv row 3: Month is not YYYY-MM: ""',
    );
    expect(reasonCounts(parsed.report)).toEqual({ 'Bad month': 1, 'Quote not closed': 1 });
    expect(countOf(parsed.cube, 'robbery', '2025-01', 'E05009396')).toBe(1);
    // Row 7's crime type, its doubled quote undone: Rob"bery, a theme of its own.
    expect(countOf(parsed.cube, 'rob_bery', '2025-01', 'E05009395')).toBe(1);
    expect(countOf(parsed.cube, 'burglary', '2025-01', 'E05009395')).toBe(2);
    expect(parsed.themes.find((theme) => theme.id === 'rob_bery')?.label).toBe('Rob"bery');
  });

  it('finds the directory of an archive far larger than its end record search', async () => {
    // 5,000 rows of about 60 bytes, stored uncompressed: an archive of about 300 kB, whose
    // directory starts well before its last 64 kB.
    const rows: [[number, number], string][] = Array.from({ length: 5000 }, (_, index) => [
      index % 2 ? GOLBORNE : EARLS_COURT,
      'Robbery',
    ]);
    const zip = zipSync(
      {
        '2025-01/2025-01-metropolitan-street.csv': streetFile('2025-01', rows),
        '2025-01/2025-01-metropolitan-outcomes.csv': strToU8('Crime ID\r\n'),
      },
      { level: 0, comment: 'data.police.uk' },
    );
    expect(zip.length).toBeGreaterThan(4 * 0x10000);
    expect(await zipEntriesOf(bytesSource(zip))).toEqual(zipEntries(zip));
    const parsed = await readArchive(bytesSource(zip));
    expect(countOf(parsed.cube, 'robbery', '2025-01', 'E05009396')).toBe(2500);
    expect(countOf(parsed.cube, 'robbery', '2025-01', 'E05009395')).toBe(2500);
  });

  it('stops between files when cancelled, keeping the files read', async () => {
    const files: Record<string, Uint8Array> = {};
    for (const month of ['2025-01', '2025-02', '2025-03'])
      files[`${month}/${month}-metropolitan-street.csv`] = streetFile(month, [
        [GOLBORNE, 'Robbery'],
      ]);
    let abort = () => {};
    const reading = readPoliceUkArchive(bytesSource(zipSync(files)), {
      fileName: 'archive.zip',
      lookup: TEST_WARDS,
      locate: SQUARE_WARDS.codeAt,
      // Cancelled as the second month starts: it is not read.
      onProgress: (_fraction, detail) => {
        if (detail.startsWith('Feb')) abort();
      },
    });
    abort = reading.abort;
    const parsed = await reading.result;
    if (parsed.kind !== 'offences') throw new Error(`expected offences, got ${parsed.kind}`);
    expect(parsed.report.rowsLoaded).toBe(1);
    expect(countOf(parsed.cube, 'robbery', '2025-01', 'E05009396')).toBe(1);
    // Not read: the two later files' compressed bytes, at the rows per byte of the first.
    const entries = await zipEntriesOf(bytesSource(zipSync(files)));
    const later = entries.slice(1).reduce((sum, entry) => sum + entry.compressedSize, 0);
    const first = (entries[0] as { compressedSize: number }).compressedSize;
    expect(parsed.report.notRead).toEqual({
      cause: 'cancelled',
      message: null,
      bytes: later,
      estimatedRows: Math.round((later / first) * 1),
    });
  });

  it('reads the directory, then one file at a time, never the whole archive', async () => {
    const files: Record<string, Uint8Array> = {};
    for (const month of ['2025-01', '2025-02'])
      files[`${month}/${month}-metropolitan-street.csv`] = streetFile(month, [
        [GOLBORNE, 'Robbery'],
      ]);
    files['2025-01/2025-01-metropolitan-outcomes.csv'] = strToU8('Crime ID,Month\r\n');
    const zip = zipSync(files);
    const source = bytesSource(zip);
    const reads: [number, number][] = [];
    const read = source.read;
    source.read = async (start, end) => {
      reads.push([start, end]);
      return read(start, end);
    };
    const parsed = await readArchive(source);
    expect(parsed.report.rowsLoaded).toBe(2);
    // After the end record and the directory: each street file's 30-byte local header, then
    // that header, the name (fflate writes no extra field) and the compressed bytes; the
    // outcomes file is never read.
    const entries = await zipEntriesOf(bytesSource(zip));
    const expected = entries
      .filter((entry) => entry.name.endsWith('-street.csv'))
      .flatMap(({ localHeaderOffset: at, name, compressedSize }): [number, number][] => [
        [at, at + 30],
        [at, at + 30 + name.length + compressedSize],
      ]);
    expect(reads.slice(2)).toEqual(expected);
  });
});
