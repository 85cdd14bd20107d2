import { describe, expect, it } from 'vitest';
import {
  buildReport,
  DETAILED_REJECTIONS,
  describeNotRead,
  MAX_LISTED_REJECTIONS,
  notReadAmount,
  RejectionLog,
  rejectionReason,
} from './report.ts';

const account = { rowsRead: 0, blankRows: 0, lines: 1, notRead: null };

describe('RejectionLog', () => {
  it('counts rows rejected and set aside by reason, in order of first appearance', () => {
    const log = new RejectionLog();
    log.reject(2, 'Bad month', 'Month is not YYYY-MM: "x"');
    log.setAside(3, 'Borough total');
    log.reject(4, 'Bad month', 'Month is not YYYY-MM: "y"');
    log.reject(5, 'Unknown ward');
    const report = buildReport('f.csv', 'F', account, 0, log, []);
    expect(report.rejectedCount).toBe(3);
    expect(report.setAsideCount).toBe(1);
    expect(report.reasons).toEqual([
      { reason: 'Bad month', count: 2, setAside: false },
      { reason: 'Borough total', count: 1, setAside: true },
      { reason: 'Unknown ward', count: 1, setAside: false },
    ]);
    // The screen lists rejected rows, not the rows set aside; a row without a detail gives its
    // category.
    expect(report.rejected).toEqual([
      { row: 2, reason: 'Month is not YYYY-MM: "x"' },
      { row: 4, reason: 'Month is not YYYY-MM: "y"' },
      { row: 5, reason: 'Unknown ward' },
    ]);
    expect([...report.rejections.rows]).toEqual([2, 3, 4, 5]);
  });

  it('lists the rows in file order, whatever order they were logged in', () => {
    const log = new RejectionLog();
    log.reject(9, 'Quote not closed', 'The quote in row 9');
    log.reject(3, 'Bad month', 'Month in row 3');
    log.reject(5, 'Bad month', 'Month in row 5');
    const report = buildReport('f.csv', 'F', account, 0, log, []);
    expect([...report.rejections.rows]).toEqual([3, 5, 9]);
    expect([0, 1, 2].map((index) => rejectionReason(report, index))).toEqual([
      'Month in row 3',
      'Month in row 5',
      'The quote in row 9',
    ]);
  });

  it('lists the first 50 rejected rows on screen and keeps every one for the list', () => {
    const log = new RejectionLog();
    const total = DETAILED_REJECTIONS + 3;
    for (let row = 2; row < total + 2; row += 1) log.reject(row, 'Unknown ward', `Ward ${row}`);
    const report = buildReport('f.csv', 'F', account, 0, log, []);
    expect(report.rejected).toHaveLength(MAX_LISTED_REJECTIONS);
    expect(report.rejections.rows).toHaveLength(total);
    expect(rejectionReason(report, DETAILED_REJECTIONS - 1)).toBe(
      `Ward ${DETAILED_REJECTIONS + 1}`,
    );
    // Past the rows whose own reasons are kept, the category.
    expect(rejectionReason(report, DETAILED_REJECTIONS)).toBe('Unknown ward');
  });
});

describe('what was not read', () => {
  it('says how much, in rows at the average row length and in bytes', () => {
    const notRead = {
      cause: 'cancelled' as const,
      message: null,
      bytes: 580_400_000,
      estimatedRows: 16_782_001,
    };
    expect(notReadAmount(notRead)).toBe('about 16,782,001 rows (580 MB)');
    expect(describeNotRead(notRead)).toBe(
      'Loading was cancelled: the rest of the file, about 16,782,001 rows (580 MB), was not read.',
    );
    expect(
      describeNotRead({
        cause: 'stopped',
        message: 'Array buffer allocation failed',
        bytes: 1_500,
        estimatedRows: null,
      }),
    ).toBe(
      'Reading stopped (Array buffer allocation failed): the rest of the file, 2 kB, was not read.',
    );
    expect(notReadAmount({ cause: 'cancelled', message: null, bytes: 1, estimatedRows: 1 })).toBe(
      'about 1 row (1 byte)',
    );
  });
});
