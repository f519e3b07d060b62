import { test, expect, eventually, runsIn } from './driver';
import { reportViaMenu } from './steps';

// Firefox's menus API names the right-clicked element (menus.getTargetElement): the capture takes
// that element even when the pointer has moved on, where Chrome can only read the hovered one.
test(
  'Firefox shows "Report as complaint" on a comment and captures the right-clicked one after the pointer moved',
  runsIn('firefox'),
  async ({ driver, pages }) => {
    await driver.background((g) => {
      const w = g as unknown as { __ccShown?: (string | number)[] };
      g.__cc.menus.onShown!.addListener((info) => (w.__ccShown = [...info.menuIds]));
    }, null);
    const pageUrl = `${pages.origin}/blog-comments.html`;
    const { page, tabId } = await driver.openTab(pageUrl);

    const click = await page.rightClick('#comment-14 .comment-content p');
    expect(click.targetElementId).toEqual(expect.any(Number));
    // The menu Firefox showed for that right-click held the extension's item.
    await eventually(() =>
      driver.background((g) => (g as unknown as { __ccShown?: string[] }).__ccShown ?? [], null),
    ).toContain('report-complaint');

    await page.hover('#comment-12 .comment-content p');
    const review = await reportViaMenu(driver, tabId, click);
    expect(await review.value('input[name=url]')).toBe(`${pageUrl}#comment-14`);
    expect(await review.value('textarea[name=text]')).toMatch(/Nu ook geen tv meer/);

    // Without the element's id the handler falls back to the hovered comment: the id made the difference.
    const hovered = await reportViaMenu(driver, tabId, {});
    expect(await hovered.value('input[name=url]')).toBe(`${pageUrl}#comment-12`);
  },
);
