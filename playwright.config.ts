import { defineConfig } from '@playwright/test';
import type { Engine } from './test/e2e/driver/types';

// One worker: every test launches its own browser with the extension, and CI has two cores.
// Two projects, one per browser: a test runs in the projects its tags name (runsIn() in
// test/e2e/driver), so `--project=firefox` runs the Firefox suite alone.
export default defineConfig<object, { engine: Engine }>({
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
  projects: [
    { name: 'chromium', grep: /@chromium/, use: { engine: 'chromium' } },
    { name: 'firefox', grep: /@firefox/, use: { engine: 'firefox' } },
  ],
});
