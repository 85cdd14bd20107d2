import { describe, expect, it } from 'vitest';
import { monthIndex } from '../data/calendar.ts';
import {
  monthlyCount,
  type OffenceCube,
  SLOT_COUNT,
  timeSlot,
  UNKNOWN_TIME_SLOT,
} from '../data/cube.ts';
import { reasonCounts } from '../data/report.ts';
import { WardLookup } from '../geo/wardLookup.ts';
import { type ParsedFile, readCsv } from './readFile.ts';
import { detectEncoding } from './textEncoding.ts';

const wards = new WardLookup([
  { code: 'E05009396', name: 'Golborne', lad: 'E09000020' },
  { code: 'E05009395', name: "Earl's Court", lad: 'E09000020' },
  { code: 'E05009389', name: 'Brompton & Hans Town', lad: 'E09000020' },
  { code: 'E05014053', name: 'Abbey', lad: 'E09000002' },
  { code: 'E05013805', name: 'Abbey', lad: 'E09000024' },
]);

function read(text: string): Promise<ParsedFile> {
  return readCsv(text, { fileName: 'test.csv', lookup: wards }).result;
}

async function readOffences(text: string) {
  const parsed = await read(text);
  if (parsed.kind !== 'offences') throw new Error(`expected offences, got ${parsed.kind}`);
  return parsed;
}

function cellValue(cube: OffenceCube, theme: string, month: string, ward: string, slot: number) {
  const t = cube.themes.indexOf(theme);
  const m = (monthIndex(month) as number) - cube.firstMonth;
  const w = cube.wardCodes.indexOf(ward);
  if (t < 0 || w < 0 || m < 0 || m >= cube.monthCount) return 0;
  return monthlyCount(cube, t, m, w, slot);
}

describe('native aggregated offence CSV', () => {
  it('reads columns in any order and any case, and sums rows with the same keys', async () => {
    const { cube, report } = await readOffences(
      [
        'Count,Hour,WEEKDAY,Month,Theme,Ward_Code',
        '3,15,Mon,2024-01,youth_violence,E05009396',
        '2,15,1,2024-01,youth_violence,E05009396',
        '4,,,2024-03,domestic_abuse,E05009395',
        '1,23,Sunday,2024-03,domestic_abuse,e05009395',
      ].join('\n'),
    );
    expect(report.rowsRead).toBe(4);
    expect(report.rowsLoaded).toBe(4);
    expect(report.rejectedCount).toBe(0);
    expect([...cube.themes].sort()).toEqual(['domestic_abuse', 'youth_violence']);
    // January to March: three contiguous months even though February has no rows.
    expect(cube.monthCount).toBe(3);
    expect(cellValue(cube, 'youth_violence', '2024-01', 'E05009396', timeSlot(0, 15))).toBe(5);
    expect(cellValue(cube, 'domestic_abuse', '2024-03', 'E05009395', UNKNOWN_TIME_SLOT)).toBe(4);
    expect(cellValue(cube, 'domestic_abuse', '2024-03', 'E05009395', timeSlot(6, 23))).toBe(1);
    // Two themes by three months, each block two wards by 169 slots.
    expect(cube.cumulative).toHaveLength(2 * 3);
    expect(cube.cumulative.every((block) => block.length === 2 * SLOT_COUNT)).toBe(true);
    expect(report.notes.join(' ')).toMatch(/1 rows repeated/);
    expect(report.notes.join(' ')).toMatch(/1 rows have no weekday or hour/);
  });

  it('matches ward names ignoring case, apostrophes, "&"/"and" and punctuation', async () => {
    const { cube, report } = await readOffences(
      [
        'ward_name,theme,month,count',
        'Earls Court,sexual_violence,2024-05,2',
        'BROMPTON AND HANS TOWN,sexual_violence,2024-05,1',
        'golborne.,sexual_violence,2024-05,6',
      ].join('\n'),
    );
    expect(report.rejectedCount).toBe(0);
    expect(cellValue(cube, 'sexual_violence', '2024-05', 'E05009395', UNKNOWN_TIME_SLOT)).toBe(2);
    expect(cellValue(cube, 'sexual_violence', '2024-05', 'E05009389', UNKNOWN_TIME_SLOT)).toBe(1);
    expect(cellValue(cube, 'sexual_violence', '2024-05', 'E05009396', UNKNOWN_TIME_SLOT)).toBe(6);
  });

  it('rejects bad rows with their spreadsheet row number and reason, and loads the rest', async () => {
    const { cube, report } = await readOffences(
      [
        'ward_code,theme,month,weekday,hour,count',
        'E05009396,youth_violence,2024-01,Mon,15,1', // row 2: good
        'E09999999,youth_violence,2024-01,Mon,15,1', // row 3: unknown ward
        'E05009396,youth_violence,2024-13,Mon,15,1', // row 4: bad month
        'E05009396,youth_violence,2024-01,Mon,24,1', // row 5: hour out of range
        'E05009396,youth_violence,2024-01,Mon,15,-2', // row 6: negative
        'E05009396,youth_violence,2024-01,Mon,15,two', // row 7: not a number
        '', // row 8: blank line, skipped silently
        'E05009396,youth_violence,2024-01,Funday,15,1', // row 9: bad weekday
        'E05009396,youth_violence,2024-01,Tue,9,7', // row 10: good
      ].join('\n'),
    );
    expect(report.rowsRead).toBe(8);
    expect(report.rowsLoaded).toBe(2);
    expect(report.rejectedCount).toBe(6);
    expect(report.rejected.map((rejection) => rejection.row)).toEqual([3, 4, 5, 6, 7, 9]);
    expect(report.rejected[0]?.reason).toBe('Unknown ward code "E09999999"');
    expect(report.rejected[2]?.reason).toBe('Hour is not 0-23: "24"');
    expect(reasonCounts(report)).toEqual({
      'Unknown ward': 1,
      'Bad month': 1,
      'Hour out of range': 1,
      'Negative count': 1,
      'Bad count': 1,
      'Bad weekday': 1,
    });
    expect(cellValue(cube, 'youth_violence', '2024-01', 'E05009396', timeSlot(0, 15))).toBe(1);
    expect(cellValue(cube, 'youth_violence', '2024-01', 'E05009396', timeSlot(1, 9))).toBe(7);
  });

  it('settles a ward name shared by two boroughs only when one is preferred', async () => {
    const ambiguous = await readOffences('ward_name,theme,month,count\nAbbey,robbery,2024-01,1');
    expect(ambiguous.report.rejected[0]?.reason).toMatch(/used in 2 boroughs/);
    const preferring = new WardLookup(
      [
        { code: 'E05014053', name: 'Abbey', lad: 'E09000002' },
        { code: 'E05013805', name: 'Abbey', lad: 'E09000024' },
      ],
      'E09000024',
    );
    expect(preferring.resolveName('abbey')).toEqual({ code: 'E05013805' });
  });

  it('strips a UTF-8 byte-order mark from the first header name', async () => {
    const { report } = await readOffences(
      '\uFEFFward_code,theme,month,count\nE05009396,robbery,2024-01,2',
    );
    expect(report.rowsLoaded).toBe(1);
  });

  it('labels unknown theme ids but rejects ones that are not ids', async () => {
    const { cube, report } = await readOffences(
      'ward_code,theme,month,count\nE05009396,Knife Crime,2024-01,2\nE05009396,???,2024-01,2',
    );
    expect(cube.themes).toEqual(['knife_crime']);
    expect(report.rejected[0]).toEqual({ row: 3, reason: 'Theme is not a valid id: "???"' });
  });
});

