/**
 * The one store, built from slices: the view (what a link describes), the loaded data (held by
 * reference), how the page is shown, the services' coverage, saved views, and whether the user's
 * data is kept in the browser. No devtools middleware: it would serialise megabytes of typed arrays.
 */
import { create } from 'zustand';
import { type ColumnMappingSlice, createColumnMappingSlice } from './columnMappingSlice.ts';
import { type CoverageSlice, createCoverageSlice } from './coverageSlice.ts';
import { createDataSlice, type DataSlice } from './dataSlice.ts';
import { createDisplaySlice, type DisplaySlice } from './displaySlice.ts';
import { createViewSlice, type ViewSlice, type ViewState } from './viewSlice.ts';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspaceSlice.ts';

/** Where a user's dataset stands with the browser's storage. */
export type DatasetKeeping = 'keeping' | 'kept' | 'not kept';

export interface KeepingSlice {
  /** Whether the user's data is written to the browser (not while "Clear data" works). */
  keeping: boolean;
  /** Whether the last view is kept in the browser: while the user's data is. */
  keepingView: boolean;
  /** Each user dataset's keeping, by dataset id. */
  datasetKeeping: Readonly<Record<string, DatasetKeeping>>;
  /** Whether the browser agreed not to remove the kept data when space runs short. */
  storagePersistent: boolean;
  setKeeping(keeping: boolean): void;
  setKeepingView(keepingView: boolean): void;
  setDatasetKeeping(id: string, keeping: DatasetKeeping | null): void;
  setStoragePersistent(persistent: boolean): void;
}

export type StoreState = ViewSlice &
  DataSlice &
  DisplaySlice &
  CoverageSlice &
  ColumnMappingSlice &
  WorkspaceSlice &
  KeepingSlice;

export function createAppStore(view: Partial<ViewState> = {}) {
  return create<StoreState>()((set, get) => ({
    ...createViewSlice(set, get),
    ...createDataSlice(set, get),
    ...createDisplaySlice(set, get),
    ...createCoverageSlice(set, get),
    ...createColumnMappingSlice(set, get),
    ...createWorkspaceSlice(set, get),
    keeping: false,
    keepingView: false,
    datasetKeeping: {},
    storagePersistent: false,
    setKeeping: (keeping) => set({ keeping }),
    setKeepingView: (keepingView) => set({ keepingView }),
    setDatasetKeeping: (id, keeping) => {
      const { [id]: _, ...others } = get().datasetKeeping;
      set({ datasetKeeping: keeping === null ? others : { ...others, [id]: keeping } });
    },
    setStoragePersistent: (storagePersistent) => set({ storagePersistent }),
    ...view,
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;

/** The app's store. Tests reset it with `useAppStore.setState(...)`. */
export const useAppStore = createAppStore();
