/** Builds the bare baseline page (bench/bare) into bench/out/bare, with the app's data files. */
import path from 'node:path';
import { defineConfig } from 'vite';

const repo = path.resolve(import.meta.dirname, '../..');

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  // The app's public folder, so the page can fetch the same data/wards.topo.json.
  publicDir: path.join(repo, 'public'),
  worker: { format: 'es' },
  logLevel: 'warn',
  build: {
    outDir: path.join(repo, 'bench/out/bare'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 2500,
  },
});
