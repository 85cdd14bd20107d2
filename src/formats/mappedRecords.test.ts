import { describe, expect, it } from 'vitest';
import { mappingOf } from '../../tests/support/columnMappings.ts';
import { cellOf, GOLBORNE_SQUARE, TEST_WARDS, totalOf } from '../../tests/support/readForTest.ts';
import { timeSlot, UNKNOWN_TIME_SLOT } from '../data/cube.ts';
import {
  type ColumnMapping,
  mappingProblems,
  mappingsFileText,
  parseMappingsFile,
  roleColumns,
} from './columnMapping.ts';
import { proposeOffenceTheme, proposeRoles } from './proposeRoles.ts';
import { readCsv } from './readFile.ts';
import { parseFlag, parseVictimAge } from './recordValues.ts';

const GOLBORNE = 'E05009396';
const EARLS_COURT = 'E05009395';
const FRI = 4;
const SAT = 5;
const TUE = 1;

async function read(
  rows: string[][],
  options: { mapping?: ColumnMapping; mappings?: ColumnMapping[] },
) {
  const text = rows.map((row) => row.join(',')).join('\r\n');
  return readCsv(text, {
    fileName: 'extract.csv',
    lookup: TEST_WARDS,
    locate: GOLBORNE_SQUARE.codeAt,
    previewRows: 5,
    ...options,
  }).result;
}

const POLICE_HEADER = [
  'Crime Reference',
  'Committed From Date',
  'Committed From Time',
  'Committed To Date',
  'Committed To Time',
  'Easting',
  'Northing',
  'Victim Age',
  'DA Flag',
  'Offence Type',
  'Notes',
];

// E 524600 N 181900 is about 51.5223N 0.2054W, inside the Golborne square; E 525500 N 177900 is
// about 51.4861N, outside it.
const POLICE_ROWS = [
  // Friday 10 January 2025 22:30 to Saturday 01:10: hours 22, 23, 0, 1, a quarter each.
  [
    'CR/1',
    '10/01/2025',
    '22:30',
    '11/01/2025',
    '01:10',
    '524600',
    '181900',
    '17',
    'Y',
    'Robbery',
    'x',
  ],
  // A band under 25, a time with AM/PM, no end: one hour. Domestic abuse, GBH.
  ['CR/2', '10/01/2025', '11:15 PM', '', '', '524600', '181900', '18-24', 'N', 'GBH', ''],
  // An age band that spans 25: not youth. A type no rule knows: its own theme.
  ['CR/3', '1/7/2025', '22:30', '', '', '524600', '181900', '20-29', 'yes', 'Stalking', ''],
  ['CR/4', '31/02/2025', '10:00', '', '', '524600', '181900', '30', 'N', 'Robbery', ''],
  ['CR/5', '12/01/2025', '10:00', '', '', '525500', '177900', '30', 'N', 'Robbery', ''],
  ['CR/6', '12/01/2025', '10:00', '', '', '524600', '181900', 'old', 'N', 'Robbery', ''],
  ['CR/1', '12/01/2025', '10:00', '', '', '524600', '181900', '30', 'N', 'Robbery', ''],
  ['CR/7', '12/01/2025', '10:00', '', '', '524600', '181900', '30', 'N', 'Theft', ''],
];

describe('proposed roles', () => {
  it('reads a police extract’s names and values', () => {
    expect(proposeRoles(POLICE_HEADER, POLICE_ROWS)).toEqual([
      'record_id',
      'from',
      'from_time',
      'to',
      'to_time',
      'easting',
      'northing',
      'victim_age',
      'domestic_abuse',
      'offence_type',
      'ignore',
    ]);
  });

  it('takes British National Grid metres under longitude and latitude names for eastings and northings', () => {
    const header = ['id', 'date', 'longitude', 'latitude'];
    const rows = [
      ['1', '2025-01-10', '524600', '181900'],
      ['2', '2025-01-11', '530005', '180426'],
    ];
    expect(proposeRoles(header, rows)).toEqual(['record_id', 'from', 'easting', 'northing']);
    const degrees = [
      ['1', '2025-01-10', '-0.2054', '51.5223'],
      ['2', '2025-01-11', '-0.128', '51.5078'],
    ];
    expect(proposeRoles(header, degrees)).toEqual(['record_id', 'from', 'longitude', 'latitude']);
  });

  it('finds ward codes and dates by their values, a count by its name, and leaves the rest unused', () => {
    const header = ['Area', 'When', 'Count', 'Comment'];
    const rows = [
      ['E05009396', '2025-01', '3', 'first'],
      ['E05009395', '2025-02', '4', 'second'],
    ];
    expect(proposeRoles(header, rows)).toEqual(['ward_code', 'from', 'count', 'ignore']);
  });

  it('gives offence types the theme their words say, or one of their own', () => {
    expect(
      [
        'Robbery of personal property',
        'GBH with intent',
        'Knife crime with injury',
        'Possession of a bladed article',
        'Rape of a female aged 16 and over',
        'Stalking',
      ].map(proposeOffenceTheme),
    ).toEqual([
      'robbery',
      'violence_with_injury',
      'knife_crime_with_injury',
      'possession_of_weapons',
      'sexual_violence',
      'stalking',
    ]);
  });
});

