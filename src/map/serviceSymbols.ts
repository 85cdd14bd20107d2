/**
 * A symbol per service type: a shape, a letter and a colour, so that types are told apart without
 * colour (the shape and letter carry the type; the colour only helps). Described as SVG paths so
 * that the map's icons (drawn on a canvas) and the legend (SVG) are the same drawing. Pure.
 */
import { relativeLuminance } from '../analysis/palette.ts';

/** Outline of gap wards (with a white line inside it), on the map and in its key. */
export const GAP_OUTLINE_COLOUR = '#1a1a1a';

/** The icons' drawing box, in canvas pixels. */
export const SYMBOL_BOX = 64;

export type SymbolShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'pentagon' | 'hexagon';

const SHAPES: readonly SymbolShape[] = [
  'circle',
  'square',
  'triangle',
  'diamond',
  'pentagon',
  'hexagon',
];

/**
 * Okabe and Ito's colours that people with common colour vision deficiencies tell apart, without
 * the orange, yellow and vermillion that the ward colours (yellow to red) already use.
 */
const COLOURS: readonly string[] = ['#0072b2', '#009e73', '#cc79a7', '#56b4e9', '#000000'];

export interface ServiceSymbol {
  shape: SymbolShape;
  /** Fill of a loaded service's symbol (#rrggbb). */
  colour: string;
  /** The type's first letter or digit, upper case. */
  letter: string;
  /** Letter colour with the better contrast on the fill. */
  letterColour: string;
  /** The shape's outline as an SVG path in the SYMBOL_BOX square. */
  path: string;
  /** Where the letter's centre goes in the box (lower in a triangle). */
  letterY: number;
}

function regularPolygon(sides: number, radius: number, centreY = SYMBOL_BOX / 2): string {
  const centre = SYMBOL_BOX / 2;
  const points = Array.from({ length: sides }, (_, index) => {
    // The first corner points up.
    const angle = -Math.PI / 2 + (index * 2 * Math.PI) / sides;
    return `${(centre + radius * Math.cos(angle)).toFixed(2)} ${(centreY + radius * Math.sin(angle)).toFixed(2)}`;
  });
  return `M ${points.join(' L ')} Z`;
}

/** Shapes of about the same visual weight, inside the box with room for a 3 px outline. */
export function shapePath(shape: SymbolShape): string {
  switch (shape) {
    case 'circle':
      return 'M 5 32 A 27 27 0 1 0 59 32 A 27 27 0 1 0 5 32 Z';
    case 'square':
      return 'M 8 8 H 56 V 56 H 8 Z';
    case 'triangle':
      return regularPolygon(3, 34, 40);
    case 'diamond':
      return regularPolygon(4, 30);
    case 'pentagon':
      return regularPolygon(5, 29, 34);
    case 'hexagon':
      return regularPolygon(6, 29);
  }
}

function letterOf(type: string): string {
  return (/[\p{L}\p{N}]/u.exec(type)?.[0] ?? '?').toUpperCase();
}

/** White or near-black, whichever stands out more on the fill (WCAG contrast). */
function letterColourOn(fill: string): string {
  const light = relativeLuminance(fill);
  const onWhite = 1.05 / (light + 0.05);
  const onBlack = (light + 0.05) / (relativeLuminance('#111111') + 0.05);
  return onWhite >= onBlack ? '#ffffff' : '#111111';
}

/** The symbol of the type at `index` in the sorted list of types. */
export function serviceSymbol(type: string, index: number): ServiceSymbol {
  const shape = SHAPES[index % SHAPES.length] as SymbolShape;
  const colour = COLOURS[index % COLOURS.length] as string;
  return {
    shape,
    colour,
    letter: letterOf(type),
    letterColour: letterColourOn(colour),
    path: shapePath(shape),
    letterY: shape === 'triangle' ? 44 : shape === 'pentagon' ? 36 : 34,
  };
}

/** The symbol of the types past those the device's icon atlas holds: a grey circle with a plus.
 * Grey (#767676) is no palette colour, and white on it passes 4.5:1. */
export const GENERIC_SYMBOL: ServiceSymbol = {
  shape: 'circle',
  colour: '#767676',
  letter: '+',
  letterColour: '#ffffff',
  path: shapePath('circle'),
  letterY: 34,
};

/**
 * How many of `typeCount` types have a symbol of their own: all of them when the atlas holds them,
 * otherwise all but one of the places it has, the last being the generic symbol's. Null
 * `maxTextureSize` (the map has not asked the GPU yet): all of them.
 */
export function ownSymbolCount(typeCount: number, maxTextureSize: number | null): number {
  if (maxTextureSize === null) return typeCount;
  const { fitted } = atlasLayout(typeCount, maxTextureSize);
  return fitted >= typeCount ? typeCount : Math.max(0, fitted - 1);
}

/** The symbol of the type at `index`: its own, or the generic one past the first `own` types. */
export function typeSymbol(type: string, index: number, own: number): ServiceSymbol {
  return index < own ? serviceSymbol(type, index) : GENERIC_SYMBOL;
}

/** Where the symbols sit in the map's icon atlas (a GPU texture). */
export interface AtlasLayout {
  columns: number;
  width: number;
  height: number;
  /** Symbols with a place: all of them unless the texture cannot hold them. */
  fitted: number;
}

/**
 * Symbols in rows of `columns`, each loaded symbol with its proposed one under it, in a texture
 * no side of which passes the device's `maxTextureSize`: a single row of 300 types (19,200 px)
 * draws black on a GPU that allows 16,384 or 8,192 px. Even WebGL 2's least (2,048 px) holds 512.
 */
export function atlasLayout(count: number, maxTextureSize: number): AtlasLayout {
  const columns = Math.max(1, Math.min(count, Math.floor(maxTextureSize / SYMBOL_BOX)));
  const rowPairs = Math.min(
    Math.ceil(count / columns),
    Math.floor(maxTextureSize / (2 * SYMBOL_BOX)),
  );
  return {
    columns,
    width: columns * SYMBOL_BOX,
    height: Math.max(1, rowPairs) * 2 * SYMBOL_BOX,
    fitted: Math.min(count, rowPairs * columns),
  };
}

/** The top-left corner of a symbol in the atlas. */
export function atlasPlace(
  layout: AtlasLayout,
  index: number,
  proposed: boolean,
): { x: number; y: number } {
  return {
    x: (index % layout.columns) * SYMBOL_BOX,
    y: (Math.floor(index / layout.columns) * 2 + (proposed ? 1 : 0)) * SYMBOL_BOX,
  };
}
