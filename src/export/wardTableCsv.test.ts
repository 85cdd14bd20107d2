import { describe, expect, it } from 'vitest';
import {
  areaFigures,
  areaStatistics,
  wardFigure,
  wardStatistics,
} from '../../tests/support/figures.ts';
import { withDisclosureControl } from '../analysis/areaFigures.ts';
import type { Change } from '../analysis/change.ts';
import type { PeriodComparison } from '../analysis/periods.ts';
import {
  exportFileName,
  signedCell,
  wardsByRank,
  wardTableCsv,
  wardTableRows,
} from './wardTableCsv.ts';

const ward = wardFigure;

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

/** Jul to Sep 2025 against the 3 months before and the same months a year earlier. */
const comparisons: PeriodComparison[] = [
  {
    kind: 'previous',
    period: { from: '2025-04', to: '2025-06' },
    relation: 'the 3 months before',
  },
  {
    kind: 'year-earlier',
    period: { from: '2024-07', to: '2024-09' },
    relation: 'the same months a year earlier',
  },
];

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

const figures = areaFigures({
  area: {
    id: 'E09000020',
    name: 'Kensington and Chelsea',
    wardIndices: [0, 1, 2],
    bounds: [0, 0, 1, 1],
  },
  wards,
  periodMonths: 3,
  monthsCovered: 3,
  rateMonths: 3,
  rateUnit: 'per 1,000 residents per year',
});

const statistics = areaStatistics(
  [
    // Abingdon fell from 6 to 0: -6, -100%, p = 2 × 0.5^6 = 0.03125, significant.
    wardStatistics({
      code: 'E05009388',
      interval: { lower: 0, upper: 3.6889, method: 'exact' },
      changes: [change(0, 6, 0.03125), null],
      hotspot: { z: -2, pValue: 0.04, qValue: 0.08, hotspotClass: 'cold90' },
    }),
    // Dalgarno rose from 0 to 3: within noise (3 offences in all, p = 0.25): no percentage.
    wardStatistics({
      code: 'E05009394',
      interval: { lower: 0.6187, upper: 8.7673, method: 'exact' },
      againstArea: 'similar',
      changes: [change(3, 0, 0.25), null],
      londonRank: 400,
    }),
    // Golborne: 23 -> 20 is -3, -3 / 23 = -13.04%; a year earlier 8 -> 20 is +12, +150%.
    wardStatistics({
      code: 'E05009396',
      interval: { lower: 12.2165, upper: 30.8884, method: 'byar' },
      againstArea: 'higher',
      changes: [change(20, 23, 0.75), change(20, 8, 0.036)],
      hotspot: { z: 2.5, pValue: 0.01, qValue: 0.03, hotspotClass: 'hot95' },
      londonRank: 12,
    }),
  ],
  // 23 offences over three wards: 7.67 a ward.
  { benchmark: { measure: 'count', value: 23 / 3 }, comparisons, londonRanked: 680 },
);

