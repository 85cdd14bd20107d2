import { describe, expect, it } from 'vitest';
import { countOf, readOffences } from '../../tests/support/readForTest.ts';
import { reasonCounts } from '../data/report.ts';
import { isMpsWardCrimeHeader, MPS_WARD_CRIME_FORMAT, wardCrimeTheme } from './mpsWardCrime.ts';

// The "most recent 24 months" column order, with a quoted ward name holding a comma.
const RECENT = [
  'MajorText,MinorText,WardName,WardCode,LookUp_BoroughName,202401,202402,202403',
  'SEXUAL OFFENCES,RAPE,Golborne,E05009396,Kensington and Chelsea,2,0,1',
  'SEXUAL OFFENCES,OTHER SEXUAL OFFENCES,Golborne,E05009396,Kensington and Chelsea,3,,4',
  'VIOLENCE AGAINST THE PERSON,VIOLENCE WITH INJURY,Golborne,E05009396,Kensington and Chelsea,10,11,12',
  'VIOLENCE AGAINST THE PERSON,VIOLENCE WITHOUT INJURY,Golborne,E05009396,Kensington and Chelsea,7,0,0',
  'VIOLENCE AGAINST THE PERSON,HOMICIDE,Golborne,E05009396,Kensington and Chelsea,0,1,0',
  'ROBBERY,ROBBERY OF PERSONAL PROPERTY,"Earl\'s Court, Ward",E05009395,Kensington and Chelsea,5,6,7',
  'POSSESSION OF WEAPONS,POSSESSION OF WEAPONS,Golborne,E05009396,Kensington and Chelsea,1,1,1',
  'BURGLARY,DOMESTIC BURGLARY,Golborne,E05009396,Kensington and Chelsea,4,4,4',
  'BURGLARY,BURGLARY BUSINESS AND COMMUNITY,Golborne,E05009396,Kensington and Chelsea,1,2,3',
  'NFIB FRAUD,NFIB,Golborne,E05009396,Kensington and Chelsea,0,0,2',
  'VIOLENCE AGAINST THE PERSON,VIOLENCE WITH INJURY,Heathrow Villages,E05013570,Aviation Security (SO18),20,21,22',
  'VIOLENCE AGAINST THE PERSON,VIOLENCE WITH INJURY,Heathrow Villages,E05013570,Hillingdon,3,2,1',
].join('\r\n');

