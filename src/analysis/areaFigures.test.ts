import { describe, expect, it } from 'vitest';
import { datasetOf } from '../../tests/support/datasets.ts';
import { monthIndex } from '../data/calendar.ts';
import { CubeBuilder, timeSlot, UNKNOWN_TIME_SLOT } from '../data/cube.ts';
import type { WardPopulation } from '../data/population.ts';
import type { Area, Ward, WardSet } from '../geo/wardSet.ts';
import {
  type AreaFigures,
  computeAreaFigures,
  type FigureView,
  withDisclosureControl,
} from './areaFigures.ts';

const KENSINGTON = 'E09000020';
const WESTMINSTER = 'E09000033';

// Ward indices deliberately differ from name order: the figures list wards by name.
const NORLAND = 'E05009388';
const ABINGDON = 'E05009364';
const GOLBORNE = 'E05009375';
/** In the area but never in the offence file. */
const DALGARNO = 'E05009370';
const VINCENT_SQUARE = 'E05013806';

function ward(index: number, code: string, name: string, lad: string, ladName: string): Ward {
  return { index, code, name, lad, ladName, label: [0, 0], neighbours: [] };
}

const wards: Ward[] = [
  ward(0, NORLAND, 'Norland', KENSINGTON, 'Kensington and Chelsea'),
  ward(1, ABINGDON, 'Abingdon', KENSINGTON, 'Kensington and Chelsea'),
  ward(2, GOLBORNE, 'Golborne', KENSINGTON, 'Kensington and Chelsea'),
  ward(3, DALGARNO, 'Dalgarno', KENSINGTON, 'Kensington and Chelsea'),
  ward(4, VINCENT_SQUARE, 'Vincent Square', WESTMINSTER, 'Westminster'),
];
const kensington: Area = {
  id: KENSINGTON,
  name: 'Kensington and Chelsea',
  wardIndices: [0, 1, 2, 3],
  bounds: [0, 0, 1, 1],
};
const london: Area = {
  id: 'london',
  name: 'All of London',
  wardIndices: [0, 1, 2, 3, 4],
  bounds: [0, 0, 1, 1],
};
const wardSet: WardSet = {
  wards,
  features: [],
  byCode: new Map(wards.map((entry) => [entry.code, entry.index])),
  areas: [kensington, london],
};

const jan = monthIndex('2024-01') as number;
const feb = monthIndex('2024-02') as number;
const mar = monthIndex('2024-03') as number;
const MON_15 = timeSlot(0, 15);
const FRI_23 = timeSlot(4, 23);
const SAT_00 = timeSlot(5, 0);

/**
 * Youth violence:  Golborne Jan Mon 15:00 ×4, Golborne Feb Fri 23:00 ×2,
 *                  Abingdon Mar Sat 00:00 ×3, Norland Feb unknown time ×1.
 * Domestic abuse:  Norland Jan Mon 15:00 ×5, Abingdon Feb unknown time ×6,
 *                  Golborne Mar Fri 23:00 ×1, Vincent Square (Westminster) Jan Mon 15:00 ×9.
 * Dalgarno has no rows.
 */
function cube(withDeduplicatedTotal = false) {
  const builder = new CubeBuilder();
  builder.add('youth_violence', jan, GOLBORNE, MON_15, 4);
  builder.add('youth_violence', feb, GOLBORNE, FRI_23, 2);
  builder.add('youth_violence', mar, ABINGDON, SAT_00, 3);
  builder.add('youth_violence', feb, NORLAND, UNKNOWN_TIME_SLOT, 1);
  builder.add('domestic_abuse', jan, NORLAND, MON_15, 5);
  builder.add('domestic_abuse', feb, ABINGDON, UNKNOWN_TIME_SLOT, 6);
  builder.add('domestic_abuse', mar, GOLBORNE, FRI_23, 1);
  builder.add('domestic_abuse', jan, VINCENT_SQUARE, MON_15, 9);
  if (withDeduplicatedTotal) {
    // The file's own "all" total, where some offences fall in both themes:
    // Abingdon 3 + 5 = 8, Golborne 4 + 2 + 1 = 7, Norland 5.
    builder.add('all_serious_violence', mar, ABINGDON, SAT_00, 3);
    builder.add('all_serious_violence', feb, ABINGDON, UNKNOWN_TIME_SLOT, 5);
    builder.add('all_serious_violence', jan, GOLBORNE, MON_15, 4);
    builder.add('all_serious_violence', feb, GOLBORNE, FRI_23, 2);
    builder.add('all_serious_violence', mar, GOLBORNE, FRI_23, 1);
    builder.add('all_serious_violence', jan, NORLAND, MON_15, 5);
  }
  return builder.build();
}

