/**
 * Property-based tests of every reader through the app's reading path: random files of good,
 * bad and set-aside rows, blank lines, quoted cells (some over several lines), a stray quote,
 * three delimiters and line breaks, UTF-8 (with or without a byte-order mark), Windows-1252 and
 * UTF-16, any chunking. Each file's report must account for every row: rows read = loaded +
 * rejected + set aside, each row with the outcome its cells call for, the rejected ones listed by
 * row number, the lines counted, and the figures loaded equal to the sum of the good rows'.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertySettings } from '../../tests/support/properties.ts';
import { encodeWindows1252 } from '../../tests/support/windows1252.ts';
import type { OffenceCube } from '../data/cube.ts';
import { WardLookup } from '../geo/wardLookup.ts';
import type { ByteSource } from './byteSource.ts';
import { type ParsedFile, readCsv } from './readFile.ts';

type Outcome = 'loaded' | 'rejected' | 'set aside';

/** A row as a generator makes it: its cells, what the reader must do with it, and what it adds
 * to the figures when it loads. */
interface Row {
  cells: string[];
  outcome: Outcome;
  /** Makes rows after it with the same key rejected (offence ids, ward codes). */
  key?: string;
  adds: number;
}

interface FormatSpec {
  kind: ParsedFile['kind'];
  header: string[];
  row: fc.Arbitrary<Row>;
  /** What the file loaded adds up to, to compare with the rows' `adds`. */
  total(parsed: ParsedFile): number;
}

const KENSINGTON = 'E09000020';
const WARDS = [
  { code: 'E05009396', name: 'Golborne', lad: KENSINGTON },
  { code: 'E05009395', name: "Earl's Court", lad: KENSINGTON },
  { code: 'E05009399', name: 'Notting Dale', lad: KENSINGTON },
];
const CODES = WARDS.map((ward) => ward.code);
/** data.police.uk and partner points: a box that is Golborne. */
const GOLBORNE_BOX = { west: -0.21, east: -0.2, south: 51.52, north: 51.53 };
function locate(longitude: number, latitude: number): string | null {
  const { west, east, south, north } = GOLBORNE_BOX;
  return longitude >= west && longitude <= east && latitude >= south && latitude <= north
    ? 'E05009396'
    : null;
}

/** Every count in a cube, summed over themes, wards and time slots. */
function cubeTotal(cube: OffenceCube): number {
  let total = 0;
  for (let theme = 0; theme < cube.themes.length; theme += 1) {
    const last = cube.cumulative[theme * cube.monthCount + cube.monthCount - 1];
    for (const value of last ?? []) total += value;
  }
  return total;
}

function offenceTotal(parsed: ParsedFile): number {
  return parsed.kind === 'offences' ? cubeTotal(parsed.cube) : Number.NaN;
}

const count = fc.integer({ min: 0, max: 99 });
const month = fc.integer({ min: 1, max: 9 }).map((m) => `2024-0${m}`);
const code = fc.constantFrom(...CODES);
/** Free text such as a notes cell: commas, quotes, and now and then a second line. It starts
 * with a letter (see csvBytes.test.ts on stray quotes). */
const notes = fc
  .tuple(
    fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', '"', 'é', '’'), maxLength: 10 }),
    fc.option(fc.string({ unit: fc.constantFrom('c', ' ', '"'), maxLength: 6 }), { freq: 3 }),
  )
  .map(([first, second]) => `n${first}${second === null ? '' : `\n${second}`}`);

/** A good row, or the same row with one cell made bad in one of the ways given. */
function goodOrBad(
  good: fc.Arbitrary<{ cells: string[]; adds: number; key?: string }>,
  faults: [column: number, values: string[]][],
  outcomeOfGood: Outcome = 'loaded',
): fc.Arbitrary<Row> {
  return fc.oneof(
    { weight: 3, arbitrary: good.map((row) => ({ ...row, outcome: outcomeOfGood })) },
    {
      weight: 1,
      arbitrary: fc.tuple(good, fc.constantFrom(...faults)).chain(([row, [column, values]]) =>
        fc.constantFrom(...values).map((value) => {
          const cells = [...row.cells];
          cells[column] = value;
          return { cells, outcome: 'rejected' as const, adds: 0 };
        }),
      ),
    },
  );
}

