import { render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { datasetOf } from '../../../tests/support/datasets.ts';
import {
  ABINGDON,
  BROMPTON,
  CHELSEA_RIVERSIDE,
  COURTFIELD,
  kensingtonAndMarylebone,
} from '../../../tests/support/wards.ts';
import { monthIndex } from '../../data/calendar.ts';
import { CubeBuilder, timeSlot } from '../../data/cube.ts';
import type { WardPopulation } from '../../data/population.ts';
import { useAppStore } from '../../state/store.ts';
import { initialView } from '../../state/viewSlice.ts';
import { PrioritiesPage } from './PrioritiesPage.tsx';

const wards = kensingtonAndMarylebone();

/**
 * January 2024, counts by theme:
 *   domestic abuse   Courtfield 8, Brompton 4, Abingdon 2, Chelsea Riverside 0: ranks 1, 2, 3, 4
 *   sexual violence  Brompton 2, the others 0: ranks 1, =2, =2, =2
 *   youth violence   Brompton 6, Chelsea Riverside 5, Abingdon 3, Courtfield 0: ranks 1, 2, 3, 4
 * Combined score, the mean of the three ranks (weights 1): Brompton (2 + 1 + 1) / 3 = 1.3,
 * Courtfield (1 + 2 + 4) / 3 = 2.3, Abingdon (3 + 2 + 3) / 3 = 2.7, Chelsea Riverside
 * (4 + 2 + 2) / 3 = 2.7: priorities 1, 2, =3, =3 (ties by name). In the top 2 of a theme:
 * Brompton 3 of 3, Courtfield 2 (DA, SV), Abingdon 1 (SV), Chelsea Riverside 2 (SV, YV).
 */
function offences() {
  const january = monthIndex('2024-01') as number;
  const builder = new CubeBuilder();
  const add = (theme: Parameters<CubeBuilder['add']>[0], ward: string, count: number) =>
    builder.add(theme, january, ward, timeSlot(0, 15), count);
  add('domestic_abuse', COURTFIELD, 8);
  add('domestic_abuse', BROMPTON, 4);
  add('domestic_abuse', ABINGDON, 2);
  add('sexual_violence', BROMPTON, 2);
  add('youth_violence', BROMPTON, 6);
  add('youth_violence', CHELSEA_RIVERSIDE, 5);
  add('youth_violence', ABINGDON, 3);
  return builder.build();
}

/** Abingdon's domestic abuse rate: 2 in one month among 10,000 residents, per 1,000 a year:
 * 2 / 10,000 × 1,000 × 12 = 2.4. */
const populations = new Map<string, WardPopulation>([
  [ABINGDON, { population: 10_000, population10to24: 2_000 }],
  [BROMPTON, { population: 8_000, population10to24: 1_000 }],
  [CHELSEA_RIVERSIDE, { population: 9_000, population10to24: 1_500 }],
  [COURTFIELD, { population: 2_000, population10to24: 500 }],
]);

/** The window's width, which the layout's media queries read (happy-dom's own API). */
function setWidth(width: number) {
  const { happyDOM } = window as unknown as {
    happyDOM: { setViewport(viewport: { width: number; height: number }): void };
  };
  happyDOM.setViewport({ width, height: 844 });
}

beforeEach(() => {
  useAppStore.setState({
    ...initialView,
    topN: 2,
    reports: [],
    error: null,
    wards: null,
    datasets: [],
    pending: null,
    populations: null,
  });
  const { setWards, addDataset, setPopulations } = useAppStore.getState();
  setWards(wards);
  addDataset(datasetOf(offences()));
  setPopulations(populations, { name: 'population.csv', year: 2022 });
});

afterEach(() => setWidth(1024));

/** Each figure of a card by the name beside it; a theme's figures without its rank. */
function cardFigures(card: HTMLElement): Record<string, string> {
  const figures: Record<string, string> = {};
  for (const term of within(card).getAllByRole('term')) {
    const value = term.nextElementSibling;
    figures[term.textContent ?? ''] =
      (value?.querySelector('.theme-figures') ?? value)?.textContent ?? '';
  }
  return figures;
}

describe('the Priorities ranking on a phone', () => {
  it('is a list of cards in priority order, each figure named, with no table to scroll', () => {
    setWidth(390);
    render(<PrioritiesPage />);
    expect(screen.queryByRole('table')).toBeNull();
    const list = screen.getByRole('list', { name: /^Priorities in Kensington and Chelsea/ });
    const cards = within(list).getAllByRole('listitem');
    expect(cards.map((card) => within(card).getByRole('button').textContent)).toEqual([
      'Brompton',
      'Courtfield',
      'Abingdon',
      'Chelsea Riverside',
    ]);
    // The priority is read out as one ("Priority =3"), not a bare number.
    expect(cards.map((card) => card.querySelector('.priority-number')?.textContent)).toEqual([
      'Priority 1',
      'Priority 2',
      'Priority =3',
      'Priority =3',
    ]);
    const ranks = (card: HTMLElement) =>
      [...card.querySelectorAll('.theme-rank')].map((rank) => rank.textContent);
    expect(cards.map(ranks)).toEqual([
      ['2', '1', '1'],
      ['1', '=2', '4'],
      ['3', '=2', '3'],
      ['4', '=2', '2'],
    ]);
    const abingdon = cardFigures(cards[2] as HTMLElement);
    expect(abingdon['Combined score']).toBe('2.7');
    expect(abingdon['Themes in the top 2']).toBe('1 of 3');
    expect(abingdon['Domestic abuse (weight 1)']).toMatch(/^2 · 2\.4/);
    expect(cardFigures(cards[0] as HTMLElement)['Combined score']).toBe('1.3');
    expect(cardFigures(cards[1] as HTMLElement)['Themes in the top 2']).toBe('2 of 3');
    expect(cardFigures(cards[3] as HTMLElement)['Themes in the top 2']).toBe('2 of 3');
  });

  it('is the table on a tablet or desktop, in the same order', () => {
    setWidth(1024);
    render(<PrioritiesPage />);
    expect(screen.queryByRole('list', { name: /^Priorities in/ })).toBeNull();
    const table = screen.getByRole('table', { name: /^Priorities in Kensington and Chelsea/ });
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((header) => header.textContent),
    ).toEqual(['Brompton', 'Courtfield', 'Abingdon', 'Chelsea Riverside']);
  });
});
