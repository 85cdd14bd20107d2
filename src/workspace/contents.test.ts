import { describe, expect, it } from 'vitest';
import { datasetOf } from '../../tests/support/datasets.ts';
import {
  KENSINGTON,
  square,
  squareWard,
  WESTMINSTER,
  wardSetOf,
} from '../../tests/support/wards.ts';
import { publishView } from '../analysis/publication.ts';
import { monthIndex } from '../data/calendar.ts';
import {
  CubeBuilder,
  FLOAT32_EXACT_TOTAL,
  monthlyCount,
  timeSlot,
  UNKNOWN_TIME_SLOT,
} from '../data/cube.ts';
import type { Dataset } from '../data/dataset.ts';
import { buildReport, RejectionLog } from '../data/report.ts';
import { headerSignature } from '../formats/columnMapping.ts';
import { findArea } from '../geo/wardSet.ts';
import { WorkspaceError } from './container.ts';
import {
  type AnalysisContents,
  decodeContents,
  encodeContents,
  type PublicationContents,
  type WorkspaceContents,
} from './contents.ts';
import { readWorkspace, writeWorkspace } from './workspaceFile.ts';

const month = (key: string) => monthIndex(key) as number;

const boundaries = wardSetOf([
  squareWard('E05000001', 'Alpha', KENSINGTON, 0, 0),
  squareWard('E05000002', 'Bravo', KENSINGTON, 0.01, 0),
  {
    code: 'E05000003',
    name: 'Charlie Islands',
    ...WESTMINSTER,
    labelHint: null,
    geometry: {
      type: 'MultiPolygon',
      coordinates: [square(0.1, 0).coordinates, square(0.2, 0).coordinates],
    },
  },
]);

/** A report with a row rejected, one set aside and a cancelled end. */
function extractReport() {
  const log = new RejectionLog();
  log.reject(4, 'Unknown ward', 'No such ward: E05999999');
  log.setAside(6, 'Borough total');
  return buildReport(
    'extract.csv',
    'Partner record-level extract',
    {
      rowsRead: 6,
      blankRows: 1,
      lines: 8,
      notRead: { cause: 'cancelled', message: null, bytes: 2_000, estimatedRows: 40 },
    },
    4,
    log,
    ['Times spread over their windows.'],
  );
}

/** A timed file (fractional counts, points, rejected rows) and a monthly one. */
function datasets(): Dataset[] {
  const timed = new CubeBuilder();
  timed.add('robbery', month('2025-11'), 'E05000001', timeSlot(4, 22), 3);
  timed.add('robbery', month('2026-01'), 'E05000001', timeSlot(4, 22), 0.25);
  timed.add('robbery', month('2026-01'), 'E05000002', UNKNOWN_TIME_SLOT, 7);
  timed.add('knife_crime', month('2025-12'), 'E05000003', timeSlot(6, 3), 1 / 3);
  const extract: Dataset = {
    ...datasetOf(timed.build(), { id: 'extract', fileName: 'extract.csv' }),
    replacedThemes: ['knife_crime'],
    points: {
      longitude: Float32Array.of(0.0071, 0.0123),
      latitude: Float32Array.of(0.005, 0.004),
      theme: Uint8Array.of(0, 1),
      month: Uint16Array.of(month('2025-11'), month('2025-12')),
    },
    report: extractReport(),
  };
  const monthly = new CubeBuilder(false);
  monthly.add('sexual_violence', month('2024-01'), 'E05000002', UNKNOWN_TIME_SLOT, 12);
  monthly.add('sexual_violence', month('2024-03'), 'E05000001', UNKNOWN_TIME_SLOT, 5);
  return [extract, datasetOf(monthly.build(), { id: 'mps', fileName: 'mps.csv' })];
}

