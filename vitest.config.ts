import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    setupFiles: ['test/setup.ts'],
    // PostgreSQL for the server tests: a throwaway cluster, started only when a test needs one.
    globalSetup: ['test/server/postgres-setup.ts'],
    environment: 'node',
    testTimeout: 20_000,
    // CI totals both runners from their JSON reports (scripts/test-summary.mjs).
    reporters: process.env.CC_TEST_SUMMARY
      ? ['default', ['json', { outputFile: 'test-results/vitest.json' }]]
      : ['default'],
  },
});
