import { describe, expect, it } from 'vitest';
import { datasetOf } from '../../tests/support/datasets.ts';
import {
  areaFigures,
  areaStatistics,
  wardFigure,
  wardStatistics,
} from '../../tests/support/figures.ts';
import { square } from '../../tests/support/wards.ts';
import { computeAreaFigures } from '../analysis/areaFigures.ts';
import { HOTSPOT_COLOURS } from '../analysis/palette.ts';
import type { AreaPriorities } from '../analysis/priorities.ts';
import { monthIndex } from '../data/calendar.ts';
import { CubeBuilder, timeSlot } from '../data/cube.ts';
import { buildWardTopology } from '../geo/wardBoundaries.ts';
import {
  type Area,
  type Bounds,
  decodeWardTopology,
  findArea,
  type WardFeature,
} from '../geo/wardSet.ts';
import { cameraFitting } from '../map/cameraFitting.ts';
import { wardColour } from '../map/mapContent.ts';
import {
  escapeXml,
  fitMercator,
  MAP_ATTRIBUTION,
  MAP_IMAGE_HEIGHT,
  MAP_IMAGE_WIDTH,
  mapBox,
  mapBoxFor,
  mapImageFor,
  mapSvg,
  NORTH_NOTE,
  priorityMapImage,
  refitRectangle,
  wrapText,
} from './mapSvg.ts';

describe('fitMercator', () => {
  it('fits a ward of 0.1° × 0.1° in London into a square box, centred, with the aspect kept', () => {
    const box = { x: 0, y: 0, width: 800, height: 800 };
    const project = fitMercator([-0.2, 51.5, -0.1, 51.6], box);
    // In Web Mercator the square of degrees is taller than wide by
    // (ln tan(45° + 51.6°/2) − ln tan(45° + 51.5°/2)) / (0.1° in radians) = 1.60815, about
    // 1 / cos 51.55°. The height fills the box (800) and the width is 800 / 1.60815 = 497.47,
    // centred: (800 − 497.47) / 2 = 151.27 on each side.
    const [westX, northY] = project([-0.2, 51.6]);
    const [eastX, southY] = project([-0.1, 51.5]);
    expect(northY).toBeCloseTo(0, 6);
    expect(southY).toBeCloseTo(800, 6);
    expect(westX).toBeCloseTo(151.27, 2);
    expect(eastX).toBeCloseTo(648.73, 2);
    expect((southY - northY) / (eastX - westX)).toBeCloseTo(1.60815, 4);
  });

  it('fits a wide area by its width, north up, inside an offset box', () => {
    const box = { x: 10, y: 20, width: 400, height: 300 };
    // At the equator a degree is (almost exactly) as tall as it is wide in Web Mercator:
    // 2° × 1° is 2:1, so the width fills 400 and the height is 200, centred: 20 + 50 = 70.
    const project = fitMercator([0, 0, 2, 1], box);
    const [left, top] = project([0, 1]);
    const [right, bottom] = project([2, 0]);
    expect(left).toBeCloseTo(10, 6);
    expect(right).toBeCloseTo(410, 6);
    expect(top).toBeCloseTo(70, 1);
    expect(bottom).toBeCloseTo(270, 1);
    // A point further north is higher on the page.
    expect(project([1, 0.9])[1]).toBeLessThan(project([1, 0.1])[1]);
  });

  it('draws a single point in the middle of the box', () => {
    const project = fitMercator([1, 51, 1, 51], { x: 0, y: 0, width: 100, height: 50 });
    expect(project([1, 51])).toEqual([50, 25]);
  });
});

describe('refitRectangle', () => {
  it('keeps each place of a map fitted to one box over the same place when fitted to another', () => {
    const bounds: Bounds = [-0.216, 51.478, -0.149, 51.531];
    // A wide box (an exported image's) and a squarer one (the PDF's), at other offsets.
    const from = { x: 16, y: 16, width: 692, height: 700 };
    const to = { x: 28, y: 90, width: 360, height: 290 };
    const moved = refitRectangle(bounds, from, to, from);
    for (const place of [
      [-0.216, 51.478],
      [-0.2, 51.5],
      [-0.149, 51.531],
    ] as [number, number][]) {
      const [u, v] = fitMercator(bounds, from)(place);
      const [x, y] = fitMercator(bounds, to)(place);
      // The same share of the way across and down the image in both.
      expect((x - moved.x) / moved.width).toBeCloseTo((u - from.x) / from.width, 9);
      expect((y - moved.y) / moved.height).toBeCloseTo((v - from.y) / from.height, 9);
    }
    // The image keeps its shape: 692 × 700 scaled by one factor.
    expect(moved.width / moved.height).toBeCloseTo(692 / 700, 9);
  });
});

