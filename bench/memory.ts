/**
 * Memory after loading the all-London file, in a process of its own (run by bench/run.ts with
 * `node --expose-gc bench/memory.ts <file>`): prints one JSON line.
 * - heapMb: heapUsed + arrayBuffers after a full GC, the loaded cube held;
 * - peakRssMb / baseRssMb: the process's peak resident memory (VmHWM) over the load, and its
 *   resident memory before it, to see what the load needed at its worst.
 * MB are 10^6 bytes.
 */
import { readFileSync } from 'node:fs';
import { readCsv } from '../src/formats/readFile.ts';
import { WardLookup } from '../src/geo/wardLookup.ts';
import { londonWards } from './filter.ts';
import { diskSource } from './ingest.ts';

const gc = (globalThis as { gc?: () => void }).gc;

function statusMb(field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(
    readFileSync('/proc/self/status', 'utf8'),
  );
  return match ? (Number(match[1]) * 1024) / 1e6 : Number.NaN;
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file || !gc) throw new Error('usage: node --expose-gc bench/memory.ts <file>');
  const lookup = new WardLookup(londonWards().wards);
  gc();
  const baseRssMb = statusMb('VmRSS');
  const source = await diskSource(file);
  const parsed = await readCsv(source, { fileName: 'london.csv', lookup }).result;
  await source.close();
  // Let the collector finish freeing buffers before counting what is held.
  gc();
  await new Promise((resolve) => setTimeout(resolve, 100));
  gc();
  const usage = process.memoryUsage();
  const heapMb = (usage.heapUsed + usage.arrayBuffers) / 1e6;
  const rows = parsed.kind === 'offences' ? parsed.report.rowsLoaded : 0;
  console.log(JSON.stringify({ heapMb, peakRssMb: statusMb('VmHWM'), baseRssMb, rows }));
}

await main();
