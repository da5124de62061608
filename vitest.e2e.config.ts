import { defineConfig } from 'vitest/config';

// Browser tests: run against the built dist/ in Debian's Chromium (npm run test:e2e).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
