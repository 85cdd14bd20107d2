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

/**
 * A negative number and nothing else: a hyphen-minus, digits, and at most one decimal point
 * followed by digits. Spreadsheets read it as a number, not a formula, so it is written as it is
 * (a quote would turn the number into text). Anything more ("-3+4", "-1,2", "-2+3+cmd|...")
 * is a formula or might be one, and is escaped.
 */
const NEGATIVE_NUMBER = /^-\d+(\.\d+)?$/;

/** One cell: a leading formula character gets a single quote in front (the OWASP remedy), except
 * in a plain negative number; a cell with a comma, quote or line break is quoted, with its quotes
 * doubled. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) && !NEGATIVE_NUMBER.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A whole file: byte order mark, then one line per row, each ended by CRLF. */
export function csvText(rows: readonly (readonly string[])[]): string {
  return `${BYTE_ORDER_MARK}${rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('')}`;
}
