import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildReport, DETAILED_REJECTIONS, RejectionLog } from '../data/report.ts';
import { BYTE_ORDER_MARK } from './csv.ts';
import { rejectedRowsCsvParts, rejectedRowsFileName } from './rejectedRowsCsv.ts';

const account = { rowsRead: 0, blankRows: 0, lines: 0, notRead: null };

describe('the list of rows not loaded', () => {
  it('lists every rejected and set-aside row with its reason, in file order, cells made safe', () => {
    const log = new RejectionLog();
    log.reject(3, 'Unknown ward', 'Unknown ward code "=HYPERLINK(1)"');
    log.setAside(4, 'Borough total');
    log.reject(7, 'Bad month');
    log.reject(9, 'Other', '=1+1');
    const report = buildReport('x.csv', 'Some format', account, 0, log, []);
    const text = rejectedRowsCsvParts(report, 'row').join('');
    expect(text.startsWith(BYTE_ORDER_MARK)).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual([
      'Row,Outcome,Reason',
      // Quotes inside a cell are doubled.
      '3,Rejected,"Unknown ward code ""=HYPERLINK(1)"""',
      '4,Set aside,Borough total',
      '7,Rejected,Bad month',
      // A cell a spreadsheet would run as a formula starts with a single quote (the OWASP remedy).
      "9,Rejected,'=1+1",
      '',
    ]);
  });

  it('lists millions of rows, the later ones by their reason category', () => {
    const log = new RejectionLog();
    const total = DETAILED_REJECTIONS + 25_000;
    for (let row = 2; row < total + 2; row += 1)
      log.reject(row, 'Unknown ward', `Unknown ward code "X${row}"`);
    const report = buildReport('x.csv', 'Some format', account, 0, log, []);
    const rows = Papa.parse<string[]>(rejectedRowsCsvParts(report, 'row').join('').slice(1), {
      skipEmptyLines: true,
    }).data;
    expect(rows).toHaveLength(total + 1);
    expect(rows[1]).toEqual(['2', 'Rejected', 'Unknown ward code "X2"']);
    // The last row with its own reason, and the first without.
    expect(rows[DETAILED_REJECTIONS]?.[2]).toBe(`Unknown ward code "X${DETAILED_REJECTIONS + 1}"`);
    expect(rows[DETAILED_REJECTIONS + 1]).toEqual([
      String(DETAILED_REJECTIONS + 2),
      'Rejected',
      'Unknown ward',
    ]);
    expect(rows.at(-1)?.[0]).toBe(String(total + 1));
  });

  it('names the file after the file loaded', () => {
    expect(rejectedRowsFileName('partner extract.csv')).toBe('partner extract-rows-not-loaded.csv');
    expect(rejectedRowsFileName('wards')).toBe('wards-rows-not-loaded.csv');
  });
});
