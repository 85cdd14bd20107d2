/**
 * The details one tap away: when offences happen (the heatmap), monthly trends, the ward table
 * and the biggest changes. A row of buttons at the foot of the map opens one at a time in a
 * drawer over the lower part of the map, which keeps its size: nothing pushes it off the screen.
 */
import { useId } from 'react';
import type { AreaFigures } from '../../analysis/areaFigures.ts';
import { BiggestChanges } from './BiggestChanges.tsx';
import { TimeOfDayHeatmap } from './TimeOfDayHeatmap.tsx';
import { TrendCharts } from './TrendCharts.tsx';
import { WardTable } from './WardTable.tsx';

export type Detail = 'hours' | 'trends' | 'table' | 'changes';

export const DETAIL_LABELS: Readonly<Record<Detail, string>> = {
  hours: 'When',
  trends: 'Trends',
  table: 'Ward table',
  changes: 'Biggest changes',
};

export function DetailsDrawer({
  figures,
  open,
  onOpen,
}: {
  figures: AreaFigures;
  open: Detail | null;
  onOpen(detail: Detail | null): void;
}) {
  const id = useId();
  const selected = figures.wards.find((ward) => ward.code === figures.selectedWard) ?? null;
  return (
    <div className={open ? 'details open' : 'details'}>
      {open && (
        <section id={`${id}-panel`} className="details-panel" aria-label={DETAIL_LABELS[open]}>
          <button type="button" className="details-close" onClick={() => onOpen(null)}>
            Close <span className="visually-hidden">{DETAIL_LABELS[open]}</span>
          </button>
          {open === 'hours' && <TimeOfDayHeatmap figures={figures} />}
          {open === 'trends' && (
            <TrendCharts wardName={selected?.name ?? null} areaName={figures.area.name} />
          )}
          {open === 'table' && <WardTable figures={figures} />}
          {open === 'changes' && <BiggestChanges figures={figures} />}
        </section>
      )}
      <nav className="details-tabs" aria-label="Details">
        {(Object.keys(DETAIL_LABELS) as Detail[]).map((detail) => (
          <button
            key={detail}
            type="button"
            aria-expanded={open === detail}
            aria-controls={open === detail ? `${id}-panel` : undefined}
            onClick={() => onOpen(open === detail ? null : detail)}
          >
            {DETAIL_LABELS[detail]}
          </button>
        ))}
      </nav>
    </div>
  );
}
