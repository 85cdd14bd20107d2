import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { datasetOf } from '../../../tests/support/datasets.ts';
import { KENSINGTON, squareWard, WESTMINSTER, wardSetOf } from '../../../tests/support/wards.ts';
import { monthIndex } from '../../data/calendar.ts';
import { CubeBuilder, timeSlot, UNKNOWN_TIME_SLOT } from '../../data/cube.ts';
import { useAreaFigures } from '../../state/selectors.ts';
import { useAppStore } from '../../state/store.ts';
import { initialView } from '../../state/viewSlice.ts';
import { TimeOfDayHeatmap } from './TimeOfDayHeatmap.tsx';

const ABINGDON = 'E05009364';
const BROMPTON = 'E05009366';
const MARYLEBONE = 'E05013800';

const wards = wardSetOf([
  squareWard(ABINGDON, 'Abingdon', KENSINGTON, -0.2, 51.49),
  squareWard(BROMPTON, 'Brompton', KENSINGTON, -0.19, 51.49),
  squareWard(MARYLEBONE, 'Marylebone', WESTMINSTER, -0.16, 51.52),
]);

/**
 * March 2024. Abingdon: Mon 15:00 ×3, unknown time ×2. Brompton: Mon 15:00 ×4, Fri 23:00 ×6.
 * Marylebone (Westminster, another area): Mon 15:00 ×7.
 */
function offences() {
  const march = monthIndex('2024-03') as number;
  const builder = new CubeBuilder();
  builder.add('youth_violence', march, ABINGDON, timeSlot(0, 15), 3);
  builder.add('domestic_abuse', march, ABINGDON, UNKNOWN_TIME_SLOT, 2);
  builder.add('domestic_abuse', march, BROMPTON, timeSlot(0, 15), 4);
  builder.add('youth_violence', march, BROMPTON, timeSlot(4, 23), 6);
  builder.add('youth_violence', march, MARYLEBONE, timeSlot(0, 15), 7);
  return builder.build();
}

beforeEach(() => {
  useAppStore.setState({
    ...initialView,
    wards: null,
    datasets: [],
    pending: null,
    populations: null,
  });
  const { setWards, addDataset } = useAppStore.getState();
  setWards(wards);
  addDataset(datasetOf(offences()));
});

function HeatmapPanel() {
  const figures = useAreaFigures();
  return figures ? <TimeOfDayHeatmap figures={figures} /> : null;
}

function grid() {
  return screen.getByRole('table', { name: /^Time of day/ });
}

function hourHeader(hour: string) {
  return screen.getByRole('button', { name: `${hour}:00–${hour}:59, every day` });
}

function pressed(element: HTMLElement) {
  return element.getAttribute('aria-pressed');
}

