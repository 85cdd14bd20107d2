import { describe, expect, it } from 'vitest';
import { countOf, TEST_WARDS } from '../../tests/support/readForTest.ts';
import { ring } from '../../tests/support/wards.ts';
import { themeIndices } from '../data/dataset.ts';
import { reasonCounts } from '../data/report.ts';
import { ALL_THEMES, themeIdFromName } from '../data/themes.ts';
import { createWardLocator } from '../geo/wardLocator.ts';
import { POLICE_UK_FORMAT } from './policeUkStreet.ts';
import { readCsv } from './readFile.ts';

/** Two square stand-ins for real wards, around their real places. */
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

const HEADER =
  'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';
const MPS = 'Metropolitan Police Service,Metropolitan Police Service';

async function readStreet(rows: string[]) {
  const parsed = await readCsv([HEADER, ...rows].join('\n'), {
    fileName: 'street.csv',
    lookup: TEST_WARDS,
    locate: SQUARE_WARDS.codeAt,
  }).result;
  if (parsed.kind !== 'offences') throw new Error(`expected offences, got ${parsed.kind}`);
  return parsed;
}

describe('data.police.uk street-level crime', () => {
  it('places each point in the ward that holds it, one theme per crime type', async () => {
    const { cube, themes, points, report } = await readStreet([
      `a1,2025-01,${MPS},-0.205,51.52,On or near Golborne Road,E01002848,Kensington and Chelsea 001A,Burglary,Under investigation,`, // row 2
      `,2025-01,${MPS},-0.2051,51.5201,On or near Golborne Road,E01002848,Kensington and Chelsea 001A,Anti-social behaviour,,`, // row 3
      `b2,2025-02,${MPS},-0.195,51.49,On or near Earls Court Road,E01002870,Kensington and Chelsea 018C,Violence and sexual offences,Unable to prosecute suspect,`, // row 4
      `c3,2025-02,${MPS},,,No location,,,Robbery,Under investigation,`, // row 5
      `d4,2025-02,${MPS},-0.5,51.3,On or near Nowhere,,,Robbery,Under investigation,`, // row 6
      `e5,Feb 2025,${MPS},-0.195,51.49,On or near Earls Court Road,,,Robbery,,`, // row 7
      `f6,2025-02,${MPS},-0.196,51.491,On or near Earls Court Road,,,Possession of weapons,,`, // row 8
      `g7,2025-02,${MPS},-0.195,51.4905,On or near Earls Court Road,,,Robbery,,`, // row 9
      `h8,2025-02,${MPS},west,51.49,On or near Earls Court Road,,,Robbery,,`, // row 10
    ]);
    expect(report.format).toBe(POLICE_UK_FORMAT);
    expect(report.rowsRead).toBe(9);
    expect(report.rowsLoaded).toBe(5);
    expect(reasonCounts(report)).toEqual({
      'No coordinates': 2,
      'Outside the loaded wards': 1,
      'Bad month': 1,
    });
    expect(report.rejected).toEqual([
      { row: 5, reason: 'No longitude or latitude' },
      { row: 6, reason: 'The point (-0.5, 51.3) is outside the loaded wards' },
      { row: 7, reason: 'Month is not YYYY-MM: "Feb 2025"' },
      { row: 10, reason: 'Longitude and latitude are not numbers: "west", "51.49"' },
    ]);
    expect(cube.slotsPerWard).toBe(1);
    expect(countOf(cube, 'burglary', '2025-01', 'E05009396')).toBe(1);
    expect(countOf(cube, 'anti_social_behaviour', '2025-01', 'E05009396')).toBe(1);
    expect(countOf(cube, 'violence_and_sexual_offences', '2025-02', 'E05009395')).toBe(1);
    expect(countOf(cube, 'possession_of_weapons', '2025-02', 'E05009395')).toBe(1);
    expect(countOf(cube, 'robbery', '2025-02', 'E05009395')).toBe(1);
    expect(themes.map(({ id, label, group }) => [id, label, group])).toEqual([
      ['burglary', 'Burglary', 'other_recorded_crime'],
      ['anti_social_behaviour', 'Anti-social behaviour', 'other_recorded_crime'],
      [
        'violence_and_sexual_offences',
        'Violence and sexual offences (police.uk)',
        'serious_violence',
      ],
      ['possession_of_weapons', 'Possession of weapons', 'serious_violence'],
      ['robbery', 'Robbery', 'serious_violence'],
    ]);
    // "All serious violence": violence, weapons and robbery, not burglary or anti-social behaviour.
    expect(themeIndices({ themes, replacedThemes: [] }, ALL_THEMES)).toEqual([2, 3, 4]);
    // One point per loaded row, in file order, with its cube theme and month (2025 * 12 + 0 = 24300).
    expect(points && [...points.theme]).toEqual([0, 1, 2, 3, 4]);
    expect(points && [...points.month]).toEqual([24300, 24300, 24301, 24301, 24301]);
    expect(points?.longitude[0]).toBeCloseTo(-0.205, 6);
    expect(points?.latitude[4]).toBeCloseTo(51.4905, 5);
    expect(report.notes).toContain('Months covered: Jan 2025 to Feb 2025 (2 months).');
    expect(report.notes).toContain('5 crime locations can be shown on the point-density layer.');
  });

  it('makes theme ids from crime types', () => {
    expect(themeIdFromName('Violence and sexual offences')).toBe('violence_and_sexual_offences');
    expect(themeIdFromName(' Anti-social behaviour ')).toBe('anti_social_behaviour');
    expect(themeIdFromName('Criminal damage and arson')).toBe('criminal_damage_and_arson');
    expect(themeIdFromName('---')).toBe('');
  });
});
