import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { datasetOf } from '../../tests/support/datasets.ts';
import { monthIndex } from '../data/calendar.ts';
import { CubeBuilder, timeSlot } from '../data/cube.ts';
import { useAppStore } from '../state/store.ts';
import { initialView } from '../state/viewSlice.ts';
import { AreaPicker, Controls } from './Controls.tsx';

const areas = [
  { id: 'E09000020', name: 'Kensington and Chelsea' },
  { id: 'E09000033', name: 'Westminster' },
  { id: 'london', name: 'All of London' },
];

/** November 2023 to February 2024 (four months, December empty), four themes. */
function offences() {
  const builder = new CubeBuilder();
  const november = monthIndex('2023-11') as number;
  const february = monthIndex('2024-02') as number;
  for (const theme of ['youth_violence', 'all_serious_violence', 'domestic_abuse', 'knife_crime']) {
    builder.add(theme, november, 'E05009375', timeSlot(2, 20), 1);
    builder.add(theme, february, 'E05009375', timeSlot(3, 21), 1);
  }
  return builder.build();
}

beforeEach(() => {
  useAppStore.setState({
    wards: null,
    populations: null,
    ...initialView,
    datasets: [],
    pending: null,
    populationSource: null,
  });
});

function loadOffences() {
  useAppStore.getState().addDataset(datasetOf(offences()));
}

function select(name: string) {
  return screen.getByRole('combobox', { name }) as HTMLSelectElement;
}

function optionNames(name: string) {
  return within(select(name))
    .getAllByRole('option')
    .map((option) => option.textContent);
}

function radio(name: string | RegExp) {
  return screen.getByRole('radio', { name }) as HTMLInputElement;
}

describe('Controls', () => {
  it('labels every control', () => {
    loadOffences();
    render(<Controls areas={areas} />);
    screen.getByRole('form', { name: 'View' });
    expect(optionNames('Area')).toEqual(['Kensington and Chelsea', 'Westminster', 'All of London']);
    expect(select('Area').value).toBe('E09000020');
    select('Theme');
    select('From');
    select('To');
    const measure = screen.getByRole('group', { name: 'Measure' });
    expect(
      within(measure)
        .getAllByRole('radio')
        .map((input) => input.parentElement?.textContent),
    ).toEqual(['Count', 'Rate per 1,000 residents']);
    expect(radio('Count').checked).toBe(true);
  });

  it('offers all serious violence and the themes in the file, once each', () => {
    loadOffences();
    render(<Controls areas={areas} />);
    // all_serious_violence is the file's own "all" total: it is not offered as a theme.
    expect(optionNames('Theme')).toEqual([
      'All serious violence',
      'Youth violence (under 25)',
      'Domestic abuse',
      'Knife crime',
    ]);
    expect(select('Theme').value).toBe('all');
  });

  it('offers only all serious violence, and no months, before offences load', () => {
    render(<Controls areas={areas} />);
    expect(optionNames('Theme')).toEqual(['All serious violence']);
    expect(select('From').disabled).toBe(true);
    expect(select('To').disabled).toBe(true);
  });

  it('changes the area, clearing the selected ward', async () => {
    const user = userEvent.setup();
    useAppStore.setState({ ward: 'E05009375' });
    render(<AreaPicker areas={areas} />);
    await user.selectOptions(select('Area'), 'Westminster');
    expect(useAppStore.getState().area).toBe('E09000033');
    expect(useAppStore.getState().ward).toBeNull();
    expect(select('Area').value).toBe('E09000033');
  });

  it('changes the theme', async () => {
    const user = userEvent.setup();
    loadOffences();
    render(<Controls areas={areas} />);
    await user.selectOptions(select('Theme'), 'Domestic abuse');
    expect(useAppStore.getState().theme).toBe('domestic_abuse');
    expect(select('Theme').value).toBe('domestic_abuse');
  });

  it('offers every month of the file and keeps the period in order', async () => {
    const user = userEvent.setup();
    loadOffences();
    render(<Controls areas={areas} />);
    const months = ['Nov 2023', 'Dec 2023', 'Jan 2024', 'Feb 2024'];
    expect(optionNames('From')).toEqual(months);
    expect(optionNames('To')).toEqual(months);
    // A four-month file is too short for the default 12 months: it is shown whole, as months
    // chosen by hand.
    expect([select('From').value, select('To').value]).toEqual(['2023-11', '2024-02']);
    expect(radio('Months chosen by hand').checked).toBe(true);
    await user.selectOptions(select('From'), 'Jan 2024');
    expect([useAppStore.getState().from, useAppStore.getState().to]).toEqual([
      '2024-01',
      '2024-02',
    ]);
    // To before From: the two swap so that the period still runs forwards.
    await user.selectOptions(select('To'), 'Dec 2023');
    expect([useAppStore.getState().from, useAppStore.getState().to]).toEqual([
      '2023-12',
      '2024-01',
    ]);
    expect([select('From').value, select('To').value]).toEqual(['2023-12', '2024-01']);
  });

  it('offers the presets the data allows, says why not the others, and names the comparisons', async () => {
    const user = userEvent.setup();
    loadOffences();
    render(<Controls areas={areas} />);
    // Four months, November to February: the last 3 months are there, with nothing before them.
    expect(radio('Last 3 months against the 3 before').disabled).toBe(false);
    expect(radio(/^Last 12 months/).disabled).toBe(true);
    // The last 12 months and the financial year (from April 2023) reach back too far.
    expect(radio(/^Financial year/).disabled).toBe(true);
    expect(screen.getAllByText('(The data holds 4 months.)', { exact: false })).toHaveLength(2);
    expect(radio(/^Last 28 days/).disabled).toBe(true);
    await user.click(radio('Last 3 months against the 3 before'));
    expect(useAppStore.getState()).toMatchObject({
      preset: 'last-3-months',
      from: '2023-12',
      to: '2024-02',
    });
    // Year to date: January and February 2024.
    await user.click(radio('Year to date against the same months last year'));
    expect([useAppStore.getState().from, useAppStore.getState().to]).toEqual([
      '2024-01',
      '2024-02',
    ]);
    // Choosing months by hand is a custom period.
    await user.selectOptions(select('From'), 'Nov 2023');
    expect(useAppStore.getState().preset).toBeNull();
  });

  it('offers the rate only once populations are loaded', async () => {
    const user = userEvent.setup();
    render(<Controls areas={areas} />);
    expect(radio('Rate per 1,000 residents').disabled).toBe(true);
    expect(radio('Count').disabled).toBe(false);
    const populations = new Map([['E05009375', { population: 9_000, population10to24: null }]]);
    act(() =>
      useAppStore.getState().setPopulations(populations, { name: 'population.csv', year: 2022 }),
    );
    expect(radio('Rate per 1,000 residents').disabled).toBe(false);
    await user.click(radio('Rate per 1,000 residents'));
    expect(useAppStore.getState().measure).toBe('rate');
    expect(radio('Rate per 1,000 residents').checked).toBe(true);
    expect(radio('Count').checked).toBe(false);
    await user.click(radio('Count'));
    expect(useAppStore.getState().measure).toBe('count');
  });
});