/** Norland has no population entry. */
const populations = new Map<string, WardPopulation>([
  [ABINGDON, { population: 12_000, population10to24: 2_000 }],
  [DALGARNO, { population: 8_000, population10to24: 1_000 }],
  [GOLBORNE, { population: 4_000, population10to24: 800 }],
  [VINCENT_SQUARE, { population: 9_000, population10to24: 1_500 }],
]);

const baseView: FigureView = {
  area: KENSINGTON,
  theme: 'all',
  from: '2024-01',
  to: '2024-03',
  measure: 'count',
  ward: null,
  time: null,
};

function figuresFor(
  view: Partial<FigureView>,
  options: {
    area?: Area;
    withDeduplicatedTotal?: boolean;
    populations?: ReadonlyMap<string, WardPopulation> | null;
  } = {},
): AreaFigures {
  return computeAreaFigures({
    wards: wardSet,
    area: options.area ?? kensington,
    datasets: [datasetOf(cube(options.withDeduplicatedTotal))],
    populations: options.populations === undefined ? populations : options.populations,
    view: { ...baseView, ...view },
  });
}

function column<K extends keyof AreaFigures['wards'][number]>(figures: AreaFigures, key: K) {
  return figures.wards.map((figure) => figure[key]);
}

describe('computeAreaFigures: counts, ranks and classes', () => {
  it('counts one theme per ward over the period, wards of the area in name order', () => {
    const figures = figuresFor({ theme: 'youth_violence', from: '2024-01', to: '2024-02' });
    expect(column(figures, 'name')).toEqual(['Abingdon', 'Dalgarno', 'Golborne', 'Norland']);
    expect(column(figures, 'index')).toEqual([1, 3, 2, 0]);
    // Abingdon: its youth offence is in March, outside Jan-Feb -> 0.
    // Dalgarno: no rows at all -> 0. Golborne: 4 (Jan) + 2 (Feb) = 6. Norland: 1 (Feb).
    expect(column(figures, 'count')).toEqual([0, 0, 6, 1]);
    expect(column(figures, 'value')).toEqual([0, 0, 6, 1]);
    expect(figures.total).toBe(7); // 6 + 1
  });

  it('ranks highest first, ties sharing the better rank', () => {
    const figures = figuresFor({ theme: 'youth_violence', from: '2024-01', to: '2024-02' });
    // Counts 0, 0, 6, 1: Golborne 1st, Norland 2nd, Abingdon and Dalgarno tie for 3rd.
    expect(column(figures, 'rank')).toEqual([3, 3, 1, 2]);
  });

  it('classifies counts into quantile classes', () => {
    const figures = figuresFor({ theme: 'youth_violence', from: '2024-01', to: '2024-02' });
    // Four values -> four classes asked for. Sorted 0, 0, 1, 6; quantiles (type 7):
    // p=1/4 at position 0.75 -> 0; p=1/2 at 1.5 -> 0.5; p=3/4 at 2.25 -> 1 + 0.25 * 5 = 2.25.
    // Whole numbers round up: 0, 1, 3; 0 is not above the minimum -> thresholds [1, 3].
    expect(figures.classification?.thresholds).toEqual([1, 3]);
    expect(figures.classification?.classCounts).toEqual([2, 1, 1]);
    // 0 -> class 0; 6 >= 3 -> class 2; 1 >= 1 but < 3 -> class 1.
    expect(column(figures, 'classIndex')).toEqual([0, 0, 2, 1]);
  });

  it('gives a ward with no population a count rank but no rate', () => {
    const figures = figuresFor({ theme: 'youth_violence', from: '2024-01', to: '2024-02' });
    const norland = figures.wards.find((figure) => figure.code === NORLAND);
    expect(norland?.population).toBeNull();
    expect(norland?.rate).toBeNull();
    expect(norland?.rank).toBe(2);
    expect(norland?.classIndex).toBe(1);
  });

  it('uses the whole of the data when the view has no period', () => {
    const figures = figuresFor({ theme: 'youth_violence', from: null, to: null });
    // Jan-Mar: Abingdon 3, Dalgarno 0, Golborne 4 + 2 = 6, Norland 1.
    expect(column(figures, 'count')).toEqual([3, 0, 6, 1]);
  });

  it('has no data, not zeros, for a theme the file does not have', () => {
    const figures = figuresFor({ theme: 'robbery' });
    expect(column(figures, 'count')).toEqual([null, null, null, null]);
    expect(column(figures, 'rank')).toEqual([null, null, null, null]);
    expect(column(figures, 'classIndex')).toEqual([null, null, null, null]);
    expect(figures.classification).toBeNull();
    expect(figures.noDataWards).toBe(4);
    expect(figures.monthsCovered).toBe(0);
    expect(figures.total).toBe(0);
  });
});

