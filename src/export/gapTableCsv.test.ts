import { describe, expect, it } from 'vitest';
import { gapTable, type NeedWard } from '../analysis/gaps.ts';
import { type GapTableExport, gapTableCsv, gapTableRows } from './gapTableCsv.ts';

function ward(
  index: number,
  name: string,
  count: number,
  rate: number | null,
  needRank: number,
): NeedWard {
  return {
    index,
    code: `E050093${90 + index}`,
    name,
    ladName: 'Kensington and Chelsea',
    count,
    rate,
    need: count,
    needRank,
  };
}

// Three wards by count: Golborne 30 (rank 1), Dalgarno 3 (rank 2), Abingdon 0 (rank 3). The top
// third of 3 is 1 ward; coverage below 50%.
const wards = [
  ward(0, 'Golborne', 30, 3.41, 1),
  ward(1, 'Dalgarno', 3, 0.42, 2),
  ward(2, '=HYPERLINK("x")', 0, 0, 3),
];
const youthHubs = [0.1234, 0.9, 0];
const advocates = [0.5, 0, 0.25];

function exported(overrides: Partial<GapTableExport> = {}): GapTableExport {
  const table = gapTable(
    wards,
    {
      wardIndices: [0, 1, 2],
      chosen: youthHubs,
      chosenBefore: [0, 0.9, 0],
      byType: [advocates, youthHubs],
      proposed: [],
    },
    { topShare: 1 / 3, coverageBelow: 0.5 },
  );
  return {
    table,
    types: ['Advocate', 'Youth hub'],
    chosenType: 'Youth hub',
    reachMetres: 800,
    need: 'theme',
    measure: 'count',
    themeLabel: 'Knife crime',
    denominator: 'residents',
    withProposals: false,
    ruleText: 'need in the top third, under 50% within reach',
    suppressAt: 4,
    ...overrides,
  };
}

describe('the gap table as CSV', () => {
  it('writes every ward, most need first, with publication mode applied', () => {
    expect(gapTableRows(exported())).toEqual([
      [
        'Ward code',
        'Ward',
        'Borough',
        'Knife crime: offences',
        'Knife crime: rate per 1,000 residents',
        'Need rank by count (1 = highest need)',
        'Area within 800 m of any Youth hub (%)',
        'Area within 800 m of any Advocate (%)',
        'Gap (need in the top third, under 50% within reach)',
      ],
      // 12.34% is written 12.3; Golborne is the one high-need ward and has under 50%: a gap.
      ['E05009390', 'Golborne', 'Kensington and Chelsea', '30', '3.4', '1', '12.3', '50.0', 'Yes'],
      // Dalgarno's 3 offences are "<5" and its rate is left blank.
      ['E05009391', 'Dalgarno', 'Kensington and Chelsea', '<5', '', '2', '90.0', '0.0', 'No'],
      [
        'E05009392',
        '=HYPERLINK("x")',
        'Kensington and Chelsea',
        '0',
        '0.00',
        '3',
        '0.0',
        '25.0',
        'No',
      ],
    ]);
  });

  it('adds the columns before the proposed services, and the priority score', () => {
    const rows = gapTableRows(
      exported({ withProposals: true, need: 'priority', chosenType: null, suppressAt: null }),
    );
    expect(rows[0]).toEqual([
      'Ward code',
      'Ward',
      'Borough',
      'Knife crime: offences',
      'Knife crime: rate per 1,000 residents',
      'Priority score (lower is a higher priority)',
      'Need rank by priority score (1 = highest need)',
      'Area within 800 m of any service (%)',
      'Area within 800 m of any service (%) before the proposed services',
      'Area within 800 m of any Advocate (%)',
      'Area within 800 m of any Youth hub (%)',
      'Gap (need in the top third, under 50% within reach)',
      'Gap before the proposed services',
    ]);
    // Without publication mode Dalgarno's 3 is shown; its "before" was 90%.
    expect(rows[2]).toEqual([
      'E05009391',
      'Dalgarno',
      'Kensington and Chelsea',
      '3',
      '0.42',
      '3.0',
      '2',
      '90.0',
      '90.0',
      '0.0',
      '90.0',
      'No',
      'No',
    ]);
  });

  it('escapes cells a spreadsheet would run as formulas, after a byte order mark', () => {
    const csv = gapTableCsv(exported());
    expect(csv.startsWith('\uFEFFWard code,')).toBe(true);
    expect(csv).toContain('"\'=HYPERLINK(""x"")"');
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});
