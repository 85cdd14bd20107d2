/** The shell: header, the views (dashboard, priorities, methods) and where the data comes from. */
import { lazy, Suspense, useState } from 'react';
import type { AreaFigures } from '../analysis/areaFigures.ts';
import { AccessibilityPage } from '../features/accessibility/AccessibilityPage.tsx';
import { BriefingPage } from '../features/briefing/BriefingPage.tsx';
import { BiggestChanges } from '../features/dashboard/BiggestChanges.tsx';
import { Layers } from '../features/dashboard/Layers.tsx';
import { LocateMe } from '../features/dashboard/LocateMe.tsx';
import { MapOptions } from '../features/dashboard/MapOptions.tsx';
import { SelectedWard } from '../features/dashboard/SelectedWard.tsx';
import { ShareAndExport } from '../features/dashboard/ShareAndExport.tsx';
import { TimeOfDayHeatmap } from '../features/dashboard/TimeOfDayHeatmap.tsx';
import { TrendCharts } from '../features/dashboard/TrendCharts.tsx';
import { WardTable } from '../features/dashboard/WardTable.tsx';
import { LoadData, LoadReports } from '../features/loading/LoadData.tsx';
import { LoadedData } from '../features/loading/LoadedData.tsx';
import { OverlapDialog } from '../features/loading/OverlapDialog.tsx';
import { MethodsPage } from '../features/methods/MethodsPage.tsx';
import { PrioritiesPage } from '../features/priorities/PrioritiesPage.tsx';
import { ServicesPage } from '../features/services/ServicesPage.tsx';
import { loadedData } from '../state/registry.ts';
import { useAreaFigures } from '../state/selectors.ts';
import { type Page, useAppStore } from '../state/store.ts';
import { Controls } from '../ui/Controls.tsx';
import { Legend } from '../ui/Legend.tsx';
import { Sources } from './Sources.tsx';
import { useFileDrop } from './useFileDrop.ts';

// MapLibre and deck.gl are most of the JavaScript: load them in their own chunk so the controls
// and table are usable while the map arrives.
const MapView = lazy(() => import('../ui/MapView.tsx'));

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

const PAGES: { page: Page; label: string }[] = [
  { page: 'dashboard', label: 'Dashboard' },
  { page: 'priorities', label: 'Priorities' },
  { page: 'services', label: 'Services' },
  { page: 'methods', label: 'How figures are computed' },
  { page: 'accessibility', label: 'Accessibility' },
];

function PageNav() {
  const page = useAppStore((state) => state.page);
  const setPage = useAppStore((state) => state.setPage);
  return (
    <nav className="page-nav" aria-label="Views">
      <ul>
        {PAGES.map((entry) => (
          <li key={entry.page}>
            <button
              type="button"
              aria-current={page === entry.page ? 'page' : undefined}
              onClick={() => setPage(entry.page)}
            >
              {entry.label}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Dashboard({ figures }: { figures: AreaFigures }) {
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

export function App() {
  const figures = useAreaFigures();
  const wardsVersion = useAppStore((state) => state.wardsVersion);
  const page = useAppStore((state) => state.page);
  const dragging = useFileDrop();
  const areas = wardsVersion > 0 ? (loadedData.wards?.areas ?? []) : [];
  // Exports apply publication mode unless the user unticks it, whatever the screen shows.
  const [exportPublication, setExportPublication] = useState(true);

  return (
    <div className={dragging ? 'app dragging' : 'app'}>
      <header className="app-header">
        <div className="title">
          <h1>Ward hotspot dashboard</h1>
          <DataBadge />
        </div>
        <LoadData />
      </header>
      <PageNav />
      {(page === 'dashboard' || page === 'priorities' || page === 'services') && (
        <Controls areas={areas} />
      )}
      {page === 'dashboard' && figures && (
        <ShareAndExport
          figures={figures}
          publication={exportPublication}
          onPublicationChange={setExportPublication}
        />
      )}
      <LoadReports />
      <OverlapDialog />
      {page === 'methods' ? (
        <main>
          <MethodsPage />
        </main>
      ) : page === 'accessibility' ? (
        <main>
          <AccessibilityPage />
        </main>
      ) : !figures ? (
        <main className="dashboard">
          <p role="status">Loading ward boundaries…</p>
        </main>
      ) : page === 'priorities' ? (
        <main>
          <PrioritiesPage />
        </main>
      ) : page === 'services' ? (
        <ServicesPage
          figures={figures}
          publication={exportPublication}
          onPublicationChange={setExportPublication}
        />
      ) : page === 'briefing' ? (
        <BriefingPage figures={figures} publication={exportPublication} />
      ) : (
        <Dashboard figures={figures} />
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
