import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { extensionIdOf, launchBrowser, serviceWorker, tabIdOf } from '../fixtures';
import type { BackgroundGlobal, BrowserDriver, E2EPage } from './types';
import { read } from './dom-reads';

/** An E2EPage over a Playwright page (Chromium). */
export function wrapPlaywrightPage(page: Page): E2EPage {
  const dialogs: string[] = [];
  const requests: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => void requests.push(r.url()));
  return {
    value: (s) => page.evaluate(read.value, s),
    text: (s) => page.evaluate(read.text, s),
    texts: (s) => page.evaluate(read.texts, s),
    count: (s) => page.evaluate(read.count, s),
    attribute: (s, name) => page.evaluate(read.attribute, [s, name] as [string, string]),
    fill: (s, value) => page.locator(s).first().fill(value),
    click: (s) => page.locator(s).first().click(),
    clickButton: (name) => page.getByRole('button', { name, exact: true }).click(),
    select: async (s, value) => void (await page.locator(s).first().selectOption(value)),
    hover: (s) => page.locator(s).first().hover(),
    // Chromium has no target-element API: the handler reads the hovered element, which a right-click leaves.
    rightClick: async (s) => {
      await page.locator(s).first().click({ button: 'right' });
      return {};
    },
    bringToFront: () => page.bringToFront(),
    evaluate: <T, A>(fn: (arg: A) => T | Promise<T>, arg: A) => page.evaluate(fn as never, arg) as Promise<T>,
    axeViolations: async () =>
      (await new AxeBuilder({ page }).analyze()).violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      ),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    screenshot: async (path) => void (await page.screenshot({ path })),
    dialogs: () => dialogs,
    requests: () => requests,
    close: () => page.close(),
  };
}

export class ChromiumDriver implements BrowserDriver {
  readonly engine = 'chromium' as const;

  private constructor(
    private context: BrowserContext,
    private readonly profileDir: string,
    private readonly locale: string,
    private readonly deviceScaleFactor?: number,
  ) {}

  static async start(profileDir: string, locale: string, deviceScaleFactor?: number): Promise<ChromiumDriver> {
    return new ChromiumDriver(
      await launchBrowser(profileDir, locale, deviceScaleFactor),
      profileDir,
      locale,
      deviceScaleFactor,
    );
  }

  async openTab(url: string, html?: string): Promise<{ page: E2EPage; tabId: number }> {
    const page = await this.context.newPage();
    if (html !== undefined) {
      // No network: this one address is served, loopback passes, anything else is refused.
      await page.route('**/*', (route) => {
        const u = route.request().url();
        if (u === url)
          return route.fulfill({
            contentType: 'text/html; charset=utf-8',
            headers: { 'content-security-policy': "script-src 'none'" },
            body: html,
          });
        return /^http:\/\/127\.0\.0\.1[:/]/.test(u) ? route.continue() : route.abort();
      });
    }
    const wrapped = wrapPlaywrightPage(page);
    await page.goto(url);
    return { page: wrapped, tabId: await tabIdOf(this.context, url) };
  }

  async openExtensionPage(path: string): Promise<E2EPage> {
    const page = await this.context.newPage();
    const wrapped = wrapPlaywrightPage(page);
    await page.goto(`chrome-extension://${await extensionIdOf(this.context)}/${path}`);
    return wrapped;
  }

  async pageOpenedBy(fragment: string, action: () => Promise<unknown>): Promise<E2EPage> {
    const opened = this.context.waitForEvent('page', (p) => p.url().includes(fragment));
    await action();
    const page = await opened;
    await page.waitForLoadState();
    return wrapPlaywrightPage(page);
  }

  async background<T, A>(fn: (g: BackgroundGlobal, arg: A) => T | Promise<T>, arg: A): Promise<T> {
    const sw = await serviceWorker(this.context);
    return sw.evaluate(`(${fn.toString()})(globalThis, ${JSON.stringify(arg) ?? 'undefined'})`) as Promise<T>;
  }

  async restart(): Promise<void> {
    await this.context.close();
    this.context = await launchBrowser(this.profileDir, this.locale, this.deviceScaleFactor);
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => {});
  }
}
