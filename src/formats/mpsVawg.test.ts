import { describe, expect, it } from 'vitest';
import { countOf, readOffences } from '../../tests/support/readForTest.ts';
import { reasonCounts } from '../data/report.ts';
import { isMpsVawgHeader, MPS_VAWG_FORMAT } from './mpsVawg.ts';

describe('MPS VAWG offences by ward', () => {
  it('loads one theme per ward and month and reports rows without a ward code as not mapped', async () => {
    const { cube, themes, report } = await readOffences(
      [
        'month,bcu,borough,ward_name,WD24CD,vawg_offences',
        '2024-01,Central West,Kensington and Chelsea,Golborne,E05009396,17', // row 2
        '2024-01,Central West,Kensington and Chelsea,,,4', // row 3: no ward name
        '2024-02,Central West,Kensington and Chelsea,Golborne,E05009396,20', // row 4
        "2024-02,Central West,Kensington and Chelsea,Earl's Court,E05009395,9", // row 5
        '2024-02,Other,Other,N/K,,6', // row 6
        '2024-02,Other,Other,Heathrow Villages,,2', // row 7
        '2024-02,Central West,Kensington and Chelsea,Golborne.,E05009396,1', // row 8: same ward again
      ].join('\n'),
    );
    expect(report.format).toBe(MPS_VAWG_FORMAT);
    expect(report.rowsRead).toBe(7);
    expect(report.rowsLoaded).toBe(4);
    expect(themes).toEqual([
      expect.objectContaining({
        id: 'vawg',
        label: 'Violence against women and girls (MPS flag)',
        group: 'serious_violence',
      }),
    ]);
    expect(cube.slotsPerWard).toBe(1);
    expect(countOf(cube, 'vawg', '2024-01', 'E05009396')).toBe(17);
    // Rows 4 and 8 name the same ward and month: 20 + 1.
    expect(countOf(cube, 'vawg', '2024-02', 'E05009396')).toBe(21);
    expect(countOf(cube, 'vawg', '2024-02', 'E05009395')).toBe(9);
    expect(reasonCounts(report)).toEqual({ 'Not mapped to a ward': 3 });
    expect(report.rejected).toEqual([
      { row: 3, reason: 'No ward code (borough "Kensington and Chelsea", no ward name)' },
      { row: 6, reason: 'No ward code (borough "Other", ward "N/K")' },
      { row: 7, reason: 'No ward code (borough "Other", ward "Heathrow Villages")' },
    ]);
    // 4 + 6 + 2 offences in the three rows without a code.
    expect(report.notes).toContain(
      'Not on the map, for want of a ward code (no ward name, another force, or not known): 3 rows, 12 offences.',
    );
    expect(report.notes).toContain('Added to an earlier row with the same ward and month: 1 row.');
    expect(report.notes).toContain('Months covered: Jan 2024 to Feb 2024 (2 months).');
  });

  it('reads columns in any order and case, any WDyyCD vintage, and rejects bad rows', async () => {
    const { cube, report } = await readOffences(
      [
        'VAWG_Offences,WD22CD,Month',
        '5,E05009399,2025-12', // row 2
        '3,E05099999,2025-12', // row 3
        '2,E05009399,Dec 2025', // row 4
        '-1,E05009399,2025-12', // row 5
        ',E05009399,2025-12', // row 6
      ].join('\n'),
    );
    expect(countOf(cube, 'vawg', '2025-12', 'E05009399')).toBe(5);
    expect(report.rejected).toEqual([
      { row: 3, reason: 'Unknown ward code "E05099999"' },
      { row: 4, reason: 'Month is not YYYY-MM: "Dec 2025"' },
      { row: 5, reason: 'Count is negative: -1' },
      { row: 6, reason: 'Count is missing' },
    ]);
  });

  it('recognises its header by month, a ward code and vawg_offences', () => {
    expect(isMpsVawgHeader(['month', 'WD24CD', 'vawg_offences'])).toBe(true);
    expect(isMpsVawgHeader(['month', 'ward_name', 'vawg_offences'])).toBe(false);
    expect(isMpsVawgHeader(['month', 'WD24CD', 'offences'])).toBe(false);
  });
});
