/**
 * Workspace files on all of London (five years of hourly counts, bench/generate.ts): how long
 * saving and opening take, and the file's size. Saving is the app's path in its worker (the cube
 * laid out, gzipped, encrypted with a PBKDF2 key, hashed); opening checks, decrypts, gunzips and
 * rebuilds the cube. Best of a few runs; the decoded cube is checked bit for bit against the one
 * saved. bench/london.ts prints these with the other all-London figures; `node bench/workspace.ts`
 * prints them alone.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Dataset } from '../src/data/dataset.ts';
import type { AnalysisContents } from '../src/workspace/contents.ts';
import { readWorkspace, writeWorkspace } from '../src/workspace/workspaceFile.ts';

const RUNS = 3;
const WORKSPACE_PASSPHRASE = 'bench passphrase, long enough';
/** The encrypted file saved, to open in the app by hand. */
const WORKSPACE_FILE = path.resolve(import.meta.dirname, 'out/london.workspace');

function sameCube(saved: Dataset, opened: Dataset): boolean {
  const blocks = saved.cube.cumulative;
  return (
    blocks.length === opened.cube.cumulative.length &&
    blocks.every((block, index) => {
      const other = opened.cube.cumulative[index];
      if (!other || other.constructor !== block.constructor) return false;
      const a = new Uint32Array(block.buffer, block.byteOffset, block.byteLength / 4);
      const b = new Uint32Array(other.buffer, other.byteOffset, other.byteLength / 4);
      return a.length === b.length && a.every((value, at) => value === b[at]);
    })
  );
}

export async function workspaceFigures(
  dataset: Dataset,
): Promise<{ figures: [string, number][]; comments: string[] }> {
  const contents: AnalysisContents = {
    kind: 'analysis',
    savedBy: 'bench',
    savedAt: new Date().toISOString(),
    view: '?area=london',
    savedViews: [],
    datasets: [dataset],
    boundaries: null,
    populations: null,
    services: null,
    columnMappings: [],
  };
  // Months that share a block hold it once.
  const cubeMb =
    [...new Set(dataset.cube.cumulative)].reduce((sum, block) => sum + block.byteLength, 0) / 1e6;
  const timings = { save: [] as number[], open: [] as number[], plainSave: [] as number[] };
  let bytes = 0;
  let plainBytes = 0;
  for (let run = 0; run < RUNS; run += 1) {
    let started = performance.now();
    const file = await writeWorkspace(contents, WORKSPACE_PASSPHRASE);
    timings.save.push(performance.now() - started);
    bytes = file.length;
    started = performance.now();
    const opened = await readWorkspace(file, WORKSPACE_PASSPHRASE);
    timings.open.push(performance.now() - started);
    if (opened.kind !== 'analysis' || !sameCube(dataset, opened.datasets[0] as Dataset))
      throw new Error('the workspace opened does not hold the cube saved');
    mkdirSync(path.dirname(WORKSPACE_FILE), { recursive: true });
    writeFileSync(WORKSPACE_FILE, file);
    started = performance.now();
    plainBytes = (await writeWorkspace(contents, null)).length;
    timings.plainSave.push(performance.now() - started);
  }
  const best = (samples: number[]) => Math.round(Math.min(...samples));
  const list = (samples: number[]) => samples.map((value) => value.toFixed(0)).join(' ');
  return {
    figures: [
      ['workspace_save_ms', best(timings.save)],
      ['workspace_open_ms', best(timings.open)],
      ['workspace_bytes', bytes],
    ],
    comments: [
      `# workspace: the all-London cube (${cubeMb.toFixed(0)} MB in memory), encrypted (AES-256-GCM, PBKDF2-SHA-256 600,000 iterations); best of ${RUNS}: save ${list(timings.save)} ms, open ${list(timings.open)} ms; ${(bytes / 1e6).toFixed(1)} MB on disk; unencrypted save ${list(timings.plainSave)} ms, ${(plainBytes / 1e6).toFixed(1)} MB`,
    ],
  };
}

if (process.argv[1] === import.meta.filename) {
  const { londonFile } = await import('./generate.ts');
  const { appIngest } = await import('./ingest.ts');
  const { datasetOf, londonWards } = await import('./filter.ts');
  const ingested = await appIngest(londonFile().path, londonWards().wards, 1);
  const { figures, comments } = await workspaceFigures(datasetOf(ingested.parsed));
  for (const [name, value] of figures) console.log(`${name}: ${value}`);
  for (const comment of comments) console.log(comment);
}
