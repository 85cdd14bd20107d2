import { describe, expect, it } from 'vitest';
import { mappingOf } from '../../tests/support/columnMappings.ts';
import { maidstoneWard } from '../../tests/support/wards.ts';
import { decodeWardTopology } from '../geo/wardSet.ts';
import { readBoundaryFile } from './boundaryFile.ts';
import { BOUNDARY_FORMAT } from './boundaryFormats.ts';
import type { ColumnRole } from './columnMapping.ts';

const KENT = {
  type: 'FeatureCollection',
  features: [
    maidstoneWard('E05015901', 'Allington', 0, 0),
    maidstoneWard('E05015902', 'Barming', 1, 0),
    { type: 'Feature', properties: { WD23CD: 'E05015903', WD23NM: 'Broken' }, geometry: null },
    maidstoneWard('E05015904', 'Bearsted', 0, 1),
    maidstoneWard('E05015905', 'Boxley', 1, 1),
  ],
};

describe('readBoundaryFile', () => {
  it('turns a ward GeoJSON into the wards of its district and reports the bad feature', () => {
    const parsed = readBoundaryFile(JSON.stringify(KENT), 'kent.geojson');
    if (parsed.kind !== 'boundaries') throw new Error(parsed.message);
    expect(parsed.report).toMatchObject({
      fileName: 'kent.geojson',
      format: BOUNDARY_FORMAT,
      rowsRead: 5,
      rowsLoaded: 4,
      rejectedCount: 1,
      // The third feature of the file.
      rejected: [{ row: 3, reason: 'No geometry (ward E05015903)' }],
      reasons: [{ reason: 'No geometry', count: 1, setAside: false }],
    });
    expect(parsed.report.notes).toContain(
      'Ward code property WD23CD (vintage WD23); features read 5, valid 4, rejected 1.',
    );
    const wards = decodeWardTopology(parsed.topology);
    expect(wards.wards.map((each) => each.name)).toEqual([
      'Allington',
      'Barming',
      'Bearsted',
      'Boxley',
    ]);
    // One district: one area, with no "all areas" beside it.
    expect(wards.areas.map((area) => [area.id, area.name])).toEqual([['E07000110', 'Maidstone']]);
    // Allington touches the other three (queen contiguity: Boxley at a corner).
    expect(wards.wards[0]?.neighbours).toEqual([1, 2, 3]);
  });

  it('says why a file cannot be boundaries', () => {
    expect(readBoundaryFile('{"type": "Feature', 'cut.geojson')).toMatchObject({
      kind: 'unrecognised',
      message: expect.stringMatching(/^The file is not valid JSON/),
    });
    expect(
      readBoundaryFile(
        JSON.stringify({ type: 'FeatureCollection', features: [{ properties: {} }] }),
        'other.json',
      ),
    ).toMatchObject({ kind: 'unrecognised', message: expect.stringMatching(/^No ward code/) });
  });
});

/** KENT's good wards with properties as a council's GIS might name them. */
const COUNCIL = {
  type: 'FeatureCollection',
  features: KENT.features
    .filter((feature) => feature.geometry !== null)
    .map((feature, index) => ({
      ...feature,
      properties: {
        area_ha: 100 + index,
        code: (feature.properties as Record<string, string>).WD23CD,
        label: (feature.properties as Record<string, string>).WD23NM,
        district: 'E07000110',
      },
    })),
};
const COUNCIL_NAMES = ['area_ha', 'code', 'label', 'district'];

const boundaryMapping = (roles: ColumnRole[]) =>
  mappingOf(COUNCIL_NAMES, roles, { id: 'b1', name: 'Kent wards', rowsAre: 'boundaries' });

describe('boundary properties not named as ONS names them', () => {
  it('asks for them, proposing the ward code and the borough code from their values and the name from words', () => {
    const parsed = readBoundaryFile(JSON.stringify(COUNCIL), 'council.geojson');
    if (parsed.kind !== 'columns') throw new Error(parsed.kind);
    expect(parsed.boundaries).toBe(true);
    expect(parsed.header).toEqual(COUNCIL_NAMES);
    // "label" holds a different word for each ward; "area_ha" holds numbers.
    expect(parsed.roles).toEqual(['ignore', 'ward_code', 'ward_name', 'lad_code']);
    expect(parsed.rows[0]).toEqual(['100', 'E05015901', 'Allington', 'E07000110']);
  });

  it('reads them as matched, and as saved for files with the same properties', () => {
    const mapping = boundaryMapping(['ignore', 'ward_code', 'ward_name', 'lad_code']);
    const matched = readBoundaryFile(JSON.stringify(COUNCIL), 'council.geojson', { mapping });
    if (matched.kind !== 'boundaries') throw new Error(matched.kind);
    const wards = decodeWardTopology(matched.topology);
    expect(wards.wards.map((ward) => [ward.code, ward.name])).toEqual([
      ['E05015901', 'Allington'],
      ['E05015902', 'Barming'],
      ['E05015904', 'Bearsted'],
      ['E05015905', 'Boxley'],
    ]);
    expect(wards.areas.map((area) => area.id)).toEqual(['E07000110']);
    expect(matched.report.notes[0]).toBe(
      'Ward code property code (as matched); features read 4, valid 4, rejected 0.',
    );
    // The names in another order and case: the saved matching is found.
    const renamed = {
      ...COUNCIL,
      features: COUNCIL.features.map((feature) => ({
        ...feature,
        properties: Object.fromEntries(
          Object.entries(feature.properties)
            .reverse()
            .map(([name, value]) => [name.toUpperCase(), value]),
        ),
      })),
    };
    const saved = readBoundaryFile(JSON.stringify(renamed), 'council-2.geojson', {
      mappings: [mapping],
    });
    if (saved.kind !== 'boundaries') throw new Error(saved.kind);
    expect(saved.report.notes[0]).toBe(
      'Read with the saved column matching “Kent wards”, kept for files with these properties.',
    );
    expect(decodeWardTopology(saved.topology).wards.map((ward) => ward.name)).toEqual([
      'Allington',
      'Barming',
      'Bearsted',
      'Boxley',
    ]);
    // A matching of a table's columns is not one of boundary properties.
    expect(
      readBoundaryFile(JSON.stringify(COUNCIL), 'council.geojson', {
        mappings: [{ ...mapping, rowsAre: 'offences' }],
      }).kind,
    ).toBe('columns');
  });

  it('asks for ONS-named properties too when the user wants to match them', () => {
    const parsed = readBoundaryFile(JSON.stringify(KENT), 'kent.geojson', { matchColumns: true });
    if (parsed.kind !== 'columns') throw new Error(parsed.kind);
    expect(parsed.roles).toEqual(['ward_code', 'ward_name', 'lad_code', 'lad_name']);
  });
});
