import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import {
  pdfArtifacts,
  pdfArtifactText,
  pdfFillColours,
  pdfPageCount,
  pdfStreams,
  pdfText,
} from '../../tests/support/pdfText.ts';
import { square } from '../../tests/support/wards.ts';
import { buildWardTopology } from '../geo/wardBoundaries.ts';
import { decodeWardTopology } from '../geo/wardSet.ts';
import type { BriefingContent, BriefingRow } from './briefing.ts';
import { briefingPdf } from './briefingPdf.ts';
import { type MapImage, mapBoxFor } from './mapSvg.ts';

const wards = decodeWardTopology(
  buildWardTopology(
    ['Abingdon', 'Brompton', 'Campden'].map((name, index) => ({
      code: `E0500000${index + 1}`,
      name,
      lad: 'E09000020',
      ladName: 'Kensington and Chelsea',
      labelHint: null,
      geometry: square(-0.2 + index * 0.01, 51.5, 0.01),
    })),
  ),
);

const map: MapImage = {
  features: wards.features,
  colours: new Map([
    [0, '#bd0026'],
    [1, '#fd8d3c'],
    [2, '#ffffb2'],
  ]),
  labels: wards.wards.map((ward) => ({ position: ward.label, text: ward.name })),
  bounds: [-0.2, 51.5, -0.17, 51.51],
  legend: {
    title: 'Number of offences',
    entries: [
      { label: '1–4', colour: '#ffffb2', wards: 1 },
      { label: '5–9', colour: '#bd0026', wards: 2 },
    ],
  },
  heading: null,
  description: 'Map',
};

const row = (rank: string, ward: string, count: string): BriefingRow => ({
  code: ward,
  rank,
  ward,
  count,
  rate: '1.0',
  interval: '4.1 to 17.1',
  change: {
    text: '+3 (+50.0%)',
    arrow: '▲',
    significant: true,
    noise: false,
    words: 'up 3',
  },
  hotspot: 'Hot 95%',
});

const content: BriefingContent = {
  area: 'Kensington and Chelsea',
  theme: 'Robbery',
  themeDefinition: 'Robbery of personal property.',
  period: 'Dec 2025 to Feb 2026',
  measure: 'count',
  rateHeader: 'Rate per 1,000 per year',
  intervalHeader: '95% interval of the count',
  changeHeader: 'Change against Sep 2025 to Nov 2025 (the 3 months before)',
  topWards: [row('1', 'Abingdon', '9'), row('=2', 'Brompton', '5'), row('=2', 'Campden', '5')],
  reasons: ['Abingdon: 9 offences in Dec 2025 to Feb 2026, up from 6 (significant, p = 0.020).'],
  rankNote: null,
  marking: 'OFFICIAL-SENSITIVE',
  heatmapScope: 'Whole area: Kensington and Chelsea',
  heatmap: [
    {
      day: 'Monday',
      cells: Array.from({ length: 24 }, () => ({
        text: '0',
        background: '#f7fbff',
        colour: '#000000',
      })),
    },
  ],
  synthetic: false,
  sources: ['MPS ward crime, Open Government Licence.'],
  generated: 'Made 29 Nov 2026 23:00.',
  publication: 'Counts as recorded.',
};

describe('the briefing as a PDF', () => {
  it('is one A4 page with the marking at head and foot, the wards, their reasons and the map', async () => {
    const bytes = await briefingPdf(content, map);
    expect(Buffer.from(bytes.slice(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(pdfPageCount(bytes)).toBe(1);
    const text = pdfText(bytes);
    expect(text.filter((shown) => shown === 'OFFICIAL-SENSITIVE')).toHaveLength(2);
    expect(text).toContain('Briefing: Robbery in Kensington and Chelsea');
    // Each ward twice: its row in the table and its name on the map.
    for (const name of ['Abingdon', 'Brompton', 'Campden'])
      expect(text.filter((shown) => shown === name)).toHaveLength(2);
    // Ties as ties; the change with its significance.
    expect(text.filter((shown) => shown === '=2')).toHaveLength(2);
    expect(text).toContain('+3 (+50.0%)*');
    expect(text.join(' ')).toContain('up from 6 (significant, p = 0.020).');
    // The map's colours and the legend's are fills on the page.
    const fills = pdfFillColours(bytes);
    for (const colour of ['#bd0026', '#fd8d3c', '#ffffb2', '#f7fbff'])
      expect(fills).toContain(colour);
  });

  it('draws each ward name on the map with a white halo, which a reader of the text skips', async () => {
    const bytes = await briefingPdf(content, map);
    // One halo per label: the name stroked in white (text render mode 1), marked as an artifact.
    expect(pdfArtifactText(bytes)).toEqual(['Abingdon', 'Brompton', 'Campden']);
    for (const artifact of pdfArtifacts(bytes)) {
      expect(artifact).toMatch(/\b1 Tr\b/);
      expect(artifact).toMatch(/\b1 1 1 RG\b/);
    }
  });

  it('puts the base map shown under the wards, cut to the map, with see-through wards and its credit', async () => {
    const png = new PNG({ width: 4, height: 4 });
    png.data.fill(200);
    const href = `data:image/png;base64,${PNG.sync.write(png).toString('base64')}`;
    const attribution = '© OpenStreetMap contributors';
    const bytes = await briefingPdf(content, {
      ...map,
      baseMap: { href, attribution, opacity: 0.6, box: mapBoxFor(null, attribution) },
    });
    const raw = pdfStreams(bytes).join('\n');
    expect(raw).toMatch(/\/Subtype\s*\/Image/);
    // The wards' fills at the base map's opacity.
    expect(raw).toMatch(/\/ca\s+0\.6\b/);
    expect(pdfText(bytes)).toContain(`Base map: ${attribution}`);
    const without = pdfStreams(await briefingPdf(content, map)).join('\n');
    expect(without).not.toMatch(/\/Subtype\s*\/Image/);
    expect(pdfText(await briefingPdf(content, map)).join(' ')).not.toContain('Base map:');
  });

  it('writes characters Helvetica cannot show in words, not as a failure', async () => {
    const bytes = await briefingPdf(
      { ...content, reasons: ['Brompton: 5 offences, ▲ from 2, rank ≥ 2 − noise.'] },
      map,
    );
    expect(pdfText(bytes).join(' ')).toContain(
      'Brompton: 5 offences, up from 2, rank >= 2 - noise.',
    );
  });
});
