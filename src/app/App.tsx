/** The shell: header, page navigation, the page shown, Load data and where the data comes from. */
import { datasetName } from '../data/dataset.ts';
import { AccessibilityPage } from '../features/accessibility/AccessibilityPage.tsx';
import { BriefingPage } from '../features/briefing/BriefingPage.tsx';
import { DashboardPage } from '../features/dashboard/DashboardPage.tsx';
import { ShareAndExport } from '../features/dashboard/ShareAndExport.tsx';
import { LoadData, LoadReports } from '../features/loading/LoadData.tsx';
import { LoadedData } from '../features/loading/LoadedData.tsx';
import { OverlapDialog } from '../features/loading/OverlapDialog.tsx';
import { PartialReadDialog } from '../features/loading/PartialReadDialog.tsx';
import { MethodsPage } from '../features/methods/MethodsPage.tsx';
import { PrioritiesPage } from '../features/priorities/PrioritiesPage.tsx';
import { ServicesPage } from '../features/services/ServicesPage.tsx';
import type { Area } from '../geo/wardSet.ts';
import { selectExportFigures, useAreaFigures, useDatasetSummaries } from '../state/selectors.ts';
import { useAppStore } from '../state/store.ts';
import type { Page } from '../state/viewSlice.ts';
import { Controls } from '../ui/Controls.tsx';
import { Sources } from './Sources.tsx';
import { useFileDrop } from './useFileDrop.ts';

function DataBadge() {
  const datasets = useDatasetSummaries();
  if (datasets.length === 0) return null;
  const synthetic = datasets.some((dataset) => dataset.synthetic);
  return (
    <p className={synthetic ? 'data-badge synthetic' : 'data-badge'}>
      {synthetic ? 'Synthetic demo data' : `Data: ${datasets.map(datasetName).join(', ')}`}
    </p>
  );
}

/** Before the boundaries load: one array, so that the selector's answer stays the same. */
const NO_AREAS: readonly Area[] = [];

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

export function App() {
  const figures = useAreaFigures();
  const page = useAppStore((state) => state.page);
  const dragging = useFileDrop();
  const areas = useAppStore((state) => state.wards?.areas ?? NO_AREAS);
  const exportFigures = useAppStore(selectExportFigures);
  const exportPublication = useAppStore((state) => state.exportPublication);
  const setExportPublication = useAppStore((state) => state.setExportPublication);

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
      <PartialReadDialog />
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
      ) : page === 'briefing' && exportFigures ? (
        <BriefingPage figures={exportFigures} publication={exportPublication} />
      ) : (
        <DashboardPage figures={figures} />
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
