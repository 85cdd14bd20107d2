import { describe, expect, it } from 'vitest';
import {
  DEMO_ALL_THEME,
  DEMO_THEMES,
  type DemoRow,
  formatNativeCsv,
  generateDemoOffences,
  mulberry32,
  NATIVE_CSV_HEADER,
  RBKC_WARDS,
} from './demoData.ts';

const rows = generateDemoOffences();
const csv = formatNativeCsv(rows);

const WARD_CODES = Array.from({ length: 18 }, (_, i) => `E0500${9388 + i}`);
const LEAD_WARDS = ['E05009396', 'E05009394', 'E05009392', 'E05009399', 'E05009395'];
const ALL_THEMES = [...DEMO_THEMES, DEMO_ALL_THEME];
const MONTHS = Array.from({ length: 36 }, (_, i) => {
  const index = 2023 * 12 + 9 + i;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
});
const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function sum(list: readonly DemoRow[]): number {
  return list.reduce((total, row) => total + row.count, 0);
}

function totalsBy(list: readonly DemoRow[], key: (row: DemoRow) => string): Map<string, number> {
  const totals = new Map<string, number>();
  for (const row of list) totals.set(key(row), (totals.get(key(row)) ?? 0) + row.count);
  return totals;
}

function topWards(list: readonly DemoRow[], theme: string, n: number): string[] {
  const totals = totalsBy(
    list.filter((row) => row.theme === theme),
    (row) => row.wardCode,
  );
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([code]) => code);
}

describe('mulberry32', () => {
  it('is deterministic and in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    for (let i = 0; i < 1000; i += 1) {
      const x = a();
      expect(x).toBe(b());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });
});

describe('generateDemoOffences: determinism', () => {
  it('gives byte-identical CSV for the same seed', () => {
    expect(formatNativeCsv(generateDemoOffences())).toBe(csv);
    expect(formatNativeCsv(generateDemoOffences({ seed: 7 }))).toBe(
      formatNativeCsv(generateDemoOffences({ seed: 7 })),
    );
  });

  it('differs for a different seed', () => {
    expect(formatNativeCsv(generateDemoOffences({ seed: 7 }))).not.toBe(csv);
  });
});

