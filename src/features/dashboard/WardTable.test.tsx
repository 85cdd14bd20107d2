import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { datasetOf } from '../../../tests/support/datasets.ts';
import {
  ABINGDON,
  BROMPTON,
  CHELSEA_RIVERSIDE,
  COURTFIELD,
  kensingtonAndMarylebone,
  MARYLEBONE,
} from '../../../tests/support/wards.ts';
import { monthIndex } from '../../data/calendar.ts';
import { CubeBuilder, timeSlot, UNKNOWN_TIME_SLOT } from '../../data/cube.ts';
import type { WardPopulation } from '../../data/population.ts';
import { useAreaFigures } from '../../state/selectors.ts';
import { useAppStore } from '../../state/store.ts';
import { initialView } from '../../state/viewSlice.ts';
import { WardTable } from './WardTable.tsx';

const wards = kensingtonAndMarylebone();

/**
 * January 2024. Abingdon 3 + 2 = 5, Brompton 4 + 6 + 2 = 12, Chelsea Riverside 5, Courtfield 8;
 * Marylebone (Westminster, another area) 7.
 */
function offences() {
  const january = monthIndex('2024-01') as number;
  const builder = new CubeBuilder();
  builder.add('youth_violence', january, ABINGDON, timeSlot(0, 15), 3);
  builder.add('domestic_abuse', january, ABINGDON, UNKNOWN_TIME_SLOT, 2);
  builder.add('domestic_abuse', january, BROMPTON, timeSlot(0, 15), 4);
  builder.add('youth_violence', january, BROMPTON, timeSlot(4, 23), 6);
  builder.add('sexual_violence', january, BROMPTON, timeSlot(6, 2), 2);
  builder.add('youth_violence', january, CHELSEA_RIVERSIDE, UNKNOWN_TIME_SLOT, 5);
  builder.add('domestic_abuse', january, COURTFIELD, timeSlot(5, 0), 8);
  builder.add('youth_violence', january, MARYLEBONE, timeSlot(0, 15), 7);
  return builder.build();
}

/** Chelsea Riverside has no population. */
const populations = new Map<string, WardPopulation>([
  [ABINGDON, { population: 10_000, population10to24: null }],
  [BROMPTON, { population: 8_000, population10to24: null }],
  [COURTFIELD, { population: 2_000, population10to24: null }],
  [MARYLEBONE, { population: 5_000, population10to24: null }],
]);

