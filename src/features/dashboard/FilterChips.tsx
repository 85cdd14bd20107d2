/**
 * Everything that shapes the figures, as chips above the map, each with a one-tap clear: the
 * area (a chip that is also the area picker; clearing it shows all of London), theme, period,
 * hours picked on the heatmap, the selected ward, the measure and publication mode. Nothing that
 * changes a figure lives only in a caption. The chips wrap rather than scroll: every one is in
 * sight.
 */
import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { describeTime } from '../../analysis/describeView.ts';
import { presetText } from '../../analysis/periods.ts';
import { describeTheme } from '../../data/dataset.ts';
import { ALL_THEMES } from '../../data/themes.ts';
import { ALL_LONDON_AREA } from '../../geo/areas.ts';
import { useAreaFigures } from '../../state/selectors.ts';
import { useAppStore } from '../../state/store.ts';
import { DEFAULT_PRESET } from '../../state/viewSlice.ts';
import type { AreaOption } from '../../ui/Controls.tsx';
import { useLayoutSize } from '../../ui/useLayoutSize.ts';

interface Chip {
  key: string;
  /** "Theme", or null when the value says what it is ("Publication mode") */
  name: string | null;
  /** "Robbery" */
  value: string;
  /** Undoes this filter; null when the chip shows the default and there is nothing to clear. */
  clear: (() => void) | null;
}

export function FilterChips({ areas }: { areas: readonly AreaOption[] }) {
  const id = useId();
  const figures = useAreaFigures();
  const view = useAppStore(
    useShallow((state) => ({
      theme: state.theme,
      from: state.from,
      to: state.to,
      preset: state.preset,
      time: state.time,
      measure: state.measure,
      publication: state.publication,
    })),
  );
  const datasets = useAppStore((state) => state.datasets);
  const size = useLayoutSize();
  if (!figures) return null;
  // Compact chips on a tablet or phone: the value alone, the name left to screen readers (the
  // area's too on a phone), so that every chip stays in sight in a row or two.
  const nameClass = size === 'desktop' ? 'chip-name' : 'chip-name visually-hidden';
  const actions = useAppStore.getState();
  const hasLondon = figures.area.id !== ALL_LONDON_AREA;
  const selected = figures.wards.find((ward) => ward.code === figures.selectedWard);
  const time = describeTime(view.time);
  const chips: Chip[] = [
    {
      key: 'theme',
      name: 'Theme',
      value: describeTheme(datasets, view.theme).label,
      clear: view.theme === ALL_THEMES ? null : () => actions.setTheme(ALL_THEMES),
    },
    ...(view.from && view.to
      ? [
          {
            key: 'period',
            name: 'Period',
            value: presetText(view.preset, { from: view.from, to: view.to }),
            clear: view.preset === DEFAULT_PRESET ? null : () => actions.setPreset(DEFAULT_PRESET),
          },
        ]
      : []),
    ...(time
      ? [{ key: 'hours', name: 'Hours', value: time, clear: () => actions.setTimeFilter(null) }]
      : []),
    ...(selected
      ? [
          {
            key: 'ward',
            name: 'Ward',
            value: selected.name,
            clear: () => actions.selectWard(null),
          },
        ]
      : []),
    ...(view.measure === 'rate'
      ? [
          {
            key: 'measure',
            name: null,
            value: `Rate ${figures.rateUnit}`,
            clear: () => actions.setMeasure('count'),
          },
        ]
      : []),
    ...(view.publication
      ? [
          {
            key: 'publication',
            name: null,
            value: 'Publication mode',
            clear: () => actions.setPublication(false),
          },
        ]
      : []),
  ];
  const clearable = [
    ...(hasLondon ? [{ clear: () => actions.setArea(ALL_LONDON_AREA) }] : []),
    ...chips.filter((chip) => chip.clear !== null),
  ];
  return (
    <div className="filter-chips">
      <ul aria-label="Filters in force">
        <li className={hasLondon ? 'chip active area' : 'chip area'}>
          <label
            htmlFor={`${id}-area`}
            className={size === 'phone' ? 'visually-hidden' : undefined}
          >
            Area
          </label>
          <select
            id={`${id}-area`}
            value={figures.area.id}
            onChange={(event) => actions.setArea(event.target.value)}
          >
            {areas.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name}
              </option>
            ))}
          </select>
          {hasLondon && (
            <button
              type="button"
              aria-label="Clear"
              aria-describedby={`${id}-area-clear`}
              onClick={() => actions.setArea(ALL_LONDON_AREA)}
            >
              <span aria-hidden="true">×</span>
              <span id={`${id}-area-clear`} hidden>
                Show all of London
              </span>
            </button>
          )}
        </li>
        {chips.map((chip) => (
          <li key={chip.key} className={chip.clear ? 'chip active' : 'chip'}>
            <span id={`${id}-${chip.key}`}>
              {/* A tablet or phone leaves the name to screen readers: the value says enough. */}
              {chip.name && <b className={nameClass}>{chip.name}: </b>}
              {chip.value}
            </span>
            {chip.clear && (
              // Named "Clear" and described by its chip, so that the name of a control (Theme,
              // Area) is never also the name of a clear button.
              <button
                type="button"
                aria-label="Clear"
                aria-describedby={`${id}-${chip.key}`}
                onClick={chip.clear}
              >
                <span aria-hidden="true">×</span>
              </button>
            )}
          </li>
        ))}
      </ul>
      {clearable.length > 1 && (
        <button
          type="button"
          className="clear-all"
          onClick={() => {
            for (const chip of clearable) chip.clear?.();
          }}
        >
          Clear all
        </button>
      )}
    </div>
  );
}
