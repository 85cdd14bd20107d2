/**
 * Time of day × day of week. Each cell is a button that filters the map to that hour of that
 * day; hour headers filter to an hour on every day (Shift extends to a range). Arrow keys move
 * between cells so the grid is one tab stop.
 */
import { type KeyboardEvent, useId, useRef, useState } from 'react';
import type { TimeFilter } from '../../analysis/aggregate.ts';
import type { AreaFigures } from '../../analysis/areaFigures.ts';
import { describeTime, describeView } from '../../analysis/describeView.ts';
import { countText } from '../../analysis/display.ts';
import { heatColour, textColourOn } from '../../analysis/palette.ts';
import { DEFAULT_SUPPRESSION_THRESHOLD } from '../../analysis/suppression.ts';
import { WEEKDAY_NAMES, WEEKDAYS } from '../../data/calendar.ts';
import { timeSlot } from '../../data/cube.ts';
import {
  formatCount,
  formatHour,
  formatHourRange,
  formatPercent,
} from '../../data/numberFormat.ts';
import { useAppStore } from '../../state/store.ts';

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
/** Row -1 is the row of hour headers. */
type GridPosition = { row: number; column: number };

function inFilter(time: TimeFilter | null, weekday: number, hour: number): boolean {
  if (time === null || (time.weekday !== null && time.weekday !== weekday)) return false;
  return time.hourFrom <= time.hourTo
    ? hour >= time.hourFrom && hour <= time.hourTo
    : hour >= time.hourFrom || hour <= time.hourTo;
}

function sameFilter(a: TimeFilter | null, b: TimeFilter): boolean {
  return (
    a !== null && a.weekday === b.weekday && a.hourFrom === b.hourFrom && a.hourTo === b.hourTo
  );
}

