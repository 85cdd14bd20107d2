import { describe, expect, it } from 'vitest';
import { reasonCounts } from '../data/report.ts';
import { WardLookup } from '../geo/wardLookup.ts';
import type { ByteSource } from './byteSource.ts';
import { type ParsedFile, readCsv } from './readFile.ts';

const lookup = new WardLookup([{ code: 'E05009396', name: 'Golborne', lad: 'E09000020' }]);

async function readServices(source: string | ByteSource) {
  const parsed: ParsedFile = await readCsv(source, { fileName: 'services.csv', lookup }).result;
  if (parsed.kind !== 'services') throw new Error(`expected services, got ${parsed.kind}`);
  return parsed;
}

const SERVICES = [
  'Name,Type,Latitude,Longitude,Themes,Notes',
  'Golborne Youth Hub,Youth hub,51.5226,-0.2105,youth_violence;knife_crime,Open evenings',
  'Advocates North,Domestic abuse advocate,51.5150,-0.2020,domestic_abuse,',
  'Havens West,Sexual violence support,51.4900,-0.1900,Sexual Violence | vawg,"Referral, or walk in"',
  // Row 5: a second youth hub, with the type spelt differently and no themes.
  'Chelsea Youth Club,youth  HUB,51.4850,-0.1700,,',
].join('\n');

describe('services file', () => {
  it('is recognised by its header and reads every column, themes split on ";" or "|"', async () => {
    const { file, report } = await readServices(SERVICES);
    expect(report.format).toBe('Services');
    expect(report.rowsRead).toBe(4);
    expect(report.rowsLoaded).toBe(4);
    expect(report.rejectedCount).toBe(0);
    expect(file.services[0]).toEqual({
      row: 2,
      name: 'Golborne Youth Hub',
      type: 'Youth hub',
      latitude: 51.5226,
      longitude: -0.2105,
      themes: ['youth_violence', 'knife_crime'],
      notes: 'Open evenings',
    });
    expect(file.services[2]?.themes).toEqual(['sexual_violence', 'vawg']);
    expect(file.services[2]?.notes).toBe('Referral, or walk in');
    // "youth  HUB" is the type of row 2, spelt as row 2 spells it.
    expect(file.services[3]?.type).toBe('Youth hub');
    expect(file.types).toEqual(['Domestic abuse advocate', 'Sexual violence support', 'Youth hub']);
    expect(report.notes).toEqual([
      '1 row spells its type differently from an earlier row (case or spaces): the first spelling is used.',
    ]);
  });

  it('rejects each bad row with its spreadsheet row number and reason, and loads the rest', async () => {
    const { file, report } = await readServices(
      [
        'name,type,lat,lon',
        'Good one,Youth hub,51.52,-0.21', // row 2
        ',Youth hub,51.52,-0.21', // row 3: no name
        'No type,,51.52,-0.21', // row 4
        'No latitude,Youth hub,,-0.21', // row 5
        'Neither,Youth hub,,', // row 6
        '', // row 7: blank, skipped but counted
        'Comma decimal,Youth hub,"51,52",-0.21', // row 8
        'Paris,Youth hub,48.8566,2.3522', // row 9
        'Swapped,Youth hub,-0.21,51.52', // row 10
        'Bad theme,Youth hub,51.52,-0.21', // row 11 (themes column absent: fine)
        'Last good,Advocate,51.50,-0.19', // row 12
      ].join('\n'),
    );
    expect(file.services.map((service) => [service.row, service.name])).toEqual([
      [2, 'Good one'],
      [11, 'Bad theme'],
      [12, 'Last good'],
    ]);
    expect(report.rejected).toEqual([
      { row: 3, reason: 'Name is empty' },
      { row: 4, reason: 'Type is empty' },
      { row: 5, reason: 'Latitude is empty' },
      { row: 6, reason: 'Latitude and longitude are empty' },
      { row: 8, reason: 'Latitude is not a decimal number: "51,52"' },
      {
        row: 9,
        reason:
          'Latitude 48.8566, longitude 2.3522 is outside the UK (latitude 49.8 to 61, longitude −8.7 to 2)',
      },
      {
        row: 10,
        reason:
          'Latitude -0.21, longitude 51.52 is outside the UK (latitude 49.8 to 61, longitude −8.7 to 2): latitude and longitude look swapped',
      },
    ]);
    expect(reasonCounts(report)).toEqual({
      'Name missing': 1,
      'Type missing': 1,
      'Coordinates missing': 2,
      'Coordinates not numbers': 1,
      'Coordinates outside the UK': 2,
    });
    // Ten non-blank data rows read, three loaded.
    expect(report.rowsRead).toBe(10);
    expect(report.rowsLoaded).toBe(3);
  });

  it('rejects a theme that is not an id', async () => {
    const { file, report } = await readServices(
      'name,type,latitude,longitude,themes\nHub,Youth hub,51.52,-0.21,youth_violence;?!\n',
    );
    expect(file.services).toEqual([]);
    expect(report.rejected).toEqual([{ row: 2, reason: 'Theme not understood: "?!"' }]);
  });

  it('is recognised from a file read as bytes too', async () => {
    const bytes = new TextEncoder().encode(SERVICES);
    const source: ByteSource = {
      size: bytes.length,
      read: async (start, end) => bytes.subarray(start, end),
    };
    const { file } = await readServices(source);
    expect(file.services).toHaveLength(4);
  });
});
