/**
 * Excel workbooks (.xlsx, Office Open XML): the rows of one worksheet as text cells, read over
 * zipArchive.ts with a small scanner of the sheet XML, in a worker.
 *
 * Why not a spreadsheet library: the npm `xlsx` package is an old SheetJS release with published
 * advisories (prototype pollution, ReDoS) and no fixes on npm; exceljs and read-excel-file pull in
 * a zip library and an XML DOM and hold the whole sheet in memory. This reader needs none of that:
 * it reads only the parts a table needs (the workbook's sheet list, the shared strings, which
 * styles are dates, and the sheet's rows), streams the sheet, expands no entities beyond XML's
 * five and character references (no DTD, no external anything), and stops any part that
 * unzips past its limit.
 *
 * Cells become the text a CSV export of the sheet would hold, so the formats and the column
 * matching read both the same way: numbers as Excel stores them; cells formatted as dates as ISO
 * date-times in the workbook's wall time (`2025-01-10`, `2025-01-10T22:30:00`, or `22:30:00` for
 * a time alone); booleans as TRUE and FALSE; formulas as their last computed value.
 */
import { entryBytes, inflateEntry, type ZipEntry, ZipError, zipEntries } from './zipArchive.ts';

export interface Sheet {
  name: string;
  /** The worksheet's part in the archive. */
  path: string;
  hidden: boolean;
}

export interface Workbook {
  sheets: Sheet[];
  /** The 1904 date system (old Mac workbooks): serial 0 is 1 January 1904. */
  date1904: boolean;
  sharedStrings: string[];
  /** Style (cell format) indexes that show dates, and those that show a time alone. */
  dateStyles: ReadonlySet<number>;
  timeStyles: ReadonlySet<number>;
  entries: ZipEntry[];
}

/** Limits on the parts a workbook unzips to: a worksheet streams, so its limit is generous. */
const PART_LIMIT = 16 << 20;
const SHARED_STRINGS_LIMIT = 256 << 20;
const SHEET_LIMIT = 4 * 2 ** 30;

const ENTITIES: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

/** XML text to characters: the five entities, character references, and OOXML's `_x000D_`. */
export function xmlText(raw: string): string {
  return raw
    .replace(/&(?:#(\d+)|#x([0-9a-f]+)|(lt|gt|amp|quot|apos));/gi, (whole, decimal, hex, name) => {
      if (name) return ENTITIES[name.toLowerCase()] ?? whole;
      const code = decimal ? Number(decimal) : Number.parseInt(hex, 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    })
    .replace(/_x([0-9a-f]{4})_/gi, (_whole, hex) => String.fromCharCode(Number.parseInt(hex, 16)));
}

function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    found.set(match[1] as string, xmlText(match[2] ?? match[3] ?? ''));
  return found;
}

/** The text of a string item (`<si>`, `<is>`): its `<t>` runs, leaving phonetic runs out. */
function runText(xml: string): string {
  const withoutPhonetic = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let text = '';
  for (const match of withoutPhonetic.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g))
    text += xmlText(match[1] as string);
  return text;
}

/**
 * Complete `<tag ...>...</tag>` (or `<tag .../>`) elements in `text` from `start`, handed to
 * `onElement`; returns where the first incomplete one starts (or the end), to be kept for the
 * next chunk. `onElement` returning false stops the scan.
 */
function scanElements(
  text: string,
  tag: string,
  onElement: (element: string) => boolean,
): { rest: number; stopped: boolean } {
  const open = `<${tag}`;
  const close = `</${tag}>`;
  let at = 0;
  for (;;) {
    let begin = text.indexOf(open, at);
    while (begin >= 0 && !/[\s>/]/.test(text.charAt(begin + open.length))) {
      if (begin + open.length >= text.length) return { rest: begin, stopped: false };
      begin = text.indexOf(open, begin + 1);
    }
    if (begin < 0) return { rest: Math.max(at, text.length - open.length), stopped: false };
    const startEnd = text.indexOf('>', begin);
    if (startEnd < 0) return { rest: begin, stopped: false };
    let end: number;
    if (text.charAt(startEnd - 1) === '/') end = startEnd + 1;
    else {
      const closing = text.indexOf(close, startEnd);
      if (closing < 0) return { rest: begin, stopped: false };
      end = closing + close.length;
    }
    if (!onElement(text.slice(begin, end))) return { rest: end, stopped: true };
    at = end;
  }
}

/** Streams UTF-8 XML chunks through scanElements. */
class ElementStream {
  private readonly decoder = new TextDecoder('utf-8');
  private pending = '';
  stopped = false;
  private readonly tag: string;
  private readonly onElement: (element: string) => boolean;

