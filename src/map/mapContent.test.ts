import { describe, expect, it } from 'vitest';
import { datasetOf } from '../../tests/support/datasets.ts';
import {
  areaStatistics,
  areaFigures as buildAreaFigures,
  wardFigure,
  wardStatistics,
} from '../../tests/support/figures.ts';
import { KENSINGTON, squareWard, WESTMINSTER, wardSetOf } from '../../tests/support/wards.ts';
import {
  type AreaFigures,
  computeAreaFigures,
  type FigureView,
  type WardFigure,
} from '../analysis/areaFigures.ts';
import { monthIndex } from '../data/calendar.ts';
import { CubeBuilder, timeSlot } from '../data/cube.ts';
import { type Area, findArea, type WardSet } from '../geo/wardSet.ts';
import { mapContentFor, wardColour, wardTooltip } from './mapContent.ts';

const NO_DATA_GREY = '#d4d4d4';

const figure = wardFigure;

/** Figures for an area of 18 wards: the given ones, then unnamed fillers, all ranked. */
function areaFigures(
  wards: WardFigure[],
  overrides: Partial<AreaFigures> = {},
  wardCount = 18,
): AreaFigures {
  const fillers = Array.from({ length: wardCount - wards.length }, (_, position) =>
    figure({ index: wards.length + position, code: `filler-${position}`, name: 'Filler' }),
  );
  return buildAreaFigures({ wards: [...wards, ...fillers], rankedCount: wardCount, ...overrides });
}

describe('wardTooltip', () => {
  it('counts only ranked wards in "of N" when some have no rate', () => {
    const ward = figure({ count: 5, population: 1_000, rate: 5, rank: 2 });
    // 18 wards in the area, one without a population: 17 are ranked by rate.
    expect(wardTooltip(ward, areaFigures([ward], { rankedCount: 17 }))).toBe(
      'Golborne\nCount: 5\nRate: 5.0 per 1,000 residents\nRank: 2nd of 17 in Kensington and Chelsea',
    );
  });

  it('gives name, count, rate and rank', () => {
    // 226 offences among 8,800 residents: 226 / 8,800 * 1,000 = 25.68 -> "25.7".
    const golborne = figure({
      count: 226,
      population: 8_800,
      rate: (226 / 8_800) * 1_000,
      rank: 1,
    });
    expect(wardTooltip(golborne, areaFigures([golborne]))).toBe(
      'Golborne\nCount: 226\nRate: 25.7 per 1,000 residents\nRank: 1st of 18 in Kensington and Chelsea',
    );
  });

  it('says which residents the rate divides by, with ordinals and thousands separators', () => {
    const ward = figure({ name: 'Notting Dale', count: 1_234, rate: 0.456, rank: 22 });
    const figures = areaFigures(
      [ward],
      { denominator: 'residents aged 10–24', rateUnit: 'per 1,000 residents aged 10–24' },
      30,
    );
    // Rates below 1 take two decimals: 0.456 -> "0.46".
    expect(wardTooltip(ward, figures)).toBe(
      'Notting Dale\nCount: 1,234\nRate: 0.46 per 1,000 residents aged 10–24\nRank: 22nd of 30 in Kensington and Chelsea',
    );
  });

  it('says when a ward has no population or no rank', () => {
    // A count spread over hours can be fractional: one decimal place.
    const ward = figure({ count: 12.5, rate: null, rank: null });
    expect(wardTooltip(ward, areaFigures([ward]))).toBe(
      'Golborne\nCount: 12.5\nRate: no population\nRank: none',
    );
  });
});

describe('wards with no data', () => {
  it('say so in the tooltip and are grey in both map modes', () => {
    const ward = figure({ count: null, value: null, months: 0 });
    const figures = areaFigures([ward]);
    expect(wardTooltip(ward, figures)).toBe(
      'Golborne\nNo data: the loaded files do not cover this ward for this theme and period',
    );
    expect(wardColour(ward, figures)).toBe(NO_DATA_GREY);
  });
});