describe('a table read through a column mapping', () => {
  const roles = proposeRoles(POLICE_HEADER, POLICE_ROWS);

  it('reads UK dates, separate times, British National Grid and offence types, rejecting bad rows with reasons', async () => {
    const mapping = mappingOf(POLICE_HEADER, roles, {
      offenceThemes: [
        ['gbh', 'violence_with_injury'],
        ['ROBBERY', 'robbery'],
        ['theft', ''],
      ],
    });
    const parsed = await read([POLICE_HEADER, ...POLICE_ROWS], { mapping });
    if (parsed.kind !== 'offences') throw new Error(parsed.kind);
    const { cube, report, preview } = parsed;
    expect(report.format).toBe('Police extract');
    expect(report.rowsRead).toBe(8);
    expect(report.rowsLoaded).toBe(3);
    expect(report.rejected).toEqual([
      {
        row: 5,
        reason: 'Committed From Date is not a date or date-time: "31/02/2025" with time "10:00"',
      },
      { row: 6, reason: 'The point (E 525500, N 177900) is outside the loaded wards' },
      { row: 7, reason: 'Victim Age is not an age in years or an age band: "old"' },
      { row: 8, reason: 'Offence CR/1 is already on row 2: only the first is counted' },
      { row: 9, reason: '"Theft" is not counted (Match columns)' },
    ]);
    const all = 'all_serious_violence';
    // CR/1: 22:30 Friday to 01:10 Saturday (GMT): four hours, a quarter each.
    expect(cellOf(cube, all, '2025-01', GOLBORNE, timeSlot(FRI, 22))).toBe(0.25);
    // CR/2: 23:15 Friday, its own hour.
    expect(cellOf(cube, all, '2025-01', GOLBORNE, timeSlot(FRI, 23))).toBe(0.25 + 1);
    expect(cellOf(cube, all, '2025-01', GOLBORNE, timeSlot(SAT, 1))).toBe(0.25);
    expect(totalOf(cube, 'robbery', '2025-01', GOLBORNE)).toBeCloseTo(1, 6);
    expect(totalOf(cube, 'violence_with_injury', '2025-01', GOLBORNE)).toBeCloseTo(1, 6);
    // CR/1 is 17, CR/2 in the 18-24 band; CR/3's 20-29 band spans 25.
    expect(totalOf(cube, 'youth_violence', '2025-01', GOLBORNE)).toBeCloseTo(2, 6);
    expect(totalOf(cube, 'youth_violence', '2025-07', GOLBORNE)).toBe(0);
    expect(totalOf(cube, 'domestic_abuse', '2025-01', GOLBORNE)).toBeCloseTo(1, 6);
    // CR/3: 1 July 2025 22:30 BST, a Tuesday; Stalking is a theme of its own.
    expect(cellOf(cube, 'stalking', '2025-07', GOLBORNE, timeSlot(TUE, 22))).toBe(1);
    expect(cellOf(cube, 'domestic_abuse', '2025-07', GOLBORNE, timeSlot(TUE, 22))).toBe(1);
    expect(parsed.themes.find((theme) => theme.id === 'stalking')?.label).toBe('Stalking');
    expect(report.notes.join('\n')).toMatch(/band that spans 25.*: 1 record\./);
    expect(report.notes.join('\n')).toMatch(/British National Grid.*: 3 records\./);
    expect(report.notes.join('\n')).toMatch(
      /Offence types not in the column matching.*Stalking \(1\)/,
    );
    // Points for the density layer, one per offence and theme: CR/1 in all, domestic abuse,
    // youth and robbery; CR/2 in all, youth and violence with injury; CR/3 in all, domestic
    // abuse and stalking.
    expect(parsed.points?.longitude.length).toBe(4 + 3 + 3);
    expect(preview).toEqual([
      {
        row: 2,
        loaded: true,
        when: 'Fri 10 Jan 2025 22:30 to Sat 11 Jan 2025 01:10',
        ward: GOLBORNE,
        themes: ['All serious violence', 'Domestic abuse', 'Youth violence (under 25)', 'Robbery'],
        count: 1,
      },
      {
        row: 3,
        loaded: true,
        // No end: the time given, to the minute.
        when: 'Fri 10 Jan 2025 23:15',
        ward: GOLBORNE,
        themes: ['All serious violence', 'Youth violence (under 25)', 'Violence with injury'],
        count: 1,
      },
      expect.objectContaining({ row: 4, loaded: true }),
      expect.objectContaining({ row: 5, loaded: false }),
      expect.objectContaining({ row: 6, loaded: false }),
    ]);
  });

  it('reads a two-digit year as 20yy up to next year, says how many, and rejects one after', async () => {
    const mapping = mappingOf(POLICE_HEADER, roles);
    const withYear = (id: string, from: string, to: string) => {
      const row = [...(POLICE_ROWS[1] as string[])];
      row[0] = id;
      row[1] = from;
      row[3] = to;
      row[4] = to === '' ? '' : '23:45';
      return row;
    };
    const nextYear = new Date().getFullYear() + 1;
    const after = String((nextYear + 1) % 100).padStart(2, '0');
    const parsed = await read(
      [
        POLICE_HEADER,
        // Two dates written short (from and to): Friday 10 January 2025 23:15 to 23:45.
        withYear('CR/1', '10.01.25', '10/01/25'),
        // One, no end.
        withYear('CR/2', '10/01/25', ''),
        // 95 is 2095 (or 1995): not read.
        withYear('CR/3', '10/01/95', ''),
        // The year after next, written short.
        withYear('CR/4', `10/01/${after}`, ''),
      ],
      { mapping },
    );
    if (parsed.kind !== 'offences') throw new Error(parsed.kind);
    expect(parsed.report.rowsLoaded).toBe(2);
    expect(parsed.report.rejected).toEqual([
      {
        row: 4,
        reason: `Committed From Date: "10/01/95" has a two-digit year, and 2095 is after ${nextYear}: write the year in full (e.g. 1995)`,
      },
      {
        row: 5,
        reason: `Committed From Date: "10/01/${after}" has a two-digit year, and 20${after} is after ${nextYear}: write the year in full (e.g. 19${after})`,
      },
    ]);
    // 2 + 1 dates read short on the rows loaded.
    expect(parsed.report.notes).toContain(
      '3 dates written with a two-digit year, read as 20yy (10/01/25 as 10 January 2025).',
    );
    // Both in Golborne, in January 2025, at 23:00 on a Friday: 23:15-23:45 and 23:15 alone.
    expect(totalOf(parsed.cube, 'all_serious_violence', '2025-01', GOLBORNE)).toBeCloseTo(2, 6);
    expect(
      cellOf(parsed.cube, 'all_serious_violence', '2025-01', GOLBORNE, timeSlot(FRI, 23)),
    ).toBeCloseTo(2, 6);
  });

  it('reads a saved mapping for the same columns in another order and case, and says so', async () => {
    const mapping = mappingOf(POLICE_HEADER, roles);
    const reordered = [...POLICE_HEADER].reverse().map((name) => name.toUpperCase());
    const rows = [POLICE_ROWS[0] as string[]].map((row) => [...row].reverse());
    const parsed = await read([reordered, ...rows], { mappings: [mapping] });
    if (parsed.kind !== 'offences') throw new Error(parsed.kind);
    expect(parsed.report.rowsLoaded).toBe(1);
    expect(parsed.report.notes[0]).toBe(
      'Read with the saved column matching “Police extract”, kept for files with these columns.',
    );
    expect(totalOf(parsed.cube, 'robbery', '2025-01', GOLBORNE)).toBeCloseTo(1, 6);
    // Without the saved mapping the same file asks for its columns to be matched.
    const unmatched = await read([reordered, ...rows], {});
    expect(unmatched.kind).toBe('columns');
  });

  it('adds counts of an aggregated table by ward name, and makes another kind of record a theme of its own', async () => {
    const header = ['Ward', 'Month', 'Attendances'];
    const rows = [
      ['Golborne', '2025-01', '3'],
      ['Earls Court', '2025-01', '2'],
      ['Golborne', '2025-02', '4'],
      ['Nowhere', '2025-02', '4'],
      ['Golborne', '2025-02', 'some'],
    ];
    const mapping = mappingOf(header, ['ward_name', 'from', 'count'], {
      name: 'A&E assault attendances',
      rowsAre: 'own_theme',
    });
    const parsed = await read([header, ...rows], { mapping });
    if (parsed.kind !== 'offences') throw new Error(parsed.kind);
    expect(parsed.themes.map(({ id, label }) => ({ id, label }))).toEqual([
      { id: 'a_e_assault_attendances', label: 'A&E assault attendances' },
    ]);
    const theme = 'a_e_assault_attendances';
    expect(totalOf(parsed.cube, theme, '2025-01', GOLBORNE)).toBe(3);
    expect(totalOf(parsed.cube, theme, '2025-01', EARLS_COURT)).toBe(2);
    expect(totalOf(parsed.cube, theme, '2025-02', GOLBORNE)).toBe(4);
    expect(parsed.report.rejected).toEqual([
      { row: 5, reason: 'Unknown ward name "Nowhere"' },
      { row: 6, reason: 'Count is not a number: "some"' },
    ]);
    // A month alone is the whole month: no time of day.
    expect(cellOf(parsed.cube, theme, '2025-01', GOLBORNE, UNKNOWN_TIME_SLOT)).toBe(3);
  });
});