export function TimeOfDayHeatmap({ figures }: { figures: AreaFigures }) {
  const id = useId();
  const time = useAppStore((state) => state.time);
  const from = useAppStore((state) => state.from);
  const to = useAppStore((state) => state.to);
  const setTimeFilter = useAppStore((state) => state.setTimeFilter);
  const suppressAt = useAppStore((state) =>
    state.publication ? DEFAULT_SUPPRESSION_THRESHOLD : null,
  );
  const selectWard = useAppStore((state) => state.selectWard);
  const [focus, setFocus] = useState<GridPosition>({ row: 0, column: 0 });
  const grid = useRef<HTMLTableElement>(null);
  const { heatmap } = figures;
  const scope =
    heatmap.ward === null
      ? figures.area.name
      : (figures.wards.find((ward) => ward.code === heatmap.ward)?.name ?? heatmap.ward);

  const toggle = (filter: TimeFilter) => setTimeFilter(sameFilter(time, filter) ? null : filter);

  const chooseHour = (hour: number, extend: boolean) => {
    if (extend && time !== null && time.weekday === null) {
      setTimeFilter({ weekday: null, hourFrom: time.hourFrom, hourTo: hour });
    } else {
      toggle({ weekday: null, hourFrom: hour, hourTo: hour });
    }
  };

  const moveFocus = (event: KeyboardEvent<HTMLTableElement>) => {
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
    };
    let next: GridPosition | null = null;
    const move = moves[event.key];
    if (move) {
      next = {
        row: Math.min(6, Math.max(-1, focus.row + move[0])),
        column: Math.min(23, Math.max(0, focus.column + move[1])),
      };
    } else if (event.key === 'Home') next = { row: focus.row, column: 0 };
    else if (event.key === 'End') next = { row: focus.row, column: 23 };
    if (!next) return;
    event.preventDefault();
    setFocus(next);
    grid.current
      ?.querySelector<HTMLButtonElement>(`[data-cell="${next.row}:${next.column}"]`)
      ?.focus();
  };

  const tabIndexOf = (row: number, column: number) =>
    focus.row === row && focus.column === column ? 0 : -1;
  const timeText = describeTime(time);
  const unknownShare = heatmap.total > 0 ? heatmap.unknownTime / heatmap.total : 0;

  return (
    <section className="heatmap" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>When offences happen</h2>
      <p className="scope">
        {heatmap.ward === null ? (
          <>Whole area: {scope}. Select a ward to see its hours.</>
        ) : (
          <>
            Ward: {scope}.{' '}
            <button type="button" className="link-button" onClick={() => selectWard(null)}>
              Show the whole area
            </button>
          </>
        )}
      </p>
      {!heatmap.timesKnown && (
        <p className="no-times">
          The data for {figures.theme.label} has no time of day: the Metropolitan Police series
          count offences by month. Load a file with weekday and hour, or a record-level extract with
          times, to see when offences happen.
        </p>
      )}
      {heatmap.timesKnown && (
        <div className="table-scroll">
          <table className="heatmap-grid" ref={grid} onKeyDown={moveFocus}>
            <caption id={`${id}-caption`}>
              Time of day by day of week, {scope}:{' '}
              {describeView({ themeLabel: figures.theme.label, from, to, time: null })}. Offences
              recorded in each hour; choose a cell or an hour to filter the map.
            </caption>
            <thead>
              <tr>
                <td />
                {HOURS.map((hour) => (
                  <th key={hour} scope="col">
                    <button
                      type="button"
                      data-cell={`-1:${hour}`}
                      tabIndex={tabIndexOf(-1, hour)}
                      aria-label={`${formatHourRange(hour, hour)}, every day`}
                      aria-pressed={
                        time !== null && time.weekday === null && inFilter(time, 0, hour)
                      }
                      onFocus={() => setFocus({ row: -1, column: hour })}
                      onClick={(event) => chooseHour(hour, event.shiftKey)}
                    >
                      {String(hour).padStart(2, '0')}
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {WEEKDAYS.map((day, weekday) => (
                <tr key={day}>
                  <th scope="row">{day}</th>
                  {HOURS.map((hour) => {
                    const value = heatmap.cells[timeSlot(weekday, hour)] ?? 0;
                    const background = heatColour(value, heatmap.max);
                    const selected = inFilter(time, weekday, hour);
                    return (
                      <td
                        key={hour}
                        style={{ background, color: textColourOn(background) }}
                        className={selected ? 'in-filter' : undefined}
                      >
                        <button
                          type="button"
                          data-cell={`${weekday}:${hour}`}
                          tabIndex={tabIndexOf(weekday, hour)}
                          aria-label={`${WEEKDAY_NAMES[weekday]} ${formatHourRange(hour, hour)}: ${countText(value, suppressAt)} offences`}
                          aria-pressed={sameFilter(time, { weekday, hourFrom: hour, hourTo: hour })}
                          onFocus={() => setFocus({ row: weekday, column: hour })}
                          onClick={() => toggle({ weekday, hourFrom: hour, hourTo: hour })}
                        >
                          {countText(Math.round(value), suppressAt)}
                        </button>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {heatmap.timesKnown && (
        <p className="unknown-time">
          {formatCount(heatmap.unknownTime)} of {formatCount(heatmap.total)} offences (
          {formatPercent(unknownShare)}) have no known time and are not in the grid.
        </p>
      )}
      {(heatmap.timesKnown || time !== null) && (
        <TimeFilterControls time={time} onChange={setTimeFilter} />
      )}
      {timeText && (
        <p className="time-filter-note" role="status">
          The map and ward table show only offences at {timeText}; offences with no known time are
          left out.
        </p>
      )}
    </section>
  );
}

function TimeFilterControls({
  time,
  onChange,
}: {
  time: TimeFilter | null;
  onChange(time: TimeFilter | null): void;
}) {
  const id = useId();
  const update = (patch: Partial<TimeFilter>) => {
    const base: TimeFilter = time ?? { weekday: null, hourFrom: 0, hourTo: 23 };
    onChange({ ...base, ...patch });
  };
  return (
    <fieldset className="time-filter">
      <legend>Filter the map by time</legend>
      <div className="field">
        <label htmlFor={`${id}-day`}>Day</label>
        <select
          id={`${id}-day`}
          value={time?.weekday ?? ''}
          onChange={(event) =>
            update({ weekday: event.target.value === '' ? null : Number(event.target.value) })
          }
        >
          <option value="">Every day</option>
          {WEEKDAY_NAMES.map((name, index) => (
            <option key={name} value={index}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-from`}>From hour</label>
        <select
          id={`${id}-from`}
          value={time?.hourFrom ?? 0}
          onChange={(event) => update({ hourFrom: Number(event.target.value) })}
        >
          {HOURS.map((hour) => (
            <option key={hour} value={hour}>
              {formatHour(hour)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>To hour</label>
        <select
          id={`${id}-to`}
          value={time?.hourTo ?? 23}
          onChange={(event) => update({ hourTo: Number(event.target.value) })}
        >
          {HOURS.map((hour) => (
            <option key={hour} value={hour}>
              {`${String(hour).padStart(2, '0')}:59`}
            </option>
          ))}
        </select>
      </div>
      <button type="button" onClick={() => onChange(null)} disabled={time === null}>
        Clear time filter
      </button>
    </fieldset>
  );
}
