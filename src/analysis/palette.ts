/**
 * Colour-blind-safe sequential palettes (ColorBrewer YlOrRd, Cynthia Brewer, Penn State), light
 * for low values and dark for high ones. Values are never shown by colour alone: the table,
 * labels and tooltips carry the numbers.
 */
import type { HotspotClass } from './hotspots.ts';

const YL_OR_RD: Readonly<Record<number, readonly string[]>> = {
  1: ['#fd8d3c'],
  2: ['#fecc5c', '#e31a1c'],
  3: ['#ffeda0', '#feb24c', '#f03b20'],
  4: ['#ffffb2', '#fecc5c', '#fd8d3c', '#e31a1c'],
  5: ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'],
  6: ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#f03b20', '#bd0026'],
  7: ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#fc4e2a', '#e31a1c', '#b10026'],
  9: [
    '#ffffcc',
    '#ffeda0',
    '#fed976',
    '#feb24c',
    '#fd8d3c',
    '#fc4e2a',
    '#e31a1c',
    '#bd0026',
    '#800026',
  ],
};

/** Wards the loaded data does not cover. */
export const NO_DATA_COLOUR = '#d4d4d4';
/** Wards whose counts publication mode hides: white, apart from every class and from no data. */
export const SUPPRESSED_COLOUR = '#ffffff';
export const MIN_CLASSES = 1;
export const MAX_CLASSES = 7;

export function sequentialPalette(classes: number): readonly string[] {
  const palette = YL_OR_RD[Math.min(MAX_CLASSES, Math.max(MIN_CLASSES, classes))];
  if (!palette) throw new Error(`No palette for ${classes} classes`);
  return palette;
}

/** Heatmap cell colour: nine steps from zero to the largest cell; zero is white. */
export function heatColour(value: number, max: number): string {
  if (value <= 0 || max <= 0) return '#ffffff';
  const steps = YL_OR_RD[9] as readonly string[];
  const step = Math.min(steps.length - 1, Math.floor((value / max) * steps.length));
  return steps[step] as string;
}

export function hexToRgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** WCAG relative luminance of an sRGB colour. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = hexToRgb(hex).map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Black or white, whichever contrasts more with the background. */
export function textColourOn(background: string): '#000000' | '#ffffff' {
  const luminance = relativeLuminance(background);
  const contrastWithBlack = (luminance + 0.05) / 0.05;
  const contrastWithWhite = 1.05 / (luminance + 0.05);
  return contrastWithBlack >= contrastWithWhite ? '#000000' : '#ffffff';
}

/** Hot and cold spots: ColorBrewer RdBu, diverging and colour-blind safe; "none" is near white. */
export const HOTSPOT_COLOURS: Readonly<Record<HotspotClass, string>> = {
  hot99: '#b2182b',
  hot95: '#ef8a62',
  hot90: '#fddbc7',
  none: '#f7f7f7',
  cold90: '#d1e5f0',
  cold95: '#67a9cf',
  cold99: '#2166ac',
};
