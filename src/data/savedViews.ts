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
