import { describe, expect, it } from 'vitest';
import { distinctCharacters, labelGlyphSize } from './labelAtlas.ts';

describe('the ward labels font atlas', () => {
  it("keeps deck.gl's 64 px glyphs for London's names", () => {
    // ~70 characters: 14 glyphs of 72 px a row, 5 rows of 85 px = 425, a texture 512 px tall.
    expect(labelGlyphSize(70, 8192)).toBe(64);
  });

  it('draws 3,000 distinct characters smaller, within the texture the GPU allows', () => {
    // 64 px: 215 rows of 85 px = 18,275, rounded up to 32,768: too tall for 16,384 or 8,192.
    // 48 px: 1,024 / 56 = 18 a row, 167 rows of 66 px = 11,022 → 16,384: fits 16,384 only.
    expect(labelGlyphSize(3000, 16384)).toBe(48);
    // 32 px: 1,024 / 40 = 25 a row, 120 rows of 47 px = 5,640 → 8,192.
    expect(labelGlyphSize(3000, 8192)).toBe(32);
    // 16 px: 42 a row, 72 rows of 28 px = 2,016 → 2,048.
    expect(labelGlyphSize(3000, 2048)).toBe(16);
  });

  it('counts characters, not UTF-16 units', () => {
    // E a r l ’ s (space) C o u t, and 𝔸 (two UTF-16 units, one character).
    expect(distinctCharacters(['Earl’s Court', 'Court', '𝔸𝔸'])).toBe(12);
  });
});
