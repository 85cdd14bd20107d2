/**
 * The shell: a slim header (title, area, views, Load data, Share, Settings, meeting mode), the
 * progress of a file being read, the page shown, and below it the loaded data and where the
 * figures come from.
 */
import type { ReactNode } from 'react';
import { AccessibilityPage } from '../features/accessibility/AccessibilityPage.tsx';
import { BriefingPage } from '../features/briefing/BriefingPage.tsx';
import { DashboardPage } from '../features/dashboard/DashboardPage.tsx';
import { ShareAndExport } from '../features/dashboard/ShareAndExport.tsx';
import { ColumnMappings } from '../features/loading/ColumnMappings.tsx';
import { LoadData, LoadingStatus, LoadReports } from '../features/loading/LoadData.tsx';
import { LoadedData } from '../features/loading/LoadedData.tsx';
import { MatchColumns } from '../features/loading/MatchColumns.tsx';
import { OverlapDialog } from '../features/loading/OverlapDialog.tsx';
import { PartialReadDialog } from '../features/loading/PartialReadDialog.tsx';
import { Workspaces } from '../features/loading/WorkspaceDialogs.tsx';
import { MethodsPage } from '../features/methods/MethodsPage.tsx';
import { PrioritiesPage } from '../features/priorities/PrioritiesPage.tsx';
import { ServicesPage } from '../features/services/ServicesPage.tsx';
import type { Area } from '../geo/wardSet.ts';
import { selectExportFigures, useAreaFigures } from '../state/selectors.ts';
import { useAppStore } from '../state/store.ts';
import { Controls } from '../ui/Controls.tsx';
import { AppHeader } from './AppHeader.tsx';
import { Sources } from './Sources.tsx';
import { useFileDrop } from './useFileDrop.ts';

/** Before the boundaries load: one array, so that the selector's answer stays the same. */
const NO_AREAS: readonly Area[] = [];

/**
 * The dashboard's first screen (header and workspace) as one box the height of the window;
 * other pages flow as documents (a wrapper there would also put a page break before the
 * briefing's printed sheet).
 */
function Screen({ children }: { children: ReactNode }) {
  const dashboard = useAppStore((state) => state.page === 'dashboard');
  return dashboard ? <div className="screen">{children}</div> : children;
}

export function App() {
  const figures = useAreaFigures();
  const page = useAppStore((state) => state.page);
  const meeting = useAppStore((state) => state.meeting);
  const dragging = useFileDrop();
  const areas = useAppStore((state) => state.wards?.areas ?? NO_AREAS);
  const exportFigures = useAppStore(selectExportFigures);
  const exportPublication = useAppStore((state) => state.exportPublication);
  const setExportPublication = useAppStore((state) => state.setExportPublication);

  return (
    <div
      className={['app', `page-${page}`, dragging ? 'dragging' : '', meeting ? 'meeting' : '']
        .filter(Boolean)
        .join(' ')}
    >
      <Screen>
        <AppHeader
          loadData={<LoadData />}
          loadDataInMenu={<LoadData inMenu />}
          share={
            <>
              {figures && (
                <ShareAndExport
                  publication={exportPublication}
                  onPublicationChange={setExportPublication}
                />
              )}
              <Workspaces />
            </>
          }
        />
        <LoadingStatus />
        {/* An anchor under the header and the loading bar: the dashboard floats the reports over
            the map from here, never over Cancel. */}
        <div className="reports-anchor">
          <LoadReports />
        </div>
        <OverlapDialog />
        <PartialReadDialog />
        <MatchColumns />
        {(page === 'priorities' || page === 'services') && <Controls areas={areas} />}
        {page === 'methods' ? (
          <main className="page-main">
            <MethodsPage />
          </main>
        ) : page === 'accessibility' ? (
          <main className="page-main">
            <AccessibilityPage />
          </main>
        ) : !figures ? (
          <main className="workspace">
            <p role="status">Loading ward boundaries…</p>
          </main>
        ) : page === 'priorities' ? (
          <main className="page-main">
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
          <DashboardPage figures={figures} areas={areas} />
        )}
      </Screen>
      <LoadedData />
      <ColumnMappings />
      <Sources />
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop CSV files to load them
        </div>
      )}
    </div>
  );
}
