import { test, expect, eventually, runsIn } from './driver';
import { openPanel, reportViaMenu, save } from './steps';

// Case markers in Firefox: switched on from the panel for one site, shown on the comment that has a
// case; a marker's click cannot open Firefox's sidebar (only the extension's own UI may), so the
// sidebar that is open (Firefox opens it at install) shows that case first.
test(
  'a case marker in Firefox shows its case first in the open sidebar',
  runsIn('firefox'),
  async ({ driver, pages }) => {
    const pageUrl = `${pages.origin}/blog-comments.html`;
    const { page, tabId } = await driver.openTab(pageUrl);
    const review = await reportViaMenu(driver, tabId, await page.rightClick('#comment-14 .comment-content p'));
    await save(review);
    await review.close();

    const panel = await openPanel(driver, tabId);
    await eventually(() => panel.count('[data-testid=markers-toggle]')).toBe(1);
    // Markers live in the side panel's menu, off the queue.
    await panel.click('details.menu > summary');
    await panel.click('[data-testid=markers-toggle]');
    await eventually(() => panel.text('[data-testid=markers-toggle]')).toContain('Hide case markers');
    // The agent looks at the page: Firefox runs a background tab's idle callbacks (the markers' scan) late.
    await page.bringToFront();
    await eventually(() => page.count('#comment-14 [data-cc-marker]')).toBe(1);
    expect(await page.count('[data-cc-marker]')).toBe(1);

    await page.click('#comment-14 [data-cc-marker]');
    const sidebarFocus = () =>
      driver.background((g) => {
        const views = g.__cc.browser.extension!.getViews({ type: 'sidebar' });
        return views.map(
          (v) => v.document.querySelector('[data-testid=focus] [data-testid=mention-text]')?.textContent ?? null,
        );
      }, null);
    await eventually(sidebarFocus).toEqual([expect.stringContaining('Nu ook geen tv meer')]);
    expect(await driver.background((g) => g.__cc.browser.sidebarAction!.isOpen({}), null)).toBe(true);
  },
);