describe('generateDemoOffences: format', () => {
  it('defines the 18 RBKC wards', () => {
    expect(RBKC_WARDS.map((ward) => ward.code).sort()).toEqual(WARD_CODES);
    expect(new Set(RBKC_WARDS.map((ward) => ward.name)).size).toBe(18);
  });

  it('writes the v1 header and a valid line for every row', () => {
    const lines = csv.split('\n');
    expect(lines[0]).toBe('ward_code,theme,month,weekday,hour,count');
    expect(NATIVE_CSV_HEADER).toBe(lines[0]);
    expect(lines.at(-1)).toBe('');
    const body = lines.slice(1, -1);
    expect(body.length).toBe(rows.length);
    const codes = new Set(WARD_CODES);
    const themes = new Set(ALL_THEMES);
    const months = new Set(MONTHS);
    const invalid = body.filter((line) => {
      const cells = line.split(',');
      if (cells.length !== 6) return true;
      const [ward, theme, month, weekday, hour, count] = cells as [
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      const time =
        (weekday === '' && hour === '') ||
        (WEEKDAY_NAMES.includes(weekday) && /^(\d|1\d|2[0-3])$/.test(hour));
      return !(
        codes.has(ward) &&
        themes.has(theme) &&
        months.has(month) &&
        time &&
        /^[1-9]\d*$/.test(count)
      );
    });
    expect(invalid).toEqual([]);
  });

  it('has no duplicate keys and is sorted', () => {
    const keyOf = (row: DemoRow) => {
      const slot =
        row.weekday === null ? 168 : WEEKDAY_NAMES.indexOf(row.weekday) * 24 + (row.hour ?? 0);
      return `${row.wardCode}|${row.theme}|${row.month}|${String(slot).padStart(3, '0')}`;
    };
    const keys = rows.map(keyOf);
    expect(new Set(keys).size).toBe(keys.length);
    for (let i = 1; i < keys.length; i += 1) {
      expect((keys[i - 1] ?? '') < (keys[i] ?? ''), keys[i]).toBe(true);
    }
  });

  it('covers every ward, theme and month', () => {
    expect(new Set(rows.map((row) => row.wardCode)).size).toBe(18);
    expect([...new Set(rows.map((row) => row.theme))].sort()).toEqual([...ALL_THEMES].sort());
    expect([...new Set(rows.map((row) => row.month))].sort()).toEqual(MONTHS);
  });

  it('keeps the file modest', () => {
    expect(csv.length).toBeLessThan(1_000_000);
  });
});

describe('generateDemoOffences: content', () => {
  const latest = rows.filter((row) => row.month >= '2025-10');

  it('has the five north Kensington / Earl’s Court wards as the top 5 of every theme', () => {
    for (const theme of ALL_THEMES) {
      expect(topWards(rows, theme, 5).sort(), `${theme}, 36 months`).toEqual(
        [...LEAD_WARDS].sort(),
      );
      expect(topWards(latest, theme, 5).sort(), `${theme}, 12 months`).toEqual(
        [...LEAD_WARDS].sort(),
      );
    }
  });

  it('has the affluent wards among the lowest', () => {
    const affluent = ['E05009390', 'E05009397', 'E05009401', 'E05009403'];
    const bottom = topWards(rows, DEMO_ALL_THEME, 18).slice(-7);
    for (const code of affluent) expect(bottom).toContain(code);
  });

  it('gives rates that differ from counts (population weights)', () => {
    const residents = new Map(RBKC_WARDS.map((ward) => [ward.code, ward.residents]));
    const counts = totalsBy(
      rows.filter((row) => row.theme === DEMO_ALL_THEME),
      (row) => row.wardCode,
    );
    const byCount = [...counts].sort((a, b) => b[1] - a[1]).map(([code]) => code);
    const byRate = [...counts]
      .sort((a, b) => b[1] / (residents.get(b[0]) ?? 1) - a[1] / (residents.get(a[0]) ?? 1))
      .map(([code]) => code);
    expect(byRate).not.toEqual(byCount);
  });

  it('peaks after school, in the evening and around midnight, and is low early morning', () => {
    const all = rows.filter((row) => row.theme === DEMO_ALL_THEME && row.hour !== null);
    const byHour = totalsBy(all, (row) => String(row.hour));
    const at = (hour: number) => byHour.get(String(hour)) ?? 0;
    for (const peak of [15, 18, 19, 23]) {
      for (const low of [4, 5, 6, 7, 10]) {
        expect(at(peak), `hour ${peak} vs hour ${low}`).toBeGreaterThan(at(low));
      }
    }
  });

  it('has youth violence peaking after school on weekdays', () => {
    const youth = rows.filter(
      (row) =>
        row.theme === 'youth_violence' &&
        row.weekday !== null &&
        ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'].includes(row.weekday),
    );
    const byHour = totalsBy(youth, (row) => String(row.hour));
    const afterSchool = (byHour.get('15') ?? 0) + (byHour.get('16') ?? 0);
    for (let hour = 0; hour < 24; hour += 1) {
      if (hour === 15 || hour === 16) continue;
      expect(afterSchool / 2, `hour ${hour}`).toBeGreaterThan(byHour.get(String(hour)) ?? 0);
    }
  });

  it('has a higher domestic abuse share on weekend evenings than on weekday mornings', () => {
    const da = rows.filter((row) => row.theme === 'domestic_abuse' && row.hour !== null);
    const total = sum(da);
    const weekendEvening = sum(
      da.filter(
        (row) => ['Fri', 'Sat', 'Sun'].includes(row.weekday ?? '') && (row.hour ?? 0) >= 18,
      ),
    );
    const weekdayMorning = sum(
      da.filter(
        (row) =>
          ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'].includes(row.weekday ?? '') &&
          (row.hour ?? 0) >= 6 &&
          (row.hour ?? 0) <= 11,
      ),
    );
    // 18 weekend-evening hours against 30 weekday-morning hours, and still a larger share.
    expect(weekendEvening / total).toBeGreaterThan(weekdayMorning / total);
    expect(weekendEvening / 18).toBeGreaterThan((2 * weekdayMorning) / 30);
  });

  it('has 3-8% of offences with unknown time', () => {
    for (const theme of ALL_THEMES) {
      const themed = rows.filter((row) => row.theme === theme);
      const share = sum(themed.filter((row) => row.weekday === null)) / sum(themed);
      expect(share, theme).toBeGreaterThan(0.03);
      expect(share, theme).toBeLessThan(0.08);
    }
  });

  it('counts each offence once in all_serious_violence (overlap handled)', () => {
    const totals = totalsBy(rows, (row) => `${row.wardCode}|${row.month}|${row.theme}`);
    let overlapping = 0;
    for (const ward of WARD_CODES) {
      for (const month of MONTHS) {
        const themed = DEMO_THEMES.map((theme) => totals.get(`${ward}|${month}|${theme}`) ?? 0);
        const all = totals.get(`${ward}|${month}|${DEMO_ALL_THEME}`) ?? 0;
        const themeSum = themed.reduce((a, b) => a + b, 0);
        expect(all, `${ward} ${month}`).toBeLessThanOrEqual(themeSum);
        expect(all, `${ward} ${month}`).toBeGreaterThanOrEqual(Math.max(...themed));
        if (all < themeSum) overlapping += 1;
      }
    }
    // The themes really do overlap in most ward-months.
    expect(overlapping).toBeGreaterThan(WARD_CODES.length * MONTHS.length * 0.3);
  });

  it('has realistic annual totals, domestic abuse largest, then youth, then sexual', () => {
    for (let year = 0; year < 3; year += 1) {
      const months = new Set(MONTHS.slice(year * 12, year * 12 + 12));
      const inYear = rows.filter((row) => months.has(row.month));
      const totals = totalsBy(inYear, (row) => row.theme);
      const all = totals.get(DEMO_ALL_THEME) ?? 0;
      const da = totals.get('domestic_abuse') ?? 0;
      const youth = totals.get('youth_violence') ?? 0;
      const sexual = totals.get('sexual_violence') ?? 0;
      expect(all, `year ${year + 1}`).toBeGreaterThanOrEqual(1500);
      expect(all, `year ${year + 1}`).toBeLessThanOrEqual(2500);
      expect(da).toBeGreaterThan(youth);
      expect(youth).toBeGreaterThan(sexual);
      expect(sexual).toBeGreaterThan(200);
    }
  });

  it('is higher in summer than in winter, with a slight downward trend', () => {
    const all = rows.filter((row) => row.theme === DEMO_ALL_THEME);
    const byMonth = totalsBy(all, (row) => row.month.slice(5));
    const summer = ['06', '07', '08'].reduce((t, m) => t + (byMonth.get(m) ?? 0), 0);
    const winter = ['01', '02', '03'].reduce((t, m) => t + (byMonth.get(m) ?? 0), 0);
    expect(summer).toBeGreaterThan(winter);
    const first = sum(all.filter((row) => row.month < '2024-10'));
    const last = sum(all.filter((row) => row.month >= '2025-10'));
    expect(last).toBeLessThan(first);
  });

  it('scales with the scale option and honours the month range', () => {
    const small = generateDemoOffences({ startMonth: '2024-01', months: 3, scale: 0.5 });
    expect([...new Set(small.map((row) => row.month))].sort()).toEqual([
      '2024-01',
      '2024-02',
      '2024-03',
    ]);
    expect(() => generateDemoOffences({ startMonth: '2024-13' })).toThrow();
  });
});
