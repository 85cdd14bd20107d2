/** Where the figures come from, with the attribution the Open Government Licence asks for. */
import { partialNote } from '../data/dataset.ts';
import { useDatasetSummaries } from '../state/selectors.ts';
import { useAppStore } from '../state/store.ts';

export function Sources() {
  const datasets = useDatasetSummaries();
  const populationSource = useAppStore((state) => state.populationSource);
  return (
    <footer className="sources">
      <h2>Data sources</h2>
      <ul>
        <li>
          Offences:{' '}
          {datasets.length === 0
            ? 'none loaded'
            : datasets
                .map((dataset) =>
                  dataset.synthetic
                    ? 'Synthetic demo data made by this project; not real offences.'
                    : `${dataset.fileName} (${dataset.format}${partialNote(dataset)})`,
                )
                .join('; ')}
        </li>
        <li>
          Residents:{' '}
          {populationSource ? populationSource.name : 'none loaded; rates are not available'}
          {populationSource?.year ? ` (${populationSource.year})` : ''}
        </li>
        <li>
          Ward boundaries: Office for National Statistics. Source: Office for National Statistics
          licensed under the Open Government Licence v.3.0. Contains OS data © Crown copyright and
          database right 2024.
        </li>
      </ul>
      <p>All figures are computed in this browser. Files you load are not sent anywhere.</p>
    </footer>
  );
}
