import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, serviceWorker } from './fixtures';

/** What a context-menu click carries (contextMenus.OnClickData), minus the menu id. */
export interface Click {
  selectionText?: string;
  linkUrl?: string;
}

/**
 * Calls the handler the browser's "Report as complaint" menu calls (Playwright cannot click
 * browser menus) and returns the review it opens: the e2e build opens popup.html in a window.
 */
export async function reportViaMenu(context: BrowserContext, tabId: number, click: Click = {}): Promise<Page> {
  const opened = context.waitForEvent('page', (p) => p.url().includes(`popup.html?review=${tabId}`));
  const sw = await serviceWorker(context);
  await sw.evaluate(
    async ({ tabId, click }) => {
      const cc = (
        globalThis as unknown as { __cc: { MENU_ID: string; handleMenuClick(i: object, t: object): Promise<unknown> } }
      ).__cc;
      await cc.handleMenuClick({ menuItemId: cc.MENU_ID, ...click }, { id: tabId });
    },
    { tabId, click },
  );
  const review = await opened;
  await review.waitForLoadState();
  return review;
}

/** Calls the handler the capture shortcut (commands API) calls, and returns the review it opens. */
export async function captureViaShortcut(context: BrowserContext, tabId: number): Promise<Page> {
  const opened = context.waitForEvent('page', (p) => p.url().includes(`popup.html?review=${tabId}`));
  const sw = await serviceWorker(context);
  await sw.evaluate(async (tabId) => {
    const cc = (
      globalThis as unknown as { __cc: { COMMAND_ID: string; handleCommand(c: string, t: object): Promise<unknown> } }
    ).__cc;
    await cc.handleCommand(cc.COMMAND_ID, { id: tabId });
  }, tabId);
  const review = await opened;
  await review.waitForLoadState();
  return review;
}

/** Rows of one IndexedDB table of the extension, read in the service worker. */
export async function rows<T = Record<string, unknown>>(
  context: BrowserContext,
  table: 'cases' | 'mentions' | 'outbox' | 'identities' | 'evidence',
): Promise<T[]> {
  const sw = await serviceWorker(context);
  return sw.evaluate(
    (table) =>
      new Promise<T[]>((ok, fail) => {
        const open = indexedDB.open('complaint-capture');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(table).objectStore(table).getAll();
          req.onsuccess = () => {
            ok(req.result as T[]);
            open.result.close();
          };
          req.onerror = () => fail(req.error);
        };
      }),
    table,
  );
}

/** Fails with the list of violations when axe finds any on the page (every view is checked). */
export async function expectAccessible(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Selects `text` inside the element matching `selector`, as an agent dragging over it would. */
export async function selectText(page: Page, selector: string, text: string): Promise<void> {
  await page.evaluate(
    ({ selector, text }) => {
      const el = document.querySelector(selector);
      const node = el && [...el.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.includes(text));
      if (!node?.textContent) throw new Error(`no text "${text}" in ${selector}`);
      const start = node.textContent.indexOf(text);
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + text.length);
      const sel = getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
    },
    { selector, text },
  );
}

/**
 * Saves a review as an agent would: the popup has no silent default, so a category (the suggestion,
 * else service) and a severity (medium) are picked when none is, then Save.
 */
export async function decideAndSave(review: Page): Promise<void> {
  if (!(await review.locator('input[name=category]:checked').count()))
    await review.locator('label.chip:has(input[name=category][value=service])').click();
  if (!(await review.locator('input[name=severity]:checked').count()))
    await review.locator('label.chip:has(input[name=severity][value=medium])').click();
  await review.click('button[type=submit]');
}

/** Switches case markers on for the page's site from the side panel's ⋯ menu (off the queue). */
export async function showMarkers(panel: Page): Promise<void> {
  await panel.locator('details.menu > summary').click();
  await panel.getByTestId('markers-toggle').click();
}

/** An instant as a datetime-local input shows it: the browser's (and this machine's) local time. */
export function localInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
