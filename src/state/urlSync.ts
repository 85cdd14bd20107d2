/**
 * Keeps the address bar in step with the view and the map camera, and keeps the last view in the
 * browser while the store says so (while the user's own data is kept there: the demo alone
 * leaves nothing in the browser), so that opening the app's plain address brings it back.
 */
import { keepValue, keptValue } from './persistence.ts';
import { type AppStore, useAppStore } from './store.ts';
import { cameraFromSearch, searchFor, viewFromSearch } from './url.ts';
import { type ViewState, viewOf } from './viewSlice.ts';

function replaceSearch(search: string): void {
  window.history.replaceState(
    window.history.state,
    '',
    `${window.location.pathname}${search}${window.location.hash}`,
  );
}

/**
 * Applies the view in the URL to the store, then mirrors every change of the view or camera back
 * to the URL. Settles once a view kept from the last visit has been applied (or found missing).
 */
export function startUrlSync(store: AppStore = useAppStore): Promise<void> {
  /** The query string the browser holds as the last view, when known. */
  let keptSearch: string | null = null;

  const keepView = () => {
    const search = window.location.search;
    if (!store.getState().keepingView || search === keptSearch) return;
    keptSearch = search;
    // The view is a convenience: a browser that cannot store it simply opens the default view.
    keepValue('view', search).catch(() => undefined);
  };

  const write = () => {
    const state = store.getState();
    const search = searchFor(viewOf(state), state.camera, window.location.search);
    if (search !== window.location.search) replaceSearch(search);
    keepView();
  };

  const apply = (search: string) =>
    store.setState({ ...viewFromSearch(search), camera: cameraFromSearch(search) });

  apply(window.location.search);
  store.subscribe((state, previous) => {
    const next = viewOf(state);
    const before = viewOf(previous);
    if (
      state.camera !== previous.camera ||
      (Object.keys(next) as (keyof ViewState)[]).some((key) => next[key] !== before[key])
    )
      write();
    if (state.keepingView === previous.keepingView) return;
    if (state.keepingView) {
      keepView();
    } else {
      keptSearch = null;
      keepValue('view', null).catch(() => undefined);
    }
  });

  /** With no query string, the view kept from the last visit; a link's own view always wins. */
  const applyKeptView = async () => {
    if (window.location.search !== '') return;
    const search = await keptValue('view').catch(() => null);
    // Nothing has written the address meanwhile (a user's change would have): apply it.
    if (!search || window.location.search !== '') return;
    replaceSearch(search);
    keptSearch = search;
    apply(search);
  };
  return applyKeptView();
}
