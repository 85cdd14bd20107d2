/**
 * The briefing as a PDF file, in one click: the same content as the printed sheet (the view, the
 * map with ward names and its legend, the top wards with intervals and hot spots, why the first
 * wards are there, the hours of the week, the sources and the protective marking at the head and
 * foot), laid out on one A4 landscape page with pdf-lib. Everything is drawn as vector shapes and
 * PDF's built-in Helvetica, so the file embeds no font and needs nothing from the network; the
 * base map, when one is shown, is the PNG the briefing already drew of it in the browser.
 */
import {
  beginMarkedContent,
  clip,
  endMarkedContent,
  endPath,
  LineJoinStyle,
  PDFDocument,
  type PDFFont,
  type PDFImage,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  StandardFonts,
  setLineJoin,
  setLineWidth,
  setStrokingRgbColor,
  setTextRenderingMode,
  TextRenderingMode,
} from 'pdf-lib';
import { hexToRgb } from '../analysis/palette.ts';
import type { BriefingContent } from './briefing.ts';
import { type Box, fitMercator, type MapImage, pathData, refitRectangle } from './mapSvg.ts';

/** A4 landscape, in points. */
export const PAGE_WIDTH = 841.89;
export const PAGE_HEIGHT = 595.28;
const MARGIN = 28;
const GUTTER = 18;
const LEFT_WIDTH = 360;
const RIGHT_X = MARGIN + LEFT_WIDTH + GUTTER;
const RIGHT_WIDTH = PAGE_WIDTH - MARGIN - RIGHT_X;

const INK = rgb(0.07, 0.07, 0.07);
const MUTED = rgb(0.3, 0.31, 0.32);
const RULE = rgb(0.69, 0.71, 0.71);

/**
 * Characters outside Helvetica's Windows-1252 encoding, in words a reader understands; any other
 * such character becomes "?" rather than failing the file.
 */
const OUTSIDE_WIN_ANSI: Readonly<Record<string, string>> = {
  '▲': 'up',
  '▼': 'down',
  '−': '-',
  '≥': '>=',
  '≤': '<=',
  '→': '->',
  '\u2009': ' ',
  '\u202f': ' ',
};

function colourOf(hex: string) {
  const [red, green, blue] = hexToRgb(hex);
  return rgb(red / 255, green / 255, blue / 255);
}

/** Draws text top-down: `top` is the distance from the page's top edge to the text's top. */
class Sheet {
  private readonly page: PDFPage;
  readonly regular: PDFFont;
  readonly bold: PDFFont;

  constructor(page: PDFPage, regular: PDFFont, bold: PDFFont) {
    this.page = page;
    this.regular = regular;
    this.bold = bold;
  }

  printable(text: string): string {
    return [...text]
      .map((character) => {
        const replacement = OUTSIDE_WIN_ANSI[character];
        if (replacement !== undefined) return replacement;
        try {
          this.regular.encodeText(character);
          return character;
        } catch {
          return '?';
        }
      })
      .join('');
  }

  width(text: string, size: number, font = this.regular): number {
    return font.widthOfTextAtSize(this.printable(text), size);
  }

