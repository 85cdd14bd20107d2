/** Area, theme, period and measure: the choices that define a view. */

import { useId } from 'react';
import type { Measure } from '../analysis/areaFigures.ts';
import { describePeriod } from '../analysis/describeView.ts';
import { monthKey, monthLabel } from '../data/calendar.ts';
import { datasetName, describeTheme, themeSources } from '../data/dataset.ts';
import {
  ALL_THEMES,
  ALL_THEMES_LABEL,
  DEDUPLICATED_ALL_THEME,
  OTHER_RECORDED_CRIME_LABEL,
  type ThemeInfo,
} from '../data/themes.ts';
import { liveThemeIds, monthsOf } from '../state/dataSlice.ts';
import { useDatasetSummaries } from '../state/selectors.ts';
import { useAppStore } from '../state/store.ts';

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
  const datasets = useDatasetSummaries();
  const hasPopulation = useAppStore((state) => state.populations !== null);
  const { setArea, setTheme, setPeriod, setMeasure } = useAppStore.getState();
  const months = monthsOf(datasets);
  const themes = liveThemeIds(datasets)
    .filter((id) => id !== DEDUPLICATED_ALL_THEME)
    .map((id) => describeTheme(datasets, id));
  const group = (name: ThemeInfo['group']) => themes.filter((info) => info.group === name);
  const otherCrime = group('other_recorded_crime');
  const sources = themeSources(datasets, theme)
    .map(
      (dataset) =>
        `${datasetName(dataset)} (${describePeriod(monthKey(dataset.firstMonth), monthKey(dataset.lastMonth))})`,
    )
    .join('; ');

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
          <option value={ALL_THEMES}>{ALL_THEMES_LABEL}</option>
          {group('serious_violence').map((info) => (
            <option key={info.id} value={info.id}>
              {info.label}
            </option>
          ))}
          {otherCrime.length > 0 && (
            <optgroup label={OTHER_RECORDED_CRIME_LABEL}>
              {otherCrime.map((info) => (
                <option key={info.id} value={info.id}>
                  {info.label}
                </option>
              ))}
            </optgroup>
          )}
        </select>
        {sources && <span className="hint">From {sources}</span>}
      </div>
      <MonthSelect
        id={`${id}-from`}
        label="From"
        months={months}
        value={from}
        onChange={(month) => setPeriod(month, to ?? month)}
      />
      <MonthSelect
        id={`${id}-to`}
        label="To"
        months={months}
        value={to}
        onChange={(month) => setPeriod(from ?? month, month)}
      />
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

function MonthSelect(props: {
  id: string;
  label: string;
  months: readonly string[];
  value: string | null;
  onChange(month: string): void;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value ?? ''}
        disabled={props.months.length === 0}
        onChange={(event) => props.onChange(event.target.value)}
      >
        {props.months.map((month) => (
          <option key={month} value={month}>
            {monthLabel(month)}
          </option>
        ))}
      </select>
    </div>
  );
}