describe('computeAreaFigures: rates', () => {
  it('divides by all residents, per 1,000 per year', () => {
    const figures = figuresFor({ theme: 'domestic_abuse', measure: 'rate' });
    expect(figures.denominator).toBe('residents');
    expect(figures.rateUnit).toBe('per 1,000 residents per year');
    expect(figures.periodMonths).toBe(3);
    // Counts Jan-Mar: Abingdon 6, Dalgarno 0, Golborne 1, Norland 5.
    expect(column(figures, 'count')).toEqual([6, 0, 1, 5]);
    expect(column(figures, 'population')).toEqual([12_000, 8_000, 4_000, null]);
    // Three months: a quarter of a year per resident. 6 / (12,000 / 4) * 1,000 = 2;
    // 0 / 2,000 = 0; 1 / (4,000 / 4) * 1,000 = 1; Norland: no population.
    expect(column(figures, 'rate')).toEqual([2, 0, 1, null]);
    expect(column(figures, 'value')).toEqual([2, 0, 1, null]);
  });

  it('ranks and classifies by rate, leaving wards without a population unranked', () => {
    const figures = figuresFor({ theme: 'domestic_abuse', measure: 'rate' });
    // Rates 2, 0, 1, null: Abingdon 1st, Golborne 2nd, Dalgarno 3rd, Norland none.
    expect(column(figures, 'rank')).toEqual([1, 3, 2, null]);
    // Three values -> three classes. Sorted 0, 1, 2: p=1/3 at position 2/3 -> 0.667;
    // p=2/3 at 4/3 -> 1 + 1/3 = 1.333. Whole numbers all, so thresholds round up: 1 and 2.
    expect(figures.classification?.thresholds).toEqual([1, 2]);
    expect(figures.classification?.min).toBe(0);
    expect(figures.classification?.max).toBe(2);
    // 2 -> class 2; 0 -> class 0; 1 -> class 1; Norland none.
    expect(column(figures, 'classIndex')).toEqual([2, 0, 1, null]);
    // The count is still there for the unranked ward.
    expect(figures.wards[3]?.count).toBe(5);
  });

  it('divides youth violence by residents aged 10-24 when the populations have them', () => {
    const figures = figuresFor({ theme: 'youth_violence', measure: 'rate' });
    expect(figures.denominator).toBe('residents aged 10–24');
    // Counts Jan-Mar: Abingdon 3, Dalgarno 0, Golborne 6, Norland 1.
    expect(column(figures, 'population')).toEqual([2_000, 1_000, 800, null]);
    // Per year: 3 / (2,000 / 4) * 1,000 = 6; 0; 6 / (800 / 4) * 1,000 = 30; Norland none.
    expect(column(figures, 'rate')).toEqual([6, 0, 30, null]);
    expect(column(figures, 'rank')).toEqual([2, 3, 1, null]);
  });

  it('divides youth violence by all residents when no population has the 10-24 figure', () => {
    const allAges = new Map(
      [...populations].map(([code, entry]) => [code, { ...entry, population10to24: null }]),
    );
    const figures = figuresFor(
      { theme: 'youth_violence', measure: 'rate' },
      { populations: allAges },
    );
    expect(figures.denominator).toBe('residents');
    // Per year: 3 / 3,000 * 1,000 = 1; 0; 6 / 1,000 * 1,000 = 6; Norland none.
    expect(column(figures, 'rate')).toEqual([1, 0, 6, null]);
  });

  it('keeps the all-residents denominator for other themes', () => {
    const figures = figuresFor({ theme: 'domestic_abuse', measure: 'rate' });
    // Not 6 / (2,000 / 4): domestic abuse is not a youth theme.
    expect(figures.wards[0]?.rate).toBe(2);
  });

  it('has no rates, ranks or classes by rate when no population is loaded', () => {
    const figures = figuresFor({ measure: 'rate' }, { populations: null });
    expect(column(figures, 'rate')).toEqual([null, null, null, null]);
    expect(column(figures, 'rank')).toEqual([null, null, null, null]);
    expect(column(figures, 'classIndex')).toEqual([null, null, null, null]);
    expect(figures.classification).toBeNull();
    // Counts are still known: Abingdon 3 + 6 = 9, Dalgarno 0, Golborne 6 + 1 = 7, Norland 1 + 5 = 6.
    expect(column(figures, 'count')).toEqual([9, 0, 7, 6]);
  });
});

