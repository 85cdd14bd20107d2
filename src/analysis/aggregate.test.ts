import { describe, expect, it } from 'vitest';
import { monthIndex } from '../data/calendar.ts';
import { CubeBuilder, timeSlot, UNKNOWN_TIME_SLOT } from '../data/cube.ts';
import { hoursInFilter, slotMask, themeIndices, totalsBySlot, totalsByWard } from './aggregate.ts';

const jan = monthIndex('2024-01') as number;
const feb = monthIndex('2024-02') as number;
const mar = monthIndex('2024-03') as number;

function sampleCube(withDeduplicatedTotal = false) {
  const builder = new CubeBuilder();
  builder.add('youth_violence', jan, 'A', timeSlot(0, 15), 3); // Mon 15:00
  builder.add('youth_violence', feb, 'A', timeSlot(4, 23), 2); // Fri 23:00
  builder.add('youth_violence', mar, 'B', timeSlot(5, 0), 4); // Sat 00:00
  builder.add('domestic_abuse', jan, 'A', timeSlot(4, 23), 5);
  builder.add('domestic_abuse', feb, 'B', UNKNOWN_TIME_SLOT, 7);
  if (withDeduplicatedTotal) builder.add('all_serious_violence', jan, 'A', timeSlot(0, 15), 6);
  return builder.build();
}

describe('totals over the cube', () => {
  it('sums one theme per ward over a month range', () => {
    const cube = sampleCube();
    const query = {
      themes: themeIndices(cube, 'youth_violence'),
      monthFrom: jan,
      monthTo: feb,
      slots: null,
    };
    // A: 3 (Jan) + 2 (Feb) = 5; B: its only youth offence is in March, outside the range.
    expect([...totalsByWard(cube, query)]).toEqual([5, 0]);
  });

  it('sums every theme for "all" when the file has no deduplicated total', () => {
    const cube = sampleCube();
    const query = { themes: themeIndices(cube, 'all'), monthFrom: jan, monthTo: mar, slots: null };
    // A: 3 + 2 + 5 = 10; B: 4 + 7 = 11.
    expect([...totalsByWard(cube, query)]).toEqual([10, 11]);
  });

  it('uses the deduplicated total for "all" when present', () => {
    const cube = sampleCube(true);
    expect(themeIndices(cube, 'all')).toEqual([cube.themes.indexOf('all_serious_violence')]);
    expect(themeIndices(cube, 'robbery')).toEqual([]);
  });

  it('keeps only the filtered hours and leaves unknown times out', () => {
    const cube = sampleCube();
    const evening = slotMask({ weekday: null, hourFrom: 22, hourTo: 0 });
    const query = {
      themes: themeIndices(cube, 'all'),
      monthFrom: jan,
      monthTo: mar,
      slots: evening,
    };
    // 22:00-00:59 on any day: A has Fri 23:00 youth 2 + DA 5 = 7; B has Sat 00:00 youth 4.
    expect([...totalsByWard(cube, query)]).toEqual([7, 4]);
    const fridayOnly = slotMask({ weekday: 4, hourFrom: 22, hourTo: 0 });
    expect([...totalsByWard(cube, { ...query, slots: fridayOnly })]).toEqual([7, 0]);
  });

  it('counts each time slot over chosen wards, unknown time in its own slot', () => {
    const cube = sampleCube();
    const query = { themes: themeIndices(cube, 'all'), monthFrom: jan, monthTo: mar, slots: null };
    const all = totalsBySlot(cube, query, null);
    expect(all[timeSlot(4, 23)]).toBe(7);
    expect(all[timeSlot(0, 15)]).toBe(3);
    expect(all[timeSlot(5, 0)]).toBe(4);
    expect(all[UNKNOWN_TIME_SLOT]).toBe(7);
    expect(all.reduce((sum, value) => sum + value, 0)).toBe(21);
    const wardB = totalsBySlot(cube, query, [cube.wardCodes.indexOf('B')]);
    expect(wardB[timeSlot(5, 0)]).toBe(4);
    expect(wardB[timeSlot(4, 23)]).toBe(0);
  });

  it('clips a month range that reaches beyond the data', () => {
    const cube = sampleCube();
    const query = {
      themes: themeIndices(cube, 'domestic_abuse'),
      monthFrom: jan - 24,
      monthTo: mar + 24,
      slots: null,
    };
    expect([...totalsByWard(cube, query)]).toEqual([5, 7]);
  });
});

describe('time filters', () => {
  it('lists the hours of a range that wraps past midnight', () => {
    expect(hoursInFilter({ weekday: null, hourFrom: 22, hourTo: 1 })).toEqual([22, 23, 0, 1]);
    expect(hoursInFilter({ weekday: null, hourFrom: 15, hourTo: 15 })).toEqual([15]);
  });

  it('marks 7 × hours slots for every day and never the unknown-time slot', () => {
    const mask = slotMask({ weekday: null, hourFrom: 18, hourTo: 20 }) as Uint8Array;
    expect(mask.reduce((sum, value) => sum + value, 0)).toBe(21);
    expect(mask[UNKNOWN_TIME_SLOT]).toBe(0);
    expect(slotMask(null)).toBeNull();
  });
});
