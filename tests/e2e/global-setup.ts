/**
 * Builds the app as users get it and serves it on 127.0.0.1 for the end-to-end tests. The data
 * files (`npm run data`) must exist first; `npm test` makes them.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

const root = path.resolve(import.meta.dirname, '../..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

async function waitForServer(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`vite preview exited with ${server.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`vite preview did not answer at ${url}`);
}

/**
 * Builds the app as users get it, with extra build-time variables (a tile service), into a
 * folder of its own, and serves it on 127.0.0.1. `stop` ends the server and removes the build.
 */
export async function buildAndServe(
  env: Record<string, string> = {},
): Promise<{ baseUrl: string; stop(): void }> {
  // A build of its own, so that test runs side by side never serve each other's half-written files.
  const outDir = mkdtempSync(path.join(tmpdir(), 'ward-dashboard-e2e-'));
  const build = spawnSync(
    bin('vite'),
    ['build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'],
    {
      cwd: root,
      stdio: 'inherit',
      // Vitest sets NODE_ENV=test, which would make a development build (React's, and no service
      // worker): build what users get.
      env: { ...process.env, ...env, NODE_ENV: 'production' },
    },
  );
  if (build.status !== 0) throw new Error('vite build failed');
  const port = await freePort();
  const server = spawn(
    bin('vite'),
    ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', outDir],
    {
      cwd: root,
      stdio: 'ignore',
    },
  );
  const baseUrl = `http://127.0.0.1:${port}/`;
  await waitForServer(baseUrl, server);
  return {
    baseUrl,
    stop: () => {
      server.kill();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

export default async function setup(project: TestProject) {
  for (const file of ['public/data/manifest.json', 'public/demo/offences.csv']) {
    if (!existsSync(path.join(root, file)))
      throw new Error(`${file} is missing: run "npm run data" first.`);
  }
  // The tile service variables of the machine that runs the tests must not leak into the build.
  const served = await buildAndServe(
    Object.fromEntries(
      Object.keys(process.env)
        .filter((name) => name.startsWith('BASEMAP_'))
        .map((name) => [name, '']),
    ),
  );
  project.provide('baseUrl', served.baseUrl);
  return served.stop;
}
