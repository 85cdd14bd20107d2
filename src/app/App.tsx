/** The dashboard shell: header and controls, map with legend, ward table and heatmap. */
import { lazy, Suspense } from 'react';
import { Controls } from '../panels/Controls.tsx';
import { Legend } from '../panels/Legend.tsx';
import { LoadData, LoadReports } from '../panels/LoadData.tsx';
import { LoadedData } from '../panels/LoadedData.tsx';
import { OverlapDialog } from '../panels/OverlapDialog.tsx';
import { SelectedWard } from '../panels/SelectedWard.tsx';
import { TimeOfDayHeatmap } from '../panels/TimeOfDayHeatmap.tsx';
import { WardTable } from '../panels/WardTable.tsx';
import { loadedData } from '../state/registry.ts';
import { useAreaFigures } from '../state/selectors.ts';
import { useAppStore } from '../state/store.ts';
import { Sources } from './Sources.tsx';
import { useFileDrop } from './useFileDrop.ts';

// MapLibre and deck.gl are most of the JavaScript: load them in their own chunk so the controls
// and table are usable while the map arrives.
const MapView = lazy(() => import('../map/MapView.tsx'));

function DataBadge() {
  const datasets = useAppStore((state) => state.datasets);
  if (datasets.length === 0) return null;
  const synthetic = datasets.some((dataset) => dataset.synthetic);
  return (
    <p className={synthetic ? 'data-badge synthetic' : 'data-badge'}>
      {synthetic
        ? 'Synthetic demo data'
        : `Data: ${datasets.map((dataset) => dataset.fileName).join(', ')}`}
    </p>
  );
}

export function App() {
  const figures = useAreaFigures();
  const wardsVersion = useAppStore((state) => state.wardsVersion);
  const dragging = useFileDrop();
  const areas = wardsVersion > 0 ? (loadedData.wards?.areas ?? []) : [];

  return (
    <div className={dragging ? 'app dragging' : 'app'}>
      <header className="app-header">
        <div className="title">
          <h1>Ward hotspot dashboard</h1>
          <DataBadge />
        </div>
        <LoadData />
      </header>
      <Controls areas={areas} />
      <LoadReports />
      <OverlapDialog />
      {figures ? (
        <main className="dashboard">
          <section className="map-panel" aria-label="Map">
            <h2 className="visually-hidden">
              Map of {figures.area.name}: {figures.theme.label}
            </h2>
            <Suspense fallback={<div className="ward-map loading-map">Loading map…</div>}>
              <MapView figures={figures} />
            </Suspense>
            <Legend figures={figures} />
            <SelectedWard figures={figures} />
          </section>
          <section className="table-panel" aria-label="Ward table">
            <WardTable figures={figures} />
          </section>
          <TimeOfDayHeatmap figures={figures} />
        </main>
      ) : (
        <main className="dashboard">
          <p role="status">Loading ward boundaries…</p>
        </main>
      )}
      <LoadedData />
      <Sources />
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop CSV files to load them
        </div>
      )}
    </div>
  );
}