beforeEach(() => {
  useAppStore.setState({
    ...initialView,
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

/** The table as the app shows it: figures from the store, re-rendered when the view changes. */
function WardTablePanel() {
  const figures = useAreaFigures();
  return figures ? <WardTable figures={figures} /> : null;
}

function wardNames() {
  return screen.getAllByRole('rowheader').map((header) => header.textContent);
}

function columnHeader(name: string) {
  return screen.getByRole('columnheader', { name });
}

describe('WardTable', () => {
  it('describes the view in its caption and lists each ward of the area once', () => {
    render(<WardTablePanel />);
    const table = screen.getByRole('table', {
      name: 'Wards in Kensington and Chelsea: All serious violence, Jan 2024. Rate per 1,000 residents per year. Rank by count: 1 is highest, = marks a tie.',
    });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((header) => header.textContent?.replace(/[▲▼]/, ''))
        .slice(0, 9),
    ).toEqual([
      'Ward',
      'Count',
      'Rate per 1,000 per year',
      'Rank',
      '95% interval',
      'Against area',
      // The data holds one month: no earlier period, so no change columns.
      'Hot spot',
      'London rank',
    ]);
    // Four wards in Kensington and Chelsea (Marylebone is in Westminster), plus the header row.
    expect(within(table).getAllByRole('row')).toHaveLength(5);
    expect(wardNames()).toHaveLength(4);
  });

  it('shows count, rate and rank, first by rank', () => {
    render(<WardTablePanel />);
    // Ranks by count: Brompton 12 -> 1, Courtfield 8 -> 2, Abingdon 5 and Chelsea Riverside 5
    // tie at 3 (ties by name).
    expect(columnHeader('Rank').getAttribute('aria-sort')).toBe('ascending');
    expect(wardNames()).toEqual(['Brompton', 'Courtfield', 'Abingdon', 'Chelsea Riverside']);
    const cells = screen
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent)
          .slice(0, 3),
      );
    // One month, so rates are per year (× 12): 12 / 8,000 * 1,000 * 12 = 18.0;
    // 8 / 2,000 * 1,000 * 12 = 48.0; 5 / 10,000 * 1,000 * 12 = 6.0; Chelsea Riverside has no
    // population. The two 5s share 3rd place: "=3".
    expect(cells).toEqual([
      ['12', '18.0', '1'],
      ['8', '48.0', '2'],
      ['5', '6.0', '=3'],
      ['5', '–', '=3'],
    ]);
  });

  it('sorts by count, highest first, then lowest first', async () => {
    const user = userEvent.setup();
    render(<WardTablePanel />);
    await user.click(screen.getByRole('button', { name: 'Count' }));
    expect(columnHeader('Count').getAttribute('aria-sort')).toBe('descending');
    expect(columnHeader('Rank').getAttribute('aria-sort')).toBeNull();
    // 12, 8, then the two 5s by name.
    expect(wardNames()).toEqual(['Brompton', 'Courtfield', 'Abingdon', 'Chelsea Riverside']);
    await user.click(screen.getByRole('button', { name: 'Count' }));
    expect(columnHeader('Count').getAttribute('aria-sort')).toBe('ascending');
    expect(wardNames()).toEqual(['Abingdon', 'Chelsea Riverside', 'Courtfield', 'Brompton']);
  });

  it('sorts by rate with wards without a rate last both ways', async () => {
    const user = userEvent.setup();
    render(<WardTablePanel />);
    await user.click(screen.getByRole('button', { name: 'Rate per 1,000 per year' }));
    expect(columnHeader('Rate per 1,000 per year').getAttribute('aria-sort')).toBe('descending');
    // 48.0, 18.0, 6.0, then no rate.
    expect(wardNames()).toEqual(['Courtfield', 'Brompton', 'Abingdon', 'Chelsea Riverside']);
    await user.click(screen.getByRole('button', { name: 'Rate per 1,000 per year' }));
    expect(columnHeader('Rate per 1,000 per year').getAttribute('aria-sort')).toBe('ascending');
    expect(wardNames()).toEqual(['Abingdon', 'Brompton', 'Courtfield', 'Chelsea Riverside']);
  });

  it('sorts by name A to Z, then Z to A', async () => {
    const user = userEvent.setup();
    render(<WardTablePanel />);
    await user.click(screen.getByRole('button', { name: 'Ward' }));
    expect(columnHeader('Ward').getAttribute('aria-sort')).toBe('ascending');
    expect(wardNames()).toEqual(['Abingdon', 'Brompton', 'Chelsea Riverside', 'Courtfield']);
    await user.click(screen.getByRole('button', { name: 'Ward' }));
    expect(wardNames()).toEqual(['Courtfield', 'Chelsea Riverside', 'Brompton', 'Abingdon']);
  });

  it('selects a ward and clears the selection on a second click', async () => {
    const user = userEvent.setup();
    render(<WardTablePanel />);
    const brompton = screen.getByRole('button', { name: 'Brompton' });
    expect(brompton.getAttribute('aria-pressed')).toBe('false');
    await user.click(brompton);
    expect(useAppStore.getState().ward).toBe(BROMPTON);
    expect(screen.getByRole('button', { name: 'Brompton' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(screen.getByRole('button', { name: 'Abingdon' }).getAttribute('aria-pressed')).toBe(
      'false',
    );
    await user.click(screen.getByRole('button', { name: 'Brompton' }));
    expect(useAppStore.getState().ward).toBeNull();
    expect(screen.getByRole('button', { name: 'Brompton' }).getAttribute('aria-pressed')).toBe(
      'false',
    );
  });

  it('ranks by rate when the measure is rate, and names the borough across boroughs', () => {
    useAppStore.getState().setMeasure('rate');
    useAppStore.getState().setArea('london');
    render(<WardTablePanel />);
    expect(
      screen.getByRole('table', { name: /Rank by rate: 1 is highest, = marks a tie\.$/ }).tagName,
    ).toBe('TABLE');
    // Rates per year: Courtfield 48.0, Brompton 18.0, Marylebone 7 / 5,000 * 1,000 * 12 = 16.8,
    // Abingdon 6.0;
    // Chelsea Riverside has none and no rank.
    expect(wardNames()).toEqual([
      'Courtfield, Kensington and Chelsea',
      'Brompton, Kensington and Chelsea',
      'Marylebone, Westminster',
      'Abingdon, Kensington and Chelsea',
      'Chelsea Riverside, Kensington and Chelsea',
    ]);
    const ranks = screen
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell')[2]?.textContent);
    expect(ranks).toEqual(['1', '2', '3', '4', '–']);
  });
});