describe('mapping checks and files', () => {
  const roles = proposeRoles(POLICE_HEADER, POLICE_ROWS);

  it('says what is missing or chosen twice', () => {
    expect(mappingProblems(['record_id', 'ward_code'])).toEqual([
      'Choose the column with the date (from).',
    ]);
    expect(mappingProblems(['from', 'easting', 'ignore'])).toEqual([
      'Easting and northing go together: choose both or neither.',
      'Choose where each row is: a ward code, a ward name, longitude and latitude, or easting and northing.',
    ]);
    expect(mappingProblems(['from', 'from', 'ward_code'])).toEqual([
      '“Date or date-time (from)” is chosen for 2 columns.',
    ]);
    expect(mappingProblems(['from', 'to_time', 'ward_name'])).toEqual([
      'A time (to) needs a date (to).',
    ]);
  });

  it('matches columns by name whatever their order, and the same name twice in order', () => {
    const mapping = mappingOf(['a', 'b', 'a'], ['record_id', 'from', 'ward_code']);
    const columns = roleColumns(mapping, ['B', 'A', 'x', 'a']);
    expect([columns.record_id, columns.from, columns.ward_code]).toEqual([1, 0, 3]);
  });

  it('exports and imports mappings as JSON, checking every field', () => {
    const mapping = mappingOf(POLICE_HEADER, roles, {
      offenceThemes: [
        ['constructor', 'robbery'],
        ['__proto__', ''],
      ],
    });
    const text = mappingsFileText([mapping]);
    expect(parseMappingsFile(text)).toEqual({ mappings: [mapping] });
    expect(parseMappingsFile('{"mappings":[{"id":"x"}]}')).toEqual({
      error: 'Column mapping 1 is not complete.',
    });
    expect(parseMappingsFile('[1,2]')).toEqual({
      error: 'The file has no list of column mappings.',
    });
    expect(parseMappingsFile('not json')).toEqual({ error: 'The file is not JSON.' });
    // A role the app does not know is refused, and a signature is worked out again.
    const tampered = JSON.parse(text);
    tampered.mappings[0].signature = 'anything';
    expect(parseMappingsFile(JSON.stringify(tampered))).toEqual({ mappings: [mapping] });
    tampered.mappings[0].columns[0].role = 'password';
    expect(parseMappingsFile(JSON.stringify(tampered))).toHaveProperty('error');
  });
});

