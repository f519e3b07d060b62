import { test as base, chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startPageServer, type PageServer } from './page-server';
import { CHROMIUM_PATH, chromiumArgs } from './chromium';

/** The e2e build (npm run build:e2e): host permission for 127.0.0.1 and `?tabId=` honoured. */
export const EXTENSION_DIR = resolve('.output-e2e/chrome-mv3');

/**
 * Launches Debian's Chromium with the built extension on a profile directory (see
 * shared/E2E-NOTES.md). With `deviceScaleFactor`, the screen's own: no viewport emulation.
 */
export async function launchBrowser(
  profileDir: string,
  locale = 'en-US',
  deviceScaleFactor?: number,
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    locale,
    ...(deviceScaleFactor ? { viewport: null } : {}),
    args: chromiumArgs(EXTENSION_DIR, locale, deviceScaleFactor),
  });
}

export async function serviceWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

export async function extensionIdOf(context: BrowserContext): Promise<string> {
  return new URL((await serviceWorker(context)).url()).host;
}

/** The id of the tab showing `url`, asked of the extension itself. */
export async function tabIdOf(context: BrowserContext, url: string): Promise<number> {
  const sw = await serviceWorker(context);
  const id = await sw.evaluate(async (u) => {
    const api = (
      globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }
    ).chrome;
    return (await api.tabs.query({})).find((t) => t.url === u)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`no tab shows ${url}`);
  return id;
}

/** Opens `url` in a new tab of `context` and returns the page and its tab id (what the popup and panel are told). */
export async function openTab(context: BrowserContext, url: string): Promise<{ page: Page; tabId: number }> {
  const page = await context.newPage();
  await page.goto(url);
  return { page, tabId: await tabIdOf(context, url) };
}

interface Fixtures {
  profileDir: string;
  context: BrowserContext;
  extensionId: string;
  /** Closes the browser and opens it again on the same profile, as after a restart. */
  restart: () => Promise<BrowserContext>;
  openExtensionPage: (path: string, ctx?: BrowserContext) => Promise<Page>;
}

export const test = base.extend<Fixtures, { pages: PageServer }>({
  pages: [
    async ({}, use) => {
      const server = await startPageServer(resolve('test/e2e/pages'));
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  profileDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-profile-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  context: async ({ profileDir }, use) => {
    const holder = { ctx: await launchBrowser(profileDir) };
    await use(holder.ctx);
    await holder.ctx.close().catch(() => {});
  },
  extensionId: async ({ context }, use) => {
    await use(await extensionIdOf(context));
  },
  restart: async ({ context, profileDir }, use) => {
    let current = context;
    await use(async () => {
      await current.close();
      current = await launchBrowser(profileDir);
      return current;
    });
    if (current !== context) await current.close().catch(() => {});
  },
  openExtensionPage: async ({ context, extensionId }, use) => {
    await use(async (path, ctx = context) => {
      const page = await ctx.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    });
  },
});

export const expect = test.expect;
