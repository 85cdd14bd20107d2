import { describe, expect, it } from 'vitest';
import { countOf, readOffences } from '../../tests/support/readForTest.ts';
import { reasonCounts } from '../data/report.ts';
import { isMpsKnifeCrimeHeader, MPS_KNIFE_CRIME_FORMAT } from './mpsKnifeCrime.ts';

const HEADER =
  'month,area_type,area_code,area_name,LAD24CD,LAD24NM,borough_snt,crime_subtype,measure,count,financial_year';
const RBKC = 'E09000020,Kensington and Chelsea';

describe('MPS knife crime by ward and borough', () => {
  it('maps three subtypes to themes from ward rows only, and sets the other rows aside', async () => {
    const { cube, themes, report } = await readOffences(
      [
        HEADER,
        `2025-01,Ward (SNT),E05009396,Golborne,${RBKC},Kensington and Chelsea Golborne,Knife Injury Victims (non DA 1-24),Offences,2,fy24-25`,
        `2025-01,Ward (SNT),E05009396,Golborne,${RBKC},Kensington and Chelsea Golborne,Knife Injury Victims (1-24),Offences,3,fy24-25`,
        `2025-01,Ward (SNT),E05009396,Golborne,${RBKC},Kensington and Chelsea Golborne,Knife Crime,Offences,6,fy24-25`,
        `2025-01,Ward (SNT),E05009396,Golborne,${RBKC},Kensington and Chelsea Golborne,Knife Crime,Positive Outcomes,1,fy24-25`,
        `2025-01,Ward (SNT),E05009395,Earls Court,${RBKC},Kensington and Chelsea Earls Court,Knife Crime with Injury,Offences,4,fy24-25`,
        `2025-01,Ward (SNT),E05009395,Earls Court,${RBKC},Kensington and Chelsea Earls Court,Knife Crime with Injury (Personal Robbery),Offences,1,fy24-25`,
        `2025-01,Borough,E09000020,Kensington and Chelsea,${RBKC},Kensington and Chelsea,Knife Crime,Offences,40,fy24-25`,
        `2025-01,Borough,E09000020,Kensington and Chelsea,${RBKC},Kensington and Chelsea,Knife Injury Victims (non DA 1-24),Offences,9,fy24-25`,
        `2025-02,Ward (SNT),E05013570,Heathrow Villages,E09000017,Hillingdon,Hillingdon Heathrow Villages,Knife Crime,Offences,2,fy24-25`,
        `2025-02,Ward (SNT),E05013570,Heathrow Villages,E09000017,Hillingdon,Aviation Security,Knife Crime,Offences,5,fy24-25`,
      ].join('\n'),
    );
    expect(report.format).toBe(MPS_KNIFE_CRIME_FORMAT);
    expect(report.rowsRead).toBe(10);
    // Golborne's two theme rows, Earl's Court's one and Heathrow Villages' two.
    expect(report.rowsLoaded).toBe(5);
    expect(report.rejectedCount).toBe(0);
    expect(cube.slotsPerWard).toBe(1);
    expect(countOf(cube, 'youth_violence', '2025-01', 'E05009396')).toBe(2);
    expect(countOf(cube, 'knife_crime', '2025-01', 'E05009396')).toBe(6);
    expect(countOf(cube, 'knife_crime_with_injury', '2025-01', 'E05009395')).toBe(4);
    // Heathrow Villages under Hillingdon and under Aviation Security: 2 + 5.
    expect(countOf(cube, 'knife_crime', '2025-02', 'E05013570')).toBe(7);
    // "All serious violence" is knife crime offences alone: Golborne 6, not 2 + 6; Earl's Court has
    // knife crime with injury (4) but no knife crime row, so 0; Heathrow Villages 2 + 5.
    expect(countOf(cube, 'all_serious_violence', '2025-01', 'E05009396')).toBe(6);
    expect(countOf(cube, 'all_serious_violence', '2025-01', 'E05009395')).toBe(0);
    expect(countOf(cube, 'all_serious_violence', '2025-02', 'E05013570')).toBe(7);
    expect(report.notes).toContain(
      'Added to an earlier row with the same ward, month, subtype and measure: 1 row.',
    );
    // The borough rows are not added anywhere: the cube holds only wards.
    expect(cube.wardCodes.sort()).toEqual(['E05009395', 'E05009396', 'E05013570']);
    // Every other row is set aside with its reason: 10 read = 5 loaded + 5 set aside.
    expect(report.setAsideCount).toBe(5);
    expect(report.reasons).toEqual([
      {
        reason: 'Not mapped by the dashboard: Knife Injury Victims (1-24) (Offences)',
        count: 1,
        setAside: true,
      },
      {
        reason: 'Not mapped by the dashboard: Knife Crime (Positive Outcomes)',
        count: 1,
        setAside: true,
      },
      {
        reason:
          'Not mapped by the dashboard: Knife Crime with Injury (Personal Robbery) (Offences)',
        count: 1,
        setAside: true,
      },
      {
        reason: 'Borough total, not added: the ward rows hold the same offences',
        count: 2,
        setAside: true,
      },
    ]);
    // Set-aside rows are not errors: none is listed as rejected.
    expect(report.rejected).toEqual([]);
    expect(report.notes).toContain('Months covered: Jan 2025 to Feb 2025 (2 months).');

    const byId = new Map(themes.map((info) => [info.id, info]));
    expect(byId.get('youth_violence')).toMatchObject({
      label: 'Knife-injury victims aged 1–24, non-domestic',
      definition:
        "The London VRU's youth violence indicator: victims aged 1 to 24 of knife injuries outside domestic abuse (MPS Monthly Crime Dashboard)",
      group: 'serious_violence',
      denominator: 'residents_10_24',
    });
    expect(byId.get('knife_crime')?.label).toBe('Knife crime');
    expect(byId.get('knife_crime_with_injury')?.label).toBe('Knife crime with injury');
  });

  it('rejects ward rows it cannot place, with the code and the team named', async () => {
    const { report } = await readOffences(
      [
        HEADER,
        '2024-05,Ward (SNT),,,,,Other / NK,Knife Crime,Offences,3,fy24-25', // row 2
        '2024-05,Ward (SNT),-1,,,,Other / NK,Knife Crime,Offences,1,fy24-25', // row 3
        '2024-05,Ward (SNT),N/K,N/K,,,Other / NK,Knife Crime,Offences,2,fy24-25', // row 4
        '2024-05,Ward (SNT),NON ATHENA FORCE,Non MET police force,,,Hounslow Non MET police force,Knife Crime,Offences,1,fy24-25', // row 5
        '2024-05,Ward (SNT),E05000649,West End (NOT ACTIVE),,,Westminster West End,Knife Crime with Injury,Offences,1,fy24-25', // row 6
        '2024-05,Ward (SNT),N/K,N/K,,,Other / NK,Knife Crime,Positive Outcomes,1,fy24-25', // row 7: skipped
        '2024-05,Ward (SNT),E05013808,West End,E09000033,Westminster,Westminster West End,Knife Crime,Offences,many,fy24-25', // row 8
        '2024/05,Ward (SNT),E05013808,West End,E09000033,Westminster,Westminster West End,Knife Crime,Offences,4,fy24-25', // row 9
        '2024-05,Police area,E05013808,West End,E09000033,Westminster,Westminster West End,Knife Crime,Offences,4,fy24-25', // row 10
      ].join('\n'),
    );
    expect(report.rowsLoaded).toBe(0);
    expect(report.rejected).toEqual([
      { row: 2, reason: 'No area code (Other / NK)' },
      { row: 3, reason: 'Area code "-1" is not a ward of the loaded boundaries (Other / NK)' },
      {
        row: 4,
        reason: 'Area code "N/K" is not a ward of the loaded boundaries (N/K, Other / NK)',
      },
      {
        row: 5,
        reason:
          'Area code "NON ATHENA FORCE" is not a ward of the loaded boundaries (Non MET police force, Hounslow Non MET police force)',
      },
      {
        row: 6,
        reason:
          'Area code "E05000649" is not a ward of the loaded boundaries (West End (NOT ACTIVE), Westminster West End)',
      },
      { row: 8, reason: 'Count is not a number: "many"' },
      { row: 9, reason: 'Month is not YYYY-MM: "2024/05"' },
      { row: 10, reason: 'Area type is neither "Borough" nor "Ward (SNT)": "Police area"' },
    ]);
    expect(reasonCounts(report)).toEqual({
      'Not mapped to a ward': 5,
      'Not mapped by the dashboard: Knife Crime (Positive Outcomes)': 1,
      'Bad count': 1,
      'Bad month': 1,
      'Unknown area type': 1,
    });
  });

  it('recognises its header in any column order and case', () => {
    expect(
      isMpsKnifeCrimeHeader([
        'COUNT',
        'Measure',
        'Crime_Subtype',
        'Area_Code',
        'Area_Type',
        'Month',
      ]),
    ).toBe(true);
    expect(isMpsKnifeCrimeHeader(['month', 'area_code', 'crime_subtype', 'measure', 'count'])).toBe(
      false,
    );
  });
});
