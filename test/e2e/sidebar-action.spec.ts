import { test, expect, eventually, runsIn, type BrowserDriver } from './driver';
import { linkedCards, openPopup, openWindow, save } from './steps';

/** What Firefox's real sidebar (sidebar_action) in one window shows now, or null when it is closed there. */
function sidebarIn(driver: BrowserDriver, windowId: number) {
  return driver.background(
    (g, { windowId, cards }) => {
      const [view] = g.__cc.browser.extension!.getViews({ type: 'sidebar', windowId });
      if (!view) return null;
      return {
        page: view.location.pathname,
        linked: [...view.document.querySelectorAll(`${cards} [data-testid=excerpt]`)].map((e) => e.textContent ?? ''),
      };
    },
    { windowId, cards: linkedCards },
  );
}

// Firefox's own panel: sidebar_action. The popup's button opens it from the agent's click (the only
// way Firefox allows); it lists the cases linked to the active tab of its own window and follows
// tab switches there. Chrome's side panel has its own spec.
test(
  'the popup opens the Firefox sidebar, which lists the linked cases of its window and follows tab switches',
  runsIn('firefox'),
  async ({ driver, pages }) => {
    const firstWindow = await driver.background(async (g) => (await g.__cc.browser.tabs.query({}))[0]!.windowId!, null);
    // Firefox opens the sidebar at install, in the first window; a second window starts without one.
    const post = `${pages.origin}/blog-comments.html`;
    const { page, tabId, windowId } = await openWindow(driver, post);
    expect(windowId).not.toBe(firstWindow);
    expect(await sidebarIn(driver, windowId)).toBeNull();

    const popup = await openPopup(driver, tabId);
    await save(popup);
    expect(await popup.text('.saved .row button')).toBe('Open sidebar');
    await popup.clickButton('Open sidebar');
    await eventually(() =>
      driver.background((g, windowId) => g.__cc.browser.sidebarAction!.isOpen({ windowId }), windowId),
    ).toBe(true);
    // Open is not loaded: the sidebar's page answers once it has started.
    await eventually(async () => (await sidebarIn(driver, windowId))?.page).toBe('/sidepanel.html');

    await page.bringToFront();
    await eventually(async () => (await sidebarIn(driver, windowId))?.linked).toEqual([
      expect.stringContaining('ligt het internet in heel Utrecht-Oost plat'),
    ]);
    // The first window's sidebar shows its own active tab, not this window's page.
    expect((await sidebarIn(driver, firstWindow))?.linked).toEqual([]);

    // Another post by someone else in this window: nothing linked; back on the first tab, its case.
    const other = await driver.openTab(`${pages.origin}/blog-post.html`);
    const otherWindow = await driver.background(
      async (g, id) => (await g.__cc.browser.tabs.get(id)).windowId,
      other.tabId,
    );
    expect(otherWindow).toBe(windowId);
    await eventually(async () => (await sidebarIn(driver, windowId))?.linked).toEqual([]);
    await page.bringToFront();
    await eventually(async () => (await sidebarIn(driver, windowId))?.linked).toHaveLength(1);
  },
);
