/**
 * Named views ("Tasking 3 Dec: Golborne and Colville"): a view is its link's query string, so a
 * saved view reopens exactly what the link would, and Copy link gives that link.
 */
export interface SavedView {
  id: string;
  name: string;
  /** The query string of the view, camera included ("?area=...&map=13/51.5/-0.2"). */
  search: string;
  /** ISO date-time. */
  savedAt: string;
}

/** The list with `incoming` added, leaving out views already there (same name and link). */
export function mergeSavedViews(
  existing: readonly SavedView[],
  incoming: readonly SavedView[],
): SavedView[] {
  const merged = [...existing];
  for (const view of incoming) {
    if (merged.some((kept) => kept.name === view.name && kept.search === view.search)) continue;
    merged.push(
      merged.some((kept) => kept.id === view.id) ? { ...view, id: crypto.randomUUID() } : view,
    );
  }
  return merged;
}

/** The view's address: this page with the view's query string. */
export function savedViewLink(view: SavedView, pageUrl: string): string {
  const url = new URL(pageUrl);
  url.search = view.search;
  url.hash = '';
  return url.href;
}