describe('wardColour', () => {
  // Two thresholds: three classes, ColorBrewer YlOrRd 3 = #ffeda0, #feb24c, #f03b20.
  const classification = {
    method: 'quantile' as const,
    thresholds: [10, 20],
    min: 0,
    max: 30,
    classCounts: [1, 1, 1],
    wholeNumbers: true,
  };

  it('colours each class from light to dark', () => {
    const figures = areaFigures([], { classification });
    expect(wardColour(figure({ classIndex: 0 }), figures)).toBe('#ffeda0');
    expect(wardColour(figure({ classIndex: 1 }), figures)).toBe('#feb24c');
    expect(wardColour(figure({ classIndex: 2 }), figures)).toBe('#f03b20');
  });

  it('uses the five-class palette for four thresholds', () => {
    const five = { ...classification, thresholds: [1, 2, 3, 4], classCounts: [1, 1, 1, 1, 1] };
    // YlOrRd 5: #ffffb2, #fecc5c, #fd8d3c, #f03b20, #bd0026.
    const figures = areaFigures([], { classification: five });
    expect(wardColour(figure({ classIndex: 0 }), figures)).toBe('#ffffb2');
    expect(wardColour(figure({ classIndex: 4 }), figures)).toBe('#bd0026');
  });

  it('greys out a ward without a class, or every ward without a classification', () => {
    expect(wardColour(figure({ classIndex: null }), areaFigures([], { classification }))).toBe(
      NO_DATA_GREY,
    );
    expect(wardColour(figure({ classIndex: 1 }), areaFigures([]))).toBe(NO_DATA_GREY);
  });
});

describe('mapContentFor', () => {
  // Indices follow codes: 0 Abingdon, 1 Holland, 2 Vincent Square, 3 Brompton.
  const wards = wardSetOf([
    squareWard('E05000001', 'Abingdon', KENSINGTON, -0.19, 51.5),
    squareWard('E05000002', 'Holland', KENSINGTON, -0.2, 51.5),
    squareWard('E05000003', 'Vincent Square', WESTMINSTER, -0.14, 51.49),
    squareWard('E05000004', 'Brompton', KENSINGTON, -0.18, 51.49),
  ]);
  const month = monthIndex('2024-01') as number;
  const builder = new CubeBuilder();
  builder.add('youth_violence', month, 'E05000001', timeSlot(0, 15), 2);
  builder.add('youth_violence', month, 'E05000002', timeSlot(0, 15), 5);
  builder.add('youth_violence', month, 'E05000003', timeSlot(0, 15), 9);
  const cube = builder.build();
  const view: FigureView = {
    area: 'E09000020',
    theme: 'all',
    from: null,
    to: null,
    measure: 'count',
    ward: null,
    time: null,
  };
  const figuresFor = (area: Area, changes: Partial<FigureView> = {}) =>
    computeAreaFigures({
      wards,
      area,
      datasets: [datasetOf(cube)],
      populations: null,
      view: { ...view, ...changes },
    });
  const kensingtonArea = findArea(wards, 'E09000020') as Area;
  const london = findArea(wards, 'london') as Area;

  it('draws the wards of the area, with colours, labels and tooltips by ward index', () => {
    const content = mapContentFor(figuresFor(kensingtonArea), wards);
    expect(content.features.map((feature) => feature.properties.index)).toEqual([0, 1, 3]);
    expect(content.features[0]).toBe(wards.features[0]);
    expect([...content.colours.keys()].sort()).toEqual([0, 1, 3]);
    // Counts 2 (Abingdon), 5 (Holland), 0 (Brompton): three classes, Holland darkest,
    // Brompton lightest. Quantiles of 0, 2, 5 at 1/3 and 2/3: 0 + 2 * 2/3 = 1.33 -> 2 and
    // 2 + 3 * 1/3 = 3: thresholds 2 and 3.
    expect(content.colours.get(3)).toBe('#ffeda0');
    expect(content.colours.get(0)).toBe('#feb24c');
    expect(content.colours.get(1)).toBe('#f03b20');
    expect(content.labels.map((label) => [label.index, label.text])).toEqual([
      [0, 'Abingdon'],
      [3, 'Brompton'],
      [1, 'Holland'],
    ]);
    expect(content.labels[0]?.position).toEqual(wards.wards[0]?.label);
    expect(content.tooltip(1)).toBe(
      'Holland\nCount: 5\nRate: no population\nRank: 1st of 3 in Kensington and Chelsea',
    );
    expect(content.selected).toBeNull();
  });

  it('returns the same features and labels arrays for the same area, so geometry is uploaded once', () => {
    const first = mapContentFor(figuresFor(kensingtonArea), wards);
    const second = mapContentFor(figuresFor(kensingtonArea, { theme: 'youth_violence' }), wards);
    expect(second.features).toBe(first.features);
    // The map draws names only when they change: a change of theme keeps the same array.
    expect(second.labels).toBe(first.labels);
    const other = mapContentFor(figuresFor(london), wards);
    expect(other.features).not.toBe(first.features);
    expect(other.features).toHaveLength(4);
    expect(other.labels.map((label) => label.index).sort()).toEqual(
      other.features.map((feature) => feature.properties.index).sort(),
    );
    expect(mapContentFor(figuresFor(kensingtonArea), wards).features).toBe(first.features);
  });

  it('marks the selected ward by its index', () => {
    const content = mapContentFor(figuresFor(kensingtonArea, { ward: 'E05000004' }), wards);
    expect(content.selected).toBe(3);
    // A ward of another area is not selected here.
    const elsewhere = mapContentFor(figuresFor(kensingtonArea, { ward: 'E05000003' }), wards);
    expect(elsewhere.selected).toBeNull();
  });
});

