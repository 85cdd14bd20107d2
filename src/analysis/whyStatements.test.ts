import { describe, expect, it } from 'vitest';
import type { AreaFigures, WardFigure } from './areaFigures.ts';
import { compareCounts } from './change.ts';
import { countInterval } from './intervals.ts';
import type { PeriodComparison } from './periods.ts';
import type { AreaStatistics, WardStatistics } from './wardStatistics.ts';
import { listText, type WhyInputs, whyStatements, whyText } from './whyStatements.ts';

function ward(overrides: Partial<WardFigure>): WardFigure {
  return {
    index: 0,
    code: 'E05009396',
    name: 'Golborne',
    ladName: 'Kensington and Chelsea',
    count: 61,
    months: 3,
    population: 8_000,
    rate: null,
    value: 61,
    rank: 1,
    classIndex: 4,
    suppressed: false,
    ...overrides,
  };
}

const threeBefore: PeriodComparison = {
  kind: 'previous',
  period: { from: '2025-09', to: '2025-11' },
  relation: 'the 3 months before',
};
const yearEarlier: PeriodComparison = {
  kind: 'year-earlier',
  period: { from: '2024-12', to: '2025-02' },
  relation: 'the same months a year earlier',
};

function wardStatistics(overrides: Partial<WardStatistics>): WardStatistics {
  return {
    code: 'E05009396',
    interval: countInterval(61),
    againstArea: 'higher',
    changes: [compareCounts(61, 37), compareCounts(61, 55)],
    hotspot: { z: 3, pValue: 0.002, qValue: 0.02, hotspotClass: 'hot95' },
    hotspotNeighbours: ['E05009392', 'E05009399'],
    londonRank: 12,
    fewOffences: false,
    ...overrides,
  };
}

const figures = {
  area: { id: 'E09000020', name: 'Kensington and Chelsea', wardIndices: [], bounds: [0, 0, 1, 1] },
  rankedCount: 18,
  tiedRanks: new Set<number>([3]),
  rateUnit: 'per 1,000 residents per year',
} as unknown as AreaFigures;

const area = {
  comparisons: [threeBefore, yearEarlier],
  benchmark: { measure: 'count', value: 27.4 },
  londonRanked: 679,
} as unknown as AreaStatistics;

const names: Record<string, string> = { E05009392: 'Colville', E05009399: 'Notting Dale' };

function inputs(overrides: Partial<WhyInputs> = {}): WhyInputs {
  return {
    ward: ward({}),
    statistics: wardStatistics({}),
    figures,
    area,
    period: 'Dec 2025 to Feb 2026',
    measure: 'count',
    suppressAt: null,
    nameOf: (code) => names[code] ?? code,
    ...overrides,
  };
}