const NATIVE: FormatSpec = {
  kind: 'offences',
  header: ['ward_code', 'theme', 'month', 'weekday', 'hour', 'count', 'notes'],
  row: goodOrBad(
    fc
      .tuple(
        code,
        fc.constantFrom('youth_violence', 'robbery', 'knife_crime', 'Domestic_Abuse'),
        month,
        fc.constantFrom('Mon', 'tue', '7', ''),
        fc.constantFrom('0', '15', '23', ''),
        count,
        notes,
      )
      .map(([ward, theme, m, weekday, hour, n, note]) => ({
        cells: [ward, theme, m, weekday, hour, String(n), note],
        adds: n,
      })),
    [
      [0, ['E09999999', '']],
      [1, ['1abc', '???', '__proto__']],
      // Placeholders, years not in full or out of range.
      [2, ['2024-13', 'Jan 2024', '9999-12', '0025-01', '24-01', '1899-12']],
      [3, ['Funday', 'constructor', '__proto__']],
      [4, ['24', 'x']],
      [5, ['-1', 'two', '1.5', '', '1e3', '0x10', '0b101', '1000001']],
    ],
  ),
  total: offenceTotal,
};

const MPS_WARD_CRIME: FormatSpec = {
  kind: 'offences',
  header: ['WardCode', 'MajorText', 'MinorText', 'LookUp_BoroughName', '202401', '202402'],
  row: goodOrBad(
    fc
      .tuple(
        code,
        fc.constantFrom('ROBBERY', 'SEXUAL OFFENCES', 'THEFT'),
        fc.constantFrom('Personal Robbery', 'Other Theft'),
        count,
        fc.option(count),
      )
      .map(([ward, major, minor, first, second]) => ({
        cells: [ward, major, minor, 'Kensington and Chelsea', String(first), String(second ?? '')],
        adds: first + (second ?? 0),
      })),
    [
      [0, ['E05099999']],
      [1, ['', '123']],
      [4, ['x', '-2', '1e3', '0x10', '1000001']],
    ],
  ),
  total: offenceTotal,
};

const MPS_VAWG: FormatSpec = {
  kind: 'offences',
  header: ['month', 'bcu', 'borough', 'ward_name', 'WD24CD', 'vawg_offences'],
  row: goodOrBad(
    fc.tuple(month, code, count).map(([m, ward, n]) => ({
      cells: [m, 'Central West', 'Kensington and Chelsea', 'Golborne', ward, String(n)],
      adds: n,
    })),
    [
      [0, ['Jan-24', '', '9999-12', '0025-01']],
      [4, ['', 'E05099999']],
      [5, ['x', '-3', '1e39']],
    ],
  ),
  total: offenceTotal,
};

const KNIFE_SUBTYPES = [
  'Knife Crime',
  'Knife Crime with Injury',
  'Knife Injury Victims (non DA 1-24)',
] as const;
const MPS_KNIFE_CRIME: FormatSpec = {
  kind: 'offences',
  header: ['month', 'area_type', 'area_code', 'crime_subtype', 'measure', 'count'],
  row: fc.oneof(
    goodOrBad(
      fc
        .tuple(month, code, fc.constantFrom(...KNIFE_SUBTYPES), count)
        .map(([m, ward, subtype, n]) => ({
          cells: [m, 'Ward (SNT)', ward, subtype, 'Offences', String(n)],
          // Knife crime counts again in "All serious violence".
          adds: subtype === 'Knife Crime' ? 2 * n : n,
        })),
      [
        [1, ['Police area']],
        [2, ['E05099999', '']],
        [0, ['2024/01', '9999-12']],
        [5, ['many', '0b101', '1000001']],
      ],
    ),
    fc.tuple(month, count, fc.boolean()).map(
      ([m, n, borough]): Row => ({
        cells: borough
          ? [m, 'Borough', KENSINGTON, 'Knife Crime', 'Offences', String(n)]
          : [m, 'Ward (SNT)', 'E05009396', 'Knife Crime', 'Positive Outcomes', String(n)],
        outcome: 'set aside',
        adds: 0,
      }),
    ),
  ),
  total: offenceTotal,
};

