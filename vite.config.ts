import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv, type Plugin } from 'vite';
import { contentSecurityPolicy, policyText } from './src/app/contentSecurityPolicy.ts';
import { type TileService, tileServiceFrom } from './src/map/tileService.ts';

const SERVICE_WORKER_FILE = 'sw.js';

/** Every file under a folder, relative to it with '/' separators. */
function filesIn(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
    .map((file) => file.split(path.sep).join('/'));
}

/**
 * Build only, since the dev server injects inline scripts and serves modules that change: puts
 * the Content-Security-Policy into index.html, and builds the service worker with the list of
 * every file the build emits (index.html, chunks, CSS, both workers, the public folder's
 * boundaries, populations, demo data and icons) and a version hashed from their names and
 * contents, so that a new build installs a new cache and removes the old one.
 */
function offlineAndContentSecurityPolicy(tileService: TileService | null): Plugin {
  let publicDir = '';
  return {
    name: 'ward-dashboard:offline-and-csp',
    apply: 'build',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    buildStart() {
      this.emitFile({
        type: 'chunk',
        id: path.resolve(import.meta.dirname, 'src/app/serviceWorker.ts'),
        fileName: SERVICE_WORKER_FILE,
      });
    },
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: {
          'http-equiv': 'Content-Security-Policy',
          content: policyText(contentSecurityPolicy(tileService?.origin ?? null)),
        },
        injectTo: 'head-prepend',
      },
    ],
    generateBundle: {
      // After index.html has been written into the bundle.
      order: 'post',
      handler(_options, bundle) {
        const contents = new Map<string, string | Uint8Array>();
        for (const file of publicDir ? filesIn(publicDir) : []) {
          contents.set(file, readFileSync(path.join(publicDir, file)));
        }
        for (const output of Object.values(bundle)) {
          if (output.fileName === SERVICE_WORKER_FILE) continue;
          contents.set(output.fileName, output.type === 'chunk' ? output.code : output.source);
        }
        const files = [...contents.keys()].sort();
        const hash = createHash('sha256');
        for (const file of files) hash.update(`${file}\0`).update(contents.get(file) ?? '');
        const serviceWorker = bundle[SERVICE_WORKER_FILE];
        if (serviceWorker?.type !== 'chunk')
          throw new Error(`${SERVICE_WORKER_FILE} was not built`);
        // The page is cached under the folder's address, which is what users open.
        const urls = files.map((file) => (file === 'index.html' ? './' : file));
        serviceWorker.code = [
          `const BUILD_VERSION = ${JSON.stringify(hash.digest('hex').slice(0, 16))};`,
          `const PRECACHED_FILES = ${JSON.stringify(urls)};`,
          serviceWorker.code,
        ].join('\n');
      },
    },
  };
}

export default defineConfig(({ mode }) => {
  // An organisation's tile service, when whoever hosts the app sets one (README, Hosting).
  const tileService = tileServiceFrom(loadEnv(mode, import.meta.dirname, 'BASEMAP_'));
  return {
    plugins: [react(), offlineAndContentSecurityPolicy(tileService)],
    define: { __TILE_SERVICE__: JSON.stringify(tileService) },
    // Relative asset URLs so the built app works from any path (a council intranet folder).
    base: './',
    worker: { format: 'es' },
    build: {
      target: 'es2022',
      sourcemap: false,
      chunkSizeWarningLimit: 2500,
    },
  };
});
