/**
 * Base map settings: none (the default: nothing is requested), a PMTiles file kept on this
 * device, or the tile service the organisation configured when building the app, saying who
 * receives tile requests; and how opaque the ward colours are over it. Self-contained: it reads
 * and writes the store and can sit in any panel.
 */
import { useId, useState } from 'react';
import { type BaseMapChoice, MIN_OPACITY } from '../data/baseMapSettings.ts';
import { errorMessage } from '../data/errorMessage.ts';
import { formatPercent } from '../data/numberFormat.ts';
import { CONFIGURED_TILE_SERVICE } from '../map/configuredTileService.ts';
import { loadBaseMapFile, removeBaseMapFile } from '../state/baseMapKeeping.ts';
import { useAppStore } from '../state/store.ts';
import { FileButton } from './FileButton.tsx';
import { RadioChoice } from './RadioChoice.tsx';

/** 12345678 -> "12 MB" */
function megabytes(bytes: number): string {
  return `${Math.max(0.1, Math.round(bytes / 100_000) / 10)} MB`;
}

export function BaseMapSettings() {
  const id = useId();
  const settings = useAppStore((state) => state.baseMap);
  const setBaseMap = useAppStore((state) => state.setBaseMap);
  const [copying, setCopying] = useState<{ fileName: string; progress: number } | null>(null);
  const [message, setMessage] = useState('');
  const service = CONFIGURED_TILE_SERVICE;
  const { choice, file, opacity } = settings;
  const shown = (choice === 'file' && file !== null) || (choice === 'service' && service !== null);

  const load = async (picked: File) => {
    setMessage('');
    setCopying({ fileName: picked.name, progress: 0 });
    try {
      const info = await loadBaseMapFile(picked, (progress) =>
        setCopying({ fileName: picked.name, progress }),
      );
      setMessage(`${info.fileName} is kept on this device and shown under the wards.`);
    } catch (error) {
      setMessage(errorMessage(error, `${picked.name} could not be loaded.`));
    } finally {
      setCopying(null);
    }
  };

  const choose = (next: BaseMapChoice) => setBaseMap({ choice: next });

  return (
    <fieldset className="map-options base-map-settings">
      <legend>Base map</legend>
      <RadioChoice
        legend="Under the wards"
        value={choice}
        onChange={choose}
        options={[
          { value: 'none', label: 'Nothing (plain background)' },
          {
            value: 'file',
            label: 'Base map file on this device',
            disabled: file === null,
            describedBy: `${id}-file`,
          },
          ...(service
            ? [
                {
                  value: 'service' as const,
                  label: `${service.provider} map tiles`,
                  describedBy: `${id}-service`,
                },
              ]
            : []),
        ]}
      />
      <p id={`${id}-file`} className="hint">
        {file
          ? `${file.fileName} (${megabytes(file.bytes)}), kept in this browser and read here: nothing is requested. Clear data removes it.`
          : 'Load a PMTiles base map of your area (vector tiles, e.g. a Protomaps extract): it is kept in this browser and works offline.'}
      </p>
      {service && (
        <p id={`${id}-service`} className="hint">
          With {service.provider} map tiles, the map asks {service.origin} for the tiles of the area
          you look at, so {service.provider} can tell which area that is.
        </p>
      )}
      <div className="base-map-file">
        <FileButton
          label="Load base map"
          accept=".pmtiles"
          secondary
          disabled={copying !== null}
          onFiles={([picked]) => {
            if (picked) void load(picked);
          }}
        />
        {file && (
          <button type="button" onClick={() => void removeBaseMapFile()}>
            Remove base map file
          </button>
        )}
      </div>
      {copying && (
        <div className="loading">
          <label htmlFor={`${id}-progress`}>Keeping {copying.fileName} on this device</label>
          <progress id={`${id}-progress`} max={1} value={copying.progress}>
            {formatPercent(copying.progress)}
          </progress>
        </div>
      )}
      <p role="status" className="hint">
        {message}
      </p>
      {shown && (
        <div className="field">
          <label htmlFor={`${id}-opacity`}>Ward colour opacity: {Math.round(opacity * 100)}%</label>
          <input
            id={`${id}-opacity`}
            type="range"
            min={MIN_OPACITY}
            max={1}
            step={0.05}
            value={opacity}
            aria-valuetext={`${Math.round(opacity * 100)}%`}
            onChange={(event) => setBaseMap({ opacity: Number(event.target.value) })}
          />
        </div>
      )}
    </fieldset>
  );
}