  /** Words into lines no wider than `width` points. */
  lines(text: string, size: number, width: number, font = this.regular): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(/\s+/).filter(Boolean)) {
      const next = line === '' ? word : `${line} ${word}`;
      if (line !== '' && this.width(next, size, font) > width) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    if (line !== '') lines.push(line);
    return lines;
  }

  text(
    text: string,
    x: number,
    top: number,
    size: number,
    options: { font?: PDFFont; colour?: ReturnType<typeof rgb>; maxWidth?: number } = {},
  ): void {
    const font = options.font ?? this.regular;
    let shown = this.printable(text);
    // A cell too narrow for its text is cut with an ellipsis rather than overrun its neighbour.
    if (options.maxWidth !== undefined) {
      while (shown.length > 1 && font.widthOfTextAtSize(shown, size) > options.maxWidth)
        shown = `${shown.slice(0, -2)}…`;
    }
    this.page.drawText(shown, {
      x,
      y: PAGE_HEIGHT - top - size * 0.8,
      size,
      font,
      color: options.colour ?? INK,
    });
  }

  /** Wrapped text from `top`; returns the top of what follows it. */
  paragraph(
    text: string,
    x: number,
    top: number,
    size: number,
    width: number,
    options: { font?: PDFFont; colour?: ReturnType<typeof rgb> } = {},
  ): number {
    const lineHeight = size * 1.25;
    const lines = this.lines(text, size, width, options.font);
    lines.forEach((line, index) => {
      this.text(line, x, top + index * lineHeight, size, options);
    });
    return top + lines.length * lineHeight;
  }

  box(x: number, top: number, width: number, height: number, fill: string | null): void {
    this.page.drawRectangle({
      x,
      y: PAGE_HEIGHT - top - height,
      width,
      height,
      ...(fill ? { color: colourOf(fill) } : {}),
      borderColor: RULE,
      borderWidth: 0.5,
    });
  }

  rule(x: number, top: number, width: number): void {
    this.page.drawLine({
      start: { x, y: PAGE_HEIGHT - top },
      end: { x: x + width, y: PAGE_HEIGHT - top },
      thickness: 0.5,
      color: RULE,
    });
  }

  /** SVG path data in page points, y down from the top edge; `opacity` of the fill. */
  path(path: string, fill: string, opacity = 1): void {
    this.page.drawSvgPath(path, {
      x: 0,
      y: PAGE_HEIGHT,
      color: colourOf(fill),
      opacity,
      borderColor: rgb(1, 1, 1),
      borderWidth: 0.4,
    });
  }

  /**
   * Text with a white halo, legible over any ward colour or base map: the outline stroked first,
   * the letters filled over it. The outline is marked as an artifact, so that a reader of the
   * file's text finds the name once.
   */
  haloText(text: string, x: number, top: number, size: number, font: PDFFont): void {
    this.page.pushOperators(
      beginMarkedContent('Artifact'),
      pushGraphicsState(),
      setTextRenderingMode(TextRenderingMode.Outline),
      setStrokingRgbColor(1, 1, 1),
      setLineWidth(size * 0.3),
      setLineJoin(LineJoinStyle.Round),
    );
    this.text(text, x, top, size, { font });
    this.page.pushOperators(popGraphicsState(), endMarkedContent());
    this.text(text, x, top, size, { font });
  }

  /** An image in a box (y down from the top edge), cut to the clip box. */
  image(image: PDFImage, box: Box, clipBox: Box): void {
    this.page.pushOperators(
      pushGraphicsState(),
      rectangle(clipBox.x, PAGE_HEIGHT - clipBox.y - clipBox.height, clipBox.width, clipBox.height),
      clip(),
      endPath(),
    );
    this.page.drawImage(image, {
      x: box.x,
      y: PAGE_HEIGHT - box.y - box.height,
      width: box.width,
      height: box.height,
    });
    this.page.pushOperators(popGraphicsState());
  }
}

