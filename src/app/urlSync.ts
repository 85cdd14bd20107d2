/** Keeps the address bar in step with the view and the map camera. */
import { type StoreState, useAppStore, type ViewState } from '../state/store.ts';
import { type Camera, cameraFromSearch, searchFor, viewFromSearch } from '../state/url.ts';

let camera: Camera | null = null;

function viewOf(state: StoreState): ViewState {
  const { area, theme, from, to, measure, ward, time } = state;
  return { area, theme, from, to, measure, ward, time };
}

function write(): void {
  const search = searchFor(viewOf(useAppStore.getState()), camera, window.location.search);
  if (search !== window.location.search) {
    window.history.replaceState(
      window.history.state,
      '',
      `${window.location.pathname}${search}${window.location.hash}`,
    );
  }
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
  return useAppStore.subscribe((state, previous) => {
    const next = viewOf(state);
    const before = viewOf(previous);
    if ((Object.keys(next) as (keyof ViewState)[]).some((key) => next[key] !== before[key]))
      write();
  });
}