describe('why this ward', () => {
  it('states the count, each change with its test, the rank, the hot spot and London', () => {
    // 61 against 37: p = P(|X - 49| >= 12 | Binomial(98, 1/2)) = 0.0198 (R: binom.test(61, 98)).
    // 61 against 55: p = 2 P(X >= 61 | Binomial(116, 1/2)) = 0.6427 (binom.test(61, 116)).
    const statements = whyStatements(inputs());
    expect(statements).toEqual([
      '61 offences in Dec 2025 to Feb 2026, up from 37 in Sep 2025 to Nov 2025 (significant, p = 0.020)',
      'up from 55 in Dec 2024 to Feb 2025 (not significant, p = 0.643)',
      "1st of 18 in Kensington and Chelsea by count, higher than the area's average ward (27.4) beyond its 95% interval",
      'a hot spot (95% confidence; Gi* within Kensington and Chelsea, false discovery rate corrected) with Colville and Notting Dale',
      '12th of 679 London wards',
    ]);
  });

  it('never calls a change significant when the test says it is not', () => {
    const statements = whyStatements(
      inputs({ statistics: wardStatistics({ changes: [compareCounts(40, 30), null] }) }),
    );
    // 40 against 30: p = 0.282 (binom.test(40, 70)).
    expect(statements[0]).toBe(
      '61 offences in Dec 2025 to Feb 2026, up from 30 in Sep 2025 to Nov 2025 (not significant, p = 0.282)',
    );
    expect(statements.join(' ')).not.toMatch(/\(significant/);
  });

  it('says a handful of offences is within noise', () => {
    const statements = whyStatements(
      inputs({
        ward: ward({ count: 3, value: 3, rank: 3 }),
        statistics: wardStatistics({
          changes: [compareCounts(3, 1), null],
          againstArea: 'similar',
          fewOffences: true,
          hotspot: { z: 0.1, pValue: 0.9, qValue: 0.9, hotspotClass: 'none' },
          hotspotNeighbours: [],
          londonRank: null,
        }),
      }),
    );
    expect(statements).toEqual([
      '3 offences in Dec 2025 to Feb 2026, up from 1 in Sep 2025 to Nov 2025 (too few offences to tell from noise)',
      'joint 3rd of 18 in Kensington and Chelsea by count, too few offences to tell apart from other wards',
    ]);
  });

  it('gives the rate in its unit in rate mode, against the area rate', () => {
    const statements = whyStatements(
      inputs({
        measure: 'rate',
        ward: ward({ rate: 30.5, value: 30.5, rank: 2 }),
        area: { ...area, benchmark: { measure: 'rate', value: 11.04 } } as AreaStatistics,
      }),
    );
    expect(statements[2]).toBe(
      "30.5 per 1,000 residents per year, 2nd of 18 in Kensington and Chelsea by rate, higher than the area's 11.0 beyond its 95% interval",
    );
  });

  it('says nothing a suppressed count would give away, and nothing of wards with no data', () => {
    expect(
      whyStatements(
        inputs({ ward: ward({ count: 3, rank: null, suppressed: true }), suppressAt: 4 }),
      ),
    ).toEqual([
      '<5 offences in Dec 2025 to Feb 2026: publication mode hides this ward’s figures and rank.',
    ]);
    // A change from a suppressed count is left out; the rest stands.
    const statements = whyStatements(
      inputs({
        suppressAt: 4,
        statistics: wardStatistics({ changes: [compareCounts(61, 3), compareCounts(61, 55)] }),
      }),
    );
    expect(statements[0]).toBe(
      '61 offences in Dec 2025 to Feb 2026, up from 55 in Dec 2024 to Feb 2025 (not significant, p = 0.643)',
    );
    expect(whyStatements(inputs({ ward: ward({ count: null, rank: null }) }))).toEqual([
      'No data for Dec 2025 to Feb 2026: the loaded files do not cover this ward.',
    ]);
  });

  it('leaves out what a list’s heading and figure say, when brief', () => {
    // The list shows the count beside the name: the statements start with its change.
    // The year-earlier change is not significant: left out. The rank is the list's number.
    expect(whyStatements(inputs({ brief: true }))).toEqual([
      'up from 37 (significant, p = 0.020)',
      "above the area's average ward (27.4)",
      'a hot spot (95% confidence) with Colville and Notting Dale',
    ]);
    // A significant change against a year earlier is kept (61 against 30: p = 0.0015, from
    // binom.test(61, 91)), and a shared rank said.
    expect(
      whyStatements(
        inputs({
          brief: true,
          ward: ward({ rank: 3 }),
          statistics: wardStatistics({ changes: [compareCounts(61, 37), compareCounts(61, 30)] }),
        }),
      ).slice(0, 3),
    ).toEqual([
      'up from 37 (significant, p = 0.020)',
      'up from 30 in the same months a year earlier (significant, p = 0.002)',
      "joint 3rd of 18 by count, above the area's average ward (27.4)",
    ]);
  });

  it('keeps the count in a brief list of rates, whose figure is the rate', () => {
    const statements = whyStatements(
      inputs({ brief: true, measure: 'rate', ward: ward({ rate: 30.5, value: 30.5 }) }),
    );
    expect(statements[0]).toBe('61 offences, up from 37 (significant, p = 0.020)');
  });

  it('joins statements into one line, and lists names', () => {
    expect(whyText('Golborne', ['a', 'b'])).toBe('Golborne: a; b.');
    expect(listText(['A'])).toBe('A');
    expect(listText(['A', 'B', 'C'])).toBe('A, B and C');
  });
});
