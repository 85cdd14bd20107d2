/** The dashboard: the map and its legend, the selected ward, map options, the ward table, the
 * time-of-day heatmap and the trends. */
import { lazy, Suspense } from 'react';
import type { AreaFigures } from '../../analysis/areaFigures.ts';
import { BaseMapSettings } from '../../ui/BaseMapSettings.tsx';
import { Legend } from '../../ui/Legend.tsx';
import { BiggestChanges } from './BiggestChanges.tsx';
import { Layers } from './Layers.tsx';
import { LocateMe } from './LocateMe.tsx';
import { MapOptions } from './MapOptions.tsx';
import { SelectedWard } from './SelectedWard.tsx';
import { TimeOfDayHeatmap } from './TimeOfDayHeatmap.tsx';
import { TrendCharts } from './TrendCharts.tsx';
import { WardTable } from './WardTable.tsx';

// MapLibre and deck.gl are most of the JavaScript: load them in their own chunk so the controls
// and table are usable while the map arrives.
const MapView = lazy(() => import('../../ui/MapView.tsx'));

export function DashboardPage({ figures }: { figures: AreaFigures }) {
  const selected = figures.wards.find((ward) => ward.code === figures.selectedWard) ?? null;
  return (
    <main className="dashboard">
      <section className="map-panel" aria-label="Map">
        <h2 className="visually-hidden">
          Map of {figures.area.name}: {figures.theme.label}
        </h2>
        <Suspense fallback={<div className="ward-map loading-map">Loading map…</div>}>
          <MapView figures={figures} />
        </Suspense>
        <Legend figures={figures} />
      </section>
      <aside className="side-panel" aria-label="Selected ward, map options and changes">
        <SelectedWard figures={figures} />
        <LocateMe />
        <MapOptions />
        <Layers />
        <BaseMapSettings />
        <BiggestChanges figures={figures} />
      </aside>
      <section className="table-panel" aria-label="Ward table">
        <WardTable figures={figures} />
      </section>
      <TimeOfDayHeatmap figures={figures} />
      <TrendCharts wardName={selected?.name ?? null} areaName={figures.area.name} />
    </main>
  );
}
