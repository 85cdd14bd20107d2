/**
 * Registers the service worker (src/app/serviceWorker.ts, built as sw.js) so that the app opens
 * offline. Production builds only: the dev server has no sw.js, and serves modules that change.
 */
export function registerServiceWorker(): void {
  // Browsers offer service workers only on https and on localhost.
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // Once the page has loaded, so that the worker's downloads do not delay the first paint.
  window.addEventListener(
    'load',
    () => {
      navigator.serviceWorker.register(new URL('sw.js', document.baseURI)).catch((error) => {
        console.warn('The app will not open offline: its service worker could not start.', error);
      });
    },
    { once: true },
  );
}
