import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { featureCollection, gridWards, tempDir, writeJson } from './fixtures.ts';
import {
  csvHeader,
  findInFolder,
  findSources,
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

describe('findSources', () => {
  it('uses WARD_DATA_DIR first, relative to the project root', () => {
    const root = folder();
    const project = join(root, 'project');
    mkdirSync(join(project, 'downloads'), { recursive: true });
    mkdirSync(join(root, 'shared', 'geodata'), { recursive: true });
    writeJson(
      join(root, 'shared', 'geodata', 'london_wards_2024_bgc.geojson'),
      wardCollection('WD24CD'),
    );
    writeJson(join(project, 'downloads', 'wards.geojson'), wardCollection('WD24CD'));
    expect(findSources(project, { WARD_DATA_DIR: 'downloads' })).toEqual({
      origin: 'WARD_DATA_DIR',
      dir: join(project, 'downloads'),
      boundaries: join(project, 'downloads', 'wards.geojson'),
      population: null,
      lookup: null,
    });
  });

  it('falls back to ../shared/geodata, then to nothing', () => {
    const root = folder();
    const project = join(root, 'project');
    mkdirSync(project);
    expect(findSources(project, {})).toBeNull();
    const shared = join(root, 'shared', 'geodata');
    expect(sharedGeodataDir(project)).toBe(shared);
    mkdirSync(shared, { recursive: true });
    writeFileSync(
      join(shared, 'census2021_ward_population_london.csv'),
      'WD22CD,usual_residents\n',
    );
    expect(findSources(project, {})).toBeNull();
    writeJson(join(shared, 'london_wards_2024_bgc.geojson'), wardCollection('WD24CD'));
    expect(findSources(project, { WARD_DATA_DIR: '  ' })).toEqual({
      origin: 'shared',
      dir: shared,
      boundaries: join(shared, 'london_wards_2024_bgc.geojson'),
      population: join(shared, 'census2021_ward_population_london.csv'),
      lookup: null,
    });
  });

  it('fails clearly when WARD_DATA_DIR is missing or holds no ward boundaries', () => {
    const root = folder();
    expect(() => findSources(root, { WARD_DATA_DIR: 'nowhere' })).toThrow(SourceError);
    expect(() => findSources(root, { WARD_DATA_DIR: 'nowhere' })).toThrow(
      /WARD_DATA_DIR is not a folder/,
    );
    writeJson(join(root, 'lsoas.geojson'), wardCollection('LSOA21CD'));
    expect(() => findSources(root, { WARD_DATA_DIR: root })).toThrow(
      /holds no ward boundary GeoJSON: expected london_wards_2024_bgc.geojson or a \*.geojson whose features have a WDyyCD/,
    );
  });
});
