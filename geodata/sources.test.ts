import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { featureCollection, gridWards, tempDir, writeJson } from './fixtures.ts';
import {
  chooseSource,
  committedDataDir,
  csvHeader,
  findInFolder,
  firstFeaturePropertyNames,
  isWardBoundaryFile,
  SourceError,
  sharedGeodataDir,
} from './sources.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function folder(): string {
  const { dir, remove } = tempDir();
  cleanups.push(remove);
  return dir;
}

const wardCollection = (codeProperty: string) =>
  featureCollection(gridWards(2, (code) => ({ [codeProperty]: code, name: 'x' })));

describe('recognising files', () => {
  it('reads the first feature property names from the start of a GeoJSON file', () => {
    const dir = folder();
    const file = join(dir, 'w.geojson');
    writeFileSync(
      file,
      `{"type":"FeatureCollection","name":"x","crs":{"type":"name","properties":{"name":"EPSG:4326"}},"features":[{"type":"Feature","properties":{"wd21cd":"E05000001","WD21NM":"A"},"geometry":null}]}`,
    );
    expect(firstFeaturePropertyNames(file)).toEqual(['wd21cd', 'WD21NM']);
    expect(isWardBoundaryFile(file)).toBe(true);
    writeJson(join(dir, 'lsoa.geojson'), wardCollection('LSOA21CD'));
    expect(isWardBoundaryFile(join(dir, 'lsoa.geojson'))).toBe(false);
    writeFileSync(join(dir, 'broken.geojson'), 'not json');
    expect(isWardBoundaryFile(join(dir, 'broken.geojson'))).toBe(false);
  });

  it('reads a CSV header, ignoring a byte-order mark', () => {
    const dir = folder();
    writeFileSync(
      join(dir, 'p.csv'),
      '\uFEFFWD22CD,"ward name",usual_residents\r\nE05000001,A,10\r\n',
    );
    expect(csvHeader(join(dir, 'p.csv'))).toEqual(['WD22CD', 'ward name', 'usual_residents']);
  });

  it('finds the boundaries, population and lookup of a folder by their contents', () => {
    const dir = folder();
    writeJson(join(dir, 'a_lsoas.geojson'), wardCollection('LSOA21CD'));
    writeJson(join(dir, 'b_wards.geojson'), wardCollection('WD22CD'));
    writeJson(join(dir, 'c_wards.geojson'), wardCollection('WD23CD'));
    writeFileSync(join(dir, 'a_notes.csv'), 'what,why\n');
    writeFileSync(join(dir, 'lookup.csv'), 'WD22CD,WD22NM,LAD22CD,LAD22NM\n');
    writeFileSync(join(dir, 'people.csv'), 'WD22CD,ward_name,LAD22CD,usual_residents\n');
    writeFileSync(join(dir, 'readme.txt'), 'hello');
    expect(findInFolder(dir)).toEqual({
      boundaries: join(dir, 'b_wards.geojson'),
      population: join(dir, 'people.csv'),
      lookup: join(dir, 'lookup.csv'),
    });
  });

  it('prefers london_wards_2024_bgc.geojson', () => {
    const dir = folder();
    writeJson(join(dir, 'a_wards.geojson'), wardCollection('WD22CD'));
    writeJson(join(dir, 'london_wards_2024_bgc.geojson'), wardCollection('WD24CD'));
    expect(findInFolder(dir)).toEqual({
      boundaries: join(dir, 'london_wards_2024_bgc.geojson'),
      population: null,
      lookup: null,
    });
  });
});

