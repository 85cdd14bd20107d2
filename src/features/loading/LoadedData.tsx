/**
 * The datasets loaded: each file's themes and months, a way to remove one, and "Clear data",
 * which also removes everything kept in this browser.
 */

import { describePeriod } from '../../analysis/describeView.ts';
import { monthKey } from '../../data/calendar.ts';
import { describeNotRead } from '../../data/report.ts';
import { useDatasetSummaries } from '../../state/selectors.ts';
import { type DatasetKeeping, useAppStore } from '../../state/store.ts';
import { clearData } from './clearData.ts';

const KEEPING_TEXT: Record<DatasetKeeping, string> = {
  keeping: 'Keeping in this browser…',
  kept: 'Kept in this browser',
  'not kept': 'Not kept in this browser: load it again next time',
};

function KeepingNote({ keeping }: { keeping: DatasetKeeping | undefined }) {
  return keeping ? <p className="keeping">{KEEPING_TEXT[keeping]}</p> : null;
}

export function LoadedData() {
  const datasets = useDatasetSummaries();
  const removeDataset = useAppStore((state) => state.removeDataset);
  const keeping = useAppStore((state) => state.datasetKeeping);
  const persistent = useAppStore((state) => state.storagePersistent);
  if (datasets.length === 0) return null;
  const usersFiles = datasets.some((dataset) => !dataset.synthetic);
  return (
    <section className="loaded-data" aria-labelledby="loaded-data-title">
      <h2 id="loaded-data-title">Loaded data</h2>
      <ul>
        {datasets.map((dataset) => (
          <li key={dataset.id}>
            <p>
              <strong>{dataset.synthetic ? 'Synthetic demo data' : dataset.fileName}</strong> (
              {dataset.format}),{' '}
              {describePeriod(monthKey(dataset.firstMonth), monthKey(dataset.lastMonth))}
              {dataset.hasTimes ? '' : ', no time of day'}
            </p>
            <KeepingNote keeping={keeping[dataset.id]} />
            {dataset.partial && (
              <p className="partial-note">
                <strong>Partial:</strong> {describeNotRead(dataset.partial)}
              </p>
            )}
            <ul className="theme-list">
              {dataset.themes.map((info) => (
                <li key={info.id}>
                  {info.label}
                  {dataset.replacedThemes.includes(info.id) ? ' (replaced by a later file)' : ''}
                </li>
              ))}
            </ul>
            {!dataset.synthetic && (
              <button type="button" onClick={() => removeDataset(dataset.id)}>
                Remove {dataset.fileName}
              </button>
            )}
          </li>
        ))}
      </ul>
      {usersFiles && (
        <p>
          Your files are kept in this browser, on this device only, so that they are here next time.
          {persistent ? ' ' : ' The browser may remove them if the device runs short of space. '}
          Clear data removes them.
        </p>
      )}
      <button type="button" onClick={() => void clearData()}>
        Clear data
      </button>
    </section>
  );
}
