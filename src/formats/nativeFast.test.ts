import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../scripts/demoData.ts';
import { propertySettings } from '../../tests/support/properties.ts';
import { encodeWindows1252 } from '../../tests/support/windows1252.ts';
import { monthIndex } from '../data/calendar.ts';
import { monthlyCount, timeSlot, UNKNOWN_TIME_SLOT } from '../data/cube.ts';
import { RejectionLog } from '../data/report.ts';
import { type WardIdentity, WardLookup } from '../geo/wardLookup.ts';
import type { ByteSource } from './byteSource.ts';
import { CsvByteRows, type CsvDialect } from './csvBytes.ts';
import { NativeFastReader } from './nativeFast.ts';
import { NativeOffencesReader } from './nativeOffences.ts';
import { readCsv } from './readFile.ts';

const KENSINGTON = 'E09000020';
const WARDS: WardIdentity[] = [
  { code: 'E05009396', name: 'Golborne', lad: KENSINGTON },
  { code: 'E05009395', name: "Earl's Court", lad: KENSINGTON },
  { code: 'E05009389', name: 'Brompton & Hans Town', lad: KENSINGTON },
  { code: 'E05009404', name: "St. Helen's", lad: KENSINGTON },
  { code: 'E05014053', name: 'Abbey', lad: 'E09000002' },
  { code: 'E05013805', name: 'Abbey', lad: 'E09000024' },
];

/** Cells as files write them: mostly good, some with every kind of fault the reader reports. */
const CELLS = {
  wardCode: [
    'E05009396',
    'E05009396',
    'E05009395',
    'E05009389',
    'e05009404',
    ' E05009396 ',
    'E05014053',
    'E09999999',
    'E0500939',
    '',
  ],
  wardName: [
    'Golborne',
    "Earl's Court",
    'Earls Court',
    'Earl’s Court',
    "EARL'S COURT",
    'Brompton & Hans Town',
    'Brompton and Hans Town',
    "St. Helen's",
    'Abbey',
    'Nowhere',
    '',
  ],
  theme: [
    'youth_violence',
    'youth_violence',
    'domestic_abuse',
    'sexual_violence',
    'all_serious_violence',
    'Knife Crime',
    ' robbery ',
    'Youth_Violence',
    '???',
    '1abc',
    '',
  ],
  month: [
    '2024-01',
    '2024-02',
    '2024-03',
    '2023-12',
    '2024-13',
    '2024-1',
    ' 2024-02 ',
    '1899-12',
    '2201-01',
    'Jan 2024',
    '',
  ],
  weekday: [
    'Mon',
    'Sun',
    'tue',
    'WED',
    'Thursday',
    'thurs',
    '1',
    '7',
    '8',
    '0',
    '',
    'Funday',
    ' Fri ',
  ],
  hour: ['0', '7', '07', '15', '23', '24', '7:00', '23:00', '', '-1', ' 5', 'x'],
  count: [
    '1',
    '2',
    '3',
    '10',
    '0',
    '007',
    '-2',
    '1.5',
    'two',
    '',
    '1e3',
    ' 4 ',
    '3.0',
    '123456789012345',
    '1234567890123456',
  ],
  notes: ['', 'checked', 'see "note"', 'a, b', 'é’'],
} as const;

type Column = keyof typeof CELLS;

