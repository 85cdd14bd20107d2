/**
 * Which of the three layouts the window calls for: the desktop's docked panels, the tablet's
 * drawer of filters beside a docked ward list, or the phone's bottom sheet over the map.
 * The widths match the media queries in app.css.
 */
import { useSyncExternalStore } from 'react';

export type LayoutSize = 'desktop' | 'tablet' | 'phone';

const PHONE = '(max-width: 699px)';
const TABLET = '(min-width: 700px) and (max-width: 1199px)';

function current(): LayoutSize {
  if (typeof window === 'undefined' || !window.matchMedia) return 'desktop';
  if (window.matchMedia(PHONE).matches) return 'phone';
  if (window.matchMedia(TABLET).matches) return 'tablet';
  return 'desktop';
}

function subscribe(onChange: () => void): () => void {
  if (typeof window === 'undefined' || !window.matchMedia) return () => {};
  const queries = [PHONE, TABLET].map((query) => window.matchMedia(query));
  for (const query of queries) query.addEventListener('change', onChange);
  return () => {
    for (const query of queries) query.removeEventListener('change', onChange);
  };
}

export function useLayoutSize(): LayoutSize {
  return useSyncExternalStore(subscribe, current, () => 'desktop');
}
