import { describe, expect, it } from 'vitest';
import { serviceSymbol, shapePath } from './serviceSymbols.ts';

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
