import { describe, expect, it } from 'vitest';
import { datasetOf } from '../../tests/support/datasets.ts';
import { monthIndex } from '../data/calendar.ts';
import { CubeBuilder, UNKNOWN_TIME_SLOT } from '../data/cube.ts';
import type { Ward, WardSet } from '../geo/wardSet.ts';
import { coveredBoroughs, monthsCovered, themeData, themeSpan } from './dataCoverage.ts';

const month = (key: string) => monthIndex(key) as number;

function ward(index: number, code: string, lad: string): Ward {
  return { index, code, name: code, lad, ladName: lad, label: [0, 0], neighbours: [] };
}

// Two wards in borough A, one in B, one in C (the City of London, say).
const wards: WardSet = {
  wards: [
    ward(0, 'E05000001', 'A'),
    ward(1, 'E05000002', 'A'),
    ward(2, 'E05000003', 'B'),
    ward(3, 'E05000004', 'C'),
  ],
  features: [],
  byCode: new Map([
    ['E05000001', 0],
    ['E05000002', 1],
    ['E05000003', 2],
    ['E05000004', 3],
  ]),
  areas: [],
};

function file(theme: string, from: string, to: string, codes: string[]) {
  const builder = new CubeBuilder();
  for (const code of codes) {
    builder.add(theme, month(from), code, UNKNOWN_TIME_SLOT, 1);
    builder.add(theme, month(to), code, UNKNOWN_TIME_SLOT, 1);
  }
  return datasetOf(builder.build(), { fileName: `${theme}-${from}.csv` });
}

describe('what the data covers', () => {
  it('covers the boroughs of the wards a file holds', () => {
    const robbery = file('robbery', '2024-01', '2024-06', ['E05000001', 'E05000003']);
    expect([...coveredBoroughs(robbery.cube, wards)].sort()).toEqual(['A', 'B']);
  });

  it('counts the months of a period each ward’s data covers, files together', () => {
    // Robbery: Jan-Jun 2024 for A and B; Apr-Sep 2024 for A only.
    const first = file('robbery', '2024-01', '2024-06', ['E05000001', 'E05000003']);
    const second = file('robbery', '2024-04', '2024-09', ['E05000002']);
    const months = monthsCovered([first, second], 'robbery', wards, wards.wards, {
      first: month('2024-03'),
      last: month('2024-08'),
    });
    // Mar-Aug is 6 months. A: Mar-Jun from the first file and Apr-Aug from the second, 6 in
    // all (the overlap counted once); B: Mar-Jun, 4; C: none.
    expect([...months]).toEqual([6, 6, 4, 0]);
    // A theme no file carries covers nothing.
    expect([
      ...monthsCovered([first], 'domestic_abuse', wards, wards.wards, {
        first: month('2024-01'),
        last: month('2024-01'),
      }),
    ]).toEqual([0, 0, 0, 0]);
  });

  it('tells the theme picker which themes have offences for an area and period', () => {
    // Robbery in A and B, Jan-Jun 2024 (one offence in each of Jan and Jun); nothing for C.
    const robbery = file('robbery', '2024-01', '2024-06', ['E05000001', 'E05000003']);
    const area = (indices: number[]) => ({
      id: 'x',
      name: 'x',
      wardIndices: indices,
      bounds: [0, 0, 1, 1] as [number, number, number, number],
    });
    const period = (from: string, to: string) => ({ first: month(from), last: month(to) });
    expect(themeData([robbery], 'robbery', wards, area([0, 1]), period('2024-01', '2024-03'))).toBe(
      'offences',
    );
    // Covered, but no offence recorded from February to May.
    expect(themeData([robbery], 'robbery', wards, area([0, 1]), period('2024-02', '2024-05'))).toBe(
      'none-recorded',
    );
    // The City (C) is outside the file; so are months after June, and other themes.
    expect(themeData([robbery], 'robbery', wards, area([3]), period('2024-01', '2024-06'))).toBe(
      'no-data',
    );
    expect(themeData([robbery], 'robbery', wards, area([0]), period('2024-07', '2024-09'))).toBe(
      'no-data',
    );
    expect(themeData([robbery], 'burglary', wards, area([0]), period('2024-01', '2024-06'))).toBe(
      'no-data',
    );
  });

  it('gives the span of a theme’s data', () => {
    const first = file('robbery', '2024-01', '2024-06', ['E05000001']);
    const second = file('robbery', '2024-04', '2024-09', ['E05000002']);
    expect(themeSpan([first, second], 'robbery')).toEqual({
      first: month('2024-01'),
      last: month('2024-09'),
    });
    expect(themeSpan([first], 'vawg')).toBeNull();
  });
});
