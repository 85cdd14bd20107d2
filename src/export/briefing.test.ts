import { describe, expect, it } from 'vitest';
import {
  areaFigures,
  areaStatistics,
  wardFigure,
  wardStatistics,
} from '../../tests/support/figures.ts';
import { withDisclosureControl } from '../analysis/areaFigures.ts';
import { compareCounts } from '../analysis/change.ts';
import { countInterval } from '../analysis/intervals.ts';
import { monthIndex } from '../data/calendar.ts';
import { timeSlot } from '../data/cube.ts';
import type { DatasetSummary } from '../data/dataset.ts';
import { themeInfo } from '../data/themes.ts';
import { MPS_WARD_CRIME_FORMAT } from '../formats/mpsWardCrime.ts';
import { briefingContent, generatedText, publicationText } from './briefing.ts';

// Twelve wards named A..L with counts 1..12 in name order, so L (12) ranks 1st and A (1) 12th.
const wards = Array.from({ length: 12 }, (_, position) =>
  wardFigure({
    index: position,
    code: `E0500000${String(position).padStart(2, '0')}`,
    name: `Ward ${String.fromCharCode(65 + position)}`,
    count: position + 1,
    population: 1000,
    rate: position + 1,
    value: position + 1,
    rank: 12 - position,
  }),
);

const cells = new Float64Array(168);
cells[timeSlot(4, 22)] = 3; // Friday 22:00
cells[timeSlot(5, 23)] = 30; // Saturday 23:00, the largest cell

const figures = areaFigures({
  wards,
  heatmap: { cells, unknownTime: 0, total: 33, max: 30, ward: null, timesKnown: true },
});

// Ward L: 12 now against 20 before, a hot spot with Ward K; ward K: 11 against 2.
const statistics = areaStatistics(
  [
    wardStatistics({
      code: 'E050000011',
      interval: countInterval(12),
      changes: [compareCounts(12, 20)],
      hotspot: { z: 2.9, pValue: 0.004, qValue: 0.03, hotspotClass: 'hot95' },
      hotspotNeighbours: ['E050000010'],
    }),
    wardStatistics({ code: 'E050000010', changes: [compareCounts(11, 2)] }),
  ],
  {
    comparisons: [
      {
        kind: 'previous',
        period: { from: '2023-10', to: '2024-09' },
        relation: 'the 12 months before',
      },
    ],
  },
);

function summary(overrides: Partial<DatasetSummary>): DatasetSummary {
  return {
    id: 'demo',
    fileName: 'offences.csv',
    format: 'Aggregated offences (native CSV v1)',
    synthetic: true,
    themes: ['youth_violence', 'all_serious_violence'].map((id) => themeInfo(id)),
    replacedThemes: [],
    firstMonth: monthIndex('2022-10') as number,
    lastMonth: monthIndex('2025-09') as number,
    hasTimes: true,
    hasPoints: false,
    partial: null,
    ...overrides,
  };
}

const inputs = {
  figures,
  statistics,
  datasets: [summary({})],
  populationSource: {
    name: 'Census 2021 usual residents (census2021_ward_population_london.csv)',
    year: 2021,
  },
  view: {
    from: '2024-10',
    to: '2025-09',
    time: { weekday: 4, hourFrom: 18, hourTo: 20 },
    measure: 'count' as const,
  },
  suppressAt: 4,
  generatedAt: new Date('2026-07-01T12:00:00Z'),
  marking: 'OFFICIAL-SENSITIVE' as const,
  nameOf: (code: string) => wards.find((ward) => ward.code === code)?.name ?? code,
};

