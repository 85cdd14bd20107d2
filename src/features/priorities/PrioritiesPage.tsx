/**
 * Priorities: each ward's rank in every serious-violence theme with the figures behind it (count,
 * rate, change, hot spot), a combined score whose method is stated on the page, the weights with
 * the reason for each default, and in how many themes each ward is in the top N. Ties are shown
 * as ties.
 */
import { useId } from 'react';
import type { AreaFigures } from '../../analysis/areaFigures.ts';
import { describePeriod } from '../../analysis/describeView.ts';
import { changeDisplay, HOTSPOT_SHORT_TEXT, hidden, rankCell } from '../../analysis/display.ts';
import { comparisonText } from '../../analysis/periods.ts';
import {
  type AreaPriorities,
  defaultWeight,
  type ThemeFigures,
} from '../../analysis/priorities.ts';
import { suppressionFor } from '../../analysis/suppression.ts';
import { whyText } from '../../analysis/whyStatements.ts';
import { formatCount, formatRate } from '../../data/numberFormat.ts';
import {
  selectPriorityMap,
  useAreaFigures,
  useAreaStatistics,
  usePriorities,
} from '../../state/selectors.ts';
import { useAppStore } from '../../state/store.ts';
import { InlineSvg } from '../../ui/InlineSvg.tsx';
import { useLayoutSize } from '../../ui/useLayoutSize.ts';
import { useWhyStatements } from '../../ui/viewText.ts';

/** Wards by priority (ties by name), wards without a score last. */
export function byPriority(priorities: AreaPriorities): AreaPriorities['rows'] {
  const { rows, wards } = priorities;
  return [...rows].sort(
    (a, b) =>
      (a.priority ?? Number.POSITIVE_INFINITY) - (b.priority ?? Number.POSITIVE_INFINITY) ||
      (wards[a.ward]?.name ?? '').localeCompare(wards[b.ward]?.name ?? '', 'en-GB'),
  );
}

interface ThemeResultProps {
  figures: ThemeFigures;
  tied: boolean;
  suppressAt: number | null;
}

/** A ward's rank in a theme and the figures behind it: a table cell, or a phone card's line. */
function ThemeResult({ figures, tied, suppressAt }: ThemeResultProps) {
  if (figures.count === null) return 'No data';
  if (hidden(figures.count, suppressAt)) return `<${(suppressAt as number) + 1}, not ranked`;
  const change = changeDisplay(figures.change, suppressAt);
  return (
    <>
      <span className="theme-rank">{rankCell(figures.rank, tied)}</span>
      <span className="theme-figures">
        {formatCount(figures.count)}
        {figures.rate !== null && ` · ${formatRate(figures.rate)}`}
        {change && (
          <>
            {' · '}
            <span aria-hidden="true">
              {change.arrow}
              {change.text}
              {change.significant ? '*' : ''}
            </span>
            <span className="visually-hidden">{change.words}</span>
          </>
        )}
        {figures.hotspot.startsWith('hot') && ` · ${HOTSPOT_SHORT_TEXT[figures.hotspot]}`}
      </span>
    </>
  );
}

const themeResultClass = (figures: ThemeFigures) =>
  figures.count === null ? 'theme-cell no-data' : 'theme-cell';

function ThemeCell(props: ThemeResultProps) {
  return (
    <td className={themeResultClass(props.figures)}>
      <ThemeResult {...props} />
    </td>
  );
}

/**
 * A phone's ranking: a card per ward in priority order, every figure of the table's row named
 * beside it, so that nothing scrolls sideways.
 */