  constructor(tag: string, onElement: (element: string) => boolean) {
    this.tag = tag;
    this.onElement = onElement;
  }

  push(chunk: Uint8Array): void {
    if (this.stopped) return;
    const text = this.pending + this.decoder.decode(chunk, { stream: true });
    const { rest, stopped } = scanElements(text, this.tag, this.onElement);
    this.stopped = stopped;
    this.pending = text.slice(rest);
  }
}

function findEntry(entries: readonly ZipEntry[], path: string): ZipEntry | undefined {
  return (
    entries.find((entry) => entry.name === path) ??
    entries.find((entry) => entry.name.toLowerCase() === path.toLowerCase())
  );
}

async function partText(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  path: string,
  limit = PART_LIMIT,
) {
  const entry = findEntry(entries, path);
  return entry ? new TextDecoder('utf-8').decode(await entryBytes(bytes, entry, limit)) : null;
}

/** A worksheet's path from the workbook relationship's target. */
function partPath(target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

/** Built-in number formats that show dates (14-17, 22, and the East Asian 27-36, 50-58) or a time
 * alone (18-21, 45-47). */
const BUILT_IN_DATES = new Set([
  14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);
const BUILT_IN_TIMES = new Set([18, 19, 20, 21, 32, 33, 45, 46, 47]);

/** Whether a format code shows a date or a time alone: its d, m, y, h, s outside quotes,
 * brackets (colours, conditions; but not [h] elapsed hours) and escapes. */
function formatKind(code: string): 'date' | 'time' | null {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '')
    .toLowerCase();
  if (/[dy]/.test(bare)) return 'date';
  if (/[hs]/.test(bare)) return 'time';
  return null;
}

function readStyles(xml: string | null): { dates: Set<number>; times: Set<number> } {
  const dates = new Set<number>();
  const times = new Set<number>();
  if (xml === null) return { dates, times };
  const custom = new Map<number, 'date' | 'time' | null>();
  for (const match of xml.matchAll(/<numFmt\b[^>]*>/g)) {
    const found = attributes(match[0]);
    custom.set(Number(found.get('numFmtId')), formatKind(found.get('formatCode') ?? ''));
  }
  const cellFormats = /<cellXfs\b[\s\S]*?<\/cellXfs>/.exec(xml)?.[0] ?? '';
  let index = 0;
  for (const match of cellFormats.matchAll(/<xf\b[^>]*>/g)) {
    const id = Number(attributes(match[0]).get('numFmtId') ?? 0);
    const kind = custom.has(id)
      ? custom.get(id)
      : BUILT_IN_DATES.has(id)
        ? 'date'
        : BUILT_IN_TIMES.has(id)
          ? 'time'
          : null;
    if (kind === 'date') dates.add(index);
    if (kind === 'time') times.add(index);
    index += 1;
  }
  return { dates, times };
}

export class WorkbookError extends Error {
  override name = 'WorkbookError';
}

/** Opens a workbook: its sheets, date system, shared strings and date styles. */
export async function openWorkbook(bytes: Uint8Array): Promise<Workbook> {
  let entries: ZipEntry[];
  try {
    entries = zipEntries(bytes);
  } catch (error) {
    if (error instanceof ZipError) throw new WorkbookError(error.message);
    throw error;
  }
  const workbookXml = await partText(bytes, entries, 'xl/workbook.xml');
  if (workbookXml === null) throw new WorkbookError('This zip archive is not an Excel workbook.');
  const relationships = new Map<string, string>();
  for (const match of (await partText(bytes, entries, 'xl/_rels/workbook.xml.rels'))?.matchAll(
    /<Relationship\b[^>]*>/g,
  ) ?? []) {
    const found = attributes(match[0]);
    relationships.set(found.get('Id') ?? '', found.get('Target') ?? '');
  }
  const sheets: Sheet[] = [];
  for (const match of workbookXml.matchAll(/<sheet\b[^>]*>/g)) {
    const found = attributes(match[0]);
    const target = relationships.get(found.get('r:id') ?? '');
    if (!target) continue;
    sheets.push({
      name: found.get('name') ?? `Sheet ${sheets.length + 1}`,
      path: partPath(target),
      hidden: (found.get('state') ?? 'visible') !== 'visible',
    });
  }
  if (sheets.length === 0) throw new WorkbookError('The workbook has no worksheet.');
  const date1904 = /<workbookPr\b[^>]*\bdate1904\s*=\s*["'](1|true)["']/i.test(workbookXml);

  const sharedStrings: string[] = [];
  const stringsEntry = findEntry(entries, 'xl/sharedStrings.xml');
  if (stringsEntry) {
    const stream = new ElementStream('si', (element) => {
      sharedStrings.push(runText(element));
      return true;
    });
    await inflateEntry(bytes, stringsEntry, SHARED_STRINGS_LIMIT, (chunk) => stream.push(chunk));
  }
  const { dates, times } = readStyles(await partText(bytes, entries, 'xl/styles.xml'));
  return { sheets, date1904, sharedStrings, dateStyles: dates, timeStyles: times, entries };
}

/** Column index of a cell reference: "A1" is 0, "AB7" is 27. */
function columnIndex(reference: string): number | null {
  const letters = /^([A-Z]{1,3})\d*$/i.exec(reference)?.[1];
  if (!letters) return null;
  let index = 0;
  for (const letter of letters.toUpperCase()) index = index * 26 + letter.charCodeAt(0) - 64;
  return index - 1;
}

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** A date-formatted number as ISO text in the workbook's wall time. */
function dateText(serial: number, date1904: boolean, timeAlone: boolean): string {
  // To the second, as Excel shows it: a stored 0.9375 is 22:30:00 give or take 1e-10.
  const seconds = Math.round(serial * 86_400);
  if (timeAlone || Math.abs(serial) < 1) {
    const time = new Date((((seconds * 1000) % DAY_MS) + DAY_MS) % DAY_MS);
    return time.toISOString().slice(11, 19);
  }
  const iso = new Date((date1904 ? EPOCH_1904 : EPOCH_1900) + seconds * 1000).toISOString();
  return seconds % 86_400 === 0 ? iso.slice(0, 10) : iso.slice(0, 19);
}

/** The cells of one `<row>` element as text, by column; `null` for a row that is not one. */
function rowCells(element: string, workbook: Workbook): string[] {
  const cells: string[] = [];
  let next = 0;
  for (const match of element.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const found = attributes(match[1] as string);
    const column = columnIndex(found.get('r') ?? '') ?? next;
    next = column + 1;
    const content = match[2] ?? '';
    const type = found.get('t') ?? 'n';
    const raw = /<v>([\s\S]*?)<\/v>/.exec(content)?.[1];
    let text = '';
    if (type === 'inlineStr') text = runText(/<is>([\s\S]*?)<\/is>/.exec(content)?.[1] ?? '');
    else if (raw === undefined) text = '';
    else if (type === 's') text = workbook.sharedStrings[Number(raw)] ?? '';
    else if (type === 'b') text = raw.trim() === '1' ? 'TRUE' : 'FALSE';
    else if (type === 'n') {
      const style = Number(found.get('s') ?? 0);
      const value = Number(raw);
      const isDate = workbook.dateStyles.has(style);
      const isTime = workbook.timeStyles.has(style);
      text =
        (isDate || isTime) && Number.isFinite(value)
          ? dateText(value, workbook.date1904, isTime)
          : raw.trim();
    } else text = xmlText(raw);
    // Column indexes come from the file: a cell far to the right is not a reason to build a
    // row of millions of cells.
    if (column > 16_383) continue;
    while (cells.length < column) cells.push('');
    cells[column] = text;
  }
  return cells;
}

export interface SheetReading {
  /** Called with each row, numbered as Excel numbers them (from 1); gaps come as empty rows.
   * Returning false stops the reading. */
  onRow(cells: string[]): boolean;
  /** Between steps: the share of the sheet read; resolves false to stop (a cancel). */
  onStep(fraction: number): Promise<boolean>;
}

/** Streams a worksheet's rows. */
export async function readSheet(
  bytes: Uint8Array,
  workbook: Workbook,
  sheet: Sheet,
  reading: SheetReading,
): Promise<void> {
  const entry = findEntry(workbook.entries, sheet.path);
  if (!entry)
    throw new WorkbookError(`The worksheet "${sheet.name}" is missing from the workbook.`);
  let lastRow = 0;
  const stream = new ElementStream('row', (element) => {
    const number = Number(attributes(/^<row\b[^>]*>/.exec(element)?.[0] ?? '').get('r'));
    const rowNumber = Number.isInteger(number) && number > lastRow ? number : lastRow + 1;
    // Rows Excel leaves out are blank rows: they keep the row numbers right.
    for (let gap = lastRow + 1; gap < rowNumber; gap += 1) if (!reading.onRow([])) return false;
    lastRow = rowNumber;
    return reading.onRow(rowCells(element, workbook));
  });
  await inflateEntry(
    bytes,
    entry,
    SHEET_LIMIT,
    (chunk) => stream.push(chunk),
    async (fraction) => !stream.stopped && (await reading.onStep(fraction)),
  );
}
