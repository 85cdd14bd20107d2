import { describe, expect, it } from 'vitest';
import { HOUR_MS, londonTime, parseLondonDateTime, parseTimeOfDay } from './londonTime.ts';

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
      twoDigitYear: false,
    });
    expect(parseLondonDateTime('2025-01-10', true)?.instant).toBe(
      Date.parse('2025-01-10T23:59:00Z'),
    );
  });

  it('reads UK dates day first, with two-digit years, seconds and AM/PM', () => {
    expect(instant('10/01/2025')).toBe(Date.parse('2025-01-10T00:00:00Z'));
    expect(instant('1/2/2025 9:05')).toBe(Date.parse('2025-02-01T09:05:00Z'));
    expect(instant('10-01-2025 22:30:15')).toBe(Date.parse('2025-01-10T22:30:15Z'));
    expect(instant('10.01.2025 10:30 pm')).toBe(Date.parse('2025-01-10T22:30:00Z'));
    expect(instant('10/01/2025 12:00 AM')).toBe(Date.parse('2025-01-10T00:00:00Z'));
    expect(instant('10/01/2025 12:15 p.m.')).toBe(Date.parse('2025-01-10T12:15:00Z'));
    // A two-digit year is 20yy, flagged as written short (formats/rowChecks.ts judges it).
    expect(parseLondonDateTime('01/07/25 22:30')).toEqual({
      instant: Date.parse('2025-07-01T21:30:00Z'),
      hadOffset: false,
      year: 2025,
      month: 7,
      day: 1,
      twoDigitYear: true,
    });
    // 1 July 2095 00:00 BST is 30 June 23:00 UTC.
    expect(instant('01/07/95')).toBe(Date.parse('2095-06-30T23:00:00Z'));
  });

  it('reads a month alone as the whole month', () => {
    expect(instant('2025-01')).toBe(Date.parse('2025-01-01T00:00:00Z'));
    expect(parseLondonDateTime('2025-01', true)?.instant).toBe(Date.parse('2025-01-31T23:59:00Z'));
    // 30 June 23:59 BST is 22:59 UTC.
    expect(parseLondonDateTime('Jun 2025', true)?.instant).toBe(Date.parse('2025-06-30T22:59:00Z'));
    expect(instant('December 2024')).toBe(Date.parse('2024-12-01T00:00:00Z'));
    expect(parseLondonDateTime('2024-12', true)?.instant).toBe(Date.parse('2024-12-31T23:59:00Z'));
    for (const text of ['2025-13', 'Foo 2025']) expect(parseLondonDateTime(text)).toBeNull();
  });

  it('reads 24:00 as the midnight that ends the day', () => {
    expect(instant('2025-01-10 24:00')).toBe(Date.parse('2025-01-11T00:00:00Z'));
    expect(instant('10/01/2025 24:00')).toBe(Date.parse('2025-01-11T00:00:00Z'));
    expect(parseLondonDateTime('10/01/2025', false, '24:00')?.instant).toBe(
      Date.parse('2025-01-11T00:00:00Z'),
    );
  });

  it('reads Excel serial dates: 45667 is 10 January 2025, the fraction its time of day', () => {
    // 45667 days after 30 December 1899: 2025-01-10 (Date.UTC(2025,0,10) - Date.UTC(1899,11,30)
    // is 45667 days). 0.9375 of a day is 22:30.
    expect(instant('45667')).toBe(Date.parse('2025-01-10T00:00:00Z'));
    expect(instant('45667.9375')).toBe(Date.parse('2025-01-10T22:30:00Z'));
    // 1 July 2025 is 45839: BST, so 22:30 London is 21:30 UTC.
    expect(instant('45839.9375')).toBe(Date.parse('2025-07-01T21:30:00Z'));
    expect(parseLondonDateTime('45667', true)?.instant).toBe(Date.parse('2025-01-10T23:59:00Z'));
  });

  it('joins a date to a time from a column of its own, across the clock changes', () => {
    expect(parseLondonDateTime('10/01/2025', false, '22:30')?.instant).toBe(
      Date.parse('2025-01-10T22:30:00Z'),
    );
    expect(parseLondonDateTime('01/07/2025', false, '10:30 PM')?.instant).toBe(
      Date.parse('2025-07-01T21:30:00Z'),
    );
    expect(parseLondonDateTime('45839', false, '0.9375')?.instant).toBe(
      Date.parse('2025-07-01T21:30:00Z'),
    );
    // 26 October 2025: the repeated 01:30 is BST, 02:30 is GMT again.
    expect(parseLondonDateTime('26/10/2025', false, '01:30')?.instant).toBe(
      Date.parse('2025-10-26T00:30:00Z'),
    );
    expect(parseLondonDateTime('26/10/2025', false, '02:30')?.instant).toBe(
      Date.parse('2025-10-26T02:30:00Z'),
    );
    // A blank time leaves the date alone: the whole day.
    expect(parseLondonDateTime('10/01/2025', true, ' ')?.instant).toBe(
      Date.parse('2025-01-10T23:59:00Z'),
    );
    // A date at midnight (as Excel stores a date) takes the time; a date-time cannot.
    expect(parseLondonDateTime('2025-01-10T00:00:00', false, '06:00')?.instant).toBe(
      Date.parse('2025-01-10T06:00:00Z'),
    );
    expect(parseLondonDateTime('10/01/2025 08:00', false, '06:00')).toBeNull();
    expect(parseLondonDateTime('10/01/2025', false, 'noon')).toBeNull();
  });

  it('reads times of day in their own column', () => {
    const minutes = (text: string) => {
      const ms = parseTimeOfDay(text);
      return ms === null ? null : ms / 60_000;
    };
    expect(
      [
        '22:30',
        '22:30:00',
        '10:30 pm',
        '10:30PM',
        '10pm',
        '0.9375',
        '00:00',
        '24:00',
        '12:00 am',
      ].map(minutes),
    ).toEqual([1350, 1350, 1350, 1350, 1320, 1350, 0, 1440, 0]);
    for (const text of ['', '25:00', '24:30', '13:00 pm', '0:00 am', '10', '22:60', 'noon', '1.5'])
      expect(parseTimeOfDay(text)).toBeNull();
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
    for (const text of [
      '',
      'yesterday',
      '2025-02-30',
      '2025-13-01',
      '2025-01-10 24:01',
      '2025-01-10T22',
      '31/02/2025',
      '10/13/2025',
      '10/01/2025 25:00',
      '0',
      '2958466',
      '20250110',
    ])
      expect(parseLondonDateTime(text)).toBeNull();
  });
});