const POLICE_UK: FormatSpec = {
  kind: 'offences',
  header: [
    'Crime ID',
    'Month',
    'Reported by',
    'Falls within',
    'Longitude',
    'Latitude',
    'Location',
    'LSOA code',
    'LSOA name',
    'Crime type',
    'Last outcome category',
    'Context',
  ],
  row: goodOrBad(
    fc
      .tuple(
        month,
        fc.double({ min: GOLBORNE_BOX.west, max: GOLBORNE_BOX.east, noNaN: true }),
        fc.double({ min: GOLBORNE_BOX.south, max: GOLBORNE_BOX.north, noNaN: true }),
        fc.constantFrom('Robbery', 'Violence and sexual offences', 'Anti-social behaviour'),
        notes,
      )
      .map(([m, longitude, latitude, type, context]) => ({
        cells: [
          '',
          m,
          'Metropolitan Police Service',
          'Metropolitan Police Service',
          longitude.toFixed(6),
          latitude.toFixed(6),
          'On or near Golborne Road, W10',
          'E01002900',
          'Kensington and Chelsea 001A',
          type,
          '',
          context,
        ],
        adds: 1,
      })),
    [
      [1, ['2024/01', '', '9999-12', '1900-01']],
      [4, ['', 'west', '0.5', '0x10', '1e3']],
      [9, ['']],
    ],
  ),
  total: offenceTotal,
};

const PARTNER_EXTRACT: FormatSpec = {
  kind: 'offences',
  header: [
    'offence_id',
    'ward_code',
    'occurred_from',
    'occurred_to',
    'domestic_abuse',
    'sexual_violence',
    'victim_age',
    'notes',
  ],
  row: goodOrBad(
    fc
      .tuple(
        fc.integer({ min: 1, max: 30 }),
        code,
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 22 }),
        fc.constantFrom('yes', 'no', 'Y', '0', ''),
        fc.constantFrom('true', 'N', ''),
        fc.option(fc.integer({ min: 1, max: 90 })),
        notes,
      )
      .map(([id, ward, day, hour, domestic, sexual, age, note]) => {
        const date = `2024-03-${String(day).padStart(2, '0')}`;
        const themes =
          1 +
          (['yes', 'Y'].includes(domestic) ? 1 : 0) +
          (sexual === 'true' ? 1 : 0) +
          (age !== null && age < 25 ? 1 : 0);
        return {
          cells: [
            `P${id}`,
            ward,
            `${date} ${String(hour).padStart(2, '0')}:15`,
            `${date} ${String(hour + 1).padStart(2, '0')}:45`,
            domestic,
            sexual,
            age === null ? '' : String(age),
            note,
          ],
          key: `P${id}`,
          // Every offence counts once in each of its themes, spread over its hours.
          adds: themes,
        };
      }),
    [
      [0, ['']],
      [1, ['E05099999']],
      [2, ['yesterday', '2024-02-30', '31/12/9999', '01/01/1900', '0025-03-01 10:00', '10/03/95']],
      [3, ['2024-01-01 00:00', '31/12/9999']],
      [4, ['maybe', 'constructor']],
      [6, ['-1', 'old', '0x10']],
    ],
  ),
  total: offenceTotal,
};

const POPULATION: FormatSpec = {
  kind: 'population',
  header: ['ward_code', 'population', 'population_10_24'],
  row: goodOrBad(
    fc
      .tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 30_000 }), fc.option(count))
      .map(([ward, people, young]) => {
        const wardCode = `E0500${String(9000 + ward).padStart(4, '0')}`;
        return {
          cells: [wardCode, people.toLocaleString('en-GB'), young === null ? '' : String(young)],
          key: wardCode,
          adds: people,
        };
      }),
    [
      [0, ['X1', '']],
      [1, ['lots', '']],
      [2, ['1.5']],
    ],
  ),
  total: (parsed) =>
    parsed.kind === 'population'
      ? [...parsed.populations.values()].reduce((sum, ward) => sum + ward.population, 0)
      : Number.NaN,
};

const SERVICES: FormatSpec = {
  kind: 'services',
  header: ['name', 'type', 'latitude', 'longitude', 'themes', 'notes'],
  row: goodOrBad(
    fc
      .tuple(
        fc.constantFrom('Youth hub', 'IDVA "drop-in"', 'Clinic, north'),
        fc.constantFrom('Youth', 'Advocacy'),
        fc.constantFrom('', 'youth_violence', 'domestic_abuse|sexual_violence'),
        notes,
      )
      .map(([name, type, themes, note]) => ({
        cells: [name, type, '51.52', '-0.205', themes, note],
        adds: 1,
      })),
    [
      [0, ['']],
      [1, ['']],
      [2, ['x', '10']],
      [4, ['?!']],
    ],
  ),
  total: (parsed) => (parsed.kind === 'services' ? parsed.file.services.length : Number.NaN),
};

