/** The gap table: wards by need beside their coverage, gaps picked out, and its CSV. */
import { useId, useState } from 'react';
import type { AreaFigures } from '../../analysis/areaFigures.ts';
import { describePeriod } from '../../analysis/describeView.ts';
import { countText, rateText } from '../../analysis/display.ts';
import type { GapRow, GapTableRows } from '../../analysis/gaps.ts';
import { describeGapRule, serviceTypeText } from '../../analysis/servicesView.ts';
import { DEFAULT_SUPPRESSION_THRESHOLD } from '../../analysis/suppression.ts';
import { formatPercent, formatRate } from '../../data/numberFormat.ts';
import { gapTableCsv } from '../../export/gapTableCsv.ts';
import { exportFileName } from '../../export/wardTableCsv.ts';
import type { CoverageState } from '../../state/coverageSlice.ts';
import { useAppStore } from '../../state/store.ts';
import { downloadBlob } from '../../ui/downloads.ts';
import { TableScroll } from '../../ui/TableScroll.tsx';

export function GapTable({
  figures,
  table,
  coverage,
  chosenType,
  publication,
  onPublicationChange,
}: {
  figures: AreaFigures;
  table: GapTableRows | null;
  coverage: CoverageState;
  /** The type coverage is of (one of the coverage's types); null for any service. */
  chosenType: string | null;
  publication: boolean;
  onPublicationChange(publication: boolean): void;
}) {
  const id = useId();
  const view = useAppStore((state) => state.servicesView);
  const measure = useAppStore((state) => state.measure);
  const from = useAppStore((state) => state.from);
  const to = useAppStore((state) => state.to);
  const theme = useAppStore((state) => state.theme);
  const time = useAppStore((state) => state.time);
  const withProposals = useAppStore((state) => state.proposedServices.length > 0);
  const suppressAt = useAppStore((state) =>
    state.publication ? DEFAULT_SUPPRESSION_THRESHOLD : null,
  );
  const [status, setStatus] = useState('');
  if (!table || !coverage.coverage) return null;
  const types = coverage.coverage.types;
  const typeText = serviceTypeText(chosenType);
  const otherTypes = types
    .map((type, index) => ({ type, index }))
    .filter(({ type }) => type !== chosenType);
  const needLabel =
    view.need === 'priority'
      ? 'Priority score'
      : measure === 'rate'
        ? `Rate per 1,000 ${figures.denominator}`
        : 'Offences';

  const needText = (row: GapRow) =>
    view.need === 'priority'
      ? formatRate(row.need)
      : measure === 'rate'
        ? rateText(row.count, row.rate, suppressAt)
        : countText(row.count, suppressAt);

  const download = () => {
    const csv = gapTableCsv({
      table,
      types,
      chosenType,
      reachMetres: view.reachMetres,
      need: view.need,
      measure,
      themeLabel: figures.theme.label,
      denominator: figures.denominator,
      withProposals,
      ruleText: describeGapRule(view, typeText),
      suppressAt: publication ? DEFAULT_SUPPRESSION_THRESHOLD : null,
    });
    downloadBlob(
      new Blob([csv], { type: 'text/csv;charset=utf-8' }),
      exportFileName(
        'gaps',
        { areaName: figures.area.name, theme, from, to, measure, time },
        'csv',
      ),
    );
    setStatus(`Gap table downloaded${publication ? ', with publication mode' : ''}.`);
  };

  return (
    <section className="page gap-table-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Gaps: high need, low coverage</h2>
      <p className={table.gapCount > 0 ? 'gap-count has-gaps' : 'gap-count'}>
        {table.gapCount === 0
          ? 'No ward is a gap under this rule.'
          : `${table.gapCount} ${table.gapCount === 1 ? 'ward is a gap' : 'wards are gaps'}: ${table.rows
              .filter((row) => row.gap)
              .map((row) => row.name)
              .join(', ')}.`}
      </p>
      <div className="share-export">
        <button type="button" onClick={download}>
          Download gap table (CSV)
        </button>
        <label className="choice">
          <input
            type="checkbox"
            checked={publication}
            onChange={(event) => onPublicationChange(event.target.checked)}
          />
          Publication mode for the CSV (hide counts of 1 to {DEFAULT_SUPPRESSION_THRESHOLD})
        </label>
        <p className="share-status" role="status">
          {status}
        </p>
      </div>
      <TableScroll captionId={`${id}-caption`}>
        <table className="gap-table">
          <caption id={`${id}-caption`}>
            Need against provision in {figures.area.name}: {figures.theme.label},{' '}
            {describePeriod(from, to)}; within {view.reachMetres} m. Most need first.
          </caption>
          <thead>
            <tr>
              <th scope="col">Ward</th>
              <th scope="col" className="numeric">
                {needLabel}
              </th>
              <th scope="col" className="numeric">
                Need rank
              </th>
              <th scope="col" className="numeric">
                Within reach of {typeText}
              </th>
              {withProposals && (
                <th scope="col" className="numeric">
                  Before the proposed services
                </th>
              )}
              <th scope="col">Gap</th>
              {otherTypes.map(({ type }) => (
                <th scope="col" className="numeric" key={type}>
                  Within reach of {serviceTypeText(type)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.code} className={row.gap ? 'gap' : undefined}>
                <th scope="row">{row.name}</th>
                <td className="numeric">{needText(row)}</td>
                <td className="numeric">{row.needRank ?? '–'}</td>
                <td className="numeric">{formatPercent(row.coverage)}</td>
                {withProposals && <td className="numeric">{formatPercent(row.coverageBefore)}</td>}
                <td>
                  {row.gap ? (
                    <strong className="gap-mark">Gap</strong>
                  ) : row.gapBefore ? (
                    'Closed by the proposals'
                  ) : (
                    '–'
                  )}
                </td>
                {otherTypes.map(({ type, index }) => (
                  <td className="numeric" key={type}>
                    {formatPercent(row.byType[index] ?? 0)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
