/**
 * `npm run test:real-data`: the tests that read public files, run on the full files of
 * ../shared/geodata (on dev machines and CI) instead of the fixtures cut from them, and the build
 * of the committed ward data from the official files.
 */
import { defineConfig } from 'vitest/config';
import { browserTests, REAL_DATA_TESTS } from './vitest.config.ts';

export default defineConfig({
  test: {
    name: 'real-data',
    include: [REAL_DATA_TESTS, 'tests/e2e/real-data.test.ts', 'tests/e2e/points.test.ts'],
    env: { TEST_DATA_DIR: '../shared/geodata' },
    ...browserTests,
  },
});
