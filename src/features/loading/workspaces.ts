/**
 * Workspaces in the app: what is loaded gathered for the worker to save, and an opened workspace
 * put in place of (or beside) what is loaded.
 */
import { selectUsersBoundaries, selectUsersPopulations } from '../../state/selectors.ts';
import { useAppStore } from '../../state/store.ts';
import { cameraFromSearch, searchFor, viewFromSearch } from '../../state/url.ts';
import { viewOf } from '../../state/viewSlice.ts';
import type { WorkspaceContents } from '../../workspace/contents.ts';
import { openInWorker, saveInWorker } from '../../workspace/workspaceClient.ts';

export const WORKSPACE_EXTENSION = '.workspace';

/** "workspace_2026-12-03.workspace" */
export function workspaceFileName(date: Date): string {
  return `workspace_${date.toISOString().slice(0, 10)}${WORKSPACE_EXTENSION}`;
}

/**
 * The workspace file of what is loaded (the demo apart: it ships with the app), the view on
 * screen and the saved views. Encrypted when a passphrase is given.
 */
export async function saveWorkspace(options: {
  savedBy: string;
  passphrase: string | null;
}): Promise<Blob> {
  const state = useAppStore.getState();
  const contents: WorkspaceContents = {
    kind: 'analysis',
    savedBy: options.savedBy,
    savedAt: new Date().toISOString(),
    view: searchFor(viewOf(state), state.camera, ''),
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

/** Puts a workspace in place of what is loaded, or beside it, in one step. */
export function putWorkspaceInPlace(contents: WorkspaceContents, mode: 'replace' | 'add'): void {
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