function analysis(): AnalysisContents {
  return {
    kind: 'analysis',
    savedBy: 'A. Analyst, RBKC',
    savedAt: '2026-12-03T09:30:00.000Z',
    view: '?area=E09000020&theme=robbery&from=2025-11&to=2026-01',
    savedViews: [
      {
        id: 'one',
        name: 'Tasking 3 Dec: Golborne and Colville',
        search: '?theme=robbery&ward=E05000001',
        savedAt: '2026-12-02T10:00:00.000Z',
      },
    ],
    datasets: datasets(),
    boundaries,
    populations: {
      source: { name: 'populations.csv', year: 2021 },
      populations: new Map([
        ['E05000001', { population: 10_000, population10to24: 2_000 }],
        ['E05000002', { population: 8_500, population10to24: null }],
      ]),
    },
    services: {
      fileName: 'services.csv',
      loadedAt: '2026-12-01T08:00:00.000Z',
      types: ['Youth hub'],
      services: [
        {
          row: 2,
          name: 'Hub',
          type: 'Youth hub',
          longitude: 0.005,
          latitude: 0.005,
          themes: ['youth_violence'],
          notes: 'Open late',
        },
      ],
    },
    columnMappings: [
      {
        id: 'niche',
        name: 'Police extract (Niche)',
        signature: headerSignature(['Crime ref', 'Ward', 'Date']),
        columns: [
          { name: 'Crime ref', role: 'ignore' },
          { name: 'Ward', role: 'ward_code' },
          { name: 'Date', role: 'from' },
        ],
        rowsAre: 'offences',
        offenceThemes: [['Robbery of personal property', 'robbery']],
        savedAt: '2026-12-01T08:00:00.000Z',
      },
    ],
  };
}

/** The published figures of robbery from December 2025 to January 2026 in the extract. */
function publicationOf(): PublicationContents {
  const [extract] = datasets();
  const area = findArea(boundaries, KENSINGTON.lad);
  if (!extract || !area) throw new Error('fixture');
  const view = publishView(
    'Robbery',
    '?theme=robbery',
    {
      wards: boundaries,
      area,
      datasets: [extract],
      populations: null,
      view: {
        area: area.id,
        theme: 'robbery',
        from: '2025-12',
        to: '2026-01',
        preset: null,
        measure: 'count',
        ward: null,
        time: null,
      },
    },
    4,
  );
  return {
    kind: 'publication',
    savedBy: 'A. Analyst',
    savedAt: '2026-12-03T09:30:00.000Z',
    view: '?theme=robbery',
    savedViews: [],
    boundaries: null,
    published: { suppressedUpTo: 4, views: [view] },
  };
}

/** The payload whole, as the container would hand it back. */
function payloadOf(contents: WorkspaceContents): Uint8Array {
  const { bytes, chunks } = encodeContents(contents);
  const payload = new Uint8Array(bytes);
  let offset = 0;
  for (const chunk of chunks) {
    payload.set(chunk, offset);
    offset += chunk.length;
  }
  expect(offset).toBe(bytes);
  return payload;
}

function manifestOf(
  payload: Uint8Array,
): Record<string, unknown> & { blocks: { type: string; offset: number; length: number }[] } {
  const length = new DataView(payload.buffer).getUint32(0, true);
  return JSON.parse(new TextDecoder().decode(payload.subarray(4, 4 + length)));
}

function invalidReason(payload: Uint8Array): string {
  try {
    decodeContents(payload);
  } catch (error) {
    if (error instanceof WorkspaceError && error.problem === 'invalid-contents')
      return error.message;
    throw error;
  }
  return 'accepted';
}

/** The payload with its manifest changed by `edit`. */
function withManifest(payload: Uint8Array, edit: (manifest: Record<string, unknown>) => void) {
  const manifest = manifestOf(payload);
  edit(manifest);
  const oldLength = new DataView(payload.buffer).getUint32(0, true);
  const oldStart = Math.ceil((4 + oldLength) / 8) * 8;
  const json = new TextEncoder().encode(JSON.stringify(manifest));
  const start = Math.ceil((4 + json.length) / 8) * 8;
  const edited = new Uint8Array(start + payload.length - oldStart);
  new DataView(edited.buffer).setUint32(0, json.length, true);
  edited.set(json, 4);
  edited.set(payload.subarray(oldStart), start);
  return edited;
}

