import { describe, expect, it } from 'vitest';
import { CubeBuilder, monthlyCount, SLOT_COUNT, timeSlot, UNKNOWN_TIME_SLOT } from './cube.ts';

const JAN = 2024 * 12;
const MAR = JAN + 2;

describe('CubeBuilder', () => {
  it('grows its room for wards and trims it, months cumulative', () => {
    // Room for 32 wards, then 64, 128 and 130 (the limit): no room left to trim, none wanting.
    const builder = new CubeBuilder(true, 130);
    // Ward w has w + 1 offences on Monday 09:00 in January and 2 of unknown time in March;
    // February has none.
    for (let ward = 0; ward < 130; ward += 1) {
      builder.add('robbery', JAN, `W${ward}`, timeSlot(0, 9), ward + 1);
      builder.add('robbery', MAR, `W${ward}`, UNKNOWN_TIME_SLOT, 2);
    }
    builder.add('robbery', JAN, 'W129', timeSlot(0, 9), 1); // 130 + 1 = 131, a repeat
    const cube = builder.build();
    expect(cube.wardCodes).toHaveLength(130);
    expect(cube.monthCount).toBe(3);
    expect(cube.cumulative).toHaveLength(3);
    expect(cube.cumulative.every((block) => block.length === 130 * SLOT_COUNT)).toBe(true);
    expect(builder.repeatedKeys).toBe(1);
    for (const ward of [0, 63, 64, 127, 128, 129]) {
      const january = ward === 129 ? 131 : ward + 1;
      expect(monthlyCount(cube, 0, 0, ward, timeSlot(0, 9))).toBe(january);
      expect(monthlyCount(cube, 0, 1, ward, timeSlot(0, 9))).toBe(0);
      expect(monthlyCount(cube, 0, 2, ward, UNKNOWN_TIME_SLOT)).toBe(2);
      // March's block holds January's counts too: cumulative.
      expect(cube.cumulative[2]?.[ward * SLOT_COUNT + timeSlot(0, 9)]).toBe(january);
    }
  });

  it('keeps untimed counts in one slot per ward, room trimmed to the wards seen', () => {
    // Room for 8,192 wards when the 5,000th comes: trimmed to 5,000.
    const builder = new CubeBuilder(false);
    for (let ward = 0; ward < 5000; ward += 1) builder.add('vawg', JAN, `W${ward}`, 0, 1);
    builder.add('vawg', JAN, 'W4999', UNKNOWN_TIME_SLOT, 4);
    const cube = builder.build();
    expect(cube.slotsPerWard).toBe(1);
    expect(cube.cumulative[0]).toHaveLength(5000);
    // 1 + 4 in the last ward.
    expect(monthlyCount(cube, 0, 0, 4999, UNKNOWN_TIME_SLOT)).toBe(5);
    expect(monthlyCount(cube, 0, 0, 4096, UNKNOWN_TIME_SLOT)).toBe(1);
  });

  it('keeps counts exact past what Float32 holds: 16,777,217 + 1 is 16,777,218', () => {
    const builder = new CubeBuilder(false);
    // 2^24 + 1 = 16,777,217 rounds to 16,777,216 in a Float32Array; the theme's blocks widen.
    builder.add('robbery', JAN, 'W1', 0, 16_777_217);
    builder.add('robbery', MAR, 'W1', 0, 1);
    builder.add('vawg', JAN, 'W1', 0, 3);
    const cube = builder.build();
    expect(monthlyCount(cube, 0, 0, 0, 0)).toBe(16_777_217);
    expect(cube.cumulative[2]?.[0]).toBe(16_777_218);
    expect(cube.cumulative[0]).toBeInstanceOf(Float64Array);
    // A theme with small counts keeps the narrower blocks.
    expect(cube.cumulative[cube.monthCount]).toBeInstanceOf(Float32Array);
    expect(monthlyCount(cube, 1, 0, 0, 0)).toBe(3);
  });

  it('gives months without counts no memory of their own, whatever the span', () => {
    // January 1990 and March 2024: 411 months apart, two of them with counts.
    const builder = new CubeBuilder(false);
    builder.add('robbery', 1990 * 12, 'W1', 0, 2);
    builder.add('robbery', MAR, 'W1', 0, 5);
    builder.add('vawg', MAR, 'W1', 0, 1);
    const cube = builder.build();
    expect(cube.monthCount).toBe(MAR - 1990 * 12 + 1);
    const robbery = cube.cumulative.slice(0, cube.monthCount);
    const vawg = cube.cumulative.slice(cube.monthCount);
    // Robbery: January 1990's block, then March 2024's; vawg: one of zeros, then March's.
    expect(new Set(robbery).size).toBe(2);
    expect(new Set(vawg).size).toBe(2);
    expect(robbery[cube.monthCount - 2]?.[0]).toBe(2);
    expect(robbery[cube.monthCount - 1]?.[0]).toBe(7);
    expect(vawg[cube.monthCount - 2]?.[0]).toBe(0);
    expect(vawg[cube.monthCount - 1]?.[0]).toBe(1);
  });
});
