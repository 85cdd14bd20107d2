import react from '@vitejs/plugin-react';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

/** The end-to-end tests' settings: a build served on 127.0.0.1 and one Chromium at a time. */
export const browserTests = {
  environment: 'node',
  globalSetup: ['tests/e2e/global-setup.ts'],
  // One browser at a time: the machine has two cores and the build needs one of them.
  fileParallelism: false,
  testTimeout: 60_000,
  hookTimeout: 120_000,
  // A page under load (two cores shared with the unit tests) may take seconds to settle.
  expect: { poll: { timeout: 15_000, interval: 100 } },
} satisfies TestProjectInlineConfiguration['test'];

/** Tests that read the full public files of ../shared/geodata: `npm run test:real-data` only. */
export const REAL_DATA_TESTS = '**/*.real-data.test.ts';

export default defineConfig({
  plugins: [react()],
  // Tests run the default build: no tile service (vite.config.ts sets it for real builds).
  define: { __TILE_SERVICE__: 'null' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.ts', 'geodata/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: [REAL_DATA_TESTS],
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'happy-dom',
          include: ['src/**/*.test.tsx'],
          setupFiles: ['tests/setup-component.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // The e2e tests read the public files cut to a few boroughs (tests/fixtures).
          ...browserTests,
        },
      },
    ],
  },
});