describe('contents round trip', () => {
  it('gives back every dataset, cube cell, point, boundary, population and service', () => {
    const original = analysis();
    const decoded = decodeContents(payloadOf(original)) as AnalysisContents;
    expect(decoded.kind).toBe('analysis');
    expect(decoded.savedBy).toBe(original.savedBy);
    expect(decoded.savedAt).toBe(original.savedAt);
    expect(decoded.view).toBe(original.view);
    expect(decoded.savedViews).toEqual(original.savedViews);
    expect(decoded.services).toEqual(original.services);
    expect(decoded.columnMappings).toEqual(original.columnMappings);
    expect(decoded.populations).toEqual(original.populations);
    expect(decoded.boundaries?.wards).toEqual(boundaries.wards);
    expect(decoded.boundaries?.features).toEqual(boundaries.features);
    expect(decoded.boundaries?.areas).toEqual(boundaries.areas);
    for (const [index, dataset] of original.datasets.entries()) {
      const back = decoded.datasets[index] as Dataset;
      const { cube, ...rest } = dataset;
      const { cube: backCube, ...backRest } = back;
      expect(backRest).toEqual(rest);
      expect(backCube.cumulative).toHaveLength(cube.cumulative.length);
      // Bit for bit, fractions included.
      cube.cumulative.forEach((block, at) => {
        expect([
          ...new Uint32Array((backCube.cumulative[at] as Float32Array).slice().buffer),
        ]).toEqual([...new Uint32Array(block.slice().buffer)]);
      });
      expect({ ...backCube, cumulative: [] }).toEqual({ ...cube, cumulative: [] });
    }
    // Spot checks against the counts added above.
    const extract = decoded.datasets[0] as Dataset;
    expect(monthlyCount(extract.cube, 0, 2, 0, timeSlot(4, 22))).toBe(0.25);
    expect(monthlyCount(extract.cube, 1, 1, 2, timeSlot(6, 3))).toBeCloseTo(1 / 3, 6);
  });

  it('gives back a theme past 2^24 offences in Float64, exactly, and months that share a block', () => {
    const builder = new CubeBuilder(false);
    // 2^24 + 1 in ward 1 in January: Float32 would round it to 2^24.
    builder.add('robbery', month('2026-01'), 'E05000001', UNKNOWN_TIME_SLOT, FLOAT32_EXACT_TOTAL);
    builder.add('robbery', month('2026-01'), 'E05000001', UNKNOWN_TIME_SLOT, 1);
    builder.add('robbery', month('2026-01'), 'E05000002', UNKNOWN_TIME_SLOT, 1);
    // Nothing in February: it shares January's block. One more in March.
    builder.add('robbery', month('2026-03'), 'E05000002', UNKNOWN_TIME_SLOT, 1);
    builder.add('knife_crime', month('2026-03'), 'E05000001', UNKNOWN_TIME_SLOT, 2);
    const cube = builder.build();
    expect(cube.cumulative[0]).toBeInstanceOf(Float64Array);
    const decoded = decodeContents(
      payloadOf({ ...analysis(), datasets: [datasetOf(cube, { id: 'big' })] }),
    ) as AnalysisContents;
    const back = (decoded.datasets[0] as Dataset).cube;
    expect(back.cumulative.map((block) => block.constructor)).toEqual(
      cube.cumulative.map((block) => block.constructor),
    );
    expect(back.cumulative.map((block) => [...block])).toEqual(
      cube.cumulative.map((block) => [...block]),
    );
    // Ward 2's robbery: 1 in January, 0 in February, 1 in March; 2^24 + 1 in ward 1.
    expect(monthlyCount(back, 0, 0, 0, UNKNOWN_TIME_SLOT)).toBe(16_777_217);
    expect([0, 1, 2].map((at) => monthlyCount(back, 0, at, 1, UNKNOWN_TIME_SLOT))).toEqual([
      1, 0, 1,
    ]);
    // February shares January's block, as the builder made it; knife crime's months before
    // March share one block of zeros.
    expect(back.cumulative[1]).toBe(back.cumulative[0]);
    expect(back.cumulative[4]).toBe(back.cumulative[3]);
  });

  it('carries dataset fields it does not know, such as a partial load mark', () => {
    const original = analysis();
    const partial = { ...(original.datasets[0] as Dataset), partial: true } as Dataset;
    const decoded = decodeContents(
      payloadOf({ ...original, datasets: [partial] }),
    ) as AnalysisContents;
    expect((decoded.datasets[0] as Dataset & { partial?: boolean }).partial).toBe(true);
  });

  it('gives back a workspace with no files loaded', () => {
    const empty: AnalysisContents = {
      ...analysis(),
      datasets: [],
      boundaries: null,
      populations: null,
      services: null,
      savedViews: [],
    };
    expect(decodeContents(payloadOf(empty))).toEqual(empty);
  });
});

describe('publications', () => {
  it('gives back a publication, which holds no blocks: no cube, points or populations', () => {
    const publication = publicationOf();
    const payload = payloadOf(publication);
    expect(decodeContents(payload)).toEqual(publication);
    const manifest = manifestOf(payload);
    expect(manifest.blocks).toEqual([]);
    expect(Object.keys(manifest).sort()).toEqual(
      [
        'app',
        'blocks',
        'boundaries',
        'kind',
        'published',
        'savedAt',
        'savedBy',
        'savedViews',
        'view',
      ].sort(),
    );
  });

  it('refuses a publication that holds a count from 1 to 4', () => {
    type Manifest = {
      published: { views: { wards: { count: unknown }[]; heatmap: { cells: unknown[] } }[] };
    };
    const inWards = withManifest(payloadOf(publicationOf()), (manifest) => {
      const ward = (manifest as unknown as Manifest).published.views[0]?.wards[0];
      if (ward) ward.count = 3;
    });
    expect(invalidReason(inWards)).toContain('a count under the threshold');
    const inHeatmap = withManifest(payloadOf(publicationOf()), (manifest) => {
      const heatmap = (manifest as unknown as Manifest).published.views[0]?.heatmap;
      if (heatmap) heatmap.cells[0] = 2;
    });
    expect(invalidReason(inHeatmap)).toContain('a count under the threshold');
  });
});

