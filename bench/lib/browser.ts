import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The e2e build: host permission for 127.0.0.1 and `?tabId=` honoured (see test/e2e/fixtures.ts). */
export const E2E_EXTENSION_DIR = resolve('.output-e2e/chrome-mv3');
import { CHROMIUM_PATH as CHROMIUM, chromiumArgs } from '../../test/e2e/chromium';

export interface Browser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  close(): Promise<void>;
}

/**
 * Headless Debian Chromium with `extensionDir` loaded (the e2e build, or its copy with the bench's
 * floor page), on a throw-away profile (flags as in test/e2e/fixtures.ts).
 */
export async function launch(extensionDir = E2E_EXTENSION_DIR): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'cc-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'en-US',
    viewport: { width: 1280, height: 900 },
    args: chromiumArgs(extensionDir, 'en-US'),
  });
  // tsx compiles functions passed to page.evaluate with esbuild's keepNames, which calls __name().
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return {
    context,
    worker,
    extensionId: new URL(worker.url()).host,
    close: async () => {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The id of the tab showing `url`, asked of the extension's service worker. */
export async function tabIdOf(worker: Worker, url: string): Promise<number> {
  const id = await worker.evaluate(async (u) => {
    const api = (
      globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }
    ).chrome;
    return (await api.tabs.query({})).find((t) => t.url === u)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`no tab shows ${url}`);
  return id;
}
