/** How the map classes wards, or hot spot mode. */
import { useId, useState } from 'react';
import { CLASS_METHOD_LABELS, type ClassMethod } from '../../analysis/classify.ts';
import type { MapMode } from '../../map/mapView.ts';
import { useAppStore } from '../../state/store.ts';
import { RadioChoice } from '../../ui/RadioChoice.tsx';

const CLASS_COUNTS = [3, 4, 5, 6, 7];

/** "1.5, 3; 10" -> [1.5, 3, 10]; null when any part is not a number. */
export function parseBreaks(text: string): number[] | null {
  const parts = text
    .split(/[,;\s]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const values = parts.map(Number);
  return values.every(Number.isFinite) ? values : null;
}

export function MapOptions() {
  const id = useId();
  const classes = useAppStore((state) => state.classes);
  const mapMode = useAppStore((state) => state.mapMode);
  const { setClasses, setMapMode } = useAppStore.getState();
  const [breaksText, setBreaksText] = useState(classes.breaks.join(', '));
  const breaks = parseBreaks(breaksText);

  return (
    <fieldset className="map-options">
      <legend>Map options</legend>
      <RadioChoice<MapMode>
        legend="Map shows"
        value={mapMode}
        onChange={setMapMode}
        options={[
          { value: 'choropleth', label: 'Counts or rates in classes' },
          { value: 'hotspots', label: 'Hot spots (Getis-Ord Gi*)' },
        ]}
      />
      <div className="field">
        <label htmlFor={`${id}-method`}>Classes</label>
        <select
          id={`${id}-method`}
          value={classes.method}
          disabled={mapMode === 'hotspots'}
          onChange={(event) =>
            setClasses({
              ...classes,
              method: event.target.value as ClassMethod,
              breaks: breaks ?? [],
            })
          }
        >
          {(Object.keys(CLASS_METHOD_LABELS) as ClassMethod[]).map((method) => (
            <option key={method} value={method}>
              {CLASS_METHOD_LABELS[method]}
            </option>
          ))}
        </select>
      </div>
      {classes.method === 'custom' ? (
        <div className="field">
          <label htmlFor={`${id}-breaks`}>Class breaks</label>
          <input
            id={`${id}-breaks`}
            type="text"
            inputMode="decimal"
            value={breaksText}
            aria-describedby={`${id}-breaks-hint`}
            aria-invalid={breaks === null}
            onChange={(event) => {
              setBreaksText(event.target.value);
              const parsed = parseBreaks(event.target.value);
              if (parsed)
                setClasses({
                  ...classes,
                  breaks: parsed,
                  count: Math.min(7, Math.max(3, parsed.length + 1)),
                });
            }}
          />
          <span id={`${id}-breaks-hint`} className="hint">
            {breaks === null
              ? 'Numbers only, separated by commas.'
              : 'Lower limits of the classes above the first, e.g. 5, 10, 20.'}
          </span>
        </div>
      ) : (
        <div className="field">
          <label htmlFor={`${id}-count`}>Number of classes</label>
          <select
            id={`${id}-count`}
            value={classes.count}
            disabled={mapMode === 'hotspots'}
            onChange={(event) => setClasses({ ...classes, count: Number(event.target.value) })}
          >
            {CLASS_COUNTS.map((count) => (
              <option key={count} value={count}>
                {count}
              </option>
            ))}
          </select>
        </div>
      )}
    </fieldset>
  );
}
