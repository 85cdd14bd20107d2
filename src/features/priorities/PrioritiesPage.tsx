/**
 * Priorities: each ward's rank in every serious-violence theme, a combined score whose method is
 * stated on the page, optional weights, and the wards in the top N of every theme picked out.
 */
import { useId } from 'react';
import { describePeriod } from '../../analysis/describeView.ts';
import { formatRate } from '../../data/numberFormat.ts';
import { useAreaFigures, usePriorities } from '../../state/selectors.ts';
import { useAppStore } from '../../state/store.ts';

export function PrioritiesPage() {
  const id = useId();
  const priorities = usePriorities();
  const figures = useAreaFigures();
  const measure = useAppStore((state) => state.measure);
  const from = useAppStore((state) => state.from);
  const to = useAppStore((state) => state.to);
  const selectWard = useAppStore((state) => state.selectWard);
  const { setWeight, setTopN } = useAppStore.getState();
  if (!priorities || !figures) return <p role="status">Loading…</p>;
  const { themes, wards, rows, weights, topN } = priorities;
  const ordered = [...rows].sort(
    (a, b) =>
      (a.priority ?? Number.POSITIVE_INFINITY) - (b.priority ?? Number.POSITIVE_INFINITY) ||
      (wards[a.ward]?.name ?? '').localeCompare(wards[b.ward]?.name ?? '', 'en-GB'),
  );
  const leaders = ordered
    .filter((row) => row.topInEveryTheme)
    .map((row) => wards[row.ward]?.name ?? '');

  return (
    <article className="page priorities">
      <h2>Priorities in {figures.area.name}</h2>
      <p>
        {describePeriod(from, to)}, ranked by{' '}
        {measure === 'rate' ? `rate per 1,000 ${figures.denominator}` : 'count'}. The{' '}
        <strong>combined score</strong> is the weighted mean of each ward’s ranks (1 is the highest
        ward in a theme); the lowest score is the first priority. Set a weight to 0 to leave a theme
        out.
      </p>
      {themes.length === 0 ? (
        <p>No serious-violence themes are loaded.</p>
      ) : (
        <>
          <fieldset className="weights">
            <legend>Weights and top N</legend>
            {themes.map((theme, index) => (
              <div className="field" key={theme.id}>
                <label htmlFor={`${id}-weight-${theme.id}`}>Weight: {theme.label}</label>
                <input
                  id={`${id}-weight-${theme.id}`}
                  type="number"
                  min={0}
                  max={10}
                  step={0.5}
                  value={weights[index]}
                  onChange={(event) => {
                    const weight = Number(event.target.value);
                    if (Number.isFinite(weight) && weight >= 0) setWeight(theme.id, weight);
                  }}
                />
              </div>
            ))}
            <div className="field">
              <label htmlFor={`${id}-top`}>Top N</label>
              <input
                id={`${id}-top`}
                type="number"
                min={1}
                max={50}
                value={topN}
                onChange={(event) => {
                  const value = Number(event.target.value);
                  if (Number.isInteger(value) && value >= 1 && value <= 50) setTopN(value);
                }}
              />
            </div>
          </fieldset>
          <p className="leaders" role="status">
            {leaders.length > 0
              ? `In the top ${topN} of every theme: ${leaders.join(', ')}.`
              : `No ward is in the top ${topN} of every theme.`}
          </p>
          <div className="table-scroll">
            <table className="priority-table">
              <caption>
                Priorities in {figures.area.name}: rank in each theme and combined score,{' '}
                {describePeriod(from, to)}
              </caption>
              <thead>
                <tr>
                  <th scope="col" className="numeric">
                    Priority
                  </th>
                  <th scope="col">Ward</th>
                  {themes.map((theme) => (
                    <th scope="col" className="numeric" key={theme.id}>
                      {theme.label}
                    </th>
                  ))}
                  <th scope="col" className="numeric">
                    Combined score
                  </th>
                  <th scope="col">Top {topN} in every theme</th>
                </tr>
              </thead>
              <tbody>
                {ordered.map((row) => {
                  const ward = wards[row.ward];
                  if (!ward) return null;
                  return (
                    <tr key={ward.code} className={row.topInEveryTheme ? 'leader' : undefined}>
                      <td className="numeric">{row.priority ?? '–'}</td>
                      <th scope="row">
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => selectWard(ward.code)}
                        >
                          {ward.name}
                        </button>
                      </th>
                      {row.themeRanks.map((rank, index) => (
                        <td className="numeric" key={themes[index]?.id}>
                          {rank ?? '–'}
                        </td>
                      ))}
                      <td className="numeric">
                        {row.score === null ? '–' : formatRate(row.score)}
                      </td>
                      <td>{row.topInEveryTheme ? 'Yes' : 'No'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </article>
  );
}