function wardSetOfOne(): WardSet {
  return {
    wards: [
      {
        index: 0,
        code: 'E05000009',
        name: 'Golborne',
        lad: '',
        ladName: '',
        label: [0, 0],
        neighbours: [],
      },
    ],
    features: [],
    byCode: new Map([['E05000009', 0]]),
    areas: [],
  };
}

describe('hot spot mode and publication mode', () => {
  const ward = figure({
    code: 'E05000009',
    name: 'Golborne',
    count: 3,
    population: 1_000,
    rate: 3,
    rank: 1,
    classIndex: 0,
  });
  const statistics = areaStatistics(
    [
      wardStatistics({
        code: 'E05000009',
        interval: { lower: 0.6187, upper: 8.7673, method: 'exact' },
        againstArea: 'similar',
        hotspot: { z: 2.7, pValue: 0.0069, qValue: 0.02, hotspotClass: 'hot95' },
      }),
    ],
    { areaRate: 2 },
  );

  it('colours wards by hot spot class and names the class in the tooltip', () => {
    const figures = areaFigures([ward], {}, 1);
    const content = mapContentFor(figures, wardSetOfOne(), {
      mapMode: 'hotspots',
      measure: 'count',
      statistics,
      suppressAt: null,
    });
    expect(content.colours.get(0)).toBe('#ef8a62');
    expect(content.tooltip(0)).toBe(
      'Golborne\nCount: 3\nRate: 3.0 per 1,000 residents\nRank: 1st of 1 in Kensington and Chelsea\n95% interval: 0.6 to 8.8\nHot spot, 95% confidence',
    );
  });

  it('hides a count of 1 to 4 and all built on it, rank and hot spot too, in publication mode', () => {
    // As withDisclosureControl leaves it: suppressed, with no rank.
    const hidden = { ...ward, suppressed: true, rank: null };
    const tooltip = wardTooltip(hidden, areaFigures([hidden], { rankedCount: 0 }, 1), {
      mapMode: 'choropleth',
      measure: 'count',
      statistics,
      suppressAt: 4,
    });
    expect(tooltip).toBe(
      'Golborne\nCount: <5\nRate: – per 1,000 residents\nRank: not ranked (count hidden)',
    );
  });
});
