/**
 * The size the ward labels' glyphs are drawn at in deck.gl's font atlas (a GPU texture 1,024 px
 * wide, as tall as its rows need, rounded up to a power of two). A boundary file whose names hold
 * thousands of distinct characters (Chinese, say) makes that texture taller than the GPU allows,
 * and every label draws as black squares: smaller glyphs keep it within the limit, at some cost
 * in sharpness. Pure.
 */
const ATLAS_WIDTH = 1024;
/** deck.gl's space round each glyph, in pixels. */
const GLYPH_BUFFER = 4;
/** deck.gl's own size first; the others only when the atlas would not fit. */
const GLYPH_SIZES = [64, 48, 32, 24, 16, 12] as const;

function nextPowerOfTwo(value: number): number {
  return 2 ** Math.ceil(Math.log2(Math.max(1, value)));
}

/** The largest glyph size whose atlas of `characters` distinct characters fits the GPU. */
export function labelGlyphSize(characters: number, maxTextureSize: number): number {
  for (const size of GLYPH_SIZES) {
    // The widest glyphs (CJK) are about as wide as the font size; rows hold ascent and descent.
    const perRow = Math.floor(ATLAS_WIDTH / (size + 2 * GLYPH_BUFFER));
    const rowHeight = Math.ceil(size * 1.2) + 2 * GLYPH_BUFFER;
    if (nextPowerOfTwo(Math.ceil(characters / perRow) * rowHeight) <= maxTextureSize) return size;
  }
  return GLYPH_SIZES[GLYPH_SIZES.length - 1] as number;
}

/** Distinct characters (code points) of the labels. */
export function distinctCharacters(texts: readonly string[]): number {
  const characters = new Set<string>();
  for (const text of texts) for (const character of text) characters.add(character);
  return characters.size;
}