/** A random native file and the same text as bytes (UTF-8 or Windows-1252). */
function randomFile(seed: number): {
  text: string;
  bytes: Uint8Array<ArrayBuffer>;
  chunkSizes: number[];
} {
  const random = mulberry32(seed);
  const chance = (probability: number) => random() < probability;
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;

  const columns: Column[] = ['theme', 'month', 'count'];
  const wardColumns = pick<Column[]>([['wardCode'], ['wardName'], ['wardCode', 'wardName']]);
  columns.push(...wardColumns);
  if (chance(0.8)) columns.push('weekday', 'hour');
  else if (chance(0.5)) columns.push(pick<Column>(['weekday', 'hour']));
  if (chance(0.3)) columns.push('notes');
  // Shuffle the column order, keeping the documented order now and then.
  if (chance(0.7))
    for (let index = columns.length - 1; index > 0; index -= 1) {
      const other = Math.floor(random() * (index + 1));
      [columns[index], columns[other]] = [columns[other] as Column, columns[index] as Column];
    }
  const names: Record<Column, string> = {
    wardCode: 'ward_code',
    wardName: 'ward_name',
    theme: 'theme',
    month: 'month',
    weekday: 'weekday',
    hour: 'hour',
    count: 'count',
    notes: 'notes',
  };

  const delimiter = pick([',', ',', ';', '\t']);
  const lineBreak = pick(['\n', '\r\n', '\r\n', '\r']);
  const faulty = chance(0.5) ? 0.3 : 0.02;
  const quoted = chance(0.5) ? 0.2 : 0;
  const quote = (cell: string) => {
    if (!chance(quoted)) return cell;
    if (chance(0.1)) return `"${cell}"  `; // spaces after the closing quote
    if (chance(0.1)) return `"${cell}${lineBreak}x"`; // a line break inside quotes
    return `"${cell.replaceAll('"', '""')}"`;
  };
  const good = (column: Column) => (CELLS[column] as readonly string[]).slice(0, 4);
  const lines = [
    columns.map((column) => quote(chance(0.2) ? names[column].toUpperCase() : names[column])),
  ];
  const rowCount = Math.floor(random() * 120);
  for (let row = 0; row < rowCount; row += 1) {
    if (chance(0.03)) {
      lines.push([pick(['', '   ', delimiter.repeat(columns.length - 1)])]);
      continue;
    }
    const cells = columns.map((column) =>
      quote(pick(chance(faulty) ? CELLS[column] : good(column))),
    );
    if (chance(0.02)) cells.length = Math.floor(random() * cells.length);
    if (chance(0.02)) cells.push('extra');
    lines.push(cells);
  }
  let text = lines.map((cells) => cells.join(delimiter)).join(lineBreak);
  if (chance(0.7)) text += lineBreak;
  if (chance(0.05)) text += `"never closed${delimiter}2024-01`;
  // Excel writes a byte-order mark in UTF-8 only.
  const windows1252 = chance(0.3);
  if (!windows1252 && chance(0.4)) text = `\uFEFF${text}`;
  const bytes = windows1252 ? encodeWindows1252(text) : new TextEncoder().encode(text);
  // Chunks shorter than a row, and longer than the first bytes joined to a row cut by the chunk
  // boundary (256).
  const chunkSizes = [8 + Math.floor(random() * 200), 300 + Math.floor(random() * 1500)];
  return { text, bytes, chunkSizes };
}

function lookup(seed: number): WardLookup {
  return new WardLookup(WARDS, seed % 2 === 0 ? 'E09000024' : null);
}

/** Bytes read a chunk at a time, as the bench reads a file from disk. */
function byteSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: async (start, end) => bytes.slice(start, end) };
}