const FORMATS: Record<string, FormatSpec> = {
  'native aggregated offences': NATIVE,
  'MPS ward crime': MPS_WARD_CRIME,
  'MPS VAWG': MPS_VAWG,
  'MPS knife crime': MPS_KNIFE_CRIME,
  'data.police.uk street': POLICE_UK,
  'partner extract': PARTNER_EXTRACT,
  'ward populations': POPULATION,
  services: SERVICES,
};

interface Dialect {
  delimiter: string;
  lineBreak: string;
  encoding: 'utf-8' | 'utf-8 with BOM' | 'windows-1252' | 'utf-16le';
}

const dialects = fc.record<Dialect>({
  delimiter: fc.constantFrom(',', ';', '\t'),
  lineBreak: fc.constantFrom('\n', '\r\n', '\r'),
  encoding: fc.constantFrom('utf-8', 'utf-8 with BOM', 'windows-1252', 'utf-16le'),
});

/** The cell as a spreadsheet writes it: quoted when it must be (and now and then when not). */
function writeCell(cell: string, dialect: Dialect, quoteAnyway: boolean): string {
  const text = cell.replaceAll('\n', dialect.lineBreak);
  const mustQuote = /["\n\r,;\t]/.test(text);
  return mustQuote || quoteAnyway ? `"${text.replaceAll('"', '""')}"` : text;
}

function encode(text: string, encoding: Dialect['encoding']): Uint8Array {
  if (encoding === 'windows-1252') return encodeWindows1252(text);
  if (encoding === 'utf-16le') {
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let index = 0; index < text.length; index += 1) {
      const unit = text.charCodeAt(index);
      bytes[2 + index * 2] = unit & 0xff;
      bytes[3 + index * 2] = unit >> 8;
    }
    return bytes;
  }
  return new TextEncoder().encode(encoding === 'utf-8 with BOM' ? `\uFEFF${text}` : text);
}

function byteSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: async (start, end) => bytes.slice(start, end) };
}

/** A file: the header, then rows and blank lines, with at most one stray quote. */
interface File {
  lines: ({ row: Row; written: string[] } | { blank: string })[];
  stray: number | null;
}

