import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { BackgroundGlobal, BrowserDriver, E2EPage } from './types';
import { wrapPuppeteerPage } from './puppeteer-page';

/** Debian's Firefox ESR (see ../shared/E2E-NOTES.md); FIREFOX_PATH picks another. */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The add-on id of wxt.config.ts (`browser_specific_settings.gecko.id`). */
export const GECKO_ID = 'complaint-capture@webcare.example';
/**
 * Pinned through `extensions.webextensions.uuids`: the extension's pages stay at
 * moz-extension://<this>/ and its IndexedDB at the same origin across restarts.
 */
export const EXTENSION_UUID = '5b0c6a52-5e1f-4c3b-9d8e-2f6a7c1e0d94';
const ORIGIN = `moz-extension://${EXTENSION_UUID}/`;

/** The e2e build packed for Firefox (npm run build:e2e:firefox). */
export function firefoxPackage(): string {
  const dir = resolve('.output-e2e');
  const zip = readdirSync(dir).find((f) => f.endsWith('-firefox.zip'));
  if (!zip) throw new Error('No Firefox test build in .output-e2e: run npm run build:e2e:firefox');
  return join(dir, zip);
}

/**
 * Starts Firefox on `profileDir` with the test build installed as a regular add-on: the package
 * sits in the profile's extensions folder, which Firefox loads at every start (ESR accepts it
 * unsigned with `xpinstall.signatures.required` off). Unlike a temporary add-on it survives a
 * restart, so a restart here is what an agent's restart is.
 */
async function launchFirefox(profileDir: string, locale: string): Promise<Browser> {
  const installed = join(profileDir, 'extensions', `${GECKO_ID}.xpi`);
  // Copied once: a newer file at a restart would be an update (runtime.onInstalled), not a restart.
  if (!existsSync(installed)) {
    mkdirSync(dirname(installed), { recursive: true });
    copyFileSync(firefoxPackage(), installed);
  }
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    userDataDir: profileDir,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      'xpinstall.signatures.required': false,
      // A package in the profile folder starts enabled, without asking.
      'extensions.autoDisableScopes': 0,
      // The UI language needs Firefox's language pack (Debian: firefox-esr-l10n-nl).
      'intl.locale.requested': locale,
      'intl.accept_languages': locale,
    },
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Where a page is, or '' while it navigates (puppeteer reports about:blank for extension pages). */
async function hrefOf(page: Page): Promise<string> {
  return page.evaluate(() => (document.readyState === 'complete' ? location.href : '')).catch(() => '');
}

async function waitForHref(page: Page, wanted: (href: string) => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (wanted(await hrefOf(page))) return;
    await sleep(50);
  }
  throw new Error(`Firefox did not open ${what}`);
}

export class FirefoxDriver implements BrowserDriver {
  readonly engine = 'firefox' as const;
  private harness: Page | null = null;

  private constructor(
    private browser: Browser,
    private readonly profileDir: string,
    private readonly locale: string,
    private readonly pagesOrigin: string,
  ) {}

  static async start(profileDir: string, locale: string, pagesOrigin: string): Promise<FirefoxDriver> {
    return new FirefoxDriver(await launchFirefox(profileDir, locale), profileDir, locale, pagesOrigin);
  }

  /**
   * WebDriver BiDi may not navigate to a moz-extension:// address, so the tab visits a loopback
   * address the test build's background watches, and the background opens its page in that tab.
   */
  private async openOwnPage(path: string): Promise<Page> {
    const page = await this.browser.newPage();
    // The background may take the tab over before this load completes, which aborts it: expected,
    // so the check is where the tab ends up.
    await page.goto(`${this.pagesOrigin}/__e2e__/open?path=${encodeURIComponent(path)}`).catch(() => {});
    await waitForHref(page, (h) => h === ORIGIN + path, path);
    return page;
  }

  async openExtensionPage(path: string): Promise<E2EPage> {
    return wrapPuppeteerPage(await this.openOwnPage(path));
  }

  async openTab(url: string, html?: string): Promise<{ page: E2EPage; tabId: number }> {
    const page = await this.browser.newPage();
    if (html !== undefined) await serveOnly(page, url, html);
    const wrapped = wrapPuppeteerPage(page);
    await page.goto(url);
    return { page: wrapped, tabId: await this.tabIdOf(url) };
  }

  private async tabIdOf(url: string): Promise<number> {
    const id = await this.background(
      async (g, u) => (await g.__cc.browser.tabs.query({})).find((t) => t.url === u)?.id ?? null,
      url,
    );
    if (id === null) throw new Error(`no tab shows ${url}`);
    return id;
  }

  async pageOpenedBy(fragment: string, action: () => Promise<unknown>): Promise<E2EPage> {
    const before = new Set(await this.browser.pages());
    await action();
    for (let i = 0; i < 200; i++) {
      for (const page of await this.browser.pages()) {
        if (!before.has(page) && (await hrefOf(page)).includes(fragment)) return wrapPuppeteerPage(page);
      }
      await sleep(50);
    }
    throw new Error(`no extension page with ${fragment} opened`);
  }

  /**
   * An MV2 background page is not a browsing context WebDriver BiDi can reach; an extension page
   * can, and `runtime.getBackgroundPage()` hands it the background's global scope.
   */
  async background<T, A>(fn: (g: BackgroundGlobal, arg: A) => T | Promise<T>, arg: A): Promise<T> {
    this.harness ??= await this.openOwnPage('options.html');
    const call = `(async () => { const g = await browser.runtime.getBackgroundPage(); return (${fn.toString()})(g, ${JSON.stringify(arg) ?? 'undefined'}); })()`;
    return this.harness.evaluate(call) as Promise<T>;
  }

  async restart(): Promise<void> {
    await this.browser.close();
    this.harness = null;
    this.browser = await launchFirefox(this.profileDir, this.locale);
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => {});
  }
}

/** Serves `html` at `url` and lets only loopback requests through (no network; scripts off, as in a saved page). */
async function serveOnly(page: Page, url: string, html: string): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (r) => {
    if (r.isInterceptResolutionHandled()) return;
    if (r.url() === url)
      void r.respond({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        headers: { 'content-security-policy': "script-src 'none'" },
        body: html,
      });
    else if (/^http:\/\/127\.0\.0\.1[:/]/.test(r.url())) void r.continue();
    else void r.abort();
  });
}
