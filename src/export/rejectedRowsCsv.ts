/**
 * Every row of a loaded file that did not load, with its reason, as CSV: the screen lists the
 * first rejected rows, this lists them all (and the rows set aside on purpose). Made in parts so
 * that a list of millions of rows goes into a Blob without one enormous string.
 */
import { type LoadReport, rejectionReason } from '../data/report.ts';
import { BYTE_ORDER_MARK, csvCell } from './csv.ts';

/** Rows of CSV text per part. */
const ROWS_PER_PART = 10_000;

/** The list as parts of one CSV file (byte order mark, CRLF line ends, cells made safe). */
export function rejectedRowsCsvParts(report: LoadReport, unit: 'row' | 'feature'): string[] {
  const line = (cells: string[]) => `${cells.map(csvCell).join(',')}\r\n`;
  const parts = [
    `${BYTE_ORDER_MARK}${line([unit === 'row' ? 'Row' : 'Feature', 'Outcome', 'Reason'])}`,
  ];
  const { rows, reasons } = report.rejections;
  for (let start = 0; start < rows.length; start += ROWS_PER_PART) {
    let part = '';
    for (let index = start; index < Math.min(rows.length, start + ROWS_PER_PART); index += 1) {
      const setAside = report.reasons[reasons[index] as number]?.setAside === true;
      part += line([
        String(rows[index]),
        setAside ? 'Set aside' : 'Rejected',
        rejectionReason(report, index),
      ]);
    }
    parts.push(part);
  }
  return parts;
}

/** "extract.csv" -> "extract-rows-not-loaded.csv" */
export function rejectedRowsFileName(fileName: string): string {
  return `${fileName.replace(/\.[^.]*$/, '')}-rows-not-loaded.csv`;
}