describe('mapSvg', () => {
  const ward = (index: number, west: number): WardFeature => ({
    type: 'Feature',
    geometry: square(west, 51.5, 0.01),
    properties: { index },
  });
  const legend = {
    title: 'Number of offences (classes: Quantile)',
    entries: [
      { label: '0–4', colour: '#ffeda0', wards: 1 },
      { label: '5–9', colour: '#f03b20', wards: 1 },
    ],
  };
  const svg = mapSvg({
    features: [ward(0, -0.2), ward(1, -0.19)],
    colours: new Map([
      [0, '#ffeda0'],
      [1, '#f03b20'],
    ]),
    labels: [{ position: [-0.195, 51.505], text: "Earl's Court" }],
    bounds: [-0.2, 51.5, -0.18, 51.51],
    legend,
    heading: 'Kensington & Chelsea: <all>',
    description: 'Map of Kensington and Chelsea',
  });

  it('is an SVG image of the stated size with a name, the attribution and a north note', () => {
    expect(svg).toMatch(
      new RegExp(
        `^<svg xmlns="http://www.w3.org/2000/svg" width="${MAP_IMAGE_WIDTH}" height="${MAP_IMAGE_HEIGHT}" viewBox="0 0 1200 800" role="img"`,
      ),
    );
    expect(svg).toContain('<title>Map of Kensington and Chelsea</title>');
    expect(svg).toContain(escapeXml(MAP_ATTRIBUTION));
    expect(svg).toContain(
      'Contains OS data © Crown copyright and database right 2024; ONS, OGL v3',
    );
    expect(svg).toContain(NORTH_NOTE);
    // Text is escaped.
    expect(svg).toContain('Kensington &amp; Chelsea: &lt;all&gt;');
    expect(svg.endsWith('</svg>')).toBe(true);
  });

  it('names the wards at their label points, over a white halo', () => {
    const box = mapBox(1);
    const [x, y] = fitMercator([-0.2, 51.5, -0.18, 51.51], box)([-0.195, 51.505]);
    expect(svg).toContain(
      `<text x="${Math.round(x)}" y="${Math.round(y)}" font-size="15" text-anchor="middle">Earl&apos;s Court</text>`,
    );
    expect(svg).toMatch(
      /<g font-weight="600" stroke="#ffffff" stroke-width="3"[^>]*paint-order="stroke">/,
    );
  });

  it('fills each ward with its colour and keeps every point inside the map box', () => {
    const paths = [...svg.matchAll(/<path d="([^"]+)" fill="([^"]+)"\/>/g)];
    expect(paths.map((match) => match[2])).toEqual(['#ffeda0', '#f03b20']);
    const box = mapBox(1);
    for (const match of paths) {
      const points = (match[1] as string)
        .replace(/[MZ]/g, ' ')
        .trim()
        .split(/\s+/)
        .map((pair) => pair.split(',').map(Number) as [number, number]);
      expect(points).toHaveLength(5);
      for (const [x, y] of points) {
        expect(x).toBeGreaterThanOrEqual(box.x - 0.05);
        expect(x).toBeLessThanOrEqual(box.x + box.width + 0.05);
        expect(y).toBeGreaterThanOrEqual(box.y - 0.05);
        expect(y).toBeLessThanOrEqual(box.y + box.height + 0.05);
      }
    }
  });

  it('draws the legend: swatches in the class colours, labels and ward counts', () => {
    expect(svg).toContain('Number of offences (classes:');
    expect(svg).toMatch(/<rect [^>]*fill="#ffeda0"/);
    expect(svg).toMatch(/<rect [^>]*fill="#f03b20"/);
    expect(svg).toContain('>0–4</text>');
    expect(svg).toContain('>1 ward</text>');
    // No style attributes: a Content-Security-Policy without 'unsafe-inline' styles allows it.
    expect(svg).not.toContain('style=');
  });
});

