import { describe, expect, it } from 'vitest';
import { formatCount, formatHourRange, formatPercent, formatRate } from './numberFormat.ts';

describe('number formats', () => {
  it('writes counts with thousands separators, spread counts with one decimal', () => {
    expect(formatCount(1234)).toBe('1,234');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(2.25)).toBe('2.3');
  });

  it('writes rates to one decimal place, two below 1, and a dash when unknown', () => {
    expect(formatRate(25.714)).toBe('25.7');
    expect(formatRate(0.456)).toBe('0.46');
    expect(formatRate(1000)).toBe('1,000.0');
    expect(formatRate(null)).toBe('–');
  });

  it('writes shares and hour ranges', () => {
    expect(formatPercent(0.0563)).toBe('5.6%');
    expect(formatHourRange(22, 1)).toBe('22:00–01:59');
    expect(formatHourRange(15, 15)).toBe('15:00–15:59');
  });
});
