import { describe, expect, it } from 'vitest';
import { KENSINGTON, squareWard, wardSetOf } from '../../tests/support/wards.ts';
import { GENERIC_SYMBOL, serviceSymbol } from './serviceSymbols.ts';
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
      ownSymbols: 2,
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

  it('marks types past those with a symbol of their own with the generic symbol, drawn once', () => {
    const types = ['Clinic', 'Hub', 'Shelter', 'Youth club'];
    const at = (type: string, longitude: number) => ({
      row: 2,
      name: `A ${type}`,
      type,
      longitude,
      latitude: 51.52,
      themes: [],
      notes: '',
    });
    const content = servicesMapContent({
      services: types.map((type, index) => at(type, -0.21 - index * 0.001)),
      proposed: [{ id: 1, type: 'Youth club', longitude: -0.2, latitude: 51.52 }],
      types,
      // Two types have their own symbols: Shelter and Youth club share the generic one.
      ownSymbols: 2,
      reachMetres: 1000,
      gapWardIndices: [],
      wards,
    });
    expect(content.marks.map((mark) => mark.symbol)).toEqual([0, 1, 2, 2, 2]);
    expect(content.symbols).toEqual([
      serviceSymbol('Clinic', 0),
      serviceSymbol('Hub', 1),
      GENERIC_SYMBOL,
    ]);
  });
});
