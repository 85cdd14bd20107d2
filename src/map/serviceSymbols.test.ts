import { describe, expect, it } from 'vitest';
import {
  atlasLayout,
  atlasPlace,
  GENERIC_SYMBOL,
  ownSymbolCount,
  serviceSymbol,
  shapePath,
  typeSymbol,
} from './serviceSymbols.ts';

describe('service symbols', () => {
  it('gives the first six types six shapes, each with its letter', () => {
    const types = ['Advocate', 'Bail hostel', 'Clinic', 'Drop-in', 'Education', 'Family hub'];
    const symbols = types.map(serviceSymbol);
    expect(new Set(symbols.map((symbol) => symbol.shape)).size).toBe(6);
    expect(symbols.map((symbol) => symbol.letter)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    // The seventh type takes the first shape again, in another colour.
    const seventh = serviceSymbol('Gym', 6);
    expect(seventh.shape).toBe(symbols[0]?.shape);
    expect(seventh.colour).not.toBe(symbols[0]?.colour);
  });

  it('takes the first letter or digit, and a letter colour that stands out on the fill', () => {
    expect(serviceSymbol('  "24/7" helpline', 0).letter).toBe('2');
    expect(serviceSymbol('élan', 0).letter).toBe('É');
    expect(serviceSymbol('—', 0).letter).toBe('?');
    // #0072b2 is dark: white letters (contrast 5.2, against 3.6 for near-black #111111).
    expect(serviceSymbol('Advocate', 0).letterColour).toBe('#ffffff');
    // #56b4e9 is light: near-black letters.
    expect(serviceSymbol('Drop-in', 3).letterColour).toBe('#111111');
  });

  it('draws each shape inside the 64-pixel box', () => {
    for (const shape of [
      'circle',
      'square',
      'triangle',
      'diamond',
      'pentagon',
      'hexagon',
    ] as const) {
      const numbers = (shapePath(shape).match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
      expect(Math.min(...numbers), shape).toBeGreaterThanOrEqual(0);
      expect(Math.max(...numbers), shape).toBeLessThanOrEqual(64);
    }
  });
});

describe('the symbols atlas', () => {
  it('lays 300 types out in rows within the GPU texture size, each proposed symbol under its own', () => {
    // 8,192 px: 128 columns of 64 px; 300 types take 3 pairs of rows (128 + 128 + 44).
    const layout = atlasLayout(300, 8192);
    expect(layout).toEqual({ columns: 128, width: 8192, height: 3 * 2 * 64, fitted: 300 });
    expect(atlasPlace(layout, 0, false)).toEqual({ x: 0, y: 0 });
    expect(atlasPlace(layout, 0, true)).toEqual({ x: 0, y: 64 });
    expect(atlasPlace(layout, 129, false)).toEqual({ x: 64, y: 128 });
    expect(atlasPlace(layout, 299, true)).toEqual({ x: 43 * 64, y: 5 * 64 });
  });

  it('keeps a few types in one row, and fits 512 types in the least texture WebGL 2 allows', () => {
    expect(atlasLayout(3, 16384)).toEqual({ columns: 3, width: 192, height: 128, fitted: 3 });
    // 2,048 px: 32 columns and 16 pairs of rows, 512 places; the 513th type gets none.
    expect(atlasLayout(600, 2048)).toEqual({ columns: 32, width: 2048, height: 2048, fitted: 512 });
  });

  it('gives types past what the texture holds the generic symbol, in the last place', () => {
    // 2,048 px holds 32 x 16 = 512 places: 600 types keep 511 symbols of their own, and the
    // 89 others share the generic symbol in the 512th place.
    expect(ownSymbolCount(600, 2048)).toBe(511);
    // All 512 fit when there are no more: no generic symbol is needed.
    expect(ownSymbolCount(512, 2048)).toBe(512);
    expect(ownSymbolCount(513, 2048)).toBe(511);
    // Until the map has asked the GPU, every type has its own.
    expect(ownSymbolCount(600, null)).toBe(600);
    expect(typeSymbol('Youth hub', 510, 511)).toEqual(serviceSymbol('Youth hub', 510));
    expect(typeSymbol('Youth hub', 511, 511)).toBe(GENERIC_SYMBOL);
  });
});
