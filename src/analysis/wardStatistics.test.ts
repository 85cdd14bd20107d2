import { describe, expect, it } from 'vitest';
import { datasetOf } from '../../tests/support/datasets.ts';
import { monthIndex } from '../data/calendar.ts';
import { CubeBuilder, UNKNOWN_TIME_SLOT } from '../data/cube.ts';
import type { WardPopulation } from '../data/population.ts';
import type { Area, Ward, WardSet } from '../geo/wardSet.ts';
import { computeAreaFigures, type FigureInputs } from './areaFigures.ts';
import { biggestChanges, computeAreaStatistics, shiftedPeriod } from './wardStatistics.ts';

// Five wards in a row (A-B-C-D-E) in borough X, and F alone in borough Y.
const codes = ['E05000001', 'E05000002', 'E05000003', 'E05000004', 'E05000005', 'E05000006'];
const names = ['A', 'B', 'C', 'D', 'E', 'F'];
const wardList: Ward[] = codes.map((code, index) => ({
  index,
  code,
  name: names[index] as string,
  lad: index < 5 ? 'X' : 'Y',
  ladName: index < 5 ? 'Borough X' : 'Borough Y',
  label: [0, 0],
  neighbours: index < 5 ? [index - 1, index + 1].filter((other) => other >= 0 && other < 5) : [],
}));
const boroughX: Area = {
  id: 'X',
  name: 'Borough X',
  wardIndices: [0, 1, 2, 3, 4],
  bounds: [0, 0, 1, 1],
};
const london: Area = {
  id: 'london',
  name: 'All of London',
  wardIndices: [0, 1, 2, 3, 4, 5],
  bounds: [0, 0, 1, 1],
};
const wards: WardSet = {
  wards: wardList,
  features: [],
  byCode: new Map(codes.map((code, index) => [code, index])),
  areas: [boroughX, london],
};
const populations = new Map<string, WardPopulation>(
  codes.map((code) => [code, { population: 1000, population10to24: null }]),
);

/**
 * Robbery. Jul 2024 (the period shown, Jul-Dec 2024): A 1, B 2, C 3, D 4, E 10, F 100.
 * Jan 2024 (the previous six months): A 1, B 2, C 3, D 4, E 40.
 * Jul 2023 (a year earlier): E 10 only.
 */
function cube() {
  const builder = new CubeBuilder();
  const add = (month: string, counts: number[]) =>
    counts.forEach((count, index) => {
      if (count > 0)
        builder.add(
          'robbery',
          monthIndex(month) as number,
          codes[index] as string,
          UNKNOWN_TIME_SLOT,
          count,
        );
    });
  add('2024-07', [1, 2, 3, 4, 10, 100]);
  add('2024-01', [1, 2, 3, 4, 40, 0]);
  add('2023-07', [0, 0, 0, 0, 10, 0]);
  // The data runs to December 2024.
  builder.add('robbery', monthIndex('2024-12') as number, codes[5] as string, UNKNOWN_TIME_SLOT, 0);
  return builder.build();
}

function statisticsFor(view: Partial<FigureInputs['view']> = {}) {
  const inputs: FigureInputs = {
    wards,
    area: boroughX,
    datasets: [datasetOf(cube())],
    populations,
    view: {
      area: 'X',
      theme: 'robbery',
      from: '2024-07',
      to: '2024-12',
      measure: 'count',
      ward: null,
      time: null,
      ...view,
    },
  };
  const figures = computeAreaFigures(inputs);
  return { figures, statistics: computeAreaStatistics(inputs, figures) };
}

describe('ward statistics', () => {
  it('compares each period with the six months before and the same months a year earlier', () => {
    const { statistics } = statisticsFor();
    expect(statistics.previousPeriod).toEqual({ from: '2024-01', to: '2024-06' });
    expect(statistics.yearEarlierPeriod).toEqual({ from: '2023-07', to: '2023-12' });
    const e = statistics.wards.get('E05000005');
    // E: 10 now against 40 before: -30, -75%; p = 2 P(X <= 10 | Binomial(50, 1/2)) = 2.386e-5.
    expect(e?.previous).toMatchObject({ absolute: -30, percent: -75, significant: true });
    expect(e?.previous?.pValue).toBeCloseTo(2.3861e-5, 8);
    // Against a year earlier: 10 and 10, no change.
    expect(e?.yearEarlier).toMatchObject({ absolute: 0, percent: 0, significant: false });
    // A: 1 against 0 a year earlier: no percentage from zero.
    expect(statistics.wards.get('E05000001')?.yearEarlier?.percent).toBeNull();
  });

  it('gives no change when the data does not reach back that far', () => {
    const { statistics } = statisticsFor({ from: '2023-07', to: '2023-12' });
    expect(statistics.previousPeriod).toBeNull();
    expect(statistics.wards.get('E05000005')?.previous).toBeNull();
  });

  it('compares each ward with the area rate through its interval', () => {
    const { statistics } = statisticsFor({ measure: 'rate' });
    // Area: 1 + 2 + 3 + 4 + 10 = 20 offences among 5,000 residents: 4 per 1,000.
    expect(statistics.areaRate).toBeCloseTo(4, 12);
    // E: 10 per 1,000, Byar interval 4.787 to 18.39 per 1,000: above 4, so higher.
    const e = statistics.wards.get('E05000005');
    expect(e?.comparison).toBe('higher');
    expect(e?.interval?.lower).toBeCloseTo(4.7874, 3);
    // A: 1 per 1,000, exact interval 0.0253 to 5.5716: contains 4, so similar.
    expect(statistics.wards.get('E05000001')?.comparison).toBe('similar');
    expect(statistics.wards.get('E05000001')?.interval?.upper).toBeCloseTo(5.5716, 3);
  });

  it('scores hot spots along the row of wards (Gi* by hand in hotspots.test.ts)', () => {
    const { statistics } = statisticsFor();
    // Values 1, 2, 3, 4, 10 along a path: E's z-score is 6 / 3.872983 = 1.549193.
    expect(statistics.wards.get('E05000005')?.hotspot.z).toBeCloseTo(1.549193, 5);
    expect(statistics.wards.get('E05000001')?.hotspot.z).toBeCloseTo(-1.290994, 5);
  });

  it("ranks wards among London's when the data covers London", () => {
    const { statistics } = statisticsFor();
    // London: F 100, E 10, D 4, C 3, B 2, A 1.
    expect(statistics.londonRanked).toBe(6);
    expect(codes.slice(0, 5).map((code) => statistics.wards.get(code)?.londonRank)).toEqual([
      6, 5, 4, 3, 2,
    ]);
  });

  it('lists the biggest rises and falls', () => {
    const { figures, statistics } = statisticsFor();
    const { rises, falls } = biggestChanges(figures, statistics);
    // Against Jan-Jun 2024, A to D are unchanged and E fell by 30.
    expect(rises).toEqual([]);
    expect(falls.map((entry) => [entry.name, entry.change.absolute])).toEqual([['E', -30]]);
  });

  it('shifts periods by whole months across years', () => {
    expect(shiftedPeriod('2024-01', '2024-03', 3)).toEqual({ from: '2023-10', to: '2023-12' });
  });
});