describe('the payload layout', () => {
  it('stores a cube as the non-zero changes between its months, as the README describes', () => {
    const original = analysis();
    const payload = payloadOf(original);
    const manifest = manifestOf(payload) as unknown as {
      datasets: { cube: { changes: number; gaps: number; dictionary: number; codes: number } }[];
      blocks: { type: string; offset: number; length: number }[];
    };
    const manifestLength = new DataView(payload.buffer).getUint32(0, true);
    const blocksStart = Math.ceil((4 + manifestLength) / 8) * 8;
    const block = (reference: number) => {
      const entry = manifest.blocks[reference] as { type: string; offset: number; length: number };
      expect((blocksStart + entry.offset) % 8).toBe(0);
      const size = { uint8: 1, uint16: 2, uint32: 4, float32: 4, float64: 8 }[entry.type] ?? 0;
      const from = blocksStart + entry.offset;
      return payload.slice(from, from + entry.length * size).buffer;
    };
    const entry = manifest.datasets[0]?.cube;
    if (!entry) throw new Error('no cube');
    const gaps = new Uint8Array(block(entry.gaps));
    const dictionary = new Uint32Array(block(entry.dictionary));
    const codes = new Uint8Array(block(entry.codes));
    // 2 themes × 3 months (2025-11 to 2026-01) × 3 wards × 169 slots.
    const cells = 2 * 3 * 3 * 169;
    const stored = new Uint32Array(cells);
    let cell = -1;
    let at = 0;
    for (let change = 0; change < entry.changes; change += 1) {
      let gap = 0;
      for (let shift = 0; ; shift += 7) {
        const byte = gaps[at++] as number;
        gap += (byte & 0x7f) << shift;
        if (byte < 0x80) break;
      }
      cell += gap;
      stored[cell] = dictionary[codes[change] as number] as number;
    }
    // What the README says each cell holds: a theme's first month as bits, later months as bits
    // minus the month before's, modulo 2^32.
    const cube = (original.datasets[0] as Dataset).cube;
    const bits = (index: number) => {
      const values = cube.cumulative[index] as Float32Array;
      return new Uint32Array(values.slice().buffer);
    };
    const expected: number[] = [];
    for (let index = 0; index < cube.cumulative.length; index += 1) {
      const now = bits(index);
      const before = index % 3 === 0 ? null : bits(index - 1);
      now.forEach((value, position) => {
        expected.push((value - (before?.[position] ?? 0)) >>> 0);
      });
    }
    expect([...stored]).toEqual(expected);
    // Four additions made four non-zero changes: robbery in November, January (two wards), and
    // knife crime in December.
    expect(entry.changes).toBe(4);
  });

  it('stores the values of a cube with many distinct changes as uint32', () => {
    const builder = new CubeBuilder();
    // 300 cells, each with a count of its own.
    for (let index = 0; index < 300; index += 1)
      builder.add(
        'robbery',
        month('2026-01'),
        index < 150 ? 'E05000001' : 'E05000002',
        index % 150,
        1 + index / 1000,
      );
    const original: AnalysisContents = {
      ...analysis(),
      datasets: [datasetOf(builder.build(), { id: 'many' })],
    };
    const payload = payloadOf(original);
    const cubeEntry = (manifestOf(payload) as unknown as { datasets: { cube: object }[] })
      .datasets[0]?.cube;
    expect(cubeEntry).toHaveProperty('values');
    expect(cubeEntry).not.toHaveProperty('dictionary');
    const decoded = decodeContents(payload) as AnalysisContents;
    expect(decoded.datasets[0]?.cube.cumulative).toEqual(original.datasets[0]?.cube.cumulative);
  });

  it('stores typed arrays as raw little-endian numbers, not JSON', () => {
    const payload = payloadOf(analysis());
    const manifest = manifestOf(payload);
    const text = JSON.stringify(manifest);
    // The points' longitudes and the populations are in blocks, not in the manifest.
    expect(text).not.toContain('0.0123');
    expect(text).not.toContain('8500');
    // Boundaries (structure, positions), a cube (gaps, dictionary, codes), its report's rows and
    // their reasons, four point arrays, another cube and report, two population arrays.
    expect(manifest.blocks.map((block) => block.type)).toEqual([
      'uint32',
      'float64',
      'uint8',
      'uint32',
      'uint8',
      'int32',
      'uint16',
      'float32',
      'float32',
      'uint8',
      'uint16',
      'uint8',
      'uint32',
      'uint8',
      'int32',
      'uint16',
      'float64',
      'float64',
    ]);
  });
});