const PREVIOUS = 'against Apr 2025 to Jun 2025 (the 3 months before)';
const YEAR_EARLIER = 'against Jul 2024 to Sep 2024 (the same months a year earlier)';
const HEADER = [
  'Ward code',
  'Ward',
  'Borough',
  'Count',
  'Rate per 1,000 residents (2021) per year',
  '95% interval of the count, lower',
  '95% interval of the count, upper',
  'Rank by count (1 = highest; equal ranks are ties)',
  "Against the area's average ward count (7.7)",
  `Change ${PREVIOUS}`,
  `Change % ${PREVIOUS}`,
  `Change significant at the 5% level ${PREVIOUS}`,
  `Change ${YEAR_EARLIER}`,
  `Change % ${YEAR_EARLIER}`,
  `Change significant at the 5% level ${YEAR_EARLIER}`,
  'Hot spot (Getis-Ord Gi*, false discovery rate corrected)',
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
        // Falls with the ASCII hyphen-minus: a spreadsheet reads -3 as a number.
        '-3',
        '-13.0',
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
        'Too few to tell',
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
        '-6',
        '-100.0',
        'Yes',
        '',
        '',
        '',
        'Cold spot, 90% confidence',
        '',
      ],
    ]);
  });

  it('in publication mode writes "<5" for counts of 1 to 4 and leaves all built on them blank', () => {
    const rows = wardTableRows({
      ...table,
      figures: withDisclosureControl(figures, 4),
      suppressAt: 4,
    });
    // Dalgarno's 3 is suppressed: rate, interval, rank, comparison, changes, hot spot and London
    // rank go, and it goes last, after Abingdon's 0 (ranked 2nd among the wards shown).
    expect(rows.map((row) => [row[1], row[7]])).toEqual([
      ['Ward', HEADER[7]],
      ['Golborne', '1'],
      ['Abingdon', '2'],
      ['Dalgarno', ''],
    ]);
    expect(rows[3]).toEqual([
      'E05009394',
      'Dalgarno',
      'Kensington and Chelsea',
      '<5',
      ...HEADER.slice(4).map(() => ''),
    ]);
    // Counts of 0, 6, 20 and 23 are not suppressed: Golborne's row is as without publication mode.
    expect(rows[1]).toEqual(wardTableRows({ ...table, suppressAt: null })[1]);
  });

  it('writes "No data" for wards the data does not cover, never 0', () => {
    const withCity = areaFigures({
      wards: [
        ...wards,
        ward({ code: 'E05000026', name: 'Aldgate', count: null, value: null, months: 0 }),
      ],
    });
    const rows = wardTableRows({ ...table, figures: withCity, suppressAt: null });
    expect(rows[4]).toEqual([
      'E05000026',
      'Aldgate',
      'Kensington and Chelsea',
      'No data',
      ...HEADER.slice(4).map(() => ''),
    ]);
  });

  it('hides a change when the earlier count is suppressed', () => {
    const earlierSmall = areaStatistics(
      [wardStatistics({ code: 'E05009396', changes: [change(20, 2, 0.0001), null] })],
      { comparisons },
    );
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
      'Rate per 1,000 residents per year',
      '95% interval of the rate, lower',
      '95% interval of the rate, upper',
      'Rank by rate (1 = highest; equal ranks are ties)',
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
    // Headers with commas are quoted; without statistics there are no comparisons.
    expect(lines[0]).toBe(
      [
        '\uFEFFWard code',
        'Ward',
        'Borough',
        'Count',
        '"Rate per 1,000 residents (2021) per year"',
        '"95% interval of the count, lower"',
        '"95% interval of the count, upper"',
        'Rank by count (1 = highest; equal ranks are ties)',
        'Against the area',
        '"Hot spot (Getis-Ord Gi*, false discovery rate corrected)"',
      ].join(','),
    );
    // The count of 7 is not suppressed; the name gets its quote and its quotes doubled.
    expect(lines[1]).toBe(
      `E05000001,"'=HYPERLINK(""http://x"",""y"")",Kensington and Chelsea,7,,,,1,,Not significant`,
    );
    expect(lines[2]).toBe('');
    expect(lines).toHaveLength(3);
  });
});

describe('signedCell', () => {
  it('writes falls with the hyphen-minus, a number to a spreadsheet, and rises without a sign', () => {
    expect(signedCell(-3, 0)).toBe('-3');
    expect(signedCell(12, 0)).toBe('12');
    expect(signedCell(-13.0434, 1)).toBe('-13.0');
    expect(signedCell(0, 0)).toBe('0');
    // −0.04 rounds to 0.0: no sign on a zero.
    expect(signedCell(-0.04, 1)).toBe('0.0');
  });
});

describe('falls in the file', () => {
  it('reach the spreadsheet as numbers: unescaped, unquoted, with the hyphen-minus', () => {
    const text = wardTableCsv({ ...table, suppressAt: null });
    const golborne = text.split('\r\n').find((line) => line.startsWith('E05009396'));
    // Golborne: 20 against 23 is -3, -13.0%.
    expect(golborne).toContain(',-3,-13.0,No,');
    expect(golborne).not.toContain("'-");
    expect(golborne).not.toContain('−');
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
