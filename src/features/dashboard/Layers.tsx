/** Which layers the map draws: ward colours, the density of offence points, ward names. */
import { useId } from 'react';
import { DENSITY_RAMP } from '../../map/mapContent.ts';
import type { MapLayers } from '../../map/mapView.ts';
import { useAppStore } from '../../state/store.ts';

const LAYER_LABELS: [keyof MapLayers, string][] = [
  ['choropleth', 'Ward choropleth'],
  ['density', 'Point density'],
  ['labels', 'Ward labels'],
];

export function Layers() {
  const id = useId();
  const layers = useAppStore((state) => state.layers);
  const setLayer = useAppStore((state) => state.setLayer);
  const hasPoints = useAppStore((state) =>
    state.datasets.some((dataset) => dataset.points !== null),
  );
  const densityShown = layers.density && hasPoints;

  return (
    <fieldset className="map-options layers">
      <legend>Layers</legend>
      {LAYER_LABELS.map(([layer, label]) => {
        const noPoints = layer === 'density' && !hasPoints;
        return (
          <label key={layer} className="choice">
            <input
              type="checkbox"
              checked={noPoints ? false : layers[layer]}
              disabled={noPoints}
              aria-describedby={layer === 'density' ? `${id}-density` : undefined}
              onChange={(event) => setLayer(layer, event.target.checked)}
            />
            {label}
          </label>
        );
      })}
      <p id={`${id}-density`} className="hint">
        {hasPoints
          ? 'Point density shows where the offences of the theme and period that have map points (data.police.uk, partner extracts with coordinates) cluster.'
          : 'Point density needs offences with map points: load data.police.uk street-level crime or a partner extract with coordinates.'}
      </p>
      {densityShown && (
        <p className="density-legend">
          Point density: fewer{' '}
          <span
            role="img"
            aria-label="colour ramp from dark purple through blue and green to yellow"
            style={{
              display: 'inline-block',
              width: '8rem',
              height: '0.9rem',
              verticalAlign: 'middle',
              border: '1px solid #6b6b6b',
              background: `linear-gradient(to right, ${DENSITY_RAMP.join(', ')})`,
            }}
          />{' '}
          more offences nearby
        </p>
      )}
    </fieldset>
  );
}
