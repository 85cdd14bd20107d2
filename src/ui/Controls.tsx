/**
 * The choices that define a view: area, theme (saying which themes have data for the area and
 * period), period (presets that match tasking, or months by hand) and measure. Each is a piece
 * of its own, so the dashboard's filter panel, the header and the other pages place them where
 * they fit; `Controls` gathers them for the pages beside the dashboard.
 */
import { useId } from 'react';
import type { Measure } from '../analysis/areaFigures.ts';
import type { ThemeData } from '../analysis/dataCoverage.ts';
import { describePeriod } from '../analysis/describeView.ts';
import {
  comparisonText,
  PERIOD_PRESETS,
  type PeriodPreset,
  presetText,
  presetUnavailable,
} from '../analysis/periods.ts';
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
import {
  selectPeriodSpan,
  selectThemeData,
  useAreaFigures,
  useAreaStatistics,
  useDatasetSummaries,
} from '../state/selectors.ts';
import { useAppStore } from '../state/store.ts';
import { RadioChoice } from './RadioChoice.tsx';

export interface AreaOption {
  id: string;
  name: string;
}

export function AreaPicker({ areas }: { areas: readonly AreaOption[] }) {
  const id = useId();
  const area = useAppStore((state) => state.area);
  const setArea = useAppStore((state) => state.setArea);
  return (
    <div className="field area-picker">
      <label htmlFor={`${id}-area`}>Area</label>
      <select id={`${id}-area`} value={area} onChange={(event) => setArea(event.target.value)}>
        {areas.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </select>
    </div>
  );
}

const THEME_DATA_NOTE: Readonly<Record<ThemeData, string>> = {
  offences: '',
  'none-recorded': ' (none recorded here)',
  'no-data': ' (no data here)',
};

export function ThemePicker() {
  const id = useId();
  const theme = useAppStore((state) => state.theme);
  const datasets = useDatasetSummaries();
  const themeData = useAppStore(selectThemeData);
  const setTheme = useAppStore((state) => state.setTheme);
  const themes = liveThemeIds(datasets)
    .filter((id) => id !== DEDUPLICATED_ALL_THEME)
    .map((id) => describeTheme(datasets, id));
  const group = (name: ThemeInfo['group']) => themes.filter((info) => info.group === name);
  const otherCrime = group('other_recorded_crime');
  const label = (themeId: string, text: string) =>
    `${text}${THEME_DATA_NOTE[themeData.get(themeId) ?? 'offences']}`;
  const sources = themeSources(datasets, theme)
    .map(
      (dataset) =>
        `${datasetName(dataset)} (${describePeriod(monthKey(dataset.firstMonth), monthKey(dataset.lastMonth))})`,
    )
    .join('; ');
  const shownData = themeData.get(theme);
  return (
    <div className="field">
      <label htmlFor={`${id}-theme`}>Theme</label>
      <select
        id={`${id}-theme`}
        value={theme}
        aria-describedby={`${id}-theme-hint`}
        onChange={(event) => setTheme(event.target.value)}
      >
        <option value={ALL_THEMES}>{label(ALL_THEMES, ALL_THEMES_LABEL)}</option>
        {group('serious_violence').map((info) => (
          <option key={info.id} value={info.id}>
            {label(info.id, info.label)}
          </option>
        ))}
        {otherCrime.length > 0 && (
          <optgroup label={OTHER_RECORDED_CRIME_LABEL}>
            {otherCrime.map((info) => (
              <option key={info.id} value={info.id}>
                {label(info.id, info.label)}
              </option>
            ))}
          </optgroup>
        )}
      </select>
      <span className="hint" id={`${id}-theme-hint`}>
        {shownData === 'no-data'
          ? 'No loaded file has this theme for this area and period: the map shows no data.'
          : sources
            ? `From ${sources}`
            : ''}
      </span>
    </div>
  );
}

const CUSTOM = 'custom' as const;

/** Presets that match tasking, months by hand, and what the period is compared with. */
export function PeriodPicker() {
  const id = useId();
  const from = useAppStore((state) => state.from);
  const to = useAppStore((state) => state.to);
  const preset = useAppStore((state) => state.preset);
  const datasets = useDatasetSummaries();
  const span = useAppStore(selectPeriodSpan);
  const { setPeriod, setPreset } = useAppStore.getState();
  const statistics = useAreaStatistics();
  const figures = useAreaFigures();
  const months = monthsOf(datasets);
  const comparisons = statistics?.comparisons ?? [];
  return (
    <RadioChoice<PeriodPreset | typeof CUSTOM>
      legend="Period"
      className="field period"
      describedBy={`${id}-period-note`}
      value={preset ?? CUSTOM}
      onChange={(choice) => {
        if (choice !== CUSTOM) setPreset(choice);
        else if (from && to) setPeriod(from, to);
      }}
      options={[
        ...PERIOD_PRESETS.map((option) => {
          const unavailable = presetUnavailable(option.id, span);
          const why = `${id}-${option.id}-why`;
          return {
            value: option.id,
            label: (
              <span>
                {option.label}
                {unavailable && (
                  <span className="hint" id={why}>
                    {' '}
                    ({unavailable})
                  </span>
                )}
              </span>
            ),
            disabled: unavailable !== null,
            describedBy: unavailable ? why : undefined,
          };
        }),
        { value: CUSTOM, label: 'Months chosen by hand', disabled: months.length === 0 },
      ]}
    >
      <div className="months">
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
      </div>
      <p className="hint" id={`${id}-period-note`}>
        {from && to ? describePeriod(from, to) : 'No months loaded'}
        {comparisons.length > 0
          ? `, ${comparisons.map(comparisonText).join(' and ')}.`
          : from && to
            ? ': the data has no earlier period to compare with.'
            : '.'}
        {figures && figures.rateMonths !== 12 && ' Rates are per 1,000 per year.'}
        {figures &&
          figures.monthsCovered > 0 &&
          figures.monthsCovered < figures.periodMonths &&
          ` The data covers ${figures.monthsCovered} of its ${figures.periodMonths} months.`}
      </p>
    </RadioChoice>
  );
}

export function MeasurePicker() {
  const measure = useAppStore((state) => state.measure);
  const hasPopulation = useAppStore((state) => state.populations !== null);
  const setMeasure = useAppStore((state) => state.setMeasure);
  return (
    <RadioChoice<Measure>
      legend="Measure"
      className="field measure"
      value={measure}
      onChange={setMeasure}
      options={[
        { value: 'count', label: 'Count' },
        { value: 'rate', label: 'Rate per 1,000 residents', disabled: !hasPopulation },
      ]}
    />
  );
}

/** "Kensington and Chelsea · All serious violence · Last 3 months: Dec 2025 to Feb 2026 · count" */
function useViewSummary(areas: readonly AreaOption[]): string {
  const area = useAppStore((state) => state.area);
  const theme = useAppStore((state) => state.theme);
  const from = useAppStore((state) => state.from);
  const to = useAppStore((state) => state.to);
  const preset = useAppStore((state) => state.preset);
  const measure = useAppStore((state) => state.measure);
  const datasets = useDatasetSummaries();
  return [
    areas.find((option) => option.id === area)?.name ?? area,
    describeTheme(datasets, theme).label,
    from && to ? presetText(preset, { from, to }) : 'no months loaded',
    measure === 'rate' ? 'rate per 1,000 residents' : 'count',
  ].join(' · ');
}

/**
 * Area, theme and measure in a row with the period's presets in a row under them, for the pages
 * beside the dashboard, folded under one line that says what is chosen (as the dashboard's chips
 * do), so that the page's own content (the ranked wards, the services map) starts on its first
 * screen at every size.
 */
export function Controls({ areas }: { areas: readonly AreaOption[] }) {
  const summary = useViewSummary(areas);
  return (
    <details className="controls-fold">
      <summary>
        <span className="controls-fold-title">View</span> {summary}
      </summary>
      <form className="controls" aria-label="View" onSubmit={(event) => event.preventDefault()}>
        <AreaPicker areas={areas} />
        <ThemePicker />
        <MeasurePicker />
        <PeriodPicker />
      </form>
    </details>
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
