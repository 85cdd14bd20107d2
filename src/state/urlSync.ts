/**
 * Keeps the address bar in step with the view and the map camera, and keeps the last view in the
 * browser so that opening the app's plain address brings it back.
 */

import type { Camera } from '../map/mapView.ts';
import { keepValue, keptValue } from './persistence.ts';
import { useAppStore, type ViewState, viewOf } from './store.ts';
import { cameraFromSearch, searchFor, viewFromSearch } from './url.ts';

let camera: Camera | null = null;

function write(): void {
  const search = searchFor(viewOf(useAppStore.getState()), camera, window.location.search);
  if (search !== window.location.search) {
    window.history.replaceState(
      window.history.state,
      '',
      `${window.location.pathname}${search}${window.location.hash}`,
    );
  }
  keepView();
}

/** The map reports its camera after each move; the camera is never part of the reactive store. */
export function writeCamera(next: Camera): void {
  camera = next;
  write();
}

/** Applies the view in the URL to the store, then mirrors every view change back to the URL. */
export function startUrlSync(): () => void {
  camera = cameraFromSearch(window.location.search);
  useAppStore.setState(viewFromSearch(window.location.search));
  keptViewApplied = applyKeptView();
  return useAppStore.subscribe((state, previous) => {
    const next = viewOf(state);
    const before = viewOf(previous);
    if ((Object.keys(next) as (keyof ViewState)[]).some((key) => next[key] !== before[key]))
      write();
  });
}

// ---- The last view, kept in the browser ----
// Only while the user's own data is kept there: the demo alone leaves nothing in the browser.

let keepingView = false;
/** The query string the browser holds as the last view, when known. */
let keptSearch: string | null = null;
let keptViewApplied: Promise<void> = Promise.resolve();

function keepView(): void {
  const search = window.location.search;
  if (!keepingView || search === keptSearch) return;
  keptSearch = search;
  // The view is a convenience: a browser that cannot store it simply opens the default view.
  keepValue('view', search).catch(() => undefined);
}

/** With no query string, the view kept from the last visit; a link's own view always wins. */
async function applyKeptView(): Promise<void> {
  if (window.location.search !== '') return;
  const search = await keptValue('view').catch(() => null);
  // Nothing has written the address meanwhile (a user's change would have): apply it.
  if (!search || window.location.search !== '') return;
  window.history.replaceState(
    window.history.state,
    '',
    `${window.location.pathname}${search}${window.location.hash}`,
  );
  camera = cameraFromSearch(search);
  useAppStore.setState(viewFromSearch(search));
  keptSearch = search;
}

/** Settles once a kept view has been applied (or found missing), before the figures first show. */
export function whenKeptViewApplied(): Promise<void> {
  return keptViewApplied;
}

/** Keeps the view, from now on, while the user's data is kept; forgets it when that goes. */
export function keepViewWhile(userDataKept: boolean): void {
  if (userDataKept === keepingView) return;
  keepingView = userDataKept;
  if (userDataKept) {
    keepView();
  } else {
    keptSearch = null;
    keepValue('view', null).catch(() => undefined);
  }
}
