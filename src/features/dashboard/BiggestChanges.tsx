/** The wards whose figures rose or fell most against the previous period. */
import type { AreaFigures } from '../../analysis/areaFigures.ts';
import { changeDisplay } from '../../analysis/display.ts';
import { comparisonText } from '../../analysis/periods.ts';
import { DEFAULT_SUPPRESSION_THRESHOLD } from '../../analysis/suppression.ts';
import { biggestChanges, type ChangeEntry } from '../../analysis/wardStatistics.ts';
import { useAreaStatistics } from '../../state/selectors.ts';
import { useAppStore } from '../../state/store.ts';

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function ChangeList({
  title,
  entries,
  suppressAt,
}: {
  title: string;
  entries: ChangeEntry[];
  suppressAt: number | null;
}) {
  const selectWard = useAppStore((state) => state.selectWard);
  const shown = entries
    .map((entry) => ({ entry, display: changeDisplay(entry.change, suppressAt) }))
    .filter((item) => item.display !== null);
  return (
    <div>
      <h3>{title}</h3>
      {shown.length === 0 ? (
        <p className="hint">None.</p>
      ) : (
        <ol>
          {shown.map(({ entry, display }) => (
            <li key={entry.code}>
              <button type="button" className="link-button" onClick={() => selectWard(entry.code)}>
                {entry.name}
              </button>{' '}
              <span aria-hidden="true">
                {display?.text} {display?.arrow}
                {display?.significant ? '*' : ''}
              </span>
              <span className="visually-hidden">{display?.words}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

export function BiggestChanges({ figures }: { figures: AreaFigures }) {
  const statistics = useAreaStatistics();
  const publication = useAppStore((state) => state.publication);
  if (!statistics) return null;
  const suppressAt = publication ? DEFAULT_SUPPRESSION_THRESHOLD : null;
  const { rises, falls } = biggestChanges(figures, statistics);
  const comparison = statistics.comparisons[0];
  return (
    <section className="biggest-changes" aria-labelledby="biggest-changes-title">
      <h2 id="biggest-changes-title">Biggest changes</h2>
      {comparison ? (
        <>
          <p className="hint">
            {capitalised(comparisonText(comparison))}. * significant at the 5% level.
          </p>
          <div className="change-lists">
            <ChangeList title="Rises" entries={rises} suppressAt={suppressAt} />
            <ChangeList title="Falls" entries={falls} suppressAt={suppressAt} />
          </div>
        </>
      ) : (
        <p className="hint">The data has no earlier period to compare with.</p>
      )}
    </section>
  );
}
