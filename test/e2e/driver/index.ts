import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '../fixtures';
import { ChromiumDriver } from './chromium';
import { FirefoxDriver } from './firefox';
import type { BrowserDriver, Engine } from './types';

export type { BrowserDriver, E2EPage, Engine, MenuClick } from './types';
export { expect };

interface DriverFixtures {
  /** The browser of this project, with the test build on a fresh profile, in English. */
  driver: BrowserDriver;
  /**
   * Starts another browser of this project on a fresh profile (for a second language, say; or,
   * in Chromium, a screen of another devicePixelRatio).
   */
  launch: (locale?: string, opts?: { deviceScaleFactor?: number }) => Promise<BrowserDriver>;
}

/**
 * The fixture for specs written once for both browsers. Which browser runs is the Playwright
 * project's `engine` (playwright.config.ts); which projects pick a test is its tags (`runsIn`).
 */
export const test = base.extend<DriverFixtures, { engine: Engine }>({
  engine: ['chromium', { option: true, scope: 'worker' }],
  launch: async ({ engine, pages }, use) => {
    const started: { driver: BrowserDriver; dir: string }[] = [];
    await use(async (locale = 'en-US', opts = {}) => {
      const dir = mkdtempSync(join(tmpdir(), `cc-${engine}-`));
      const driver =
        engine === 'firefox'
          ? await FirefoxDriver.start(dir, locale, pages.origin)
          : await ChromiumDriver.start(dir, locale, opts.deviceScaleFactor);
      started.push({ driver, dir });
      return driver;
    });
    for (const { driver, dir } of started) {
      await driver.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
  driver: async ({ launch }, use) => {
    await use(await launch());
  },
});

/** The browsers a test runs in, as the tags the projects of playwright.config.ts select by. */
export function runsIn(...engines: Engine[]): { tag: string[] } {
  return { tag: engines.map((e) => `@${e}`) };
}

/** Polls `read` until the assertion that follows holds (the pages update asynchronously). */
export function eventually<T>(read: () => Promise<T>, timeout = 15_000) {
  return expect.poll(read, { timeout });
}
