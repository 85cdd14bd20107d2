/**
 * Writes the deterministic synthetic demo offences for RBKC to `public/demo/offences.csv`
 * (native aggregated offence CSV v1) and prints a short summary.
 *
 * Usage: node scripts/demo-data.ts [--seed N] [--out path]
 * The same seed always writes a byte-identical file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { monthIndex, monthKey } from '../src/data/calendar.ts';
import {
  DEFAULT_MONTHS,
  DEFAULT_SEED,
  DEFAULT_START_MONTH,
  DEMO_ALL_THEME,
  DEMO_AREA_NAME,
  DEMO_THEMES,
  formatNativeCsv,
  generateDemoOffences,
  RBKC_WARDS,
  summariseDemoRows,
} from './demoData.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function argValue(name: string): string | undefined {
  const args = process.argv.slice(2);
  const at = args.indexOf(name);
  if (at >= 0) return args[at + 1];
  const inline = args.find((arg) => arg.startsWith(`${name}=`));
  return inline?.slice(name.length + 1);
}

const seedArg = argValue('--seed');
const seed = seedArg === undefined ? DEFAULT_SEED : Number(seedArg);
if (!Number.isInteger(seed)) {
  console.error(`--seed must be a whole number, got "${seedArg}"`);
  process.exit(1);
}
const out = resolve(root, argValue('--out') ?? 'public/demo/offences.csv');

const rows = generateDemoOffences({ seed });
const csv = formatNativeCsv(rows);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, csv);

const bytes = Buffer.byteLength(csv);
const gzipBytes = gzipSync(csv, { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;

const first = monthIndex(DEFAULT_START_MONTH) ?? 0;
const last = first + DEFAULT_MONTHS - 1;
const latestFrom = monthKey(last - 11);
const latestTo = monthKey(last);
const whole = summariseDemoRows(rows);
const latest = summariseDemoRows(rows, latestFrom, latestTo);

const names = new Map(RBKC_WARDS.map((ward) => [ward.code, ward.name]));
const themes = [...DEMO_THEMES, DEMO_ALL_THEME];
const fmt = (n: number) => n.toLocaleString('en-GB');

console.log(
  `demo data: ${relative(root, out)}: ${fmt(rows.length)} rows, ${kb(bytes)} (${kb(gzipBytes)} gzip), ` +
    `${DEMO_AREA_NAME}, ${monthKey(first)} to ${latestTo}, seed ${seed}`,
);
for (const theme of themes) {
  const total = whole.byTheme.get(theme) ?? 0;
  const unknown = whole.unknownByTheme.get(theme) ?? 0;
  const top = [...(latest.byThemeWard.get(theme) ?? new Map<string, number>())]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 5)
    .map(([code, count]) => `${names.get(code) ?? code} ${count}`)
    .join(', ');
  console.log(
    `  ${theme.padEnd(20)} ${fmt(total).padStart(6)} total, ${fmt(latest.byTheme.get(theme) ?? 0).padStart(5)} ` +
      `in ${latestFrom}..${latestTo} (top: ${top}), ${((100 * unknown) / Math.max(total, 1)).toFixed(1)}% unknown time`,
  );
}