describe('TimeOfDayHeatmap', () => {
  it('has a captioned grid of 7 days by 24 hours', () => {
    render(<HeatmapPanel />);
    const table = grid();
    expect(
      screen.getByRole('table', {
        name: 'Time of day by day of week, Kensington and Chelsea: All serious violence, Mar 2024. Offences recorded in each hour; choose a cell or an hour to filter the map.',
      }),
    ).toBe(table);
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((header) => header.textContent),
    ).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    const hours = within(table).getAllByRole('columnheader');
    expect(hours.map((header) => header.textContent)).toEqual(
      Array.from({ length: 24 }, (_, hour) => String(hour).padStart(2, '0')),
    );
    // Each hour header names its hour for screen readers.
    expect(
      within(hours[23] as HTMLElement)
        .getByRole('button')
        .getAttribute('aria-label'),
    ).toBe('23:00–23:59, every day');
    // 7 × 24 cells plus 24 hour buttons.
    expect(within(table).getAllByRole('button')).toHaveLength(7 * 24 + 24);
  });

  it('names each cell with its count for the whole area', () => {
    render(<HeatmapPanel />);
    // Mon 15:00: Abingdon 3 + Brompton 4 = 7 (Marylebone's 7 is in Westminster).
    expect(screen.getByRole('button', { name: 'Monday 15:00–15:59: 7 offences' }).textContent).toBe(
      '7',
    );
    // Fri 23:00: Brompton 6. Tue 15:00: nothing.
    screen.getByRole('button', { name: 'Friday 23:00–23:59: 6 offences' });
    screen.getByRole('button', { name: 'Tuesday 15:00–15:59: 0 offences' });
  });

  it('says how many offences have no known time', () => {
    render(<HeatmapPanel />);
    // Unknown: Abingdon 2. Total: 7 + 6 + 2 = 15. 2 / 15 = 13.33% -> "13.3%".
    screen.getByText('2 of 15 offences (13.3%) have no known time and are not in the grid.');
  });

  it("shows the selected ward's hours", async () => {
    const user = userEvent.setup();
    useAppStore.getState().selectWard(ABINGDON);
    render(<HeatmapPanel />);
    screen.getByRole('table', { name: /^Time of day by day of week, Abingdon:/ });
    // Abingdon alone: Mon 15:00 ×3 and 2 of its 5 offences without a time: 2 / 5 = 40%.
    screen.getByRole('button', { name: 'Monday 15:00–15:59: 3 offences' });
    screen.getByText('2 of 5 offences (40.0%) have no known time and are not in the grid.');
    await user.click(screen.getByRole('button', { name: 'Show the whole area' }));
    expect(useAppStore.getState().ward).toBeNull();
    screen.getByRole('button', { name: 'Monday 15:00–15:59: 7 offences' });
  });

  it('filters to a cell and clears the filter on a second click', async () => {
    const user = userEvent.setup();
    render(<HeatmapPanel />);
    const cell = screen.getByRole('button', { name: 'Friday 23:00–23:59: 6 offences' });
    expect(pressed(cell)).toBe('false');
    await user.click(cell);
    expect(useAppStore.getState().time).toEqual({ weekday: 4, hourFrom: 23, hourTo: 23 });
    expect(pressed(cell)).toBe('true');
    expect(screen.getByRole('status').textContent).toBe(
      'The map and ward table show only offences at 23:00–23:59, Fridays; offences with no known time are left out.',
    );
    await user.click(cell);
    expect(useAppStore.getState().time).toBeNull();
    expect(pressed(cell)).toBe('false');
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('filters to an hour on every day, and Shift+click extends it to a range', async () => {
    const user = userEvent.setup();
    render(<HeatmapPanel />);
    await user.click(hourHeader('20'));
    expect(useAppStore.getState().time).toEqual({ weekday: null, hourFrom: 20, hourTo: 20 });
    await user.keyboard('{Shift>}');
    await user.click(hourHeader('23'));
    await user.keyboard('{/Shift}');
    expect(useAppStore.getState().time).toEqual({ weekday: null, hourFrom: 20, hourTo: 23 });
    expect(['19', '20', '21', '22', '23'].map((hour) => pressed(hourHeader(hour)))).toEqual([
      'false',
      'true',
      'true',
      'true',
      'true',
    ]);
    // A range past midnight: 22:00 to 01:59.
    await user.click(hourHeader('22'));
    await user.keyboard('{Shift>}');
    await user.click(hourHeader('01'));
    await user.keyboard('{/Shift}');
    expect(useAppStore.getState().time).toEqual({ weekday: null, hourFrom: 22, hourTo: 1 });
    expect(['21', '22', '23', '00', '01', '02'].map((hour) => pressed(hourHeader(hour)))).toEqual([
      'false',
      'true',
      'true',
      'true',
      'true',
      'false',
    ]);
  });

  it('is one tab stop, with arrow keys moving between cells', async () => {
    const user = userEvent.setup();
    render(<HeatmapPanel />);
    const tabStops = () =>
      within(grid())
        .getAllByRole('button')
        .filter((button) => button.tabIndex === 0);
    expect(tabStops().map((button) => button.getAttribute('aria-label'))).toEqual([
      'Monday 00:00–00:59: 0 offences',
    ]);
    await user.tab();
    expect(document.activeElement?.getAttribute('aria-label')).toBe(
      'Monday 00:00–00:59: 0 offences',
    );
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowDown}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe(
      'Tuesday 02:00–02:59: 0 offences',
    );
    expect(tabStops()).toEqual([document.activeElement]);
    await user.keyboard('{End}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe(
      'Tuesday 23:00–23:59: 0 offences',
    );
    // Up from Monday reaches the hour headers; nothing is above them.
    await user.keyboard('{ArrowUp}{ArrowUp}{ArrowUp}');
    expect(document.activeElement).toBe(hourHeader('23'));
    await user.keyboard('{Home}{ArrowDown}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe(
      'Monday 00:00–00:59: 0 offences',
    );
    // Left of the first column stays put.
    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe(
      'Monday 00:00–00:59: 0 offences',
    );
    expect(tabStops()).toEqual([document.activeElement]);
    // Tab leaves the grid for the next control.
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Day' }));
  });

  it('sets the filter from the Day and hour lists and clears it', async () => {
    const user = userEvent.setup();
    render(<HeatmapPanel />);
    const clear = screen.getByRole('button', { name: 'Clear time filter' });
    expect((clear as HTMLButtonElement).disabled).toBe(true);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Day' }), 'Saturday');
    // No filter yet: the lists start from the whole day, 00:00 to 23:59.
    expect(useAppStore.getState().time).toEqual({ weekday: 5, hourFrom: 0, hourTo: 23 });
    await user.selectOptions(screen.getByRole('combobox', { name: 'From hour' }), '18:00');
    await user.selectOptions(screen.getByRole('combobox', { name: 'To hour' }), '02:59');
    expect(useAppStore.getState().time).toEqual({ weekday: 5, hourFrom: 18, hourTo: 2 });
    // Saturday 18:00 to 02:59 includes Saturday 19:00 but not Friday 19:00.
    expect(
      screen
        .getByRole('button', { name: 'Saturday 19:00–19:59: 0 offences' })
        .closest('td')
        ?.classList.contains('in-filter'),
    ).toBe(true);
    expect(
      screen
        .getByRole('button', { name: 'Friday 19:00–19:59: 0 offences' })
        .closest('td')
        ?.classList.contains('in-filter'),
    ).toBe(false);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Day' }), 'Every day');
    expect(useAppStore.getState().time).toEqual({ weekday: null, hourFrom: 18, hourTo: 2 });
    await user.click(clear);
    expect(useAppStore.getState().time).toBeNull();
    expect((screen.getByRole('combobox', { name: 'Day' }) as HTMLSelectElement).value).toBe('');
  });

  it('says so, instead of a grid of zeros, when the data has no time of day', () => {
    useAppStore.getState().clearDatasets();
    const monthly = new CubeBuilder(false);
    monthly.add('robbery', monthIndex('2024-03') as number, ABINGDON, UNKNOWN_TIME_SLOT, 12);
    useAppStore.getState().addDataset(datasetOf(monthly.build(), { id: 'mps' }));
    useAppStore.getState().setTheme('robbery');
    render(<HeatmapPanel />);
    expect(screen.queryByRole('table', { name: /^Time of day/ })).toBeNull();
    screen.getByText(/The data for Robbery has no time of day/);
  });

  it('shows counts of 1 to 4 as "<5" in publication mode', () => {
    useAppStore.getState().setPublication(true);
    useAppStore.getState().selectWard(ABINGDON);
    render(<HeatmapPanel />);
    // Abingdon alone: Monday 15:00 holds 3 offences, shown as "<5"; 0 stays 0.
    const cell = screen.getByRole('button', { name: 'Monday 15:00–15:59: <5 offences' });
    expect(cell.textContent).toBe('<5');
    screen.getByRole('button', { name: 'Friday 23:00–23:59: 0 offences' });
    useAppStore.getState().setPublication(false);
  });
});