describe('computeAreaFigures: "All serious violence"', () => {
  it('sums every theme when the file has no deduplicated total', () => {
    const figures = figuresFor({ theme: 'all' });
    // Abingdon 3 (youth) + 6 (DA) = 9; Dalgarno 0; Golborne 6 + 1 = 7; Norland 1 + 5 = 6.
    expect(column(figures, 'count')).toEqual([9, 0, 7, 6]);
    expect(figures.total).toBe(22); // 9 + 0 + 7 + 6
  });

  it("uses the file's all_serious_violence theme alone when present", () => {
    const figures = figuresFor({ theme: 'all' }, { withDeduplicatedTotal: true });
    // Abingdon 3 + 5 = 8; Dalgarno 0; Golborne 4 + 2 + 1 = 7; Norland 5.
    // (Summing all three themes would give 17, 0, 14, 11.)
    expect(column(figures, 'count')).toEqual([8, 0, 7, 5]);
  });

  it('still gives single themes when the deduplicated total is present', () => {
    const figures = figuresFor({ theme: 'domestic_abuse' }, { withDeduplicatedTotal: true });
    expect(column(figures, 'count')).toEqual([6, 0, 1, 5]);
  });
});

describe('computeAreaFigures: time filter', () => {
  it('keeps only the chosen hours and leaves offences with unknown time out', () => {
    const figures = figuresFor({ time: { weekday: null, hourFrom: 23, hourTo: 0 } });
    // 23:00-00:59 on any day. Abingdon: Sat 00:00 ×3 (its 6 with unknown time are out) -> 3.
    // Dalgarno 0. Golborne: Fri 23:00 youth ×2 + DA ×1 = 3. Norland: Mon 15:00 and unknown -> 0.
    expect(column(figures, 'count')).toEqual([3, 0, 3, 0]);
    expect(figures.total).toBe(6);
  });

  it('filters by weekday', () => {
    const figures = figuresFor({ time: { weekday: 0, hourFrom: 15, hourTo: 15 } });
    // Monday 15:00 only: Golborne youth ×4, Norland DA ×5.
    expect(column(figures, 'count')).toEqual([0, 0, 4, 5]);
    const friday = figuresFor({ time: { weekday: 4, hourFrom: 15, hourTo: 15 } });
    expect(column(friday, 'count')).toEqual([0, 0, 0, 0]);
  });

  it('leaves the heatmap unfiltered so that every hour can still be chosen', () => {
    const figures = figuresFor({ time: { weekday: 0, hourFrom: 15, hourTo: 15 } });
    expect(figures.heatmap.total).toBe(22);
    expect(figures.heatmap.cells[FRI_23]).toBe(3);
  });
});

