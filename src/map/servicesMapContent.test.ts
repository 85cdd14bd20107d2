import { describe, expect, it } from 'vitest';
import { KENSINGTON, squareWard, wardSetOf } from '../../tests/support/wards.ts';
import { servicesMapContent } from './servicesMapContent.ts';

const wards = wardSetOf([
  squareWard('E05009396', 'Golborne', KENSINGTON, -0.21, 51.52),
  squareWard('E05009394', 'Dalgarno', KENSINGTON, -0.22, 51.52),
]);

describe('what the map draws for services', () => {
  it('marks loaded services, then proposed ones, with their type’s symbol, and outlines gaps', () => {
    const content = servicesMapContent({
      services: [
        {
          row: 2,
          name: 'Golborne Youth Hub',
          type: 'Youth hub',
          longitude: -0.205,
          latitude: 51.525,
          themes: ['youth_violence'],
          notes: 'Evenings',
        },
      ],
      proposed: [{ id: 3, type: 'Night shelter', longitude: -0.215, latitude: 51.525 }],
      types: ['Youth hub', 'Night shelter'],
      reachMetres: 1000,
      gapWardIndices: [1],
      wards,
    });
    expect(content.marks).toEqual([
      {
        position: [-0.205, 51.525],
        symbol: 0,
        proposed: false,
        tooltip: 'Golborne Youth Hub\nYouth hub\nServes: Youth violence (under 25)\nEvenings',
      },
      {
        position: [-0.215, 51.525],
        symbol: 1,
        proposed: true,
        tooltip: 'Proposed service 3\nNight shelter',
      },
    ]);
    expect(content.symbols.map((symbol) => symbol.letter)).toEqual(['Y', 'N']);
    expect(content.reachMetres).toBe(1000);
    expect(content.gapFeatures).toEqual([wards.features[1]]);
  });
});
