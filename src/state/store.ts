/**
 * The one store, built from slices: the view (what a link describes), the loaded data (held by
 * reference), how the page is shown, the services' coverage, and whether the user's data is kept
 * in the browser. No devtools middleware: it would serialise megabytes of typed arrays.
 */
import { create } from 'zustand';
import { type CoverageSlice, createCoverageSlice } from './coverageSlice.ts';
import { createDataSlice, type DataSlice } from './dataSlice.ts';
import { createDisplaySlice, type DisplaySlice } from './displaySlice.ts';
import { createViewSlice, type ViewSlice, type ViewState } from './viewSlice.ts';

export interface KeepingSlice {
  /** Whether the user's data is written to the browser (not while "Clear data" works). */
  keeping: boolean;
  /** Whether the last view is kept in the browser: while the user's data is. */
  keepingView: boolean;
  setKeeping(keeping: boolean): void;
  setKeepingView(keepingView: boolean): void;
}

export type StoreState = ViewSlice & DataSlice & DisplaySlice & CoverageSlice & KeepingSlice;

export function createAppStore(view: Partial<ViewState> = {}) {
  return create<StoreState>()((set, get) => ({
    ...createViewSlice(set, get),
    ...createDataSlice(set, get),
    ...createDisplaySlice(set, get),
    ...createCoverageSlice(set, get),
    keeping: false,
    keepingView: false,
    setKeeping: (keeping) => set({ keeping }),
    setKeepingView: (keepingView) => set({ keepingView }),
    ...view,
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;

/** The app's store. Tests reset it with `useAppStore.setState(...)`. */
export const useAppStore = createAppStore();
