/**
 * `npm run test:real-data`: the committed data is what the project's own code makes of the full
 * official files in `../shared/geodata`: the London wards and populations
 * (`npm run data:refresh`) and the test fixtures (`npm run fixtures`), byte for byte.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { buildWardData } from './build.ts';
import { tempDir } from './fixtures.ts';
import { BOUNDARIES_FILE, committedDataDir, sharedGeodataDir } from './sources.ts';

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = sharedGeodataDir(PROJECT_ROOT);
const run = promisify(execFile);

/** Every file of a folder, by name. */
function contents(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [name, readFileSync(join(dir, name), 'utf8')]),
  );
}

describe('the committed data, rebuilt from ../shared/geodata', () => {
  const out = tempDir();
  afterAll(out.remove);

  it('finds the full public files', () => {
    expect(existsSync(join(SHARED, BOUNDARIES_FILE))).toBe(true);
  });

  it('npm run data:refresh writes geodata/london-2024 as committed, all 704 wards valid', async () => {
    const result = await buildWardData({
      projectRoot: PROJECT_ROOT,
      outDir: out.dir,
      mode: 'refresh',
      env: {},
    });
    expect(result.wards?.rejectedCount).toBe(0);
    expect(result.manifest.boundaries.wardCount).toBe(704);
    const { 'README.md': _readme, ...committed } = contents(committedDataDir(PROJECT_ROOT));
    expect(contents(out.dir)).toEqual(committed);
  });

  it('npm run fixtures writes tests/fixtures as committed', async () => {
    const fixtures = tempDir();
    try {
      await run(
        join(PROJECT_ROOT, 'node_modules', '.bin', 'node'),
        ['scripts/cut-fixtures.ts', '--out', fixtures.dir],
        { cwd: PROJECT_ROOT },
      );
      expect(contents(fixtures.dir)).toEqual(contents(join(PROJECT_ROOT, 'tests', 'fixtures')));
    } finally {
      fixtures.remove();
    }
  });
});
