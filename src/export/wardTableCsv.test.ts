import { describe, expect, it } from 'vitest';
import type { AreaFigures, WardFigure } from '../analysis/areaFigures.ts';
import type { Change } from '../analysis/change.ts';
import type { HotspotClass } from '../analysis/hotspots.ts';
import type { Comparison, Interval } from '../analysis/intervals.ts';
import type { AreaStatistics, WardStatistics } from '../analysis/wardStatistics.ts';
import { describeTheme } from '../data/dataset.ts';
import {
  exportFileName,
  signedCell,
  wardsByRank,
  wardTableCsv,
  wardTableRows,
} from './wardTableCsv.ts';

function ward(overrides: Partial<WardFigure>): WardFigure {
  return {
    index: 0,
    code: '',
    name: '',
    ladName: 'Kensington and Chelsea',
    count: 0,
    population: null,
    rate: null,
    value: null,
    rank: null,
    classIndex: null,
    ...overrides,
  };
}

function change(current: number, previous: number, pValue: number): Change {
  return {
    current,
    previous,
    absolute: current - previous,
    percent: previous === 0 ? null : ((current - previous) / previous) * 100,
    pValue,
    significant: pValue < 0.05,
  };
}

function statisticsOf(
  code: string,
  interval: Interval | null,
  comparison: Comparison | null,
  previous: Change | null,
  yearEarlier: Change | null,
  hotspotClass: HotspotClass,
  londonRank: number | null,
): WardStatistics {
  return {
    code,
    interval,
    comparison,
    previous,
    yearEarlier,
    hotspot: { z: null, pValue: null, qValue: null, hotspotClass },
    londonRank,
  };
}

// Three wards in name order, as computeAreaFigures gives them; ranked by count.
// Golborne: 20 offences among 8,803 residents: 20 / 8,803 × 1,000 = 2.272 -> "2.3".
// Dalgarno: 3 among 7,212: 3 / 7,212 × 1,000 = 0.416 -> "0.42" (two decimals below 1).
// Abingdon: 0 offences and no population: no rate.
const wards = [
  ward({ index: 0, code: 'E05009388', name: 'Abingdon', count: 0, value: 0, rank: 3 }),
  ward({
    index: 1,
    code: 'E05009394',
    name: 'Dalgarno',
    count: 3,
    population: 7212,
    rate: (3 / 7212) * 1000,
    value: 3,
    rank: 2,
  }),
  ward({
    index: 2,
    code: 'E05009396',
    name: 'Golborne',
    count: 20,
    population: 8803,
    rate: (20 / 8803) * 1000,
    value: 20,
    rank: 1,
  }),
];

const figures: AreaFigures = {
  area: {
    id: 'E09000020',
    name: 'Kensington and Chelsea',
    wardIndices: [0, 1, 2],
    bounds: [0, 0, 1, 1],
  },
  theme: describeTheme([], 'all'),
  wards,
  selectedWard: null,
  rankedCount: 3,
  classification: null,
  total: 23,
  denominator: 'residents',
  heatmap: {
    cells: new Float64Array(168),
    unknownTime: 0,
    total: 0,
    max: 0,
    ward: null,
    timesKnown: false,
  },
};

const statistics: AreaStatistics = {
  wards: new Map([
    // Abingdon fell from 6 to 0: −6, −100%, p = 2 × 0.5^6 = 0.03125, significant.
    [
      'E05009388',
      statisticsOf(
        'E05009388',
        { lower: 0, upper: 3.6889, method: 'exact' },
        null,
        change(0, 6, 0.03125),
        null,
        'cold90',
        null,
      ),
    ],
    // Dalgarno rose from 0 to 3 (no percentage); no figure a year earlier.
    [
      'E05009394',
      statisticsOf(
        'E05009394',
        { lower: 0.6187, upper: 8.7673, method: 'exact' },
        'similar',
        change(3, 0, 0.25),
        null,
        'none',
        400,
      ),
    ],
    // Golborne: 23 -> 20 is −3, −3 / 23 = −13.04%; a year earlier 8 -> 20 is +12, +150%.
    [
      'E05009396',
      statisticsOf(
        'E05009396',
        { lower: 12.2165, upper: 30.8884, method: 'byar' },
        'higher',
        change(20, 23, 0.75),
        change(20, 8, 0.036),
        'hot95',
        12,
      ),
    ],
  ]),
  areaRate: 1.5,
  previousPeriod: { from: '2023-10', to: '2024-09' },
  yearEarlierPeriod: { from: '2023-10', to: '2024-09' },
  londonRanked: 680,
};

