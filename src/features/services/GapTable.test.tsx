import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { datasetOf } from '../../../tests/support/datasets.ts';
import { KENSINGTON, squareWard, WESTMINSTER, wardSetOf } from '../../../tests/support/wards.ts';
import type { AreaFigures } from '../../analysis/areaFigures.ts';
import { DEFAULT_SERVICES_VIEW } from '../../analysis/servicesView.ts';
import { monthIndex } from '../../data/calendar.ts';
import { CubeBuilder, UNKNOWN_TIME_SLOT } from '../../data/cube.ts';
import { useGapTable } from '../../state/coverage.ts';
import { useAreaFigures } from '../../state/selectors.ts';
import { useAppStore } from '../../state/store.ts';
import { initialView } from '../../state/viewSlice.ts';
import { GapTable } from './GapTable.tsx';
import { ProposedServices } from './ProposedServices.tsx';

const ABINGDON = 'E05009364';
const BROMPTON = 'E05009366';
const CHELSEA_RIVERSIDE = 'E05009367';
const COURTFIELD = 'E05009368';
const MARYLEBONE = 'E05013800';

/**
 * Youth violence in January 2024: Brompton 6, Chelsea Riverside 5, Abingdon 3, Courtfield none;
 * Marylebone (Westminster, another area) 7. With no services nothing is within reach, so the
 * gaps are the high-need wards: the top third of 4 is ceil(1.33) = 2 wards, Brompton and Chelsea
 * Riverside.
 */
function offences() {
  const january = monthIndex('2024-01') as number;
  const builder = new CubeBuilder();
  builder.add('youth_violence', january, BROMPTON, UNKNOWN_TIME_SLOT, 6);
  builder.add('youth_violence', january, CHELSEA_RIVERSIDE, UNKNOWN_TIME_SLOT, 5);
  builder.add('youth_violence', january, ABINGDON, UNKNOWN_TIME_SLOT, 3);
  builder.add('youth_violence', january, MARYLEBONE, UNKNOWN_TIME_SLOT, 7);
  return builder.build();
}

beforeEach(() => {
  useAppStore.setState({
    datasets: [],
    pending: null,
    ...initialView,
    theme: 'youth_violence',
    reports: [],
    error: null,
    proposedServices: [],
  });
  const { setWards, addDataset, setServices } = useAppStore.getState();
  setWards(
    wardSetOf([
      squareWard(ABINGDON, 'Abingdon', KENSINGTON, -0.2, 51.49),
      squareWard(BROMPTON, 'Brompton', KENSINGTON, -0.19, 51.49),
      squareWard(CHELSEA_RIVERSIDE, 'Chelsea Riverside', KENSINGTON, -0.18, 51.48),
      squareWard(COURTFIELD, 'Courtfield', KENSINGTON, -0.2, 51.48),
      squareWard(MARYLEBONE, 'Marylebone', WESTMINSTER, -0.16, 51.52),
    ]),
  );
  setServices(null);
  addDataset(datasetOf(offences()));
});

function Gaps({ figures }: { figures: AreaFigures }) {
  const { table, coverage } = useGapTable(figures);
  return (
    <>
      <ProposedServices figures={figures} table={table} chosenType={null} />
      <GapTable
        figures={figures}
        table={table}
        coverage={coverage}
        chosenType={null}
        publication
        onPublicationChange={() => undefined}
      />
    </>
  );
}

function Panel() {
  const figures = useAreaFigures();
  return figures ? <Gaps figures={figures} /> : null;
}

function rows(): string[][] {
  const table = screen.getByRole('table', { name: /^Need against provision in Kensington/ });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? ''));
}

describe('the gap table', () => {
  it('ranks the area’s wards by need and marks the gaps in words', () => {
    render(<Panel />);
    expect(rows()).toEqual([
      ['Brompton', '6', '1', '0.0%', 'Gap'],
      ['Chelsea Riverside', '5', '2', '0.0%', 'Gap'],
      ['Abingdon', '3', '3', '0.0%', '–'],
      ['Courtfield', '0', '4', '0.0%', '–'],
    ]);
    expect(screen.getByText('2 wards are gaps: Brompton, Chelsea Riverside.')).toBeTruthy();
  });

  it('follows the rule chosen, and hides small counts in publication mode', () => {
    render(<Panel />);
    // The top quarter of 4 wards is 1 ward.
    act(() =>
      useAppStore.setState({ servicesView: { ...DEFAULT_SERVICES_VIEW, topShare: 'quarter' } }),
    );
    expect(rows().map((row) => row[4])).toEqual(['Gap', '–', '–', '–']);
    act(() => useAppStore.getState().setPublication(true));
    // The hidden count is not ranked: it goes after the 0, so its place gives nothing away.
    expect(rows().map((row) => row[1])).toEqual(['6', '5', '0', '<5']);
  });

  it('explains a typed position it cannot use, and adds no proposed service', async () => {
    const user = userEvent.setup();
    render(<Panel />);
    await user.type(screen.getByLabelText('Latitude'), '48.8566');
    await user.type(screen.getByLabelText('Longitude'), '2.3522');
    await user.click(screen.getByRole('button', { name: 'Add proposed service' }));
    expect(screen.getByRole('alert').textContent).toBe(
      'Latitude 48.8566, longitude 2.3522 is outside the UK (latitude 49.8 to 61, longitude −8.7 to 2)',
    );
    await user.clear(screen.getByLabelText('Longitude'));
    await user.click(screen.getByRole('button', { name: 'Add proposed service' }));
    expect(screen.getByRole('alert').textContent).toBe('Longitude is empty');
    expect(useAppStore.getState().proposedServices).toEqual([]);
    // With no services file, the commissioning types are offered.
    expect(
      within(screen.getByLabelText('Type of proposed service'))
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Youth hub', 'Domestic abuse advocate', 'Sexual violence support']);
  });
});
