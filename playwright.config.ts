import { defineConfig } from '@playwright/test';

// One worker: every test launches its own Chromium with the extension, and CI has two cores.
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CC_TEST_SUMMARY
    ? [['list'], ['json', { outputFile: 'test-results/playwright.json' }]]
    : [['list']],
  outputDir: 'test-results/playwright',
});
