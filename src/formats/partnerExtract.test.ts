import { describe, expect, it } from 'vitest';
import { cellOf, GOLBORNE_SQUARE, TEST_WARDS, totalOf } from '../../tests/support/readForTest.ts';
import { timeSlot, UNKNOWN_TIME_SLOT } from '../data/cube.ts';
import { reasonCounts } from '../data/report.ts';
import { aoristicSpread } from './mappedRecords.ts';
import { PARTNER_EXTRACT_FORMAT } from './partnerExtract.ts';
import { readCsv } from './readFile.ts';
import { parseFlag } from './recordValues.ts';

const GOLBORNE = 'E05009396';
const EARLS_COURT = 'E05009395';
const MON = 0;
const TUE = 1;
const FRI = 4;
const SAT = 5;
const SUN = 6;

async function readExtract(rows: string[]) {
  const parsed = await readCsv(rows.join('\n'), {
    fileName: 'extract.csv',
    lookup: TEST_WARDS,
    locate: GOLBORNE_SQUARE.codeAt,
  }).result;
  if (parsed.kind !== 'offences') throw new Error(`expected offences, got ${parsed.kind}`);
  return parsed;
}

describe('aoristicSpread', () => {
  const at = (text: string) => Date.parse(text);

  it('spreads 22:30 Friday to 01:10 Saturday over 4 hour cells, a quarter each', () => {
    // 10 January 2025 is a Friday, in GMT: hours 22, 23 (Fri) and 0, 1 (Sat).
    expect(aoristicSpread(at('2025-01-10T22:30:00Z'), at('2025-01-11T01:10:00Z'))).toEqual({
      slots: [timeSlot(FRI, 22), timeSlot(FRI, 23), timeSlot(SAT, 0), timeSlot(SAT, 1)],
      weight: 0.25,
    });
  });

  it('gives a window within one hour, or a single time, one cell', () => {
    const instant = at('2025-01-13T09:05:00Z');
    expect(aoristicSpread(instant, instant)).toEqual({ slots: [timeSlot(MON, 9)], weight: 1 });
    expect(aoristicSpread(instant, at('2025-01-13T09:55:00Z')).slots).toHaveLength(1);
  });

  it('follows the clocks: the repeated hour in October gets two shares', () => {
    // 00:30 BST (23:30 UTC on the 25th) to 02:30 GMT on 26 October 2025: UTC hours 23, 0, 1, 2
    // are London 00 (BST), 01 (BST), 01 (GMT), 02 (GMT).
    expect(aoristicSpread(at('2025-10-25T23:30:00Z'), at('2025-10-26T02:30:00Z'))).toEqual({
      slots: [timeSlot(SUN, 0), timeSlot(SUN, 1), timeSlot(SUN, 1), timeSlot(SUN, 2)],
      weight: 0.25,
    });
  });

  it('counts a window of more than 7 days as unknown time', () => {
    const start = at('2025-01-06T00:00:00Z');
    // Exactly 168 hours touches hours 0 to 168: 169 cells, Monday 00:00 twice.
    const week = aoristicSpread(start, start + 168 * 3_600_000);
    expect(week.slots).toHaveLength(169);
    expect(week.weight).toBe(1 / 169);
    expect(aoristicSpread(start, start + 168 * 3_600_000 + 60_000)).toEqual({
      slots: [UNKNOWN_TIME_SLOT],
      weight: 1,
    });
  });
});

