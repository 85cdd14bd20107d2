import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { datasetOf } from '../../../tests/support/datasets.ts';
import { monthIndex } from '../../data/calendar.ts';
import { CubeBuilder } from '../../data/cube.ts';
import { PointsBuilder } from '../../data/offencePoints.ts';
import { useAppStore } from '../../state/store.ts';
import { initialView } from '../../state/viewSlice.ts';
import { Layers } from './Layers.tsx';

function checkbox(name: string): HTMLInputElement {
  return screen.getByRole('checkbox', { name }) as HTMLInputElement;
}

beforeEach(() => {
  useAppStore.setState({
    ...initialView,
    datasets: [],
    pending: null,
    layers: { choropleth: true, density: false, labels: true },
  });
});

describe('Layers', () => {
  it('offers the point density only once a loaded file has points, and keeps the choice in the store', async () => {
    const user = userEvent.setup();
    render(<Layers />);
    expect(screen.getByRole('group', { name: 'Layers' })).toBeTruthy();
    expect([checkbox('Ward choropleth').checked, checkbox('Ward labels').checked]).toEqual([
      true,
      true,
    ]);
    expect(checkbox('Point density').disabled).toBe(true);
    expect(screen.getByText(/^Point density needs offences with map points/)).toBeTruthy();

    const month = monthIndex('2025-01') as number;
    const builder = new CubeBuilder(false);
    builder.add('robbery', month, 'E05009396', 0, 1);
    const points = new PointsBuilder();
    points.add(-0.205, 51.52, 0, month);
    act(() =>
      useAppStore.getState().addDataset({ ...datasetOf(builder.build()), points: points.build() }),
    );
    expect(checkbox('Point density').disabled).toBe(false);

    await user.click(checkbox('Point density'));
    await user.click(checkbox('Ward labels'));
    expect(useAppStore.getState().layers).toEqual({
      choropleth: true,
      density: true,
      labels: false,
    });
    // The legend line of the density colours appears with the layer.
    expect(screen.getByText(/^Point density: fewer/)).toBeTruthy();
    expect(screen.getByRole('img', { name: /colour ramp/ })).toBeTruthy();
  });
});
