import { describe, expect, it } from 'vitest';
import { maidstoneWard } from '../../tests/support/wards.ts';
import { decodeWardTopology } from '../geo/wardSet.ts';
import { readBoundaryFile } from './boundaryFile.ts';
import { BOUNDARY_FORMAT } from './boundaryFormats.ts';

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
        JSON.stringify({ type: 'FeatureCollection', features: [{ properties: { name: 'x' } }] }),
        'other.json',
      ),
    ).toMatchObject({ kind: 'unrecognised', message: expect.stringMatching(/^No ward code/) });
  });
});
