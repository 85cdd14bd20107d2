/**
 * What happened to each row of a loaded file. Every row read is accounted for: it loaded, it was
 * rejected (an error, with its reason), or it was set aside (left out on purpose, with its reason:
 * a borough total beside the ward rows); rows after a cancel or a fatal error are counted as not
 * read. Bad rows never stop a load, and every valid row loads.
 */
export interface RejectedRow {
  /** Spreadsheet row number: the header is row 1, the first data row is row 2. */
  row: number;
  reason: string;
}

/** A data row with its spreadsheet row number (the header is row 1; blank rows count). */
export interface NumberedRow {
  row: number;
  cells: readonly string[];
}

export interface ReasonCount {
  reason: string;
  count: number;
  /** Left out on purpose, not an error. */
  setAside: boolean;
}

/** Every row rejected or set aside, in file order, compactly: a file can reject millions. */
export interface RejectionList {
  rows: Int32Array;
  /** Index of each row's reason in the report's `reasons`. */
  reasons: Uint16Array;
  /** The row's own reason, for the first DETAILED_REJECTIONS rows ('' when its category says
   * it all); later rows give their category. */
  details: string[];
}

/** The part of a file not read, after a cancel or a fatal error. */
export interface NotRead {
  cause: 'cancelled' | 'stopped';
  /** Why reading stopped, for a fatal error. */
  message: string | null;
  bytes: number;
  /** Rows in those bytes at the average row length of the part read; null when nothing was. */
  estimatedRows: number | null;
}

export interface LoadReport {
  fileName: string;
  /** Human name of the detected format, e.g. "Aggregated offences (native CSV v1)". */
  format: string;
  /** Rows read, blank lines apart: rowsLoaded + rejectedCount + setAsideCount. */
  rowsRead: number;
  rowsLoaded: number;
  rejectedCount: number;
  setAsideCount: number;
  /** Rows per reason, rejected and set aside, in order of first appearance. */
  reasons: ReasonCount[];
  /** The first rejected rows (errors, not rows set aside), for the screen. */
  rejected: RejectedRow[];
  /** Every row rejected or set aside, for the downloadable list. */
  rejections: RejectionList;
  /** Blank lines skipped (they hold no row). */
  blankRows: number;
  /** Lines of the file read, the header included: rows and blank lines, plus the line breaks
   * inside quoted cells. Null where the file has no lines (GeoJSON). */
  lines: number | null;
  notRead: NotRead | null;
  /** Things the user should know that are not row errors (e.g. duplicate rows summed). */
  notes: string[];
}

/** Rejected rows listed on screen; the rest are in the downloadable list. */
export const MAX_LISTED_REJECTIONS = 50;
/** Rows whose own reason is kept; later ones keep their category (a few MB of text at most). */
export const DETAILED_REJECTIONS = 100_000;

/** Collects rejections as a file streams through. */
export class RejectionLog {
  rejectedCount = 0;
  setAsideCount = 0;
  private rows = new Int32Array(1024);
  private reasonIndices = new Uint16Array(1024);
  private readonly details: string[] = [];
  private length = 0;
  private readonly reasons: ReasonCount[] = [];
  private readonly reasonIndex = new Map<string, number>();

  /** `category` groups rows for the summary; `detail` is the row-specific reason shown. */
  reject(row: number, category: string, detail: string = category): void {
    this.rejectedCount += 1;
    this.add(row, category, false, detail === category ? '' : detail);
  }

  /** A row left out on purpose; its category is its reason. */
  setAside(row: number, category: string): void {
    this.setAsideCount += 1;
    this.add(row, category, true, '');
  }

  /** Rows rejected and set aside. */
  get count(): number {
    return this.length;
  }

  private add(row: number, category: string, setAside: boolean, detail: string): void {
    let index = this.reasonIndex.get(category);
    if (index === undefined) {
      index = this.reasons.length;
      this.reasonIndex.set(category, index);
      this.reasons.push({ reason: category, count: 0, setAside });
    }
    (this.reasons[index] as ReasonCount).count += 1;
    if (this.length === this.rows.length) {
      const rows = new Int32Array(this.length * 2);
      rows.set(this.rows);
      this.rows = rows;
      const indices = new Uint16Array(this.length * 2);
      indices.set(this.reasonIndices);
      this.reasonIndices = indices;
    }
    this.rows[this.length] = row;
    this.reasonIndices[this.length] = index;
    if (this.details.length < DETAILED_REJECTIONS) this.details.push(detail);
    this.length += 1;
  }

