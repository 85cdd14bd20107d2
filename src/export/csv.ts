/**
 * CSV that spreadsheets open safely and correctly: UTF-8 with a byte order mark (Excel otherwise
 * reads UTF-8 as Windows-1252 and mangles "Earl’s Court" or "–"), CRLF line ends (RFC 4180), and
 * no cell that a spreadsheet would run as a formula.
 */
export const BYTE_ORDER_MARK = '\uFEFF';

/**
 * Characters that make Excel, LibreOffice or Google Sheets read a cell as a formula (OWASP, "CSV
 * Injection"): = + - @, and tab or carriage return, which some importers strip before looking.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: a leading formula character gets a single quote in front (the OWASP remedy); a cell
 * with a comma, quote or line break is quoted, with its quotes doubled. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A whole file: byte order mark, then one line per row, each ended by CRLF. */
export function csvText(rows: readonly (readonly string[])[]): string {
  return `${BYTE_ORDER_MARK}${rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('')}`;
}
