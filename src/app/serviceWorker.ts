/// <reference lib="webworker" />
/**
 * The service worker: keeps the app's own files so that it opens with no network. The build
 * (vite.config.ts) writes it as `sw.js` beside index.html, with the build's file list and a
 * version from their contents in front of this code. It holds only files that ship with the app:
 * what users load stays in IndexedDB, which "Clear data" empties. Requests to other origins, and
 * any request for a file outside the list, go to the network untouched.
 */
// A module, so that `self` below is this worker's and not the page's (the build drops the export).
export {};

declare const self: ServiceWorkerGlobalScope;
/** Every file of the build, relative to this worker ('./' for index.html). */
declare const PRECACHED_FILES: readonly string[];
/** A hash of the build's file names and contents. */
declare const BUILD_VERSION: string;

const scope = self.registration.scope;
// The scope is in the name: two copies of the app in two folders of one origin keep their own.
const CACHE_PREFIX = `ward-hotspot-dashboard ${scope} `;
const CACHE_NAME = CACHE_PREFIX + BUILD_VERSION;
const INDEX_URL = new URL('./', scope).href;
const PRECACHED_URLS = new Set(PRECACHED_FILES.map((file) => new URL(file, scope).href));

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE_NAME);
      // 'no-cache' revalidates with the server: the HTTP cache may hold an earlier build's
      // index.html or data files under the same names.
      await cache.addAll([...PRECACHED_URLS].map((url) => new Request(url, { cache: 'no-cache' })));
      // A new build takes over at once rather than when every tab has closed; a page of the
      // earlier build then fares as it would without a service worker after a new deployment.
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(CACHE_PREFIX) && name !== CACHE_NAME) await caches.delete(name);
      }
      // The first visit's page is served by this worker from now on, so it can go offline.
      await self.clients.claim();
    })(),
  );
});

/** The cached URL for a request, or null to leave the request to the network. */
function precachedUrl(request: Request): string | null {
  if (request.method !== 'GET') return null;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return null;
  url.hash = '';
  if (request.mode === 'navigate') {
    // The view is in the query string: every address of the app's page is index.html.
    url.search = '';
    if (url.href === `${INDEX_URL}index.html`) return INDEX_URL;
  }
  return PRECACHED_URLS.has(url.href) ? url.href : null;
}

// Cache first for every file, data included: the files are versioned together by BUILD_VERSION,
// and the browser checks sw.js on each visit, so a new build (new data or new code) arrives as a
// whole through a new worker, without waiting on a poor network at every start.
self.addEventListener('fetch', (event) => {
  const url = precachedUrl(event.request);
  if (url === null) return;
  event.respondWith(
    (async () => {
      const cached = await (await caches.open(CACHE_NAME)).match(url);
      return cached ?? fetch(event.request);
    })(),
  );
});
