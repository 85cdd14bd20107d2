/**
 * The data.police.uk archive as downloaded, read by the app's archive reader
 * (src/formats/policeUkArchive.ts) from disk a file at a time, as the worker reads a dropped zip.
 *
 * The archive is generated once into bench/out/ and reused: folders `YYYY-MM`, and in each, per
 * force, `YYYY-MM-<force>-street.csv` with the 12 police.uk columns, plus the outcomes and stop
 * and search files the reader only counts. 36 months of the 44 forces of England, Wales and
 * Northern Ireland (BTP included), each force's rows in proportion to its share of recorded crime,
 * about 6 million street-level rows a year. The Met's points fall in London's wards (the wards the
 * app ships), every other force's in a box west of London, so that most rows are placed and
 * rejected as outside the wards as with the real archive and London's wards.
 *
 * `POLICEUK_ARCHIVE_MONTHS` makes a smaller archive (default 36).
 *
 * Figures: policeuk_archive_rows_per_s (street-level rows read per second, from the zip on disk to
 * the cube), policeuk_archive_s, policeuk_archive_peak_heap_mb (the largest heapUsed +
 * arrayBuffers seen while reading, sampled every 50 ms), policeuk_archive_peak_rss_mb; and the
 * ward locator among 7,040 wards, about England and Wales's number (bench/pip.ts, London's wards
 * ten times side by side): pip_7040_wards_points_per_s, and the share of points it places in the
 * same ward as Turf over every ward, pip_7040_wards_identical_share.
 */
import { closeSync, existsSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import path from 'node:path';
import { strToU8, Zip, ZipDeflate } from 'fflate';
import { mulberry32 } from '../scripts/demoData.ts';
import { readPoliceUkArchive } from '../src/formats/policeUkArchive.ts';
import { createWardLocator } from '../src/geo/wardLocator.ts';
import { WardLookup } from '../src/geo/wardLookup.ts';
import { londonWards } from './filter.ts';
import { diskSource } from './ingest.ts';
import { pipFigures } from './pip.ts';

const root = path.resolve(import.meta.dirname, '..');
const MONTHS = Number(process.env.POLICEUK_ARCHIVE_MONTHS ?? 36);
const FIRST_MONTH = { year: 2022, month: 10 };
const ROWS_PER_YEAR = 6_000_000;

/** The forces of data.police.uk as its archive names them, with a weight roughly their share of
 * recorded crime (the Met about a sixth). */
const FORCES: [string, number][] = [
  ['avon-and-somerset', 30],
  ['bedfordshire', 10],
  ['btp', 12],
  ['cambridgeshire', 15],
  ['cheshire', 17],
  ['city-of-london', 2],
  ['cleveland', 15],
  ['cumbria', 7],
  ['derbyshire', 18],
  ['devon-and-cornwall', 26],
  ['dorset', 10],
  ['durham', 12],
  ['dyfed-powys', 7],
  ['essex', 32],
  ['gloucestershire', 9],
  ['greater-manchester', 60],
  ['gwent', 10],
  ['hampshire', 32],
  ['hertfordshire', 18],
  ['humberside', 19],
  ['kent', 35],
  ['lancashire', 29],
  ['leicestershire', 18],
  ['lincolnshire', 10],
  ['merseyside', 30],
  ['metropolitan', 180],
  ['norfolk', 13],
  ['north-wales', 12],
  ['north-yorkshire', 11],
  ['northamptonshire', 13],
  ['northern-ireland', 20],
  ['northumbria', 28],
  ['nottinghamshire', 19],
  ['south-wales', 27],
  ['south-yorkshire', 32],
  ['staffordshire', 18],
  ['suffolk', 10],
  ['surrey', 15],
  ['sussex', 28],
  ['thames-valley', 38],
  ['warwickshire', 9],
  ['west-mercia', 20],
  ['west-midlands', 60],
  ['west-yorkshire', 60],
];

const CRIME_TYPES = [
  'Anti-social behaviour',
  'Violence and sexual offences',
  'Public order',
  'Criminal damage and arson',
  'Shoplifting',
  'Other theft',
  'Burglary',
  'Vehicle crime',
  'Drugs',
  'Robbery',
  'Theft from the person',
  'Possession of weapons',
  'Bicycle theft',
  'Other crime',
];

const HEADER =
  'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';

function monthName(offset: number): string {
  const index = FIRST_MONTH.year * 12 + FIRST_MONTH.month - 1 + offset;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export interface ArchiveFile {
  path: string;
  streetRows: number;
  months: number;
}

/** Writes the archive once (to a temporary name, renamed when whole); reused after that. */
export function policeUkArchive(months = MONTHS): ArchiveFile {
  const totalWeight = FORCES.reduce((sum, [, weight]) => sum + weight, 0);
  const rowsOf = (weight: number) => Math.round((ROWS_PER_YEAR / 12) * (weight / totalWeight));
  const streetRows = months * FORCES.reduce((sum, [, weight]) => sum + rowsOf(weight), 0);
  const out = path.join(root, 'bench/out');
  const file = path.join(out, `policeuk-archive-${months}-months.zip`);
  if (existsSync(file)) return { path: file, streetRows, months };
  mkdirSync(out, { recursive: true });
  const partial = `${file}.partial`;
  const descriptor = openSync(partial, 'w');
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    writeSync(descriptor, chunk);
  });
  const add = (name: string, text: string) => {
    const entry = new ZipDeflate(name, { level: 1 });
    zip.add(entry);
    entry.push(strToU8(text), true);
  };
  const random = mulberry32(36);
  const [west, south, east, north] = (londonWards().areas.at(-1) ?? { bounds: [0, 0, 0, 0] })
    .bounds;
  const hex = () =>
    Math.floor(random() * 2 ** 32)
      .toString(16)
      .padStart(8, '0');
  for (let offset = 0; offset < months; offset += 1) {
    const month = monthName(offset);
    process.stderr.write(`[bench] writing ${month} of the police.uk archive\n`);
    for (const [force, weight] of FORCES) {
      const lines = [HEADER];
      const name = `${force} Police`;
      for (let row = 0; row < rowsOf(weight); row += 1) {
        const type = CRIME_TYPES[Math.floor(random() * CRIME_TYPES.length)] as string;
        const inLondon = force === 'metropolitan';
        const longitude = inLondon ? west + random() * (east - west) : -5 + random() * 4;
        const latitude = inLondon ? south + random() * (north - south) : 50.5 + random() * 4;
        // 64 hex digits as in the archive (32 random, twice: half the cost of writing them).
        const id =
          type === 'Anti-social behaviour' ? '' : `${hex()}${hex()}${hex()}${hex()}`.repeat(2);
        lines.push(
          `${id},${month},${name},${name},${longitude.toFixed(6)},${latitude.toFixed(6)},On or near Parking Area,E01000001,Somewhere 001A,${type},Under investigation,`,
        );
      }
      add(`${month}/${month}-${force}-street.csv`, `${lines.join('\n')}\n`);
      add(`${month}/${month}-${force}-outcomes.csv`, 'Crime ID,Month,Reported by\n');
      add(
        `${month}/${month}-${force}-stop-and-search.csv`,
        'Type,Date,Part of a policing operation\n',
      );
    }
  }
  zip.end();
  closeSync(descriptor);
  renameSync(partial, file);
  return { path: file, streetRows, months };
}