const HEADER = [
  'Ward code',
  'Ward',
  'Borough',
  'Count',
  'Rate per 1,000 residents (2021)',
  '95% interval of the count, lower',
  '95% interval of the count, upper',
  'Rank by count (1 = highest)',
  'Against the area rate',
  'Change against Oct 2023 to Sep 2024',
  'Change % against Oct 2023 to Sep 2024',
  'Change significant at the 5% level',
  'Year on year against Oct 2023 to Sep 2024',
  'Year on year % against Oct 2023 to Sep 2024',
  'Year on year significant at the 5% level',
  'Hot spot (Getis-Ord Gi*)',
  'London rank (of 680 wards)',
];

const table = { figures, statistics, measure: 'count' as const, populationYear: 2021 };

describe('wardTableRows', () => {
  it('gives every ward in rank order with the figures of the table', () => {
    expect(wardTableRows({ ...table, suppressAt: null })).toEqual([
      HEADER,
      // Byar interval 12.2165 to 30.8884 -> 12.2, 30.9 (one decimal, as on screen).
      [
        'E05009396',
        'Golborne',
        'Kensington and Chelsea',
        '20',
        '2.3',
        '12.2',
        '30.9',
        '1',
        'Higher',
        '−3',
        '−13.0',
        'No',
        '12',
        '150.0',
        'Yes',
        'Hot spot, 95% confidence',
        '12',
      ],
      [
        'E05009394',
        'Dalgarno',
        'Kensington and Chelsea',
        '3',
        '0.42',
        '0.6',
        '8.8',
        '2',
        'Similar',
        '3',
        '',
        'No',
        '',
        '',
        '',
        'Not significant',
        '400',
      ],
      [
        'E05009388',
        'Abingdon',
        'Kensington and Chelsea',
        '0',
        '',
        '0',
        '3.7',
        '3',
        '',
        '−6',
        '−100.0',
        'Yes',
        '',
        '',
        '',
        'Cold spot, 90% confidence',
        '',
      ],
    ]);
  });

  it('in publication mode writes "<5" for counts of 1 to 4 and leaves what is built on them blank', () => {
    const rows = wardTableRows({ ...table, suppressAt: 4 });
    // Dalgarno's 3 is suppressed: rate, interval, comparison and change go; rank and hot spot stay.
    expect(rows[2]).toEqual([
      'E05009394',
      'Dalgarno',
      'Kensington and Chelsea',
      '<5',
      '',
      '',
      '',
      '2',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      'Not significant',
      '400',
    ]);
    // Counts of 0, 6, 20 and 23 are not suppressed: the other rows are as without publication mode.
    expect(rows[1]).toEqual(wardTableRows({ ...table, suppressAt: null })[1]);
    expect(rows[3]).toEqual(wardTableRows({ ...table, suppressAt: null })[3]);
  });

  it('hides a change when the earlier count is suppressed', () => {
    const earlierSmall: AreaStatistics = {
      ...statistics,
      wards: new Map([
        [
          'E05009396',
          statisticsOf('E05009396', null, 'higher', change(20, 2, 0.0001), null, 'none', null),
        ],
      ]),
    };
    const row = wardTableRows({ ...table, statistics: earlierSmall, suppressAt: 4 })[1];
    expect(row?.slice(9, 12)).toEqual(['', '', '']);
  });

  it('names the rate, interval and rank after the measure, and leaves out London ranks when not given', () => {
    const rows = wardTableRows({
      ...table,
      measure: 'rate',
      populationYear: null,
      statistics: { ...statistics, londonRanked: null },
      suppressAt: null,
    });
    expect(rows[0]?.slice(4, 8)).toEqual([
      'Rate per 1,000 residents',
      '95% interval of the rate, lower',
      '95% interval of the rate, upper',
      'Rank by rate (1 = highest)',
    ]);
    expect(rows[0]).toHaveLength(16);
    // Intervals of rates: 12.2165 and 30.8884 read as rates -> "12.2", "30.9"; 0.6187 -> "0.62".
    expect(rows[2]?.slice(5, 7)).toEqual(['0.62', '8.8']);
  });
});

