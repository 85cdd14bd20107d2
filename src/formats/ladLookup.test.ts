import { describe, expect, it } from 'vitest';
import { isWardLadLookupHeader, parseWardLadLookup, wardLadLookupColumns } from './ladLookup.ts';

describe('ward to local authority lookup', () => {
  it('recognises WDyyCD + LADyyCD headers of any vintage and case', () => {
    expect(wardLadLookupColumns(['WD24CD', 'WD24NM', 'LAD24CD', 'LAD24NM', 'ObjectId'])).toEqual({
      ward: 0,
      lad: 2,
      ladName: 3,
    });
    expect(wardLadLookupColumns(['lsoa21cd', 'wd22cd', 'lad22cd'])).toEqual({
      ward: 1,
      lad: 2,
      ladName: -1,
    });
    expect(isWardLadLookupHeader(['WD24CD', 'LAD24NMW', 'LAD24NM', 'LAD24CD'])).toBe(true);
    expect(wardLadLookupColumns(['WD24CD', 'LAD24NMW', 'LAD24NM', 'LAD24CD'])?.ladName).toBe(2);
    expect(isWardLadLookupHeader(['ward_code', 'population'])).toBe(false);
  });

  it('reads repeated consistent rows once and skips conflicting or empty ones', () => {
    const { lookup, rowsRead, skipped } = parseWardLadLookup(
      ['LSOA21CD', 'WD24CD', 'LAD24CD', 'LAD24NM'],
      [
        ['E01000001', 'E05009396', 'E09000020', 'Kensington and Chelsea'],
        ['E01000002', 'e05009396 ', 'E09000020', 'Kensington and Chelsea'],
        ['E01000003', 'E05009396', 'E09000033', 'Westminster'],
        ['E01000004', '', 'E09000033', 'Westminster'],
        ['E01000005', 'E05013804', 'E09000033', 'Westminster'],
      ],
    );
    expect(rowsRead).toBe(5);
    expect(skipped).toBe(2);
    expect([...lookup]).toEqual([
      ['E05009396', { lad: 'E09000020', ladName: 'Kensington and Chelsea' }],
      ['E05013804', { lad: 'E09000033', ladName: 'Westminster' }],
    ]);
  });

  it('throws for a header that is not a lookup', () => {
    expect(() => parseWardLadLookup(['WD24CD'], [])).toThrow(/no WDyyCD and LADyyCD/);
  });
});