describe('computeAreaFigures: heatmap', () => {
  it('sums the whole area by weekday and hour', () => {
    const figures = figuresFor({});
    const { heatmap } = figures;
    expect(heatmap.ward).toBeNull();
    expect(figures.selectedWard).toBeNull();
    expect(heatmap.cells.length).toBe(168); // 7 × 24
    // Mon 15:00: Golborne youth 4 + Norland DA 5 = 9 (Vincent Square's 9 is in Westminster).
    expect(heatmap.cells[MON_15]).toBe(9);
    // Fri 23:00: Golborne youth 2 + DA 1 = 3. Sat 00:00: Abingdon youth 3.
    expect(heatmap.cells[FRI_23]).toBe(3);
    expect(heatmap.cells[SAT_00]).toBe(3);
    const nonZero = [...heatmap.cells].filter((value) => value > 0);
    expect(nonZero).toHaveLength(3);
    // Unknown: Norland youth 1 + Abingdon DA 6 = 7. Total 9 + 3 + 3 + 7 = 22.
    expect(heatmap.unknownTime).toBe(7);
    expect(heatmap.total).toBe(22);
    expect(heatmap.max).toBe(9);
  });

  it('shows only the selected ward when it is in the area', () => {
    const figures = figuresFor({ ward: GOLBORNE });
    const { heatmap } = figures;
    expect(figures.selectedWard).toBe(GOLBORNE);
    expect(heatmap.ward).toBe(GOLBORNE);
    // Golborne: Mon 15:00 youth 4; Fri 23:00 youth 2 + DA 1 = 3; nothing with unknown time.
    expect(heatmap.cells[MON_15]).toBe(4);
    expect(heatmap.cells[FRI_23]).toBe(3);
    expect(heatmap.cells[SAT_00]).toBe(0);
    expect(heatmap.unknownTime).toBe(0);
    expect(heatmap.total).toBe(7);
    expect(heatmap.max).toBe(4);
    // The ward table still lists the whole area.
    expect(figures.wards).toHaveLength(4);
  });

  it('gives an empty heatmap for a selected ward with no offences', () => {
    const figures = figuresFor({ ward: DALGARNO });
    expect(figures.heatmap.ward).toBe(DALGARNO);
    expect(figures.heatmap.total).toBe(0);
    expect(figures.heatmap.max).toBe(0);
  });

  it('ignores a selected ward from another area', () => {
    const figures = figuresFor({ ward: VINCENT_SQUARE });
    expect(figures.selectedWard).toBeNull();
    expect(figures.heatmap.ward).toBeNull();
    expect(figures.heatmap.total).toBe(22);
  });

  it('includes every borough for All of London', () => {
    const figures = figuresFor({}, { area: london });
    expect(column(figures, 'name')).toEqual([
      'Abingdon',
      'Dalgarno',
      'Golborne',
      'Norland',
      'Vincent Square',
    ]);
    // Mon 15:00: 9 in Kensington and Chelsea + 9 in Vincent Square = 18.
    expect(figures.heatmap.cells[MON_15]).toBe(18);
    expect(figures.heatmap.total).toBe(31); // 22 + 9
    expect(figures.total).toBe(31);
  });

  it('has no data for any ward when no offences are loaded', () => {
    const figures = computeAreaFigures({
      wards: wardSet,
      area: kensington,
      datasets: [],
      populations,
      view: baseView,
    });
    expect(column(figures, 'count')).toEqual([null, null, null, null]);
    expect(figures.rankedCount).toBe(0);
    expect(figures.heatmap.total).toBe(0);
    expect(figures.heatmap.cells.length).toBe(168);
  });
});