describe('wardTableCsv', () => {
  it('writes the file with the byte order mark, quoted headers and escaped names', () => {
    const hostile = {
      ...figures,
      wards: [
        ward({
          code: 'E05000001',
          name: '=HYPERLINK("http://x","y")',
          count: 7,
          value: 7,
          rank: 1,
        }),
      ],
    };
    const text = wardTableCsv({ ...table, figures: hostile, statistics: null, suppressAt: 4 });
    const lines = text.split('\r\n');
    // Headers with commas are quoted; without statistics there are no comparison periods.
    expect(lines[0]).toBe(
      [
        '\uFEFFWard code',
        'Ward',
        'Borough',
        'Count',
        '"Rate per 1,000 residents (2021)"',
        '"95% interval of the count, lower"',
        '"95% interval of the count, upper"',
        'Rank by count (1 = highest)',
        'Against the area rate',
        'Change',
        'Change %',
        'Change significant at the 5% level',
        'Year on year',
        'Year on year %',
        'Year on year significant at the 5% level',
        'Hot spot (Getis-Ord Gi*)',
      ].join(','),
    );
    // The count of 7 is not suppressed; the name gets its quote and its quotes doubled.
    expect(lines[1]).toBe(
      `E05000001,"'=HYPERLINK(""http://x"",""y"")",Kensington and Chelsea,7,,,,1,,,,,,,,Not significant`,
    );
    expect(lines[2]).toBe('');
    expect(lines).toHaveLength(3);
  });
});

describe('signedCell', () => {
  it('writes falls with the Unicode minus and rises without a sign, so no cell starts a formula', () => {
    expect(signedCell(-3, 0)).toBe('−3');
    expect(signedCell(12, 0)).toBe('12');
    expect(signedCell(-13.0434, 1)).toBe('−13.0');
    expect(signedCell(0, 0)).toBe('0');
    // −0.04 rounds to 0.0: no sign on a zero.
    expect(signedCell(-0.04, 1)).toBe('0.0');
  });
});

describe('wardsByRank', () => {
  it('puts rank 1 first, ties by name, and wards without a rank last', () => {
    const order = wardsByRank([
      ward({ name: 'Stanley', rank: null }),
      ward({ name: 'Holland', rank: 2 }),
      ward({ name: 'Campden', rank: 2 }),
      ward({ name: 'Norland', rank: 1 }),
    ]).map((figure) => figure.name);
    expect(order).toEqual(['Norland', 'Campden', 'Holland', 'Stanley']);
  });
});

describe('exportFileName', () => {
  it('says the area, theme, period and measure, and the time filter when there is one', () => {
    const view = {
      areaName: 'Kensington and Chelsea',
      theme: 'youth_violence',
      from: '2024-10',
      to: '2025-09',
      measure: 'rate' as const,
      time: null,
    };
    expect(exportFileName('wards', view, 'csv')).toBe(
      'wards_kensington-and-chelsea_youth-violence_2024-10_to_2025-09_rate.csv',
    );
    expect(
      exportFileName(
        'map',
        { ...view, areaName: 'All London', time: { weekday: 4, hourFrom: 18, hourTo: 20 } },
        'png',
      ),
    ).toBe('map_all-london_youth-violence_2024-10_to_2025-09_rate_fri_18-20h.png');
  });
});