describe('parseFlag', () => {
  it('reads true/false, yes/no, 1/0 and Y/N in any case; blank is no', () => {
    expect(['TRUE', 'yes', 'Y', '1'].map(parseFlag)).toEqual([true, true, true, true]);
    expect(['false', 'No', 'n', '0', ''].map(parseFlag)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(parseFlag('maybe')).toBeUndefined();
  });
});

describe('Partner record-level extract', () => {
  const HEADER =
    'offence_id,ward_code,longitude,latitude,occurred_from,occurred_to,domestic_abuse,sexual_violence,victim_age';

  it('counts themes with aoristic hours and every offence once in All serious violence', async () => {
    const { cube, themes, points, report } = await readExtract([
      HEADER,
      `A1,${GOLBORNE},,,2025-01-10T22:30,2025-01-11T01:10,true,false,30`, // row 2
      'A2,,-0.205,51.52,2025-01-10 23:15,2025-01-11 00:40,yes,Y,17', // row 3
      `A3,${EARLS_COURT},,,2025-01-10 23:05,,0,0,`, // row 4
      `A4,${GOLBORNE},,,2025-01-01T10:00,2025-01-20T10:00,N,1,24`, // row 5
      `A1,${GOLBORNE},,,2025-01-10T22:30,,true,false,30`, // row 6: listed twice
      `A5,${GOLBORNE},,,2025-01-12 10:00,2025-01-12 09:00,no,no,40`, // row 7
      `A6,${GOLBORNE},,,2025-01-12 10:00,,maybe,no,40`, // row 8
      'A7,,-0.5,51.3,2025-01-12 10:00,,no,no,40', // row 9
      `A8,${EARLS_COURT},,,2025-07-01T21:30:00Z,,false,true,45`, // row 10
      `A9,${GOLBORNE},,,2025-03-30 00:30,2025-03-30 03:30,false,false,60`, // row 11
      `A10,${GOLBORNE},,,yesterday,,false,false,60`, // row 12
      `A11,${GOLBORNE},,,2025-01-12 10:00,,false,false,old`, // row 13
    ]);
    expect(report.format).toBe(PARTNER_EXTRACT_FORMAT);
    expect(report.rowsRead).toBe(12);
    expect(report.rowsLoaded).toBe(6);
    expect(report.rejected).toEqual([
      { row: 6, reason: 'Offence A1 is already on row 2: only the first is counted' },
      {
        row: 7,
        reason: 'occurred_to (2025-01-12 09:00) is before occurred_from (2025-01-12 10:00)',
      },
      {
        row: 8,
        reason: 'domestic_abuse is not yes/no, y/n, true/false, t/f, 1/0 (blank is no): "maybe"',
      },
      { row: 9, reason: 'The point (-0.5, 51.3) is outside the loaded wards' },
      { row: 12, reason: 'occurred_from is not a date or date-time: "yesterday"' },
      { row: 13, reason: 'victim_age is not an age in years or an age band: "old"' },
    ]);
    expect(reasonCounts(report)).toEqual({
      'Offence listed twice': 1,
      'Ends before it starts': 1,
      'Bad flag': 1,
      'Outside the loaded wards': 1,
      'Bad date-time': 1,
      'Bad age': 1,
    });
    expect(themes.map((theme) => theme.id).sort()).toEqual([
      'all_serious_violence',
      'domestic_abuse',
      'sexual_violence',
      'youth_violence',
    ]);
    expect(cube.slotsPerWard).toBe(UNKNOWN_TIME_SLOT + 1);

    // Golborne, January, all serious violence: A1 (4 hours, 1/4 each), A2 (located by its point:
    // 23:15-00:40 is 2 hours, 1/2 each) and A4 (19 days: unknown time).
    const all = 'all_serious_violence';
    expect(cellOf(cube, all, '2025-01', GOLBORNE, timeSlot(FRI, 22))).toBe(0.25);
    expect(cellOf(cube, all, '2025-01', GOLBORNE, timeSlot(FRI, 23))).toBe(0.25 + 0.5);
    expect(cellOf(cube, all, '2025-01', GOLBORNE, timeSlot(SAT, 0))).toBe(0.25 + 0.5);
    expect(cellOf(cube, all, '2025-01', GOLBORNE, timeSlot(SAT, 1))).toBe(0.25);
    expect(cellOf(cube, all, '2025-01', GOLBORNE, UNKNOWN_TIME_SLOT)).toBe(1);
    // Three offences once each, though A2 is in three themes and A4 in two: the themes sum to 6.
    expect(totalOf(cube, all, '2025-01', GOLBORNE)).toBe(3);
    expect(totalOf(cube, 'domestic_abuse', '2025-01', GOLBORNE)).toBe(2); // A1 + A2
    expect(totalOf(cube, 'sexual_violence', '2025-01', GOLBORNE)).toBe(2); // A2 + A4
    expect(totalOf(cube, 'youth_violence', '2025-01', GOLBORNE)).toBe(2); // A2 (17) + A4 (24)
    expect(cellOf(cube, 'sexual_violence', '2025-01', GOLBORNE, timeSlot(FRI, 23))).toBe(0.5);
    // A3: no flag, no age, no end: one hour, all serious violence only.
    expect(cellOf(cube, all, '2025-01', EARLS_COURT, timeSlot(FRI, 23))).toBe(1);
    expect(totalOf(cube, 'youth_violence', '2025-01', EARLS_COURT)).toBe(0);
    // A8: 21:30 UTC on Tuesday 1 July 2025 is 22:30 BST.
    expect(cellOf(cube, 'sexual_violence', '2025-07', EARLS_COURT, timeSlot(TUE, 22))).toBe(1);
    // A9: 00:30 GMT to 03:30 BST on 30 March 2025 is three hours: 00, 02 and 03 London time.
    for (const hour of [0, 2, 3])
      expect(cellOf(cube, all, '2025-03', GOLBORNE, timeSlot(SUN, hour))).toBeCloseTo(1 / 3, 6);
    expect(cellOf(cube, all, '2025-03', GOLBORNE, timeSlot(SUN, 1))).toBe(0);

    // A2 is the only offence with coordinates: one point in each of its four themes.
    const themeOf = (index: number) => cube.themes[index];
    expect(points && [...points.theme].map(themeOf).sort()).toEqual([
      'all_serious_violence',
      'domestic_abuse',
      'sexual_violence',
      'youth_violence',
    ]);
    expect(points && [...points.month]).toEqual([24300, 24300, 24300, 24300]);

    expect(report.notes).toContain(
      'Windows of more than 7 days, counted as unknown time: 1 record.',
    );
    expect(report.notes).toContain('No victim age, so not counted as youth violence: 1 record.');
    expect(report.notes).toContain(
      'Date-times with a UTC offset, converted to London time: 1 record.',
    );
  });

  it('is recognised with coordinates only, and rejects a row with no place at all', async () => {
    const { report } = await readExtract([
      'Offence_ID,Occurred_From,Longitude,Latitude',
      'B1,2025-02-01 12:00,-0.205,51.52',
      'B2,2025-02-01 12:00,,',
    ]);
    expect(report.format).toBe(PARTNER_EXTRACT_FORMAT);
    expect(report.rowsLoaded).toBe(1);
    expect(report.rejected).toEqual([{ row: 3, reason: 'No ward and no coordinates' }]);
  });
});