function drawMap(
  sheet: Sheet,
  map: MapImage,
  baseMap: PDFImage | null,
  top: number,
  height: number,
): number {
  const box = { x: MARGIN, y: top, width: LEFT_WIDTH, height };
  const project = fitMercator(map.bounds, box);
  // The base map was drawn for the exported image's map box: moved and scaled to where that box
  // falls here, and cut to this one.
  if (baseMap && map.baseMap)
    sheet.image(baseMap, refitRectangle(map.bounds, map.baseMap.box, box, map.baseMap.box), box);
  const opacity = baseMap ? (map.baseMap?.opacity ?? 1) : 1;
  for (const feature of map.features)
    sheet.path(
      pathData(feature, project),
      map.colours.get(feature.properties.index) ?? '#d4d4d4',
      opacity,
    );
  for (const label of map.labels) {
    const [x, y] = project(label.position);
    const size = 5.5;
    const left = x - sheet.width(label.text, size, sheet.bold) / 2;
    sheet.haloText(label.text, left, y - size / 2, size, sheet.bold);
  }
  let below = top + height + 6;
  if (baseMap && map.baseMap)
    below = sheet.paragraph(`Base map: ${map.baseMap.attribution}`, MARGIN, below, 6, LEFT_WIDTH, {
      colour: MUTED,
    });
  below = sheet.paragraph(map.legend.title, MARGIN, below, 7.5, LEFT_WIDTH, {
    font: sheet.bold,
  });
  // Two columns of legend entries keep the map large.
  const rows = Math.ceil(map.legend.entries.length / 2);
  map.legend.entries.forEach((entry, index) => {
    const x = MARGIN + (index < rows ? 0 : LEFT_WIDTH / 2);
    const rowTop = below + 2 + (index % rows) * 11;
    sheet.box(x, rowTop, 14, 8, entry.colour);
    sheet.text(
      `${entry.label} (${entry.wards} ${entry.wards === 1 ? 'ward' : 'wards'})`,
      x + 18,
      rowTop,
      7,
      { maxWidth: LEFT_WIDTH / 2 - 22 },
    );
  });
  below += 2 + rows * 11;
  return below;
}

const COLUMNS: { header: (content: BriefingContent) => string; width: number; numeric: boolean }[] =
  [
    { header: () => 'Rank', width: 26, numeric: true },
    { header: () => 'Ward', width: 104, numeric: false },
    { header: () => 'Count', width: 36, numeric: true },
    { header: (content) => content.rateHeader, width: 52, numeric: true },
    { header: (content) => content.intervalHeader, width: 62, numeric: true },
    { header: () => 'Change', width: 68, numeric: true },
    { header: () => 'Hot spot', width: 46, numeric: false },
  ];

