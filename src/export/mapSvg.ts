/**
 * The map as an SVG image, drawn from the ward outlines with a Web Mercator projection fitted to
 * the area: vector, so it stays sharp in print and PDF, and it needs no WebGL. The colours are the
 * map's own (mapContentFor) and the legend the map's legend (mapLegend). Colours are presentation
 * attributes, not style attributes, so the image is unaffected by a Content-Security-Policy that
 * forbids inline styles.
 */
import type { Position } from 'geojson';
import { type AreaFigures, DEFAULT_CLASS_COUNT, type Measure } from '../analysis/areaFigures.ts';
import { classIndex, classify } from '../analysis/classify.ts';
import { NO_DATA_COLOUR, sequentialPalette } from '../analysis/palette.ts';
import type { AreaPriorities } from '../analysis/priorities.ts';
import type { AreaStatistics } from '../analysis/wardStatistics.ts';
import { formatRate } from '../data/numberFormat.ts';
import type { Bounds, WardFeature, WardSet } from '../geo/wardSet.ts';
import { MAX_LABELLED_WARDS, mapContentFor } from '../map/mapContent.ts';
import { type MapLegend, mapLegend } from '../map/mapLegend.ts';
import type { MapMode } from '../map/mapView.ts';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Size of the image in CSS pixels (the PNG is drawn at twice this). */
export const MAP_IMAGE_WIDTH = 1200;
export const MAP_IMAGE_HEIGHT = 800;

export const NORTH_NOTE = 'North is up. Web Mercator projection.';
export const MAP_ATTRIBUTION =
  'Contains OS data © Crown copyright and database right 2024; ONS, OGL v3';

/** Web Mercator in radians: x east, y north (not yet flipped for the screen). */
export function mercator([longitude, latitude]: Position): [number, number] {
  const lambda = ((longitude as number) * Math.PI) / 180;
  const phi = ((latitude as number) * Math.PI) / 180;
  return [lambda, Math.log(Math.tan(Math.PI / 4 + phi / 2))];
}

/**
 * A projection that fits the bounds into the box, as large as it goes with the aspect kept,
 * centred along the other axis, north up (screen y grows downwards).
 */
/** Where the bounds fall in a box they are fitted to: the scale, and the left and top edges. */
function mercatorFit(bounds: Bounds, box: Box): { scale: number; left: number; top: number } {
  const [west, south] = mercator([bounds[0], bounds[1]]);
  const [east, north] = mercator([bounds[2], bounds[3]]);
  // An axis without extent (a single point, a line) does not limit the scale.
  const scales = [
    east > west ? box.width / (east - west) : Number.POSITIVE_INFINITY,
    north > south ? box.height / (north - south) : Number.POSITIVE_INFINITY,
  ];
  const scale = Math.min(...scales) === Number.POSITIVE_INFINITY ? 1 : Math.min(...scales);
  return {
    scale,
    left: box.x + (box.width - (east - west) * scale) / 2,
    top: box.y + (box.height - (north - south) * scale) / 2,
  };
}

export function fitMercator(bounds: Bounds, box: Box): (position: Position) => [number, number] {
  const [west] = mercator([bounds[0], bounds[1]]);
  const [, north] = mercator([bounds[2], bounds[3]]);
  const { scale, left, top } = mercatorFit(bounds, box);
  return (position) => {
    const [x, y] = mercator(position);
    return [left + (x - west) * scale, top + (north - y) * scale];
  };
}

/**
 * A rectangle of a map fitted to one box (a base map drawn for it), moved and scaled to where it
 * falls when the same bounds are fitted to another box: the places in it stay over the same wards.
 */
export function refitRectangle(bounds: Bounds, from: Box, to: Box, rectangle: Box): Box {
  const before = mercatorFit(bounds, from);
  const after = mercatorFit(bounds, to);
  const ratio = after.scale / before.scale;
  return {
    x: after.left + (rectangle.x - before.left) * ratio,
    y: after.top + (rectangle.y - before.top) * ratio,
    width: rectangle.width * ratio,
    height: rectangle.height * ratio,
  };
}

export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

/** Path data of a feature: one subpath per ring (holes are cut by the even-odd rule). */
/** A ward's outline as SVG path data, through a projection. */
export function pathData(
  feature: WardFeature,
  project: (position: Position) => [number, number],
): string {
  const polygons =
    feature.geometry.type === 'Polygon'
      ? [feature.geometry.coordinates]
      : feature.geometry.coordinates;
  const round = (value: number) => Math.round(value * 10) / 10;
  return polygons
    .flat()
    .map(
      (ring) =>
        `M${ring
          .map((position) => {
            const [x, y] = project(position);
            return `${round(x)},${round(y)}`;
          })
          .join(' ')}Z`,
    )
    .join('');
}

