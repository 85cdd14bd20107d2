import { describe, expect, it } from 'vitest';
import { wardFigure } from '../../tests/support/figures.ts';
import type { AreaFigures } from '../analysis/areaFigures.ts';
import type { AreaPriorities } from '../analysis/priorities.ts';
import { coverageTypes, needWards } from './coverage.ts';

function figure(index: number, code: string, name: string, count: number, rank: number) {
  return wardFigure({
    index,
    code,
    name,
    count,
    population: 1000,
    rate: count,
    value: count,
    rank,
  });
}

// Two wards in name order: Abingdon 4 offences (rank 2), Brompton 9 (rank 1).
const figures = {
  wards: [figure(7, 'E05009388', 'Abingdon', 4, 2), figure(3, 'E05009389', 'Brompton', 9, 1)],
} as AreaFigures;

describe('need by ward', () => {
  it('is the theme’s figure and rank, or the priority score and priority', () => {
    expect(needWards(figures, null).map((ward) => [ward.name, ward.need, ward.needRank])).toEqual([
      ['Abingdon', 4, 2],
      ['Brompton', 9, 1],
    ]);
    // Priorities list the same wards, matched by code: Abingdon scores 1.5 (first priority).
    const priorities = {
      wards: [
        { code: 'E05009389', name: 'Brompton', values: [] },
        { code: 'E05009388', name: 'Abingdon', values: [] },
      ],
      rows: [
        { ward: 0, themeRanks: [], score: 2.5, priority: 2, tied: false, topThemes: 0 },
        { ward: 1, themeRanks: [], score: 1.5, priority: 1, tied: false, topThemes: 0 },
      ],
    } as unknown as AreaPriorities;
    expect(
      needWards(figures, priorities).map((ward) => [
        ward.name,
        ward.need,
        ward.needRank,
        ward.count,
      ]),
    ).toEqual([
      ['Abingdon', 1.5, 1, 4],
      ['Brompton', 2.5, 2, 9],
    ]);
  });

  it('lists the file’s types, then new types of proposed services once', () => {
    const file = {
      fileName: 's.csv',
      loadedAt: '',
      services: [],
      types: ['Advocate', 'Youth hub'],
    };
    const proposal = (id: number, type: string) => ({ id, type, longitude: 0, latitude: 51 });
    expect(
      coverageTypes(file, [
        proposal(1, 'Youth hub'),
        proposal(2, 'Shelter'),
        proposal(3, 'Shelter'),
      ]),
    ).toEqual(['Advocate', 'Youth hub', 'Shelter']);
    expect(coverageTypes(null, [])).toEqual([]);
  });
});
