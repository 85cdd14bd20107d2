import { describe, expect, it } from 'vitest';
import { competitionRanks, ordinal, tiedRanks } from './ranks.ts';

describe('competition ranks', () => {
  it('ranks highest first, ties share the best rank, the next rank skips', () => {
    expect(competitionRanks([5, 9, 5, 1, 9, 7])).toEqual([4, 1, 4, 6, 1, 3]);
  });

  it('gives missing values no rank and does not count them', () => {
    expect(competitionRanks([null, 2.5, 0, null, 2.5])).toEqual([null, 1, 3, null, 1]);
  });

  it('finds the ranks that are shared', () => {
    // Ranks of [5, 9, 5, 1, 9, 7]: 4 and 1 are each held twice.
    expect([...tiedRanks([4, 1, 4, 6, 1, 3])].sort()).toEqual([1, 4]);
    expect(tiedRanks([null, 1, null, 2]).size).toBe(0);
  });

  it('writes English ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 112].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '101st',
      '112th',
    ]);
  });
});