/** Words into lines of at most `width` characters (a long word gets a line of its own). */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** The base map under the wards, drawn by the map module for the map box (baseMapImage.ts). */
export interface BaseMapImage {
  /** A PNG as a data: URL, which an SVG drawn into an image may load (unlike any other URL). */
  href: string;
  attribution: string;
  /** The ward colours' opacity over it. */
  opacity: number;
  /** The map box it was drawn for, which it covers (mapBoxFor). */
  box: Box;
}

export interface MapImage {
  features: readonly WardFeature[];
  /** Fill colour by ward index (WardFeature.properties.index). */
  colours: ReadonlyMap<number, string>;
  /** Ward names at their label points; empty when the area has too many wards to label. */
  labels: { position: [number, number]; text: string }[];
  bounds: Bounds;
  legend: MapLegend;
  /** A title drawn above the map, for an image that must say what it shows on its own. */
  heading: string | null;
  /** The image's accessible name. */
  description: string;
  baseMap?: BaseMapImage | null;
}

const MARGIN = 16;
const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif';
const HEADING_SIZE = 26;
const TEXT_SIZE = 22;
const FOOTER_SIZE = 18;
const LABEL_SIZE = 15;
const LEGEND_WIDTH = 460;
const LEGEND_ROW = 34;

const HEADING_WIDTH = 80;

/** The area the wards are drawn in, below the heading's lines and above the footer's. */
export function mapBox(headingLines: number, footerLines = 2): Box {
  const top = MARGIN + headingLines * (HEADING_SIZE + 8);
  return {
    x: MARGIN,
    y: top,
    width: MAP_IMAGE_WIDTH - LEGEND_WIDTH - 3 * MARGIN,
    height: MAP_IMAGE_HEIGHT - top - footerLines * (FOOTER_SIZE + 6) - MARGIN - 4,
  };
}

/** The footer: the north note and the credits, the base map's on a line of its own. */
function footerLines(baseMapAttribution: string | null): string[] {
  return [
    NORTH_NOTE,
    MAP_ATTRIBUTION,
    ...(baseMapAttribution ? [`Base map: ${baseMapAttribution}`] : []),
  ];
}

/** The map box of an image with this heading, with or without a base map's credit. */
export function mapBoxFor(heading: string | null, baseMapAttribution: string | null): Box {
  return mapBox(
    heading ? wrapText(heading, HEADING_WIDTH).length : 0,
    footerLines(baseMapAttribution).length,
  );
}

export function mapSvg(image: MapImage): string {
  const heading = image.heading ? wrapText(image.heading, HEADING_WIDTH) : [];
  const baseMap = image.baseMap ?? null;
  const footer = footerLines(baseMap?.attribution ?? null);
  const box = mapBoxFor(image.heading, baseMap?.attribution ?? null);
  const project = fitMercator(image.bounds, box);
  const text = (x: number, y: number, size: number, content: string, attributes = '') =>
    `<text x="${x}" y="${y}" font-size="${size}"${attributes}>${escapeXml(content)}</text>`;

  const headingText = heading.map((line, index) =>
    text(
      MARGIN,
      MARGIN + (index + 1) * (HEADING_SIZE + 8) - 10,
      HEADING_SIZE,
      line,
      ' font-weight="700"',
    ),
  );
  const wards = image.features.map(
    (feature) =>
      `<path d="${pathData(feature, project)}" fill="${image.colours.get(feature.properties.index) ?? NO_DATA_COLOUR}"/>`,
  );

  // Names over the fills with a white halo (the stroke is painted first), legible on any class.
  const labels = image.labels.map(({ position, text: name }) => {
    const [x, y] = project(position);
    return text(Math.round(x), Math.round(y), LABEL_SIZE, name, ' text-anchor="middle"');
  });

  const legendX = MAP_IMAGE_WIDTH - LEGEND_WIDTH - MARGIN;
  const legendRight = MAP_IMAGE_WIDTH - MARGIN;
  const titleLines = wrapText(image.legend.title, 32);
  const legendTitle = titleLines.map((line, index) =>
    text(
      legendX,
      box.y + TEXT_SIZE + index * (TEXT_SIZE + 5),
      TEXT_SIZE,
      line,
      ' font-weight="700"',
    ),
  );
  const entriesTop = box.y + titleLines.length * (TEXT_SIZE + 5) + 16;
  const legendEntries = image.legend.entries.map((entry, index) => {
    const y = entriesTop + index * LEGEND_ROW;
    const wards = `${entry.wards} ${entry.wards === 1 ? 'ward' : 'wards'}`;
    return [
      `<rect x="${legendX}" y="${y}" width="30" height="24" fill="${entry.colour}" stroke="#3c3c3c" stroke-width="1"/>`,
      text(legendX + 42, y + 19, TEXT_SIZE, entry.label),
      text(legendRight, y + 19, TEXT_SIZE, wards, ' text-anchor="end"'),
    ].join('');
  });

  const footerY = MAP_IMAGE_HEIGHT - MARGIN;
  const footerText = footer.map((line, index) =>
    text(MARGIN, footerY - (footer.length - 1 - index) * (FOOTER_SIZE + 6), FOOTER_SIZE, line),
  );
  const baseMapImage = baseMap
    ? `<image href="${escapeXml(baseMap.href)}" x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" preserveAspectRatio="none"/>`
    : '';
  const wardOpacity = baseMap ? ` fill-opacity="${baseMap.opacity}"` : '';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${MAP_IMAGE_WIDTH}" height="${MAP_IMAGE_HEIGHT}" viewBox="0 0 ${MAP_IMAGE_WIDTH} ${MAP_IMAGE_HEIGHT}" role="img" font-family="${FONT}" fill="#1b1b1b">`,
    `<title>${escapeXml(image.description)}</title>`,
    `<rect width="${MAP_IMAGE_WIDTH}" height="${MAP_IMAGE_HEIGHT}" fill="#ffffff"/>`,
    ...headingText,
    baseMapImage,
    `<g stroke="#3c3c3c" stroke-width="1" stroke-linejoin="round" fill-rule="evenodd"${wardOpacity}>${wards.join('')}</g>`,
    `<g font-weight="600" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">${labels.join('')}</g>`,
    ...legendTitle,
    ...legendEntries,
    ...footerText,
    '</svg>',
  ].join('');
}

