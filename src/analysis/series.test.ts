import { describe, expect, it } from 'vitest';
import { monthIndex } from '../data/calendar.ts';
import { CubeBuilder, timeSlot, UNKNOWN_TIME_SLOT } from '../data/cube.ts';
import { monthlyTotals } from './series.ts';

describe('monthly series', () => {
  it('gives each month once, over chosen wards and themes, with zeros outside the data', () => {
    const jan = monthIndex('2024-01') as number;
    const builder = new CubeBuilder();
    builder.add('robbery', jan, 'A', timeSlot(0, 1), 2);
    builder.add('robbery', jan, 'A', UNKNOWN_TIME_SLOT, 1);
    builder.add('robbery', jan + 2, 'A', timeSlot(3, 4), 5);
    builder.add('robbery', jan + 2, 'B', timeSlot(3, 4), 7);
    builder.add('burglary', jan + 1, 'A', timeSlot(3, 4), 4);
    const cube = builder.build();
    const a = cube.wardCodes.indexOf('A');
    const robbery = cube.themes.indexOf('robbery');
    // Dec 2023 to Apr 2024 for ward A, robbery: 0, 3 (2 + 1 unknown time), 0, 5, 0.
    expect([...monthlyTotals(cube, [robbery], [a], jan - 1, jan + 3)]).toEqual([0, 3, 0, 5, 0]);
    // Both themes, both wards, Jan to Mar: 3, 4, 12.
    expect([...monthlyTotals(cube, [0, 1], [0, 1], jan, jan + 2)]).toEqual([3, 4, 12]);
  });
});