describe('computeAreaFigures: what the data covers', () => {
  // A file of Westminster only (Vincent Square, 9 domestic abuse offences in January), over
  // all of London: Kensington's wards are outside its coverage.
  function westminsterOnly() {
    const builder = new CubeBuilder();
    builder.add('domestic_abuse', jan, VINCENT_SQUARE, MON_15, 9);
    builder.add('domestic_abuse', mar, VINCENT_SQUARE, MON_15, 0);
    return builder.build();
  }

  it('gives no data, not 0, to wards of boroughs a file does not cover, in both measures', () => {
    for (const measure of ['count', 'rate'] as const) {
      const figures = computeAreaFigures({
        wards: wardSet,
        area: london,
        datasets: [datasetOf(westminsterOnly())],
        populations,
        view: { ...baseView, area: 'london', theme: 'domestic_abuse', measure },
      });
      // Name order: Abingdon, Dalgarno, Golborne, Norland, Vincent Square.
      expect(column(figures, 'count')).toEqual([null, null, null, null, 9]);
      // Only Vincent Square is ranked, by count and by rate alike: "of 1", never "of 5".
      expect(column(figures, 'rank')).toEqual([null, null, null, null, 1]);
      expect(figures.rankedCount).toBe(1);
      expect(figures.noDataWards).toBe(4);
    }
  });

  it('counts a ward of a covered borough with no rows as 0', () => {
    // Dalgarno never appears in the file, but its borough does.
    const figures = figuresFor({ theme: 'domestic_abuse' });
    expect(column(figures, 'count')).toEqual([6, 0, 1, 5]);
    expect(figures.noDataWards).toBe(0);
  });

  it('annualises a rate over the months the data covers, and says how many it covers', () => {
    // Asked for Nov 2023 to Mar 2024 (5 months); the file holds Jan to Mar (3 of them).
    const figures = figuresFor({ theme: 'domestic_abuse', measure: 'rate', from: '2023-11' });
    expect(figures.periodMonths).toBe(5);
    expect(figures.monthsCovered).toBe(3);
    expect(column(figures, 'months')).toEqual([3, 3, 3, 3]);
    // Abingdon: 6 offences over 3 months of 12,000 residents = 3,000 person-years: 2 per 1,000.
    expect(figures.wards[0]?.rate).toBe(2);
  });

  it('says "per 1,000 residents" for a year, "per year" otherwise', () => {
    const builder = new CubeBuilder();
    builder.add('robbery', monthIndex('2023-04') as number, ABINGDON, MON_15, 12);
    builder.add('robbery', monthIndex('2024-03') as number, ABINGDON, MON_15, 0);
    const figures = computeAreaFigures({
      wards: wardSet,
      area: kensington,
      datasets: [datasetOf(builder.build())],
      populations,
      view: { ...baseView, theme: 'robbery', from: '2023-04', to: '2024-03', measure: 'rate' },
    });
    expect(figures.rateUnit).toBe('per 1,000 residents');
    // 12 offences over a year of 12,000 residents: 1 per 1,000.
    expect(figures.wards[0]?.rate).toBe(1);
  });
});

describe('withDisclosureControl', () => {
  // Counts Jan-Mar, all serious violence: Abingdon 9, Dalgarno 0, Golborne 7, Norland 6 ... and
  // domestic abuse: Abingdon 6, Dalgarno 0, Golborne 1, Norland 5.
  it('leaves suppressed wards unranked and ranks the rest among themselves', () => {
    const figures = withDisclosureControl(figuresFor({ theme: 'domestic_abuse' }), 4);
    // Golborne's 1 is hidden: no rank, no class. Abingdon 6 and Norland 5 rank 1 and 2;
    // Dalgarno's 0 is shown, so it ranks 3rd.
    expect(column(figures, 'suppressed')).toEqual([false, false, true, false]);
    expect(column(figures, 'rank')).toEqual([1, 3, null, 2]);
    expect(column(figures, 'classIndex')[2]).toBeNull();
    expect(figures.rankedCount).toBe(3);
    expect(figures.suppressedWards).toBe(1);
    // The classes are made without the hidden count: 0, 5 and 6 only.
    expect(figures.classification?.min).toBe(0);
    expect(figures.classification?.classCounts.reduce((sum, count) => sum + count, 0)).toBe(3);
  });

  it('ranks suppressed wards in neither measure', () => {
    const figures = withDisclosureControl(
      figuresFor({ theme: 'domestic_abuse', measure: 'rate' }),
      4,
    );
    // Rates 2, 0, (1 hidden), none: Abingdon 1st, Dalgarno 2nd; Golborne not ranked.
    expect(column(figures, 'rank')).toEqual([1, 2, null, null]);
  });

  it('changes nothing outside publication mode, or when nothing is suppressed', () => {
    const figures = figuresFor({ theme: 'all' });
    expect(withDisclosureControl(figures, null)).toBe(figures);
    // All serious violence: 9, 0, 7, 6: nothing from 1 to 4.
    expect(withDisclosureControl(figures, 4)).toBe(figures);
  });
});
