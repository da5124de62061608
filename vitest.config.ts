import { defineConfig } from 'vitest/config';

/**
 * Test files that build whole sites (or start builds that must not overlap), and the one that computes over
 * 2,000,000 values (half a minute on its own): they run after the unit tests, one file at a time.
 */
const BUILD_TESTS = ['tests/build/**/*.test.ts', 'tests/checklist/g-build.test.ts', 'tests/lib/large-datasets.test.ts'];

// `npm test` runs both projects; `npm test -- --project unit` runs only the fast ones.
export default defineConfig({
  test: {
    exclude: ['tests/e2e/**', 'node_modules/**'],
    // Build tests run whole builds; on a busy 2-core machine two of them take well over 20 s.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // Every core (vitest's default leaves one for itself, which on a 2-core machine means one file at a time).
          maxWorkers: '100%',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'node_modules/**', ...BUILD_TESTS],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'build',
          include: BUILD_TESTS,
          // Build tests run astro build, which shares its cache folders per project: one file at a time,
          // and only once the unit tests are done (groupOrder), so builds never compete with them.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