  /**
   * The rows logged, in file order (a format that reads its rows at the end logs them after the
   * faults found while reading), as copies: each report has its own, as the worker hands their
   * buffers over.
   */
  private inFileOrder(): RejectionList {
    const count = this.length;
    const rows = this.rows.slice(0, count);
    const reasons = this.reasonIndices.slice(0, count);
    const details = [...this.details];
    let sorted = true;
    for (let index = 1; index < count && sorted; index += 1)
      sorted = (rows[index - 1] as number) <= (rows[index] as number);
    if (sorted) return { rows, reasons, details };
    const order = Array.from({ length: count }, (_, index) => index).sort(
      (a, b) => (rows[a] as number) - (rows[b] as number),
    );
    return {
      rows: Int32Array.from(order, (index) => rows[index] as number),
      reasons: Uint16Array.from(order, (index) => reasons[index] as number),
      // Details are kept for the first rows logged; sorted, they follow their rows.
      details: order.map((index) => details[index] ?? '').slice(0, DETAILED_REJECTIONS),
    };
  }

  /** The rows logged so far and their reasons, for a report. */
  summary(): Pick<
    LoadReport,
    'rejectedCount' | 'setAsideCount' | 'reasons' | 'rejected' | 'rejections'
  > {
    const summary = {
      rejectedCount: this.rejectedCount,
      setAsideCount: this.setAsideCount,
      reasons: this.reasons.map((reason) => ({ ...reason })),
      rejections: this.inFileOrder(),
    };
    return { ...summary, rejected: listedRejections(summary) };
  }
}

/** The reason of the rejection at `index` of the list: its own, or its category's. */
export function rejectionReason(
  report: Pick<LoadReport, 'reasons' | 'rejections'>,
  index: number,
): string {
  const detail = report.rejections.details[index];
  if (detail) return detail;
  return (report.reasons[report.rejections.reasons[index] as number] as ReasonCount).reason;
}

function listedRejections(
  report: Pick<LoadReport, 'reasons' | 'rejections'>,
  limit = MAX_LISTED_REJECTIONS,
): RejectedRow[] {
  const listed: RejectedRow[] = [];
  const { rows, reasons } = report.rejections;
  for (let index = 0; index < rows.length && listed.length < limit; index += 1) {
    if ((report.reasons[reasons[index] as number] as ReasonCount).setAside) continue;
    listed.push({ row: rows[index] as number, reason: rejectionReason(report, index) });
  }
  return listed;
}

/** What a reader adds to a report: rows loaded, the log, notes. The rest comes from reading. */
export interface ReadAccount {
  rowsRead: number;
  blankRows: number;
  lines: number | null;
  notRead: NotRead | null;
}

/** Rows per reason as an object (own properties, whatever the reason's words), for tests. */
export function reasonCounts(report: Pick<LoadReport, 'reasons'>): Record<string, number> {
  return Object.fromEntries(report.reasons.map(({ reason, count }) => [reason, count]));
}

export function buildReport(
  fileName: string,
  format: string,
  account: ReadAccount,
  rowsLoaded: number,
  log: RejectionLog,
  notes: string[],
): LoadReport {
  return { fileName, format, ...account, rowsLoaded, ...log.summary(), notes };
}

function wholeNumber(value: number): string {
  return value.toLocaleString('en-GB');
}

/** "580 MB", "12 kB", "900 bytes" */
function byteSize(bytes: number): string {
  if (bytes >= 1e6) return `${wholeNumber(Math.round(bytes / 1e6))} MB`;
  if (bytes >= 1e3) return `${wholeNumber(Math.round(bytes / 1e3))} kB`;
  return `${wholeNumber(bytes)} ${bytes === 1 ? 'byte' : 'bytes'}`;
}

/** "about 15,062 rows (580 MB)", or the size alone when nothing was read to measure rows by. */
export function notReadAmount(notRead: NotRead): string {
  const size = byteSize(notRead.bytes);
  if (notRead.estimatedRows === null) return size;
  const rows = notRead.estimatedRows;
  return `about ${wholeNumber(rows)} ${rows === 1 ? 'row' : 'rows'} (${size})`;
}

/** Why and how much of a file was not read, as a sentence. */
export function describeNotRead(notRead: NotRead): string {
  const why =
    notRead.cause === 'cancelled'
      ? 'Loading was cancelled'
      : `Reading stopped${notRead.message ? ` (${notRead.message})` : ''}`;
  return `${why}: the rest of the file, ${notReadAmount(notRead)}, was not read.`;
}
