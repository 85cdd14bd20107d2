/**
 * Cuts the public data files down to the test fixtures (`tests/fixtures`): the rows of a few
 * boroughs, kept byte for byte (byte-order mark, line endings and quoting as published), so that
 * the end-to-end tests read real rows without the full files. Pure: the CLI is `cut-fixtures.ts`.
 */
import { splitCsv } from '../src/formats/population.ts';

/** A data row by column name. */
export type CsvRecord = Readonly<Record<string, string>>;

export interface CsvCut {
  text: string;
  /** Data rows read and kept (the header is not counted). */
  read: number;
  kept: number;
}

/**
 * Keeps the header and the data lines `keep` accepts, unchanged. One line is one row (none of
 * the files cut here has a line break inside a quoted cell); blank lines are dropped.
 */
export function cutCsv(text: string, keep: (row: CsvRecord) => boolean): CsvCut {
  const lines = text.split(/(?<=\n)/);
  const [headerLine = '', ...dataLines] = lines;
  const header = splitCsv(headerLine).header;
  const kept: string[] = [headerLine];
  let read = 0;
  for (const line of dataLines) {
    const cells = splitCsv(line).header;
    if (cells.every((cell) => cell.trim() === '')) continue;
    read += 1;
    if (keep(Object.fromEntries(header.map((name, index) => [name, cells[index] ?? ''])))) {
      kept.push(line);
    }
  }
  return { text: kept.join(''), read, kept: kept.length - 1 };
}
