/** Test fixtures: figures and statistics built by hand, with every field a test does not set. */
import type { AreaFigures, WardFigure } from '../../src/analysis/areaFigures.ts';
import type { AreaStatistics, WardStatistics } from '../../src/analysis/wardStatistics.ts';
import { describeTheme } from '../../src/data/dataset.ts';

export function wardFigure(overrides: Partial<WardFigure> = {}): WardFigure {
  return {
    index: 0,
    code: 'E05009375',
    name: 'Golborne',
    ladName: 'Kensington and Chelsea',
    count: 0,
    months: 12,
    population: null,
    rate: null,
    value: 0,
    rank: null,
    classIndex: null,
    suppressed: false,
    ...overrides,
  };
}

/** Kensington and Chelsea, all serious violence, over 12 months, with the given wards. */
export function areaFigures(overrides: Partial<AreaFigures> = {}): AreaFigures {
  const wards = overrides.wards ?? [];
  return {
    area: {
      id: 'E09000020',
      name: 'Kensington and Chelsea',
      wardIndices: [],
      bounds: [0, 0, 1, 1],
    },
    theme: describeTheme([], 'all'),
    wards,
    selectedWard: null,
    rankedCount: wards.filter((ward) => ward.rank !== null).length,
    tiedRanks: new Set(),
    classification: null,
    total: wards.reduce((sum, ward) => sum + (ward.count ?? 0), 0),
    denominator: 'residents',
    rateUnit: 'per 1,000 residents',
    rateMonths: 12,
    periodMonths: 12,
    monthsCovered: 12,
    noDataWards: wards.filter((ward) => ward.count === null).length,
    suppressedWards: wards.filter((ward) => ward.suppressed).length,
    heatmap: {
      cells: new Float64Array(168),
      unknownTime: 0,
      total: 0,
      max: 0,
      ward: null,
      timesKnown: true,
    },
    ...overrides,
  };
}

export function wardStatistics(
  overrides: Partial<WardStatistics> & { code: string },
): WardStatistics {
  return {
    interval: null,
    againstArea: null,
    changes: [],
    hotspot: { z: null, pValue: null, qValue: null, hotspotClass: 'none' },
    hotspotNeighbours: [],
    londonRank: null,
    fewOffences: false,
    ...overrides,
  };
}

export function areaStatistics(
  wards: readonly WardStatistics[],
  overrides: Partial<AreaStatistics> = {},
): AreaStatistics {
  return {
    wards: new Map(wards.map((ward) => [ward.code, ward])),
    areaRate: null,
    benchmark: null,
    comparisons: [],
    areaChanges: [],
    londonRanked: null,
    ...overrides,
  };
}
