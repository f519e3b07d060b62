import { expect, eventually, type BrowserDriver, type E2EPage, type MenuClick } from './driver';

/**
 * The steps the specs for both browsers share, written once over the driver. Extension pages are
 * opened as tabs: `?tabId=` (honoured in the test build only) says which tab the popup or the
 * side panel is about, since no test can click the toolbar button.
 */

export const saved = '[data-testid=saved]';

/** The popup for a tab, once it shows what it read from the page. */
export async function openPopup(driver: BrowserDriver, tabId: number): Promise<E2EPage> {
  const popup = await driver.openExtensionPage(`popup.html?tabId=${tabId}`);
  await eventually(() => popup.value('textarea[name=text]')).not.toBeNull();
  return popup;
}

/** Picks one choice of the popup's decisions (a category or severity chip). */
export async function choose(review: E2EPage, name: 'category' | 'severity', value: string): Promise<void> {
  await review.click(`input[name=${name}][value=${value}]`);
}

/**
 * Saves the review and waits for the popup to say so. The popup has no silent default: a category
 * and a severity the test did not pick are picked here (service, medium), as an agent would.
 */
export async function save(review: E2EPage): Promise<void> {
  if (!(await review.count('input[name=category]:checked'))) await choose(review, 'category', 'service');
  if (!(await review.count('input[name=severity]:checked'))) await choose(review, 'severity', 'medium');
  await review.click('button[type=submit]');
  await eventually(() => review.count(saved)).toBe(1);
}

/** The side panel page for a tab, as the panel shows it for the active tab. */
export async function openPanel(driver: BrowserDriver, tabId?: number): Promise<E2EPage> {
  return driver.openExtensionPage(tabId === undefined ? 'sidepanel.html' : `sidepanel.html?tabId=${tabId}`);
}

/**
 * The queue's rows: in its first view ("This page") the cases linked to the page, the page's own
 * case pinned first.
 */
export const linkedCards = '[data-testid=case-row]';

/** The sync state of each queue row (`local`, `queued`, `sent`, `failed`), as its mark says. */
export function syncStates(panel: E2EPage): Promise<string[]> {
  return panel.evaluate(
    (sel) => [...document.querySelectorAll(`${sel} [data-testid=sync]`)].map((e) => e.getAttribute('data-state') ?? ''),
    linkedCards,
  );
}

/** Opens (expands) the queue row matching `selector` and waits for its detail. */
export async function openRow(panel: E2EPage, selector = linkedCards): Promise<void> {
  await panel.click(`${selector} .qrow-head`);
  await eventually(() => panel.count('[data-testid=case-detail]')).toBe(1);
}

/**
 * Calls the handler the browser's "Report as complaint" menu calls, with what the browser's click
 * would carry, and returns the review it opens (the test build opens popup.html in a window).
 */
export async function reportViaMenu(driver: BrowserDriver, tabId: number, click: MenuClick = {}): Promise<E2EPage> {
  const review = await driver.pageOpenedBy(`popup.html?review=${tabId}`, () =>
    driver.background(
      async (g, { tabId, click }) => {
        await g.__cc.handleMenuClick({ menuItemId: g.__cc.MENU_ID, ...click }, { id: tabId });
        return null;
      },
      { tabId, click },
    ),
  );
  // A review to fill, or the case a duplicate already has.
  await eventually(() => review.count('textarea[name=text], [data-testid=duplicate]')).toBeGreaterThan(0);
  return review;
}

