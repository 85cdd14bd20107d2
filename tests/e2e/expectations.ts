/**
 * Expected figures from the demo data, computed straight from its file with code of the tests'
 * own, so that the browser's figures are checked against an independent reading of the same data
 * (the public files' are in rawFiles.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/** The 18 RBKC wards, as named in the ONS boundaries (tests/fixtures/london_wards_2024_bgc.geojson). */
export const RBKC_WARD_NAMES = [
  'Abingdon',
  'Brompton & Hans Town',
  'Campden',
  'Chelsea Riverside',
  'Colville',
  'Courtfield',
  'Dalgarno',
  "Earl's Court",
  'Golborne',
  'Holland',
  'Norland',
  'Notting Dale',
  'Pembridge',
  "Queen's Gate",
  'Redcliffe',
  'Royal Hospital',
  "St. Helen's",
  'Stanley',
];

export const RBKC_CODES: Record<string, string> = Object.fromEntries(
  RBKC_WARD_NAMES.map((name, index) => [name, `E0500${9388 + index}`]),
);

interface DemoRow {
  ward: string;
  theme: string;
  month: string;
  weekday: string;
  hour: string;
  count: number;
}

let demoRows: DemoRow[] | null = null;

export function demoOffenceRows(): DemoRow[] {
  if (demoRows) return demoRows;
  const lines = readFileSync(path.join(root, 'public/demo/offences.csv'), 'utf8')
    .trim()
    .split('\n');
  const header = (lines.shift() ?? '').split(',');
  if (header.join(',') !== 'ward_code,theme,month,weekday,hour,count')
    throw new Error('unexpected demo header');
  demoRows = lines.map((line) => {
    const [ward = '', theme = '', month = '', weekday = '', hour = '', count = ''] =
      line.split(',');
    return { ward, theme, month, weekday, hour, count: Number(count) };
  });
  return demoRows;
}

export interface Filter {
  theme: string;
  from: string;
  to: string;
  weekday?: string;
  hours?: number[];
}

/** Sum of demo counts per ward code for a filter. */
export function expectedDemoCounts(filter: Filter): Map<string, number> {
  const totals = new Map<string, number>();
  for (const row of demoOffenceRows()) {
    if (row.theme !== filter.theme || row.month < filter.from || row.month > filter.to) continue;
    if (filter.weekday !== undefined && row.weekday !== filter.weekday) continue;
    if (filter.hours !== undefined && (row.hour === '' || !filter.hours.includes(Number(row.hour))))
      continue;
    totals.set(row.ward, (totals.get(row.ward) ?? 0) + row.count);
  }
  return totals;
}

export function demoMonths(): { first: string; last: string } {
  const months = demoOffenceRows()
    .map((row) => row.month)
    .sort();
  return { first: months[0] as string, last: months[months.length - 1] as string };
}

/** en-GB whole numbers with thousands separators, as the table shows them. */
export function whole(value: number): string {
  return value.toLocaleString('en-GB', { maximumFractionDigits: 0 });
}
