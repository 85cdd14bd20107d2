import { describe, expect, it } from 'vitest';
import { formatPopulationCsv, parsePopulationCsv } from './population.ts';

describe('population CSV', () => {
  it('reads the Census 2021 ward table as published (WD22CD, usual_residents, age_10_24)', () => {
    const { populations, report } = parsePopulationCsv(
      'census.csv',
      [
        'WD22CD,ward_name,LAD24CD,usual_residents,age_10_24',
        'E05009396,Golborne,E09000020,8803,1650',
        'E05009394,Dalgarno,E09000020,"7,212",1391',
        'E09000001,City of London,E09000001,8583,1100',
      ].join('\n'),
    );
    expect(report.rejectedCount).toBe(0);
    expect(populations.get('E05009396')).toEqual({ population: 8803, population10to24: 1650 });
    expect(populations.get('E05009394')).toEqual({ population: 7212, population10to24: 1391 });
    expect(populations.size).toBe(3);
  });

  it('rejects rows without a code or a whole-number population and keeps the rest', () => {
    const { populations, report } = parsePopulationCsv(
      'pop.csv',
      'ward_code,population\nE05009396,8803\nnot-a-code,10\nE05009394,many\nE05009396,1\n',
    );
    expect([...populations.keys()]).toEqual(['E05009396']);
    expect(report.rejected).toEqual([
      { row: 3, reason: 'Not a ward code: "NOT-A-CODE"' },
      { row: 4, reason: 'Population is not a whole number: "many"' },
      { row: 5, reason: 'Ward E05009396 is listed twice; the first row is used' },
    ]);
    expect(report.notes[0]).toMatch(/No population aged 10-24/);
  });

  it('writes the native layout that it reads back unchanged', () => {
    const populations = new Map([
      ['E05009396', { population: 8803, population10to24: 1650 }],
      ['E05009394', { population: 7212, population10to24: null }],
    ]);
    const text = formatPopulationCsv(populations);
    expect(text).toBe(
      'ward_code,population,population_10_24\nE05009396,8803,1650\nE05009394,7212,\n',
    );
    expect(parsePopulationCsv('x.csv', text).populations).toEqual(populations);
  });
});