describe('native CSV fast reader', () => {
  it('gives exactly the cube and report of the reference path for any file, in any chunking', async () => {
    let loaded = 0;
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
        const { text, bytes, chunkSizes } = randomFile(seed);
        const reference = await readCsv(text, {
          fileName: 'f.csv',
          lookup: lookup(seed),
          fastPath: false,
        }).result;
        for (const size of [...chunkSizes, 1 << 22]) {
          const fast = await readCsv(byteSource(bytes), {
            fileName: 'f.csv',
            lookup: lookup(seed),
            chunkSize: size,
          }).result;
          expect(fast, `chunks of ${size}: ${JSON.stringify(text)}`).toEqual(reference);
        }
        if (reference.kind === 'offences') {
          loaded += reference.report.rowsLoaded;
          rejected += reference.report.rejectedCount;
        }
      }),
      propertySettings(400, 150),
    );
    // The files carry both good and bad rows in numbers.
    expect(loaded).toBeGreaterThan(2000);
    expect(rejected).toBeGreaterThan(400);
    // Chunks of a few bytes make thousands of reads: slow on a machine under load.
  }, 60_000);

  it('reads rows in the common shape itself, in any column order, and stops at any other', () => {
    const header = ['count', 'hour', 'notes', 'weekday', 'month', 'theme', 'ward_code'];
    const wards = new WardLookup(WARDS);
    const reader = new NativeOffencesReader(header, { lookup: wards, log: new RejectionLog() });
    const dialect: CsvDialect = { delimiter: ',', lineBreak: '\r\n', encoding: 'utf-8' };
    const fast = new NativeFastReader(new CsvByteRows(dialect), reader, wards);
    const lines = [
      '3,15,,Mon,2024-01,youth_violence,E05009396', // row 2: fast
      '2,15,a note,1,2024-01,youth_violence,E05009396', // row 3: fast, same cell
      '4,,,,2024-03,domestic_abuse,E05009395', // row 4: fast, unknown time
      '1,23,,Sunday,2024-03,domestic_abuse,E05009395', // row 5: full day name, not fast
      '5,0,,Sat,2024-02,domestic_abuse,E05009389', // row 6: fast
      '1,7,,"Tue",2024-03,domestic_abuse,E05009395', // row 7: quoted, not fast
      '1,7,,Tue,2024-13,domestic_abuse,E05009395', // row 8: bad month, not fast
    ];
    const bytes = new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
    const startOf = (index: number) =>
      lines.slice(0, index).reduce((total, line) => total + line.length + 2, 0);
    expect(fast.readFastRows(bytes, 0)).toBe(startOf(3));
    expect(fast.readFastRows(bytes, startOf(4))).toBe(startOf(5));
    expect(fast.readFastRows(bytes, startOf(5))).toBe(startOf(5));
    expect(fast.readFastRows(bytes, startOf(6))).toBe(startOf(6));
    expect(fast.fastRows).toBe(4);
    // Row 4 only has no time.
    expect(reader.rowsWithUnknownTime).toBe(1);
    const cube = reader.builder.build();
    const cell = (theme: string, month: string, ward: string, slot: number) =>
      monthlyCount(
        cube,
        cube.themes.indexOf(theme),
        (monthIndex(month) as number) - cube.firstMonth,
        cube.wardCodes.indexOf(ward),
        slot,
      );
    // 3 + 2 on Monday 15:00 (weekday "1" is Monday).
    expect(cell('youth_violence', '2024-01', 'E05009396', timeSlot(0, 15))).toBe(5);
    expect(cell('domestic_abuse', '2024-03', 'E05009395', UNKNOWN_TIME_SLOT)).toBe(4);
    expect(cell('domestic_abuse', '2024-02', 'E05009389', timeSlot(5, 0))).toBe(5);
  });

  it('reads ward names saved by Excel in Windows-1252', async () => {
    const text = 'ward_name;theme;month;count\r\nEarl’s Court;robbery;2024-05;2\r\n';
    const parsed = await readCsv(new Blob([encodeWindows1252(text)]), {
      fileName: 'excel.csv',
      lookup: new WardLookup(WARDS),
    }).result;
    if (parsed.kind !== 'offences') throw new Error(parsed.kind);
    expect(parsed.report.rowsLoaded).toBe(1);
    expect(parsed.cube.wardCodes).toEqual(['E05009395']);
  });

  it('reports progress, and stops between chunks when cancelled, counting what was not read', async () => {
    const header = 'ward_code,theme,month,weekday,hour,count';
    const row = 'E05009396,robbery,2024-01,Mon,1,1';
    const rows = Array.from({ length: 2000 }, () => row);
    const bytes = new TextEncoder().encode([header, ...rows].join('\n'));
    const progress: number[] = [];
    const chunkSize = 4096;
    const reading = readCsv(new Blob([bytes]), {
      fileName: 'big.csv',
      lookup: new WardLookup(WARDS),
      chunkSize,
      onProgress: (fraction) => {
        progress.push(fraction);
        if (progress.length === 3) reading.abort();
      },
    });
    const parsed = await reading.result;
    if (parsed.kind !== 'offences') throw new Error(parsed.kind);
    // Three chunks hold the header line and the whole rows after it; the part of a row after
    // them waits for a fourth chunk that is never read.
    const rowBytes = row.length + 1;
    const rowsRead = Math.floor((3 * chunkSize - (header.length + 1)) / rowBytes);
    expect(parsed.report.rowsRead).toBe(rowsRead);
    expect(parsed.report.rowsLoaded).toBe(rowsRead);
    const bytesNotRead = bytes.length - (header.length + 1) - rowsRead * rowBytes;
    // Rows of equal length: the estimate is exact (the last row has no line break).
    expect(parsed.report.notRead).toEqual({
      cause: 'cancelled',
      message: null,
      bytes: bytesNotRead,
      estimatedRows: 2000 - rowsRead,
    });
    expect(progress.at(-1)).toBe(1);
    expect(
      progress.slice(0, 3).every((fraction, index) => fraction > (progress[index - 1] ?? 0)),
    ).toBe(true);
  });

  it('rejects a row whose quote runs on for megabytes, and reads on from the next line', async () => {
    const head = 'ward_code,theme,month,count\nE05009396,robbery,2024-01,2\n"never closed,';
    const tail = '\nE05009396,robbery,2024-02,5\n';
    // 2 MB on one line: past the limits of a quoted cell and of a row.
    const bytes = new Uint8Array(head.length + (2 << 20) + tail.length).fill(0x61);
    bytes.set(new TextEncoder().encode(head));
    bytes.set(new TextEncoder().encode(tail), bytes.length - tail.length);
    for (const chunkSize of [1 << 16, 1 << 22]) {
      const parsed = await readCsv(new Blob([bytes]), {
        fileName: 'broken.csv',
        lookup: new WardLookup(WARDS),
        chunkSize,
      }).result;
      if (parsed.kind !== 'offences') throw new Error(parsed.kind);
      expect(parsed.report).toMatchObject({
        rowsRead: 3,
        rowsLoaded: 2,
        rejectedCount: 1,
        lines: 4,
        notRead: null,
        rejected: [
          {
            row: 3,
            reason:
              'The quoted cell in column 1 (ward_code) runs on for more than 98 kB: the row is rejected and reading goes on at the next line',
          },
        ],
      });
    }
  });
});

