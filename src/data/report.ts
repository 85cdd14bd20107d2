/**
 * What happened to each row of a loaded file. Bad rows never stop a load: they are counted by
 * reason, the first few are listed with their spreadsheet row number, and every valid row loads.
 */
export interface RejectedRow {
  /** Spreadsheet row number: the header is row 1, the first data row is row 2. */
  row: number;
  reason: string;
}

export interface LoadReport {
  fileName: string;
  /** Human name of the detected format, e.g. "Aggregated offences (native CSV v1)". */
  format: string;
  rowsRead: number;
  rowsLoaded: number;
  rejectedCount: number;
  /** The first rejected rows, in file order (at most MAX_LISTED_REJECTIONS). */
  rejected: RejectedRow[];
  /** Rejected rows per reason category. */
  rejectedByReason: Record<string, number>;
  /** Things the user should know that are not row errors (e.g. duplicate rows summed). */
  notes: string[];
}

export const MAX_LISTED_REJECTIONS = 50;

/** Collects rejections as a file streams through. */
export class RejectionLog {
  readonly rejected: RejectedRow[] = [];
  readonly byReason: Record<string, number> = {};
  count = 0;

  /** `category` groups rows for the summary; `detail` is the row-specific reason shown. */
  reject(row: number, category: string, detail: string = category): void {
    this.count += 1;
    this.byReason[category] = (this.byReason[category] ?? 0) + 1;
    if (this.rejected.length < MAX_LISTED_REJECTIONS) this.rejected.push({ row, reason: detail });
  }
}
