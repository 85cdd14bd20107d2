import { describe, expect, it } from 'vitest';
import { BYTE_ORDER_MARK, csvCell, csvText } from './csv.ts';

describe('csvCell', () => {
  it('puts a single quote before every character that starts a formula', () => {
    expect(csvCell('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(csvCell('+44 20 7946 0000')).toBe("'+44 20 7946 0000");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    // A minus sign that starts a formula rather than a number.
    expect(csvCell('-3+4')).toBe("'-3+4");
    expect(csvCell("-2+3+cmd|' /C calc'!A0")).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(csvCell('-A1')).toBe("'-A1");
    expect(csvCell('-')).toBe("'-");
    expect(csvCell('-.5')).toBe("'-.5");
    expect(csvCell('-1e5')).toBe("'-1e5");
    expect(csvCell('-3.')).toBe("'-3.");
    expect(csvCell('\t=1+1')).toBe("'\t=1+1");
    // The carriage return also makes the cell quoted.
    expect(csvCell('\r=1+1')).toBe(`"'\r=1+1"`);
  });

  it('leaves plain negative numbers as numbers, for spreadsheets to read as numbers', () => {
    expect(csvCell('-3')).toBe('-3');
    expect(csvCell('-12.5')).toBe('-12.5');
    expect(csvCell('-0.25')).toBe('-0.25');
  });

  it('leaves ordinary text and the Unicode minus alone', () => {
    expect(csvCell('Golborne')).toBe('Golborne');
    expect(csvCell("Earl's Court")).toBe("Earl's Court");
    expect(csvCell('<5')).toBe('<5');
    expect(csvCell('−3')).toBe('−3');
    expect(csvCell('12.5')).toBe('12.5');
    expect(csvCell('')).toBe('');
    // A formula character later in the cell is harmless.
    expect(csvCell('A=B')).toBe('A=B');
  });

  it('quotes cells with commas, quotes or line breaks, doubling the quotes', () => {
    expect(csvCell('Ham, Petersham & Richmond Riverside')).toBe(
      '"Ham, Petersham & Richmond Riverside"',
    );
    expect(csvCell('the "Grove"')).toBe('"the ""Grove"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
    // Escaped and quoted: =HYPERLINK("x") -> '=HYPERLINK(""x"") inside quotes.
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-1,2')).toBe(`"'-1,2"`);
  });
});

describe('csvText', () => {
  it('starts with the byte order mark and ends every row with CRLF', () => {
    const text = csvText([
      ['Ward', 'Count'],
      ['St. Helen’s', '-3'],
      ['Stanley', '=1+1'],
      ['Queen’s Gate, North', '<5'],
    ]);
    expect(BYTE_ORDER_MARK).toBe('\uFEFF');
    expect(text).toBe(
      '\uFEFFWard,Count\r\nSt. Helen’s,-3\r\nStanley,\'=1+1\r\n"Queen’s Gate, North",<5\r\n',
    );
    // UTF-8 bytes: EF BB BF first.
    expect([...new TextEncoder().encode(text).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('writes an empty file as the byte order mark alone', () => {
    expect(csvText([])).toBe('\uFEFF');
  });
});