describe('files read as bytes', () => {
  const options = { fileName: 'f.csv', lookup: new WardLookup(WARDS), chunkSize: 64 };

  it('reads other formats through PapaParse, as text', async () => {
    const text = 'ward_code,population\r\nE05009396,8803\r\n';
    const parsed = await readCsv(byteSource(new TextEncoder().encode(text)), options).result;
    expect(parsed).toEqual(await readCsv(text, options).result);
    expect(parsed.kind).toBe('population');
  });

  it('reads a UTF-16 file (Excel\'s "Unicode text") by its byte-order mark', async () => {
    const text = 'ward_code\ttheme\tmonth\tcount\r\nE05009396\trobbery\t2024-01\t2\r\n';
    // UTF-16 little-endian: the mark FF FE, then two bytes a character, low byte first.
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let index = 0; index < text.length; index += 1)
      bytes[2 + index * 2] = text.charCodeAt(index);
    const parsed = await readCsv(byteSource(bytes), options).result;
    expect(parsed).toEqual(await readCsv(text, options).result);
    if (parsed.kind !== 'offences') throw new Error(parsed.kind);
    expect(parsed.report.rowsLoaded).toBe(1);
  });

  it('gives the header and first rows of a file of unknown format, and says when one is empty', async () => {
    const mystery = await readCsv(
      byteSource(new TextEncoder().encode('colour,size\nred,3\n')),
      options,
    ).result;
    expect(mystery).toEqual(await readCsv('colour,size\nred,3\n', options).result);
    expect(mystery).toMatchObject({
      kind: 'columns',
      header: ['colour', 'size'],
      rows: [['red', '3']],
    });
    const empty = await readCsv(byteSource(new Uint8Array([0xef, 0xbb, 0xbf])), options).result;
    expect(empty).toEqual({
      kind: 'unrecognised',
      fileName: 'f.csv',
      message: 'The file is empty.',
    });
  });
});
