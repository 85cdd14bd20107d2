import { describe, expect, it } from 'vitest';
import { datasetOf } from '../../tests/support/datasets.ts';
import { monthIndex } from '../data/calendar.ts';
import { CubeBuilder, UNKNOWN_TIME_SLOT } from '../data/cube.ts';
import { themeInfo } from '../data/themes.ts';
import type { Area, Ward, WardSet } from '../geo/wardSet.ts';
import type { FigureInputs } from './areaFigures.ts';
import { computeTrends } from './trends.ts';

// Wards 0 to 3 in borough X; ward 4 in borough Y, which no file below covers.
const codes = ['E05000001', 'E05000002', 'E05000003', 'E05000004', 'E05000005'];
const wardList: Ward[] = codes.map((code, index) => ({
  index,
  code,
  name: `Ward ${index}`,
  lad: index < 4 ? 'X' : 'Y',
  ladName: index < 4 ? 'X' : 'Y',
  label: [0, 0],
  neighbours: [],
}));
const area: Area = { id: 'X', name: 'X', wardIndices: [0, 1, 2, 3], bounds: [0, 0, 1, 1] };
const london: Area = { id: 'L', name: 'L', wardIndices: [0, 1, 2, 3, 4], bounds: [0, 0, 1, 1] };
const wards: WardSet = {
  wards: wardList,
  features: [],
  byCode: new Map(codes.map((code, index) => [code, index])),
  areas: [area, london],
};

function robberyInputs(
  rows: [month: string, ward: number, count: number][],
  view: { area: Area; from: string; to: string },
): FigureInputs {
  const builder = new CubeBuilder(false);
  for (const [month, ward, count] of rows)
    builder.add(
      'robbery',
      monthIndex(month) as number,
      codes[ward] as string,
      UNKNOWN_TIME_SLOT,
      count,
    );
  return {
    wards,
    area: view.area,
    datasets: [datasetOf(builder.build())],
    populations: null,
    view: {
      area: view.area.id,
      theme: 'robbery',
      from: view.from,
      to: view.to,
      measure: 'count',
      ward: null,
      time: null,
    },
  };
}

describe('monthly trends', () => {
  it("gives the ward's months against the average ward of the area, over at least 12 months", () => {
    const inputs = robberyInputs(
      [
        ['2024-12', 0, 6], // the selected ward
        ['2024-12', 1, 2],
        ['2024-06', 0, 4],
        ['2024-06', 3, 8],
      ],
      { area, from: '2024-10', to: '2024-12' },
    );
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
    // July: covered, no offences: a true zero.
    expect(robbery?.ward[6]).toBe(0);
    expect(robbery?.areaAverage[6]).toBe(0);
    // The file runs from June to December: January to May have no data, not zeros.
    expect([...(robbery?.ward ?? [])].slice(0, 5).every(Number.isNaN)).toBe(true);
    expect([...(robbery?.areaAverage ?? [])].slice(0, 5).every(Number.isNaN)).toBe(true);
    expect(robbery?.ward.reduce((sum, value) => (Number.isNaN(value) ? sum : sum + value), 0)).toBe(
      10,
    );
  });

  it('leaves out of the average the wards the data does not cover, and has no data for them', () => {
    // Borough X's file, seen from all five wards: ward 4 (borough Y) is not covered.
    const inputs = robberyInputs(
      [
        ['2024-01', 0, 6],
        ['2024-01', 1, 2],
        ['2024-12', 2, 4],
      ],
      { area: london, from: '2024-01', to: '2024-12' },
    );
    const [robbery] =
      computeTrends(inputs, codes[0] as string, [themeInfo('robbery')])?.themes ?? [];
    // January: 6 + 2 = 8 over the four covered wards = 2, not 8 / 5 = 1.6.
    expect(robbery?.areaAverage[0]).toBe(2);
    expect(robbery?.areaAverage[11]).toBe(1);
    const uncovered = computeTrends(inputs, codes[4] as string, [themeInfo('robbery')]);
    expect([...(uncovered?.themes[0]?.ward ?? [])].every(Number.isNaN)).toBe(true);
  });
});
