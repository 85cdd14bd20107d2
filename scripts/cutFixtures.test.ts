import { describe, expect, it } from 'vitest';
import { cutCsv } from './cutFixtures.ts';

describe('cutCsv', () => {
  it('keeps the header and the chosen lines exactly as published: BOM, CRLF and quotes', () => {
    const text =
      '\uFEFFWardCode,WardName,201004\r\n' +
      'E05009396,Golborne,3\r\n' +
      'E05000001,"Ham, Petersham & Richmond Riverside",1\r\n' +
      '\r\n' +
      'E05009394,Dalgarno,"1,204"\r\n';
    const cut = cutCsv(text, (row) => row.WardCode !== 'E05009394');
    expect(cut).toEqual({
      text:
        '\uFEFFWardCode,WardName,201004\r\n' +
        'E05009396,Golborne,3\r\n' +
        'E05000001,"Ham, Petersham & Richmond Riverside",1\r\n',
      read: 3,
      kept: 2,
    });
  });

  it('gives each row by column name, the quoted cell unquoted, a missing cell empty', () => {
    const rows: Record<string, string>[] = [];
    cutCsv('a,b,c\n1,"x, ""y""",3\n4,5\n', (row) => {
      rows.push({ ...row });
      return true;
    });
    expect(rows).toEqual([
      { a: '1', b: 'x, "y"', c: '3' },
      { a: '4', b: '5', c: '' },
    ]);
  });
});
