/**
 * Workspaces in the app: what is loaded gathered for the worker to save (everything, or a
 * publication's figures worked out from it), and an opened workspace put in place of (or beside)
 * what is loaded.
 */
import { themeMonthSpan } from '../../analysis/dataCoverage.ts';
import { presetPeriodFor } from '../../analysis/periods.ts';
import { type PublishedView, publishView } from '../../analysis/publication.ts';
import { DEFAULT_SUPPRESSION_THRESHOLD } from '../../analysis/suppression.ts';
import { ALL_THEMES } from '../../data/themes.ts';
import { findArea } from '../../geo/wardSet.ts';
import { liveThemeIds, periodForSpan } from '../../state/dataSlice.ts';
import { selectUsersBoundaries, selectUsersPopulations } from '../../state/selectors.ts';
import { useAppStore } from '../../state/store.ts';
import { cameraFromSearch, searchFor, viewFromSearch } from '../../state/url.ts';
import { initialView, type ViewState, viewOf } from '../../state/viewSlice.ts';
import type { AnalysisContents, WorkspaceContents } from '../../workspace/contents.ts';
import { openInWorker, saveInWorker } from '../../workspace/workspaceClient.ts';

export const WORKSPACE_EXTENSION = '.workspace';

/** "workspace_2026-12-03.workspace", or "publication_2026-12-03.workspace" */
export function workspaceFileName(kind: WorkspaceContents['kind'], date: Date): string {
  const day = date.toISOString().slice(0, 10);
  return `${kind === 'analysis' ? 'workspace' : 'publication'}_${day}${WORKSPACE_EXTENSION}`;
}

/** The query string of the view on screen, camera included: what its link would say. */
function currentSearch(): string {
  const state = useAppStore.getState();
  return searchFor(viewOf(state), state.camera, '');
}

/**
 * The published figures of the view on screen (named `currentName`) and of every saved view,
 * with the theme and months each would show with the data loaded. Views whose area the
 * boundaries lack are left out, with why.
 */
export function publishViews(currentName: string): { views: PublishedView[]; skipped: string[] } {
  const state = useAppStore.getState();
  const { wards, datasets, populations } = state;
  if (!wards) return { views: [], skipped: [] };
  const candidates: { name: string; search: string; view: ViewState }[] = [
    { name: currentName, search: currentSearch(), view: viewOf(state) },
    ...state.savedViews.map((saved) => ({
      name: saved.name,
      search: saved.search,
      view: { ...initialView, ...viewFromSearch(saved.search) },
    })),
  ];
  const themes = liveThemeIds(datasets);
  const views: PublishedView[] = [];
  const skipped: string[] = [];
  for (const { name, search, view } of candidates) {
    const area = findArea(wards, view.area);
    const theme =
      view.theme === ALL_THEMES || themes.includes(view.theme) ? view.theme : ALL_THEMES;
    const span = themeMonthSpan(datasets, theme);
    if (!area || !span) {
      skipped.push(
        `“${name}”: ${area ? 'no data loaded for it' : 'its area is not in the boundaries loaded'}.`,
      );
      continue;
    }
    const period =
      (view.preset && presetPeriodFor(view.preset, span)) ??
      periodForSpan(span, view.from, view.to);
    views.push(
      publishView(
        name,
        search,
        { wards, area, datasets, populations, view: { ...view, theme, ...period } },
        DEFAULT_SUPPRESSION_THRESHOLD,
      ),
    );
  }
  return { views, skipped };
}

/**
 * The workspace file of what is loaded (the demo apart: it ships with the app), the view on
 * screen and the saved views; or, for a publication, the published views only. Encrypted when a
 * passphrase is given.
 */
export async function saveWorkspace(options: {
  savedBy: string;
  passphrase: string | null;
  publication: PublishedView[] | null;
}): Promise<Blob> {
  const state = useAppStore.getState();
  const common = {
    savedBy: options.savedBy,
    savedAt: new Date().toISOString(),
    view: currentSearch(),
  };
  const contents: WorkspaceContents = options.publication
    ? {
        kind: 'publication',
        ...common,
        savedViews: [],
        boundaries: null,
        published: { suppressedUpTo: DEFAULT_SUPPRESSION_THRESHOLD, views: options.publication },
      }
    : {
        kind: 'analysis',
        ...common,
        savedViews: state.savedViews,
        boundaries: selectUsersBoundaries(state),
        datasets: state.datasets.filter((dataset) => !dataset.synthetic),
        populations: selectUsersPopulations(state),
        services: state.services,
        columnMappings: state.columnMappings,
      };
  const bytes = await saveInWorker(contents, options.passphrase);
  return new Blob([bytes], { type: 'application/octet-stream' });
}

/** A workspace file's contents, checked whole in the worker; rejects with why it is refused. */
export function readWorkspaceFile(
  file: Blob,
  passphrase: string | null,
): Promise<WorkspaceContents> {
  return openInWorker(file, passphrase);
}

/** Puts an analysis workspace in place of what is loaded, or beside it; the column matchings it
 * holds join those saved, in the same task (the page is drawn once). */
export function putWorkspaceInPlace(contents: AnalysisContents, mode: 'replace' | 'add'): void {
  const { openWorkspace, appData, appWards, saveColumnMappings } = useAppStore.getState();
  const { datasets, boundaries, populations, services, savedViews } = contents;
  if (mode === 'replace') {
    openWorkspace({
      mode,
      datasets,
      wards: boundaries ?? appWards(),
      populations: populations ?? appData?.populations ?? null,
      services,
      view: viewFromSearch(contents.view),
      camera: cameraFromSearch(contents.view),
      savedViews,
    });
  } else {
    openWorkspace({ mode, datasets, wards: boundaries, populations, services, savedViews });
  }
  saveColumnMappings(contents.columnMappings);
}
