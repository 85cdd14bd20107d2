import { describe, expect, it } from 'vitest';
import { heatColour, relativeLuminance, sequentialPalette, textColourOn } from './palette.ts';

describe('palettes', () => {
  it('has one colour per class, light to dark', () => {
    for (let classes = 1; classes <= 7; classes += 1) {
      const palette = sequentialPalette(classes);
      expect(palette).toHaveLength(classes);
      const luminances = palette.map(relativeLuminance);
      expect([...luminances].sort((a, b) => b - a)).toEqual(luminances);
    }
  });

  it('computes WCAG luminance and picks the text colour with more contrast', () => {
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 6);
    expect(relativeLuminance('#000000')).toBe(0);
    expect(textColourOn('#ffffb2')).toBe('#000000');
    expect(textColourOn('#800026')).toBe('#ffffff');
  });

  it('colours heatmap cells by their share of the largest cell', () => {
    expect(heatColour(0, 10)).toBe('#ffffff');
    expect(heatColour(10, 10)).toBe('#800026');
    expect(heatColour(1, 10)).toBe('#ffffcc');
    // 5 / 10 of nine steps is 4.5: the fifth step.
    expect(heatColour(5, 10)).toBe('#fd8d3c');
  });
});