export async function policeUkArchiveFigures(): Promise<{
  figures: [string, number][];
  comments: string[];
}> {
  const archive = policeUkArchive();
  const wardSet = londonWards();
  const locator = createWardLocator(
    wardSet.wards.map((ward) => ({
      code: ward.code,
      geometry: (wardSet.features[ward.index] as (typeof wardSet.features)[number]).geometry,
    })),
  );
  const source = await diskSource(archive.path);
  let peakHeap = 0;
  let peakRss = 0;
  const sample = () => {
    const memory = process.memoryUsage();
    peakHeap = Math.max(peakHeap, memory.heapUsed + memory.arrayBuffers);
    peakRss = Math.max(peakRss, memory.rss);
  };
  const sampler = setInterval(sample, 50);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const parsed = await readPoliceUkArchive(source, {
    fileName: path.basename(archive.path),
    lookup: new WardLookup(wardSet.wards),
    locate: locator.codeAt,
  }).result;
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  sample();
  clearInterval(sampler);
  await source.close();
  if (parsed.kind !== 'offences') throw new Error(`the archive read as ${parsed.kind}`);
  const { report } = parsed;
  if (report.rowsRead !== archive.streetRows)
    throw new Error(`read ${report.rowsRead} rows of the ${archive.streetRows} written`);
  // England and Wales have about 7,000 wards: placing points among that many.
  const national = pipFigures({ copies: 10, naiveSample: 1000 });
  const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
  return {
    figures: [
      ['policeuk_archive_rows_per_s', Math.round(report.rowsRead / seconds)],
      ['policeuk_archive_s', Number(seconds.toFixed(1))],
      ['policeuk_archive_peak_heap_mb', mb(peakHeap)],
      ['policeuk_archive_peak_rss_mb', mb(peakRss)],
      ['pip_7040_wards_points_per_s', national.pip_points_per_s],
      ['pip_7040_wards_identical_share', national.pip_identical_share],
    ],
    comments: [
      `# police.uk archive: ${path.relative(root, archive.path)}, ${(source.size / 1e6).toFixed(0)} MB zipped, ${archive.months} months of ${FORCES.length} forces, ${report.rowsRead.toLocaleString('en-GB')} street-level rows, ${report.rowsLoaded.toLocaleString('en-GB')} placed in London's ${wardSet.wards.length} wards; heap MB = 2^20 bytes of heapUsed + arrayBuffers; ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of CPU in ${seconds.toFixed(1)} s (a shared machine runs other work too)`,
    ],
  };
}

if (process.argv[1] === import.meta.filename) {
  const { figures, comments } = await policeUkArchiveFigures();
  for (const [name, value] of figures) console.log(`${name}: ${value}`);
  for (const comment of comments) console.log(comment);
}
