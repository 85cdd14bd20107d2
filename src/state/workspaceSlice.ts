/** Saved views: named links to views, kept in the browser and in workspaces. */
import type { StoreApi } from 'zustand';
import type { SavedView } from '../data/savedViews.ts';

export interface WorkspaceSlice {
  savedViews: SavedView[];
  saveView(name: string, search: string): void;
  removeSavedView(id: string): void;
  /** Puts back the saved views kept in the browser, or forgets them all (an empty list). */
  setSavedViews(views: SavedView[]): void;
}

export function createWorkspaceSlice(
  set: StoreApi<WorkspaceSlice>['setState'],
  get: StoreApi<WorkspaceSlice>['getState'],
): WorkspaceSlice {
  return {
    savedViews: [],
    saveView: (name, search) =>
      set({
        savedViews: [
          ...get().savedViews,
          { id: crypto.randomUUID(), name, search, savedAt: new Date().toISOString() },
        ],
      }),
    removeSavedView: (id) => set({ savedViews: get().savedViews.filter((view) => view.id !== id) }),
    setSavedViews: (savedViews) => set({ savedViews }),
  };
}