export interface MapView {
  mapMode: MapMode;
  measure: Measure;
}

/** The map of the current view, with the map's colours and legend. */
export function mapImageFor(
  figures: AreaFigures,
  wards: WardSet,
  statistics: AreaStatistics | null,
  view: MapView,
  heading: string | null,
  baseMap: BaseMapImage | null = null,
): MapImage {
  const content = mapContentFor(figures, wards, { ...view, statistics, suppressAt: null });
  const legend = mapLegend(figures, statistics, view.mapMode, view.measure);
  return {
    features: content.features,
    colours: content.colours,
    labels:
      content.features.length <= MAX_LABELLED_WARDS
        ? content.labels.map(({ position, text }) => ({ position, text }))
        : [],
    bounds: figures.area.bounds,
    legend,
    heading,
    description: `Map of ${figures.area.name}: ${figures.theme.label}. ${legend.title}.`,
    baseMap,
  };
}

/** Wards by priority score (the Priorities page): darker is a higher priority. */
export function priorityMapImage(
  figures: AreaFigures,
  wards: WardSet,
  priorities: AreaPriorities,
): MapImage {
  const scores = new Map(
    priorities.wards.map((ward, position) => [ward.code, priorities.rows[position]?.score ?? null]),
  );
  const known = [...scores.values()].filter((score): score is number => score !== null);
  // Lower scores first: classing the negated scores puts the first priorities in the top class.
  const classification =
    known.length > 0
      ? classify(
          known.map((score) => -score),
          Math.min(DEFAULT_CLASS_COUNT, known.length),
        )
      : null;
  const palette = classification ? sequentialPalette(classification.thresholds.length + 1) : [];
  const colours = new Map<number, string>();
  for (const ward of figures.wards) {
    const score = scores.get(ward.code) ?? null;
    colours.set(
      ward.index,
      score === null || !classification
        ? NO_DATA_COLOUR
        : (palette[classIndex(classification.thresholds, -score)] ?? NO_DATA_COLOUR),
    );
  }
  // Class k holds negated scores from threshold k - 1 to under threshold k: scores above the
  // k-th bound, up to the one before.
  const bounds = classification?.thresholds.map((threshold) => formatRate(-threshold)) ?? [];
  const labels = classification
    ? bounds.length === 0
      ? [`${formatRate(-classification.max)} to ${formatRate(-classification.min)}`]
      : [
          `above ${bounds[0]}`,
          ...bounds.slice(1).map((bound, index) => `above ${bound}, up to ${bounds[index]}`),
          `${bounds[bounds.length - 1]} or less`,
        ]
    : [];
  const entries = labels
    .map((label, index) => ({
      label: `score ${label}`,
      colour: palette[index] as string,
      wards: classification?.classCounts[index] ?? 0,
    }))
    .reverse();
  const unscored = figures.wards.filter((ward) => (scores.get(ward.code) ?? null) === null).length;
  if (unscored > 0) entries.push({ label: 'No score', colour: NO_DATA_COLOUR, wards: unscored });
  const features = figures.area.wardIndices.map((index) => wards.features[index] as WardFeature);
  return {
    features,
    colours,
    labels:
      features.length <= MAX_LABELLED_WARDS
        ? figures.wards.map((ward) => ({
            position: wards.wards[ward.index]?.label ?? [0, 0],
            text: ward.name,
          }))
        : [],
    bounds: figures.area.bounds,
    legend: {
      title: 'Priority score: the weighted mean of the ranks; lower is a higher priority',
      entries,
    },
    heading: null,
    description: `Map of ${figures.area.name}: wards by priority score, darker for higher priority.`,
  };
}