/** Rows of one IndexedDB table of the extension, read in its background. */
export function rows<T = Record<string, unknown>>(
  driver: BrowserDriver,
  table: 'cases' | 'mentions' | 'outbox' | 'identities',
): Promise<T[]> {
  return driver.background(
    (g, table) =>
      new Promise<T[]>((ok, fail) => {
        const open = g.indexedDB.open('complaint-capture');
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

/** Fails with the list of violations when axe finds any. */
export async function expectAccessible(page: E2EPage): Promise<void> {
  expect(await page.axeViolations()).toEqual([]);
}

/** Fills the options page for the reference backend and saves; the browser grants the origin. */
export async function connectBackend(
  driver: BrowserDriver,
  backend: { url: string; token: string },
  agent: string,
): Promise<E2EPage> {
  const options = await driver.openExtensionPage('options.html');
  await eventually(() => options.count('select[name=backend]')).toBe(1);
  await options.fill('input[name=agentName]', agent);
  await options.select('select[name=backend]', 'http');
  await options.fill('input[name=backendUrl]', backend.url);
  await options.fill('input[name=token]', backend.token);
  await options.clickButton('Save');
  await eventually(() => options.text('[data-testid=options-message]')).toBe('Saved.');
  return options;
}

/** Opens `url` in a new browser window; returns its page, tab and window. */
export async function openWindow(
  driver: BrowserDriver,
  url: string,
): Promise<{ page: E2EPage; tabId: number; windowId: number }> {
  const page = await driver.pageOpenedBy(url, () =>
    driver.background(async (g, url) => void (await g.__cc.browser.windows.create({ url })), url),
  );
  const tab = await driver.background(
    async (g, url) => (await g.__cc.browser.tabs.query({})).find((t) => t.url === url) ?? null,
    url,
  );
  if (tab?.id === undefined || tab.windowId === undefined) throw new Error(`no tab shows ${url}`);
  return { page, tabId: tab.id, windowId: tab.windowId };
}

/**
 * The popup for a tab in a window of its own, as the toolbar's popup sits over the page: the
 * captured tab stays the one in front in its window (the evidence image is taken only then).
 */
export async function openPopupWindow(driver: BrowserDriver, tabId: number): Promise<E2EPage> {
  const popup = await driver.pageOpenedBy(`popup.html?tabId=${tabId}`, () =>
    driver.background(
      async (g, tabId) =>
        void (await g.__cc.browser.windows.create({
          url: g.__cc.browser.runtime.getURL(`/popup.html?tabId=${tabId}`),
          type: 'popup',
          width: 440,
          height: 680,
        })),
      tabId,
    ),
  );
  await eventually(() => popup.value('textarea[name=text]')).not.toBeNull();
  return popup;
}

/** An evidence record as stored, with its PNG decoded: its size and the colour at its centre. */
export interface EvidenceSeen {
  id: string;
  caseId: string | null;
  mentionId: string | null;
  width: number;
  height: number;
  partial: boolean;
  notes: string[];
  sha256: string;
  png: { width: number; height: number; centre: number[] };
}

/** The extension's evidence records, read in its background. */
export function evidenceRows(driver: BrowserDriver): Promise<EvidenceSeen[]> {
  return driver.background(async (g) => {
    const rows = await new Promise<Record<string, unknown>[]>((ok, fail) => {
      const open = g.indexedDB.open('complaint-capture');
      open.onerror = () => fail(open.error);
      open.onsuccess = () => {
        const req = open.result.transaction('evidence').objectStore('evidence').getAll();
        req.onsuccess = () => {
          ok(req.result as Record<string, unknown>[]);
          open.result.close();
        };
        req.onerror = () => fail(req.error);
      };
    });
    return Promise.all(
      rows.map(async (r) => {
        const bitmap = await createImageBitmap(r.image as Blob);
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const g2 = canvas.getContext('2d')!;
        g2.drawImage(bitmap, 0, 0);
        const px = g2.getImageData(Math.floor(bitmap.width / 2), Math.floor(bitmap.height / 2), 1, 1).data;
        return {
          id: r.id as string,
          caseId: r.caseId as string | null,
          mentionId: r.mentionId as string | null,
          width: r.width as number,
          height: r.height as number,
          partial: r.partial as boolean,
          notes: r.notes as string[],
          sha256: r.sha256 as string,
          png: { width: bitmap.width, height: bitmap.height, centre: [px[0]!, px[1]!, px[2]!] },
        };
      }),
    );
  }, null);
}

/** The JSON export exactly as the side panel's "Export JSON" downloads it, asked from an extension page. */
export function exportJsonFrom(page: E2EPage): Promise<string> {
  return page.evaluate(async () => {
    type Api = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    const api = g.browser ?? g.chrome;
    const r = (await api.runtime.sendMessage({ type: 'data/export', payload: { format: 'json' } })) as {
      ok: boolean;
      value?: { content: string };
      error?: string;
    };
    if (!r.ok) throw new Error(r.error);
    return r.value!.content;
  }, null);
}
