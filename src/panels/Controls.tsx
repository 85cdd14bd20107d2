/** Area, theme, period and measure: the choices that define a view. */
import { useId } from 'react';
import { monthLabel } from '../data/calendar.ts';
import { ALL_THEMES, DEDUPLICATED_ALL_THEME, themeLabel } from '../data/themes.ts';
import { type Measure, useAppStore } from '../state/store.ts';

export interface AreaOption {
  id: string;
  name: string;
}

export function Controls({ areas }: { areas: readonly AreaOption[] }) {
  const id = useId();
  const area = useAppStore((state) => state.area);
  const theme = useAppStore((state) => state.theme);
  const from = useAppStore((state) => state.from);
  const to = useAppStore((state) => state.to);
  const measure = useAppStore((state) => state.measure);
  const themes = useAppStore((state) => state.offenceThemes);
  const months = useAppStore((state) => state.offenceMonths);
  const hasPopulation = useAppStore((state) => state.populationVersion > 0);
  const { setArea, setTheme, setPeriod, setMeasure } = useAppStore.getState();
  const themeOptions = [
    ALL_THEMES,
    ...themes.filter((candidate) => candidate !== DEDUPLICATED_ALL_THEME),
  ];

  return (
    <form className="controls" aria-label="View" onSubmit={(event) => event.preventDefault()}>
      <div className="field">
        <label htmlFor={`${id}-area`}>Area</label>
        <select id={`${id}-area`} value={area} onChange={(event) => setArea(event.target.value)}>
          {areas.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-theme`}>Theme</label>
        <select id={`${id}-theme`} value={theme} onChange={(event) => setTheme(event.target.value)}>
          {themeOptions.map((option) => (
            <option key={option} value={option}>
              {themeLabel(option)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-from`}>From</label>
        <select
          id={`${id}-from`}
          value={from ?? ''}
          disabled={months.length === 0}
          onChange={(event) => setPeriod(event.target.value, to ?? event.target.value)}
        >
          {months.map((month) => (
            <option key={month} value={month}>
              {monthLabel(month)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>To</label>
        <select
          id={`${id}-to`}
          value={to ?? ''}
          disabled={months.length === 0}
          onChange={(event) => setPeriod(from ?? event.target.value, event.target.value)}
        >
          {months.map((month) => (
            <option key={month} value={month}>
              {monthLabel(month)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="field measure">
        <legend>Measure</legend>
        {(
          [
            ['count', 'Count'],
            ['rate', 'Rate per 1,000 residents'],
          ] as [Measure, string][]
        ).map(([value, label]) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name={`${id}-measure`}
              value={value}
              checked={measure === value}
              disabled={value === 'rate' && !hasPopulation}
              onChange={() => setMeasure(value)}
            />
            {label}
          </label>
        ))}
      </fieldset>
    </form>
  );
}