function fileOf(spec: FormatSpec, dialect: Dialect): fc.Arbitrary<File> {
  const line = fc.oneof(
    { weight: 12, arbitrary: fc.tuple(spec.row, fc.array(fc.boolean(), { maxLength: 12 })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('', '   ', dialect.delimiter.repeat(spec.header.length - 1)),
    },
  );
  return fc
    .tuple(fc.array(line, { maxLength: 40 }), fc.option(fc.nat(), { freq: 2 }))
    .map(([items, straySeed]) => {
      const lines = items.map((item): File['lines'][number] =>
        typeof item === 'string'
          ? { blank: item }
          : {
              row: item[0],
              written: item[0].cells.map((cell, index) =>
                writeCell(cell, dialect, item[1][index] === true),
              ),
            },
      );
      // A stray quote before a cell after the last one written with quotes, in one row (a quote
      // in a cell after the stray would close it on the same line: a row of too few cells).
      const strayField = (written: string[]) =>
        written.findLastIndex((cell) => cell.startsWith('"')) + 1;
      const candidates = lines.flatMap((entry, index) =>
        'row' in entry && strayField(entry.written) < entry.written.length ? [index] : [],
      );
      const stray =
        straySeed === null || candidates.length === 0
          ? null
          : (candidates[straySeed % candidates.length] as number);
      if (stray !== null) {
        const entry = lines[stray] as { written: string[] };
        const field = strayField(entry.written);
        entry.written[field] = `"${entry.written[field]}`;
      }
      return { lines, stray };
    });
}

/** What the reader must report: each row's outcome, keys first come first served. */
function expectedOutcomes(file: File): { row: number; outcome: Outcome; adds: number }[] {
  const seen = new Set<string>();
  const outcomes: { row: number; outcome: Outcome; adds: number }[] = [];
  file.lines.forEach((entry, index) => {
    const row = index + 2;
    if ('blank' in entry) return;
    if (index === file.stray) {
      outcomes.push({ row, outcome: 'rejected', adds: 0 });
      return;
    }
    const { outcome, key, adds } = entry.row;
    if (outcome === 'loaded' && key !== undefined) {
      if (seen.has(key)) {
        outcomes.push({ row, outcome: 'rejected', adds: 0 });
        return;
      }
      seen.add(key);
    }
    outcomes.push({ row, outcome, adds });
  });
  return outcomes;
}

/** Lines of the text as a reader counts them: line breaks, and a last line without one. */
function physicalLines(text: string, lineBreak: string): number {
  const breaks = text.split(lineBreak).length - 1;
  return breaks + (text.length > 0 && !text.endsWith(lineBreak) ? 1 : 0);
}

const lookup = new WardLookup(WARDS);

describe('every reader accounts for every row', () => {
  for (const [name, spec] of Object.entries(FORMATS)) {
    it(`${name}: rows read = loaded + rejected + set aside, each for its reason`, async () => {
      await fc.assert(
        fc.asyncProperty(
          dialects.chain((dialect) =>
            fc.tuple(
              fc.constant(dialect),
              fileOf(spec, dialect),
              fc.boolean(),
              fc.oneof(fc.integer({ min: 16, max: 2048 }), fc.constant(1 << 22)),
            ),
          ),
          async ([dialect, file, breakAtEnd, chunkSize]) => {
            // An empty last line is a blank line only when a line break ends it.
            const trailingBreak =
              breakAtEnd || (file.lines.at(-1) as { blank?: string })?.blank === '';
            const text =
              [
                spec.header.join(dialect.delimiter),
                ...file.lines.map((entry) =>
                  'blank' in entry ? entry.blank : entry.written.join(dialect.delimiter),
                ),
              ].join(dialect.lineBreak) + (trailingBreak ? dialect.lineBreak : '');
            const parsed = await readCsv(byteSource(encode(text, dialect.encoding)), {
              fileName: 'f.csv',
              lookup,
              locate,
              chunkSize,
            }).result;
            if (parsed.kind === 'unrecognised' || parsed.kind === 'columns')
              throw new Error(parsed.message);
            expect(parsed.kind).toBe(spec.kind);
            const { report } = parsed;
            const outcomes = expectedOutcomes(file);
            const rowsWith = (outcome: Outcome) =>
              outcomes.filter((row) => row.outcome === outcome);
            // The invariant, and each part of it as the rows call for.
            expect(report.rowsRead).toBe(
              report.rowsLoaded + report.rejectedCount + report.setAsideCount,
            );
            expect({
              read: report.rowsRead,
              loaded: report.rowsLoaded,
              rejected: report.rejectedCount,
              setAside: report.setAsideCount,
              blank: report.blankRows,
            }).toEqual({
              read: outcomes.length,
              loaded: rowsWith('loaded').length,
              rejected: rowsWith('rejected').length,
              setAside: rowsWith('set aside').length,
              blank: file.lines.filter((entry) => 'blank' in entry).length,
            });
            // Every row not loaded is listed by its row number, in file order.
            expect([...report.rejections.rows]).toEqual(
              outcomes.filter((row) => row.outcome !== 'loaded').map((row) => row.row),
            );
            expect(report.rejected.map((rejection) => rejection.row)).toEqual(
              rowsWith('rejected')
                .slice(0, 50)
                .map((row) => row.row),
            );
            const strayRow = file.stray === null ? null : file.stray + 2;
            if (strayRow !== null)
              expect(
                report.rejected.find((rejection) => rejection.row === strayRow)?.reason,
              ).toMatch(
                /^The quoted cell in column \d+ .* the row is rejected and reading goes on at the next line$/,
              );
            // The lines counted are the lines of the file, and the whole file was read.
            expect(report.lines).toBe(physicalLines(text, dialect.lineBreak));
            expect(report.notRead).toBeNull();
            // What loaded adds up to what the good rows hold.
            const expectedTotal = rowsWith('loaded').reduce((sum, row) => sum + row.adds, 0);
            expect(spec.total(parsed)).toBeCloseTo(expectedTotal, 6);
          },
        ),
        propertySettings(11, 60),
      );
    }, 60_000);
  }
});
