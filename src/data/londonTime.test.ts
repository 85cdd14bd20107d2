import { describe, expect, it } from 'vitest';
import { HOUR_MS, londonTime, parseLondonDateTime } from './londonTime.ts';

const instant = (text: string) => parseLondonDateTime(text)?.instant;

describe('London time', () => {
  it('agrees with the time zone database hour by hour over the clock changes of 2024 to 2026', () => {
    const format = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      year: 'numeric',
      month: 'numeric',
      weekday: 'short',
      hour: 'numeric',
      hourCycle: 'h23',
    });
    const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
    for (const change of ['2024-03-31', '2024-10-27', '2025-03-30', '2025-10-26', '2026-03-29']) {
      const middle = Date.parse(`${change}T01:00:00Z`);
      for (let hour = -30; hour <= 30; hour += 1) {
        const at = middle + hour * HOUR_MS;
        const parts = Object.fromEntries(
          format.formatToParts(at).map((part) => [part.type, part.value]),
        );
        expect(londonTime(at)).toEqual({
          month: Number(parts.year) * 12 + Number(parts.month) - 1,
          weekday: weekdays.indexOf(parts.weekday as string),
          hour: Number(parts.hour),
        });
      }
    }
  });

  it('reads wall times as London time, GMT in winter and BST in summer', () => {
    expect(instant('2025-01-10T22:30')).toBe(Date.parse('2025-01-10T22:30:00Z'));
    expect(instant('2025-07-01 22:30:00')).toBe(Date.parse('2025-07-01T21:30:00Z'));
    // Clocks go forward at 01:00 GMT on 30 March 2025: 00:59 is GMT, 02:00 is BST, and the
    // missing 01:30 is read as GMT (= 02:30 BST).
    expect(instant('2025-03-30 00:59')).toBe(Date.parse('2025-03-30T00:59:00Z'));
    expect(instant('2025-03-30 02:00')).toBe(Date.parse('2025-03-30T01:00:00Z'));
    expect(instant('2025-03-30 01:30')).toBe(Date.parse('2025-03-30T01:30:00Z'));
    // Clocks go back at 01:00 GMT on 26 October 2025: the repeated 01:30 is read as BST.
    expect(instant('2025-10-26 01:30')).toBe(Date.parse('2025-10-26T00:30:00Z'));
    expect(instant('2025-10-26 02:00')).toBe(Date.parse('2025-10-26T02:00:00Z'));
  });

  it('converts Z and offsets, and reads dates, UK dates and seconds', () => {
    expect(instant('2025-07-01T21:30:00Z')).toBe(Date.parse('2025-07-01T21:30:00Z'));
    expect(londonTime(instant('2025-07-01T21:30:00Z') as number)).toEqual({
      month: 2025 * 12 + 6,
      weekday: 1,
      hour: 22,
    });
    expect(instant('2025-01-10T22:30:00+01:00')).toBe(Date.parse('2025-01-10T21:30:00Z'));
    expect(instant('2025-01-10T22:30-0530')).toBe(Date.parse('2025-01-11T04:00:00Z'));
    expect(instant('2025-01-10T22:30:15.250')).toBe(Date.parse('2025-01-10T22:30:15Z'));
    expect(instant('10/01/2025 22:30')).toBe(Date.parse('2025-01-10T22:30:00Z'));
    expect(parseLondonDateTime('2025-07-01')).toEqual({
      instant: Date.parse('2025-06-30T23:00:00Z'),
      hadOffset: false,
      year: 2025,
      month: 7,
      day: 1,
    });
    expect(parseLondonDateTime('2025-01-10', true)?.instant).toBe(
      Date.parse('2025-01-10T23:59:00Z'),
    );
  });

  it('takes a year as written, not years 0 to 99 as 1900 to 1999', () => {
    // 0025-03-01 is 1,975 years and 2 months before 2000-03-01 (GMT then): its instant is
    // the proleptic Gregorian day, and its year is 25, for formats/rowChecks.ts to reject.
    const parsed = parseLondonDateTime('0025-03-01T00:00:00Z');
    expect(parsed?.year).toBe(25);
    expect(new Date(parsed?.instant as number).getUTCFullYear()).toBe(25);
    expect(parseLondonDateTime('01/03/0025')?.year).toBe(25);
    expect(parseLondonDateTime('31/12/9999')).toMatchObject({ year: 9999, month: 12, day: 31 });
  });

  it('rejects what is not a real date and time', () => {
    for (const text of ['', 'yesterday', '2025-02-30', '2025-13-01', '2025-01-10 24:00', '1/2/25'])
      expect(parseLondonDateTime(text)).toBeNull();
  });
});