function drawTopWards(sheet: Sheet, content: BriefingContent, top: number): number {
  const size = 7.5;
  const scale = RIGHT_WIDTH / COLUMNS.reduce((sum, column) => sum + column.width, 0);
  const widths = COLUMNS.map((column) => column.width * scale);
  const cells = (values: string[], rowTop: number, font: PDFFont) => {
    let x = RIGHT_X;
    values.forEach((value, index) => {
      const width = (widths[index] as number) - 4;
      const numeric = COLUMNS[index]?.numeric ?? false;
      const shown = Math.min(sheet.width(value, size, font), width);
      sheet.text(value, numeric ? x + width - shown : x, rowTop, size, { font, maxWidth: width });
      x += widths[index] as number;
    });
  };
  // Headers may be long ("95% interval of the rate per 1,000 per year"): three lines at most.
  let headerLines = 1;
  let x = RIGHT_X;
  COLUMNS.forEach((column, index) => {
    const lines = sheet.lines(
      column.header(content),
      6.5,
      (widths[index] as number) - 4,
      sheet.bold,
    );
    headerLines = Math.max(headerLines, Math.min(3, lines.length));
    lines.slice(0, 3).forEach((line, row) => {
      sheet.text(line, x, top + row * 8, 6.5, {
        font: sheet.bold,
        maxWidth: (widths[index] as number) - 4,
      });
    });
    x += widths[index] as number;
  });
  let rowTop = top + headerLines * 8 + 3;
  sheet.rule(RIGHT_X, rowTop - 1.5, RIGHT_WIDTH);
  for (const row of content.topWards) {
    const change =
      row.change === null ? '–' : `${row.change.text}${row.change.significant ? '*' : ''}`;
    cells(
      [row.rank, row.ward, row.count, row.rate, row.interval, change, row.hotspot],
      rowTop,
      sheet.regular,
    );
    rowTop += 10.5;
  }
  sheet.rule(RIGHT_X, rowTop - 1.5, RIGHT_WIDTH);
  const note = [
    `${content.changeHeader}; * significant at the 5% level; = marks a tie.`,
    content.rankNote ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  return sheet.paragraph(note, RIGHT_X, rowTop + 2, 6.5, RIGHT_WIDTH, { colour: MUTED });
}

function drawHeatmap(sheet: Sheet, content: BriefingContent, top: number): number {
  if (content.heatmap === null) {
    return sheet.paragraph(
      `When offences happen: the data for ${content.theme} has no time of day.`,
      MARGIN,
      top,
      7,
      LEFT_WIDTH,
      { colour: MUTED },
    );
  }
  let below = sheet.paragraph(
    `When offences happen, by hour and day of the week. ${content.heatmapScope}.`,
    MARGIN,
    top,
    7,
    LEFT_WIDTH,
    { font: sheet.bold },
  );
  const dayWidth = 22;
  const cell = (LEFT_WIDTH - dayWidth) / 24;
  for (let hour = 0; hour < 24; hour += 3)
    sheet.text(String(hour).padStart(2, '0'), MARGIN + dayWidth + hour * cell, below, 5.5, {
      colour: MUTED,
    });
  below += 7;
  for (const row of content.heatmap) {
    sheet.text(row.day.slice(0, 3), MARGIN, below + 0.5, 5.5);
    row.cells.forEach((value, hour) => {
      sheet.box(MARGIN + dayWidth + hour * cell, below, cell, 7, value.background);
    });
    below += 7;
  }
  return below;
}

/** The briefing as the bytes of a one-page PDF. */
export async function briefingPdf(content: BriefingContent, map: MapImage): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const title = `Briefing: ${content.theme} in ${content.area}`;
  document.setTitle(title);
  document.setSubject(`${content.marking}. ${content.period}.`);
  document.setCreator('Ward hotspot dashboard');
  const page = document.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
  const sheet = new Sheet(
    page,
    await document.embedFont(StandardFonts.Helvetica),
    await document.embedFont(StandardFonts.HelveticaBold),
  );
  const marking = (top: number) =>
    sheet.text(
      content.marking,
      (PAGE_WIDTH - sheet.width(content.marking, 10, sheet.bold)) / 2,
      top,
      10,
      { font: sheet.bold },
    );
  marking(12);
  marking(PAGE_HEIGHT - 22);

  let top = sheet.paragraph(title, MARGIN, 30, 15, PAGE_WIDTH - 2 * MARGIN, { font: sheet.bold });
  if (content.synthetic)
    top = sheet.paragraph('Synthetic demo data: not real offences.', MARGIN, top + 1, 8, 400, {
      font: sheet.bold,
      colour: rgb(0.6, 0.1, 0.1),
    });
  top = sheet.paragraph(
    `Period: ${content.period}. Measure: ${content.measure}. Theme: ${content.theme}. ${content.themeDefinition}`,
    MARGIN,
    top + 3,
    7.5,
    PAGE_WIDTH - 2 * MARGIN,
  );
  const bodyTop = top + 8;

  // Left: the map (over its base map, if one is shown), its legend and the hours of the week.
  const baseMap = map.baseMap ? await document.embedPng(map.baseMap.href) : null;
  const afterMap = drawMap(sheet, map, baseMap, bodyTop, 290);
  drawHeatmap(sheet, content, afterMap + 6);

  // Right: the top wards and why the first of them are there.
  let right = drawTopWards(sheet, content, bodyTop);
  right = sheet.paragraph('Why these wards', RIGHT_X, right + 6, 8.5, RIGHT_WIDTH, {
    font: sheet.bold,
  });
  for (const reason of content.reasons) {
    sheet.text('•', RIGHT_X, right + 1, 7);
    right = sheet.paragraph(reason, RIGHT_X + 8, right + 1, 7, RIGHT_WIDTH - 8);
  }

  // Foot: sources, when it was made, disclosure control.
  const foot = [content.publication, `Sources: ${content.sources.join(' ')}`, content.generated]
    .filter(Boolean)
    .join(' ');
  const footLines = sheet.lines(foot, 6, PAGE_WIDTH - 2 * MARGIN);
  sheet.paragraph(
    foot,
    MARGIN,
    PAGE_HEIGHT - 30 - footLines.length * 7.5,
    6,
    PAGE_WIDTH - 2 * MARGIN,
    { colour: MUTED },
  );
  return document.save();
}
