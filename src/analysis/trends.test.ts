import { describe, expect, it } from 'vitest';
import { datasetOf } from '../../tests/support/datasets.ts';
import { monthIndex } from '../data/calendar.ts';
import { CubeBuilder, UNKNOWN_TIME_SLOT } from '../data/cube.ts';
import { themeInfo } from '../data/themes.ts';
import type { Area, Ward, WardSet } from '../geo/wardSet.ts';
import type { FigureInputs } from './areaFigures.ts';
import { computeTrends } from './trends.ts';

const codes = ['E05000001', 'E05000002', 'E05000003', 'E05000004'];
const wardList: Ward[] = codes.map((code, index) => ({
  index,
  code,
  name: `Ward ${index}`,
  lad: 'X',
  ladName: 'X',
  label: [0, 0],
  neighbours: [],
}));
const area: Area = { id: 'X', name: 'X', wardIndices: [0, 1, 2, 3], bounds: [0, 0, 1, 1] };
const wards: WardSet = { wards: wardList, features: [], byCode: new Map(), areas: [area] };

describe('monthly trends', () => {
  it("gives the ward's months against the average ward of the area, over at least 12 months", () => {
    const builder = new CubeBuilder(false);
    const add = (month: string, ward: number, count: number) =>
      builder.add(
        'robbery',
        monthIndex(month) as number,
        codes[ward] as string,
        UNKNOWN_TIME_SLOT,
        count,
      );
    add('2024-12', 0, 6); // the selected ward
    add('2024-12', 1, 2);
    add('2024-06', 0, 4);
    add('2024-06', 3, 8);
    const inputs: FigureInputs = {
      wards,
      area,
      datasets: [datasetOf(builder.build())],
      populations: null,
      view: {
        area: 'X',
        theme: 'robbery',
        from: '2024-10',
        to: '2024-12',
        measure: 'count',
        ward: null,
        time: null,
      },
    };
    const trends = computeTrends(inputs, codes[0] as string, [themeInfo('robbery')]);
    // Three months chosen, extended back to 12: January to December 2024.
    expect(trends?.months[0]).toBe('2024-01');
    expect(trends?.months).toHaveLength(12);
    const robbery = trends?.themes[0];
    // June: ward 4, area 4 + 8 = 12 over 4 wards = 3; December: ward 6, area 6 + 2 = 8, average 2.
    expect(robbery?.ward[5]).toBe(4);
    expect(robbery?.areaAverage[5]).toBe(3);
    expect(robbery?.ward[11]).toBe(6);
    expect(robbery?.areaAverage[11]).toBe(2);
    expect(robbery?.ward.reduce((sum, value) => sum + value, 0)).toBe(10);
  });
});