function PriorityCards({
  priorities,
  ordered,
  label,
  suppressAt,
}: {
  priorities: AreaPriorities;
  ordered: AreaPriorities['rows'];
  label: string;
  suppressAt: number | null;
}) {
  const selectWard = useAppStore((state) => state.selectWard);
  const { themes, wards, weights, topN, themeFigures } = priorities;
  const weighted = weights.filter((weight) => weight > 0).length;
  return (
    <ol className="priority-cards" aria-label={label}>
      {ordered.map((row) => {
        const ward = wards[row.ward];
        if (!ward) return null;
        return (
          <li key={ward.code}>
            <p className="priority-card-title">
              <span className="priority-number">
                <span className="visually-hidden">Priority </span>
                {rankCell(row.priority, row.tied)}
              </span>
              <button type="button" className="link-button" onClick={() => selectWard(ward.code)}>
                {ward.name}
              </button>
            </p>
            <dl>
              <div className="priority-figure">
                <dt>Combined score</dt>
                <dd>{row.score === null ? '–' : formatRate(row.score)}</dd>
              </div>
              <div className="priority-figure">
                <dt>Themes in the top {topN}</dt>
                <dd>{row.score === null ? '–' : `${row.topThemes} of ${weighted}`}</dd>
              </div>
              {ward.themes.map((theme, index) => {
                const info = themes[index];
                const rank = theme.rank;
                return (
                  <div className="priority-figure" key={info?.id}>
                    <dt>
                      {info?.label}
                      <span className="theme-weight"> (weight {weights[index]})</span>
                    </dt>
                    <dd className={themeResultClass(theme)}>
                      <ThemeResult
                        figures={theme}
                        tied={rank !== null && Boolean(themeFigures[index]?.tiedRanks.has(rank))}
                        suppressAt={suppressAt}
                      />
                    </dd>
                  </div>
                );
              })}
            </dl>
          </li>
        );
      })}
    </ol>
  );
}

/** The wards by priority score, drawn as the briefing's map is (vector, no WebGL). */
function PriorityMap() {
  const markup = useAppStore(selectPriorityMap);
  if (!markup) return null;
  return (
    <figure className="priority-map">
      <InlineSvg markup={markup} className="priority-map-image" />
      <figcaption>
        Map of the priority score: darker wards are higher priorities. The table gives every figure.
      </figcaption>
    </figure>
  );
}

/**
 * Why the first priorities are there, in the view's theme: the statements the ward panel and the
 * briefing give, for the wards in priority order.
 */
function PriorityReasons({ figures, codes }: { figures: AreaFigures; codes: readonly string[] }) {
  const statistics = useAreaStatistics();
  const reasonsFor = useWhyStatements(figures, statistics);
  const wards = codes.flatMap((code) => figures.wards.find((ward) => ward.code === code) ?? []);
  if (wards.length === 0) return null;
  return (
    <section className="priority-reasons" aria-labelledby="priority-reasons-title">
      <h3 id="priority-reasons-title">Why these wards: {figures.theme.label}</h3>
      <ol>
        {wards.map((ward) => (
          <li key={ward.code}>{whyText(ward.name, reasonsFor(ward))}</li>
        ))}
      </ol>
    </section>
  );
}