describe('MPS Ward Level Crime', () => {
  it('puts every row in one theme and sums subgroups, with empty cells as 0', async () => {
    const { cube, themes, report } = await readOffences(RECENT);
    expect(report.format).toBe(MPS_WARD_CRIME_FORMAT);
    expect(report.rowsRead).toBe(12);
    expect(report.rowsLoaded).toBe(12);
    expect(report.rejectedCount).toBe(0);
    expect(cube.slotsPerWard).toBe(1);
    expect(cube.monthCount).toBe(3);
    // Sexual offences: rape + other sexual offences. January 2 + 3, February 0 + blank, March 1 + 4.
    expect(countOf(cube, 'sexual_violence', '2024-01', 'E05009396')).toBe(5);
    expect(countOf(cube, 'sexual_violence', '2024-02', 'E05009396')).toBe(0);
    expect(countOf(cube, 'sexual_violence', '2024-03', 'E05009396')).toBe(5);
    expect(countOf(cube, 'violence_with_injury', '2024-02', 'E05009396')).toBe(11);
    // Violence without injury 7 + homicide 0 in January; 0 + 1 in February.
    expect(countOf(cube, 'other_violence_against_the_person', '2024-01', 'E05009396')).toBe(7);
    expect(countOf(cube, 'other_violence_against_the_person', '2024-02', 'E05009396')).toBe(1);
    expect(countOf(cube, 'robbery', '2024-03', 'E05009395')).toBe(7);
    expect(countOf(cube, 'possession_of_weapons', '2024-01', 'E05009396')).toBe(1);
    // Domestic 4 + business 3 in March.
    expect(countOf(cube, 'burglary', '2024-03', 'E05009396')).toBe(7);
    expect(countOf(cube, 'nfib_fraud', '2024-03', 'E05009396')).toBe(2);
    // Heathrow Villages under Aviation Security (SO18) and under Hillingdon: 20 + 3, 21 + 2, 22 + 1.
    expect(countOf(cube, 'violence_with_injury', '2024-01', 'E05013570')).toBe(23);
    expect(countOf(cube, 'violence_with_injury', '2024-03', 'E05013570')).toBe(23);
    expect(report.notes).toContain('Months covered: Jan 2024 to Mar 2024 (3 months).');
    expect(report.notes.join(' ')).toMatch(/month they were recorded and give no time of day/);
    expect(report.notes.join(' ')).not.toMatch(/earlier row/);

    const byId = new Map(themes.map((info) => [info.id, info]));
    expect(byId.get('sexual_violence')).toMatchObject({
      label: 'Sexual offences (MPS recorded)',
      definition: 'Rape and other sexual offences recorded by the MPS',
      group: 'serious_violence',
    });
    expect(byId.get('violence_with_injury')?.group).toBe('serious_violence');
    expect(byId.get('robbery')?.group).toBe('serious_violence');
    expect(byId.get('possession_of_weapons')?.group).toBe('serious_violence');
    expect(byId.get('other_violence_against_the_person')).toMatchObject({
      label: 'Violence against the person (other)',
      group: 'other_recorded_crime',
    });
    expect(byId.get('burglary')).toMatchObject({
      label: 'Burglary',
      group: 'other_recorded_crime',
    });
    expect(byId.get('nfib_fraud')?.label).toBe('NFIB fraud');
  });

  it('reads the historical column order, months in any order and header names in any case', async () => {
    const { cube, report } = await readOffences(
      [
        'wardname,WARDCODE,majortext,MinorText,lookup_boroughname,201005,201004',
        'Golborne,E05009396,THEFT,SHOPLIFTING,Kensington and Chelsea,8,9',
        'West End,E05013808,THEFT,SHOPLIFTING,Westminster,300,250',
      ].join('\n'),
    );
    expect(report.rejectedCount).toBe(0);
    expect(cube.firstMonth).toBe(2010 * 12 + 3);
    expect(countOf(cube, 'theft', '2010-04', 'E05009396')).toBe(9);
    expect(countOf(cube, 'theft', '2010-05', 'E05009396')).toBe(8);
    expect(countOf(cube, 'theft', '2010-04', 'E05013808')).toBe(250);
  });

  it('rejects a row with an unknown ward or a bad cell as a whole, naming the month column', async () => {
    const { cube, report } = await readOffences(
      [
        'MajorText,MinorText,WardName,WardCode,LookUp_BoroughName,202401,202402',
        'ROBBERY,ROBBERY OF PERSONAL PROPERTY,Golborne,E05009396,Kensington and Chelsea,1,2', // row 2
        'ROBBERY,ROBBERY OF PERSONAL PROPERTY,Nowhere,E05999999,Kensington and Chelsea,5,5', // row 3
        'ROBBERY,ROBBERY OF PERSONAL PROPERTY,Golborne,E05009396,Kensington and Chelsea,4,-1', // row 4
        'ROBBERY,ROBBERY OF BUSINESS PROPERTY,Golborne,E05009396,Kensington and Chelsea,4,n/a', // row 5
        'ROBBERY,ROBBERY OF BUSINESS PROPERTY,Golborne,E05009396,Kensington and Chelsea,2.5,1', // row 6
        'ROBBERY,ROBBERY OF BUSINESS PROPERTY,Golborne,E05009396,Kensington and Chelsea,4', // row 7
        ',,Golborne,E05009396,Kensington and Chelsea,4,4', // row 8
      ].join('\n'),
    );
    expect(report.rowsRead).toBe(7);
    expect(report.rowsLoaded).toBe(1);
    expect(report.rejected).toEqual([
      { row: 3, reason: 'Unknown ward code "E05999999"' },
      { row: 4, reason: 'Month 202402: Count is negative: -1' },
      { row: 5, reason: 'Month 202402: Count is not a number: "n/a"' },
      { row: 6, reason: 'Month 202401: Count is not a whole number: 2.5' },
      { row: 7, reason: 'Row has 6 cells but the header has 7' },
      { row: 8, reason: 'MajorText is blank' },
    ]);
    expect(reasonCounts(report)).toEqual({
      'Unknown ward': 1,
      'Negative count': 1,
      'Bad count': 2,
      'Row cut short': 1,
      'No offence group': 1,
    });
    // Only row 2 counts: rows 4 to 6 had good January cells, which must not have been added.
    expect(countOf(cube, 'robbery', '2024-01', 'E05009396')).toBe(1);
    expect(countOf(cube, 'robbery', '2024-02', 'E05009396')).toBe(2);
  });

  it('adds a repeated row key to the earlier row and says so', async () => {
    const { cube, report } = await readOffences(
      [
        'WardCode,LookUp_BoroughName,MajorText,MinorText,202501',
        'E05009399,Kensington and Chelsea,ROBBERY,ROBBERY OF PERSONAL PROPERTY,3',
        'E05009399,Kensington and Chelsea,ROBBERY,ROBBERY OF PERSONAL PROPERTY,4',
      ].join('\n'),
    );
    expect(countOf(cube, 'robbery', '2025-01', 'E05009399')).toBe(7);
    expect(report.notes).toContain(
      'Added to an earlier row with the same ward code, borough, MajorText and MinorText: 1 row.',
    );
  });

  it('says which months have no column', async () => {
    const { report } = await readOffences(
      'WardCode,MajorText,MinorText,202501,202504\nE05009399,ROBBERY,ROBBERY OF PERSONAL PROPERTY,1,1\n',
    );
    // January to April is four months; February and March have no column.
    expect(report.notes).toContain('Months covered: Jan 2025 to Apr 2025 (4 months).');
    expect(report.notes).toContain(
      'Months between the first and last month columns that have no column, and count as 0: 2.',
    );
  });

  it('recognises its header only with ward code, offence group, subgroup and month columns', () => {
    expect(isMpsWardCrimeHeader(['WardCode', 'MajorText', 'MinorText', '202401'])).toBe(true);
    expect(isMpsWardCrimeHeader(['WardCode', 'MajorText', 'MinorText'])).toBe(false);
    expect(isMpsWardCrimeHeader(['WardCode', 'MajorText', 'MinorText', '202413'])).toBe(false);
    expect(
      isMpsWardCrimeHeader(['LSOA21CD', 'WD24CD_bestfit', 'MajorText', 'MinorText', '202401']),
    ).toBe(false);
  });

  it('names the theme of every offence group', () => {
    expect(wardCrimeTheme('SEXUAL OFFENCES', 'RAPE')?.id).toBe('sexual_violence');
    expect(wardCrimeTheme('violence against the person', 'violence with injury')?.id).toBe(
      'violence_with_injury',
    );
    expect(wardCrimeTheme('VIOLENCE AGAINST THE PERSON', 'STALKING AND HARASSMENT')?.id).toBe(
      'other_violence_against_the_person',
    );
    expect(wardCrimeTheme('ARSON AND CRIMINAL DAMAGE', 'ARSON')).toMatchObject({
      id: 'arson_and_criminal_damage',
      label: 'Arson and criminal damage',
      group: 'other_recorded_crime',
    });
    expect(wardCrimeTheme('  ', 'X')).toBeNull();
  });
});
