/** Small monthly charts for the selected ward against the average ward of its area. */

import type { ThemeTrend, Trends } from '../../analysis/trends.ts';
import { monthLabel } from '../../data/calendar.ts';
import { formatCount } from '../../data/numberFormat.ts';
import { useTrends } from '../../state/selectors.ts';

const WIDTH = 320;
const HEIGHT = 120;
const PADDING = { left: 34, right: 8, top: 8, bottom: 22 };

function points(values: Float64Array, max: number): string {
  const plotWidth = WIDTH - PADDING.left - PADDING.right;
  const plotHeight = HEIGHT - PADDING.top - PADDING.bottom;
  const step = values.length > 1 ? plotWidth / (values.length - 1) : 0;
  return [...values]
    .map((value, index) => {
      const x = PADDING.left + index * step;
      const y = PADDING.top + plotHeight - (max > 0 ? (value / max) * plotHeight : 0);
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
}

function TrendChart({
  trend,
  months,
  wardName,
}: {
  trend: ThemeTrend;
  months: string[];
  wardName: string;
}) {
  const max = Math.max(1, ...trend.ward, ...trend.areaAverage);
  const wardTotal = trend.ward.reduce((sum, value) => sum + value, 0);
  const areaTotal = trend.areaAverage.reduce((sum, value) => sum + value, 0);
  const first = months[0] ?? '';
  const last = months[months.length - 1] ?? '';
  const summary = `${trend.theme.label}: ${wardName} had ${formatCount(wardTotal)} offences from ${monthLabel(first)} to ${monthLabel(last)}, against ${formatCount(Math.round(areaTotal * 10) / 10)} for the average ward.`;
  return (
    <figure className="trend">
      <figcaption>{trend.theme.label}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary}>
        <line
          x1={PADDING.left}
          x2={WIDTH - PADDING.right}
          y1={HEIGHT - PADDING.bottom}
          y2={HEIGHT - PADDING.bottom}
          className="axis"
        />
        <text x={PADDING.left - 4} y={PADDING.top + 8} textAnchor="end" className="tick">
          {formatCount(Math.round(max))}
        </text>
        <text x={PADDING.left - 4} y={HEIGHT - PADDING.bottom} textAnchor="end" className="tick">
          0
        </text>
        <text x={PADDING.left} y={HEIGHT - 6} className="tick">
          {monthLabel(first)}
        </text>
        <text x={WIDTH - PADDING.right} y={HEIGHT - 6} textAnchor="end" className="tick">
          {monthLabel(last)}
        </text>
        <polyline points={points(trend.areaAverage, max)} className="area-line" />
        <polyline points={points(trend.ward, max)} className="ward-line" />
      </svg>
      <details>
        <summary>Figures by month</summary>
        <table>
          <caption>
            {trend.theme.label}: {wardName} and the average ward, by month
          </caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">{wardName}</th>
              <th scope="col">Average ward</th>
            </tr>
          </thead>
          <tbody>
            {months.map((month, index) => (
              <tr key={month}>
                <th scope="row">{monthLabel(month)}</th>
                <td>{formatCount(trend.ward[index] ?? 0)}</td>
                <td>{formatCount(Math.round((trend.areaAverage[index] ?? 0) * 10) / 10)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

export function TrendCharts({ wardName, areaName }: { wardName: string | null; areaName: string }) {
  const trends: Trends | null = useTrends();
  return (
    <section className="trends" aria-labelledby="trends-title">
      <h2 id="trends-title">Monthly trends</h2>
      {trends === null || wardName === null ? (
        <p className="hint">
          Select a ward to see its months against the average ward of {areaName}.
        </p>
      ) : (
        <>
          <p className="hint">
            <span className="key ward-key" aria-hidden="true" /> {wardName} (solid line){' '}
            <span className="key area-key" aria-hidden="true" /> average ward of {areaName} (dashed
            line)
          </p>
          <div className="trend-grid">
            {trends.themes.map((trend) => (
              <TrendChart
                key={trend.theme.id}
                trend={trend}
                months={trends.months}
                wardName={wardName}
              />
            ))}
          </div>
        </>
      )}
    </section>
  );
}