describe('format detection', () => {
  it('reads a population file', async () => {
    const parsed = await read('ward_code,population,population_10_24\nE05009396,8803,1650\n');
    expect(parsed.kind).toBe('population');
    if (parsed.kind !== 'population') return;
    expect(parsed.populations.get('E05009396')).toEqual({
      population: 8803,
      population10to24: 1650,
    });
  });

  it('gives the header and first rows of a file that matches no format, with the columns each format expects', async () => {
    const parsed = await read('a,b,c\n1,2,3\n\n4,5,6\n');
    expect(parsed.kind).toBe('columns');
    if (parsed.kind !== 'columns') return;
    expect(parsed.header).toEqual(['a', 'b', 'c']);
    expect(parsed.rows).toEqual([
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
    expect(parsed.message).toContain('"a", "b", "c"');
    expect(parsed.message).toContain('ward_code or ward_name, theme, month, count');
    expect(parsed.message).toContain('ward_code, population');
  });
});

describe('text encoding', () => {
  it('tells UTF-8 (with or without BOM) from Windows-1252', () => {
    const utf8 = new TextEncoder().encode('ward_name,theme\nEarl’s Court,robbery\n');
    expect(detectEncoding(utf8)).toBe('utf-8');
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe('utf-8');
    // "Earl’s" in Windows-1252: the right single quote is the single byte 0x92, not valid UTF-8.
    const cp1252 = new Uint8Array([0x45, 0x61, 0x72, 0x6c, 0x92, 0x73]);
    expect(detectEncoding(cp1252)).toBe('windows-1252');
    // A sample cut inside a multi-byte character is still UTF-8.
    const quote = utf8.indexOf(0xe2);
    expect(detectEncoding(utf8.subarray(0, quote + 2))).toBe('utf-8');
  });
});
