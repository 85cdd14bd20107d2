import { describe, expect, it } from 'vitest';
import { datasetOf } from '../../tests/support/datasets.ts';
import { monthIndex } from '../data/calendar.ts';
import { CubeBuilder, UNKNOWN_TIME_SLOT } from '../data/cube.ts';
import type { WardPopulation } from '../data/population.ts';
import type { Area, Ward, WardSet } from '../geo/wardSet.ts';
import { computeAreaFigures, type FigureInputs } from './areaFigures.ts';
import { biggestChanges, computeAreaStatistics } from './wardStatistics.ts';

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
    expect(statistics.comparisons.map((comparison) => comparison.period)).toEqual([
      { from: '2024-01', to: '2024-06' },
      { from: '2023-07', to: '2023-12' },
    ]);
    const e = statistics.wards.get('E05000005');
    // E: 10 now against 40 before: -30, -75%; p = 2 P(X <= 10 | Binomial(50, 1/2)) = 2.386e-5.
    expect(e?.changes[0]).toMatchObject({ absolute: -30, percent: -75, significant: true });
    expect(e?.changes[0]?.pValue).toBeCloseTo(2.3861e-5, 8);
    // Against a year earlier: 10 and 10, no change.
    expect(e?.changes[1]).toMatchObject({ absolute: 0, percent: 0, significant: false });
    // A: 1 against 0 a year earlier: no percentage from zero.
    expect(statistics.wards.get('E05000001')?.changes[1]?.percent).toBeNull();
    // The area: 20 against 50 (A-E, Jan-Jun), and against 10 a year earlier.
    expect(statistics.areaChanges.map((change) => change?.absolute)).toEqual([-30, 10]);
  });

  it('keeps only the comparisons the data holds', () => {
    const { statistics } = statisticsFor({ from: '2023-07', to: '2023-12' });
    expect(statistics.comparisons).toEqual([]);
    expect(statistics.wards.get('E05000005')?.changes).toEqual([]);
  });

  it('compares a year to date with the same months a year earlier only', () => {
    const { statistics } = statisticsFor({
      from: '2024-07',
      to: '2024-12',
      preset: 'financial-year',
    });
    expect(statistics.comparisons.map((comparison) => comparison.kind)).toEqual(['year-earlier']);
    expect(statistics.wards.get('E05000005')?.changes[0]?.previous).toBe(10);
  });

  it('compares each ward with the area rate through its rate interval in rate mode', () => {
    const { statistics } = statisticsFor({ measure: 'rate' });
    // Area: 1 + 2 + 3 + 4 + 10 = 20 offences among 5,000 residents over six months, 2,500
    // person-years: 8 per 1,000 per year.
    expect(statistics.areaRate).toBeCloseTo(8, 12);
    expect(statistics.benchmark).toEqual({ measure: 'rate', value: statistics.areaRate });
    // E: 10 offences in 500 person-years, 20 per 1,000 per year; Byar's interval for 10 is
    // 4.7874 to 18.3904 offences, per 500 person-years 9.575 to 36.78: above 8, so higher.
    const e = statistics.wards.get('E05000005');
    expect(e?.againstArea).toBe('higher');
    expect(e?.interval?.lower).toBeCloseTo(9.5749, 3);
    // A: 1 offence, exact interval 0.0253 to 5.5716, per 500 person-years 0.0506 to 11.143:
    // contains 8, so similar.
    expect(statistics.wards.get('E05000001')?.againstArea).toBe('similar');
    expect(statistics.wards.get('E05000001')?.interval?.upper).toBeCloseTo(11.1433, 3);
  });

  it('compares counts with the area’s average ward count in count mode', () => {
    const { statistics } = statisticsFor({ measure: 'count' });
    // 20 offences over five wards: 4 a ward.
    expect(statistics.benchmark).toEqual({ measure: 'count', value: 4 });
    // E: 10, interval 4.787 to 18.39 offences: above 4, so higher. The interval is of the count.
    const e = statistics.wards.get('E05000005');
    expect(e?.interval?.lower).toBeCloseTo(4.7874, 3);
    expect(e?.againstArea).toBe('higher');
    // D: 4 offences, exact interval 1.090 to 10.24: contains 4.
    expect(statistics.wards.get('E05000004')?.againstArea).toBe('similar');
    // Below 10 offences the statistics say differences are within noise.
    expect(statistics.wards.get('E05000004')?.fewOffences).toBe(true);
    expect(e?.fewOffences).toBe(false);
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
});

describe('hot spot neighbours', () => {
  // 21 wards in a row; the three in the middle far above the rest.
  const size = 21;
  const row = Array.from(
    { length: size },
    (_, index) => `E051000${String(index).padStart(2, '0')}`,
  );
  const rowWards: WardSet = {
    wards: row.map((code, index) => ({
      index,
      code,
      name: `W${index}`,
      lad: 'X',
      ladName: 'Borough X',
      label: [0, 0],
      neighbours: [index - 1, index + 1].filter((other) => other >= 0 && other < size),
    })),
    features: [],
    byCode: new Map(row.map((code, index) => [code, index])),
    areas: [
      {
        id: 'X',
        name: 'Borough X',
        wardIndices: row.map((_, index) => index),
        bounds: [0, 0, 1, 1],
      },
    ],
  };

  it('names the neighbouring wards that are hot spots too', () => {
    const builder = new CubeBuilder();
    row.forEach((_, index) => {
      const count = Math.abs(index - 10) <= 1 ? 60 : 1;
      builder.add(
        'robbery',
        monthIndex('2024-01') as number,
        row[index] as string,
        UNKNOWN_TIME_SLOT,
        count,
      );
    });
    const inputs: FigureInputs = {
      wards: rowWards,
      area: rowWards.areas[0] as Area,
      datasets: [datasetOf(builder.build())],
      populations: null,
      view: {
        area: 'X',
        theme: 'robbery',
        from: '2024-01',
        to: '2024-01',
        measure: 'count',
        ward: null,
        time: null,
      },
    };
    const figures = computeAreaFigures(inputs);
    const statistics = computeAreaStatistics(inputs, figures);
    const classes = row.map((code) => statistics.wards.get(code)?.hotspot.hotspotClass);
    const hot = row.filter((_, index) => classes[index]?.startsWith('hot'));
    // Gi* finds the middle three hot (W9 and W11 at 95%, W10 at 99%); a ward's hot neighbours
    // are exactly its neighbours that are hot.
    expect(hot).toEqual([row[9], row[10], row[11]]);
    expect(statistics.wards.get(row[10] as string)?.hotspotNeighbours).toEqual([row[9], row[11]]);
    for (const [index, code] of row.entries()) {
      const expected = classes[index]?.startsWith('hot')
        ? [index - 1, index + 1]
            .filter((other) => other >= 0 && other < size && classes[other]?.startsWith('hot'))
            .map((other) => row[other])
        : [];
      expect(statistics.wards.get(code)?.hotspotNeighbours).toEqual(expected);
    }
  });
});
