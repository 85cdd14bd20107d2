import { describe, expect, it } from 'vitest';
import { datasetOf } from '../../tests/support/datasets.ts';
import { monthIndex } from '../data/calendar.ts';
import { CubeBuilder, timeSlot, UNKNOWN_TIME_SLOT } from '../data/cube.ts';
import { themeIndices } from '../data/dataset.ts';
import { hoursInFilter, slotMask, totalsBySlot, totalsByWard } from './aggregate.ts';

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
      themes: themeIndices(datasetOf(cube), 'youth_violence'),
      monthFrom: jan,
      monthTo: feb,
      slots: null,
    };
    // A: 3 (Jan) + 2 (Feb) = 5; B: its only youth offence is in March, outside the range.
    expect([...totalsByWard(cube, query)]).toEqual([5, 0]);
  });

  it('sums every theme for "all" when the file has no deduplicated total', () => {
    const cube = sampleCube();
    const query = {
      themes: themeIndices(datasetOf(cube), 'all'),
      monthFrom: jan,
      monthTo: mar,
      slots: null,
    };
    // A: 3 + 2 + 5 = 10; B: 4 + 7 = 11.
    expect([...totalsByWard(cube, query)]).toEqual([10, 11]);
  });

  it('uses the deduplicated total for "all" when present', () => {
    const cube = sampleCube(true);
    expect(themeIndices(datasetOf(cube), 'all')).toEqual([
      cube.themes.indexOf('all_serious_violence'),
    ]);
    expect(themeIndices(datasetOf(cube), 'robbery')).toEqual([]);
  });

  it('keeps only the filtered hours and leaves unknown times out', () => {
    const cube = sampleCube();
    const evening = slotMask({ weekday: null, hourFrom: 22, hourTo: 0 });
    const query = {
      themes: themeIndices(datasetOf(cube), 'all'),
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
    const query = {
      themes: themeIndices(datasetOf(cube), 'all'),
      monthFrom: jan,
      monthTo: mar,
      slots: null,
    };
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
      themes: themeIndices(datasetOf(cube), 'domestic_abuse'),
      monthFrom: jan - 24,
      monthTo: mar + 24,
      slots: null,
    };
    expect([...totalsByWard(cube, query)]).toEqual([5, 7]);
  });
});

describe('cumulative month blocks', () => {
  it('gives a period in the middle as the difference of two cumulative blocks', () => {
    const builder = new CubeBuilder();
    // Ward A: 1 in Jan, 10 in Feb, 100 in Mar, 1000 in Apr (all Mon 09:00).
    [1, 10, 100, 1000].forEach((count, offset) => {
      builder.add('robbery', jan + offset, 'A', timeSlot(0, 9), count);
    });
    const cube = builder.build();
    const query = (from: number, to: number) => ({
      themes: [0],
      monthFrom: from,
      monthTo: to,
      slots: null,
    });
    expect([...totalsByWard(cube, query(feb, mar))]).toEqual([110]);
    expect([...totalsByWard(cube, query(mar, mar))]).toEqual([100]);
    expect([...totalsByWard(cube, query(jan, jan + 3))]).toEqual([1111]);
    // Entirely before or after the data: nothing.
    expect([...totalsByWard(cube, query(jan - 5, jan - 1))]).toEqual([0]);
    expect(totalsBySlot(cube, query(feb, jan + 3), null)[timeSlot(0, 9)]).toBe(1110);
  });

  it('keeps untimed sources as unknown time, and a time filter leaves them out', () => {
    const builder = new CubeBuilder(false);
    builder.add('robbery', jan, 'A', timeSlot(2, 14), 4); // the slot is ignored: no times
    builder.add('robbery', feb, 'B', UNKNOWN_TIME_SLOT, 6);
    const cube = builder.build();
    expect(cube.slotsPerWard).toBe(1);
    const all = { themes: [0], monthFrom: jan, monthTo: feb, slots: null };
    expect([...totalsByWard(cube, all)]).toEqual([4, 6]);
    const bySlot = totalsBySlot(cube, all, null);
    expect(bySlot[UNKNOWN_TIME_SLOT]).toBe(10);
    expect(bySlot.reduce((sum, value) => sum + value, 0)).toBe(10);
    const evenings = slotMask({ weekday: null, hourFrom: 18, hourTo: 23 });
    expect([...totalsByWard(cube, { ...all, slots: evenings })]).toEqual([0, 0]);
  });

  it('grows its ward capacity without losing counts', () => {
    const builder = new CubeBuilder();
    for (let ward = 0; ward < 100; ward += 1)
      builder.add('robbery', jan, `W${ward}`, timeSlot(1, 1), ward + 1);
    const cube = builder.build();
    const totals = totalsByWard(cube, { themes: [0], monthFrom: jan, monthTo: jan, slots: null });
    // 1 + 2 + ... + 100 = 5,050, with ward 57 holding 58.
    expect(totals.reduce((sum, value) => sum + value, 0)).toBe(5050);
    expect(totals[cube.wardCodes.indexOf('W57')]).toBe(58);
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
