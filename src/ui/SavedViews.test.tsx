import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAppStore } from '../state/store.ts';
import { initialView } from '../state/viewSlice.ts';
import { SavedViews } from './SavedViews.tsx';

const VIEW_SEARCH =
  '?area=E09000020&theme=robbery&from=2025-11&to=2026-01&measure=rate&ward=E05009396&map=14.00/51.52000/-0.21000';

beforeEach(() => {
  useAppStore.setState({ ...initialView, savedViews: [], cameraRequest: null });
  window.history.replaceState(null, '', `/${VIEW_SEARCH}`);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('SavedViews', () => {
  it('saves the view in the address bar under a name, shows it again and deletes it', async () => {
    const user = userEvent.setup();
    render(<SavedViews />);
    expect(screen.getByText(/^None yet/)).toBeTruthy();
    expect(
      (screen.getByRole('button', { name: 'Save this view' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    await user.type(
      screen.getByLabelText('Name of this view'),
      'Tasking 3 Dec: Golborne and Colville',
    );
    await user.click(screen.getByRole('button', { name: 'Save this view' }));
    expect(useAppStore.getState().savedViews).toMatchObject([
      { name: 'Tasking 3 Dec: Golborne and Colville', search: VIEW_SEARCH },
    ]);

    // Somewhere else, then back to the saved view: its view and camera.
    useAppStore.setState({ theme: 'all', measure: 'count', ward: null });
    await user.click(
      screen.getByRole('button', { name: 'Show Tasking 3 Dec: Golborne and Colville' }),
    );
    expect(useAppStore.getState()).toMatchObject({
      area: 'E09000020',
      theme: 'robbery',
      from: '2025-11',
      to: '2026-01',
      measure: 'rate',
      ward: 'E05009396',
      cameraRequest: { zoom: 14, latitude: 51.52, longitude: -0.21 },
    });
    expect(screen.getByRole('status').textContent).toBe(
      'Showing “Tasking 3 Dec: Golborne and Colville”.',
    );

    await user.click(
      screen.getByRole('button', { name: 'Delete Tasking 3 Dec: Golborne and Colville' }),
    );
    expect(useAppStore.getState().savedViews).toEqual([]);
    expect(screen.getByText(/^None yet/)).toBeTruthy();
  });

  it('copies a saved view’s link, or offers it in a field when the clipboard refuses', async () => {
    const user = userEvent.setup();
    useAppStore.getState().saveView('Nights', '?theme=robbery&hours=22-3');
    render(<SavedViews />);
    const writeText = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    await user.click(screen.getByRole('button', { name: 'Copy link to Nights' }));
    expect(writeText).toHaveBeenCalledWith(`${window.location.origin}/?theme=robbery&hours=22-3`);
    expect(screen.getByRole('status').textContent).toBe('Link copied');

    vi.stubGlobal('navigator', {
      ...navigator,
      clipboard: { writeText: vi.fn().mockRejectedValue(new Error('denied')) },
    });
    await user.click(screen.getByRole('button', { name: 'Copy link to Nights' }));
    const field = screen.getByLabelText('Link to the view') as HTMLInputElement;
    expect(field.value).toBe(`${window.location.origin}/?theme=robbery&hours=22-3`);
  });
});
