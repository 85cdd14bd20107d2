import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { mappingOf } from '../../../tests/support/columnMappings.ts';
import { useAppStore } from '../../state/store.ts';
import { ColumnMappings } from './ColumnMappings.tsx';
import { MatchColumns } from './MatchColumns.tsx';

const HEADER = ['URN', 'Incident Date', 'Ward', 'Type'];

const saved = mappingOf(HEADER, ['record_id', 'from', 'ward_name', 'ignore'], {
  id: 'youth-justice',
  name: 'Youth justice cases',
  rowsAre: 'own_theme',
});

beforeEach(() => {
  // happy-dom has no modal dialogs: showModal opens the dialog as show() would.
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  useAppStore.setState({ columnMappings: [saved], matching: null });
});

describe('saved column matchings', () => {
  it('are listed with their roles, changed through the Match columns step, and deleted', async () => {
    const user = userEvent.setup();
    render(
      <>
        <ColumnMappings />
        <MatchColumns />
      </>,
    );
    const list = screen.getByRole('region', { name: 'Column matchings' });
    expect(
      within(list).getByText(
        /URN: Record ID \(crime reference\); Incident Date: Date or date-time \(from\); Ward: Ward name/,
      ),
    ).toBeTruthy();

    await user.click(within(list).getByRole('button', { name: 'Change Youth justice cases' }));
    const dialog = screen.getByRole('dialog', { name: 'Match columns: Youth justice cases' });
    expect((within(dialog).getByLabelText('Ward') as HTMLSelectElement).value).toBe('ward_name');
    // A column chosen twice is named, and saving waits until it is settled.
    await user.selectOptions(within(dialog).getByLabelText('Type'), 'ward_name');
    expect(within(dialog).getByText('“Ward name” is chosen for 2 columns.')).toBeTruthy();
    expect(
      (within(dialog).getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    await user.selectOptions(within(dialog).getByLabelText('Type'), 'offence_type');
    await user.click(within(dialog).getByRole('radio', { name: /a serious violence offence/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    const [changed] = useAppStore.getState().columnMappings;
    expect(changed?.id).toBe('youth-justice');
    expect(changed?.rowsAre).toBe('offences');
    expect(changed?.columns.map((column) => column.role)).toEqual([
      'record_id',
      'from',
      'ward_name',
      'offence_type',
    ]);
    expect(useAppStore.getState().matching).toBeNull();

    await user.click(within(list).getByRole('button', { name: 'Delete Youth justice cases' }));
    expect(useAppStore.getState().columnMappings).toEqual([]);
    expect(within(list).getByText(/None saved/)).toBeTruthy();
  });

  it('change a boundary file’s matching with the roles of its properties alone', async () => {
    const user = userEvent.setup();
    const boundaries = mappingOf(['code', 'label', 'borough'], ['ward_code', 'ward_name'], {
      id: 'council-wards',
      name: 'Council ward layer',
      rowsAre: 'boundaries',
    });
    useAppStore.setState({ columnMappings: [boundaries] });
    render(
      <>
        <ColumnMappings />
        <MatchColumns />
      </>,
    );
    const list = screen.getByRole('region', { name: 'Column matchings' });
    expect(within(list).getByText(/\(3 columns, ward boundaries\)/)).toBeTruthy();
    await user.click(within(list).getByRole('button', { name: 'Change Council ward layer' }));
    const dialog = screen.getByRole('dialog', { name: 'Match columns: Council ward layer' });
    const borough = within(dialog).getByLabelText('borough') as HTMLSelectElement;
    // A property holds a ward's or a borough's code or name, or nothing the app uses.
    expect([...borough.options].map((option) => option.value)).toEqual([
      'ignore',
      'ward_code',
      'ward_name',
      'lad_code',
      'lad_name',
    ]);
    expect(within(dialog).queryByRole('radio')).toBeNull();
    // Without a ward code it cannot be saved.
    await user.selectOptions(within(dialog).getByLabelText('code'), 'ignore');
    expect(within(dialog).getByText('Choose the property with the ward code.')).toBeTruthy();
    await user.selectOptions(within(dialog).getByLabelText('code'), 'ward_code');
    await user.selectOptions(borough, 'lad_code');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    const [changed] = useAppStore.getState().columnMappings;
    expect(changed?.rowsAre).toBe('boundaries');
    expect(changed?.columns.map((column) => column.role)).toEqual([
      'ward_code',
      'ward_name',
      'lad_code',
    ]);
  });
});