describe('refusing contents that are not valid', () => {
  it('refuses a payload another program wrote', () => {
    const payload = withManifest(payloadOf(analysis()), (manifest) => {
      manifest.app = 'something-else';
    });
    expect(invalidReason(payload)).toContain('not saved by this app');
  });

  it('refuses a cube whose changes do not fit it', () => {
    type CubeEntry = { cube: { changes: number; themes: string[]; monthCount: number } };
    const edits: ((cube: CubeEntry['cube']) => void)[] = [
      // More changes than the gaps and codes hold.
      (cube) => {
        cube.changes += 1;
      },
      // Fewer cells than the gaps reach: the last change falls outside the cube.
      (cube) => {
        cube.monthCount = 1;
      },
    ];
    for (const edit of edits) {
      const payload = withManifest(payloadOf(analysis()), (manifest) => {
        const entry = (manifest.datasets as CubeEntry[])[0];
        if (entry) edit(entry.cube);
      });
      expect(invalidReason(payload)).toContain('offence cube counts');
    }
  });

  it('refuses a block outside the file, and one of the wrong type', () => {
    const outside = withManifest(payloadOf(analysis()), (manifest) => {
      const blocks = manifest.blocks as { offset: number }[];
      (blocks[0] as { offset: number }).offset = 1 << 24;
    });
    expect(invalidReason(outside)).toContain('outside');
    const wrongType = withManifest(payloadOf(analysis()), (manifest) => {
      (manifest.blocks as { type: string }[])[0] = {
        ...(manifest.blocks as object[])[0],
        type: 'float32',
      } as { type: string };
    });
    expect(invalidReason(wrongType)).not.toBe('accepted');
  });

  it('refuses wrong types and out-of-range values anywhere', () => {
    // [where in the manifest, what is written there]
    const edits: [(string | number)[], unknown][] = [
      [['savedBy'], 42],
      [['kind'], 'spreadsheet'],
      [['datasets', 0, 'cube', 'slotsPerWard'], 24],
      [['datasets', 0, 'themes', 0, 'group'], 'other'],
      [['boundaries', 'wards', 0, 'neighbours'], [7]],
      [
        ['boundaries', 'wards', 0, 'label'],
        [500, 0],
      ],
      [['services', 'services', 0, 'latitude'], 'north'],
      [['savedViews', 0, 'search'], 'javascript:alert(1)'],
      [['datasets', 0, 'report', 'rowsRead'], -1],
      [['populations', 'codes'], ['E05000001']],
      [['datasets', 0, 'cube', 'wide'], [true]],
      [['datasets', 0, 'report', 'reasons'], []],
      [['datasets', 0, 'report', 'notRead', 'cause'], 'bored'],
      [['columnMappings', 0, 'rowsAre'], 'cells'],
    ];
    for (const [path, value] of edits) {
      const payload = withManifest(payloadOf(analysis()), (manifest) => {
        let target = manifest as Record<string | number, unknown>;
        for (const key of path.slice(0, -1))
          target = target[key] as Record<string | number, unknown>;
        target[path.at(-1) as string | number] = value;
      });
      expect([path, invalidReason(payload)]).not.toEqual([path, 'accepted']);
    }
  });

  it('refuses a payload whose manifest is not JSON', () => {
    const payload = payloadOf(analysis());
    payload[5] = 0x7b;
    payload[6] = 0x7b;
    expect(invalidReason(payload)).toContain('not JSON');
    expect(invalidReason(new Uint8Array(2))).toContain('no manifest');
  });
});

describe('files', () => {
  it('writes and reads a whole workspace, encrypted', async () => {
    const original = analysis();
    const bytes = await writeWorkspace(original, 'a long passphrase');
    const decoded = (await readWorkspace(bytes, 'a long passphrase')) as AnalysisContents;
    expect(decoded.savedBy).toBe(original.savedBy);
    expect(decoded.datasets.map((dataset) => dataset.fileName)).toEqual(['extract.csv', 'mps.csv']);
  });
});