export function PrioritiesPage() {
  const id = useId();
  const priorities = usePriorities();
  const figures = useAreaFigures();
  const measure = useAppStore((state) => state.measure);
  const from = useAppStore((state) => state.from);
  const to = useAppStore((state) => state.to);
  const suppressAt = useAppStore((state) => suppressionFor(state.publication));
  const selectWard = useAppStore((state) => state.selectWard);
  const { setWeight, setTopN } = useAppStore.getState();
  const phone = useLayoutSize() === 'phone';
  if (!priorities || !figures) return <p role="status">Loading…</p>;
  const { themes, wards, weights, topN, themeFigures, themeStatistics } = priorities;
  const ordered = byPriority(priorities);
  const weighted = weights.filter((weight) => weight > 0).length;
  const leaders = ordered
    .filter((row) => weighted > 0 && row.topThemes === weighted)
    .map((row) => wards[row.ward]?.name ?? '');
  const comparison = themeStatistics[0]?.comparisons[0];
  const tiedPriorities = ordered.some((row) => row.tied);
  const caption = `Priorities in ${figures.area.name}: rank in each theme with its figures, and the combined score, ${describePeriod(from, to)}`;

  return (
    <article className="page priorities">
      <h2>Priorities in {figures.area.name}</h2>
      <p>
        {describePeriod(from, to)}, ranked by{' '}
        {measure === 'rate' ? `rate ${figures.rateUnit}` : 'count'}: the{' '}
        <strong>combined score</strong> is the weighted mean of each ward’s ranks (1 is the highest
        ward in a theme); the lowest score is the first priority.
      </p>
      {themes.length === 0 ? (
        <p>No serious-violence themes are loaded.</p>
      ) : (
        <div className="priorities-layout">
          <div className="priorities-ranked">
            <p className="leaders" role="status">
              {leaders.length > 0
                ? `In the top ${topN} of every theme: ${leaders.join(', ')}.`
                : `No ward is in the top ${topN} of every theme.`}
            </p>
            <p className="hint">
              Each theme’s cell: its rank, then count · rate {figures.rateUnit}
              {comparison ? ` · change ${comparisonText(comparison)}` : ''} (▲ rise, ▼ fall, *
              significant at the 5% level) · hot spot class (Gi* within {figures.area.name}). =
              marks a tie{tiedPriorities ? ': wards with equal scores share a priority' : ''}.
            </p>
            {phone ? (
              <PriorityCards
                priorities={priorities}
                ordered={ordered}
                label={caption}
                suppressAt={suppressAt}
              />
            ) : (
              <div className="table-scroll">
                <table className="priority-table">
                  {/* The heading and the lines above say it on screen. */}
                  <caption className="visually-hidden">{caption}</caption>
                  <thead>
                    <tr>
                      <th scope="col" className="numeric">
                        Priority
                      </th>
                      <th scope="col">Ward</th>
                      {themes.map((theme, index) => (
                        <th scope="col" key={theme.id}>
                          {theme.label}
                          <span className="theme-weight"> (weight {weights[index]})</span>
                        </th>
                      ))}
                      <th scope="col" className="numeric">
                        Combined score
                      </th>
                      <th scope="col" className="numeric">
                        Themes in the top {topN}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {ordered.map((row) => {
                      const ward = wards[row.ward];
                      if (!ward) return null;
                      return (
                        <tr key={ward.code}>
                          <td className="numeric">{rankCell(row.priority, row.tied)}</td>
                          <th scope="row">
                            <button
                              type="button"
                              className="link-button"
                              onClick={() => selectWard(ward.code)}
                            >
                              {ward.name}
                            </button>
                          </th>
                          {ward.themes.map((theme, index) => {
                            const rank = theme.rank;
                            return (
                              <ThemeCell
                                key={themes[index]?.id}
                                figures={theme}
                                tied={
                                  rank !== null && Boolean(themeFigures[index]?.tiedRanks.has(rank))
                                }
                                suppressAt={suppressAt}
                              />
                            );
                          })}
                          <td className="numeric">
                            {row.score === null ? '–' : formatRate(row.score)}
                          </td>
                          <td className="numeric">
                            {row.score === null ? '–' : `${row.topThemes} of ${weighted}`}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
            <PriorityReasons
              figures={figures}
              codes={ordered.slice(0, topN).flatMap((row) => wards[row.ward]?.code ?? [])}
            />
          </div>
          {/* Beside the table on a wide screen, under it otherwise: the ranked wards come first
              on every screen. */}
          <aside className="priorities-side" aria-label="Priority map and weights">
            <PriorityMap />
            <fieldset className="weights">
              <legend>Weights and top N</legend>
              <p className="hint">Set a weight to 0 to leave a theme out.</p>
              {themes.map((theme, index) => (
                <div className="field weight" key={theme.id}>
                  <label htmlFor={`${id}-weight-${theme.id}`}>Weight: {theme.label}</label>
                  <input
                    id={`${id}-weight-${theme.id}`}
                    type="number"
                    min={0}
                    max={10}
                    step={0.5}
                    value={weights[index]}
                    aria-describedby={`${id}-reason-${theme.id}`}
                    onChange={(event) => {
                      const weight = Number(event.target.value);
                      if (Number.isFinite(weight) && weight >= 0) setWeight(theme.id, weight);
                    }}
                  />
                  <span className="hint" id={`${id}-reason-${theme.id}`}>
                    Default {defaultWeight(theme.id).weight}. {defaultWeight(theme.id).reason}
                  </span>
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
          </aside>
        </div>
      )}
    </article>
  );
}