describe('cells as partners write them', () => {
  it('reads flags in the usual spellings, and nothing from the prototype', () => {
    expect(['TRUE', 'yes', 'Y', '1', 't', '-1', 'x'].map(parseFlag)).toEqual(Array(7).fill(true));
    expect(['false', 'No', 'n', '0', '', 'F'].map(parseFlag)).toEqual(Array(6).fill(false));
    expect(['maybe', 'constructor', '__proto__', 'toString'].map(parseFlag)).toEqual(
      Array(4).fill(undefined),
    );
  });

  it('reads ages and age bands, youth being under 25', () => {
    const youth = (text: string) => parseVictimAge(text)?.youth;
    expect(['17', '24', '24.9', '18-24', '18 to 24', 'under 18', '0-17'].map(youth)).toEqual(
      Array(7).fill(true),
    );
    expect(['25', '25-34', '65+', 'over 65', '25 and over'].map(youth)).toEqual(
      Array(5).fill(false),
    );
    expect(['', 'Unknown', 'N/K', '20-29', 'under 30', '18+'].map(youth)).toEqual(
      Array(6).fill(null),
    );
    expect(parseVictimAge('20-29')?.spansLimit).toBe(true);
    for (const text of ['old', '130', '30-20', 'constructor'])
      expect(parseVictimAge(text)).toBeUndefined();
  });
});
