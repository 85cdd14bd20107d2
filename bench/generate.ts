/**
 * The all-London native hourly file the ingest, filter and memory figures read: 5 million rows of
 * ward × theme × month × weekday × hour over every borough ward (the City of London's wards are
 * left out, as in the MPS series), seeded, written once to bench/out/ and reused while its
 * parameters stay the same.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { mulberry32 } from '../scripts/demoData.ts';
import { monthKey } from '../src/data/calendar.ts';
import { WARD_OBJECT, type WardFileProperties, type WardTopology } from '../src/geo/wardFile.ts';

const root = path.resolve(import.meta.dirname, '..');
const CITY_OF_LONDON = 'E09000001';
const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export interface LondonFileParameters {
  rows: number;
  themes: string[];
  firstMonth: string;
  months: number;
  seed: number;
  /** Share of (ward, theme, month) cells with one row of unknown time (blank weekday and hour). */
  unknownTimeShare: number;
}

export const LONDON_FILE: LondonFileParameters = {
  rows: 5_000_000,
  // No all_serious_violence: "All serious violence" then sums all five, the heaviest filter.
  themes: ['youth_violence', 'domestic_abuse', 'sexual_violence', 'robbery', 'knife_crime'],
  firstMonth: '2021-01',
  months: 60,
  seed: 20_260_101,
  unknownTimeShare: 0.05,
};

export interface LondonFile {
  path: string;
  bytes: number;
  wardCodes: string[];
  parameters: LondonFileParameters;
}

/** The app's ward file (public/data/wards.topo.json, from `npm run data`). */
export function wardTopology(): WardTopology {
  return JSON.parse(
    readFileSync(path.join(root, 'public/data/wards.topo.json'), 'utf8'),
  ) as WardTopology;
}

/** Codes of the borough wards in the app's ward file, in file order. */
export function boroughWardCodes(): string[] {
  return wardTopology()
    .objects[WARD_OBJECT].geometries.filter(
      (geometry) => (geometry.properties as WardFileProperties).lad !== CITY_OF_LONDON,
    )
    .map((geometry) => String(geometry.id));
}

/** Writes the file unless one with the same parameters and ward codes is already there. */
export function londonFile(parameters: LondonFileParameters = LONDON_FILE): LondonFile {
  const wardCodes = boroughWardCodes();
  const out = path.join(root, 'bench/out');
  const file = path.join(out, `london-native-${parameters.rows}.csv`);
  const stamp = `${file}.json`;
  const wanted = JSON.stringify({ parameters, wardCodes });
  if (existsSync(file) && existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) {
    return { path: file, bytes: statSync(file).size, wardCodes, parameters };
  }
  mkdirSync(out, { recursive: true });
  const bytes = write(file, parameters, wardCodes);
  writeFileSync(stamp, wanted);
  return { path: file, bytes, wardCodes, parameters };
}

/**
 * Rows month by month, then ward, then theme, in slot order within a cell, as an export sorted
 * by date would come. Each (ward, theme, month) cell gets the same share of rows (24 or 25 for
 * the defaults), on distinct hours of the week.
 */
function write(file: string, parameters: LondonFileParameters, wardCodes: string[]): number {
  const random = mulberry32(parameters.seed);
  const [year, month] = parameters.firstMonth.split('-').map(Number) as [number, number];
  const first = year * 12 + month - 1;
  const cells = parameters.months * wardCodes.length * parameters.themes.length;
  const descriptor = openSync(file, 'w');
  const encoder = new TextEncoder();
  const slots = Uint8Array.from({ length: 168 }, (_, index) => index);
  let lines: string[] = ['ward_code,theme,month,weekday,hour,count'];
  let pending = lines[0]?.length ?? 0;
  let bytes = 0;
  const flush = () => {
    const chunk = encoder.encode(`${lines.join('\n')}\n`);
    writeSync(descriptor, chunk);
    bytes += chunk.length;
    lines = [];
    pending = 0;
  };
  let cell = 0;
  for (let monthOffset = 0; monthOffset < parameters.months; monthOffset += 1) {
    const key = monthKey(first + monthOffset);
    for (const code of wardCodes) {
      for (const theme of parameters.themes) {
        const rows =
          Math.floor(((cell + 1) * parameters.rows) / cells) -
          Math.floor((cell * parameters.rows) / cells);
        cell += 1;
        const unknown = rows > 0 && random() < parameters.unknownTimeShare ? 1 : 0;
        // A partial Fisher-Yates shuffle picks distinct hours of the week.
        const timed = rows - unknown;
        for (let pick = 0; pick < timed; pick += 1) {
          const other = pick + Math.floor(random() * (168 - pick));
          const swap = slots[pick] as number;
          slots[pick] = slots[other] as number;
          slots[other] = swap;
        }
        const chosen = [...slots.subarray(0, timed)].sort((a, b) => a - b);
        for (const slot of chosen) {
          const count = 1 + Math.floor(-Math.log(1 - random()) * 1.5);
          const line = `${code},${theme},${key},${WEEKDAY_NAMES[Math.floor(slot / 24)]},${slot % 24},${count}`;
          lines.push(line);
          pending += line.length + 1;
        }
        if (unknown) {
          const line = `${code},${theme},${key},,,${1 + Math.floor(random() * 3)}`;
          lines.push(line);
          pending += line.length + 1;
        }
        if (pending > 1 << 22) flush();
      }
    }
  }
  flush();
  closeSync(descriptor);
  return bytes;
}

if (process.argv[1] === import.meta.filename) {
  const started = performance.now();
  const file = londonFile();
  console.log(
    `${path.relative(root, file.path)}: ${(file.bytes / 1e6).toFixed(1)} MB, ${file.wardCodes.length} wards ` +
      `(${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
}