describe('chooseSource', () => {
  /** A project folder beside a `shared/geodata` folder, with or without its committed data. */
  function layout(options: { committed?: boolean; shared?: boolean; userDir?: boolean }) {
    const root = folder();
    const project = join(root, 'project');
    mkdirSync(project);
    const shared = join(root, 'shared', 'geodata');
    if (options.committed) {
      mkdirSync(join(project, 'geodata', 'london-2024'), { recursive: true });
      writeFileSync(join(project, 'geodata', 'london-2024', 'manifest.json'), '{}');
    }
    if (options.shared) {
      mkdirSync(shared, { recursive: true });
      writeJson(join(shared, 'london_wards_2024_bgc.geojson'), wardCollection('WD24CD'));
      writeFileSync(
        join(shared, 'census2021_ward_population_london.csv'),
        'WD22CD,usual_residents\n',
      );
    }
    if (options.userDir) {
      mkdirSync(join(project, 'downloads'));
      writeJson(join(project, 'downloads', 'wards.geojson'), wardCollection('WD24CD'));
    }
    return { project, shared };
  }
  const data = { mode: 'data', download: false } as const;
  const refresh = { mode: 'refresh', download: false } as const;

  it('uses WARD_DATA_DIR first, relative to the project root, in both modes', () => {
    const { project } = layout({ committed: true, shared: true, userDir: true });
    const user = {
      kind: 'files',
      files: {
        origin: 'WARD_DATA_DIR',
        dir: join(project, 'downloads'),
        boundaries: join(project, 'downloads', 'wards.geojson'),
        population: null,
        lookup: null,
      },
    };
    expect(chooseSource(project, { WARD_DATA_DIR: 'downloads' }, data)).toEqual(user);
    expect(chooseSource(project, { WARD_DATA_DIR: 'downloads' }, refresh)).toEqual(user);
  });

  it('by default uses the committed data, even with ../shared/geodata beside the project', () => {
    const { project } = layout({ committed: true, shared: true });
    expect(committedDataDir(project)).toBe(join(project, 'geodata', 'london-2024'));
    expect(chooseSource(project, { WARD_DATA_DIR: '  ' }, data)).toEqual({
      kind: 'committed',
      dir: committedDataDir(project),
    });
    // Downloading only when asked.
    expect(chooseSource(project, {}, { mode: 'data', download: true })).toEqual({
      kind: 'download',
    });
  });

  it('fails clearly by default when the committed data is missing, never downloading', () => {
    const { project } = layout({ shared: true });
    expect(() => chooseSource(project, {}, data)).toThrow(
      /The committed ward data is missing .*london-2024.manifest\.json.*restore it with git/,
    );
  });

  it('refreshes from ../shared/geodata, or by download when asked, and never from nothing', () => {
    const { project, shared } = layout({ committed: true, shared: true });
    expect(sharedGeodataDir(project)).toBe(shared);
    expect(chooseSource(project, {}, refresh)).toEqual({
      kind: 'files',
      files: {
        origin: 'shared',
        dir: shared,
        boundaries: join(shared, 'london_wards_2024_bgc.geojson'),
        population: join(shared, 'census2021_ward_population_london.csv'),
        lookup: null,
      },
    });
    expect(chooseSource(project, {}, { mode: 'refresh', download: true })).toEqual({
      kind: 'download',
    });
    const alone = layout({ committed: true }).project;
    expect(() => chooseSource(alone, {}, refresh)).toThrow(
      /Nothing to refresh geodata\/london-2024 from: set WARD_DATA_DIR .* or add --download/,
    );
  });

  it('refuses WARD_DATA_DIR together with --download', () => {
    const { project } = layout({ committed: true, userDir: true });
    expect(() =>
      chooseSource(project, { WARD_DATA_DIR: 'downloads' }, { mode: 'data', download: true }),
    ).toThrow('Choose one source: WARD_DATA_DIR or --download, not both.');
  });

  it('fails clearly when WARD_DATA_DIR is missing or holds no ward boundaries', () => {
    const root = folder();
    expect(() => chooseSource(root, { WARD_DATA_DIR: 'nowhere' }, data)).toThrow(SourceError);
    expect(() => chooseSource(root, { WARD_DATA_DIR: 'nowhere' }, data)).toThrow(
      /WARD_DATA_DIR is not a folder/,
    );
    writeJson(join(root, 'lsoas.geojson'), wardCollection('LSOA21CD'));
    expect(() => chooseSource(root, { WARD_DATA_DIR: root }, refresh)).toThrow(
      /holds no ward boundary GeoJSON: expected london_wards_2024_bgc.geojson or a \*.geojson whose features have a WDyyCD/,
    );
  });
});
