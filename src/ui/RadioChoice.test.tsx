import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { RadioChoice } from './RadioChoice.tsx';

type Size = 'small' | 'medium' | 'large';

function SizeChoice({ onChange = () => {} }: { onChange?(size: Size): void }) {
  const [size, setSize] = useState<Size>('medium');
  return (
    <>
      <RadioChoice<Size>
        legend="Size"
        value={size}
        onChange={(next) => {
          setSize(next);
          onChange(next);
        }}
        options={[
          { value: 'small', label: 'Small', hint: 'For one' },
          { value: 'medium', label: 'Medium' },
          { value: 'large', label: 'Large', disabled: true, describedBy: 'why-not-large' },
        ]}
      />
      <p id="why-not-large">Out of stock</p>
      <button type="button">After</button>
    </>
  );
}

const radio = (name: string) => screen.getByRole('radio', { name }) as HTMLInputElement;

describe('RadioChoice', () => {
  it('groups labelled radio buttons under their legend, the chosen one checked', () => {
    render(<SizeChoice />);
    const group = screen.getByRole('group', { name: 'Size' });
    const radios = within(group).getAllByRole('radio') as HTMLInputElement[];
    expect(radios.map((input) => input.value)).toEqual(['small', 'medium', 'large']);
    expect(radio('Medium').checked).toBe(true);
    expect(radio('Small').checked).toBe(false);
    expect(radio('Large').disabled).toBe(true);
    // One group for the keyboard: every radio shares its name.
    const names = new Set(radios.map((input) => input.name));
    expect(names.size).toBe(1);
  });

  it('reads each option with its hint, or with what describes it elsewhere', () => {
    render(<SizeChoice />);
    const describedBy = (input: HTMLInputElement) =>
      (input.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .filter(Boolean)
        .map((id) => document.getElementById(id)?.textContent);
    expect(describedBy(radio('Small'))).toEqual(['For one']);
    expect(describedBy(radio('Medium'))).toEqual([]);
    expect(describedBy(radio('Large'))).toEqual(['Out of stock']);
  });

  it('tells the choice made by a click, and checks it', async () => {
    const user = userEvent.setup();
    const chosen = vi.fn();
    render(<SizeChoice onChange={chosen} />);
    await user.click(screen.getByText('Small'));
    expect(chosen).toHaveBeenCalledWith('small');
    expect(radio('Small').checked).toBe(true);
    expect(radio('Medium').checked).toBe(false);
  });

  it('is one stop for Tab, at the chosen option, and the arrow keys move the choice', async () => {
    const user = userEvent.setup();
    const chosen = vi.fn();
    render(<SizeChoice onChange={chosen} />);
    await user.tab();
    expect(document.activeElement).toBe(radio('Medium'));
    await user.keyboard('{ArrowUp}');
    expect(chosen).toHaveBeenLastCalledWith('small');
    expect(radio('Small').checked).toBe(true);
    expect(document.activeElement).toBe(radio('Small'));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'After' }));
  });
});