describe('wrapText', () => {
  it('breaks at spaces within the width, a long word on its own line', () => {
    expect(wrapText('Rate per 1,000 residents aged 10–24', 16)).toEqual([
      'Rate per 1,000',
      'residents aged',
      '10–24',
    ]);
    expect(wrapText('Supercalifragilistic word', 5)).toEqual(['Supercalifragilistic', 'word']);
  });
});

describe('mapImageFor', () => {
  const kc = { lad: 'E09000020', ladName: 'Kensington and Chelsea', labelHint: null };
  const wards = decodeWardTopology(
    buildWardTopology([
      { code: 'E05000001', name: 'Abingdon', ...kc, geometry: square(-0.2, 51.5, 0.01) },
      { code: 'E05000002', name: 'Holland', ...kc, geometry: square(-0.19, 51.5, 0.01) },
      { code: 'E05000003', name: 'Campden', ...kc, geometry: square(-0.18, 51.5, 0.01) },
    ]),
  );
  const builder = new CubeBuilder();
  const month = monthIndex('2024-01') as number;
  builder.add('knife_crime', month, 'E05000001', timeSlot(0, 15), 2);
  builder.add('knife_crime', month, 'E05000002', timeSlot(0, 15), 5);
  builder.add('knife_crime', month, 'E05000003', timeSlot(0, 15), 9);
  const area = findArea(wards, 'E09000020') as Area;
  const figures = computeAreaFigures({
    wards,
    area,
    datasets: [datasetOf(builder.build())],
    populations: null,
    view: {
      area: 'E09000020',
      theme: 'knife_crime',
      from: null,
      to: null,
      measure: 'count',
      ward: null,
      time: null,
      classes: { method: 'equal-interval', count: 3, breaks: [] },
    },
  });

  it('uses the map colours of each ward and the legend of the map', () => {
    const image = mapImageFor(
      figures,
      wards,
      null,
      { mapMode: 'choropleth', measure: 'count' },
      null,
    );
    const svg = mapSvg(image);
    const fills = [...svg.matchAll(/<path d="[^"]+" fill="([^"]+)"\/>/g)].map((match) => match[1]);
    // Features in area order (codes E05000001..3: 2, 5 and 9 offences), coloured as on the map.
    expect(fills).toEqual(
      figures.wards
        .slice()
        .sort((a, b) => a.index - b.index)
        .map((figure) => wardColour(figure, figures)),
    );
    // Equal intervals of 2..9 in three classes: 2, 5 and 9 fall in the first, second and third.
    expect(fills).toEqual(['#ffeda0', '#feb24c', '#f03b20']);
    // Three wards: every one is named (in the figures' name order).
    expect(image.labels.map((label) => label.text)).toEqual(['Abingdon', 'Campden', 'Holland']);
    expect(image.legend.title).toBe('Number of offences (classes: Equal interval)');
    expect(image.description).toBe(
      'Map of Kensington and Chelsea: Knife crime. Number of offences (classes: Equal interval).',
    );
  });

  it('uses the hot spot colours in hot spot mode', () => {
    const statistics = areaStatistics(
      figures.wards.map((figure) =>
        wardStatistics({
          code: figure.code,
          hotspot: {
            z: null,
            pValue: null,
            qValue: null,
            hotspotClass: figure.code === 'E05000003' ? 'hot99' : 'none',
          },
        }),
      ),
    );
    const svg = mapSvg(
      mapImageFor(figures, wards, statistics, { mapMode: 'hotspots', measure: 'count' }, null),
    );
    const fills = [...svg.matchAll(/<path d="[^"]+" fill="([^"]+)"\/>/g)].map((match) => match[1]);
    expect(fills).toEqual([HOTSPOT_COLOURS.none, HOTSPOT_COLOURS.none, HOTSPOT_COLOURS.hot99]);
    expect(svg).toContain('Hot spot, 99% confidence');
  });
});

describe('the map image over a base map', () => {
  const ward: WardFeature = {
    type: 'Feature',
    geometry: square(-0.2, 51.5, 0.01),
    properties: { index: 0 },
  };
  const image = {
    features: [ward],
    colours: new Map([[0, '#f03b20']]),
    bounds: [-0.2, 51.5, -0.19, 51.51] as Bounds,
    legend: { title: 'Number of offences', entries: [] },
    heading: null,
    description: 'Map',
    labels: [],
  };
  const baseMap = {
    href: 'data:image/png;base64,AAAA',
    attribution: '© OpenStreetMap contributors',
    opacity: 0.6,
    box: mapBoxFor(null, '© OpenStreetMap contributors'),
  };

  it('draws the base map in the map box, under see-through wards, and credits it on a line of its own', () => {
    const svg = mapSvg({ ...image, baseMap });
    const box = mapBoxFor(null, baseMap.attribution);
    expect(svg).toContain(
      `<image href="data:image/png;base64,AAAA" x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" preserveAspectRatio="none"/>`,
    );
    expect(svg.indexOf('<image')).toBeLessThan(svg.indexOf('<path'));
    expect(svg).toContain('fill-opacity="0.6"');
    expect(svg).toContain('>Base map: © OpenStreetMap contributors</text>');
    expect(svg).toContain(escapeXml(MAP_ATTRIBUTION));
    // One footer line more than without a base map: the box is one line (18 px + 6) shorter.
    expect(mapBoxFor(null, null).height - box.height).toBe(24);
  });

  it('has no image, opacity or base map credit without one', () => {
    const svg = mapSvg(image);
    expect(svg).not.toContain('<image');
    expect(svg).not.toContain('fill-opacity');
    expect(svg).not.toContain('Base map:');
  });

  it('is fitted where MapLibre looks from cameraFitting, so the wards line up with the base map', () => {
    const box = mapBoxFor('A heading', baseMap.attribution);
    const bounds: Bounds = [-0.216, 51.478, -0.149, 51.531];
    const project = fitMercator(bounds, box);
    const { center, zoom } = cameraFitting(bounds, box.width, box.height);
    // MapLibre puts the centre in the middle of its canvas...
    const [x, y] = project(center);
    expect(x).toBeCloseTo(box.x + box.width / 2, 6);
    expect(y).toBeCloseTo(box.y + box.height / 2, 6);
    // ...at 512 * 2^zoom pixels round the world: a degree of longitude is that over 360.
    const [x1] = project([center[0] + 0.01, center[1]]);
    expect((x1 - x) / 0.01).toBeCloseTo((512 * 2 ** zoom) / 360, 6);
  });
});

describe('priorityMapImage', () => {
  const kc = { lad: 'E09000020', ladName: 'Kensington and Chelsea', labelHint: null };
  const wards = decodeWardTopology(
    buildWardTopology(
      ['Abingdon', 'Brompton', 'Campden', 'Dalgarno'].map((name, index) => ({
        code: `E0500000${index + 1}`,
        name,
        ...kc,
        geometry: square(-0.2 + index * 0.01, 51.5, 0.01),
      })),
    ),
  );
  const area = findArea(wards, 'E09000020') as Area;
  const figures = areaFigures({
    area,
    wards: wards.wards.map((ward) =>
      wardFigure({ index: ward.index, code: ward.code, name: ward.name }),
    ),
  });
  // Scores 1, 2, 3 and none (a ward with no figure in any theme).
  const priorities = {
    wards: wards.wards.map((ward) => ({ code: ward.code, name: ward.name, themes: [] })),
    rows: [1, 2, 3, null].map((score, ward) => ({
      ward,
      themeRanks: [],
      score,
      priority: score,
      tied: false,
      topThemes: 0,
    })),
  } as unknown as AreaPriorities;

  it('colours wards darker for higher priority, with a legend of scores and the names', () => {
    const image = priorityMapImage(figures, wards, priorities);
    // Three scores, three quantile classes of the negated scores -3, -2, -1 (whole numbers:
    // thresholds -2 and -1), YlOrRd 3: score 1 darkest, 3 lightest; no score grey.
    expect(wards.wards.map((ward) => image.colours.get(ward.index))).toEqual([
      '#f03b20',
      '#feb24c',
      '#ffeda0',
      '#d4d4d4',
    ]);
    expect(image.legend.entries).toEqual([
      { label: 'score 1.0 or less', colour: '#f03b20', wards: 1 },
      { label: 'score above 1.0, up to 2.0', colour: '#feb24c', wards: 1 },
      { label: 'score above 2.0', colour: '#ffeda0', wards: 1 },
      { label: 'No score', colour: '#d4d4d4', wards: 1 },
    ]);
    expect(image.labels.map((label) => label.text)).toEqual([
      'Abingdon',
      'Brompton',
      'Campden',
      'Dalgarno',
    ]);
    expect(mapSvg(image)).toContain('Priority score');
  });
});
