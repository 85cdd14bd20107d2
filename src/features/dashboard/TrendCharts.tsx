/**
 * Small monthly charts for the selected ward against the average ward of its area. Months the
 * loaded files do not cover are hatched and say "no data": a gap in the line, never a zero.
 */
import { useId } from 'react';

import type { ThemeTrend, Trends } from '../../analysis/trends.ts';
import { monthLabel } from '../../data/calendar.ts';
import { formatCount } from '../../data/numberFormat.ts';
import { useTrends } from '../../state/selectors.ts';

const WIDTH = 320;
const HEIGHT = 120;
const PADDING = { left: 34, right: 8, top: 8, bottom: 22 };

const PLOT_WIDTH = WIDTH - PADDING.left - PADDING.right;
const PLOT_HEIGHT = HEIGHT - PADDING.top - PADDING.bottom;

/** Runs of consecutive months: [first, last] index pairs where `keep` holds. */
function runs(values: Float64Array, keep: (value: number) => boolean): [number, number][] {
  const found: [number, number][] = [];
  values.forEach((value, index) => {
    if (!keep(value)) return;
    const last = found[found.length - 1];
    if (last && last[1] === index - 1) last[1] = index;
    else found.push([index, index]);
  });
  return found;
}

function xOf(index: number, count: number): number {
  return PADDING.left + (count > 1 ? (index * PLOT_WIDTH) / (count - 1) : 0);
}

function yOf(value: number, max: number): number {
  return PADDING.top + PLOT_HEIGHT - (max > 0 ? (value / max) * PLOT_HEIGHT : 0);
}

/** A line through the months with data, broken where a month has none (a lone month a dot). */
function Line({
  values,
  max,
  className,
}: {
  values: Float64Array;
  max: number;
  className: string;
}) {
  return runs(values, Number.isFinite).map(([first, last]) =>
    first === last ? (
      <circle
        key={first}
        cx={xOf(first, values.length)}
        cy={yOf(values[first] as number, max)}
        r={2}
        className={className}
      />
    ) : (
      <polyline
        key={first}
        className={className}
        points={Array.from({ length: last - first + 1 }, (_, offset) => {
          const index = first + offset;
          return `${xOf(index, values.length).toFixed(1)},${yOf(values[index] as number, max).toFixed(1)}`;
        }).join(' ')}
      />
    ),
  );
}

const sum = (values: Float64Array) =>
  values.reduce((total, value) => (Number.isFinite(value) ? total + value : total), 0);

function figureText(value: number): string {
  return Number.isFinite(value) ? formatCount(Math.round(value * 10) / 10) : 'no data';
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
  const hatch = useId();
  const finite = [...trend.ward, ...trend.areaAverage].filter(Number.isFinite);
  const max = Math.max(1, ...finite);
  const first = months[0] ?? '';
  const last = months[months.length - 1] ?? '';
  // Months the data does not cover for the ward: shaded, not drawn as zeros.
  const gaps = runs(trend.ward, Number.isNaN);
  const gapMonths = gaps.reduce((count, [from, to]) => count + to - from + 1, 0);
  const halfStep = months.length > 1 ? PLOT_WIDTH / (months.length - 1) / 2 : PLOT_WIDTH / 2;
  const noData =
    gapMonths === 0
      ? ''
      : ` No data for ${gapMonths} of the ${months.length} months (${gaps
          .map(([from, to]) =>
            from === to
              ? monthLabel(months[from] ?? '')
              : `${monthLabel(months[from] ?? '')} to ${monthLabel(months[to] ?? '')}`,
          )
          .join(', ')}): the loaded files do not cover them.`;
  const summary = `${trend.theme.label}: ${wardName} had ${formatCount(sum(trend.ward))} offences from ${monthLabel(first)} to ${monthLabel(last)}, against ${formatCount(Math.round(sum(trend.areaAverage) * 10) / 10)} for the average ward.${noData}`;
  return (
    <figure className="trend">
      <figcaption>{trend.theme.label}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary}>
        <defs>
          <pattern
            id={hatch}
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <line x1="0" y1="0" x2="0" y2="6" className="no-data-hatch" />
          </pattern>
        </defs>
        {gaps.map(([from, to]) => {
          const left = Math.max(PADDING.left, xOf(from, months.length) - halfStep);
          const right = Math.min(WIDTH - PADDING.right, xOf(to, months.length) + halfStep);
          return (
            <g key={from} className="no-data">
              <rect
                x={left}
                y={PADDING.top}
                width={right - left}
                height={PLOT_HEIGHT}
                fill={`url(#${hatch})`}
              />
              {right - left > 44 && (
                <text
                  x={(left + right) / 2}
                  y={PADDING.top + PLOT_HEIGHT / 2}
                  textAnchor="middle"
                  className="tick"
                >
                  no data
                </text>
              )}
            </g>
          );
        })}
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
        <Line values={trend.areaAverage} max={max} className="area-line" />
        <Line values={trend.ward} max={max} className="ward-line" />
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
                <td>{figureText(trend.ward[index] ?? Number.NaN)}</td>
                <td>{figureText(trend.areaAverage[index] ?? Number.NaN)}</td>
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
