import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    // Build tests run whole builds; on a busy 2-core machine two of them take well over 20 s.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Build tests run astro build, which shares its cache folders per project: one file at a time.
    fileParallelism: false,
  },
});