describe('briefingContent', () => {
  // Publication mode as the briefing applies it: hidden counts have no rank.
  const content = briefingContent({ ...inputs, figures: withDisclosureControl(figures, 4) });

  it('says what the view is', () => {
    expect(content.area).toBe('Kensington and Chelsea');
    expect(content.theme).toBe('All serious violence');
    // The demo carries all_serious_violence: each offence is counted once.
    expect(content.themeDefinition).toBe(
      'The serious-violence themes together, each offence counted once.',
    );
    expect(content.period).toBe('Oct 2024 to Sep 2025, 18:00–20:59, Fridays');
    expect(content.measure).toBe('Number of offences; wards ranked by count');
    expect(content.rateHeader).toBe('Rate per 1,000 residents');
    expect(content.changeHeader).toBe('Change against Oct 2023 to Sep 2024 (the 12 months before)');
    expect(content.intervalHeader).toBe('95% interval of the count');
    expect(content.marking).toBe('OFFICIAL-SENSITIVE');
  });

  it('lists the ten leading wards by rank with publication mode applied', () => {
    // Wards A to D (1 to 4 offences) are hidden and unranked: they come last, by name.
    expect(content.topWards.map((row) => row.ward)).toEqual(
      ['L', 'K', 'J', 'I', 'H', 'G', 'F', 'E', 'A', 'B'].map((letter) => `Ward ${letter}`),
    );
    // 12 offences: Byar's interval 6.201 to 20.963, to a tenth: 6.2 to 21.
    expect(content.topWards[0]).toMatchObject({
      rank: '1',
      count: '12',
      rate: '12.0',
      interval: '6.2 to 21',
      hotspot: 'Hot 95%',
    });
    // 12 against 20: −8, −40.0%.
    expect(content.topWards[0]?.change?.text).toBe('−8 (−40.0%)');
    // 11 against 2: the earlier count is 1 to 4, so the change is hidden.
    expect(content.topWards[1]?.change).toBeNull();
    // Ward A has 1 offence: "<5", no rate, no rank, no hot spot class.
    expect(content.topWards[8]).toMatchObject({ rank: '–', count: '<5', rate: '–', hotspot: '–' });
    expect(content.rankNote).toBe('Not ranked: 4 wards whose counts publication mode hides.');
    expect(content.publication).toBe(
      'Publication mode was applied: counts of 1 to 4 are shown as “<5”, and the rates and changes built on them are hidden.',
    );
  });

  it('shows every figure without publication mode, and says so', () => {
    const open = briefingContent({ ...inputs, suppressAt: null });
    expect(open.topWards[8]).toMatchObject({ rank: '9', count: '4', rate: '4.0' });
    expect(open.rankNote).toBeNull();
    expect(open.topWards[1]?.change?.text).toBe('+9 (+450.0%)');
    expect(open.publication).toMatch(/^Publication mode was not applied/);
  });

  it('gives the hours of the week with the heatmap colours, small counts suppressed', () => {
    expect(content.heatmap).toHaveLength(7);
    expect(content.heatmap?.[4]?.day).toBe('Fri');
    // 3 of a largest 30: step floor(3 / 30 × 9) = 0 of YlOrRd 9, "#ffffcc"; shown as "<5".
    expect(content.heatmap?.[4]?.cells[22]).toEqual({
      text: '<5',
      background: '#ffffcc',
      colour: '#000000',
    });
    // The largest cell takes the darkest step, "#800026", with white text.
    expect(content.heatmap?.[5]?.cells[23]).toEqual({
      text: '30',
      background: '#800026',
      colour: '#ffffff',
    });
    expect(content.heatmap?.[0]?.cells[0]?.background).toBe('#ffffff');
    expect(content.heatmapScope).toBe('Whole area: Kensington and Chelsea');
  });

  it('names the sources with their licences, and synthetic data as such', () => {
    expect(content.synthetic).toBe(true);
    expect(content.sources).toEqual([
      'Offences: synthetic demo data made by this project; not real offences.',
      'Residents: Census 2021 usual residents (census2021_ward_population_london.csv) (2021). Source: Office for National Statistics licensed under the Open Government Licence v.3.0.',
      'Ward boundaries: Office for National Statistics, Wards (May 2024) Boundaries UK BGC. Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © Crown copyright and database right 2024.',
    ]);
    const mps = briefingContent({
      ...inputs,
      datasets: [
        summary({
          fileName: 'mps_ward_crime.csv',
          format: MPS_WARD_CRIME_FORMAT,
          synthetic: false,
          themes: [themeInfo('knife_crime')],
        }),
      ],
    });
    expect(mps.synthetic).toBe(false);
    expect(mps.sources.slice(0, 2)).toEqual([
      `Offences: mps_ward_crime.csv (${MPS_WARD_CRIME_FORMAT}, Oct 2022 to Sep 2025).`,
      'Metropolitan Police and data.police.uk data: Contains public sector information licensed under the Open Government Licence v3.0.',
    ]);
    // Without a combined file, "All serious violence" adds the themes up.
    expect(mps.themeDefinition).toBe(
      'The serious-violence themes added together: an offence in two themes counts twice.',
    );
  });

  it('marks a file kept from a cancelled load as partial, with what was not read', () => {
    const partial = briefingContent({
      ...inputs,
      datasets: [
        summary({
          fileName: 'extract.csv',
          synthetic: false,
          themes: [themeInfo('knife_crime')],
          partial: { cause: 'cancelled', message: null, bytes: 12_345_678, estimatedRows: 300_000 },
        }),
      ],
    });
    // 12,345,678 bytes is 12 MB to the nearest MB.
    expect(partial.sources[0]).toBe(
      'Offences: extract.csv (Aggregated offences (native CSV v1), Oct 2022 to Sep 2025; partial: about 300,000 rows (12 MB) of the file not read).',
    );
  });

  it('says why the first five wards are there, from their statistics', () => {
    expect(content.reasons).toHaveLength(5);
    // 12 against 20: p = 2 P(X <= 12 | Binomial(32, 1/2)) = 0.2153, not significant.
    expect(content.reasons[0]).toBe(
      'Ward L: 12 offences in Oct 2024 to Sep 2025, 18:00–20:59, Fridays, down from 20 in Oct 2023 to Sep 2024 (not significant, p = 0.215); 1st of 8 in Kensington and Chelsea by count; a hot spot (95% confidence; Gi* within Kensington and Chelsea, false discovery rate corrected) with Ward K.',
    );
    // Ward K's earlier count (2) is hidden: so is its change.
    expect(content.reasons[1]).toBe(
      'Ward K: 11 offences in Oct 2024 to Sep 2025, 18:00–20:59, Fridays; 2nd of 8 in Kensington and Chelsea by count.',
    );
  });

  it('says when it was generated, in London time', () => {
    expect(content.generated).toBe('1 July 2026 at 13:00 BST');
  });
});

describe('generatedText', () => {
  it('gives the date and time in London, GMT in winter and BST in summer', () => {
    expect(generatedText(new Date('2026-01-12T09:30:00Z'))).toBe('12 January 2026 at 09:30 GMT');
    // 23:30 UTC on 30 June is 00:30 on 1 July in London.
    expect(generatedText(new Date('2026-06-30T23:30:00Z'))).toBe('1 July 2026 at 00:30 BST');
  });
});

describe('publicationText', () => {
  it('names the threshold', () => {
    expect(publicationText(9)).toContain('counts of 1 to 9 are shown as “<10”');
  });
});
