/**
 * The deck.gl layers of the Services page: catchment circles, the gap wards' outline and the
 * service symbols (an icon atlas drawn at run time on a canvas, so no image or font is fetched).
 */
import type { Layer, PickingInfo } from '@deck.gl/core';
import { GeoJsonLayer, IconLayer, ScatterplotLayer } from '@deck.gl/layers';
import { hexToRgb } from '../analysis/palette.ts';
import type { WardFeature } from '../geo/wardSet.ts';
import {
  atlasLayout,
  atlasPlace,
  GAP_OUTLINE_COLOUR,
  type ServiceSymbol,
  SYMBOL_BOX,
} from './serviceSymbols.ts';
import type { ServiceMapContent, ServiceMark } from './servicesMapContent.ts';

/** On-screen size of a symbol, in CSS pixels: above the 24 px a target needs to be seen. */
const SYMBOL_PIXELS = 28;
export const SYMBOL_LAYER_ID = 'service-symbols';
/** Outline of a gap ward: a wide dark line with a white one inside it, unlike the selected
 * ward's single black line. */
const GAP_OUTER_PIXELS = 9;
const GAP_INNER_PIXELS = 3;

const ICON_FONT = `bold 30px system-ui, "Segoe UI", Roboto, Arial, sans-serif`;

interface Atlas {
  canvas: HTMLCanvasElement;
  mapping: Record<string, { x: number; y: number; width: number; height: number; mask: boolean }>;
}

function iconId(mark: Pick<ServiceMark, 'symbol' | 'proposed'>): string {
  return `${mark.symbol}${mark.proposed ? '-proposed' : ''}`;
}

/** Each symbol drawn twice, one over the other (atlasLayout): for loaded services, filled in the
 * type's colour, and for proposed ones, white with a dashed outline. */
function drawAtlas(symbols: readonly ServiceSymbol[], maxTextureSize: number): Atlas {
  const layout = atlasLayout(symbols.length, maxTextureSize);
  const canvas = document.createElement('canvas');
  canvas.width = layout.width;
  canvas.height = layout.height;
  const context = canvas.getContext('2d');
  const mapping: Atlas['mapping'] = {};
  if (!context) return { canvas, mapping };
  symbols.slice(0, layout.fitted).forEach((symbol, index) => {
    for (const proposed of [false, true]) {
      const { x, y } = atlasPlace(layout, index, proposed);
      mapping[iconId({ symbol: index, proposed })] = {
        x,
        y,
        width: SYMBOL_BOX,
        height: SYMBOL_BOX,
        mask: false,
      };
      context.save();
      context.translate(x, y);
      const shape = new Path2D(symbol.path);
      context.lineJoin = 'round';
      // A white halo keeps the symbol clear of any ward colour.
      context.strokeStyle = '#ffffff';
      context.lineWidth = 7;
      context.stroke(shape);
      context.fillStyle = proposed ? '#ffffff' : symbol.colour;
      context.fill(shape);
      context.strokeStyle = '#111111';
      context.lineWidth = proposed ? 4 : 1.5;
      if (proposed) context.setLineDash([7, 5]);
      context.stroke(shape);
      context.setLineDash([]);
      context.font = ICON_FONT;
      context.textAlign = 'center';
      context.textBaseline = 'middle';
      context.fillStyle = proposed ? '#111111' : symbol.letterColour;
      context.fillText(symbol.letter, SYMBOL_BOX / 2, symbol.letterY);
      context.restore();
    }
  });
  return { canvas, mapping };
}

let lastAtlas: { key: string; atlas: Atlas } | null = null;

/** One atlas per set of symbols: redrawn only when the types change. */
function atlasFor(symbols: readonly ServiceSymbol[], maxTextureSize: number): Atlas {
  const key = `${maxTextureSize}:${symbols.map((symbol) => `${symbol.shape}${symbol.colour}${symbol.letter}`).join()}`;
  if (lastAtlas?.key !== key) lastAtlas = { key, atlas: drawAtlas(symbols, maxTextureSize) };
  return lastAtlas.atlas;
}

function rgbaOf(hex: string, alpha: number): [number, number, number, number] {
  return [...hexToRgb(hex), alpha];
}

/** Catchment circles (in metres on the ground), under the outlines and labels. */
export function catchmentLayers(content: ServiceMapContent | null): Layer[] {
  if (!content || content.marks.length === 0) return [];
  const colourOf = (mark: ServiceMark) => content.symbols[mark.symbol]?.colour ?? '#000000';
  return [
    new ScatterplotLayer<ServiceMark>({
      id: 'service-catchments',
      data: content.marks,
      getPosition: (mark) => mark.position,
      getRadius: content.reachMetres,
      radiusUnits: 'meters',
      filled: true,
      stroked: true,
      // A light tint, so that the ward colours read through where catchments overlap; the
      // outline marks the edge.
      getFillColor: (mark) => rgbaOf(colourOf(mark), mark.proposed ? 20 : 28),
      getLineColor: (mark) => (mark.proposed ? [17, 17, 17, 255] : rgbaOf(colourOf(mark), 230)),
      lineWidthUnits: 'pixels',
      getLineWidth: (mark) => (mark.proposed ? 3 : 2),
      updateTriggers: { getRadius: content.reachMetres },
    }),
  ];
}

/** Gap wards: a wide dark outline with a white line inside it. */
export function gapOutlineLayers(content: ServiceMapContent | null): Layer[] {
  if (!content || content.gapFeatures.length === 0) return [];
  const outline = (id: string, colour: [number, number, number, number], width: number) =>
    new GeoJsonLayer<WardFeature['properties']>({
      id,
      data: content.gapFeatures,
      filled: false,
      stroked: true,
      getLineColor: colour,
      lineWidthUnits: 'pixels',
      getLineWidth: width,
      lineJointRounded: true,
    });
  return [
    outline('gap-outline', rgbaOf(GAP_OUTLINE_COLOUR, 255), GAP_OUTER_PIXELS),
    outline('gap-outline-inner', [255, 255, 255, 255], GAP_INNER_PIXELS),
  ];
}

/** Service symbols, above everything but the device's position, in an atlas the GPU's largest
 * texture (`maxTextureSize`) holds. */
export function serviceSymbolLayers(
  content: ServiceMapContent | null,
  maxTextureSize: number,
): Layer[] {
  if (!content || content.marks.length === 0) return [];
  const atlas = atlasFor(content.symbols, maxTextureSize);
  return [
    new IconLayer<ServiceMark>({
      id: SYMBOL_LAYER_ID,
      // Symbols past what the texture holds have no icon (only past 512 types on any GPU).
      data: content.marks.filter((mark) => Object.hasOwn(atlas.mapping, iconId(mark))),
      pickable: true,
      // deck.gl turns a canvas into a texture (its prop type is "image"), though its types only
      // name URLs and textures; a data: URL would be fetched, which the CSP refuses.
      iconAtlas: atlas.canvas as unknown as string,
      iconMapping: atlas.mapping,
      getIcon: iconId,
      getPosition: (mark) => mark.position,
      getSize: SYMBOL_PIXELS,
      sizeUnits: 'pixels',
      updateTriggers: { getIcon: lastAtlas?.key },
    }),
  ];
}

/** The tooltip of a service symbol under the pointer, if it is one. */
export function serviceTooltipAt(info: PickingInfo): { text: string } | null {
  if (info.layer?.id !== SYMBOL_LAYER_ID) return null;
  const mark = info.object as ServiceMark | undefined;
  return mark ? { text: mark.tooltip } : null;
}
